"""The extractor: article text in, ArticleRecords (entities, statements,
events, times) out. Deterministic, offline, rule-based on top of spaCy.

``Extractor.extract_many`` streams: texts go through ``nlp.pipe`` in batches
and each document is turned into records and dropped, so memory stays flat
however many articles pass. With several processes each worker does both
steps and sends back records (``extract_pool``).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from claimgraph.errors import InputError
from claimgraph.loaders.actor_codes import code_actors
from claimgraph.loaders.attribution import find_claims
from claimgraph.loaders.coref import Resolver
from claimgraph.loaders.entities import assign_part_of, build_entities
from claimgraph.loaders.events import build_events
from claimgraph.loaders.gazetteer import get_gazetteer
from claimgraph.loaders.nlp import load_nlp
from claimgraph.loaders.quotes import text_of
from claimgraph.loaders.renamings import find_renamings
from claimgraph.loaders.roles import assign_roles
from claimgraph.loaders.statements import build_statements, keep_narration
from claimgraph.loaders.timex_dates import attach_timeml
from claimgraph.schema.problems import InputProblem
from claimgraph.schema.records import Article, ArticleRecords

__all__ = ["Extractor"]

logger = logging.getLogger(__name__)


def _find_times(text: str, article: Article, doc: Doc | None = None) -> list[Any]:
    from claimgraph.loaders.timex import find_times

    # The parse gives each date the tense of its governing verb.
    return find_times(text, article.published, doc)


class Extractor:
    """Turns articles into records.

    ``nlp`` defaults to :func:`load_nlp`; ``n_process`` > 1 parses and builds
    the records in worker processes (with the default ``nlp``).
    """

    def __init__(
        self, nlp: Language | None = None, n_process: int = 1, batch_size: int = 32
    ) -> None:
        self.nlp = nlp or load_nlp()
        self.n_process = max(1, int(n_process))
        self.batch_size = max(1, int(batch_size))
        self.gazetteer = get_gazetteer()

    def extract(self, article: Article) -> ArticleRecords:
        """Records for one article; ``InputError`` if the text is too long to parse."""
        problem = self.too_long(article)
        if problem is not None:
            raise InputError(str(problem))
        return self.records(self.nlp(article.text or ""), article)

    def failure(self, article: Article, error: Exception) -> InputProblem:
        """An ``InputProblem`` for an article whose extraction raised: named, one line."""
        where = article.source or article.id
        if article.source and article.id and article.id not in article.source:
            where = f"{article.source} ({article.id})"
        first = str(error).strip().splitlines()[0] if str(error).strip() else ""
        logger.warning("extraction failed on %s", where, exc_info=error)
        return InputProblem(
            where, f"extraction failed: {type(error).__name__}: {first}"[:300].rstrip(": ")
        )

    def safe_records(self, doc: Doc, article: Article) -> Any:
        """``records``, or an ``InputProblem`` when a bug of ours fails on this article."""
        try:
            return self.records(doc, article)
        except Exception as e:  # noqa: BLE001 - one article's failure never stops the run
            return self.failure(article, e)

    def too_long(self, article: Article) -> InputProblem | None:
        """An ``InputProblem`` when the text exceeds spaCy's ``max_length``, else None."""
        size = len(article.text or "")
        if size <= self.nlp.max_length:
            return None
        # spaCy refuses such texts (E088); report it like any other bad input.
        return InputProblem(
            article.source or article.id,
            f"text of {size} characters is longer "
            f"than the {self.nlp.max_length} the extractor takes; skipped",
        )

    def extract_many(self, items: Iterable[Any]) -> Iterator[Any]:
        """Records for each article, in order; ``InputProblem`` (or any other) items pass
        through in place.

        With ``n_process`` > 1 the articles go to worker processes in chunks of
        ``batch_size``; each worker parses *and* builds the records, and only the
        records come back (a spaCy ``Doc`` is large to pickle and the record
        building is half the work). The pool starts on the first article and
        stops when the iterator is exhausted or closed.
        """
        if self.n_process == 1:
            yield from self.extract_chunk(items)
            return
        from claimgraph.loaders.pipeline_pool import extract_in_pool

        yield from extract_in_pool(items, self.n_process, self)

    def extract_chunk(self, items: Iterable[Any]) -> Iterator[Any]:
        """Records for each article of ``items`` in this process, in order."""
        waiting: list[Any] = []  # problems seen before the next article's doc comes back

        def texts() -> Iterator[tuple[str, int]]:
            for n, item in enumerate(items):
                if isinstance(item, Article) and self.too_long(item) is not None:
                    waiting.append(("problem", n, self.too_long(item)))
                elif isinstance(item, Article):
                    waiting.append(("article", n, item))
                    yield item.text or "", n
                else:
                    waiting.append(("problem", n, item))

        docs = self.nlp.pipe(texts(), as_tuples=True, batch_size=self.batch_size)
        for doc, n in docs:
            while waiting and waiting[0][1] < n:
                yield waiting.pop(0)[2]
            _, _, article = waiting.pop(0)
            yield self.safe_records(doc, article)
        while waiting:
            yield waiting.pop(0)[2]

    def records(self, doc: Doc, article: Article) -> ArticleRecords:
        """Records from a document parsed by this extractor's ``nlp``."""
        table = build_entities(doc, self.gazetteer)
        assign_roles(doc, table, article.published)
        assign_part_of(doc, table)
        renamings = find_renamings(doc, table)
        resolver = Resolver(doc, table)
        times = _find_times(text_of(doc), article, doc)
        claims = find_claims(doc, table, resolver)
        statements = build_statements(doc, article, table, claims, times)
        events = build_events(doc, article, table, statements, times, renamings)
        code_actors(doc, table)
        statements = keep_narration(statements, events)
        attach_timeml(statements, events, times)
        records = ArticleRecords(
            article=article,
            entities=table.entities,
            statements=statements,
            events=events,
            times=times,
        )
        records.check_references()
        return records
