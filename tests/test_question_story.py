"""Reading a story: one official under two spellings of a surname is one person."""

from __future__ import annotations

from quizkit.extract.facts import DocumentFacts, OfficialFact, Provenance
from quizkit.questions.story import read_story


def story_of(*people: tuple[str, str]) -> list[set[str]]:
    """The names of each official read from facts (person, country), in the order met."""
    facts = []
    for index, (person, country) in enumerate(people):
        sentence = f"Foreign Minister {person} of {country} arrived in Tarsa."
        where = Provenance("talks.txt", sentence, index, 17, 17 + len(person))
        facts.append(OfficialFact(person, "Foreign Minister", country, None, (), person, where))
    story = read_story([DocumentFacts("talks.txt", "2021-05-05", "Talks in Tarsa", tuple(facts))])
    return [official.names for official in story.officials]


def test_a_surname_spelt_one_letter_apart_is_one_person() -> None:
    assert story_of(("Oleg Kovalenko", "Borduria"), ("Oleg Kowalenko", "Borduria")) == [
        {"Oleg Kovalenko", "Oleg Kowalenko"}
    ]
    # a letter more or less is the same person too
    assert story_of(("Ana Petrovska", "Borduria"), ("Ana Petrowska", "Borduria"))[0] == {
        "Ana Petrovska",
        "Ana Petrowska",
    }
    assert len(story_of(("Ana Marsden", "Borduria"), ("Ana Marsdenn", "Borduria"))) == 1


def test_the_first_spelling_met_takes_a_name_alike_to_two() -> None:
    # 'Halmar' is one letter from both 'Holmar' and 'Halmer', which are two apart
    first = story_of(
        ("Ivo Holmar", "Borduria"), ("Eva Halmer", "Borduria"), ("Ivo Halmar", "Borduria")
    )
    assert first == [{"Ivo Holmar", "Ivo Halmar"}, {"Eva Halmer"}]
    second = story_of(
        ("Eva Halmer", "Borduria"), ("Ivo Holmar", "Borduria"), ("Ivo Halmar", "Borduria")
    )
    assert second == [{"Eva Halmer", "Ivo Halmar"}, {"Ivo Holmar"}]


def test_short_surnames_and_other_countries_stay_apart() -> None:
    assert len(story_of(("Min Lee", "Borduria"), ("Jun Lea", "Borduria"))) == 2
    assert len(story_of(("Oleg Kovalenko", "Borduria"), ("Oleg Kowalenko", "Syldavia"))) == 2
