"""Participants questions from invented articles: each wording, each reason to leave a set out,
and options that never repeat the answer."""

from __future__ import annotations

import random

from test_question_kinds import Article, questions, reasons

from quizkit.extract.facts import ParticipantsFact
from quizkit.grading import fold
from quizkit.models import Note
from quizkit.questions import build
from quizkit.questions.candidate import Candidate
from quizkit.questions.checks import problems, reason_against
from quizkit.questions.participants import set_options


def took_part(
    article: Article, sentence: str, text: str, countries: tuple[str, ...], **fields: str
) -> None:
    """A set as the extractor reports it: `text` is the list as the sentence writes it."""
    where = article.where(sentence, text)
    article.facts.append(ParticipantsFact(text, countries, text, where, **fields))
    article.next()


def participants_notes(article: Article) -> list[Note]:
    return [n for n in build([article.doc()]).notes if n.kind == "participants"]


def asked(article: Article) -> dict[str, str]:
    return {q: a for q, a in questions(article).items() if q.startswith("Which")}


def test_a_phone_call_names_the_leaders_and_the_month() -> None:
    article = Article()
    sentence = (
        "In a telephone conversation on Monday, Polish President Jan Wrona told Chilean "
        "President Marta Rojas that the trade accord would be signed soon."
    )
    article.official(sentence, "Jan Wrona", "President", "Poland")
    article.official(sentence, "Marta Rojas", "President", "Chile")
    article.participants(sentence, "telephone conversation", ("Poland", "Chile"))
    assert asked(article) == {
        "Which two countries' presidents spoke by telephone in May 2021? Name both.": (
            "Poland and Chile"
        )
    }


def test_a_second_phone_call_in_the_story_makes_the_first_ambiguous() -> None:
    article = Article()
    first = "Polish President Jan Wrona phoned Chilean President Marta Rojas on Monday."
    article.official(first, "Jan Wrona", "President", "Poland")
    article.official(first, "Marta Rojas", "President", "Chile")
    article.participants(first, "phoned", ("Poland", "Chile"))
    second = "Wrona later phoned Peru's Prime Minister Luis Paz."
    article.official(second, "Luis Paz", "Prime Minister", "Peru")
    article.participants(second, "phoned", ("Poland", "Peru"))
    assert asked(article) == {}
    dropped = [d.reason for d in build([article.doc()]).dropped if d.kind == "participants"]
    assert dropped == ["vague-event", "vague-event"]


def test_leaders_of_different_offices_are_leaders() -> None:
    article = Article()
    sentence = "Polish President Jan Wrona phoned Greek Prime Minister Eleni Kara."
    article.official(sentence, "Jan Wrona", "President", "Poland")
    article.official(sentence, "Eleni Kara", "Prime Minister", "Greece")
    article.participants(sentence, "phoned", ("Poland", "Greece"))
    assert "Which two countries' leaders spoke by telephone in May 2021? Name both." in asked(
        article
    )


def test_a_press_conference_in_a_city_asks_who_appeared_there() -> None:
    article = Article()
    sentence = (
        "Latvian Foreign Minister Maris Ozols appeared with Estonia's Foreign Minister "
        "Liis Kask at a press conference in Tallinn."
    )
    article.official(sentence, "Maris Ozols", "Foreign Minister", "Latvia")
    article.official(sentence, "Liis Kask", "Foreign Minister", "Estonia")
    article.participants(sentence, "appeared with", ("Latvia", "Estonia"))
    assert asked(article) == {
        "Which two countries' foreign ministers appeared together at a press conference in "
        "Tallinn in May 2021? Name both.": "Latvia and Estonia"
    }


def test_a_signing_names_the_agreement_place_and_month() -> None:
    article = Article()
    sentence = "On May 4, Latvia and Lithuania signed a border agreement in Riga."
    article.participants(
        sentence, "signed a border agreement", ("Latvia", "Lithuania"), place="Riga",
        date="2021-05-04",
    )  # fmt: skip
    assert asked(article) == {
        "Which two countries signed the border agreement in Riga in May 2021? Name both.": (
            "Latvia and Lithuania"
        )
    }


def test_a_signing_with_another_country_named_before_its_verb_is_not_asked() -> None:
    article = Article()
    sentence = "On May 4, with Poland watching, Latvia and Lithuania signed a border agreement."
    article.participants(
        sentence, "signed a border agreement", ("Latvia", "Lithuania"), date="2021-05-04"
    )
    article.participants(
        "Poland sent an observer.", "sent an observer", ("Poland", "Germany"), date="2021-05-04"
    )
    assert not any("border agreement" in q for q in asked(article))


def test_the_chairs_of_a_larger_meeting_are_asked_as_chairs() -> None:
    article = Article()
    sentence = (
        "On May 4, a Riga meeting of twelve countries chaired by Norway and Canada agreed to "
        "fund the new fisheries council."
    )
    article.date(sentence, "2021-05-04", "May 4", "a Riga meeting of twelve countries agreed")
    article.count -= 1
    took_part(article, sentence, "Norway and Canada", ("Norway", "Canada"))
    assert asked(article) == {
        "Which two countries chaired the Riga meeting of twelve countries in May 2021? "
        "Name both.": "Norway and Canada"
    }


def test_the_chairs_of_a_meeting_nothing_names_are_not_asked() -> None:
    article = Article()
    sentence = (
        "On May 4, a meeting of twelve countries chaired by Norway and Canada agreed to fund "
        "the new fisheries council."
    )
    took_part(article, sentence, "Norway and Canada", ("Norway", "Canada"), date="2021-05-04")
    assert asked(article) == {}


def test_a_meeting_on_a_tour_is_not_asked_without_its_place() -> None:
    article = Article()
    article.official(
        "Latvian President Ilze Berzina began a four-nation tour on Monday.",
        "Ilze Berzina",
        "President",
        "Latvia",
    )
    article.next()
    sentence = "Berzina met President Jonas Petraitis of Lithuania to discuss energy."
    article.official(sentence, "Jonas Petraitis", "President", "Lithuania")
    took_part(article, sentence, "Berzina, Jonas Petraitis", ("Latvia", "Lithuania"))
    assert not any("met" in q for q in asked(article))


def test_a_set_as_subject_keeps_its_clause_up_to_the_comma() -> None:
    article = Article()
    sentence = "On Tuesday, Norway and Iceland agreed to share fishing data, officials said."
    took_part(article, sentence, "Norway and Iceland", ("Norway", "Iceland"), date="2021-05-04")
    assert asked(article) == {
        "Which two countries agreed to share fishing data in May 2021? Name both.": (
            "Norway and Iceland"
        )
    }


def test_a_set_after_a_preposition_is_not_the_subject() -> None:
    article = Article()
    sentence = "Officials from Norway and Iceland agreed to share fishing data."
    took_part(article, sentence, "Norway and Iceland", ("Norway", "Iceland"))
    assert asked(article) == {}
    assert "vague-event" in reasons(article).values()


def test_a_planned_clause_is_asked_as_planned() -> None:
    article = Article()
    sentence = "Chile and Peru plan to hold joint naval exercises, the navy said."
    took_part(article, sentence, "Chile and Peru", ("Chile", "Peru"))
    assert asked(article) == {
        "Which two countries were planning to hold joint naval exercises in May 2021? "
        "Name both.": "Chile and Peru"
    }


def test_talks_between_two_governments() -> None:
    article = Article()
    sentence = "Olga Tamm is in Santiago for talks between the Chilean and Peruvian governments."
    took_part(article, sentence, "Chilean and Peruvian", ("Chile", "Peru"))
    assert asked(article) == {
        "Which two countries' governments held talks in May 2021? Name both.": "Chile and Peru"
    }
    # a meeting of other countries told of elsewhere would fit 'held talks' as well
    later = "Tamm is to meet with Bolivia's President Ana Ruz on Friday."
    article.official(later, "Ana Ruz", "President", "Bolivia")
    article.next()
    assert asked(article) == {}


def test_an_unnamed_meeting_is_asked_only_when_the_story_has_one() -> None:
    sentence = "The defence ministers of Chile, Peru and Bolivia took part in the meeting."
    article = Article()
    article.participants(sentence, "the meeting", ("Chile", "Peru", "Bolivia"))
    assert asked(article) == {
        "Which three countries took part in the meeting in May 2021? Name all three.": (
            "Chile, Peru and Bolivia"
        )
    }
    article.participants(
        "Brazil and Uruguay skipped the meeting on fishing quotas.", "the meeting",
        ("Brazil", "Uruguay"),
    )  # fmt: skip
    assert not any("the meeting" in q for q in asked(article))


def test_sides_organisations_and_partial_sets_are_left_out() -> None:
    cases = [
        ("Fighting between Armenia and Azerbaijan resumed.", ("Armenia", "Azerbaijan")),
        ("NATO leaders met Ukraine's President in Brussels.", ("NATO", "Ukraine")),
        ("Chile, Peru and others met in Lima on May 4.", ("Chile", "Peru")),
        ("Spain met in Madrid on May 4.", ("Spain",)),
    ]
    expected = ["conflict-sides", "not-all-countries", "partial-set", "few-countries"]
    for (sentence, countries), reason in zip(cases, expected, strict=True):
        article = Article()
        article.participants(sentence, sentence, countries)
        assert asked(article) == {}, sentence
        assert reason in reasons(article).values(), sentence


def test_options_are_other_sets_of_the_same_size_never_the_answer() -> None:
    answer = ["Chile", "Peru", "Bolivia"]
    pool = ["Chile", "Peru", "Bolivia", "Ecuador", "Brazil", "Uruguay"]
    for seed in range(50):
        options = set_options(random.Random(seed), answer, pool)
        assert len(options) == 3
        members = [{fold(m) for m in o.replace(" and ", ", ").split(", ")} for o in options]
        assert all(len(m) == 3 for m in members)
        assert {fold(a) for a in answer} not in members
        assert len({frozenset(m) for m in members}) == 3
        # no member of the answer is in every option (that would give it away)
        assert all(any(fold(a) not in m for m in members) for a in answer)
    assert set_options(random.Random(0), ["Chile", "Peru"], ["Chile", "Peru"]) == ()


def test_generated_participants_cards_carry_options_and_pass_every_check() -> None:
    article = Article()
    sentence = "On May 4, Latvia and Lithuania signed a border agreement in Riga."
    article.participants(
        sentence, "signed", ("Latvia", "Lithuania"), place="Riga", date="2021-05-04"
    )
    other = "Estonian and Finnish diplomats watched the signing."
    article.participants(other, "watched", ("Estonia", "Finland"))
    notes = participants_notes(article)
    assert len(notes) == 1 and len(notes[0].distractors) == 3
    assert notes[0].extra["items"] == ["Latvia", "Lithuania"]
    wrapped = [Candidate(n, n.extra["fact"]) for n in build([article.doc()]).notes]
    assert problems(wrapped) == []


def test_an_option_with_the_answer_reordered_or_a_repeated_member_fails_its_check() -> None:
    note = Note(
        guid="p1",
        question="Which two countries signed the border agreement in Riga in May 2021? Name both.",
        answer="Latvia and Lithuania",
        kind="participants",
        distractors=("Estonia and Latvia", "Lithuania and Latvia", "Poland and Estonia"),
        extra={"items": ["Latvia", "Lithuania"], "answer_type": "list"},
    )
    assert reason_against(Candidate(note, "p")) == "option-is-answer"
    repeated = Note(
        guid="p2",
        question=note.question,
        answer="Latvia and Latvia",
        kind="participants",
        extra={"items": ["Latvia", "Latvia"], "answer_type": "list"},
    )
    assert reason_against(Candidate(repeated, "p")) == "list-members"


def test_a_partner_named_with_the_set_but_not_in_the_question_leaves_it_out() -> None:
    article = Article()
    sentence = "The foreign ministers of France and Germany met in Paris with Poland's envoy."
    took_part(article, sentence, "France and Germany", ("France", "Germany"), date="2021-05-04")
    assert asked(article) == {}
    assert "partial-set" in reasons(article).values()
    # named in the question itself, the partner is no longer left out
    article = Article()
    sentence = "Egypt and Jordan held talks with Israel in Cairo."
    took_part(article, sentence, "Egypt and Jordan", ("Egypt", "Jordan"), date="2021-05-04")
    assert asked(article) == {
        "Which two countries held talks with Israel in Cairo in May 2021? Name both.": (
            "Egypt and Jordan"
        )
    }


def test_sides_that_began_a_war_are_not_partners_but_sides_that_end_one_are() -> None:
    article = Article()
    sentence = "In 1980, Iran and Iraq began a long war over the border."
    took_part(article, sentence, "Iran and Iraq", ("Iran", "Iraq"))
    assert asked(article) == {}
    article = Article()
    sentence = "On Monday, Chile and Peru agreed to end the border dispute."
    took_part(article, sentence, "Chile and Peru", ("Chile", "Peru"), date="2021-05-03")
    assert asked(article) == {
        "Which two countries agreed to end the border dispute in May 2021? Name both.": (
            "Chile and Peru"
        )
    }


def test_a_third_person_who_met_both_is_named_as_the_host() -> None:
    article = Article()
    sentence = (
        "UN Secretary General Tomas Berg, meeting with Chile's President Ana Ruz and Peruvian "
        "President Ivo Marek, called for calm."
    )
    article.official(sentence, "Tomas Berg", "Secretary General", None, org="UN")
    article.official(sentence, "Ana Ruz", "President", "Chile")
    article.official(sentence, "Ivo Marek", "President", "Peru")
    took_part(article, sentence, "Chile's President Ana Ruz and Peruvian", ("Chile", "Peru"))
    assert asked(article) == {
        "Which two countries' presidents did Tomas Berg meet in May 2021? Name both.": (
            "Chile and Peru"
        )
    }
    # once he meets someone else too, the question no longer has one answer
    later = "Berg also held a meeting with the Bolivian foreign minister."
    article.official(later, "Tomas Berg", "Secretary General", None, org="UN")
    article.next()
    assert asked(article) == {}


def test_a_short_name_of_the_same_person_is_no_third_person() -> None:
    article = Article()
    sentence = "Polish President Jan Wrona met President Marta Rojas of Chile in Warsaw."
    article.official(sentence, "Jan Wrona", "President", "Poland")
    article.official(sentence, "Marta Rojas", "President", "Chile")
    article.official(sentence, "Marta", "President", "Chile")
    took_part(article, sentence, "Jan Wrona met President Marta Rojas", ("Poland", "Chile"))
    assert asked(article) == {
        "Which two countries' presidents met in May 2021? Name both.": "Poland and Chile"
    }


def test_an_undated_past_clause_may_be_background_and_is_not_asked() -> None:
    article = Article()
    sentence = "Chile and Peru agreed to share fishing data, officials recalled."
    took_part(article, sentence, "Chile and Peru", ("Chile", "Peru"))
    assert asked(article) == {}


def _tour(article: Article, count_word: str = "four-nation") -> None:
    """A premier's tour: its first sentence names the traveller, a later one the stops."""
    opening = (
        f"Chilean President Marta Rojas began a {count_word} tour of Europe in Madrid, where "
        "she met Spain's Prime Minister Luis Varela."
    )
    article.official(opening, "Marta Rojas", "President", "Chile")
    article.official(opening, "Luis Varela", "Prime Minister", "Spain")
    article.next()
    stops = "After Spain, the president visits Portugal, France and Belgium."
    took_part(article, stops, "Portugal, France and Belgium", ("Portugal", "France", "Belgium"))


def test_a_tour_asks_all_its_stops_with_the_traveller_and_month() -> None:
    article = Article()
    _tour(article)
    sentence = "Italy and Greece signed a fisheries pact in Rome on Monday."
    took_part(article, sentence, "Italy and Greece", ("Italy", "Greece"), date="2021-05-03")
    notes = [n for n in participants_notes(article) if "itinerary" in n.question]
    assert [(n.question, n.answer) for n in notes] == [
        (
            "Which four countries were on the itinerary of Marta Rojas's trip in May 2021? "
            "Name all four.",
            "Spain, Portugal, France and Belgium",
        )
    ]
    answer = {fold(c) for c in ("Spain", "Portugal", "France", "Belgium")}
    assert len(notes[0].distractors) == 3
    for option in notes[0].distractors:
        members = {fold(c) for c in option.replace(" and ", ", ").split(", ")}
        assert len(members) == 4 and members != answer
        # the traveller's own country is no stop of her tour: never among the wrong sets
        assert fold("Chile") not in members


def test_a_tour_whose_stated_count_the_list_falls_short_of_is_not_asked() -> None:
    article = Article()
    _tour(article, count_word="six-nation")
    assert not any("itinerary" in q for q in asked(article))


def test_a_tour_is_named_by_where_it_went() -> None:
    article = Article()
    opening = "Peruvian President Ana Quispe travels to the Baltic region next week."
    article.official(opening, "Ana Quispe", "President", "Peru")
    article.next()
    stops = "The president visits Latvia, Estonia and Lithuania."
    took_part(article, stops, "Latvia, Estonia and Lithuania", ("Latvia", "Estonia", "Lithuania"))
    assert asked(article) == {
        "Which three countries were on the itinerary of Ana Quispe's trip to the Baltic in "
        "May 2021? Name all three.": "Latvia, Estonia and Lithuania"
    }


def test_two_heads_of_state_on_the_move_leave_the_tour_unasked() -> None:
    article = Article()
    _tour(article)
    second = "Peruvian President Ana Quispe will also visit Europe in June."
    article.official(second, "Ana Quispe", "President", "Peru")
    article.next()
    assert not any("itinerary" in q for q in asked(article))


def _press(article: Article, sentence: str) -> None:
    article.official(sentence, "Marta Rojas", "President", "Chile")
    article.official(sentence, "Jonas Berg", "President", "Norway")
    took_part(
        article, sentence, "Chilean President Marta Rojas", ("Chile", "Norway"),
        date="2021-05-05",
    )  # fmt: skip


JOINT = (
    "Chilean President Marta Rojas arrived in Oslo today, where she met President Jonas Berg "
    "and took part in a joint press conference."
)


def test_a_joint_press_conference_without_a_city_is_asked_by_its_day() -> None:
    article = Article()
    _press(article, JOINT)
    assert asked(article) == {
        "Which two countries' presidents held a joint press conference on 5 May 2021? "
        "Name both.": "Chile and Norway"
    }


def test_a_second_press_conference_leaves_the_joint_one_unasked() -> None:
    article = Article()
    _press(article, JOINT)
    later = "Berg later gave a press conference on fishing rights."
    article.official(later, "Jonas Berg", "President", "Norway")
    took_part(article, later, "Berg", ("Norway", "Iceland"))
    assert not any("press conference" in q for q in asked(article))


def test_a_list_someone_else_visits_is_not_the_tour_of_the_head_of_state() -> None:
    article = Article()
    opening = "Chilean President Marta Rojas began a tour of Europe in Madrid."
    article.official(opening, "Marta Rojas", "President", "Chile")
    article.next()
    stops = "Next, the trade minister visits Portugal, France and Belgium."
    took_part(article, stops, "Portugal, France and Belgium", ("Portugal", "France", "Belgium"))
    assert not any("itinerary" in q for q in asked(article))


GROUP_DEAL = (
    "On Sunday in Vienna, Chile and the Andean nations — Peru, Ecuador, and Bolivia — reached "
    "a ten-year deal over Chile's copper exports."
)


def _group_deal(article: Article, sentence: str = GROUP_DEAL) -> None:
    took_part(
        article, sentence, "Peru, Ecuador, and Bolivia", ("Peru", "Ecuador", "Bolivia"),
        date="2021-05-02",
    )  # fmt: skip
    other = "Chile's president phoned Argentina's president."
    took_part(article, other, "Chile", ("Chile", "Argentina"))


def test_a_group_set_against_one_country_is_asked_as_its_partners() -> None:
    article = Article()
    _group_deal(article)
    notes = [n for n in participants_notes(article) if "deal" in n.question]
    assert [(n.question, n.answer) for n in notes] == [
        (
            "Which three countries reached a ten-year deal with Chile in Vienna in May 2021? "
            "Name all three.",
            "Peru, Ecuador and Bolivia",
        )
    ]
    assert notes[0].distractors and not any("Chile" in o for o in notes[0].distractors)


def test_a_second_deal_in_the_story_leaves_the_group_deal_unasked() -> None:
    article = Article()
    _group_deal(article)
    second = "Chile signed a separate deal with Brazil last year."
    took_part(article, second, "Chile", ("Chile", "Brazil"))
    assert not any("ten-year deal" in q for q in asked(article))


def test_a_group_deal_described_in_loose_words_is_not_asked() -> None:
    article = Article()
    _group_deal(article, GROUP_DEAL.replace("a ten-year deal", "a long-awaited deal"))
    assert not any("deal" in q for q in asked(article))


def test_a_pair_bound_by_a_dated_pact_is_asked_by_its_year() -> None:
    article = Article()
    sentence = "Peru said the countries' 1998 peace treaty had been broken by the raid."
    took_part(article, sentence, "the countries' 1998 peace treaty", ("Peru", "Ecuador"))
    assert asked(article) == {
        "Which two countries signed a peace treaty in 1998? Name both.": "Peru and Ecuador"
    }


def test_a_pact_of_the_report_year_or_a_loosely_named_one_is_not_asked_by_year() -> None:
    for text in ("the countries' 2021 peace treaty", "the countries' 1998 historic treaty"):
        article = Article()
        sentence = f"Peru said {text} had been broken by the raid."
        took_part(article, sentence, text, ("Peru", "Ecuador"))
        assert not any("treaty" in q for q in asked(article)), text


def _observers(article: Article, election: str) -> None:
    article.date(election, "2021-05-30", "May 30", "the vote")
    arrived = "Forty observers had arrived from Ghana, Togo and Niger, with more expected."
    took_part(article, arrived, "Ghana, Togo and Niger", ("Ghana", "Togo", "Niger"))


def test_observers_of_a_national_election_are_asked_by_their_countries() -> None:
    article = Article()
    _observers(article, "Benin's general elections are due on May 30.")
    assert questions(article)[
        "Observers from which three countries had arrived for Benin's elections in May 2021? "
        "Name all three."
    ] == ("Ghana, Togo and Niger")


def test_observers_are_not_asked_when_the_election_is_unnamed() -> None:
    article = Article()
    _observers(article, "The general elections are due on May 30.")
    assert not any("Observers" in q for q in questions(article))


def _began(article: Article, tail: str) -> None:
    sentence = (
        "The envoy will urge Prime Minister Eva Lind and President Omar Haddad to "
        f"revive the peace talks they began {tail}."
    )
    article.official(sentence, "Eva Lind", "Prime Minister", "Sweden")
    article.official(sentence, "Omar Haddad", "President", "Tunisia")
    took_part(
        article, sentence, "Prime Minister Eva Lind and President Omar Haddad",
        ("Sweden", "Tunisia"),
    )  # fmt: skip


def test_talks_a_pair_began_are_asked_with_their_month_and_place() -> None:
    article = Article(dateline="2021-02-10")
    _began(article, "in November in Geneva")
    assert asked(article) == {
        "Which two countries' leaders began peace talks in Geneva in November 2020? "
        "Name both.": "Sweden and Tunisia"
    }


def test_talks_begun_in_one_of_the_pair_are_not_asked_by_that_place() -> None:
    article = Article(dateline="2021-02-10")
    _began(article, "in January in Tunisia")
    assert asked(article) == {}


def _arrangement(article: Article, lead: str) -> None:
    sentence = (
        f"Critics fault {lead}, in which Chile, Peru and Ecuador hold joint grain reserves "
        "and may set prices together."
    )
    took_part(article, sentence, "Chile, Peru and Ecuador", ("Chile", "Peru", "Ecuador"))


def test_the_members_of_an_arrangement_are_asked_with_what_they_do_under_it() -> None:
    article = Article()
    _arrangement(article, "the deal under grain pooling")
    assert asked(article) == {
        "Which three countries held joint grain reserves under grain pooling in May 2021? "
        "Name all three.": "Chile, Peru and Ecuador"
    }


def test_a_list_with_no_arrangement_named_before_it_is_not_asked_as_members() -> None:
    article = Article()
    _arrangement(article, "grain pooling")
    assert not any("grain" in q for q in asked(article))
