"""The one place quizkit reads the clock: real time, or QUIZKIT_NOW for scripts and tests."""

from __future__ import annotations

import os
from datetime import UTC, datetime

from quizkit.errors import QuizkitError


def now() -> datetime:
    """The current time, timezone-aware; QUIZKIT_NOW (ISO 8601) pins it."""
    pinned = os.environ.get("QUIZKIT_NOW")
    if pinned:
        try:
            moment = datetime.fromisoformat(pinned)
        except ValueError:
            raise QuizkitError(f"QUIZKIT_NOW: not an ISO timestamp: {pinned!r}") from None
        return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return datetime.now(UTC).astimezone()
