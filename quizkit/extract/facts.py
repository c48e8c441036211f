"""The typed facts the extractor reports; each carries where in its document it was found."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Provenance:
    """Where a fact was read: document, sentence (text and 1-based number), character offsets.

    `sentence` is the sentence's own string, shared by every fact read from it; the JSON
    output lists each sentence once per document and facts point to it by number.
    """

    source: str
    sentence: str
    sentence_index: int
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "sentence_index": self.sentence_index,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True)
class DateFact:
    """A calendar date and the event it dates.

    `date` is ISO `YYYY-MM-DD`, or `--MM-DD` when the year cannot be known.
    """

    date: str
    text: str
    event: str
    where: Provenance
    kind: str = field(default="date", init=False)
    # Where the event took place, when the text says (never a person's nationality).
    place: str | None = None
    # True when the event lies ahead of the article's date (scheduled, expected, planned).
    planned: bool = False
    # True when the dated clause is only a statement ("X said on Monday ...").
    reporting: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "date": self.date,
            "text": self.text,
            "event": self.event,
            "place": self.place,
            "planned": self.planned,
            "reporting": self.reporting,
        }


@dataclass(frozen=True)
class OfficialFact:
    """A person holding an office in a country or an organisation (one of the two is set)."""

    person: str
    office: str
    country: str | None
    org: str | None
    aliases: tuple[str, ...]
    text: str
    where: Provenance
    kind: str = field(default="official", init=False)
    # Held before the article's date ("former", "then-", "ex-", "outgoing", "late").
    former: bool = False
    # Its place was read from the text around or the article's country, not written beside it.
    guessed: bool = False
    # For a guessed place: the country named last before the mention, which it serves
    # instead when the guessed country's office is another's ("President Vega" told
    # after Peru, in a story about Chile that names Chile's president).
    fallback: str | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": self.kind, "person": self.person, "office": self.office}
        if self.country:
            data["country"] = self.country
        if self.org:
            data["org"] = self.org
        data["aliases"] = list(self.aliases)
        data["former"] = self.former
        data["text"] = self.text
        return data


@dataclass(frozen=True)
class ParticipantsFact:
    """The countries taking part in an event, in the order the text names them."""

    event: str
    countries: tuple[str, ...]
    text: str
    where: Provenance
    kind: str = field(default="participants", init=False)
    # Where the event took place ("Lima"), when the sentence says.
    place: str | None = None
    # The event's date (ISO, or `--MM-DD`), when its sentence dates it.
    date: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "event": self.event,
            "countries": list(self.countries),
            "text": self.text,
            "place": self.place,
            "date": self.date,
        }


@dataclass(frozen=True)
class NumberFact:
    """A count worth a question: its value and what it counts."""

    value: int | float
    text: str
    what: str
    where: Provenance
    kind: str = field(default="number", init=False)
    # The approximation the text gives ("about", "more than", "up to"), kept with the value.
    approx: str | None = None
    # The unit of a money or share value ("$", "EUR", "yen", "percent"), else None.
    unit: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "value": self.value,
            "text": self.text,
            "what": self.what,
            "approx": self.approx,
            "unit": self.unit,
        }


Fact = DateFact | OfficialFact | ParticipantsFact | NumberFact


@dataclass(frozen=True)
class DocumentFacts:
    """Everything extracted from one document.

    `dateline` is the date the article speaks from (ISO, `--MM-DD`, or None).
    """

    source: str
    dateline: str | None
    headline: str
    facts: tuple[Fact, ...]
    # The sentence just before each fact's sentence in its paragraph, by the fact sentence's
    # number: what 'there' or 'this' points back to when that sentence holds no fact itself.
    before: tuple[tuple[int, str], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        facts = []
        sentences: dict[int, str] = {}
        for fact in self.facts:
            data = fact.to_dict()
            data.update(fact.where.to_dict())
            del data["source"]
            facts.append(data)
            sentences.setdefault(fact.where.sentence_index, fact.where.sentence)
        return {
            "source": self.source,
            "dateline": self.dateline,
            "headline": self.headline,
            # Each sentence a fact was read from, once: output stays linear in the article
            # however many facts one sentence holds.
            "sentences": [{"index": i, "text": sentences[i]} for i in sorted(sentences)],
            "facts": facts,
        }
