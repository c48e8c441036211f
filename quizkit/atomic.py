"""Output files written whole or not at all: a temporary file beside the target, flushed to
disk, then renamed over it. A full disk or a kill midway leaves the old file as it was."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from quizkit.errors import QuizkitError


def write_atomically(path: Path, write: Callable[[Path], object]) -> None:
    """Have `write` fill a temporary file in `path`'s folder, then put it in `path`'s place."""
    import tempfile

    folder = path.parent
    if not folder.is_dir():
        raise QuizkitError(f"{path}: folder {folder} does not exist")
    if path.is_dir():
        raise QuizkitError(f"{path}: is a folder, not a file")
    try:
        handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as error:
        raise QuizkitError(f"{path}: cannot write: {error.strerror or error}") from None
    os.close(handle)
    temporary = Path(name)
    try:
        write(temporary)
        os.chmod(temporary, _mode_for(path))
        _sync(temporary)
        os.replace(temporary, path)
        _sync(folder)  # the rename itself reaches the disk
    except OSError as error:
        raise QuizkitError(f"{path}: cannot write: {error.strerror or error}") from None
    finally:
        temporary.unlink(missing_ok=True)


def write_text_atomically(path: Path, text: str) -> None:
    write_atomically(path, lambda target: target.write_text(text, encoding="utf-8"))


def _mode_for(path: Path) -> int:
    """The permissions the file has now, else what a plain new file gets (not mkstemp's 0600)."""
    try:
        return path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _sync(path: Path) -> None:
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
