"""Date questions: the date goes to the phrase it stands by, and the question reads whole alone.

Invented articles in news style (the builder and its dateline, Wednesday 5 May 2021, come from
test_question_kinds); each test is one rule of news English a reader would notice broken.
"""

from __future__ import annotations

from dataclasses import replace

from test_question_kinds import Article, questions, reasons

from quizkit.questions.date_clauses import (
    complete,
    coordinated_plan,
    dated_attack,
    nominal_event,
    published_interview,
    quoted_statement,
    speech_around_date,
    spelled_out,
    surgery,
    trailing_attribution,
    unnamed_description,
    verb_before_date,
)
from quizkit.questions.pipeline import build


def test_a_noun_phrase_the_extractor_cut_short_is_made_whole() -> None:
    article = Article()
    article.date(
        "The Baltic League will hold an urgent meeting on Sunday to discuss the Latvian air "
        "strikes on Varna.",
        "2021-05-09",
        "Sunday",
        "the Baltic League will hold an urgent meeting to discuss the Latvian air",
        planned=True,
    )
    assert questions(article) == {
        "On what date was the Baltic League scheduled to hold an urgent meeting to discuss "
        "the Latvian air strikes?": "9 May 2021"
    }


def test_completion_stops_at_the_date_a_preposition_or_an_ing_phrase() -> None:
    sentence = "Olga Tamm signed a revised version of her order barring entry to Latvia on Monday."
    at = sentence.find("Monday")
    event = "Olga Tamm signed a revised version of her order"
    assert complete(event, sentence, at, at + 6) == event
    sentence = "Olga Tamm made her first public appearance since stepping down as premier today."
    at = sentence.find("today")
    cut = "Olga Tamm made her first public appearance since stepping down as"
    assert complete(cut, sentence, at, at + 5) == cut + " premier"


def test_a_first_appearance_keeps_its_since_phrase() -> None:
    article = Article()
    article.date(
        "Olga Tamm made her first public appearance since stepping down as premier yesterday "
        "at a speech entitled Baltic Futures.",
        "2021-05-04",
        "yesterday",
        "Olga Tamm made her first public appearance since stepping down as",
    )
    assert questions(article) == {
        "When did Olga Tamm make her first public appearance since stepping down as premier?": (
            "4 May 2021"
        )
    }


def test_a_date_inside_a_phrase_after_the_verb_is_not_the_main_events() -> None:
    article = Article()
    article.date(
        "The summit was called by Prime Minister Olga Tamm due to the failed May Day plot to "
        "bomb a ferry.",
        "2021-05-01",
        "May Day",
        "the summit was called by Prime Minister Olga Tamm due to the failed plot",
    )
    assert questions(article) == {}
    assert "date-of-other-event" in reasons(article).values()


def test_after_being_arrested_dates_the_arrest_of_the_main_subject() -> None:
    article = Article()
    sentence = "Opposition leader Ivo Kask appeared in court today after being arrested on Monday."
    event = "Opposition leader Ivo Kask appeared in court after being arrested"
    article.date(sentence, "2021-05-05", "today", event)
    article.date(sentence, "2021-05-03", "Monday", event)
    asked = questions(article)
    assert asked["When did opposition leader Ivo Kask appear in court?"] == "5 May 2021"
    assert asked["When was opposition leader Ivo Kask arrested?"] == "3 May 2021"


def test_after_being_towed_is_not_given_to_the_object_of_a_transitive_verb() -> None:
    article = Article()
    article.date(
        "Police found the fishing boat Aino on May 3 after being towed on May 1.",
        "2021-05-01",
        "May 1",
        "Police found the fishing boat Aino after being towed",
    )
    assert not any("towed" in q for q in questions(article))
    assert "date-of-other-event" in reasons(article).values()


def test_a_killing_and_a_disappearance_are_asked_as_events() -> None:
    article = Article()
    sentence = (
        '"We have reports on the killing of one journalist, Ana Roe, in Varna on May 2, and the '
        'disappearance of another journalist, Ivo Kask, two days earlier in Tarsa on April 30," '
        "a spokesman said."
    )
    article.date(sentence, "2021-05-02", "May 2", "We have reports on the killing of one")
    article.date(sentence, "2021-04-30", "April 30", "the disappearance of another journalist")
    asked = questions(article)
    assert asked["When was journalist Ana Roe killed in Varna?"] == "2 May 2021"
    assert asked["When did journalist Ivo Kask disappear in Tarsa?"] == "30 April 2021"


def test_a_cancellation_dated_before_its_of_phrase() -> None:
    sentence = "The storm has caused the cancellation yesterday of the 2021 Tarsa Regatta."
    at = sentence.find("yesterday")
    assert nominal_event(sentence, at, at + 9) == "the 2021 Tarsa Regatta was cancelled"
    sentence = "The storm has caused the cancellation yesterday of all ferries."
    assert nominal_event(sentence, at, at + 9) is None


def test_a_definite_description_without_a_name_is_left_out() -> None:
    article = Article()
    article.date(
        "An exchange of handshakes at a Baltic summit Friday marked the end of the bitter feud.",
        "2021-04-30",
        "Friday",
        "an exchange of handshakes at a Baltic summit marked the end of the bitter feud",
    )
    assert questions(article) == {}
    assert "no-antecedent" in reasons(article).values()


def test_which_definite_descriptions_need_the_article() -> None:
    assert str(unnamed_description("When did the failed plot take place?")).startswith(
        "the failed plot"
    )
    assert unnamed_description("When was the most powerful aftershock felt?") == (
        "the most powerful aftershock"
    )
    assert unnamed_description("When was the order to start?") == "the order"
    assert unnamed_description("When was the organisation's role discussed?") == (
        "the organisation"
    )
    for placed in (
        "When did the government of Latvia lift the caps on fuel prices?",
        "When did the Latvian government fall?",
        "When did police arrest Ivo Kask for the fifth time?",
        "When was the 2021 Tarsa Regatta cancelled?",
        "When did the talks in Riga open?",
        "When did the ministers of Latvia sign the accord with Estonia?",
        "When were the killings of journalists condemned by Olga Tamm?",
        "When did NATO agree to reinforce the alliance's eastern flank?",
    ):
        assert unnamed_description(placed) is None, placed


def test_an_indefinite_subject_with_nothing_after_its_verb_is_vague() -> None:
    article = Article()
    article.date(
        "A Latvia government panel met last Tuesday and is drafting a report.",
        "2021-05-04",
        "last Tuesday",
        "a Latvia government panel met and is drafting a report",
    )
    assert questions(article) == {}
    assert "vague-event" in reasons(article).values()


def test_what_happened_needs_the_place_of_the_event_not_of_a_person() -> None:
    article = Article()
    article.date(
        "Ana Roe, the Latvian ambassador in Estonia, was recalled by the Latvian government "
        "on May 4.",
        "2021-05-04",
        "May 4",
        "Ana Roe, the Latvian ambassador in Estonia, was recalled by the Latvian government",
        place="Estonia",
    )
    asked = questions(article)
    assert (
        asked[
            "When was Ana Roe, the Latvian ambassador in Estonia, recalled by the Latvian "
            "government?"
        ]
        == "4 May 2021"
    )
    assert not any(q.startswith("What happened") for q in asked)


def test_what_happened_needs_a_day_the_story_tells_of_once() -> None:
    article = Article()
    article.date(
        "On May 2, twelve Latvian soldiers were killed in Varna.",
        "2021-05-02",
        "May 2",
        "twelve Latvian soldiers were killed in Varna",
        place="Latvia",
    )
    article.date(
        "Over 40 civilians died in Varna on May 2, by one count well over 60.",
        "2021-05-02",
        "May 2",
        "by one count well over 60",
    )
    asked = questions(article)
    assert "When were twelve Latvian soldiers killed in Varna?" in asked
    assert not any(q.startswith("What happened") for q in asked)


def test_a_surname_subject_is_named_in_full() -> None:
    article = Article()
    article.official(
        "Latvian Prime Minister Ivo Green met Olga Tamm.", "Ivo Green", "Prime Minister", "Latvia"
    )
    article.next()
    article.date(
        "Tamm criticised Latvia, after Green called for calm on Friday.",
        "2021-04-30",
        "Friday",
        "Green called for calm",
    )
    assert questions(article)["When did Ivo Green call for calm?"] == "30 April 2021"


def test_the_country_is_the_one_the_clause_names_before_it() -> None:
    article = Article()
    article.date(
        "On Thursday, NATO leaders pledged support for Latvia at a meeting with the country's "
        "president.",
        "2021-04-29",
        "Thursday",
        "NATO leaders pledged support for Latvia at a meeting with the country's president",
    )
    assert questions(article) == {
        "When did NATO leaders pledge support for Latvia at a meeting with Latvia's president?": (
            "29 April 2021"
        )
    }


def test_an_irregular_participle_and_an_before_eight() -> None:
    article = Article()
    article.date(
        "Last Saturday, Latvia was hit by a 8.1 earthquake.",
        "2021-05-01",
        "Last Saturday",
        "Latvia was hit by a 8.1 earthquake",
    )
    assert questions(article) == {"When was Latvia hit by an 8.1 earthquake?": "1 May 2021"}


def test_asides_of_place_and_age_are_left_out_of_the_question() -> None:
    article = Article()
    article.date(
        "A strong earthquake struck Varna, in the Tarsa province or western Latvia on Monday.",
        "2021-05-03",
        "Monday",
        "a strong earthquake struck Varna, in the Tarsa province or western Latvia",
    )
    article.date(
        "Ivo Kask, 25, and Ana Roe, age given as 28 or 29, pleaded not guilty on Tuesday.",
        "2021-05-04",
        "Tuesday",
        "Ana Roe, age given as 28 or 29, pleaded not guilty",
    )
    asked = questions(article)
    assert asked["When did a strong earthquake strike Varna?"] == "3 May 2021"
    assert asked["When did Ana Roe plead not guilty?"] == "4 May 2021"


def test_us_in_capitals_is_a_country_not_a_pronoun() -> None:
    article = Article()
    article.date(
        "Olga Tamm on Saturday headed a ceremony in Varna welcoming US troops.",
        "2021-05-01",
        "Saturday",
        "Olga Tamm headed a ceremony in Varna welcoming US",
    )
    assert questions(article) == {
        "When did Olga Tamm head a ceremony in Varna welcoming US troops?": "1 May 2021"
    }


def test_a_relation_noun_is_named_by_its_partners_in_the_sentence() -> None:
    article = Article()
    article.date(
        "A handshake at a Baltic summit Friday marked the end of the bitter feud that had "
        "raged between Latvia and Estonia for a week.",
        "2021-04-30",
        "Friday",
        "a handshake at a Baltic summit marked the end of the bitter feud",
    )
    article.date(
        "A handshake on Thursday ended the long quarrel that had raged for a week.",
        "2021-04-29",
        "Thursday",
        "a handshake ended the long quarrel",
    )
    assert questions(article) == {
        "When did a handshake at a Baltic summit mark the end of the bitter feud between "
        "Latvia and Estonia?": "30 April 2021"
    }


def test_a_description_is_named_from_an_earlier_sentence() -> None:
    article = Article()
    article.date(
        "The Riga Forum summit opened with a row over fishing quotas in May 2021.",
        "2021-05-01",
        "May 2021",
        "the Riga Forum summit opened with a row over fishing quotas",
    )
    article.date(
        "The summit ended on Monday with a joint statement.",
        "2021-05-03",
        "Monday",
        "the summit ended with a joint statement",
    )
    assert questions(article)["When did the Riga Forum summit end with a joint statement?"] == (
        "3 May 2021"
    )


def test_the_one_sent_to_visit_is_asked_as_the_planned_visit() -> None:
    article = Article()
    article.date(
        "Olga Tamm has sent Foreign Minister Ivo Kask to visit Estonia on Monday.",
        "2021-05-10",
        "Monday",
        "Olga Tamm has sent Foreign Minister Ivo Kask to visit Estonia",
        planned=True,
    )
    assert questions(article) == {
        "On what date was Foreign Minister Ivo Kask scheduled to visit Estonia?": "10 May 2021"
    }


def test_a_date_inside_a_named_event_phrase() -> None:
    article = Article()
    article.date(
        "Observers called for a fair vote in Latvia's scheduled October 3 general elections.",
        "2021-10-03",
        "October 3",
        "Observers called for a fair vote in Latvia's scheduled general elections",
        planned=True,
    )
    assert questions(article) == {
        "On what date were Latvia's general elections scheduled to be held?": "3 October 2021"
    }


def test_a_whole_statement_by_a_named_speaker_is_asked_as_itself() -> None:
    article = Article()
    article.date(
        "On Saturday, Latvian speaker Ivo Kask told the BBC that the ferry remains in port.",
        "2021-05-01",
        "Saturday",
        "Latvian speaker Ivo Kask told the BBC that the ferry remains in port",
        reporting=True,
    )
    article.date(
        "Outgoing Tarsa director Ana Roe said on Sunday that Latvia risks a long strike if "
        "wages are not raised, and expressed concerns about fuel.",
        "2021-05-02",
        "Sunday",
        "Outgoing Tarsa director Ana Roe said that Latvia risks a long strike if wages",
        reporting=True,
    )
    asked = questions(article)
    assert asked[
        "When did Latvian speaker Ivo Kask tell the BBC that the ferry remains in port?"
    ] == ("1 May 2021")
    assert asked[
        "When did outgoing Tarsa director Ana Roe say that Latvia risks a long strike?"
    ] == ("2 May 2021")
    assert not any(q.startswith("What happened") for q in asked)


def test_a_statement_with_a_pronoun_a_quotation_or_no_clause_is_left_out() -> None:
    article = Article()
    article.date(
        "Prime Minister Olga Tamm said on Monday that the opposition would never win as long as "
        "he is alive.",
        "2021-05-03",
        "Monday",
        "Prime Minister Olga Tamm said that the opposition would never win as long as he",
        reporting=True,
    )
    article.date(
        '"There is a growing sense of fear," the Riga Press Union said on Tuesday.',
        "2021-05-04",
        "Tuesday",
        "the Riga Press Union said that there is a growing sense of fear",
        reporting=True,
    )
    article.date(
        "Latvian police reported on Sunday that claiming asylum in Riga.",
        "2021-05-02",
        "Sunday",
        "Latvian police reported that claiming asylum in Riga",
        reporting=True,
    )
    # a whole quoted sentence of a named speaker is reported in the writer's words
    assert questions(article) == {
        "When did the Riga Press Union say that there is a growing sense of fear?": "4 May 2021"
    }
    assert list(reasons(article).values()).count("statement-only") == 2


def test_his_order_in_an_earlier_sentence_names_the_order() -> None:
    article = Article()
    article.official(
        "Latvian President Ivo Kask signed his executive order.", "Ivo Kask", "President", "Latvia"
    )
    article.date(
        "On Monday, Latvian President Ivo Kask signed a new version of his executive order.",
        "2021-05-03",
        "Monday",
        "Latvian President Ivo Kask signed a new version of his executive order",
    )
    article.date(
        "The order is set to go into effect on May 20.",
        "2021-05-20",
        "May 20",
        "the order is set to go into effect",
        planned=True,
    )
    asked = questions(article)
    assert asked[
        "On what date was Ivo Kask's new executive order scheduled to go into effect?"
    ] == ("20 May 2021")


def test_a_compass_word_before_a_common_noun_is_lower_case() -> None:
    article = Article()
    article.date(
        "Olga Tamm on Saturday opened a school in the Western town of Zory.",
        "2021-05-01",
        "Saturday",
        "Olga Tamm opened a school in the Western town of Zory",
    )
    assert questions(article) == {
        "When did Olga Tamm open a school in the western town of Zory?": "1 May 2021"
    }


def test_the_country_is_the_one_the_sentence_names_not_an_officials() -> None:
    article = Article()
    sentence = (
        "Asked about the unrest in Estonia, Olga Tamm said she has sent Foreign Minister "
        "Ivo Kask to visit the country on Monday."
    )
    article.official(sentence, "Ivo Kask", "Foreign Minister", "Latvia")
    article.date(
        sentence,
        "2021-05-10",
        "Monday",
        "Olga Tamm has sent Foreign Minister Ivo Kask to visit the country",
        planned=True,
    )
    asked = [q for q in questions(article) if "visit" in q]
    assert asked == ["On what date was Foreign Minister Ivo Kask scheduled to visit Estonia?"]


def test_a_date_right_after_its_verb_dates_that_verb_and_an_apposed_name_names_the_subject() -> (
    None
):
    article = Article()
    article.date(
        "A Latvian 900 tonne patrol boat of the Baltic Fleet (BF), the LNS Kora, sank March 3, "
        "2021 near the disputed sea border with Estonia.",
        "2021-03-03",
        "March 3, 2021",
        "a Latvian 900 tonne patrol boat of the Baltic Fleet, the LNS",
    )
    assert questions(article) == {
        "When did the LNS Kora sink near the disputed sea border with Estonia?": "3 March 2021"
    }


def test_verb_before_date_leaves_remarks_objects_and_clauses_before_the_subject() -> None:
    def told(sentence: str, text: str) -> str | None:
        at = sentence.find(text)
        return verb_before_date(sentence, at, at + len(text))

    assert told("Ivo Green arrived Monday in Riga.", "Monday") == "Ivo Green arrived in Riga"
    assert told("Ivo Green said Monday that talks failed.", "Monday") is None
    assert told("Ivo Green signed Monday the accord.", "Monday") is None
    assert told("When Green left, Olga Tamm arrived Monday.", "Monday") is None
    assert told("The talks were postponed Monday.", "Monday") is None
    assert told("Ivo Green said the talks collapsed Monday.", "Monday") is None


def test_an_interview_published_on_a_day_is_asked_by_the_one_who_gave_it() -> None:
    article = Article()
    article.official(
        "Latvian Prime Minister Ivo Green met Olga Tamm.", "Ivo Green", "Prime Minister", "Latvia"
    )
    article.next()
    article.date(
        "In a Baltic Times interview published on Friday Green indicated he wants to keep "
        'the tariffs "for a while," but may lift them later.',
        "2021-04-30",
        "Friday",
        "In a Baltic Times interview published Green indicated he wants to keep the tariffs",
    )
    assert questions(article)["When was Ivo Green's Baltic Times interview published?"] == (
        "30 April 2021"
    )


def test_an_interview_by_someone_the_story_does_not_name_in_full_is_left_out() -> None:
    sentence = "In a Baltic Times interview published on Friday Green indicated he wants peace."
    at = sentence.find("Friday")
    assert published_interview(sentence, at, at + 6) == (
        "Green",
        "Baltic Times interview was published",
    )
    article = Article()
    article.date(sentence, "2021-04-30", "Friday", "In a Baltic Times interview published Green")
    assert questions(article) == {}


def test_surgery_after_a_named_persons_condition_is_that_persons() -> None:
    article = Article()
    article.date(
        'Olga Tamm\'s condition is "stable" following surgery last Monday for a broken hip '
        "according to Latvian health minister Ivo Green.",
        "2021-05-03",
        "last Monday",
        "Olga Tamm's condition is stable following surgery for a broken hip according to",
    )
    assert questions(article) == {
        "When did Olga Tamm undergo surgery for a broken hip?": "3 May 2021"
    }


def test_surgery_is_nobodys_when_the_clause_names_two_people() -> None:
    sentence = "Ivo Green said Olga Tamm was well after surgery on Monday."
    at = sentence.find("Monday")
    assert surgery(sentence, at, at + 6, set()) is None
    sentence = "Tamm was well after surgery on Monday, Ivo Green said."
    at = sentence.find("Monday")
    assert surgery(sentence, at, at + 6, {"Tamm", "Ivo Green"}) is None


def test_a_report_closing_the_sentence_is_asked_as_the_report_of_its_clause() -> None:
    article = Article()
    article.date(
        "The Latvian navy towed a fishing boat back to Varna, Estonia, after it lost power, "
        "Estonian Coast Guard reported Monday.",
        "2021-05-03",
        "Monday",
        "Estonian Coast Guard reported that after it lost power",
        reporting=True,
    )
    assert questions(article) == {
        "When did Estonian Coast Guard report that the Latvian navy towed a fishing boat back "
        "to Varna, Estonia?": "3 May 2021"
    }


def test_a_closing_report_needs_a_named_speaker_no_quotation_and_nothing_after_the_date() -> None:
    def reported(sentence: str, text: str) -> str | None:
        at = sentence.find(text)
        return trailing_attribution(sentence, at, at + len(text))

    assert reported("The talks failed, Ivo Green said on Monday.", "Monday") == (
        "Ivo Green said that the talks failed"
    )
    assert reported("The talks failed, the minister said on Monday.", "Monday") is None
    assert reported('"The talks failed," Ivo Green said on Monday.', "Monday") is None
    assert reported("The talks failed, Ivo Green said on Monday in Riga.", "Monday") is None


def _headlined(article: Article, headline: str) -> dict[str, str]:
    doc = replace(article.doc(), headline=headline)
    return {n.question: n.answer for n in build([doc]).notes if n.kind == "date"}


def test_an_unplaced_event_is_in_the_one_country_the_headline_names() -> None:
    article = Article()
    article.official(
        "Protesters want Latvian Prime Minister Ivo Green to resign.",
        "Ivo Green",
        "Prime Minister",
        "Latvia",
    )
    article.next()
    sentence = "Thousands of people poured into squares after midday prayers today."
    event = "Thousands of people poured into squares after midday prayers"
    article.date(sentence, "2021-05-05", "today", event)
    asked = _headlined(article, "Latvia protests go on for a third day")
    question = "When did thousands of people pour into squares after midday prayers in Latvia?"
    assert asked[question] == "5 May 2021"
    # a headline naming two countries, or none, places nothing
    assert not any("prayers" in q for q in _headlined(article, "Latvia and Estonia talk"))
    assert not any("prayers" in q for q in _headlined(article, "Protests go on"))


def test_a_date_between_a_named_speakers_verb_and_that_dates_the_saying() -> None:
    article = Article()
    article.date(
        "The race is the longest in the Baltics and Riga-based organisers Baltic Motor Club had "
        "said as late as Monday that more than 200 cars were ready to start.",
        "2021-05-03",
        "Monday",
        "the race is the longest in the Baltics and Riga-based organisers Baltic Motor Club had",
        reporting=True,
    )
    assert questions(article) == {
        "When did Riga-based organisers Baltic Motor Club say that more than 200 cars were ready "
        "to start?": "3 May 2021"
    }


def test_speech_around_a_date_needs_a_named_speaker_and_a_that_clause() -> None:
    def said(sentence: str, text: str) -> str | None:
        at = sentence.find(text)
        return speech_around_date(sentence, at, at + len(text))

    assert said("Ivo Green said on Monday that talks failed.", "Monday") == (
        "Ivo Green said that talks failed"
    )
    assert said("the minister said on Monday that talks failed.", "Monday") is None
    assert said("Officials said on Monday that talks failed.", "Monday") is None
    assert said('Ivo Green said on Monday that "talks failed".', "Monday") is None
    assert said("Ivo Green said on Monday the talks failed.", "Monday") is None


def test_a_date_inside_a_named_plot_dates_the_plot() -> None:
    article = Article()
    article.date(
        "The summit was called by Prime Minister Olga Tamm due to the failed May Day plot to "
        "bomb a Latvian ferry, for which the Tarsa Front claimed responsibility.",
        "2021-05-01",
        "May Day",
        "the summit was called by Prime Minister Olga Tamm due to the failed plot",
    )
    assert questions(article) == {
        "On what date was there a failed plot to bomb a Latvian ferry, for which the Tarsa "
        "Front claimed responsibility?": "1 May 2021"
    }
    sentence = "Police said the May 3 attack on Riga's main station killed two."
    at = sentence.find("May 3")
    assert dated_attack(sentence, at, at + 5) == "there was an attack on Riga's main station"


def test_the_second_of_two_planned_verbs_takes_the_date_and_the_race_its_name() -> None:
    article = Article()
    article.date(
        "Threats have caused the cancellation of the 2021 Baltic Rally, due to start today.",
        "2021-05-05",
        "today",
        "the 2021 Baltic Rally is due to start",
        planned=True,
    )
    article.date(
        "The race, which was to be the tenth, was to start in Riga and end on May 16 in "
        "Tartu, Estonia having crossed three borders.",
        "2021-05-16",
        "May 16",
        "the race was to be the tenth, was to start in Riga",
        planned=True,
        place="Riga",
    )
    asked = questions(article)
    assert asked["On what date was the 2021 Baltic Rally scheduled to end in Tartu, Estonia?"] == (
        "16 May 2021"
    )
    assert asked["On what date was the 2021 Baltic Rally scheduled to start?"] == "5 May 2021"


def test_a_coordinated_plan_needs_a_described_subject_and_a_place_after() -> None:
    def plan(sentence: str, text: str) -> str | None:
        at = sentence.find(text)
        return coordinated_plan(sentence, at, at + len(text))

    assert plan("The talks were to open in Riga and close on May 9.", "May 9") == (
        "the talks will close"
    )
    assert plan("Ivo Green was to open in Riga and close on May 9.", "May 9") is None
    assert plan("The talks were to open in Riga and sign on May 9 the accord.", "May 9") is None
    assert plan("The talks were to open in Riga and closed on May 9.", "May 9") is None


def test_a_whole_quoted_sentence_by_a_named_speaker_is_asked_in_reported_words() -> None:
    article = Article()
    article.official(
        "The Tarsa Farmers Union (TFU), led by Ivo Green, has condemned the fines.",
        "Ivo Green",
        "leader",
        None,
        org="TFU",
    )
    article.next()
    article.date(
        '"There is a growing sense of crisis among farmers who see each fine as a warning," '
        "the TFU said last Monday.",
        "2021-05-03",
        "last Monday",
        "the TFU said that there is a growing sense of crisis among farmers who see",
        reporting=True,
    )
    asked = questions(article)
    question = (
        "When did the Tarsa Farmers Union say that there is a growing sense of crisis among "
        "farmers?"
    )
    assert asked[question] == "3 May 2021"


def test_a_quotation_in_the_first_person_or_with_words_after_the_date_is_not_reported() -> None:
    def quoted(sentence: str, text: str) -> tuple[str, str] | None:
        at = sentence.find(text)
        return quoted_statement(sentence, at, at + len(text))

    assert quoted('"Farmers face ruin," the TFU said on Monday.', "Monday") is None  # too short
    assert quoted('"We face ruin this spring," the TFU said on Monday.', "Monday") is None
    assert (
        quoted('"Farmers face ruin this spring," the TFU said on Monday in Riga.', "Monday") is None
    )
    assert quoted('"Farmers face ruin this spring," the TFU said on Monday.', "Monday") == (
        "the TFU",
        "Farmers face ruin this spring",
    )
    assert spelled_out("the TFU", ["Tarsa said the Tarsa Farmers Union (TFU) met."]) == (
        "the Tarsa Farmers Union"
    )
    assert spelled_out("the TFU", ["The Union (TFU) met."]) is None


def test_this_described_as_is_the_plan_the_sentence_before_opens_with() -> None:
    sentence = (
        "Speaking on Monday before the summit, Tarsa's defence minister, Ana Lind, described "
        "this as a response to the Varnian build-up."
    )
    event = (
        "Tarsa's defence minister, Ana Lind, described this as a response to the Varnian build-up"
    )

    def asked(before: str) -> dict[str, str]:
        article = Article()
        article.date(sentence, "2021-05-03", "Monday", event)
        doc = replace(article.doc(), before=((article.count - 1, before),))
        return {n.question: n.answer for n in build([doc]).notes if n.kind == "date"}

    named = asked("Plans for a Northern Shield Plan were agreed at the summit.")
    question = (
        "When did Tarsa's defence minister, Ana Lind, describe the Northern Shield Plan as a "
        "response to the Varnian build-up?"
    )
    assert named[question] == "3 May 2021"
    # a sentence before that names no plan leaves 'this' unresolved: nothing is asked
    assert not any("this" in q or "Plan" in q for q in asked("The summit opened in Riga."))


def test_a_runoff_after_a_presidents_reelection_bid_is_the_presidential_runoff() -> None:
    bid = "Lind, who won in 2016, is now fighting a reelection bid but trails in the polls."

    def asked(before: str, office: str = "President") -> dict[str, tuple[str, tuple[str, ...]]]:
        article = Article(dateline="2021-04-20")
        article.official(bid, "Ana Lind", office, "Chile")
        article.date("A plain sentence of 2014.", "2014-09-09", "2014", "a plain sentence")
        runoff = "A run-off election is scheduled for May 9."
        article.date(runoff, "2021-05-09", "May 9", "a run-off election is scheduled", planned=True)
        doc = replace(article.doc(), before=((article.count - 1, before),))
        return {
            n.question: (n.answer, n.distractors) for n in build([doc]).notes if n.kind == "date"
        }

    question = "On what date was the run-off of the 2021 presidential election in Chile scheduled?"
    answer, options = asked(bid)[question]
    assert answer == "9 May 2021"
    assert options and not any(o.endswith("2014") for o in options)  # no day of another era
    # a prime minister's bid, or no bid just before: whose run-off is not known
    assert question not in asked(bid, office="Prime Minister")
    assert question not in asked("The campaign opened in Lima.")


def test_the_first_of_two_days_for_the_two_boats_is_asked_as_the_first_of_two() -> None:
    article = Article()
    sentence = (
        "Chilean police found the two boats reportedly towed back from Peru on April 12, and on "
        "April 20 after a storm."
    )
    clause = "Chilean police found the two boats reportedly towed back from Peru"
    article.date(sentence, "2021-04-12", "April 12", clause)
    article.count -= 1  # the second date of the same sentence
    article.date(sentence, "2021-04-20", "April 20", f"{clause} after a storm")
    asked = questions(article)
    question = (
        "When did Chilean police find the first of two boats reportedly towed back from Peru?"
    )
    assert asked[question] == "12 April 2021"
    # 'the two boats' of the second day stays unplaced: no question asks it as the same find
    assert "20 April 2021" not in {a for q, a in asked.items() if "boats" in q}
