"""Officials as the sentences tell them: acting, one of several, working for another, known
from an old document, posted somewhere, speaking for a country. Invented articles."""

from __future__ import annotations

from dataclasses import replace

from quizkit.questions import build
from tests.test_question_kinds import Article, questions, reasons


def notes(article: Article) -> dict[str, tuple[str, tuple[str, ...]]]:
    """Question -> (answer, wrong options), cloze cards aside."""
    return {
        n.question: (n.answer, n.distractors)
        for n in build([article.doc()]).notes
        if n.kind != "cloze"
    }


def test_a_stand_in_is_asked_as_the_acting_holder() -> None:
    article = Article()
    article.official(
        "Acting Bordurian leader Ivo Marek has not been seen in public for a week.",
        "Ivo Marek",
        "Leader",
        "Borduria",
    )
    asked = questions(article)
    assert asked["Who was the Acting Leader of Borduria in May 2021?"] == "Ivo Marek"
    assert "Who was the Leader of Borduria in May 2021?" not in asked


def test_a_deputy_is_asked_which_country_never_who() -> None:
    article = Article()
    article.official(
        "Ana Ruz, deputy prime minister of Borduria, flew to the coast.",
        "Ana Ruz",
        "Deputy Prime Minister",
        "Borduria",
    )
    article.next()
    article.official(
        "Vice President Ivo Marek of Borduria opened the talks.",
        "Ivo Marek",
        "Vice President",
        "Borduria",
    )
    asked = questions(article)
    assert asked["Ana Ruz was a deputy prime minister of which country in May 2021?"] == (
        "Borduria"
    )
    assert not any(q.startswith("Who was the Deputy") for q in asked)
    assert not any("the Deputy Prime Minister" in q for q in asked)
    # a country has one vice president
    assert asked["Who was the Vice President of Borduria in May 2021?"] == "Ivo Marek"
    assert "one-of-several" in reasons(article).values()


def test_a_spokesperson_of_a_body_is_asked_which_body_never_who() -> None:
    article = Article()
    article.official(
        "Tarsa Front spokesman Omar Dufay said the ceasefire would hold.",
        "Omar Dufay",
        "Spokesman",
        None,
        org="NATO",
    )
    asked = questions(article)
    assert asked["Omar Dufay was a spokesman for which organisation in May 2021?"] == "NATO"
    assert not any(q.startswith("Who") for q in asked)


def test_an_office_whose_holder_is_someone_else_is_not_stated_as_the_named_person_s() -> None:
    article = Article()
    article.official(
        "The village was worst hit, said the press secretary for the provincial governor, Ana Ruz.",
        "Ana Ruz",
        "Provincial Governor",
        "Latvia",
    )
    article.next()
    article.official("President Ivo Marek of Latvia flew in.", "Ivo Marek", "President", "Latvia")
    asked = questions(article)
    assert not any("Ana Ruz" in q or a == "Ana Ruz" for q, a in asked.items())
    assert "office-of-another" in reasons(article).values()
    assert asked["Who was the President of Latvia in May 2021?"] == "Ivo Marek"


def test_an_office_known_only_from_an_old_document_is_asked_as_held_before() -> None:
    article = Article()
    article.number(
        "The memo, dated 2009, bears the stamp of the Bordurian cabinet.",
        2009,
        "2009",
        "year",
    )
    article.official(
        "The document names Bordurian intelligence chief Ivo Marek and President Ana Ruz.",
        "Ivo Marek",
        "Intelligence Chief",
        "Borduria",
    )
    article.official(
        "The document names Bordurian intelligence chief Ivo Marek and President Ana Ruz.",
        "Ana Ruz",
        "President",
        "Borduria",
    )
    article.next()
    article.date(
        "Ana Ruz called it a forgery on May 3.",
        "2021-05-03",
        "May 3",
        "Ana Ruz called it a forgery",
    )
    asked = questions(article)
    assert "Who was the Intelligence Chief of Borduria in May 2021?" not in asked
    assert not any("Ivo Marek was the" in q for q in asked)
    assert any(q.startswith("Ivo Marek had served as") for q in asked)
    # the president speaks in the story's own time: she is asked as holding it then
    assert asked["Who was the President of Borduria in May 2021?"] == "Ana Ruz"


def test_an_ambassador_is_asked_with_the_place_posted_to() -> None:
    article = Article()
    article.official(
        "Speaking after the meeting, Chile's UN ambassador Rosa Tamm called for calm.",
        "Rosa Tamm",
        "Ambassador",
        "Chile",
    )
    asked = questions(article)
    assert asked["Who was the Ambassador of Chile to the UN in May 2021?"] == "Rosa Tamm"
    assert asked["Rosa Tamm was the Ambassador of which country to the UN in May 2021?"] == (
        "Chile"
    )
    assert not any(q.endswith("Ambassador of Chile in May 2021.") for q in asked)


def test_an_ambassador_posted_nowhere_told_is_one_of_many() -> None:
    article = Article()
    article.official(
        "Ambassador Rosa Tamm of Chile called for calm.", "Rosa Tamm", "Ambassador", "Chile"
    )
    asked = questions(article)
    assert asked["Rosa Tamm was an ambassador of which country in May 2021?"] == "Chile"
    assert not any(q.startswith("Who") or "the Ambassador of" in q for q in asked)


def test_delegates_are_asked_which_country_they_spoke_for() -> None:
    article = Article()
    sentence = (
        "The Peruvian representative, Luis Vega, and the Chilean representative, Rosa Tamm, "
        "both walked out, as did Ana Ruz, the Bolivian delegate, and Representative Ivo Kask."
    )
    article.official(sentence, "Luis Vega", "Representative", "Peru")
    article.official(sentence, "Rosa Tamm", "Representative", "Chile")
    article.official(sentence, "Ana Ruz", "Delegate", "Bolivia")
    article.official(sentence, "Ivo Kask", "Representative", "United States")
    asked = notes(article)
    answer, options = asked["Which country did Luis Vega represent in May 2021?"]
    assert answer == "Peru"
    assert set(options) == {"Chile", "Bolivia", "United States"}
    assert asked["Which country did Ana Ruz represent in May 2021?"][0] == "Bolivia"
    # "Representative Ivo Kask" is a legislator, who speaks for no country abroad
    assert not any("Ivo Kask" in q for q in asked)


def test_wrong_options_name_each_person_once_and_never_the_answer_again() -> None:
    article = Article()
    sentence = (
        "President Ivo Marek of Borduria met Syldavia's President Ana Ruz, President Luis "
        "Vega of Peru, Chile's President Rosa Tamm and President Kask of Latvia; Tamm spoke."
    )
    article.official(sentence, "Ivo Marek", "President", "Borduria")
    article.official(sentence, "Ana Ruz", "President", "Syldavia")
    article.official(sentence, "Luis Vega", "President", "Peru")
    article.official(sentence, "Rosa Tamm", "President", "Chile")
    article.official(sentence, "Tamm", "President", "Estonia")
    article.official(sentence, "Mart Kask", "President", "Latvia")
    for question, (_answer, options) in notes(article).items():
        if question.startswith("Who"):
            assert not ({"Rosa Tamm", "Tamm"} <= set(options)), question
    answer, options = notes(article)["Who was the President of Chile in May 2021?"]
    assert answer == "Rosa Tamm" and "Tamm" not in options


def test_a_false_statement_never_gives_away_the_office_of_the_headline_s_holder() -> None:
    article = Article()
    sentence = (
        "President Ivo Marek of Ecuador met Bolivia's President Ana Ruz, Peru's President "
        "Luis Vega and President Rosa Tamm of Chile."
    )
    for person, country in (
        ("Ivo Marek", "Ecuador"),
        ("Ana Ruz", "Bolivia"),
        ("Luis Vega", "Peru"),
        ("Rosa Tamm", "Chile"),
    ):
        article.official(sentence, person, "President", country)
    doc = replace(article.doc(), headline="Marek starts his tour in Bolivia")
    stated = []
    for seed in range(8):
        for note in build([doc], seed=seed).notes:
            if note.kind == "truefalse" and "Ivo Marek" not in note.question:
                stated.append(note.question)
    # everyone reading knows who Ecuador's president is
    assert stated and not any("President of Ecuador" in q for q in stated)


def test_a_post_in_a_body_of_the_country_asks_which_country_s_body() -> None:
    article = Article()
    article.official(
        "Ana Ruz, vice chairman of the Peruvian National Water Board, said wells were dry.",
        "Ana Ruz",
        "Vice Chairman",
        "Peru",
    )
    article.next()
    article.official(
        "The letter was signed by Chile's head of mining, Luis Vega, on Monday.",
        "Luis Vega",
        "Head",
        "Chile",
    )
    article.next()
    article.official(
        "Ivo Kask, chair of the Chilean senate's farm committee, said nothing.",
        "Ivo Kask",
        "Chair",
        "Chile",
    )
    asked = questions(article)
    assert asked[
        "Ana Ruz was the vice chairman of which country's National Water Board in May 2021?"
    ] == ("Peru")
    assert asked["Luis Vega was the head of mining of which country in May 2021?"] == "Chile"
    # not "which country's senate's farm committee": the house goes last
    assert asked[
        "Ivo Kask was the chair of the farm committee of which country's senate in May 2021?"
    ] == ("Chile")


def test_a_us_legislator_is_asked_the_state_the_text_gives() -> None:
    article = Article()
    sentence = (
        "Senator Ana Ruz (D-N.Y.), Representative Ivo Kask of Ohio and Senator Rosa Tamm, "
        "a Republican from West Virginia, voted against Senator Luis Vega."
    )
    article.official(sentence, "Ana Ruz", "Senator", "United States")
    article.official(sentence, "Ivo Kask", "Representative", "United States")
    article.official(sentence, "Rosa Tamm", "Senator", "United States")
    article.official(sentence, "Luis Vega", "Senator", "United States")
    asked = questions(article)
    assert asked["Ana Ruz was a United States senator from which state in May 2021?"] == (
        "New York"
    )
    assert asked["Ivo Kask was a United States representative from which state in May 2021?"] == (
        "Ohio"
    )
    assert asked["Rosa Tamm was a United States senator from which state in May 2021?"] == (
        "West Virginia"
    )
    # no state told, and "a senator of which country" would be too easy: not asked
    assert not any("Luis Vega" in q for q in asked)


def test_a_local_place_is_never_a_country_s_word_nor_a_describing_word() -> None:
    article = Article()
    article.official(
        "French mayor Ana Ruz and opposition governor Ivo Kask met on the coast.",
        "Ana Ruz",
        "Mayor",
        "France",
    )
    article.official(
        "French mayor Ana Ruz and opposition governor Ivo Kask met on the coast.",
        "Ivo Kask",
        "Governor",
        "France",
    )
    article.next()
    article.official(
        "Luis Vega, acting for President Rosa Tamm of Chile, signed the accord.",
        "Rosa Tamm",
        "President",
        "Chile",
    )
    asked = questions(article)
    assert not any("Ana Ruz" in q or "Ivo Kask" in q for q in asked)
    # acting *for* the president: she is the president, not acting
    assert asked["Who was the President of Chile in May 2021?"] == "Rosa Tamm"


def test_a_letter_naming_an_old_year_does_not_make_its_writer_a_former_holder() -> None:
    article = Article()
    article.official(
        "In a letter on Monday, President Ana Ruz of Chile asked Peru to honour the 1999 treaty.",
        "Ana Ruz",
        "President",
        "Chile",
    )
    asked = questions(article)
    assert asked["Who was the President of Chile in May 2021?"] == "Ana Ruz"


def test_an_outgoing_holder_is_asked_as_holding_the_office_at_the_articles_date() -> None:
    article = Article()
    sentence = "Outgoing Latvian President Ilze Berg met Estonian President Jan Vos in Riga."
    article.official(sentence, "Ilze Berg", "President", "Latvia", former=True)
    article.official(sentence, "Jan Vos", "President", "Estonia")
    wording = " ".join(f"{q} {a}" for q, a in questions(article).items())
    assert "Ilze Berg was the President of which country in May 2021?" in wording
    assert "had served" not in wording
    # a successor may take office the same month: "who was" would have two answers
    assert "Who was the President of Latvia in May 2021?" not in wording
    assert reasons(article)["Ilze Berg: President of Latvia in May 2021"] == "outgoing-office"


def test_which_country_options_have_the_office_by_their_form_of_government() -> None:
    article = Article()
    sentence = (
        "President Ivo Kask of Latvia met British Prime Minister Jan Vos, Japanese Prime "
        "Minister Ken Aoki, Spanish Prime Minister Ana Roe and Polish Foreign Minister Olga "
        "Tamm, Estonian Foreign Minister Mart Lepp and Lithuanian Foreign Minister Rita Vilk."
    )
    article.official(sentence, "Ivo Kask", "President", "Latvia")
    for person, office, country in (
        ("Jan Vos", "Prime Minister", "United Kingdom"),
        ("Ken Aoki", "Prime Minister", "Japan"),
        ("Ana Roe", "Prime Minister", "Spain"),
        ("Olga Tamm", "Foreign Minister", "Poland"),
        ("Mart Lepp", "Foreign Minister", "Estonia"),
        ("Rita Vilk", "Foreign Minister", "Lithuania"),
    ):
        article.official(sentence, person, office, country)
    notes = {n.question: n for n in build([article.doc()]).notes}
    which = notes["Ivo Kask was the President of which country in May 2021?"]
    assert which.answer == "Latvia"
    # no kingdom without a president is offered: the three are republics of the story
    assert set(which.distractors) == {"Poland", "Estonia", "Lithuania"}


def test_an_adviser_to_a_leader_is_asked_which_country_never_who() -> None:
    # a leader has several advisers: "Who was the adviser ...?" has no one answer
    article = Article()
    article.official(
        "Ana Ruz, a security adviser to Mr Marek, said the army would grow.",
        "Ana Ruz",
        "Security Adviser to the Prime Minister",
        "Borduria",
    )
    asked = questions(article)
    assert asked[
        "Ana Ruz was a security adviser to the prime minister of which country in May 2021?"
    ] == ("Borduria")
    assert not any(q.startswith("Who was") for q in asked)
