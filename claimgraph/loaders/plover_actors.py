"""The actor-coding dictionaries: our own codes, sectors of bodies, titles and
group nouns, and the demonyms the entity lexicon lacks. Kept as data so that
analysts can extend them (see ``actor_codes`` for how they are used).
"""

from __future__ import annotations

from claimgraph.loaders.lexicon import DEMONYMS
from claimgraph.schema.records import normalise_name

__all__ = [
    "OWN_CODES",
    "KNOWN_SECTORS",
    "KIND_SECTORS",
    "WORD_SECTORS",
    "TITLE_SECTORS",
    "MORE_DEMONYMS",
    "DEMONYM_CODES",
    "GROUP_HEADS",
]

# Codes for names ISO does not list, where the X + two letters rule would mislead.
OWN_CODES: dict[str, str] = {
    "XK": "XKX",
    "kosovo": "XKX",
    "soviet union": "SUN",
    "palestine": "PSE",
}

# Well-known bodies and their sectors (normalised name → sector).
KNOWN_SECTORS: dict[str, str] = {
    **dict.fromkeys(
        [
            "united nations",
            "un",
            "un security council",
            "security council",
            "nato",
            "european union",
            "eu",
            "osce",
            "minsk group",
            "council of europe",
            "collective security treaty organization",
            "csto",
            "african union",
            "arab league",
            "iaea",
            "world food program",
            "unhcr",
            "arvel contact group",
        ],
        "IGO",
    ),
    **dict.fromkeys(
        [
            "human rights watch",
            "amnesty international",
            "international committee of the red cross",
            "red cross",
            "red crescent",
            "doctors without borders",
            "icrc",
        ],
        "NGO",
    ),
    **dict.fromkeys(["kremlin", "white house", "state department"], "government"),
    "pentagon": "military",
}

# Organisation kinds the entity table gives → sector.
KIND_SECTORS = {
    "ministry": "government",
    "government": "government",
    "agency": "government",
    "armed forces": "military",
    "armed group": "rebel",
    "parliament": "legislature",
    "international body": "IGO",
    "media": "media",
    "platform": "media",
}
# Name words → sector, checked before the kind (a "militia" group is rebel).
WORD_SECTORS = [
    ({"police", "gendarmerie", "militsiya"}, "police"),
    (
        {
            "rebel",
            "rebels",
            "militia",
            "militias",
            "guerrilla",
            "guerrillas",
            "insurgent",
            "insurgents",
            "separatist",
            "separatists",
            "self defence",
            "self defense",
            "liberation",
            "mercenaries",
        },
        "rebel",
    ),
    ({"court", "judge", "prosecutor", "tribunal", "judiciary"}, "judiciary"),
    ({"parliament", "assembly", "congress", "senate", "duma"}, "legislature"),
    ({"intelligence", "security service"}, "intelligence"),
    ({"opposition", "party"}, "opposition"),
    (
        {
            "protesters",
            "demonstrators",
            "students",
            "workers",
            "farmers",
            "settlers",
            "refugees",
            "villagers",
            "civilians",
            "youths",
            "activists",
            "residents",
            "prisoners",
            "hackers",
        },
        "civilian",
    ),
    ({"church", "patriarchate", "mosque", "diocese"}, "religious"),
    ({"company", "corporation", "bank", "inc", "ltd", "group plc"}, "business"),
    ({"army", "armed forces", "forces", "troops", "military", "navy", "air force"}, "military"),
    (
        {"ministry", "government", "cabinet", "presidency", "office", "authorities", "officials"},
        "government",
    ),
    ({"watch", "foundation", "charity", "human rights", "doctors"}, "NGO"),
    ({"news", "radio", "tv", "television", "times", "agency", "herald", "press"}, "media"),
]
# Title words a person holds → sector (unless the role is in an organisation with one).
TITLE_SECTORS = [
    ({"commander", "general", "colonel", "chief of general staff", "major"}, "military"),
    ({"lawmaker", "senator", "speaker", "deputy", "mp"}, "legislature"),
    ({"patriarch", "archbishop", "bishop", "imam", "mufti"}, "religious"),
    ({"prosecutor", "judge"}, "judiciary"),
    (
        {
            "president",
            "minister",
            "prime minister",
            "spokesman",
            "spokeswoman",
            "spokesperson",
            "press secretary",
            "ambassador",
            "envoy",
            "official",
            "mayor",
            "governor",
            "chancellor",
            "secretary",
            "ombudsman",
            "king",
            "queen",
            "prince",
            "aide",
            "adviser",
            "advisor",
        },
        "government",
    ),
]
# Demonyms the entity lexicon does not list (adjective → ISO alpha-2).
MORE_DEMONYMS: dict[str, str] = {
    "Burmese": "MM",
    "Ghanaian": "GH",
    "Burundian": "BI",
    "Irish": "IE",
    "Serb": "RS",
    "Serbs": "RS",
    "Sri Lankan": "LK",
    "Zambian": "ZM",
    "Kenyan": "KE",
    "Ugandan": "UG",
    "Rwandan": "RW",
    "Liberian": "LR",
    "Congolese": "CD",
    "Chadian": "TD",
    "Angolan": "AO",
    "Mozambican": "MZ",
    "Ivorian": "CI",
    "Senegalese": "SN",
    "Guinean": "GN",
    "Sierra Leonean": "SL",
    "Cambodian": "KH",
    "Vietnamese": "VN",
    "Thai": "TH",
    "Indonesian": "ID",
    "Filipino": "PH",
    "Philippine": "PH",
    "Taiwanese": "TW",
    "Nepalese": "NP",
    "Nepali": "NP",
    "Bangladeshi": "BD",
    "Tanzanian": "TZ",
    "Zimbabwean": "ZW",
    "South African": "ZA",
    "Moroccan": "MA",
    "Algerian": "DZ",
    "Tunisian": "TN",
    "Mauritanian": "MR",
    "Gambian": "GM",
    "Haitian": "HT",
    "Cuban": "CU",
    "Nicaraguan": "NI",
    "Panamanian": "PA",
    "Peruvian": "PE",
    "Chilean": "CL",
    "Argentine": "AR",
    "Argentinian": "AR",
    "Ecuadorian": "EC",
    "Bolivian": "BO",
    "Portuguese": "PT",
    "Danish": "DK",
    "Montenegrin": "ME",
    "Macedonian": "MK",
    "Albanian": "AL",
    "Slovenian": "SI",
    "Slovene": "SI",
    "Kuwaiti": "KW",
    "Bahraini": "BH",
    "Omani": "OM",
    "Fijian": "FJ",
    "Australian": "AU",
    "Eritrean": "ER",
    "Namibian": "NA",
    "Malaysian": "MY",
    "Mongolian": "MN",
    "Sudanese": "SD",
    "Somali": "SO",
    "Nigerien": "NE",
    "Beninese": "BJ",
    "Togolese": "TG",
    "Cameroonian": "CM",
    "Malawian": "MW",
    "Israelis": "IL",
    "Palestinians": "PS",
}
DEMONYM_CODES = {normalise_name(d): cc for d, cc in {**DEMONYMS, **MORE_DEMONYMS}.items()}

# Head nouns of unnamed groups that act ("Burmese troops", "Ghanaian authorities") → sector.
GROUP_HEADS: dict[str, str] = {
    **dict.fromkeys(
        "troops forces army soldiers military units warships aircraft tanks navy".split(),
        "military",
    ),
    **dict.fromkeys("police policemen gendarmes".split(), "police"),
    **dict.fromkeys(
        "rebels guerrillas guerillas militiamen militia militants insurgents fighters "
        "separatists gunmen".split(),
        "rebel",
    ),
    **dict.fromkeys(
        "authorities government officials diplomats ministers leaders cabinet".split(),
        "government",
    ),
    **dict.fromkeys(
        "protesters demonstrators students workers farmers settlers refugees villagers "
        "civilians youths activists residents prisoners hackers doctors".split(),
        "civilian",
    ),
}
