"""Attribution, cue by cue: for one speech verb (or "according to"), the
speaker, the content span, quotes, the channel and the polarity.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimgraph.loaders.attribution_core import (
    _ANAPHORIC,
    _CHANNEL_NOUNS,
    _WEAK_CUES,
    UNNAMED_SOURCE,
    Claim,
    _Finder,
)
from claimgraph.loaders.attribution_grammar import _FIGURE_CUES, _a_figure, _passive, _subject
from claimgraph.loaders.attribution_speakers import QUESTION_WORDS, speaker_of
from claimgraph.loaders.channels import channel_via, cue_dates, name_without_entity
from claimgraph.loaders.lexicon import NEGATIVE_CUES, SPEECH_VERBS, STATE_CUES
from claimgraph.loaders.lexicon_cues import COMMITTING_VERBS, FORECASTING_VERBS, HEARSAY_VERBS
from claimgraph.loaders.quotes import clause_between, span_chars, trim

_LABELLING = {"call", "describe", "dub", "term", "brand"}


def _labelling(f: _Finder, cue: Token, sent: Span, subj: Token) -> Claim | None:
    """ "X called the plan 'a disgrace'", "what X described as 'a nominal charge'".

    Calling something by a quoted name is an evaluation the speaker makes:
    the content is the thing and the words, or the words alone when the
    thing is "what"/"which".
    """
    quotes = [q for q in f.quotes if cue.idx < q[0] < sent.end_char]
    if not quotes or clause_between(f.text, cue.idx, quotes[0][0]):
        return None
    q = quotes[0]
    obj = next((c for c in cue.children if c.dep_ in {"dobj", "nsubj"} and c.i > cue.i), None)
    start = obj.left_edge.idx if obj is not None and obj.idx < q[0] else q[0] + 1
    direct = start == q[0] + 1
    end = q[1] - 1 if direct else q[1]
    speaker, name = speaker_of(f, subj)
    if speaker is None and name is None:
        return None
    return Claim(
        cue.i,
        cue.lemma_,
        speaker,
        name,
        start,
        end,
        "direct" if direct else "mixed",
        f.text[q[0] + 1 : q[1] - 1],
        own_region=(sent.start_char, sent.end_char),
        sentence=(sent.start_char, sent.end_char),
        cue_char=cue.idx,
        cue_dep=cue.dep_,
        cue_dates=cue_dates(cue, _CHANNEL_NOUNS),
    )


def _adjacent_speaker(f: _Finder, cue: Token) -> Token | None:
    """A name right beside a cue the parser left without a subject.

    "…, Vice President Scott Carson replied, '…'" parsed with the name in a
    list; "'…,' said Angers" or "'…,' claims writer John Ostrower" with the
    name after the cue.
    """
    doc = f.doc
    before = doc[cue.i - 1] if cue.i > 0 else None
    if before is not None and before.pos_ == "PROPN" and f.table.at(before.i) is not None:
        return before
    after = [t for t in doc[cue.i + 1 : min(len(doc), cue.i + 5)] if t.pos_ == "PROPN"]
    opened = cue.i > 0 and doc[cue.i - 1].text in {"''", "”", '"', ","}
    if (
        opened
        and after
        and after[0].i <= cue.i + 3
        # "..., noting flights to Europe": a name inside the cue's own words is no speaker
        and not any(t.pos_ == "ADP" for t in doc[cue.i + 1 : after[0].i + 1])
    ):
        last = after[0]
        while last.i + 1 < len(doc) and doc[last.i + 1].pos_ == "PROPN":
            last = doc[last.i + 1]
        return last
    return None


def _claim_for(f: _Finder, cue: Token, sent: Span) -> Claim | None:
    """The claim a speech verb makes, by the handler its cue calls for."""
    if cue.lemma_ == "quote":
        return _quoted_as_saying(f, cue, sent)
    return _verbal_claim(f, cue, sent)


def _quoted_as_saying(f: _Finder, cue: Token, sent: Span) -> Claim | None:
    """ "Y quoted X as saying ...", "X was quoted (by Y) as saying ..."."""
    text = f.text
    via: list[str] = []
    obj = next((c for c in cue.children if c.dep_ == "dobj"), None)
    subj = next((c for c in cue.children if c.dep_ == "nsubjpass"), None)
    agent = next((c for c in cue.children if c.dep_ == "agent"), None)
    speaker_tok: Token | None
    if obj is not None:  # "Y quoted X as saying"
        by = next((c for c in cue.children if c.dep_ == "nsubj"), None)
        speaker_tok, via_tok = obj, by
    else:  # "X was quoted (by Y) as saying"
        speaker_tok = subj
        via_tok = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
    if via_tok is not None:
        v = f.resolver.entity_of(via_tok)
        if v is not None:
            via.append(v.id)
    q = f.quote_near(cue, sent)
    saying = next((t for t in cue.subtree if t.lemma_ == "say" and t.dep_ == "pcomp"), None)
    clause = next((c for c in saying.children if c.dep_ == "ccomp"), None) if saying else None
    if q is None and clause is None:
        return None
    if speaker_tok is None:  # a parse gone wrong: the name between "quoted" and "as saying"
        for t in f.doc[cue.i + 1 : min(cue.i + 12, sent.end)]:
            if t.lower_ == "as":
                break
            if f.table.at(t.i) is not None and f.table.at(t.i).type != "Place":  # type: ignore[union-attr]
                speaker_tok = t
    if not via and via_tok is not None:  # an outlet the tagger did not name
        named = name_without_entity(f, via_tok, organization=True)
        if named is not None:
            via.append(named.id)
    if not via:
        for t in reversed(list(f.doc[max(sent.start, cue.i - 10) : cue.i])):
            e = f.table.at(t.i)
            if e is not None and e.type == "Organization":
                via.append(e.id)
                break
    speaker, name = speaker_of(f, speaker_tok)
    if speaker is None and name is None:
        return None
    if clause is not None and (q is None or q[1] < clause.left_edge.idx):
        a, b = trim(text, *span_chars(list(clause.subtree)))  # "... as saying that X"
        return Claim(
            cue.i,
            "quote as saying",
            speaker,
            name,
            a,
            b,
            via=via,
            sentence=(sent.start_char, sent.end_char),
            own_region=(cue.sent.start_char, cue.sent.end_char),
            cue_char=cue.idx,
        )
    assert q is not None
    return Claim(
        cue.i,
        "quote as saying",
        speaker,
        name,
        q[0] + 1,
        q[1] - 1,
        "direct",
        text[q[0] + 1 : q[1] - 1],
        via=via,
        sentence=(sent.start_char, sent.end_char),
        own_region=(cue.sent.start_char, cue.sent.end_char),
        cue_char=cue.idx,
    )


# "asked not to be named", "spoke on condition of anonymity"
_ANONYMITY = frozenset({"anonymous", "anonymity", "named", "identified"})


def _verbal_claim(f: _Finder, cue: Token, sent: Span) -> Claim | None:
    """ "X said (that) ...", "..., X said", "X denied ...", "X urged Y to ..."."""
    lemma = cue.lemma_
    kind = SPEECH_VERBS.get(lemma, "say")
    negated = any(c.dep_ == "neg" for c in cue.children)
    text = f.text
    via: list[str] = []
    subj = _subject(cue) or (None if _passive(cue) else _adjacent_speaker(f, cue))
    # "It has been reported that ...", "X is claimed to be ...": words with a
    # source the text does not name, which is not the outlet speaking.
    unnamed = (
        subj is None and lemma in HEARSAY_VERBS and any(c.dep_ == "auxpass" for c in cue.children)
    )
    if subj is None and not unnamed:
        return None
    if (
        subj is not None
        and subj.lower_ in {"which", "that"}
        and cue.dep_ == "relcl"
        and kind == "say"
    ):
        subj = cue.head  # "a report by the ministry, which said that ...": the report speaks
    if lemma in _LABELLING and subj is not None:  # a passive one only with its agent
        labelled = _labelling(f, cue, sent, subj)
        if labelled is not None:
            return labelled
    if any(
        c.lower_ == "what" for c in cue.subtree if c.i < cue.i and c.head.i in {cue.i, cue.head.i}
    ):
        return None  # "a photograph of what he said was the helmet": a label, not a claim
    if lemma in {"ask", "request", "speak", "decline"} and any(
        t.lower_ in _ANONYMITY for t in cue.subtree if t.i > cue.i
    ):
        return None  # "who asked not to be named": how the source is kept, not a claim
    if (
        lemma in {"describe", "call"}
        and subj is not None
        and subj.lower_ in {"it", "what", "which"}
        and cue.dep_ == "relcl"
    ):
        return None
    if lemma == "call" and (
        any(c.dep_ == "auxpass" for c in cue.children)
        or not any(
            c.dep_ == "prep"
            and c.lower_ in {"on", "for"}
            or c.dep_ == "xcomp"
            or c.dep_ == "advcl"
            and any(m.lower_ == "for" for m in c.children)
            for c in cue.children
        )
    ):
        return None  # "it will be called X" names, it does not appeal
    if lemma == "describe" and cue.dep_ == "relcl":
        return None
    span = f.content(cue, sent)
    if kind == "deny" and cue.dep_ == "relcl" and _ANAPHORIC.match(f"the {cue.head.lower_}"):
        # "a claim Varossa swiftly denied": what is denied is the claim before it
        speaker, name = speaker_of(f, subj)
        return Claim(
            cue.i,
            lemma,
            speaker,
            name,
            cue.head.idx,
            cue.head.idx + len(cue.head),
            polarity="denies",
            sentence=(sent.start_char, sent.end_char),
            own_region=(sent.start_char, sent.end_char),
            kind=kind,
            cue_char=cue.idx,
            cue_dep="relcl-deny",
        )
    if span is None and lemma in {"post", "publish", "cite"}:
        return None  # "posted a net profit ... 'solidly profitable'": no words of its own
    q = f.quote_near(cue, sent)
    mode = "indirect"
    if (
        q is not None
        and span is not None
        and span[1] <= cue.idx
        and q[0] > cue.idx
        and len(f.text[cue.idx + len(cue) : q[0]].strip(" ,:")) == 0
    ):
        span = None  # "..., saying, '…'": the words that follow, not the clause before
    quote = None
    if q is not None and (span is None or span[0] >= q[0] and span[1] <= q[1] + 1):
        span = (q[0] + 1, q[1] - 1)
        mode, quote = "direct", text[span[0] : span[1]]
    elif span is None:
        return None
    else:
        inner = [x for x in f.quotes if x[0] < span[1] and x[1] > span[0]]
        if inner:
            # A quote running past the clause's end is still part of it.
            span = (span[0], max(span[1], max(b for _, b in inner) - 1))
            covered = sum(min(b, span[1] + 1) - max(a, span[0] - 1) for a, b in inner)
            if covered >= 0.85 * (span[1] - span[0]):
                mode = "direct"
                span = (min(a for a, _ in inner) + 1, max(b for _, b in inner) - 1)
            else:
                mode = "mixed"
            quote = " … ".join(text[a + 1 : b - 1] for a, b in inner)
        elif q is not None and q[0] < span[0] < q[1]:
            mode, quote, span = "direct", text[q[0] + 1 : q[1] - 1], (q[0] + 1, q[1] - 1)
    start, end = trim(text, *span)
    if end - start < 8:
        return None
    if lemma == "describe" and mode == "direct":
        return None  # "what it described as 'x'" is a label, not a statement
    if (
        kind in {"say"}
        and (lemma in _WEAK_CUES or lemma in STATE_CUES)
        and mode == "indirect"
        and not any(
            c.dep_ == "ccomp"
            or c.dep_ == "xcomp"
            and (lemma in STATE_CUES or lemma in COMMITTING_VERBS or lemma in FORECASTING_VERBS)
            or c.dep_ == "dobj"
            and lemma in _FIGURE_CUES
            and _a_figure(c)
            for c in cue.children
        )
    ):
        if lemma not in {"confirm", "report", "write", "post", "welcome", "describe"}:
            return None
    polarity = "asserts"
    cue_text = lemma
    if negated and text[start:end].split(" ", 1)[0].lower() in QUESTION_WORDS:
        return None  # "did not disclose whether ...": no claim either way
    if negated:
        if lemma not in NEGATIVE_CUES or lemma in {"say", "comment"}:
            return None  # "did not say what kind of measures": no claim
        polarity, cue_text = "unconfirmed", f"not {lemma}"
    elif kind == "deny":
        polarity = "denies"
    if cue.head.lemma_ in {"decline", "refuse"} and cue.dep_ == "xcomp":
        polarity, cue_text = "unconfirmed", f"{cue.head.lemma_} to {lemma}"
    speaker, name = speaker_of(f, subj)
    if unnamed:
        name = UNNAMED_SOURCE
    if speaker is None and name is None:
        return None
    if (
        speaker is not None
        and f.table.get(speaker).type == "Place"
        and not f.table.get(speaker).is_actor
    ):
        return None
    channel = None
    for c in cue.subtree:
        if c.lower_ in _CHANNEL_NOUNS and not (start <= c.idx < end):
            channel = c.lower_
            break
    via += channel_via(f, cue, start, end)
    dates = cue_dates(cue, _CHANNEL_NOUNS)
    return Claim(
        cue.i,
        cue_text,
        speaker,
        name,
        start,
        end,
        mode,
        quote,
        polarity,
        via,
        channel,
        own_region=(cue.sent.start_char, cue.sent.end_char),
        sentence=(sent.start_char, sent.end_char),
        kind=kind,
        cue_char=cue.idx,
        cue_dep=cue.dep_,
        cue_dates=dates,
    )
