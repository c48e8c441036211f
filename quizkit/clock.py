"""The one place quizkit reads the clock: real time, or QUIZKIT_NOW for scripts and tests."""

from __future__ import annotations

import os
from datetime import UTC, datetime

from quizkit.errors import OutOfRange, QuizkitError

# Scheduling looks up to a century ahead and statistics years back: both must stay within
# the years Python's datetime can hold (1 to 9999).
EARLIEST_YEAR = 1970
LATEST_YEAR = 9000


def now() -> datetime:
    """The current time, timezone-aware; QUIZKIT_NOW (ISO 8601) pins it."""
    pinned = os.environ.get("QUIZKIT_NOW")
    if pinned:
        try:
            moment = datetime.fromisoformat(pinned)
        except ValueError:
            raise QuizkitError(f"QUIZKIT_NOW: not an ISO timestamp: {pinned!r}") from None
        if not EARLIEST_YEAR <= moment.year <= LATEST_YEAR:
            raise OutOfRange(
                f"QUIZKIT_NOW: {pinned} is out of range (years {EARLIEST_YEAR} to {LATEST_YEAR})"
            )
        return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return datetime.now(UTC).astimezone()
