"""Reading files people hand to quizkit: regular files only, read through a size cap; text as
UTF-8 (BOM or not), UTF-16 with a BOM, else cp1252 with a warning."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from quizkit.errors import InputError

MIB = 1 << 20
# A text deck of a million notes is well under this; /dev/zero or a runaway file is not.
MAX_TEXT_BYTES = 256 * MIB
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
LONE_CR = re.compile("\r(?!\n)")  # a line end of old Macs, or a stray one


def open_regular(path: Path) -> BinaryIO:
    """A regular file opened for reading; FIFOs, devices and folders are refused before
    anything is read (a FIFO would block for ever, /dev/zero would never end)."""
    where = str(path)
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; no effect on regular files.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        raise InputError(where, "no such file") from None
    except IsADirectoryError:
        raise InputError(where, "is a folder, not a file") from None
    except OSError as error:
        raise InputError(where, f"cannot read: {error.strerror}") from None
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        if stat.S_ISDIR(mode):
            raise InputError(where, "is a folder, not a file")
        raise InputError(where, "not a regular file (a pipe or a device cannot be imported)")
    return os.fdopen(fd, "rb")


def read_capped(path: Path, cap: int, what: str = "file") -> bytes:
    """The bytes of a regular file of at most `cap` bytes."""
    with open_regular(path) as handle:
        try:
            data = handle.read(cap + 1)
        except OSError as error:
            raise InputError(str(path), f"cannot read: {error.strerror}") from None
    if len(data) > cap:
        raise InputError(str(path), f"{what} larger than {cap // MIB} MiB")
    return data


def read_head(path: Path, size: int) -> bytes:
    """The first `size` bytes of a regular file, to tell its format."""
    with open_regular(path) as handle:
        try:
            return handle.read(size)
        except OSError as error:
            raise InputError(str(path), f"cannot read: {error.strerror}") from None


def read_text(path: Path, warn: Callable[[str], None] | None = None) -> str:
    """The file's text with CRLF folded to LF; a clear InputError for anything unreadable."""
    data = read_capped(path, MAX_TEXT_BYTES, "text file")
    return decode_text(data, str(path), warn)


def decode_text(data: bytes, where: str, warn: Callable[[str], None] | None = None) -> str:
    """Bytes of a text file as text; NUL characters anywhere mean it is not text."""
    if data.startswith(UTF16_BOMS):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as error:
            line = data[: error.start].decode("utf-16", errors="replace").count("\n") + 1
            problem = "an odd number of bytes" if len(data) % 2 else "a lone surrogate"
            raise InputError(where, f"not valid UTF-16 text ({problem})", line) from None
        nul = text.find("\x00")
        if nul >= 0:
            raise InputError(where, "NUL character: a binary file, not text", _line(text, nul))
    else:
        nul = data.find(b"\x00")
        if nul >= 0:
            line = data.count(b"\n", 0, nul) + 1
            if nul < 4096:
                raise InputError(where, "looks like a binary file, not text")
            raise InputError(where, "NUL character: a binary file, not text", line)
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = data.count(b"\n", 0, error.start) + 1
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError:
                raise InputError(where, "not valid UTF-8 or cp1252 text", line) from None
            if warn:
                warn(f"{where}:{line}: not valid UTF-8; read as cp1252")
    if "\r" not in text:  # one scan instead of two copies of a big file
        return text
    if LONE_CR.search(text) is None:  # every "\r" ends a CRLF: dropping each folds them
        return text.replace("\r", "")  # much faster than replacing a two-character string
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _line(text: str, position: int) -> int:
    return text.count("\n", 0, position) + 1
