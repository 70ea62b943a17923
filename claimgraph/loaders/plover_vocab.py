"""The PLOVER vocabulary: which words name which PLOVER category and mode.

PLOVER (the ontology of POLECAT, successor of ICEWS and CAMEO) sorts what
political actors do into a few categories. We split them in two:

- **speech acts** (``Statement.act``): AGREE, CONSULT, SUPPORT, CONCEDE,
  DEMAND, DISAPPROVE, REJECT, THREATEN, INVESTIGATE: what an actor says or
  announces it will do;
- **events** (``Event.type``): COOPERATE, AID, RETREAT, PROTEST, MOBILIZE,
  SANCTION, COERCE, ASSAULT, FIGHT: what an actor is claimed to have done.

The names are the PLOVER gold records' (``DISAPPROVE`` for CAMEO's "accuse",
``DEMAND`` for "request"). The lists below are our own wording of the CAMEO
verb classes as PLOVER regroups them (``CAMEO2PLOVER-2021.txt``), keyed on
spaCy lemmas. Kept as data so analysts can extend them.
"""

from __future__ import annotations

from claimgraph.schema.values import ACTS

__all__ = [
    "ACTS",
    "EVENTS",
    "CATEGORIES",
    "VERBS",
    "NOUNS",
    "LIGHT_VERBS",
    "OBJECT_VERBS",
    "COOPERATIVE",
    "HOSTILE",
    "DEED_CATEGORIES",
    "DEED_LEMMAS",
]

EVENTS = (
    "COOPERATE",
    "AID",
    "RETREAT",
    "PROTEST",
    "MOBILIZE",
    "SANCTION",
    "COERCE",
    "ASSAULT",
    "FIGHT",
)
CATEGORIES = ACTS + EVENTS

# Deeds among the speech-act categories: a visit, talks, a signed treaty, a
# lifted curfew or an inquiry happen; they are events, not things said.
DEED_CATEGORIES = {"CONSULT", "INVESTIGATE"}
DEED_LEMMAS = {
    "sign",
    "upgrade",
    "recognize",
    "recognise",
    "establish",
    "lift",
    "ease",
    "cancel",
    "allow",
    "permit",
    "approve",
    "grant",
    "shorten",
    "relax",
    "treaty",
    "recognition",
    "deny",
    "violate",
    "veto",
}

# Categories an announced intention turns into AGREE, and into THREATEN.
COOPERATIVE = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"}
HOSTILE = {"SANCTION", "COERCE", "ASSAULT", "FIGHT", "PROTEST", "MOBILIZE"}

Entry = tuple[str, str | None]  # (category, mode)


def _many(words: str, category: str, mode: str | None = None) -> dict[str, Entry]:
    return dict.fromkeys(words.split(), (category, mode))


# Verb lemmas → (category, mode). FIGHT vs ASSAULT for generic violence
# ("attack", "kill") is decided by context (see events_typing.py).
VERBS: dict[str, Entry] = {
    # speech acts
    **_many("agree offer promise pledge consent commit settle", "AGREE"),
    **_many("meet visit negotiate discuss consult confer talk", "CONSULT"),
    **_many("telephone phone", "CONSULT", "phone"),
    **_many("host", "CONSULT", "host"),
    **_many("mediate", "CONSULT", "multilateral"),
    **_many(
        "praise endorse back support defend apologize apologise forgive commend hail "
        "congratulate thank recognize recognise sign upgrade",
        "SUPPORT",
    ),
    **_many("concede yield relent", "CONCEDE"),
    **_many("demand urge ask appeal request insist press pressure push order seek", "DEMAND"),
    **_many(
        "accuse blame criticize criticise condemn denounce complain sue charge indict "
        "deplore censure allege",
        "DISAPPROVE",
    ),
    **_many("reject refuse decline dismiss oppose veto rebuff renege defy", "REJECT"),
    **_many("threaten warn", "THREATEN"),
    **_many("investigate probe inspect examine", "INVESTIGATE"),
    # events
    **_many("cooperate collaborate extradite share", "COOPERATE"),
    **_many("donate supply fund finance airlift contribute", "AID"),
    **_many("evacuate", "AID", "evacuate"),
    **_many("retreat surrender demobilize demobilise disarm resign", "RETREAT"),
    # civilians fleeing are coded with evacuations: people moved out of harm's way
    **_many("flee displace", "AID", "evacuate"),
    **_many("protest demonstrate rally march picket", "PROTEST", "demo"),
    **_many("riot", "PROTEST", "riot"),
    **_many("boycott", "PROTEST", "boycott"),
    **_many("mobilize mobilise reinforce amass patrol conscript", "MOBILIZE", "troops"),
    **_many("sanction embargo", "SANCTION", "restrict"),
    **_many("expel", "SANCTION", "expel"),
    **_many("arrest detain jail imprison", "COERCE", "arrest"),
    **_many("kidnap abduct hijack", "COERCE", "detain"),
    **_many("deport evict", "COERCE", "deport"),
    **_many("confiscate", "COERCE", "seize"),
    **_many("demolish raze", "COERCE", "destroy"),
    **_many("ban outlaw", "COERCE", "ban"),
    **_many("censor", "COERCE", "censor"),
    **_many("hack deface", "COERCE", "censor"),
    **_many("blockade besiege", "COERCE", "restrict"),
    **_many("torture", "ASSAULT", "torture"),
    **_many("beat abuse", "ASSAULT", "beat"),
    **_many("rape", "ASSAULT", "sexual"),
    **_many("assassinate", "ASSAULT", "assassinate"),
    **_many("massacre", "ASSAULT", "massacre"),
    **_many("shell bombard", "FIGHT", "heavy-weapons"),
    **_many("shoot", "FIGHT", "firearms"),
    **_many("invade occupy overrun capture seize retake liberate", "FIGHT", "occupy"),
    **_many("clash fight battle repel repulse counterattack", "FIGHT"),
    # generic violence: FIGHT or ASSAULT by context
    **_many("attack strike hit target raid kill wound injure die bomb fire", "FIGHT"),
}

# Noun lemmas → (category, mode): "staged a demonstration", "imposed a curfew".
NOUNS: dict[str, Entry] = {
    **_many("agreement accord deal pact consensus promise pledge", "AGREE"),
    **_many("talk talks negotiation meeting summit visit consultation", "CONSULT"),
    **_many("mediation", "CONSULT", "multilateral"),
    **_many("welcome", "CONSULT", "host"),
    **_many("treaty apology recognition support praise", "SUPPORT"),
    **_many("demand appeal request call", "DEMAND"),
    **_many("accusation criticism condemnation complaint lawsuit charge allegation", "DISAPPROVE"),
    **_many("rejection refusal veto", "REJECT"),
    **_many("threat warning ultimatum", "THREATEN"),
    **_many("investigation probe inquiry hearing inspection", "INVESTIGATE"),
    **_many("cooperation exercise", "COOPERATE"),
    **_many("aid assistance donation grant loan relief", "AID"),
    **_many("asylum", "AID", "asylum"),
    **_many("evacuation", "AID", "evacuate"),
    **_many("withdrawal pullout retreat surrender resignation demobilization", "RETREAT"),
    **_many("ceasefire cease-fire truce armistice", "RETREAT", "ceasefire"),
    **_many("compensation", "RETREAT", "return"),
    **_many("protest demonstration rally march sit-in", "PROTEST", "demo"),
    **_many("riot unrest", "PROTEST", "riot"),
    **_many("boycott", "PROTEST", "boycott"),
    **_many(
        "mobilization mobilisation deployment reinforcement alert patrol", "MOBILIZE", "troops"
    ),
    **_many("sanction sanctions embargo", "SANCTION", "restrict"),
    **_many("suspension severance cutoff closure", "SANCTION", "discontinue"),
    **_many("arrest detention", "COERCE", "arrest"),
    **_many("kidnapping abduction", "COERCE", "detain"),
    **_many("deportation expulsion", "COERCE", "deport"),
    **_many("curfew", "COERCE", "curfew"),
    **_many("siege emergency", "COERCE", "martial-law"),
    **_many("blockade restriction", "COERCE", "restrict"),
    **_many("crackdown ban", "COERCE", "ban"),
    **_many("torture", "ASSAULT", "torture"),
    **_many("cleansing", "ASSAULT", "cleansing"),
    **_many("assassination", "ASSAULT", "assassinate"),
    **_many("massacre", "ASSAULT", "massacre"),
    **_many("bombing", "ASSAULT", "explosives"),
    **_many("shelling bombardment artillery", "FIGHT", "heavy-weapons"),
    **_many("airstrike", "FIGHT", "aerial"),
    **_many("invasion occupation offensive incursion", "FIGHT", "occupy"),
    **_many("fighting clash battle gunbattle firefight skirmish hostility hostilities", "FIGHT"),
    **_many("attack strike raid assault", "FIGHT"),
}

# Verbs whose category is their object's: "staged a hunger strike", "imposed a curfew".
LIGHT_VERBS = {
    "hold",
    "stage",
    "launch",
    "mount",
    "begin",
    "start",
    "continue",
    "conduct",
    "carry",
    "organize",
    "organise",
    "undertake",
    "make",
    "issue",
    "lodge",
    "impose",
    "reimpose",
    "extend",
    "tighten",
    "expand",
    "maintain",
    "declare",
    "announce",
    "resume",
    "open",
    "give",
    "use",
    "employ",
    "reach",
    "establish",
    "upgrade",
    "restore",
    "complete",
    "renew",
    "take",
    "engage",
    "call",
}

# What is sent or given when sending is aid.
_GOODS = (
    "aid assistance arm weapon food medicine supply money dollar equipment material "
    "grain flour fuel tent relief shipment consignment convoy doctor"
)

# Who or what is withdrawn when a withdrawal sanctions (PLOVER: expel or withdraw).
_ENVOYS = (
    "inspector observer monitor worker ambassador diplomat envoy staff aid support "
    "recognition peacekeeping peacekeeper mission delegation"
)

# Who is released or freed when a release is a RETREAT (not "released a video").
_FREED = (
    "prisoner hostage detainee captive soldier pilot civilian people person national "
    "member activist journalist crew officer leader"
)

# Verbs whose category depends on what they act on (object lemma → category, mode);
# the entry under "" is the default.
OBJECT_VERBS: dict[str, dict[str, Entry]] = {
    "lift": {
        "": ("CONCEDE", None),
        **_many("blockade siege sanction sanctions embargo", "RETREAT", "ease"),
    },
    "ease": {
        "": ("CONCEDE", None),
        **_many("blockade siege sanction sanctions embargo", "RETREAT", "ease"),
    },
    "cancel": {"": ("SANCTION", "withdraw"), **_many("restriction ban", "CONCEDE")},
    "shorten": {"": ("CONCEDE", None)},
    "relax": {"": ("CONCEDE", None)},
    "accept": {"": ("AGREE", None), **_many("demand request condition call", "CONCEDE")},
    "suspend": {"": ("SANCTION", "discontinue"), **_many("publication", "COERCE", "censor")},
    "halt": {"": ("SANCTION", "discontinue")},
    "cut": {"": ("SANCTION", "discontinue")},
    "reduce": {"": ("SANCTION", "discontinue")},
    "freeze": {"": ("SANCTION", "discontinue")},
    "stop": {"": ("SANCTION", "discontinue"), **_many("work", "PROTEST", "boycott")},
    "shun": {"": ("PROTEST", "boycott")},
    "close": {"": ("SANCTION", "restrict")},
    "break": {"": ("SANCTION", "withdraw"), **_many("ceasefire cease-fire truce", "FIGHT")},
    "sever": {"": ("SANCTION", "withdraw")},
    "deny": {"": ("REJECT", None)},
    "prevent": {"": ("COERCE", "restrict")},
    "disperse": {"": ("COERCE", "restrict")},
    "allow": {"": ("CONCEDE", None)},
    "permit": {"": ("CONCEDE", None)},
    "approve": {"": ("CONCEDE", None)},
    "send": {  # aid, arms, troops or inspectors; not "signals" or "a letter"
        **_many(_GOODS, "AID"),
        **_many("troops soldier forces reinforcement", "MOBILIZE", "troops"),
        **_many("inspector investigator monitor observer team", "INVESTIGATE"),
    },
    "dispatch": {
        "": ("MOBILIZE", "troops"),
        **_many("inspector investigator monitor observer team", "INVESTIGATE"),
    },
    "deploy": {"": ("MOBILIZE", "troops"), **_many("peacekeeper peacekeepers", "AID")},
    "provide": {"": ("AID", None)},
    "deliver": {"": ("AID", None)},
    "grant": {"": ("AID", None), **_many("amnesty pardon", "CONCEDE")},
    "hand": {"": ("AID", None)},
    "return": {
        **_many(
            "weapon property helicopter land territory asset body remains", "RETREAT", "return"
        ),
        **_many("talk talks negotiation table", "CONSULT"),
    },
    "release": _many(_FREED, "RETREAT", "release"),
    "free": _many(_FREED, "RETREAT", "release"),
    "block": _many(
        "road roadway street highway bridge transport traffic entrance route crossing rail",
        "PROTEST",
        "obstruct",
    ),
    "violate": {"": ("REJECT", None), **_many("ceasefire cease-fire truce", "FIGHT")},
    "receive": {"": ("CONSULT", "host"), **_many("observer inspector peacekeeper", "RETREAT")},
    "pay": _many("compensation reparation damages", "RETREAT", "return"),
    # troops withdrawn de-escalate; inspectors, envoys or aid withdrawn sanction
    "withdraw": {"": ("RETREAT", "withdraw"), **_many(_ENVOYS, "SANCTION", "withdraw")},
    "end": {
        **_many("talk talks negotiation mediation relation tie cooperation aid", "SANCTION"),
        **_many("strike protest boycott blockade siege", "CONCEDE"),
    },
    "prohibit": {"": ("COERCE", "ban"), **_many("aid assistance sale export", "SANCTION")},
    "bar": {"": ("COERCE", "ban")},
    "forbid": {"": ("COERCE", "ban")},
    "strengthen": {"": ("MOBILIZE", "troops")},
    "train": {"": ("MOBILIZE", "troops")},
    "blow": {"": ("COERCE", "destroy")},
    "destroy": {"": ("COERCE", "destroy")},
    "set": {"fire": ("COERCE", "destroy")},
    "explode": {"": ("ASSAULT", "explosives")},
    "detonate": {"": ("ASSAULT", "explosives")},
    "tighten": {"blockade": ("COERCE", "restrict")},
    "collect": {"signature": ("PROTEST", "demo")},
    "throw": {"stone": ("PROTEST", "riot")},
    "force": {"": ("COERCE", "deport")},
    "hold": {
        "shield": ("COERCE", "detain"),
        **_many("hostage captive prisoner", "COERCE", "detain"),
    },
}
