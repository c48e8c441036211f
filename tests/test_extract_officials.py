"""Officials: the news forms of "office + person", canonical offices, and merging aliases."""

from __future__ import annotations

import itertools

import pytest

from quizkit.extract import OfficialFact, extract_texts
from quizkit.extract.titles import canonical_office


def officials(*texts: str) -> list[list[tuple[str, str, str | None, str | None]]]:
    """(person, office, country, org) of each article's officials."""
    docs = extract_texts([(f"a{i}.txt", t) for i, t in enumerate(texts)])
    return [
        [(f.person, f.office, f.country, f.org) for f in d.facts if isinstance(f, OfficialFact)]
        for d in docs
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Turkish Foreign Minister Mevlut Cavusoglu arrived in Ankara.",
            [("Mevlut Cavusoglu", "Foreign Minister", "Turkey", None)],
        ),
        (
            "Interior Minister of Italy Matteo Piantedosi visited the port.",
            [("Matteo Piantedosi", "Interior Minister", "Italy", None)],
        ),
        (
            "Japan's Finance Minister Shunichi Suzuki spoke to reporters.",
            [("Shunichi Suzuki", "Finance Minister", "Japan", None)],
        ),
        (
            "NATO Secretary-General Jens Stoltenberg praised the decision.",
            [("Jens Stoltenberg", "Secretary General", None, "NATO")],
        ),
        (
            "U.S. Secretary of State Antony Blinken flew to Cairo.",
            [("Antony Blinken", "Secretary of State", "United States", None)],
        ),
        (
            "German Chancellor Olaf Scholz and Dutch Prime Minister Mark Rutte met.",
            [
                ("Olaf Scholz", "Chancellor", "Germany", None),
                ("Mark Rutte", "Prime Minister", "Netherlands", None),
            ],
        ),
        (
            "Kenya's President William Ruto, the AU envoy, left early.",
            [("William Ruto", "President", "Kenya", None), ("William Ruto", "Envoy", None, "AU")],
        ),
        (
            "Annalena Baerbock, the German foreign minister, called for calm.",
            [("Annalena Baerbock", "Foreign Minister", "Germany", None)],
        ),
        (
            "Gabriel Attal, France's prime minister, resigned.",
            [("Gabriel Attal", "Prime Minister", "France", None)],
        ),
        (
            "Prime Minister Hun Manet of Cambodia opened the summit.",
            [("Hun Manet", "Prime Minister", "Cambodia", None)],
        ),
        (
            "British Secretary of State for Defence Grant Shapps visited the base.",
            [("Grant Shapps", "Defense Secretary", "United Kingdom", None)],
        ),
        (
            "Minister of Foreign Affairs of Indonesia Retno Marsudi chaired the ASEAN talks.",
            [("Retno Marsudi", "Foreign Minister", "Indonesia", None)],
        ),
        (
            "Chief of the General Staff of Poland Wieslaw Kukula inspected the units.",
            [("Wieslaw Kukula", "Chief of the General Staff", "Poland", None)],
        ),
        (
            "EU High Representative Josep Borrell said the bloc would respond.",
            [("Josep Borrell", "High Representative", None, "EU")],
        ),
        # capitalised words that are no one's name, offices with no name, former holders
        ("The Russian president added that talks would go on.", []),
        ("Kenyan President says the vote was fair", []),
        ("The Council of Foreign Ministers of the AU met on Monday.", []),
        ("The Foreign Ministry of Brazil issued a statement.", []),
        ("President Thursday Williams is a character in a novel.", []),
        ("The President Hotel and the Chancellor Building were closed.", []),
        ("Rafael Nadal, the King of Clay, won again.", []),
        ("President of the Spanish Tennis Federation Miguel Diaz spoke.", []),
    ],
)
def test_office_forms(
    sentence: str, expected: list[tuple[str, str, str | None, str | None]]
) -> None:
    assert officials(f"Headline\n\n{sentence}") == [expected]


def test_office_without_place_takes_the_article_country() -> None:
    text = (
        "Vote in Canberra\n\nAustralia's parliament sat late. Prime Minister Anthony Albanese "
        "won the vote, Australian media said."
    )
    assert officials(text) == [[("Anthony Albanese", "Prime Minister", "Australia", None)]]


def test_office_without_any_place_is_left_out() -> None:
    assert officials("Talks\n\nPrime Minister Jane Doe met the foreign minister, John Roe.") == [[]]


def test_one_person_under_several_spellings_across_articles() -> None:
    first = "Talks\n\nUkrainian Foreign Minister Dmytro Kuleba met envoys. Kuleba left."
    second = "More talks\n\nDmitry Kuleba, Ukraine's foreign minister, arrived."
    docs = extract_texts([("a.txt", first), ("b.txt", second)])
    found = [[f for f in d.facts if isinstance(f, OfficialFact)] for d in docs]
    assert [f.person for f in found[0]] == ["Dmytro Kuleba"]
    assert [f.person for f in found[1]] == ["Dmitry Kuleba"]
    assert found[0][0].aliases == ("Dmitry Kuleba", "Kuleba")
    assert found[1][0].aliases == ("Dmytro Kuleba", "Kuleba")


def test_different_people_with_one_surname_stay_apart() -> None:
    text = (
        "Two Kims\n\nSouth Korean Foreign Minister Kim Sung-han met North Korean "
        "Foreign Minister Kim Yong-chol. Japanese Prime Minister Fumio Kishida and "
        "Japanese Foreign Minister Yoshimasa Hayashi attended."
    )
    assert [p for p, *_ in officials(text)[0]] == [
        "Kim Sung-han",
        "Kim Yong-chol",
        "Fumio Kishida",
        "Yoshimasa Hayashi",
    ]


def test_provenance_points_at_the_mention() -> None:
    text = "Headline\n\nTalks began. Irish Finance Minister Michael McGrath said no."
    (doc,) = extract_texts([("a.txt", text)])
    (fact,) = doc.facts
    assert isinstance(fact, OfficialFact)
    assert fact.where.sentence_index == 3
    assert text[fact.where.start : fact.where.end] == "Irish Finance Minister Michael McGrath"


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("Defence Minister", "Defense Minister"),
        ("Minister of Defence", "Defense Minister"),
        ("minister for foreign affairs", "Foreign Minister"),
        ("Minister of Internal Affairs", "Interior Minister"),
        ("Secretary-General", "Secretary General"),
        ("Deputy Secretary General", "Deputy Secretary General"),
        ("Secretary of State for Defence", "Defense Secretary"),
        ("Secretary of the Treasury", "Treasury Secretary"),
        ("Labour Minister", "Labor Minister"),
        ("Chancellor of the Exchequer", "Chancellor of the Exchequer"),
    ],
)
def test_canonical_office(written: str, canonical: str) -> None:
    assert canonical_office(written) == canonical


def test_surname_alias_keeps_its_particles() -> None:
    text = "Brussels\n\nEuropean Commission President Ursula von der Leyen met the press."
    (doc,) = extract_texts([("a.txt", text)])
    (fact,) = doc.facts
    assert isinstance(fact, OfficialFact)
    assert (fact.person, fact.org, fact.aliases) == (
        "Ursula von der Leyen",
        "European Commission",
        ("von der Leyen",),
    )


def test_hundreds_of_namesakes_are_told_apart_in_linear_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A list of people of one surname (or a hostile article of thousands): each mention is
    matched through a few lookups, not against every namesake met before it."""
    import quizkit.extract.officials as officials_module

    names = [
        "".join(letters).capitalize() + "ov"
        for letters in itertools.product("bdfglmnprstv", "aeiou", "bdfglmnprstv")
    ][:300]
    text = "Envoys meet\n\n" + " ".join(
        f"Foreign Minister {name} Smith of Kazakhstan spoke." for name in [*names, names[0]]
    )
    calls = 0
    name_key = officials_module.name_key

    def counted(word: str) -> str:
        nonlocal calls
        calls += 1
        return name_key(word)

    monkeypatch.setattr(officials_module, "name_key", counted)
    found = officials(text)[0]
    assert [person for person, *_ in found] == [f"{name} Smith" for name in names]
    assert {country for _, _, country, _ in found} == {"Kazakhstan"}
    assert calls < 10 * len(names)  # compared pair by pair, it was 180,000


def official_facts(text: str) -> list[OfficialFact]:
    (doc,) = extract_texts([("a.txt", f"Headline\n\n{text}")])
    return [f for f in doc.facts if isinstance(f, OfficialFact)]


def found(text: str) -> set[tuple[str, str | None]]:
    """(person, country or organisation) of every official in one article."""
    return {(f.person, f.country or f.org) for f in official_facts(text)}


# The forms news English gives an office and its holder (issue 10), in invented sentences.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an office after a possessive or a country, or after the name
        ("Chile's Finance Minister, Ana Torres, spoke.", {("Ana Torres", "Chile")}),
        ("Finance Minister Ana Torres of Chile spoke.", {("Ana Torres", "Chile")}),
        ("Ana Torres, Chile's finance minister, spoke.", {("Ana Torres", "Chile")}),
        ("Ana Torres, finance minister of Chile, spoke.", {("Ana Torres", "Chile")}),
        ("Ana Torres, the Chilean finance minister, spoke.", {("Ana Torres", "Chile")}),
        ("The Chilean delegate, Mr Rivas, left the hall.", {("Rivas", "Chile")}),
        # a counterpart takes the office of the person met and its own country
        (
            "Chilean Foreign Minister Ana Torres met her Peruvian counterpart, Luis Vega.",
            {("Ana Torres", "Chile"), ("Luis Vega", "Peru")},
        ),
        # two offices of one person: one official per place
        (
            "OPEC's president, who is also Algeria's energy minister, Omar Haddad, spoke.",
            {("Omar Haddad", "OPEC"), ("Omar Haddad", "Algeria")},
        ),
        (
            "Peru's Deputy Prime Minister and Foreign Minister Luis Vega arrived.",
            {("Luis Vega", "Peru")},
        ),
        # lists after a plural office, each name with its own country
        (
            "Foreign Ministers Ana Torres of Chile and Luis Vega of Peru signed the pact.",
            {("Ana Torres", "Chile"), ("Luis Vega", "Peru")},
        ),
        (
            "Former UN Secretaries-General Tomas Brandt and Ines Okafor-Lind wrote a letter.",
            {("Tomas Brandt", "UN"), ("Ines Okafor-Lind", "UN")},
        ),
        # coordination: each office its own country; a shared possessive for both
        (
            "Peruvian Foreign Minister Luis Vega and Chilean Trade Minister Ana Torres met.",
            {("Luis Vega", "Peru"), ("Ana Torres", "Chile")},
        ),
        (
            "Peru's interior minister Luis Vega and foreign affairs minister Rosa Quispe objected.",
            {("Luis Vega", "Peru"), ("Rosa Quispe", "Peru")},
        ),
        # offices of organisations
        ("EU foreign policy chief Marta Lind said no.", {("Marta Lind", "EU")}),
        ("NATO Secretary General Olav Berg arrived.", {("Olav Berg", "NATO")}),
        (
            "The chairman of the African Union, Kwame Osei, opened the session.",
            {("Kwame Osei", "African Union")},
        ),
        (
            "President of the European Commission Greta Falk spoke.",
            {("Greta Falk", "European Commission")},
        ),
        ("Fathi Nasser, a Hamas spokesman, denied it.", {("Fathi Nasser", "Hamas")}),
        (
            "The Secretary-General of the Movement for Justice and Progress (MJP), Amos Dube, "
            "was arrested.",
            {("Amos Dube", "MJP")},
        ),
        # a state body after the office gives the country
        (
            "Ivan Petrov, chair of the Russian parliament's defence committee, disagreed.",
            {("Ivan Petrov", "Russia")},
        ),
        # regional and local offices go under the country
        (
            "Chile's regions suffered. The Mayor of Valdeluz, Rosa Pinto, asked for help. "
            "Chile sent aid, and Chile's army came.",
            {("Rosa Pinto", "Chile")},
        ),
        # names of every shape, never cut short
        (
            "Qatari Emir Sheikh Hamad bin Khalifa al-Thani arrived.",
            {("Hamad bin Khalifa al-Thani", "Qatar")},
        ),
        ("Iraqi Prime Minister Mustafa al-Rikabi spoke.", {("Mustafa al-Rikabi", "Iraq")}),
        ("North Korean leader Kim Jong Un watched the test.", {("Kim Jong Un", "North Korea")}),
        (
            "South Korean President Park Ji-hoon spoke.",
            {("Park Ji-hoon", "South Korea")},
        ),
        (
            "Dutch Finance Minister Pieter van der Berg spoke.",
            {("Pieter van der Berg", "Netherlands")},
        ),
        ("Egyptian ambassador Ali Hassan Said was recalled.", {("Ali Hassan Said", "Egypt")}),
        ("Dutch King Willem III opened the dam.", {("Willem III", "Netherlands")}),
        # countries as named at the article's date
        (
            "Soviet Foreign Minister Pavel Orlov met West German Chancellor Kurt Weber.",
            {("Pavel Orlov", "Soviet Union"), ("Kurt Weber", "West Germany")},
        ),
        (
            "Yugoslav Prime Minister Milan Jovic and Czechoslovak President Jan Novak met.",
            {("Milan Jovic", "Yugoslavia"), ("Jan Novak", "Czechoslovakia")},
        ),
        # seats of government stand for their country
        (
            "White House national security adviser Dana Ford said so.",
            {("Dana Ford", "United States")},
        ),
        # no office held at the article's date, and jobs that are no public office
        ("Chile's first president, Manuel Rojas, is remembered.", set()),
        ("Marta Lind, a spokeswoman for Acme Motors, declined to comment.", set()),
        ("Torres spokesman Pablo Ruiz said the campaign would go on.", set()),
        ("In Buenos Aires, the Chilean minister said nothing.", set()),
        (
            "Chile's league is strong. Chile's clubs are rich and Chile's fans loyal. "
            "Deportivo Sur president Raul Mena denied the report.",
            set(),
        ),
    ],
)
def test_news_forms_of_offices(text: str, expected: set[tuple[str, str | None]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "person", "former"),
    [
        ("Former Chilean President Rosa Quispe spoke.", "Rosa Quispe", True),
        ("Peru's then-foreign minister Luis Vega signed it.", "Luis Vega", True),
        ("The late Libyan leader Omar Badri ruled for decades.", "Omar Badri", True),
        ("Outgoing Peruvian President Luis Vega left.", "Luis Vega", True),
        ("Ana Torres, a former Chilean finance minister, spoke.", "Ana Torres", True),
        ("Chilean President Rosa Quispe spoke.", "Rosa Quispe", False),
    ],
)
def test_former_office_holders_are_kept_and_marked(text: str, person: str, former: bool) -> None:
    (fact,) = official_facts(text)
    assert (fact.person, fact.former) == (person, former)
    assert fact.to_dict()["former"] is former


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the country's president" takes the country the text just named
        (
            "Talks on Peru went on. Aid was promised to Peru at a meeting with the country's "
            "president, Luis Vega.",
            {("Luis Vega", "Peru")},
        ),
        # a state office without a country takes one named earlier in its sentence
        (
            "The envoy flew on to Benin, where she met President Kofi Adjovi.",
            {("Kofi Adjovi", "Benin")},
        ),
        # or the country the article is about
        (
            "Latvia's parliament met. Latvia's army paraded and Latvia's economy grew. "
            "Prime Minister Rosa Quispe spoke.",
            {("Rosa Quispe", "Latvia")},
        ),
        # a surname after a title, in an article about one country
        (
            "Peru's congress met. Peru's army stood by and Peru's courts were shut. "
            "President Vega said order would return.",
            {("Vega", "Peru")},
        ),
        # or, in an article about no one country, the subject of the sentence before
        (
            "Malaysia's economy grew faster than that of Thailand. Prime Minister Rahimi said "
            "growth would slow.",
            {("Rahimi", "Malaysia")},
        ),
        # an organisation office with no organisation written is no one's
        ("Spokesman Pablo Ruiz said no.", set()),
    ],
)
def test_country_of_an_office_read_from_the_text(
    text: str, expected: set[tuple[str, str | None]]
) -> None:
    assert found(text) == expected


def test_one_official_per_place_for_two_offices() -> None:
    text = (
        "Tomas Brandt, the former Danish prime minister, spoke. Brandt is an envoy of the "
        "Quartet on the Middle East. Brandt, the Quartet envoy, arrived in Gaza."
    )
    assert found(text) == {("Tomas Brandt", "Denmark"), ("Tomas Brandt", "Quartet")}


def test_organisation_is_reported_as_the_article_names_it() -> None:
    text = "Former International Monetary Fund head Pierre Lacoste spoke in Paris."
    assert found(text) == {("Pierre Lacoste", "International Monetary Fund")}


WIRE = "GRAIN TALKS STALL\n\nMay 4, 1987\n\n"


def test_a_wire_from_washington_gives_a_secretary_without_country_the_united_states() -> None:
    text = WIRE + (
        "WASHINGTON, May 4 - Secretary of State Hal Brenner and Defense Secretary Ida Moss,"
        " who opposed the sale of grain to Iran, kept silent.\n"
    )
    (found,) = officials(text)
    assert ("Hal Brenner", "Secretary of State", "United States", None) in found
    assert ("Ida Moss", "Defense Secretary", "United States", None) in found
    assert all(country != "Iran" for _, _, country, _ in found)


def test_a_wire_from_abroad_keeps_a_bare_president_in_the_story_country() -> None:
    text = WIRE + (
        "WASHINGTON, May 4 - Peru said its debt talks would resume. Peru's economy"
        " shrank. President Tomas Ferro said Peru would pay.\n"
    )
    (found,) = officials(text)
    assert ("Tomas Ferro", "President", "Peru", None) in found


def test_us_legislators_serve_the_united_states() -> None:
    text = WIRE + (
        "OSLO, May 4 - Sen. Dale Hutton (D-Okla.) met Senate Majority leader Ray Ostrom"
        " (R-W.Va.) and Senate Republican leader Ned Carver to discuss Norway.\n"
    )
    (found,) = officials(text)
    people = {person: country for person, _, country, _ in found}
    assert people["Dale Hutton"] == "United States"
    assert people["Ray Ostrom"] == "United States"
    assert people["Ned Carver"] == "United States"


def test_a_bare_president_is_not_given_a_country_whose_president_the_text_names() -> None:
    text = (
        "Leaders meet\n\nJune 2, 2023\n\n"
        'Chilean President Ana Torres met the visitor in Santiago. "Chile and President'
        ' Vargas reached an understanding," Torres said.\n'
    )
    (found,) = officials(text)
    assert ("Ana Torres", "President", "Chile", None) in found
    assert all(person != "Vargas" or country != "Chile" for person, _, country, _ in found)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Bolivian Foreign Minister Israel Brandel met the envoys.",
            ("Israel Brandel", "Foreign Minister", "Bolivia"),
        ),
        (
            "Chilean Interior Minister Jordan Vela toured the port.",
            ("Jordan Vela", "Interior Minister", "Chile"),
        ),
        (
            "Peruvian Trade Minister Chad Orlov signed the accord.",
            ("Chad Orlov", "Trade Minister", "Peru"),
        ),
    ],
)
def test_a_first_name_that_is_also_a_place_is_read_as_a_name(
    sentence: str, expected: tuple[str, str, str]
) -> None:
    (found,) = officials(f"Talks\n\nJune 2, 2023\n\n{sentence}\n")
    assert [(p, o, c) for p, o, c, _ in found] == [expected]


@pytest.mark.parametrize(
    ("sentence", "org"),
    [
        ("EFTA Secretary-General Ana Torres welcomed the accord.", "EFTA"),
        ("Mercosur chairman Ana Torres welcomed the accord.", "Mercosur"),
        (
            "Ana Torres, the secretary-general of the Organization for Economic"
            " Cooperation and Development, welcomed the accord.",
            "Organization for Economic Cooperation and Development",
        ),
    ],
)
def test_officials_of_trade_and_economic_blocs(sentence: str, org: str) -> None:
    (found,) = officials(f"Talks\n\nJune 2, 2023\n\n{sentence}\n")
    assert [(p, c, o) for p, _, c, o in found] == [("Ana Torres", None, org)]


def test_an_article_keeps_the_country_it_writes_beside_a_person_merged_across_articles() -> None:
    head = "Trade talks\n\nJune 2, 2023\n\n"
    first = (
        head + "Chilean Trade Minister Ana Torres spoke. Chilean Trade Minister Ana Torres left."
    )
    second = head + "Trade Minister Ana Torres arrived in the capital."
    third = head + "Peruvian Trade Minister Ana Torres signed the accord in Lima."
    found = officials(first, second, third)
    assert found[0] == [("Ana Torres", "Trade Minister", "Chile", None)]
    assert found[2] == [("Ana Torres", "Trade Minister", "Peru", None)]


def test_a_country_from_another_article_is_not_carried_to_another_kind_of_office() -> None:
    head = "Loan talks\n\nJune 2, 2023\n\n"
    first = head + "U.S. Senator Ana Torres said the bill would pass."
    second = head + "IMF managing director Ana Torres said the loan was approved."
    found = officials(first, second)
    assert found[0] == [("Ana Torres", "Senator", "United States", None)]
    assert all(country != "United States" for _, _, country, _ in found[1])


def test_a_bare_secretary_of_state_is_the_us_one_only_when_the_text_names_the_us() -> None:
    story = (
        "Navy drills off Tarsa\n\nMay 4, 2021\n\nPeru fired two missiles on Monday, and "
        "Chile said it would answer. Secretary of State Hal Brenner will meet President "
        "Ivo Marek of Chile on Friday."
    )
    (found,) = officials(story)
    assert not any(person == "Hal Brenner" for person, *_ in found)
    (found,) = officials(story + " He will then announce the US response.")
    assert ("Hal Brenner", "Secretary of State", "United States", None) in found


def test_a_bare_president_told_beside_no_country_is_not_given_the_story_country() -> None:
    (found,) = officials(
        "Tour of the coast\n\nMay 4, 2021\n\nThe UN envoy began a tour in Chile, "
        "where she met President Ivo Marek. Asked about the unrest in Tarsa, she said she "
        "had spoken to President Kalen and his rival before the vote."
    )
    assert ("Ivo Marek", "President", "Chile", None) in found
    assert not any(person == "Kalen" for person, *_ in found)


def test_a_prime_minister_in_a_us_story_serves_the_country_named_before() -> None:
    # The United States has no prime minister: the bare title belongs to the country the
    # text named last, not to the country the story is mostly about.
    text = (
        "US visa rules eased\n\nMay 4, 2021\n\nThe United States eased its visa rules for "
        "Moldovans. American officials said the US list was checked with the Moldovan "
        "government. The Moldovan government also pressed hard. Prime Minister Petru Ganea "
        "spoke with US officials by phone."
    )
    (found,) = officials(text)
    assert ("Petru Ganea", "Prime Minister", "Moldova", None) in found
    assert not any(country == "United States" for _, _, country, _ in found)


def test_a_bare_president_told_after_another_country_serves_that_country() -> None:
    # President Marek is Chile's, told beside Chile; President Kalen, guessed Chile's, is
    # the president of the country named just before him.
    (found,) = officials(
        "Tour of Chile\n\nMay 4, 2021\n\nThe UN envoy began a tour in Chile, "
        "where she met President Ivo Marek. Chile's army and Chile's courts were praised. "
        "Her work on Peru has been long. She has been talking to President Kalen and his "
        "rival before the vote."
    )
    assert ("Ivo Marek", "President", "Chile", None) in found
    assert ("Kalen", "President", "Peru", None) in found


def test_a_titled_office_with_no_country_near_takes_the_headline_country() -> None:
    # No sentence near the minister names a country and none dominates the story: the
    # headline's first country is the story's subject.
    (found,) = officials(
        "Latvian premier greets Danish sailors\n\nMay 4, 2021\n\nLatvian Prime Minister Ilze "
        "Berzina greeted Danish sailors in Riga. The ships will stay a month, officials "
        "said. The visit was planned at a summit last year.\n\n"
        "Defence Minister Janis Ozols was also at the quay."
    )
    assert ("Janis Ozols", "Defense Minister", "Latvia", None) in found


def test_a_presidential_republic_lends_no_country_to_a_prime_minister() -> None:
    text = (
        "Chile signs trade pact\n\nMay 4, 2021\n\nChile signed a trade pact on Monday. "
        "Chile's exporters and Chile's ports welcomed it. The Thai government pressed for "
        "it. Prime Minister Somchai Rattana spoke by phone with Chilean officials."
    )
    (found,) = officials(text)
    assert ("Somchai Rattana", "Prime Minister", "Thailand", None) in found
    assert not any(
        country == "Chile" and office == "Prime Minister" for _, office, country, _ in found
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb that gives an office, the name between it and the office
        (
            "Peru's crisis ended. Peru's army stood by and Peru's courts reopened. The deal "
            "made incumbent candidate Luis Vega president and his rival, Ana Rios, prime "
            "minister.",
            {("Luis Vega", "Peru"), ("Ana Rios", "Peru")},
        ),
        (
            "Peru's congress met. Peru's army stood by and Peru's courts reopened. Congress "
            "elected Marta Quispe prime minister on Monday.",
            {("Marta Quispe", "Peru")},
        ),
        # with a year in the sentence, the office may be long gone
        (
            "Peru's congress met. Peru's army stood by and Peru's courts reopened. Congress "
            "elected Marta Quispe president in 1998.",
            set(),
        ),
    ],
)
def test_a_name_given_an_office_by_a_verb(text: str, expected: set[tuple[str, str | None]]) -> None:
    assert found(text) == expected


def test_an_adviser_to_a_leader_serves_the_leader_country() -> None:
    (found,) = officials(
        "Tarsa reform\n\nMay 4, 2021\n\nThe Prime Minister of Latvia, Ilze Berzina, "
        "promised reform on Monday. Janis Ozols, a security adviser to Ms Berzina, said the "
        "army would grow."
    )
    assert ("Janis Ozols", "Security Adviser to the Prime Minister", "Latvia", None) in found


def test_an_adviser_to_someone_holding_no_known_office_is_left_out() -> None:
    (found,) = officials(
        "Tarsa reform\n\nMay 4, 2021\n\nThe Prime Minister of Latvia, Ilze Berzina, "
        "promised reform on Monday. Janis Ozols, a security adviser to Mr Kalns, said the "
        "army would grow."
    )
    assert not any(person == "Janis Ozols" for person, *_ in found)


def _literal_starts(items: object) -> set[str]:
    """Every literal text a match of a parsed pattern can start with, up to the first part
    that is no literal (a class, a repeat)."""
    from re import _constants as c  # type: ignore[attr-defined]

    starts = {""}
    for op, av in items:  # type: ignore[attr-defined]
        if op is c.AT:
            continue
        if op is c.LITERAL:
            starts = {s + chr(av) for s in starts}
            continue
        if op is c.BRANCH:
            inner = set().union(*(_literal_starts(alt) for alt in av[1]))
            return {s + i for s in starts for i in inner}
        if op is c.SUBPATTERN:
            return {s + i for s in starts for i in _literal_starts(av[-1])}
        return starts
    return starts


def test_office_heads_are_looked_for_by_every_first_word() -> None:
    """The scan for office heads tries the full pattern only after a non-word character
    where one of a few first words begins: every head the pattern knows must begin so."""
    import re._parser as parser  # type: ignore[import-not-found]
    from re import _constants as c  # type: ignore[attr-defined]

    from quizkit.extract.officials import _HEAD_FIRST_WORDS
    from quizkit.extract.titles import OFFICE_HEAD

    parsed = parser.parse(OFFICE_HEAD.pattern, OFFICE_HEAD.flags)
    assert parsed.data[0] == (c.AT, c.AT_BOUNDARY)  # a head begins a word
    first_words = _HEAD_FIRST_WORDS.split()
    assert all(w.isalpha() for w in first_words)
    starts = _literal_starts(parsed.data)
    assert len(starts) > 40
    assert [s for s in starts if not s.startswith(tuple(first_words))] == []


def test_office_heads_found_as_the_pattern_finds_them_in_each_sentence() -> None:
    from quizkit.extract.officials import _office_heads
    from quizkit.extract.text import lowered, split_sentences
    from quizkit.extract.titles import OFFICE_HEAD

    text = (
        "President Ana Vela arrived.\n“Minister-elect Tomas Ruiz met the ex-president and "
        "the Prime\nMinister.” Deputy Prime Minister and Foreign Minister Lina Oro spoke.\n"
        "(Sen. Rob Hale, D-Okla.) Gov. Ed Marr and the attorney-general of Noria, the chief "
        "justice and the heads of state met spokeswomen and Congresswoman Ida Pell; "
        "the vice-premier, ex-envoy and counterparts; the crown prince's chairman, "
        "a presidential aide and a ministerial adviser. Kingdom? King Oma. queen"
    )
    lower = lowered(text)
    sentences = split_sentences(text)
    expected = [
        (s.index, m.span()) for s in sentences for m in OFFICE_HEAD.finditer(lower, s.start, s.end)
    ]
    found = [(s.index, m.span()) for s, m in _office_heads(lower, sentences)]
    assert found == expected
    assert len(found) > 20
