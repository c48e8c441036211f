"""CSV, TSV and Anki's text exports: one note per row.

Anki's header lines (`#separator:`, `#html:`, `#tags:`, `#columns:`, `#notetype:`, `#deck:`,
`#notetype column:`, `#deck column:`, `#tags column:`, `#guid column:`) are honoured. Without
them, a first row of known names (front, back, question, answer, term, definition, tags, ...)
names the columns; otherwise the first column is the front and the second the back.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import chain, repeat
from operator import itemgetter, methodcaller
from pathlib import Path
from typing import Protocol

from quizkit.errors import InputError
from quizkit.extra import NoteExtra
from quizkit.importers import (
    FORMULA_GUARD,
    ImportBatch,
    ImportOptions,
    PlainPieces,
    Problems,
    ReadWhole,
    Warn,
    content_guids,
    default_deck_name,
    guid_maker,
    unguard_formula,
)
from quizkit.models import DeckInfo, Note, NoteTable, content_guid
from quizkit.textfile import LONE_CR, MAX_TEXT_BYTES, UTF16_BOMS, read_capped, read_text

MAX_COLUMNS = 1000
SEPARATOR_NAMES = {
    "comma": ",",
    "semicolon": ";",
    "tab": "\t",
    "space": " ",
    "pipe": "|",
    "colon": ":",
}
SNIFFED = ("\t", ",", ";", "|")
SNIFFED_LINES = 50  # the separator is found from the rows on the body's first lines
FIRST_PIECE_LINES = 128  # lines a file read in pieces has in its first piece, at least
# Where str.splitlines() breaks a line besides "\n" ("\r" never reaches the readers here:
# read_text folds it); the first five are ASCII.
OTHER_LINE_BREAKS = ("\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")
PIECE = 1 << 16  # characters of text split into lines at a time
FRONT_NAMES = {"front", "question", "term", "prompt", "word", "q"}
BACK_NAMES = {"back", "answer", "definition", "meaning", "a"}
ROLE_NAMES = {
    **{name: "front" for name in FRONT_NAMES},
    **{name: "back" for name in BACK_NAMES},
    "tags": "tags",
    "tag": "tags",
    "deck": "deck",
    "guid": "guid",
    "id": "guid",
    "notetype": "notetype",
    "note type": "notetype",
}


@dataclass
class Layout:
    """Which column holds what, from Anki's headers or a header row (0-based)."""

    separator: str | None = None
    html: bool = False
    tags: tuple[str, ...] = ()
    notetype: str = ""
    deck: str | None = None
    columns: dict[str, int] = field(default_factory=dict)
    names_text: str = ""  # `#columns:`, split once the separator is known
    names: list[str] = field(default_factory=list)


def read_delimited(
    path: Path, options: ImportOptions, warn: Warn | None, tab: bool = False
) -> ImportBatch:
    text = read_text(path, warn)
    layout, body, first_line, deck_name = _layout(text, path, options, tab)
    problems = Problems(str(path), options.skip_bad)
    notes = _notes(body, first_line, layout, deck_name, str(path), problems)
    return ImportBatch(DeckInfo(deck_name), notes, problems.skipped)


def plain_pieces(
    path: Path, options: ImportOptions, warn: Warn | None, size: int, tab: bool = False
) -> PlainPieces | None:
    """The file's notes read `size` characters of text at a time, for a file of more than
    two such pieces whose headers allow plain notes (no HTML, no note type); else None.

    Each piece is decoded only when it comes, and read as `_plain_table` reads a whole file,
    with the columns found in the first; a piece that is not plain (a bad row, a value over
    several lines, another shape, text that is not UTF-8) raises ReadWhole, and the whole
    file is then read by `read_delimited`, which finds and words what is wrong.
    """
    data = read_capped(path, MAX_TEXT_BYTES, "text file")
    if len(data) <= 2 * size or data.startswith(UTF16_BOMS) or b"\x00" in data:
        return None  # small, or text that read_text decodes or refuses in its own way
    end = first_piece_end(data, size)
    try:
        head = _piece_text(data[:end], first=True)
    except ReadWhole:
        return None
    layout, body, first_line, deck_name = _layout(head, path, options, tab)
    if layout.html or layout.notetype or body.count("\n") <= SNIFFED_LINES:
        return None  # (the separator is sniffed from the body's first lines: in this piece)
    # as many notes as lines: a plain file has each row on one line
    notes = data.count(b"\n") - first_line + 1
    tables = _plain_pieces(data, end, body, first_line, layout, deck_name, size)
    return PlainPieces(deck_name, notes, tables)


def first_piece_end(data: bytes, size: int) -> int:
    """Where the first piece ends: at the end of the line that reaches a quarter of `size`,
    and not before FIRST_PIECE_LINES lines (headers and the lines the separator is sniffed
    from, as in the whole file)."""
    end = data.find(b"\n", size // 4)
    line_end = -1
    for _ in range(FIRST_PIECE_LINES):
        line_end = data.find(b"\n", line_end + 1)
        if line_end < 0:
            return len(data)
    return max(end, line_end) + 1 if end >= 0 else len(data)


def _piece_text(raw: bytes, first: bool = False) -> str:
    """A piece of the file (ending where a line ends) as text, as read_text decodes the
    whole file; ReadWhole for anything it would decode otherwise (not UTF-8, a lone CR)."""
    try:
        text = raw.decode("utf-8-sig" if first else "utf-8")
    except UnicodeDecodeError:
        raise ReadWhole("not UTF-8") from None
    if "\r" in text:
        if LONE_CR.search(text):
            raise ReadWhole("a line end of old Macs")
        text = text.replace("\r", "")  # each ends a CRLF, as read_text folds them
    return text


def _plain_pieces(
    data: bytes,
    start: int,
    body: str,
    first_line: int,
    layout: Layout,
    deck_name: str,
    size: int,
) -> Iterator[NoteTable]:
    """The notes of the first piece's `body`, then of each piece of about `size`
    characters of `data` from `start` (ending where a line ends); the first piece decides
    which column holds what, and any header row is in it.

    The first pieces are smaller (a quarter, a half): the store writes nothing until the
    first is read, so the sooner it comes, the longer reading and writing overlap.
    """
    line, roles, step, piece = first_line, None, max(size // 2, 1), body
    tag_cells: dict[str, tuple[str, ...]] = {}  # kept from piece to piece: files repeat them
    while True:
        found = _plain_table(piece, line, layout, deck_name, roles, tag_cells)
        if found is None:
            raise ReadWhole(f"line {line}")
        table, roles = found
        yield table
        line += piece.count("\n")
        if start >= len(data):
            return
        end = data.find(b"\n", start + step) + 1 or len(data)
        step = min(2 * step, size)
        piece = _piece_text(data[start:end])
        start = end


def _layout(
    text: str, path: Path, options: ImportOptions, tab: bool
) -> tuple[Layout, str, int, str]:
    """The file's layout (headers, separator, column names), its body (the rows), the line
    the body starts on, and the deck its notes go to."""
    where = str(path)
    layout, body_start = _anki_headers(text, where)
    body = text[body_start:]
    first_line = text.count("\n", 0, body_start) + 1
    if options.separator:
        layout.separator = options.separator
    elif layout.separator is None:
        layout.separator = "\t" if tab else _sniff(body)
    if len(layout.separator) != 1:
        raise InputError(where, "a CSV separator must be one character (or use --format quizlet)")
    if layout.names_text:
        layout.names = [n.strip() for n in layout.names_text.split(layout.separator)]
    deck_name = options.deck or layout.deck or default_deck_name(path, options)
    return layout, body, first_line, deck_name


def _anki_headers(text: str, where: str) -> tuple[Layout, int]:
    """Anki's `#key:value` lines at the top of the file, and where the rows begin."""
    layout = Layout()
    position = 0
    line_number = 0
    while text.startswith("#", position):
        end = text.find("\n", position)
        end = len(text) if end < 0 else end
        line = text[position:end]
        line_number += 1
        key, colon, value = line[1:].partition(":")
        if not colon:
            break
        key = key.strip().lower()
        value = value.strip()
        if key == "separator":
            layout.separator = SEPARATOR_NAMES.get(value.lower(), value)
        elif key == "html":
            layout.html = value.lower() == "true"
        elif key == "tags":
            layout.tags = tuple(value.split())
        elif key == "notetype":
            layout.notetype = value
        elif key == "deck":
            layout.deck = value or None
        elif key == "columns":
            layout.names_text = value
        elif key in ("notetype column", "deck column", "tags column", "guid column"):
            if not value.isdigit() or not 1 <= int(value) <= MAX_COLUMNS:
                raise InputError(
                    where, f"#{key}: expected a column number, got {value!r}", line_number
                )
            layout.columns[key.split()[0]] = int(value) - 1
        else:
            break
        position = end + 1
    return layout, position


def _sniff(body: str) -> str:
    """The separator that splits the first rows into the same number (>1) of columns."""
    sample = [line for line in body.split("\n", SNIFFED_LINES)[:SNIFFED_LINES] if line.strip()]
    sample = sample[:20]
    best, best_score = ",", (0.0, 0)
    for candidate in SNIFFED:
        try:
            counts = [len(row) for row in csv.reader(sample, delimiter=candidate)]
        except csv.Error:
            continue
        if not counts or counts[0] < 2:
            continue
        score = (counts.count(counts[0]) / len(counts), -SNIFFED.index(candidate))
        if score > best_score:
            best, best_score = candidate, score
    return best


def _notes(
    body: str, first_line: int, layout: Layout, deck_name: str, where: str, problems: Problems
) -> Sequence[Note]:
    """The file's notes: read in bulk when every row is plain and good, else row by row."""
    found = _plain_table(body, first_line, layout, deck_name)
    if found is not None:
        return found[0]
    return _notes_by_row(body, first_line, layout, deck_name, where, problems)


_starts_guarded = methodcaller("startswith", FORMULA_GUARD)


def _plain_table(
    body: str,
    first_line: int,
    layout: Layout,
    deck_name: str,
    roles: dict[str, int] | None = None,
    tag_cells: dict[str, tuple[str, ...]] | None = None,
) -> tuple[NoteTable, dict[str, int]] | None:
    """The notes as columns, when the file is the common case: front, back and maybe tags,
    no HTML or note types, and every row good (no row `_notes_by_row` would report); and
    the role of each column, found from the layout or a header row unless `roles` says.
    `tag_cells`: the tags of each cell of the tags column read before (see `_tags`).

    Every check is made on whole columns, so a 100,000-row file costs a few passes in C.
    None means "read it row by row": that reader finds and words each problem. A new check
    on rows belongs in both places: here as a test on the columns, there with its message.
    """
    assert layout.separator is not None
    if layout.html or layout.notetype:
        return None
    grid = _one_line_cells(body, layout.separator)
    table: _Table | None = (
        _Grid(*grid, first_line) if grid else _csv_rows(body, layout.separator, first_line)
    )
    if table is None or not len(table):
        return None
    widths = table.widths()
    if min(widths) < 2 or max(widths) > MAX_COLUMNS:
        return None  # blank or one-column rows, or too many columns: the row reader words it
    if roles is None:
        roles = dict(layout.columns)
        if layout.names:
            roles.update(_roles_from_names(layout.names))
        elif not roles:
            named = _roles_from_names(table.first_row())
            if "front" in named and "back" in named:
                roles.update(named)
                table.skip = 1
                if not len(table):
                    return None
    special = {roles[k] for k in ("guid", "notetype", "deck", "tags") if k in roles}
    tags_at = roles.get("tags", -1)
    fields_at = _field_columns(roles, special, len(table.first_row()))
    if not special <= {tags_at} or len(fields_at) != 2:
        return None
    front_at, back_at = fields_at
    if min(table.widths()) <= max(front_at, back_at, tags_at):
        return None
    guarded = "'" in body and _GUARDED.search(body) is not None  # else no cell starts with one
    fronts = _cells(table.column(front_at), guarded)
    backs = _cells(table.column(back_at), guarded)
    raw_tags = table.column(tags_at) if tags_at >= 0 else None
    lines = table.lines()
    del table  # the cells live on in the columns: the memory of the rest is reused
    if not all(fronts) or not all(backs):
        return None
    guids = content_guids(deck_name, fronts)
    if len(set(guids)) != len(guids):
        return None
    tags = _tags(raw_tags, layout.tags, len(fronts), guarded, tag_cells)
    return NoteTable(deck_name, guids, fronts, backs, tags, lines), roles


# A formula guard anywhere in the text, at a cell's start or not: a pre-test that spares
# looking at the start of every cell of a file with none (and "'" in text, cheaper still).
_GUARDED = re.compile("'[=+@-]")
CELL_END = "\x00"  # in no decoded text (decode_text refuses NUL): marks where cells end
ROW_END = "\x00\n\x00"  # a row's end, as a cell of its own: "\n" is then in no other cell


def _one_line_cells(body: str, separator: str) -> tuple[list[str], int] | None:
    """Every cell of the body, row after row with a "\n" cell after each, and the row width,
    when every row is on one line and has that many (two or more) cells; else None.

    The cells are exactly csv.reader's (strict, default dialect), found by a few passes of
    str methods over the whole text instead of csv's step per character. Split at quotes,
    the even pieces are outside quoted values and the odd ones inside, when every quote
    outside opens a value at its start, every closing quote is followed by a separator, a
    line end or a second quote (an escaped quote: the empty piece between), and no quoted
    value holds a line end. Anything else (a stray quote, a value over several lines, a
    value over csv's size limit, a "\r" csv would end a line at) is left to csv.reader.
    """
    if separator in '"\n\r\x00' or "\r" in body or CELL_END in body:
        return None
    pieces = body.split('"')
    if len(pieces) % 2 == 0 or "\n" in "".join(pieces[1::2]):
        return None  # a quote left open, or a quoted value over several lines
    outside = '"'.join(pieces[0::2])
    # a quote with something else than a separator, a line end or a quote after or before it
    other = f'[^{re.escape(separator)}\n"]'
    if re.search(f'"(?:{other}|(?<={other}"))', outside):
        return None  # text after a closing quote, or a quote inside an unquoted value
    between = outside.replace(separator, CELL_END).replace("\n", ROW_END).split('"')
    between[1:-1] = [piece or '"' for piece in between[1:-1]]  # "" is an escaped quote
    pieces[0::2] = between
    text = "".join(pieces)
    del pieces, between, outside  # before the cells are made: less memory at its highest
    cells = text.split(CELL_END)
    if body.endswith("\n"):
        del cells[-2:]  # the last line's end starts no row
    rows = cells.count("\n") + 1
    width = cells.index("\n") if rows > 1 else len(cells)
    if width < 2 or len(cells) != rows * (width + 1) - 1 or set(cells[width :: width + 1]) - {"\n"}:
        return None  # one cell (csv.reader reads an empty line as no cell), or rows unlike
    if not _cells_fit(text, cells, csv.field_size_limit()):
        return None  # csv.reader refuses the file: the row reader says where
    return cells, width


def _cells_fit(text: str, cells: list[str], limit: int) -> bool:
    """Whether no cell (a stretch of the text between two CELL_ENDs) is over `limit`.

    A stretch over the limit would hold a whole one of the text's pieces of limit // 2
    characters: when each of those holds a CELL_END (a few hundred finds for a big file),
    no cell need be measured.
    """
    step = limit // 2
    if len(text) <= limit:
        return True
    if step >= 1024 and all(  # (for a tiny limit, the pieces would be too many to look at)
        text.find(CELL_END, start, start + step) >= 0
        for start in range(0, len(text) - step + 1, step)
    ):
        return True
    return max(map(len, cells)) <= limit


class _Table(Protocol):
    """A table's rows as one of the two readers gives them, handed out a column at a time."""

    skip: int  # rows left out at the top (a header)

    def __len__(self) -> int: ...

    def widths(self) -> set[int]: ...

    def first_row(self) -> list[str]: ...

    def column(self, at: int) -> list[str]: ...

    def lines(self) -> Sequence[int]: ...


class _Grid:
    """The cells `_one_line_cells` finds: row i is on line first_line + i."""

    def __init__(self, cells: list[str], width: int, first_line: int) -> None:
        self.cells = cells
        self.stride = width + 1  # a row's cells and its end
        self.first_line = first_line
        self.skip = 0

    def __len__(self) -> int:
        return (len(self.cells) + 1) // self.stride - self.skip

    def widths(self) -> set[int]:
        return {self.stride - 1}

    def first_row(self) -> list[str]:
        start = self.skip * self.stride
        return self.cells[start : start + self.stride - 1]

    def column(self, at: int) -> list[str]:
        return self.cells[self.skip * self.stride + at :: self.stride]

    def lines(self) -> Sequence[int]:
        return range(self.first_line + self.skip, self.first_line + self.skip + len(self))


class _Rows:
    """The rows csv.reader finds, with the line each starts on."""

    def __init__(self, rows: list[list[str]], lines: Sequence[int]) -> None:
        self.rows = rows
        self.row_lines = lines
        self.skip = 0

    def __len__(self) -> int:
        return len(self.rows) - self.skip

    def widths(self) -> set[int]:
        return set(map(len, self.rows[self.skip :]))

    def first_row(self) -> list[str]:
        return self.rows[self.skip]

    def column(self, at: int) -> list[str]:
        return list(map(itemgetter(at), self.rows[self.skip :]))

    def lines(self) -> Sequence[int]:
        return self.row_lines[self.skip :]


def _csv_rows(body: str, separator: str, first_line: int) -> _Rows | None:
    """The rows csv.reader finds, or None when it cannot read the text."""
    # strict: a stray quote is an error here, and the row reader says where it opened
    reader = csv.reader(_lines(body), delimiter=separator, strict=True)
    try:
        rows = list(reader)
    except csv.Error:
        return None
    # each row on one line: row i starts on line first_line + i
    lines: Sequence[int] = range(first_line, first_line + len(rows))
    if reader.line_num != len(rows):
        lines = _row_lines(body, separator, first_line)
    return _Rows(rows, lines)


def _tags(
    raw: list[str] | None,
    base: tuple[str, ...],
    count: int,
    guarded: bool,
    known: dict[str, tuple[str, ...]] | None = None,
) -> Sequence[tuple[str, ...]]:
    """Each row's tags: the file's (`base`) and those of its cell in the tags column (`raw`),
    split at spaces, each distinct cell once; `known` holds the cells split before (with
    the same `base`), and is given the new ones. A cell starts with a formula guard only in
    a `guarded` text, so a cell split in one is split the same in any other."""
    if raw is None:
        return [base] * count
    parsed = {} if known is None else known
    distinct = list(set(raw).difference(parsed))
    texts = map(unguard_formula, distinct) if guarded else distinct
    parsed.update(zip(distinct, map(base.__add__, map(tuple, map(str.split, texts))), strict=True))
    return list(map(parsed.__getitem__, raw))


def _lines(body: str) -> Iterable[str]:
    """The body's lines, ends kept, as csv.reader takes them: split by str.splitlines() a
    piece at a time, which is much faster than an io.StringIO (a copy of the text four times
    its size, read line by line) and holds few lines at once; unless the text holds a
    character that splitlines() would also break at (then the lines are read at "\n" alone)."""
    breaks = OTHER_LINE_BREAKS[:5] if body.isascii() else OTHER_LINE_BREAKS
    if any(character in body for character in breaks):
        return io.StringIO(body)
    return chain.from_iterable(map(str.splitlines, _pieces(body), repeat(True)))


def _pieces(body: str) -> Iterator[str]:
    """The text in pieces of about PIECE characters, each ending where a line ends."""
    start, size = 0, len(body)
    while start < size:
        end = body.find("\n", start + PIECE) + 1 or size
        yield body[start:end]
        start = end


def _cells(column: list[str], guarded: bool) -> list[str]:
    """A column's texts with the formula guard undone and spaces stripped, as one row does."""
    if guarded and any(map(_starts_guarded, column)):
        column = list(map(unguard_formula, column))
    return list(map(str.strip, column))


def _row_lines(body: str, separator: str, first_line: int) -> list[int]:
    """The line each row starts on, when quoted values run over several lines."""
    reader = csv.reader(_lines(body), delimiter=separator)
    lines = []
    last = 0
    for _row in reader:
        lines.append(first_line + last)
        last = reader.line_num
    return lines


def _notes_by_row(
    body: str, first_line: int, layout: Layout, deck_name: str, where: str, problems: Problems
) -> list[Note]:
    assert layout.separator is not None
    notes: list[Note] = []
    roles = dict(layout.columns)
    header_pending = not layout.names and not roles
    if layout.names:
        roles.update(_roles_from_names(layout.names))
    fields_at: list[int] | None = None
    simple = False
    front_at = back_at = tags_at = width = 0
    tag_cache: dict[str, tuple[str, ...]] = {}
    seen: dict[str, int] = {}  # guid -> line: a second note with the same guid is a bad row
    guid_of = guid_maker(deck_name)
    html = layout.html
    tags_base = layout.tags
    notetype = layout.notetype
    for line, row in _rows(body, first_line, layout.separator, where, problems):
        if len(row) > MAX_COLUMNS:
            raise InputError(where, f"{len(row)} columns (at most {MAX_COLUMNS})", line)
        if not row or (len(row) == 1 and not row[0].strip()):
            continue
        if header_pending:
            header_pending = False
            named = _roles_from_names(row)
            if "front" in named and "back" in named:
                roles.update(named)
                layout.names = row
                continue
        if fields_at is None:
            special = {roles[k] for k in ("guid", "notetype", "deck", "tags") if k in roles}
            fields_at = _field_columns(roles, special, len(row))
            tags_at = roles.get("tags", -1)
            simple = not html and not notetype and special <= {tags_at} and len(fields_at) == 2
            front_at, back_at = fields_at[0], fields_at[1]
            width = max(front_at, back_at, tags_at) + 1
        if simple and len(row) >= width:
            # The common case (two plain columns), kept lean for 100,000-row files.
            front, back = row[front_at], row[back_at]
            if front.startswith(FORMULA_GUARD):
                front = front[1:]
            if back.startswith(FORMULA_GUARD):
                back = back[1:]
            front, back = front.strip(), back.strip()
            if front and back:
                tags = tags_base
                if tags_at >= 0:
                    raw = row[tags_at]
                    if raw not in tag_cache:
                        tag_cache[raw] = (*tags_base, *unguard_formula(raw).split())
                    tags = tag_cache[raw]
                guid = guid_of(front)
                if guid in seen:
                    problems.bad(f"same front as the note at line {seen[guid]}", line)
                else:
                    seen[guid] = line
                    notes.append(Note(front, back, guid, deck_name, tags=tags, line=line))
                continue
        made = _note(row, line, roles, fields_at, html, tags_base, notetype, deck_name)
        if isinstance(made, str):
            problems.bad(made, line)
            continue
        for note in made:
            if note.guid in seen:
                problems.bad(f"same front as the note at line {seen[note.guid]}", line)
            else:
                seen[note.guid] = line
                notes.append(note)
    return notes


def _rows(
    body: str, first_line: int, separator: str, where: str, problems: Problems
) -> Iterator[tuple[int, list[str]]]:
    """Each row with the line it starts on. A quote that is never closed, or closes in the
    middle of a later field, would swallow the rows after it: that is a bad row at the line
    the row starts on, and with --skip-bad reading goes on from the next line."""
    stream = io.StringIO(body)
    base, offset = first_line, 0  # the line and offset reading (re)started from
    while True:
        reader = csv.reader(stream, delimiter=separator, strict=True)
        last = 0
        try:
            for row in reader:
                yield base + last, row
                last = reader.line_num
        except csv.Error as error:
            line = base + last
            text = str(error)
            if "unexpected end of data" in text:
                problems.bad("a quote opened in this row is never closed", line)
            elif "expected after" in text:
                end = base + reader.line_num - 1
                problems.bad(
                    f"a quote opened in this row runs into line {end}"
                    if end > line
                    else f"text after a closing quote ({text})",
                    line,
                )
            else:
                raise InputError(
                    where, f"cannot read the row: {error}", base + reader.line_num - 1
                ) from None
            # --skip-bad: go on from the line after the one the bad row started on
            for _ in range(line - base + 1):
                offset = body.find("\n", offset) + 1
                if offset == 0:
                    return
            base = line + 1
            stream.seek(offset)
            continue
        return


def _roles_from_names(names: list[str]) -> dict[str, int]:
    roles: dict[str, int] = {}
    for index, name in enumerate(names):
        role = ROLE_NAMES.get(name.strip().lower())
        if role and role not in roles:
            roles[role] = index
    return roles


def _field_columns(roles: dict[str, int], special: set[int], width: int) -> list[int]:
    """Columns holding note fields, front first: named ones, else the non-special in order."""
    rest = [i for i in range(max(width, 2 + len(special))) if i not in special]
    front = roles.get("front", rest[0] if rest else 0)
    back = roles.get("back", next((i for i in rest if i != front), 1))
    others = [i for i in rest if i not in (front, back) and i not in roles.values()]
    return [front, back, *others]


def _note(
    row: list[str],
    line: int,
    roles: dict[str, int],
    fields_at: list[int],
    html: bool,
    tags_base: tuple[str, ...],
    notetype: str,
    deck_name: str,
) -> list[Note] | str:
    width = len(row)
    values = [unguard_formula(row[i]) if i < width else "" for i in fields_at]
    media: tuple[str, ...] = ()
    if html:
        from quizkit.importers.ankihtml import html_to_text  # only for Anki's HTML exports

        converted = [html_to_text(v) for v in values]
        values = [c.text for c in converted]
        media = tuple(name for c in converted for name in c.media)
    else:
        values = [v.strip() for v in values]
    if "notetype" in roles and roles["notetype"] < width:
        notetype = row[roles["notetype"]]
    deck = deck_name
    if "deck" in roles and roles["deck"] < width and row[roles["deck"]].strip():
        deck = row[roles["deck"]].strip()
    tags = tags_base
    if "tags" in roles and roles["tags"] < width:
        tags = (*tags_base, *unguard_formula(row[roles["tags"]]).split())
    guid = row[roles["guid"]].strip() if "guid" in roles and roles["guid"] < width else ""
    front, back = values[0], values[1] if len(values) > 1 else ""
    if width < 2 and not roles:
        return f"expected 2 columns (front, back), found {width}"
    if not front:
        return "empty front"
    extra: NoteExtra = {}
    if media:
        extra["media"] = list(media)
    more = [v for v in values[2:] if v]
    if more:
        extra["fields"] = more
    if "cloze" in notetype.lower():
        from quizkit.importers.ankihtml import cloze_card, cloze_numbers

        notes = []
        base = guid or content_guid(deck, front)
        if back:
            extra["back_extra"] = back
        try:
            numbers = cloze_numbers(front)
        except ValueError as error:
            return str(error)
        for number in numbers:
            question, answer = cloze_card(front, number)
            notes.append(
                Note(
                    question=question,
                    answer=answer,
                    guid=f"{base}-c{number}",
                    deck=deck,
                    kind="cloze",
                    tags=tags,
                    extra={**extra, "cloze": front, "cloze_number": number},
                    line=line,
                )
            )
        return notes or "cloze note without {{c1::...}}"
    if not back:
        return "empty back"
    return [
        Note(
            question=front,
            answer=back,
            guid=guid or content_guid(deck, front),
            deck=deck,
            tags=tags,
            reverse="reverse" in notetype.lower(),
            extra=extra,
            line=line,
        )
    ]
