"""Word lists the extractor relies on: demonyms, well-known regions,
institutions, media, titles, and the verbs that report speech.

Kept as data so that analysts can extend them without touching the logic.
"""

from __future__ import annotations

__all__ = [
    "DEMONYMS",
    "EXTRA_COUNTRY_NAMES",
    "REGIONS",
    "MEDIA",
    "PLATFORMS",
    "BODIES",
    "MINISTRY_FUNCTIONS",
    "FORCE_WORDS",
    "TITLES",
    "PLACE_NOUNS",
    "SPEECH_VERBS",
    "NEGATIVE_CUES",
]

# Adjective (and people) forms → ISO country code.
DEMONYMS: dict[str, str] = {
    "Azerbaijani": "AZ", "Azeri": "AZ", "Azerbaijanis": "AZ", "Armenian": "AM", "Armenians": "AM",
    "Turkish": "TR", "Turk": "TR", "Turks": "TR", "Russian": "RU", "Russians": "RU",
    "Iranian": "IR", "Georgian": "GE", "Ukrainian": "UA", "Belarusian": "BY", "American": "US",
    "U.S.": "US", "US": "US", "French": "FR", "German": "DE", "British": "GB", "Chinese": "CN",
    "Syrian": "SY", "Iraqi": "IQ", "Israeli": "IL", "Palestinian": "PS", "Lebanese": "LB",
    "Jordanian": "JO", "Egyptian": "EG", "Saudi": "SA", "Yemeni": "YE", "Libyan": "LY",
    "Afghan": "AF", "Pakistani": "PK", "Indian": "IN", "Kazakh": "KZ", "Uzbek": "UZ",
    "Moldovan": "MD", "Polish": "PL", "Italian": "IT", "Spanish": "ES", "Greek": "GR",
    "Cypriot": "CY", "Serbian": "RS", "Kosovar": "XK", "Bosnian": "BA", "Croatian": "HR",
    "Hungarian": "HU", "Romanian": "RO", "Bulgarian": "BG", "Sudanese": "SD", "Ethiopian": "ET",
    "Somali": "SO", "Malian": "ML", "Nigerian": "NG", "Kyrgyz": "KG", "Tajik": "TJ",
    "Turkmen": "TM", "Japanese": "JP", "Korean": "KR", "Canadian": "CA", "Qatari": "QA",
    "Emirati": "AE", "Kurdish": "IQ", "Finnish": "FI", "Swedish": "SE", "Norwegian": "NO",
    "Dutch": "NL", "Belgian": "BE", "Austrian": "AT", "Swiss": "CH", "Czech": "CZ",
    "Slovak": "SK", "Lithuanian": "LT", "Latvian": "LV", "Estonian": "EE", "Venezuelan": "VE",
    "Colombian": "CO", "Mexican": "MX", "Brazilian": "BR",
}

EXTRA_COUNTRY_NAMES: dict[str, tuple[str, ...]] = {
    "US": ("United States", "United States of America", "USA", "U.S.", "America"),
    "GB": ("Britain", "Great Britain", "UK", "U.K."),
    "RU": ("Russia", "Russian Federation"),
    "IR": ("Iran",),
    "SY": ("Syria",),
    "TR": ("Turkey", "Turkiye", "Türkiye"),
    "KR": ("South Korea",),
    "KP": ("North Korea",),
    "MD": ("Moldova",),
    "PS": ("Palestine",),
}

# Regions that no city table holds: name → (kind, country, aliases).
REGIONS: dict[str, tuple[str, str | None, tuple[str, ...]]] = {
    "Nagorno-Karabakh": ("region", "AZ", ("Nagorno Karabakh", "Karabakh", "Artsakh", "Mountainous Karabakh")),
    "Line of Contact": ("area", "AZ", ()),
    "Crimea": ("region", "UA", ("Crimean Peninsula",)),
    "Donbas": ("region", "UA", ("Donbass",)),
    "Gaza Strip": ("region", "PS", ("Gaza",)),
    "West Bank": ("region", "PS", ()),
    "Golan Heights": ("region", "SY", ()),
    "Kashmir": ("region", None, ()),
    "Transnistria": ("region", "MD", ("Transdniester", "Pridnestrovie")),
    "Abkhazia": ("region", "GE", ()),
    "South Ossetia": ("region", "GE", ("Tskhinvali Region",)),
    "Caucasus": ("region", None, ("South Caucasus", "North Caucasus")),
    "Soviet Union": ("country", None, ("USSR",)),
    "Middle East": ("region", None, ()),
}

# Media outlets and services: canonical name → aliases.
MEDIA: dict[str, tuple[str, ...]] = {
    "RFE/RL": ("Radio Free Europe/Radio Liberty", "Radio Free Europe"),
    "AFP": ("Agence France-Presse", "Agence France Presse"),
    "AP": ("Associated Press", "the Associated Press"),
    "Reuters": (),
    "Interfax": (),
    "TASS": (),
    "RIA Novosti": (),
    "Al Jazeera": ("Al-Jazeera",),
    "BBC": (),
    "CNN": (),
    "Anadolu": ("Anadolu Agency",),
    "Armenpress": (),
    "APA": (),
    "Trend": (),
    "Ukrinform": (),
    "Bloomberg": (),
    "The New York Times": ("New York Times",),
    "The Washington Post": ("Washington Post",),
    "The Guardian": (),
}

# Channels that carry statements without being speakers.
PLATFORMS: dict[str, tuple[str, ...]] = {
    "Twitter": ("X",), "Telegram": (), "Facebook": (), "YouTube": (), "Instagram": (),
    "VKontakte": (),
}

# International and intergovernmental bodies: canonical name → aliases.
BODIES: dict[str, tuple[str, ...]] = {
    "Minsk Group": ("OSCE Minsk Group",),
    "OSCE": ("Organization for Security and Cooperation in Europe",),
    "United Nations": ("UN", "U.N."),
    "UN Security Council": ("Security Council", "United Nations Security Council"),
    "NATO": ("North Atlantic Treaty Organization",),
    "European Union": ("EU", "E.U."),
    "Council of Europe": (),
    "International Committee of the Red Cross": ("ICRC", "Red Cross"),
    "Human Rights Watch": ("HRW",),
    "Amnesty International": ("Amnesty",),
    "Kremlin": ("the Kremlin",),
    "Pentagon": ("the Pentagon",),
    "White House": ("the White House",),
    "State Department": ("U.S. State Department", "US State Department"),
    "Collective Security Treaty Organization": ("CSTO",),
}

# Ministry functions, canonical spelling first.
MINISTRY_FUNCTIONS: dict[str, tuple[str, ...]] = {
    "Defense": ("Defence",),
    "Foreign": ("Foreign Affairs",),
    "Interior": ("Internal Affairs", "Home"),
    "Health": (),
    "Emergency Situations": ("Emergencies",),
    "Justice": (),
    "Finance": (),
}

# Head nouns of armed-forces mentions; all map to "<Demonym> Armed Forces".
FORCE_WORDS = ("armed forces", "forces", "army", "troops", "military", "soldiers")

# Titles that precede or follow a person's name, longest first when matched.
TITLES = (
    "President", "Prime Minister", "Defense Minister", "Defence Minister", "Foreign Minister",
    "Interior Minister", "Health Minister", "Minister", "Deputy Prime Minister",
    "Deputy Foreign Minister", "Deputy Defense Minister", "Ombudsman", "Human Rights Ombudsman",
    "Prosecutor-General", "Prosecutor General", "spokesman", "spokeswoman", "spokesperson",
    "press secretary", "Chief of General Staff", "commander", "Commander", "General", "Colonel",
    "Major General", "Lieutenant General", "Ambassador", "ambassador", "envoy", "Speaker",
    "Chancellor", "Secretary of State", "Secretary-General", "Secretary General", "Mayor",
    "Governor", "de facto leader", "leader", "aide", "adviser", "advisor", "official",
    "Patriarch", "King", "Queen", "Prince", "Senator", "lawmaker", "deputy",
)

# Nouns that make the proper noun after "of" (or before them) a place.
PLACE_NOUNS = {
    "town": "city", "towns": "city", "city": "city", "cities": "city", "village": "village", "villages": "village",
    "settlement": "village", "district": "district", "districts": "district",
    "region": "region", "regions": "region", "province": "province", "area": "area",
    "capital": "city", "border town": "city", "port": "city", "port city": "city",
    "oblast": "region", "county": "district", "municipality": "city", "enclave": "area",
    "hamlet": "village", "suburb": "area", "neighbourhood": "area", "neighborhood": "area",
}

# Lemma → cue class. Classes drive polarity and event typing.
SPEECH_VERBS: dict[str, str] = {
    "say": "say", "tell": "say", "state": "say", "add": "say", "claim": "say", "report": "say",
    "announce": "say", "declare": "say", "note": "say", "stress": "say", "insist": "say",
    "explain": "say", "write": "say", "tweet": "say", "post": "say", "confirm": "say",
    "assert": "say", "argue": "say", "warn": "threaten", "threaten": "threaten",
    "allege": "accuse", "accuse": "accuse", "blame": "accuse", "charge": "accuse",
    "deny": "deny", "reject": "deny", "dismiss": "deny", "refute": "deny",
    "call": "appeal", "urge": "appeal", "appeal": "appeal", "demand": "appeal",
    "ask": "appeal", "welcome": "say", "describe": "say", "admit": "say", "acknowledge": "say",
    "quote": "quote", "promise": "say", "vow": "say", "pledge": "say", "predict": "say",
    "estimate": "say", "believe": "say", "think": "say", "condemn": "accuse",
    "criticize": "accuse", "criticise": "accuse", "publish": "say", "inform": "say",
    "propose": "appeal", "suggest": "say",
}

# "did not confirm", "declined to confirm": no claim either way.
NEGATIVE_CUES = {"confirm", "comment", "say", "disclose", "specify"}
