"""Pictures a note shows: known by their content, read only from a folder the user named.

A deck names a picture by a bare file name. At import it is looked up in the folder given
with `--media` (never a path of the deck's choosing: no folders, no `..`, no symlink that
leads out), checked to be a PNG, JPEG, GIF or WebP by its first bytes, and kept in quizkit's
media folder under a content-hash name. Handouts embed only pictures kept there.
"""

from __future__ import annotations

import os
from pathlib import Path

from quizkit.errors import InputError
from quizkit.textfile import read_capped

MAX_PICTURE_BYTES = 100 << 20  # as for one media file of an Anki package
KINDS = "PNG, JPEG, GIF or WebP"


def picture_type(data: bytes) -> str | None:
    """The picture's MIME type from its first bytes, or None for anything else."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None


def bare_name_problem(name: str) -> str | None:
    """Why `name` is not a bare file name, or None."""
    if not name or name in (".", ".."):
        return "is not a file name"
    if "/" in name or "\\" in name or ":" in name or "\x00" in name:
        return "must be a bare file name in the --media folder, not a path or a link"
    return None


def read_picture(name: str, folder: Path) -> bytes:
    """The bytes of picture `name` inside `folder`; ValueError saying why not."""
    problem = bare_name_problem(name)
    if problem:
        raise ValueError(problem)
    path = folder / name
    real_folder = os.path.realpath(folder)
    if os.path.commonpath([real_folder, os.path.realpath(path)]) != real_folder:
        raise ValueError(f"leads out of the --media folder {str(folder)!r}")
    try:
        data = read_capped(path, MAX_PICTURE_BYTES, "picture")
    except InputError as error:
        raise ValueError(f"in {str(folder)!r}: {error.reason}") from None
    if picture_type(data) is None:
        raise ValueError(f"is not a {KINDS} picture")
    return data
