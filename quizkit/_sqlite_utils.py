"""sqlite-utils' Database, imported without the numpy and pandas it would load if installed.

sqlite-utils imports numpy and pandas when they are present, only to map their value
types to SQL; quizkit never stores such values, and numpy (a dependency of lemminflect)
would add more to every database command's start-up than the rest of `quizkit decks`.
"""

from __future__ import annotations

import sys

_blocked = [name for name in ("numpy", "pandas") if name not in sys.modules]
for _name in _blocked:
    sys.modules[_name] = None  # type: ignore[assignment]  # makes `import numpy` fail fast
try:
    from sqlite_utils import Database
finally:
    for _name in _blocked:
        del sys.modules[_name]

__all__ = ["Database"]
