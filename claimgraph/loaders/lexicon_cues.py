"""The cue lexicon: verbs of saying and of inner states, and the cues whose
negation leaves a claim unconfirmed. Re-exported by ``lexicon``."""

from __future__ import annotations

__all__ = ["NEGATIVE_CUES", "SPEECH_VERBS", "STATE_CUES"]

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
    }
)

# "did not confirm", "declined to confirm": no claim either way.
NEGATIVE_CUES = {"confirm", "comment", "say", "disclose", "specify"}
