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
    """A deck name that is not in the database: the closest name, else the names known."""

    def __init__(self, name: str, known: list[str], closest: str | None = None) -> None:
        if closest is not None:
            hint = f"; did you mean {closest!r}?"
        elif known:
            hint = f" (decks: {', '.join(known)})"
        else:
            hint = " (the database has no decks yet)"
        super().__init__(f"no deck named {name!r}{hint}")


class AmbiguousDeck(QuizkitError):
    """A prefix that starts more than one deck's name."""

    def __init__(self, name: str, candidates: list[str]) -> None:
        super().__init__(f"{name!r} could be any of these decks: {', '.join(candidates)}")


class NoDeckGiven(QuizkitError):
    """A command that needs a deck got none, and there is not exactly one to use."""

    def __init__(self, known: list[str]) -> None:
        if known:
            message = f"name a deck: {', '.join(known)}"
        else:
            message = "no decks yet: `quizkit import FILE` or `quizkit study --demo`"
        super().__init__(message)


class UnknownNote(QuizkitError):
    """A note id or guid that is not in the database."""


class HandoutError(QuizkitError):
    """A handout cannot be made as asked (nothing selected, bad option, unreadable image)."""


class LargeHandout(HandoutError):
    """More questions than a class handout usually holds: the teacher confirms or limits."""

    def __init__(self, deck: str, count: int, most: int) -> None:
        self.count = count
        super().__init__(
            f"deck {deck!r}: {count:,} questions is more than {most} for one handout; "
            "pass --yes to print them all, or --limit N"
        )


class OutOfRange(QuizkitError):
    """A value given on the command line or in the environment beyond what quizkit can store
    or compute with (a 31-digit id, a clock in year 1): a usage error, exit status 2."""
