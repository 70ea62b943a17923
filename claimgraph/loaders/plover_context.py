"""Context words for PLOVER typing: the weapon a violent act names (its mode),
the words that tell unconventional violence (ASSAULT) from combat (FIGHT),
and the heads that announce or refuse an action. See ``plover_typing``.
"""

from __future__ import annotations

__all__ = ["MODE_WORDS", "ASSAULT_WORDS", "FIGHT_WORDS", "INTENT_WORDS", "REFUSAL_WORDS"]

# Words near a violent trigger that say which weapon (PLOVER mode) was used.
# "aerial" and "drone" are ours: PLOVER folds them into heavy weapons.
MODE_WORDS: dict[str, str] = {
    **dict.fromkeys(
        "shell shelling artillery mortar rocket missile tank howitzer launcher grad "
        "katyusha bombardment".split(),
        "heavy-weapons",
    ),
    **dict.fromkeys(
        "airstrike aircraft warplane jet helicopter gunship bomber air aerial".split(), "aerial"
    ),
    **dict.fromkeys("drone uav predator reaper".split(), "drone"),
    **dict.fromkeys(
        "gun gunfire gunbattle gunman gunmen rifle sniper bullet firearm".split(), "firearms"
    ),
    **dict.fromkeys(
        "bomb bombing explosive explosion ied mine minefield grenade roadside".split(),
        "explosives",
    ),
    "suicide": "suicide-attack",
    "sexually": "sexual",
    "machete": "primitive",
    "knife": "primitive",
    "assassinate": "assassinate",
    "assassination": "assassinate",
}

# Context words that make generic violence ASSAULT (unconventional: bombs,
# killings of unarmed people) rather than FIGHT (armed forces in combat).
ASSAULT_WORDS = {
    "bomb",
    "bomber",
    "bombing",
    "explosive",
    "ied",
    "suicide",
    "car",
    "roadside",
    "machete",
    "knife",
    "torture",
    "assassinate",
    "assassination",
    "militiaman",
    "militiamen",
    "terrorist",
    "gunman",
    "gunmen",
    "custody",
    "guerrilla",
    "guerrillas",
    "militant",
    "militants",
    "refugee",
    "camp",
    "detainee",
    "prisoner",
}
FIGHT_WORDS = {
    "artillery",
    "shell",
    "shelling",
    "mortar",
    "rocket",
    "missile",
    "tank",
    "aircraft",
    "helicopter",
    "warplane",
    "jet",
    "drone",
    "airstrike",
    "gunbattle",
    "clash",
    "fighting",
    "battle",
    "offensive",
    "front",
    "position",
    "positions",
    "forces",
    "troops",
    "army",
    "soldiers",
    "predator",
    "minefield",
}

# Heads an action is announced with ("will", "ready to", "offered to"):
# cooperative actions become AGREE, hostile ones THREATEN.
INTENT_WORDS = {
    "will",
    "would",
    "shall",
    "'ll",
    "plan",
    "intend",
    "ready",
    "willing",
    "prepared",
    "prepare",
    "offer",
    "promise",
    "pledge",
    "vow",
    "swear",
    "going",
    "may",
    "might",
}
# Heads that refuse the action ("refused to", "will not", "declined to"): REJECT.
REFUSAL_WORDS = {"refuse", "decline", "fail", "reject", "oppose"}
