"""Cloze cards only on sentences that read whole without the article. Invented articles."""

from __future__ import annotations

from quizkit.extract.facts import OfficialFact
from quizkit.questions import build
from tests.test_question_kinds import Article


def clozes(article: Article) -> list[tuple[str, str]]:
    return [(n.question, n.answer) for n in build([article.doc()]).notes if n.kind == "cloze"]


def cloze_drops(article: Article) -> dict[str, str]:
    return {d.question: d.reason for d in build([article.doc()]).dropped if d.kind == "cloze"}


def test_a_subject_the_article_named_before_leaves_the_blank_without_context() -> None:
    article = Article()
    article.date(
        "The race, which was to cross the desert, was to end in Tarsa on January 20, 2021.",
        "2021-01-20",
        "January 20, 2021",
        "the race was to end in Tarsa",
    )
    article.date(
        "The Tarsa rally was first held in Varna on March 3, 2010.",
        "2010-03-03",
        "March 3, 2010",
        "the Tarsa rally was first held in Varna",
    )
    assert clozes(article) == [
        ("Fill in the blank: The Tarsa rally was first held in Varna on [...].", "March 3, 2010")
    ]
    dropped = cloze_drops(article)
    assert any(q.startswith("Fill in the blank: The race,") for q in dropped)


def test_an_unnamed_event_leaves_the_blank_without_context() -> None:
    article = Article()
    article.number(
        "The Tarsa League is to have 120 observers by the time the elections are held.",
        120,
        "120 observers",
        "observers",
    )
    assert clozes(article) == []
    assert "no-context" in cloze_drops(article).values()


def test_a_date_blank_beside_another_date_or_an_hour_is_left_out() -> None:
    article = Article()
    article.date(
        "Police in Varna found the two boats on December 19, and on January 6 after a storm.",
        "2020-12-19",
        "December 19",
        "police in Varna found the two boats",
    )
    article.next()
    article.date(
        "A strong aftershock hit Tarsa at 03:10 local time in March 2, 2021, officials in "
        "Varna said.",
        "2021-03-02",
        "March 2, 2021",
        "a strong aftershock hit Tarsa",
    )
    assert clozes(article) == []
    reasons = cloze_drops(article)
    assert list(reasons.values()).count("broken-clause") == 2


def _titled_official(article: Article, sentence: str, title: str, person: str) -> None:
    """A holder named after a bare title, the country guessed from the text around."""
    text = f"{title} {person}"
    fact = OfficialFact(
        person, title, "Latvia", None, (), text, article.where(sentence, text), guessed=True
    )
    article.facts.append(fact)
    article.next()


def test_a_bare_title_whose_country_the_sentence_never_names_is_no_blank() -> None:
    article = Article()
    sentence = "Interior Minister Ilze Kalnina was also at the parade on the quay."
    _titled_official(article, sentence, "Interior Minister", "Ilze Kalnina")
    assert clozes(article) == []
    dropped = cloze_drops(article)
    assert dropped[
        "Fill in the blank: Interior Minister [...] was also at the parade on the quay."
    ] == ("no-context")


def test_a_bare_title_in_a_sentence_naming_the_country_keeps_its_blank() -> None:
    article = Article()
    sentence = "Interior Minister Ilze Kalnina greeted Latvian sailors on the quay in Riga."
    _titled_official(article, sentence, "Interior Minister", "Ilze Kalnina")
    assert clozes(article) == [
        (
            "Fill in the blank: Interior Minister [...] greeted Latvian sailors on the quay "
            "in Riga.",
            "Ilze Kalnina",
        )
    ]
