"""The one error hierarchy: each message is written for the user, and cli.py prints it as is."""


class QuizkitError(Exception):
    """A problem the user can act on; the message says what is wrong and where."""


class InputError(QuizkitError):
    """A file given to quizkit is missing, unreadable or malformed."""

    def __init__(self, where: str, message: str, line: int | None = None) -> None:
        self.where = where
        self.line = line
        self.reason = message
        prefix = f"{where}:{line}" if line is not None else where
        super().__init__(f"{prefix}: {message}")


class StoreError(QuizkitError):
    """The database cannot be opened or used (missing folder, not a quizkit file, newer schema)."""


class UnknownDeck(QuizkitError):
    """A deck name that is not in the database."""

    def __init__(self, name: str, known: list[str]) -> None:
        hint = f" (decks: {', '.join(known)})" if known else " (the database has no decks yet)"
        super().__init__(f"no deck named {name!r}{hint}")


class UnknownNote(QuizkitError):
    """A note id or guid that is not in the database."""


class HandoutError(QuizkitError):
    """A handout cannot be made as asked (nothing selected, bad option, unreadable image)."""


class OutOfRange(QuizkitError):
    """A value given on the command line or in the environment beyond what quizkit can store
    or compute with (a 31-digit id, a clock in year 1): a usage error, exit status 2."""
