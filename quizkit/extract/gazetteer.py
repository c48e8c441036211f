"""Names of places and bodies that news English uses: countries, demonyms, organisations.

Country names and codes come from pycountry (ISO 3166); the short forms news
uses ("Russia", "Iran") and the demonyms, which no maintained package ships,
are completed by the small tables below.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

# The common short name used for a country where ISO's name is a long form.
_SHORT_NAMES = {
    "BO": "Bolivia",
    "BN": "Brunei",
    "CD": "Democratic Republic of the Congo",
    "CG": "Republic of the Congo",
    "CI": "Ivory Coast",
    "CV": "Cape Verde",
    "CZ": "Czech Republic",
    "FM": "Micronesia",
    "GB": "United Kingdom",
    "IR": "Iran",
    "KP": "North Korea",
    "KR": "South Korea",
    "LA": "Laos",
    "MD": "Moldova",
    "PS": "Palestine",
    "RU": "Russia",
    "SY": "Syria",
    "TR": "Turkey",
    "TW": "Taiwan",
    "TZ": "Tanzania",
    "US": "United States",
    "VA": "Vatican",
    "VE": "Venezuela",
    "VN": "Vietnam",
}

# Other names news uses for a country.
_EXTRA_NAMES = {
    "US": "U.S.|US|USA|U.S.A.|America|United States of America",
    "GB": "U.K.|UK|Britain|Great Britain",
    "NL": "the Netherlands|Holland",
    "RU": "Russian Federation",
    "KR": "Republic of Korea|Korea",
    "KP": "DPRK",
    "CZ": "Czechia",
    "TR": "Türkiye|Turkiye",
    "CI": "Côte d'Ivoire",
    "CN": "People's Republic of China|PRC|Mainland China",
    "AE": "UAE|Emirates",
    "KG": "Kyrgyz Republic",
    "XK": "Kosovo",
    "VA": "Holy See|Vatican City",
    "PS": "Palestinian territories",
    "CD": "DR Congo|DRC",
    "GE": "Georgia",
}

# Countries of the past, and former names of countries, reported as the article names
# them (a 1980s article speaks of West Germany and Swaziland): name, then other names,
# then demonyms.
_HISTORICAL = {
    "Soviet Union": ("USSR|U.S.S.R.|Union of Soviet Socialist Republics", "Soviet"),
    "West Germany": ("Federal Republic of Germany|FRG", "West German"),
    "East Germany": ("German Democratic Republic|GDR", "East German"),
    "Czechoslovakia": ("", "Czechoslovak|Czechoslovakian"),
    "Yugoslavia": ("", "Yugoslav|Yugoslavian"),
    "Swaziland": ("Kingdom of Swaziland", ""),
    "Macedonia": ("Republic of Macedonia|Former Yugoslav Republic of Macedonia", ""),
    "Burma": ("", ""),
    "Zaire": ("Republic of Zaire", "Zairean|Zairian"),
    "Rhodesia": ("Southern Rhodesia", "Rhodesian"),
    "Ceylon": ("", ""),
    "Kampuchea": ("Democratic Kampuchea", "Kampuchean"),
    "Upper Volta": ("", ""),
    "Dahomey": ("", ""),
    "South Yemen": ("People's Democratic Republic of Yemen", ""),
    "North Yemen": ("Yemen Arab Republic", ""),
    "South Vietnam": ("Republic of Vietnam", "South Vietnamese"),
    "North Vietnam": ("", "North Vietnamese"),
    "Serbia and Montenegro": ("", ""),
}

# Seats and agencies of a government that news names in place of the country
# ("White House spokesman", "Kremlin aide", "CIA director").
_GOVERNMENT_NAMES = {
    "US": "White House|Pentagon|State Department|CIA|FBI|Federal Reserve|Federal Reserve Board",
    "RU": "Kremlin",
    "GB": "Downing Street|Whitehall",
    "FR": "Elysee|Élysée",
}

# Capitals and the other cities wires file from, by country code: a wire's dateline
# city ("WASHINGTON, May 4 -") gives the country its story is told from.
_CITIES = {
    "US": "Washington|New York|Chicago|Los Angeles|San Francisco|Boston|Houston|Dallas"
    "|Detroit|Atlanta|Miami|Philadelphia|Seattle|Denver|Kansas City|St. Louis|Minneapolis"
    "|Omaha|Des Moines|Pittsburgh|Cleveland|Honolulu|Anchorage|New Orleans",
    "GB": "London|Edinburgh|Belfast|Cardiff|Manchester|Birmingham|Glasgow|Liverpool",
    "FR": "Paris|Marseille|Lyon|Strasbourg|Toulouse|Bordeaux",
    "DE": "Berlin|Bonn|Frankfurt|Hamburg|Munich|Cologne|Duesseldorf|Düsseldorf|Stuttgart",
    "IT": "Rome|Milan|Naples|Turin|Florence|Genoa|Venice",
    "ES": "Madrid|Barcelona|Seville|Valencia|Bilbao",
    "PT": "Lisbon|Porto|Oporto",
    "NL": "Amsterdam|The Hague|Rotterdam",
    "BE": "Brussels|Antwerp",
    "LU": "Luxembourg",
    "CH": "Bern|Berne|Geneva|Zurich|Basel|Basle|Lausanne",
    "AT": "Vienna|Salzburg",
    "SE": "Stockholm|Gothenburg",
    "NO": "Oslo|Bergen",
    "DK": "Copenhagen",
    "FI": "Helsinki",
    "IS": "Reykjavik",
    "IE": "Dublin",
    "PL": "Warsaw|Krakow|Gdansk",
    "CZ": "Prague",
    "SK": "Bratislava",
    "HU": "Budapest",
    "RO": "Bucharest",
    "BG": "Sofia",
    "GR": "Athens|Thessaloniki",
    "TR": "Ankara|Istanbul|Izmir",
    "RS": "Belgrade",
    "HR": "Zagreb",
    "SI": "Ljubljana",
    "BA": "Sarajevo",
    "AL": "Tirana",
    "MK": "Skopje",
    "ME": "Podgorica",
    "UA": "Kyiv|Kiev|Kharkiv|Odesa|Odessa|Lviv",
    "BY": "Minsk",
    "RU": "Moscow|St. Petersburg|Saint Petersburg",
    "LT": "Vilnius",
    "LV": "Riga",
    "EE": "Tallinn",
    "MD": "Chisinau",
    "GE": "Tbilisi",
    "AM": "Yerevan",
    "AZ": "Baku",
    "KZ": "Astana|Almaty|Alma-Ata",
    "UZ": "Tashkent",
    "KG": "Bishkek",
    "TJ": "Dushanbe",
    "TM": "Ashgabat",
    "CN": "Beijing|Peking|Shanghai|Guangzhou|Shenzhen|Tianjin|Wuhan",
    "HK": "Hong Kong",
    "TW": "Taipei",
    "JP": "Tokyo|Osaka|Yokohama|Kyoto",
    "KR": "Seoul|Busan",
    "KP": "Pyongyang",
    "MN": "Ulaanbaatar|Ulan Bator",
    "IN": "New Delhi|Mumbai|Bombay|Kolkata|Calcutta|Chennai|Madras|Bangalore|Bengaluru",
    "PK": "Islamabad|Karachi|Lahore",
    "BD": "Dhaka|Dacca",
    "LK": "Colombo",
    "NP": "Kathmandu",
    "AF": "Kabul",
    "IR": "Tehran",
    "IQ": "Baghdad|Basra",
    "SY": "Damascus",
    "LB": "Beirut",
    "JO": "Amman",
    "IL": "Jerusalem|Tel Aviv",
    "SA": "Riyadh|Jeddah",
    "AE": "Abu Dhabi|Dubai",
    "QA": "Doha",
    "KW": "Kuwait City",
    "BH": "Manama",
    "OM": "Muscat",
    "YE": "Sanaa|Aden",
    "EG": "Cairo|Alexandria",
    "LY": "Tripoli",
    "TN": "Tunis",
    "DZ": "Algiers",
    "MA": "Rabat|Casablanca",
    "SD": "Khartoum",
    "ET": "Addis Ababa",
    "KE": "Nairobi",
    "UG": "Kampala",
    "TZ": "Dar Es Salaam|Dodoma",
    "RW": "Kigali",
    "NG": "Abuja|Lagos",
    "GH": "Accra",
    "SN": "Dakar",
    "CI": "Abidjan",
    "ZA": "Johannesburg|Pretoria|Cape Town|Durban",
    "ZW": "Harare",
    "ZM": "Lusaka",
    "MZ": "Maputo",
    "AO": "Luanda",
    "CD": "Kinshasa",
    "SO": "Mogadishu",
    "CA": "Ottawa|Toronto|Montreal|Vancouver|Calgary|Winnipeg",
    "MX": "Mexico City|Monterrey|Guadalajara",
    "BR": "Brasilia|Rio De Janeiro|Sao Paulo|São Paulo",
    "AR": "Buenos Aires",
    "CL": "Santiago",
    "PE": "Lima",
    "CO": "Bogota|Bogotá",
    "VE": "Caracas",
    "EC": "Quito",
    "BO": "La Paz",
    "PY": "Asuncion|Asunción",
    "UY": "Montevideo",
    "CU": "Havana",
    "PA": "Panama City",
    "NI": "Managua",
    "SV": "San Salvador",
    "GT": "Guatemala City",
    "HN": "Tegucigalpa",
    "CR": "San Jose",
    "DO": "Santo Domingo",
    "HT": "Port-Au-Prince",
    "JM": "Kingston",
    "AU": "Canberra|Sydney|Melbourne|Brisbane|Perth",
    "NZ": "Wellington|Auckland",
    "ID": "Jakarta",
    "MY": "Kuala Lumpur",
    "SG": "Singapore",
    "TH": "Bangkok",
    "VN": "Hanoi|Ho Chi Minh City",
    "PH": "Manila",
    "MM": "Yangon|Rangoon|Naypyitaw",
    "KH": "Phnom Penh",
    "LA": "Vientiane",
}

# Demonyms (adjectives of nationality) as news English writes them.
_DEMONYMS = {
    "AF": "Afghan", "AL": "Albanian", "DZ": "Algerian", "AD": "Andorran", "AO": "Angolan",
    "AR": "Argentine|Argentinian", "AM": "Armenian", "AU": "Australian", "AT": "Austrian",
    "AZ": "Azerbaijani|Azeri", "BS": "Bahamian", "BH": "Bahraini", "BD": "Bangladeshi",
    "BB": "Barbadian", "BY": "Belarusian|Belarussian|Byelorussian", "BE": "Belgian",
    "BZ": "Belizean", "BJ": "Beninese", "BT": "Bhutanese", "BO": "Bolivian",
    "BA": "Bosnian", "BW": "Botswanan", "BR": "Brazilian", "BN": "Bruneian",
    "BG": "Bulgarian", "BF": "Burkinabe", "BI": "Burundian", "KH": "Cambodian",
    "CM": "Cameroonian", "CA": "Canadian", "CV": "Cape Verdean", "CF": "Central African",
    "TD": "Chadian", "CL": "Chilean", "CN": "Chinese", "CO": "Colombian", "KM": "Comoran",
    "CD": "Congolese", "CR": "Costa Rican", "CI": "Ivorian", "HR": "Croatian", "CU": "Cuban",
    "CY": "Cypriot", "CZ": "Czech", "DK": "Danish", "DJ": "Djiboutian", "DO": "Dominican",
    "EC": "Ecuadorian", "EG": "Egyptian", "SV": "Salvadoran", "GQ": "Equatoguinean",
    "ER": "Eritrean", "EE": "Estonian", "SZ": "Swazi", "ET": "Ethiopian", "FJ": "Fijian",
    "FI": "Finnish", "FR": "French", "GA": "Gabonese", "GM": "Gambian", "GE": "Georgian",
    "DE": "German", "GH": "Ghanaian", "GR": "Greek", "GD": "Grenadian", "GT": "Guatemalan",
    "GN": "Guinean", "GW": "Bissau-Guinean", "GY": "Guyanese", "HT": "Haitian",
    "HN": "Honduran", "HU": "Hungarian", "IS": "Icelandic", "IN": "Indian",
    "ID": "Indonesian", "IR": "Iranian", "IQ": "Iraqi", "IE": "Irish", "IL": "Israeli",
    "IT": "Italian", "JM": "Jamaican", "JP": "Japanese", "JO": "Jordanian",
    "KZ": "Kazakh|Kazakhstani", "KE": "Kenyan", "KI": "I-Kiribati", "KW": "Kuwaiti",
    "KG": "Kyrgyz|Kyrgyzstani|Kirghiz", "LA": "Laotian|Lao", "LV": "Latvian",
    "LB": "Lebanese", "LS": "Basotho", "LR": "Liberian", "LY": "Libyan",
    "LI": "Liechtensteiner", "LT": "Lithuanian", "LU": "Luxembourgish|Luxembourg",
    "MG": "Malagasy", "MW": "Malawian", "MY": "Malaysian", "MV": "Maldivian", "ML": "Malian",
    "MT": "Maltese", "MH": "Marshallese", "MR": "Mauritanian", "MU": "Mauritian",
    "MX": "Mexican", "FM": "Micronesian", "MD": "Moldovan", "MC": "Monegasque",
    "MN": "Mongolian", "ME": "Montenegrin", "MA": "Moroccan", "MZ": "Mozambican",
    "MM": "Myanmar|Burmese", "NA": "Namibian", "NR": "Nauruan", "NP": "Nepali|Nepalese",
    "NL": "Dutch", "NZ": "New Zealand", "NI": "Nicaraguan", "NE": "Nigerien",
    "NG": "Nigerian", "KP": "North Korean", "MK": "North Macedonian|Macedonian",
    "NO": "Norwegian", "OM": "Omani", "PK": "Pakistani", "PW": "Palauan",
    "PS": "Palestinian", "PA": "Panamanian", "PG": "Papua New Guinean",
    "PY": "Paraguayan", "PE": "Peruvian", "PH": "Philippine|Filipino", "PL": "Polish",
    "PT": "Portuguese", "QA": "Qatari", "RO": "Romanian", "RU": "Russian",
    "RW": "Rwandan", "WS": "Samoan", "SM": "Sammarinese", "SA": "Saudi|Saudi Arabian",
    "SN": "Senegalese", "RS": "Serbian", "SC": "Seychellois", "SL": "Sierra Leonean",
    "SG": "Singaporean", "SK": "Slovak", "SI": "Slovenian|Slovene", "SB": "Solomon Islander",
    "SO": "Somali", "ZA": "South African", "KR": "South Korean", "SS": "South Sudanese",
    "ES": "Spanish", "LK": "Sri Lankan", "SD": "Sudanese", "SR": "Surinamese",
    "SE": "Swedish", "CH": "Swiss", "SY": "Syrian", "TW": "Taiwanese",
    "TJ": "Tajik|Tajikistani", "TZ": "Tanzanian", "TH": "Thai", "TL": "Timorese",
    "TG": "Togolese", "TO": "Tongan", "TT": "Trinidadian", "TN": "Tunisian",
    "TR": "Turkish", "TM": "Turkmen|Turkmenistani", "TV": "Tuvaluan", "UG": "Ugandan",
    "UA": "Ukrainian", "AE": "Emirati", "GB": "British", "US": "American|U.S.|US",
    "UY": "Uruguayan", "UZ": "Uzbek|Uzbekistani", "VU": "Vanuatuan", "VA": "Vatican",
    "VE": "Venezuelan", "VN": "Vietnamese", "YE": "Yemeni", "ZM": "Zambian",
    "ZW": "Zimbabwean",
}  # fmt: skip

# Organisations: the short name quizkit reports, then the other names news uses.
_ORGANISATIONS = {
    "CSTO": "Collective Security Treaty Organization|Collective Security Treaty Organisation",
    "NATO": "North Atlantic Treaty Organization|North Atlantic Treaty Organisation|Nato",
    "UN": "United Nations|U.N.|UN Security Council|U.N. Security Council",
    "EU": "European Union|E.U.",
    "AU": "African Union",
    "ASEAN": "Association of Southeast Asian Nations|Asean",
    "OSCE": "Organization for Security and Co-operation in Europe"
    "|Organisation for Security and Co-operation in Europe",
    "WHO": "World Health Organization|World Health Organisation",
    "IMF": "International Monetary Fund",
    "WTO": "World Trade Organization|World Trade Organisation",
    "OPEC": "Organization of the Petroleum Exporting Countries",
    "SCO": "Shanghai Cooperation Organisation|Shanghai Cooperation Organization",
    "CIS": "Commonwealth of Independent States",
    "EAEU": "Eurasian Economic Union",
    "IAEA": "International Atomic Energy Agency",
    "ECOWAS": "Economic Community of West African States|Ecowas",
    "GCC": "Gulf Cooperation Council|Cooperation Council for the Arab States of the Gulf",
    "OAS": "Organization of American States",
    "Arab League": "League of Arab States",
    "OECD": "Organisation for Economic Co-operation and Development"
    "|Organization for Economic Co-operation and Development"
    "|Organisation for Economic Cooperation and Development"
    "|Organization for Economic Cooperation and Development",
    "UNESCO": "",
    "UNICEF": "",
    "UNHCR": "",
    "WFP": "World Food Programme",
    "ICC": "International Criminal Court",
    "ICRC": "International Committee of the Red Cross",
    "Interpol": "INTERPOL",
    "World Bank": "",
    "European Commission": "",
    "European Council": "",
    "European Parliament": "",
    "ECB": "European Central Bank",
    "Council of Europe": "",
    "G7": "",
    "G20": "",
    "BRICS": "",
    "APEC": "Asia-Pacific Economic Cooperation",
    "SADC": "Southern African Development Community",
    "OIC": "Organisation of Islamic Cooperation|Organization of Islamic Cooperation",
    "EC": "European Community|European Economic Community|EEC|Common Market",
    "OAU": "Organisation of African Unity|Organization of African Unity",
    "PLO": "Palestine Liberation Organization|Palestine Liberation Organisation",
    "Hamas": "",
    "Hezbollah": "Hizbollah|Hizbullah",
    "Fatah": "",
    "Taliban": "",
    "Quartet": "Quartet on the Middle East|Middle East Quartet",
    "Warsaw Pact": "",
    "Comecon": "Council for Mutual Economic Assistance",
    "GATT": "General Agreement on Tariffs and Trade",
    "FAO": "Food and Agriculture Organization|Food and Agriculture Organisation",
    "ILO": "International Labour Organization|International Labor Organization",
    "UNDP": "United Nations Development Programme|UN Development Programme",
    "UNRWA": "",
    "UNCTAD": "",
    "ICJ": "International Court of Justice",
    "IOC": "International Olympic Committee",
    "OPCW": "Organisation for the Prohibition of Chemical Weapons",
    "Mercosur": "Mercosul|Southern Common Market",
    "EFTA": "European Free Trade Association",
    "SAARC": "South Asian Association for Regional Cooperation",
    "Pacific Islands Forum": "",
    "Andean Community": "",
    "CELAC": "Community of Latin American and Caribbean States",
    "Arctic Council": "",
    "Nordic Council": "",
    "Paris Club": "",
    "ADB": "Asian Development Bank",
    "AfDB": "African Development Bank",
    "IDB": "Inter-American Development Bank",
    "EBRD": "European Bank for Reconstruction and Development",
    "AIIB": "Asian Infrastructure Investment Bank",
    "BIS": "Bank for International Settlements",
    "EAC": "East African Community",
    "ECCAS": "Economic Community of Central African States",
    "Commonwealth of Nations": "",
    "UNFCCC": "",
    "IEA": "International Energy Agency",
    "CARICOM": "Caribbean Community",
    "Rio Group": "",
    "Non-Aligned Movement": "NAM",
    "IGAD": "Intergovernmental Authority on Development",
}


@dataclass(frozen=True)
class Place:
    """A country (by its common short name) or an organisation (by its short name)."""

    name: str
    is_country: bool


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Fold a name for lookup: no accents, curly quotes or case, one space.

    Cached: the same words (names, offices, capitalised sentence openers) are folded
    again and again while one article is read."""
    if text.isascii():
        return " ".join(text.casefold().split())
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("’", "'").casefold()
    return " ".join(text.split())


@cache
def _first_words() -> dict[str, int]:
    """For each first word of a place name, the most words a name starting with it has."""
    longest: dict[str, int] = {}
    for name in _tables()[0]:
        if name.startswith("the "):
            continue
        words = name.split()
        longest[words[0]] = max(longest.get(words[0], 0), len(words))
    return longest


@cache
def _tables() -> tuple[dict[str, Place], dict[str, Place]]:
    """(names of countries and organisations, demonyms) keyed by folded text.

    Built on first use so that importing quizkit stays cheap.
    """
    import pycountry

    names: dict[str, Place] = {}
    demonyms: dict[str, Place] = {}
    for country in pycountry.countries:
        code = country.alpha_2
        short = _SHORT_NAMES.get(code) or getattr(country, "common_name", None) or country.name
        place = Place(short, True)
        forms = [short, country.name, getattr(country, "official_name", "")]
        forms += _EXTRA_NAMES.get(code, "").split("|")
        for form in forms:
            if form and "," not in form:
                names.setdefault(fold(form), place)
                if form.startswith("the "):
                    names.setdefault(fold(form[4:]), place)
        for demonym in _DEMONYMS.get(code, "").split("|"):
            if demonym:
                demonyms[fold(demonym)] = place
    for name, (others, adjectives) in _HISTORICAL.items():
        place = Place(name, True)
        for form in [name, *others.split("|")]:
            if form:
                names[fold(form)] = place
        for demonym in adjectives.split("|"):
            if demonym:
                demonyms[fold(demonym)] = place
                if " " in demonym:
                    names[fold(demonym)] = place
    for code, seats in _GOVERNMENT_NAMES.items():
        record = pycountry.countries.get(alpha_2=code)
        short = _SHORT_NAMES.get(code) or getattr(record, "common_name", None) or record.name  # type: ignore[union-attr]
        for seat in seats.split("|"):
            names.setdefault(fold(seat), Place(short, True))
    if "XK" not in {c.alpha_2 for c in pycountry.countries}:
        names[fold("Kosovo")] = Place("Kosovo", True)
        demonyms[fold("Kosovar")] = Place("Kosovo", True)
    for short, others in _ORGANISATIONS.items():
        org = Place(short, False)
        for form in [short, *others.split("|")]:
            if form:
                names[fold(form)] = org
    return names, demonyms


@cache
def _city_table() -> dict[str, Place]:
    import pycountry

    table: dict[str, Place] = {}
    for code, cities in _CITIES.items():
        record = pycountry.countries.get(alpha_2=code)
        short = _SHORT_NAMES.get(code) or getattr(record, "common_name", None) or record.name  # type: ignore[union-attr]
        for city in cities.split("|"):
            table[fold(city)] = Place(short, True)
    return table


def country_of_city(city: str) -> Place | None:
    """The country a capital or major city lies in ("Oslo" -> Norway), when it is known."""
    return _city_table().get(fold(city))


@lru_cache(maxsize=16384)
def place_named(phrase: str) -> Place | None:
    """The country or organisation a name denotes ("Russian Federation", "NATO")."""
    return _tables()[0].get(fold(_strip_possessive(phrase)))


def place_of_demonym(word: str) -> Place | None:
    """The country a demonym denotes ("Kyrgyzstani" -> Kyrgyzstan)."""
    return _tables()[1].get(fold(word))


@lru_cache(maxsize=16384)
def place_of_modifier(phrase: str) -> Place | None:
    """A place written before an office: a demonym, "Kazakhstan's", "CSTO", "U.S."."""
    return place_of_demonym(phrase) or place_named(phrase)


@lru_cache(maxsize=16384)
def is_place_word(word: str) -> bool:
    """Whether a single word names, or is the demonym of, a place."""
    key = fold(_strip_possessive(word))
    names, demonyms = _tables()
    return key in names or key in demonyms


def _strip_possessive(phrase: str) -> str:
    phrase = phrase.strip()
    if phrase.endswith(("'s", "’s")):
        return phrase[:-2]
    return phrase.rstrip("'’")


_TOKEN = re.compile(r"[\w’'.\-]+")


def longest_place_at(
    text: str, pos: int, max_words: int = 8, limit: int | None = None
) -> tuple[Place, int] | None:
    """The longest country or organisation name starting at `pos`; returns it and its end."""
    first = _TOKEN.match(text, pos)
    if not first:
        return None
    most = _most_words(first.group())
    if not most:
        return None
    if most == 1:
        hit = _one_word_place(first.group())
        return (hit[0], pos + hit[1]) if hit else None
    run = _token_run(min(max_words, most)).match(text, pos, len(text) if limit is None else limit)
    if run is None:
        return None
    # the longest phrase first, then each a word shorter (the run has only spaces between)
    raw = run.group()
    while True:
        found = place_named(raw)
        if found:
            return found, pos + len(raw)
        if raw.endswith("."):
            bare = raw.rstrip(".")
            found = place_named(bare)
            if found:
                return found, pos + len(bare)
        shorter = raw.rsplit(None, 1)
        if len(shorter) == 1:
            return None
        raw = shorter[0]


@cache
def _token_run(words: int) -> re.Pattern[str]:
    """Up to `words` tokens with white space between: read by one match, not token by token."""
    return re.compile(rf"[\w’'.\-]+(?:\s+[\w’'.\-]+){{0,{max(words, 1) - 1}}}")


@lru_cache(maxsize=65536)
def _one_word_place(written: str) -> tuple[Place, int] | None:
    """The place a single written word names, and the length of the name (without the
    full stops after it); cached like the other word lookups."""
    for phrase in (written, written.rstrip(".")):
        found = place_named(phrase)
        if found:
            return found, len(phrase)
    return None


@lru_cache(maxsize=65536)
def _most_words(first: str) -> int:
    """The most words a place name starting with this word has (0: none starts with it)."""
    word = fold(_strip_possessive(first))
    return max(_first_words().get(word, 0), _first_words().get(word.rstrip("."), 0))


def place_ending_at(text: str, end: int, max_words: int = 8) -> tuple[Place, int] | None:
    """The longest place modifier (demonym, name, possessive) ending at `end`."""
    left = text[max(0, end - 60) : end]
    last = left.rsplit(None, 1)[-1] if left and not left.isspace() else ""
    if not last:
        return None
    ends = _may_end_a_place(last)
    if not ends and _one_token_first(last):
        # every phrase ends with that one word, or starts it ("Shoigu,"): no place ends here
        return None
    # A phrase of several words ends with `last`: when no place ends with it, only the
    # phrases inside `last` itself (after a quote or a bracket) are looked at.
    last_at = len(left.rstrip()) - len(last)
    starts = [m.start() for m in _TOKEN.finditer(left, 0 if ends else last_at)]
    line_break = left.rfind("\n")
    offset = end - len(left)
    for s in starts[-max_words:]:
        if s <= line_break:
            continue
        phrase = left[s:]
        if s < last_at:
            if not _may_start_a_place(phrase.split(None, 1)[0]):
                continue
        elif not _may_end_a_place(phrase.rsplit(None, 1)[-1]):
            continue
        found = place_of_modifier(phrase)
        if found:
            return found, offset + s
    return None


def _one_token_first(chunk: str) -> bool:
    """Whether the chunk's only token starts it (punctuation may follow): no phrase then
    starts inside the chunk, after a quote or a bracket."""
    first = _TOKEN.match(chunk)
    return first is not None and _TOKEN.search(chunk, first.end()) is None


@lru_cache(maxsize=16384)
def _may_end_a_place(chunk: str) -> bool:
    """Whether a name or demonym can end with this word (as the last word of a phrase).

    Folding works word by word, so a phrase whose last word ends no name is no place;
    when the word folds or strips to nothing, the phrase is looked up in full."""
    plain = fold(chunk).split()
    stripped = fold(_strip_possessive(chunk)).split()
    if not plain or not stripped:
        return True
    last = _last_words()
    return plain[-1] in last or stripped[-1] in last


@lru_cache(maxsize=16384)
def _may_start_a_place(chunk: str) -> bool:
    """Whether a name or demonym of several words can start with this word."""
    words = fold(chunk).split()
    return not words or words[0] in _first_words_of_all()


@cache
def _first_words_of_all() -> frozenset[str]:
    """The first word of every name and demonym, folded."""
    names, demonyms = _tables()
    return frozenset(key.split()[0] for key in [*names, *demonyms] if key.split())


@cache
def _last_words() -> frozenset[str]:
    """The last word of every name and demonym, folded."""
    names, demonyms = _tables()
    return frozenset(key.split()[-1] for key in [*names, *demonyms] if key.split())


_UPPER = "".join(c for c in map(chr, range(0x2000)) if c.isupper() and c.isalpha())
# The capital first, then what may not stand before it: the scan skips to capitals quickly.
_CAPITALISED = re.compile(rf"[{_UPPER}](?<![\w’'].)[\w’'.\-]*")


def find_places(text: str, start: int = 0, end: int | None = None) -> list[tuple[Place, int, int]]:
    """Countries, demonyms and organisations named in text[start:end], longest first."""
    end = len(text) if end is None else end
    found: list[tuple[Place, int, int]] = []
    pos = start
    for m in _CAPITALISED.finditer(text, start, end):
        plan = _capitalised_plan(m.group())
        if plan is None:
            continue  # most capitalised words: no place starts with them, none is a demonym
        at = m.start()
        if at < pos:
            continue
        may_start, most, one_word, demonym = plan
        hit = None
        if may_start:
            if most > 1 or m.end() == end:  # several words, or the word runs on past `end`
                hit = longest_place_at(text, at, max_words=6, limit=end)
            elif one_word:
                hit = one_word[0], at + one_word[1]
        if hit is None and demonym:
            hit = demonym[0], at + demonym[1]
        if hit:
            found.append((hit[0], at, hit[1]))
            pos = hit[1]
    return found


@lru_cache(maxsize=65536)
def _capitalised_plan(
    written: str,
) -> tuple[bool, int, tuple[Place, int] | None, tuple[Place, int] | None] | None:
    """What find_places looks up for a capitalised word, worked out once per word: whether
    a place name may start with it, the most words such a name has, the place the word
    names on its own and the demonym it is (each with its length); None when none applies.
    """
    word, key, may_start = _capitalised_key(written)
    demonym = _tables()[1].get(key)
    if not may_start and demonym is None:
        return None
    most = _most_words(written) if may_start else 0
    one_word = _one_word_place(written) if most == 1 else None
    return may_start, most, one_word, (demonym, len(word)) if demonym else None


@lru_cache(maxsize=65536)
def _capitalised_key(written: str) -> tuple[str, str, bool]:
    """A capitalised word without its full stop or possessive, that word folded, and
    whether a place name may start with it. Cached: the same words recur in every article."""
    word = written.rstrip(".")
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    key = fold(word)
    first_words = _first_words()
    return word, key, key in first_words or fold(written) in first_words


@cache
def organisation_long_names() -> dict[str, str]:
    """Each spelled-out organisation name mapped to the short name quizkit reports."""
    return {
        long: short
        for short, others in _ORGANISATIONS.items()
        for long in others.split("|")
        if long and len(long) > len(short)
    }


# Forms of government (of the decades the news covers): offices a country does not have.
# Presidential republics have no prime minister; these monarchies have no president.
PRESIDENTIAL_REPUBLICS = frozenset(
    {
        "Mexico",
        "Brazil",
        "Argentina",
        "Chile",
        "Colombia",
        "Venezuela",
        "Indonesia",
        "Ecuador",
        "Bolivia",
        "Paraguay",
        "Uruguay",
        "Switzerland",
        "Cyprus",
        "Liberia",
    }
)
MONARCHIES = frozenset(
    {
        "United Kingdom",
        "Canada",
        "Australia",
        "New Zealand",
        "Japan",
        "Spain",
        "Netherlands",
        "Belgium",
        "Luxembourg",
        "Norway",
        "Sweden",
        "Denmark",
        "Monaco",
        "Liechtenstein",
        "Saudi Arabia",
        "Jordan",
        "Morocco",
        "Kuwait",
        "Qatar",
        "Bahrain",
        "Oman",
        "Brunei",
        "Thailand",
        "Cambodia",
        "Malaysia",
        "Bhutan",
        "Tonga",
        "Lesotho",
        "Swaziland",
        "Eswatini",
        "Jamaica",
        "Papua New Guinea",
        "Bahamas",
        "Vatican City",
    }
)
