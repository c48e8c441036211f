"""CSV and TSV in Anki's text format: header lines so that Anki files each note into its deck
with its tags, and a guid column so that importing again updates instead of duplicating."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from quizkit.models import Note

FORMULA_STARTS = ("=", "+", "-", "@")
BASIC = "Basic"
REVERSED = "Basic (and reversed card)"


def guard_formula(cell: str) -> str:
    """A leading quote stops spreadsheets from running a cell as a formula (=HYPERLINK...)."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def anki_tag(tag: str) -> str:
    """Anki tags are separated by spaces, so spaces inside a tag become underscores."""
    return "_".join(tag.split())


def delimited_text(notes: Iterable[Note], separator: str = ",") -> str:
    """The notes as Anki text: guid, note type, deck, front, back, tags."""
    name = "tab" if separator == "\t" else "comma"
    out = io.StringIO()
    out.write(
        f"#separator:{name}\n#html:false\n#guid column:1\n#notetype column:2\n"
        "#deck column:3\n#tags column:6\n"
    )
    writer = csv.writer(out, delimiter=separator, lineterminator="\n")
    for note in notes:
        row = [
            note.guid,
            REVERSED if note.reverse else BASIC,
            note.deck or "",
            note.question,
            note.answer,
            " ".join(anki_tag(t) for t in note.tags),
        ]
        writer.writerow([guard_formula(cell) for cell in row])
    return out.getvalue()
