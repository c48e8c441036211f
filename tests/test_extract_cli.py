"""`quizkit extract`: JSON shape, summary, encodings, and one line per bad file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from quizkit.cli import cli

ARTICLE = (
    "Baltic ministers meet in Riga\n\n"
    "RIGA, Latvia, 9 May 2023\n\n"
    "Latvian Defence Minister Inara Murniece, Estonian Defence Minister Hanno Pevkur and "
    "Lithuanian Defence Minister Arvydas Anusauskas took part in the meeting.\n"
    "The ministers agreed on Tuesday to buy 18 air-defence systems.\n"
)


def write(path: Path, text: str, encoding: str = "utf-8") -> str:
    path.write_bytes(text.encode(encoding))
    return str(path)


def test_json_follows_the_scorer_contract(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["extract", write(tmp_path / "riga.txt", ARTICLE), "--json"])
    assert result.exit_code == 0, result.output
    (doc,) = json.loads(result.stdout)["documents"]
    assert doc["source"].endswith("riga.txt")
    assert doc["dateline"] == "2023-05-09"
    kinds = [f["kind"] for f in doc["facts"]]
    assert set(kinds) == {"date", "official", "participants", "number"}
    sentences = {s["index"]: s["text"] for s in doc["sentences"]}
    assert len(sentences) == len(doc["sentences"])
    for fact in doc["facts"]:
        assert {"sentence_index", "start", "end"} <= fact.keys()
        assert "sentence" not in fact
        assert fact["text"] in sentences[fact["sentence_index"]]
    official = next(f for f in doc["facts"] if f["kind"] == "official")
    assert official == {
        "kind": "official",
        "person": "Inara Murniece",
        "office": "Defense Minister",
        "country": "Latvia",
        "aliases": ["Murniece"],
        "former": False,
        "text": "Latvian Defence Minister Inara Murniece",
        "sentence_index": 3,
        "start": official["start"],
        "end": official["end"],
    }
    dates = [(f["date"], f["text"]) for f in doc["facts"] if f["kind"] == "date"]
    # The dateline dates no event of its own: only the body's Tuesday is a fact.
    assert dates == [("2023-05-09", "Tuesday")]
    numbers = [(f["value"], f["what"]) for f in doc["facts"] if f["kind"] == "number"]
    assert numbers == [(18, "air-defence systems")]


def test_summary_is_grouped_by_kind(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["extract", write(tmp_path / "riga.txt", ARTICLE)])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].endswith("riga.txt (dateline 2023-05-09)")
    headings = [line.strip() for line in lines if line.strip().endswith(":")]
    assert headings == ["Dates:", "Officials:", "Participants:", "Numbers:"]
    assert "    Hanno Pevkur, Defense Minister, Estonia (also Pevkur)" in lines


def test_bom_and_crlf_read_like_plain_utf8(runner: CliRunner, tmp_path: Path) -> None:
    plain = write(tmp_path / "plain.txt", ARTICLE)
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + ARTICLE.replace("\n", "\r\n").encode("utf-8"))
    outputs = []
    for path in (plain, str(bom)):
        result = runner.invoke(cli, ["extract", path, "--json"])
        assert result.exit_code == 0 and result.stderr == ""
        (doc,) = json.loads(result.stdout)["documents"]
        outputs.append(doc["facts"])
    assert outputs[0] == outputs[1]


def test_cp1252_is_read_with_a_warning(runner: CliRunner, tmp_path: Path) -> None:
    path = write(
        tmp_path / "old.txt", ARTICLE.replace("took part", "took part – with aides –"), "cp1252"
    )
    result = runner.invoke(cli, ["extract", path, "--json"])
    assert result.exit_code == 0
    assert result.stderr == f"quizkit: {path}: not valid UTF-8, read as cp1252\n"
    assert json.loads(result.stdout)["documents"][0]["dateline"] == "2023-05-09"


def test_bad_files_get_one_line_each_and_the_rest_is_read(
    runner: CliRunner, tmp_path: Path
) -> None:
    good = write(tmp_path / "good.txt", ARTICLE)
    empty = write(tmp_path / "empty.txt", "")
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    missing = str(tmp_path / "missing.txt")
    result = runner.invoke(cli, ["extract", empty, str(binary), missing, good, "--json"])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"quizkit: {empty}: empty file, no text to extract from",
        f"quizkit: {binary}: binary file, not a text article",
        f"quizkit: {missing}: no such file",
    ]
    assert [d["source"] for d in json.loads(result.stdout)["documents"]] == [good]
    assert "Traceback" not in result.output


def test_year_and_date_options(runner: CliRunner, tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "Flood\n\nThe river burst its banks on April 2.\n")
    found = []
    for options in ([], ["--year", "2019"], ["--date", "2021-06-30"]):
        result = runner.invoke(cli, ["extract", path, "--json", *options])
        facts = json.loads(result.stdout)["documents"][0]["facts"]
        found.append([f["date"] for f in facts if f["kind"] == "date"])
    assert found == [["--04-02"], ["2019-04-02"], ["2021-04-02"]]
    bad = runner.invoke(cli, ["extract", path, "--date", "30/06/2021"])
    assert bad.exit_code == 2 and "Traceback" not in bad.output


def test_help_does_not_import_the_extractor() -> None:
    code = (
        "import sys\n"
        "from click.testing import CliRunner\n"
        "from quizkit.cli import cli\n"
        "assert CliRunner().invoke(cli, ['--help']).exit_code == 0\n"
        "print(sorted(m for m in sys.modules if m.startswith('quizkit.extract')))\n"
    )
    repo = Path(__file__).resolve().parents[1]
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=repo, check=True
    )
    assert out.stdout.strip() == "[]"
