"""A search's answers as rows, for downloads (CSV, JSON) and feeds.

The parameters are the search page's, validated by :class:`archive.forms.SearchForm`; the
answers are the page's too (the same query, filters and order), read from the index's stored
fields in batches, so an export of thousands of rows holds one batch in memory::

    /search/export.csv?q=climate&speaker=antonio-guterres
    → permalink,key,speaker,role,question,answer,article,article_url,outlet,published
      http://…/a/rzhbkyu7/,rzhbkyu7,António Guterres,UN Secretary General,…

Exports stop at :data:`MAX_ROWS` rows; the response says how many matched and how many it
holds (``X-Archive-Count``, ``X-Archive-Exported``; the JSON's ``count`` and ``exported``).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.conf import settings

from .search.highlight import Marker
from .search.query import answers, filters_sq, most_words, text_sq
from .search.results import hit_from
from .search.syntax import parse

MAX_ROWS = getattr(settings, "ARCHIVE_EXPORT_MAX_ROWS", 10_000)
BATCH = 500
COLUMNS = ("permalink", "key", "speaker", "role", "question", "answer", "article", "article_url", "outlet", "published")
# Spreadsheets run a cell that starts with one of these as a formula (OWASP "CSV injection").
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def matching(data: dict, *, sort: str | None = None, within=(), widen: bool = True):
    """The search's answers as a SearchQuerySet without facets, in the page's order (or
    ``sort``), narrowed by the SQ objects in ``within``; None when the search names nothing
    to find (as the page, it lists nothing for excluded words alone). Like the page, words
    that no answer has all of find the answers with most of them, unless ``widen`` is off."""
    parsed = parse(data.get("q", ""))
    filters, period = filters_sq(
        parsed,
        speaker=data.get("speaker"),
        outlet=data.get("outlet"),
        year=data.get("year"),
        article=data.get("article"),
        date_from=data.get("date_from"),
        date_to=data.get("date_to"),
    )
    if not parsed.has_positive_terms() and not (filters or period):
        return None
    exact = bool(data.get("exact"))
    order = sort or data.get("sort") or ("relevance" if parsed.has_positive_terms() else "newest")
    narrowing = [*filters, *period, *within]
    text = text_sq(parsed.tree, exact)
    sqs = answers(text, narrowing, order, facets=False)
    if widen and text is not None and count_of(sqs) == 0:
        wider = most_words(parsed.tree, exact)
        if wider is not None:
            sqs = answers(wider, narrowing, order, facets=False)
    return sqs


def count_of(sqs) -> int:
    """How many answers a search finds."""
    sqs[:1]  # counted with a one-result page: an unsliced count reads every match
    return sqs.count()


@dataclass
class Export:
    """The rows of one search, read lazily: ``count`` matched, ``exported`` will be written."""

    sqs: object
    count: int
    exported: int
    limit: int

    @classmethod
    def of(cls, data: dict, limit: int | None = None) -> Export:
        sqs = matching(data)
        count = count_of(sqs) if sqs is not None else 0
        return cls(sqs, count, min(count, limit or MAX_ROWS), limit or MAX_ROWS)

    def hits(self) -> Iterator:
        marker = Marker()
        for start in range(0, self.exported, BATCH):
            for result in self.sqs[start : min(start + BATCH, self.exported)]:
                yield hit_from(result, marker, "")

    def rows(self, absolute: Callable[[str], str]) -> Iterator[dict]:
        for hit in self.hits():
            yield {
                "permalink": absolute(hit.get_absolute_url()),
                "key": hit.key,
                "speaker": hit.speaker_name,
                "role": hit.speaker_role,
                "question": hit.question,
                "answer": hit.answer,
                "article": hit.article_title,
                "article_url": absolute(hit.article_url) if hit.article_slug else None,
                "outlet": hit.outlet,
                "published": hit.published.isoformat() if hit.published else None,
            }

    def csv_lines(self, absolute) -> Iterator[str]:
        """The CSV file line by line: a header, then one row per answer."""
        buffer = io.StringIO()
        writer = csv.writer(buffer)

        def line(values):
            writer.writerow(values)
            text = buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
            return text

        yield "\ufeff" + line(COLUMNS)  # the BOM tells spreadsheets the file is UTF-8
        for row in self.rows(absolute):
            yield line(_cell(row[name]) for name in COLUMNS)

    def json_chunks(self, absolute, query: str) -> Iterator[str]:
        """One JSON document, written a row at a time."""
        head = {"query": query, "count": self.count, "exported": self.exported, "max_rows": self.limit}
        yield json.dumps(head, ensure_ascii=False)[:-1] + ', "results": ['
        for i, row in enumerate(self.rows(absolute)):
            yield ("," if i else "") + "\n" + json.dumps(row, ensure_ascii=False)
        yield "\n]}\n"


def _cell(value: str | None) -> str:
    value = value or ""
    return "'" + value if value.startswith(FORMULA_START) else value
