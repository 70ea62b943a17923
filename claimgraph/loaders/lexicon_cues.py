"""The cue lexicon: verbs of saying and of inner states, and the cues whose
negation leaves a claim unconfirmed. Re-exported by ``lexicon``."""

from __future__ import annotations

__all__ = [
    "COMMITTING_VERBS",
    "EVIDENCE_NOUNS",
    "FORECASTING_VERBS",
    "HEARSAY_VERBS",
    "NEGATIVE_CUES",
    "SPEAKING_NOUNS",
    "SPEECH_VERBS",
    "STANCE_ADJECTIVES",
    "STATE_CUES",
]

# Lemma → cue class. Classes drive polarity and event typing.

SPEECH_VERBS: dict[str, str] = {
    "say": "say",
    "tell": "say",
    "state": "say",
    "add": "say",
    "claim": "say",
    "report": "say",
    "announce": "say",
    "declare": "say",
    "note": "say",
    "dub": "say",
    "point": "say",  # only as "point out" (see attribution_core._is_cue)
    "stress": "say",
    "insist": "say",
    "explain": "say",
    "write": "say",
    "tweet": "say",
    "post": "say",
    "cite": "say",
    "confirm": "say",
    "assert": "say",
    "argue": "say",
    "warn": "threaten",
    "threaten": "threaten",
    "allege": "accuse",
    "accuse": "accuse",
    "blame": "accuse",
    "charge": "accuse",
    "deny": "deny",
    "reject": "deny",
    "dismiss": "deny",
    "refute": "deny",
    "call": "appeal",
    "urge": "appeal",
    "appeal": "appeal",
    "demand": "appeal",
    "ask": "appeal",
    "welcome": "say",
    "describe": "say",
    "admit": "say",
    "acknowledge": "say",
    "quote": "quote",
    "promise": "say",
    "vow": "say",
    "pledge": "say",
    "predict": "say",
    "estimate": "say",
    "believe": "say",
    "think": "say",
    "condemn": "accuse",
    "criticize": "accuse",
    "criticise": "accuse",
    "publish": "say",
    "inform": "say",
    "propose": "appeal",
    "suggest": "say",
    # Verbs of saying that real reporting uses beyond "say".
    "comment": "say",
    "remark": "say",
    "reply": "say",
    "respond": "say",
    "answer": "say",
    "retort": "say",
    "enthuse": "say",
    "reveal": "say",
    "disclose": "say",
    "indicate": "say",
    "recommend": "appeal",
    "advise": "appeal",
    "concede": "say",
    "testify": "say",
    "caution": "threaten",
    "emphasize": "say",
    "emphasise": "say",
    "reiterate": "say",
    "recall": "say",
    "maintain": "say",
    "observe": "say",
    "boast": "say",
    "complain": "say",
    "lament": "say",
    "conclude": "say",
    "forecast": "say",
    "project": "say",
    "speculate": "say",
    "agree": "say",
    "praise": "say",
    "hint": "say",
    # Internal states are attributions too: what someone believes, wants, expects.
    "hope": "say",
    "intend": "say",
    # Findings: "the memo showed (that) ...", "a study found that ...", only with a clause.
    "show": "say",
    "find": "say",
    "expect": "say",
    "want": "say",
    "fear": "say",
    "feel": "say",
    "doubt": "say",
    "worry": "say",
}

# Cues of an inner state or a weak report: a claim only with a clause
# ("expects that ...", "wants the cost to be shared") or a quote.
STATE_CUES = frozenset(
    {
        "hope",
        "expect",
        "want",
        "fear",
        "feel",
        "doubt",
        "worry",
        "believe",
        "think",
        "intend",
    }
)

# "did not confirm", "declined to confirm": no claim either way.
NEGATIVE_CUES = {"confirm", "comment", "say", "disclose", "specify"}

# Common nouns that can speak: people, groups, institutions, documents.
SPEAKING_NOUNS = frozenset(
    """official officials analyst analysts spokesman spokeswoman spokesperson source sources
    expert experts executive executives report reports study studies survey surveys poll polls
    statement statements document documents memo email letter critic critics resident residents
    witness witnesses police company companies firm firms people observer observers economist
    economists investor investors trader traders researcher researchers scientist scientists
    lawyer lawyers attorney judge court authorities government ministry agency group groups
    union unions officer officers soldier soldiers commander commanders leader leaders minister
    ministers president chairman chief director manager managers employee employees worker workers
    customer customers user users consumer consumers fan fans doctor doctors diplomat diplomats
    negotiator negotiators activist activists campaigner campaigners protester protesters
    villager villagers farmer farmers parent parents student students member members
    representative representatives delegate delegates lawmaker lawmakers senator senators
    politician politicians party parties board council committee commission panel court
    newspaper paper magazine website broadcaster network station agency bank banks airline
    airlines carrier automaker carmaker maker makers manufacturer manufacturers industry insiders
    insider individual individuals person man woman men women family families team teams club organisers organizers
    army military forces troops militia rebels insurgents fighters spokespeople staff
    prosecutor prosecutors investigators inspector inspectors regulator regulators office
    administration cabinet parliament congress senate ministry department embassy white house
    kremlin pentagon watchdog monitor monitors observatory charity head heads deputy secretary
    adviser advisers advisor aide aides envoy ambassador governor mayor general colonel captain
    ceo founder owner author writer writers editor editors reporter reporters journalist
    journalists correspondent media press host professor teacher scholar historian consultant partner
    colleague friend wife husband son daughter mother father brother sister victim victims
    survivor survivors patient patients passenger passengers pilot pilots driver crew
    chairwoman chairperson vice-president counsel ceos cfo coo spokesmen spokeswomen
    planner planners strategist strategists specialist specialists engineer engineers""".split()
)

# What shows a finding, as opposed to someone showing a thing: "the memo showed ...".
EVIDENCE_NOUNS = frozenset(
    """report study survey poll memo email letter document data figure projection research
    analysis test result statistic record evidence review audit census investigation inquiry
    probe footage image video photo photograph recording log filing""".split()
)


# Reporting verbs whose agentless passive hands on what someone else said
# ("it is reported that", "the plane is said to"); "is expected to" is not one.
HEARSAY_VERBS = frozenset(
    "say report claim allege rumor rumour state announce confirm tell accuse blame criticize criticise".split()
)


# Cues whose infinitive is what the speaker says: "promised to deliver a fix",
# "forecast to grow by 3%".
COMMITTING_VERBS = frozenset({"promise", "vow", "pledge"})
FORECASTING_VERBS = frozenset({"predict", "estimate", "forecast"})


# Adjectives of a view held, not of a fact known ("aware that" presupposes its clause).
STANCE_ADJECTIVES = frozenset(
    """concerned worried afraid fearful confident convinced sure certain optimistic
    pessimistic hopeful adamant skeptical sceptical doubtful""".split()
)
