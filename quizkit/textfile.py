"""Reading text files people hand to quizkit: UTF-8 (BOM or not), else cp1252 with a warning."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from quizkit.errors import InputError


def read_text(path: Path, warn: Callable[[str], None] | None = None) -> str:
    """The file's text with CRLF folded to LF; a clear InputError for anything unreadable."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(str(path), "no such file") from None
    except IsADirectoryError:
        raise InputError(str(path), "is a folder, not a file") from None
    except OSError as error:
        raise InputError(str(path), f"cannot read: {error.strerror}") from None
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(str(path), "looks like a binary file, not text")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text = data.decode("utf-16")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = data[: error.start].count(b"\n") + 1
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                raise InputError(str(path), "not valid UTF-8 or cp1252 text", line) from None
            if warn:
                warn(f"{path}:{line}: not valid UTF-8; read as cp1252")
    if "\r" not in text:  # one scan instead of two copies of a big file
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")
