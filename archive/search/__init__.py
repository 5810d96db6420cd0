"""Searching answers: :func:`search_answers` runs a search and returns its :class:`Results`.

Views validate with :class:`archive.forms.SearchForm`, call :func:`search_answers` and render.
The rooms: :mod:`.syntax` reads the search box (pure), :mod:`.query` turns it into haystack
queries, :mod:`.results` holds what a page shows, :mod:`.highlight` marks the words,
:mod:`.analysis` holds the analyzers, :mod:`.whoosh` the embedded engine.
Results are built from the index's stored fields, so a page of results costs no database
query per row. Only haystack's SearchQuerySet API is used here (filters, facets, ordering,
spelling, more like this), so Elasticsearch or Solr is a settings change; the search box's
syntax is read by :mod:`archive.search.syntax`, never handed to the engine.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from haystack.inputs import Exact
from haystack.query import SearchQuerySet

from ..models import Article, Pair
from .highlight import Marker
from .query import (
    FEW,
    GROUPED_FROM,
    MAX_PAGE,
    MAX_QUERY_CHARS,
    MAX_QUERY_WORDS,
    PER_PAGE,
    answers,
    facet_counts,
    filters_sq,
    most_words,
    one_page,
    suggest,
    text_sq,
)
from .related import excerpt
from .results import Filter, Hit, Results, SpeakerGroup, counted_page, facets_from, hit_from
from .syntax import normalize, parse

__all__ = [
    "MAX_PAGE",
    "MAX_QUERY_CHARS",
    "MAX_QUERY_WORDS",
    "PER_PAGE",
    "Results",
    "marker_for",
    "related_answers",
    "search_answers",
]

log = logging.getLogger(__name__)


def search_answers(
    query: str,
    *,
    exact=False,
    speaker="",
    outlet="",
    year="",
    article="",
    date_from=None,
    date_to=None,
    sort="",
    view="",
    page=1,
    per_page=PER_PAGE,
    with_articles=True,
) -> Results:
    """Answers matching ``query`` (words, "phrases", OR, -excluded, speaker:/outlet:/from:/to:)
    and the filters, best first unless ``sort`` says newest or oldest; with facets, a chart
    of years, a spelling suggestion when nothing matched and, for ``view="speakers"``, the
    answers grouped by speaker. ``with_articles=False`` skips the search for matching
    articles (the API does not show them)."""
    parsed = parse(query)
    params = {
        "q": query,
        "exact": "1" if exact else None,
        "speaker": speaker,
        "outlet": outlet,
        "year": year,
        "article": article,
        "from": _iso(date_from),
        "to": _iso(date_to),
        "sort": sort,
        "view": view,
    }
    filters, period = filters_sq(
        parsed, speaker=speaker, outlet=outlet, year=year, article=article, date_from=date_from, date_to=date_to
    )
    notes = list(parsed.notes)
    default_sort = "relevance" if parsed.has_positive_terms() else "newest"
    if not parsed.has_positive_terms() and not (filters or period):
        if parsed.tree is not None:
            notes.append("Add a word to find: excluded words alone would list the whole archive.")
        return _empty(query, params, notes)
    if view == "speakers":
        per_page, page = GROUPED_FROM, 1
    text = text_sq(parsed.tree, exact)

    sqs = answers(text, filters + period, sort or default_sort)
    hits, count, number = one_page(sqs, page, per_page)
    any_word = False
    if count == 0 and text is not None:
        wider = most_words(parsed.tree, exact)
        if wider is not None:
            sqs = answers(wider, filters + period, sort or default_sort)
            hits, count, number = one_page(sqs, page, per_page)
            any_word = count > 0
    suggestion = None
    if count <= FEW or any_word:
        suggestion = suggest(parsed, exact, filters + period, params, better_than=0 if any_word else count)

    marker = Marker(query, exact=exact)
    if count == 0 and marker and not marker.patterns(""):
        notes.append(
            "Words as common as “the” or “of” are skipped unless other words come with "
            "them; tick Exact word forms to find them as written."
        )
    found = sqs.facet_counts().get("fields", {}) if count else {}
    results = Results(
        query=query,
        count=count,
        page=counted_page([], number, count, per_page),
        params=params,
        default_sort=default_sort,
        notes=notes,
        suggestion=suggestion,
        any_word=any_word,
    )
    results.facets = facets_from(found, results)
    if view == "speakers":
        results.speakers = _by_speaker(results.facets.get("speaker", []), hits, marker, results)
    else:
        results.page.object_list = [hit_from(result, marker, marker.follow) for result in hits]
    if period:
        # Counted without the chosen year or dates, so the chart shows where they stand.
        found = facet_counts(answers(text, filters, "relevance"))
    results.years = sorted((int(v), n) for v, n in found.get("year", []) if v and v.isdigit())
    results.filters = _active_filters(results)
    if with_articles and text is not None and number == 1 and not (filters or period) and view != "speakers":
        about = text_sq(parsed.tree, exact, rank=False, articles=True)
        results.articles = list(SearchQuerySet().models(Article).filter(about)[:5])
    return results


def _iso(day):
    return day.isoformat() if day else None


def _empty(query, params, notes):
    return Results(query=query, count=0, page=counted_page([], 1, 0, PER_PAGE), params=params, notes=notes, filters=[])


def _active_filters(results: Results) -> list[Filter]:
    params, facets = results.params, results.facets
    labels = {(name, v.value): v.label for name, values in facets.items() for v in values}
    hits = results.page.object_list or [hit for group in results.speakers for hit in group.hits]
    if params.get("article") and hits:
        labels["article", params["article"]] = f"“{hits[0].article_title}”"
    for name in ("speaker", "article"):
        if params.get(name) and (name, params[name]) not in labels:
            # Named by any answer of theirs: the other filters may have left none here.
            one = SearchQuerySet().models(Pair).filter(**{name: Exact(params[name])})[:1]
            if one:
                labels[name, params[name]] = one[0].speaker_name if name == "speaker" else f"“{one[0].article_title}”"
    wording = {
        "speaker": "Only answers by {}",
        "outlet": "Outlet: {}",
        "year": "Year {}",
        "article": "Only in {}",
        "from": "From {}",
        "to": "To {}",
    }
    shown = [
        Filter(
            name,
            text.format(labels.get((name, params[name]), params[name])),
            results.link(**{name: None, "page": None}),
        )
        for name, text in wording.items()
        if params.get(name)
    ]
    if params.get("exact"):
        shown.append(Filter("exact", "Exact word forms", results.link(exact=None, page=None)))
    return shown


def _by_speaker(speaker_facet, results_found, marker, results) -> list[SpeakerGroup]:
    """Each speaker with their count, and their best two answers among the first results."""
    best = {}
    for result in results_found:
        if len(best.setdefault(result.speaker or "", [])) < 2:
            best[result.speaker or ""].append(result)
    return [
        SpeakerGroup(
            v.value,
            v.label,
            v.count,
            [hit_from(r, marker, marker.follow) for r in best.get(v.value, [])],
            results.link(speaker=v.value, view=None, page=None),
        )
        for v in speaker_facet
    ]


# -- pages that follow a search --------------------------------------------------------------
def marker_for(params, language: str = "") -> Marker:
    """The marker for a page opened from a search result (``?q=…&exact=1``), for text in
    ``language``."""
    query = str(params.get("q", ""))[:MAX_QUERY_CHARS]
    return Marker(
        " ".join(normalize(query).split()), exact=params.get("exact") in ("1", "on", "true"), language=language
    )


@dataclass
class Related(Hit):
    """A related answer as the answer's page lists it: a clean excerpt, and the topic words
    it shares with the answer (what makes it related)."""

    excerpt: str = ""
    shared: list[str] = field(default_factory=list)


def related_answers(pair: Pair, limit: int = 5) -> list[Related]:
    """Answers on the same subject in other articles, best first: they share enough of its
    topic words (:mod:`.related`); none when the search engine fails (the answer's page is
    still served: it comes from the database)."""
    sqs = SearchQuerySet().models(Pair).exclude(article=Exact(pair.article.slug)).more_like_this(pair)
    try:
        found = list(sqs[:limit])
    except Exception:
        log.exception("Related answers not found for %s", pair.key)
        return []
    related = []
    for result in found:
        shared = getattr(result, "shared", [])
        hit = hit_from(result, Marker(), "")
        related.append(Related(**vars(hit), excerpt=excerpt(result.answer, about=shared), shared=shared))
    return related
