"""The baseline every real-text figure is shown beside: bare spaCy, no claimgraph rules.

Attribution: every verb whose lemma is a common speech verb is a cue, its
``nsubj`` subtree the speaker, and the rest of the sentence the content:
the stretch right after the verb ("X said [Y]"), or when nothing follows
("Y, X said.") the longest stretch without speaker and verb, edge
punctuation dropped. Entities:
spaCy's own NER, PERSON → Person, ORG → Organization, GPE/LOC/FAC → Place
(GPE marked as an actor, like our countries); NORP and the rest are dropped.
The records are the extractor's record types, so one scorer treats both alike.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.schema.records import Article, ArticleRecords, Entity, Statement

__all__ = ["NER_TYPES", "SPEECH_VERBS", "Baseline", "baseline_records"]

SPEECH_VERBS = frozenset(
    "say tell state add announce claim report explain note declare write ask warn confirm deny".split()
)
NER_TYPES = {
    "PERSON": "Person",
    "ORG": "Organization",
    "GPE": "Place",
    "LOC": "Place",
    "FAC": "Place",
}


def _statements(doc: Doc, article: Article) -> list[Statement]:
    out: list[Statement] = []
    for verb in doc:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if verb.lemma_.lower() not in SPEECH_VERBS or verb.pos_ != "VERB" or not subjects:
            continue
        speaker = list(subjects[0].subtree)
        taken = {t.i for t in speaker} | {verb.i}
        runs: list[list[int]] = [[]]
        after: list[int] = []  # the run right after the verb: "X said [Y]"
        for t in verb.sent:
            if t.i in taken:
                runs.append([])
            elif not (t.is_punct and not runs[-1]):
                runs[-1].append(t.i)
                if t.i > verb.i and (after is runs[-1] or not after):
                    after = runs[-1]
        words = [i for i in after if not doc[i].is_punct]
        run = after if words else max(runs, key=len)
        while run and doc[run[-1]].is_punct:
            run.pop()
        if not run:
            continue
        start, end = doc[run[0]].idx, doc[run[-1]].idx + len(doc[run[-1]])
        who = doc[speaker[0].i : speaker[-1].i + 1].text
        out.append(
            Statement(
                id=f"{article.id}:b{len(out) + 1}",
                speaker=None,
                speaker_name=who,
                cue=verb.lemma_.lower(),
                mode="indirect",
                text=doc.text[start:end],
                sentence=verb.sent.text,
                start=start,
                end=end,
            )
        )
    return out


def _entities(doc: Doc, article: Article) -> list[Entity]:
    seen: dict[tuple[str, str], Entity] = {}
    for ent in doc.ents:
        kind = NER_TYPES.get(ent.label_)
        name = ent.text.strip()
        if kind and name and (kind, name.lower()) not in seen:
            seen[kind, name.lower()] = Entity(
                id=f"{article.id}:n{len(seen) + 1}",
                name=name,
                type=kind,
                is_actor=ent.label_ == "GPE",
            )
    return list(seen.values())


def baseline_records(doc: Doc, article: Article) -> ArticleRecords:
    """Baseline statements and entities of one parsed article."""
    return ArticleRecords(
        article=article, entities=_entities(doc, article), statements=_statements(doc, article)
    )


class Baseline:
    """``extract(article)`` like ``Extractor``'s, with the model ``load_nlp`` uses, bare."""

    def __init__(self, nlp: Language | None = None) -> None:
        if nlp is None:
            import spacy

            from claimgraph.loaders.nlp import MODEL

            nlp = spacy.load(MODEL)
        self.nlp = nlp

    def extract(self, article: Article) -> ArticleRecords:
        """Baseline records for one article."""
        return baseline_records(self.nlp(article.text or ""), article)
