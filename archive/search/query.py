"""The query: a parsed search box and its filters as haystack ``SQ`` objects, and the calls
that run it. Only haystack's SearchQuerySet API is used (filters, facets, ordering, spelling),
so Elasticsearch or Solr is a settings change::

    climate "one world" -energy speaker:guterres
    → (content|context|speaker_names = climate) & (… = "one world") & ~(… = energy),
      required: speaker_names = guterres
"""

from __future__ import annotations

import re

from django.conf import settings
from haystack.inputs import Clean, Exact
from haystack.query import SQ, SearchQuerySet

from ..models import Pair
from .analysis import SCRIPT_OF_LANGUAGE, STEMMED_LANGUAGES, language_field
from .results import Suggestion, link
from .syntax import And, Not, Or, Query, Term

MAX_QUERY_CHARS = 200
MAX_QUERY_WORDS = 30
MAX_PAGE = 500
PER_PAGE = 20
FACET_VALUES = 1000  # values of a facet asked of a search cluster
GROUPED_FROM = 100  # "who said it most" shows each speaker's best answers among this many
FEW = 3  # this many results or fewer: look for a likelier spelling too
MOST_WORDS_GROUPED = 8  # above this, "most of the words" is any of them (the query would be huge)


def text_sq(node, exact: bool, rank: bool = True, articles: bool = False) -> SQ | None:
    """The search's words as haystack SQ objects; None when there are none. With ``rank``
    off, only what matches, without the clauses that only order the results; ``articles``
    searches articles' documents, in their own fields (``about``, ``about_exact``)."""
    if node is None:
        return None
    if isinstance(node, Term):
        return _term_sq(node, exact, rank, articles)
    if isinstance(node, Not):
        child = text_sq(node.child, exact, rank, articles)
        return ~child if child is not None else None
    parts = [p for p in (text_sq(c, exact, rank, articles) for c in node.children) if p is not None]
    if not parts:
        return None
    combined = parts[0]
    for part in parts[1:]:
        combined = combined | part if isinstance(node, Or) else combined & part
    if isinstance(node, And) and rank and not exact and _plain_words(node):
        # Half-remembered quotes come without quotation marks: the words standing together
        # rank first. (A phrase matches only where all the words do, so nothing is added.)
        words = " ".join(w for term in node.children for w in term.words)
        combined = combined | SQ(content=Exact(words))
    return combined


def _plain_words(node: And) -> bool:
    return len(node.children) > 1 and all(isinstance(c, Term) and not c.phrase for c in node.children)


def _term_sq(term: Term, exact: bool, rank: bool = True, articles: bool = False) -> SQ:
    text = " ".join(term.words)
    value = Exact(text) if term.phrase else Clean(text)
    if articles:
        return SQ(about_exact=value) if exact else SQ(about=value)
    if exact:
        return SQ(text_exact=value)
    sq = SQ(content=value) | SQ(context=value)
    if rank:
        # The speaker's names again, on their own (they are in ``content`` too): "Kennedy"
        # ranks Kennedy's answers above answers that mention him.
        sq |= SQ(speaker_names=value)
    for language in _languages_written_like(text):
        sq |= SQ(**{language_field(language): value})
    return sq


def _languages_written_like(text: str) -> list[str]:
    """The stemmed languages whose own stems are looked for: Russian for a word in Cyrillic,
    Arabic for Arabic script, and the Latin-alphabet languages for a word with letters beyond
    English (é, ñ, ü). A plain English-looking word is read with English stems only: asking
    every language's field for every word would make each search several times slower."""
    if re.search("[\u0400-\u04ff]", text):
        script = "cyrillic"
    elif re.search("[\u0600-\u06ff]", text):
        script = "arabic"
    elif re.search("[\u00c0-\u024f]", text):
        script = "latin"
    else:
        return []
    return [code for code in STEMMED_LANGUAGES if SCRIPT_OF_LANGUAGE.get(code, "latin") == script]


def most_words(node, exact: bool) -> SQ | None:
    """For plain words that no answer has all of: answers with most of them first. Answers
    lacking one word match one of the "all but one" groups as well, and so outrank answers
    lacking two, which match only word by word."""
    if not isinstance(node, And):
        return None
    positive = [c for c in node.children if isinstance(c, Term)]
    negative = [c for c in node.children if isinstance(c, Not)]
    if len(positive) < 2 or len(positive) + len(negative) != len(node.children):
        return None
    groups = list(positive)
    if 2 < len(positive) <= MOST_WORDS_GROUPED:
        groups += [And(tuple(t for t in positive if t is not left_out)) for left_out in positive]
    sq = text_sq(Or(tuple(groups)), exact, rank=False)
    for excluded in negative:
        sq = sq & text_sq(excluded, exact)
    return sq


def filters_sq(parsed: Query, *, speaker, outlet, year, article, date_from, date_to):
    """The filters as SQ objects: (who and where, when)."""
    filters, period = [], []
    if speaker:
        filters.append(SQ(speaker=Exact(speaker)))
    if outlet:
        filters.append(SQ(outlet=Exact(outlet)))
    if year:
        period.append(SQ(year=Exact(year)))
    if article:
        filters.append(SQ(article=Exact(article)))
    for names, field_name in ((parsed.speakers, "speaker_names"), (parsed.outlets, "outlet_names")):
        if names:
            either = SQ(**{field_name: Clean(names[0])})
            for name in names[1:]:
                either |= SQ(**{field_name: Clean(name)})
            filters.append(either)
    for names, field_name in ((parsed.not_speakers, "speaker_names"), (parsed.not_outlets, "outlet_names")):
        filters += [~SQ(**{field_name: Clean(name)}) for name in names]
    start = max(filter(None, (date_from, parsed.date_from)), default=None)
    end = min(filter(None, (date_to, parsed.date_to)), default=None)
    if start:
        period.append(SQ(published__gte=start))
    if end:
        period.append(SQ(published__lte=end))
    return filters, period


def answers(text: SQ | None, filters: list[SQ], sort: str, facets: bool = True):
    sqs = SearchQuerySet().models(Pair)
    if text is not None:
        sqs = sqs.filter(text)
    for sq in filters:
        sqs = sqs.filter(sq)
    if sort == "newest":
        sqs = sqs.order_by("-published")
    elif sort == "oldest":
        sqs = sqs.order_by("published")
    if not facets:
        return sqs
    options = facet_options()
    return sqs.facet("speaker_facet", **options).facet("outlet", **options).facet("year", **options)


def facet_options() -> dict:
    """Every value of a facet, not an engine's first ten: the page lists ten, "Who said it
    most" and the API all of them. Elasticsearch calls the number ``size``, Solr ``limit``;
    Whoosh always counts every value."""
    engine = settings.HAYSTACK_CONNECTIONS["default"]["ENGINE"]
    if "elasticsearch" in engine:
        return {"size": FACET_VALUES}
    return {"limit": FACET_VALUES} if "solr" in engine else {}


def facet_counts(sqs) -> dict:
    """The facets of a search whose results are not shown: asked with a one-result page, as
    an unsliced search reads every match's stored fields."""
    sqs[:1]
    return sqs.facet_counts().get("fields", {})


def one_page(sqs, number: int, per_page: int):
    """One page of results in one search (haystack counts while fetching the page); a page
    past the end gives the last page."""
    start = (number - 1) * per_page
    results = list(sqs[start : start + per_page])
    count = sqs.count()
    if not results and count and start:
        number = (count - 1) // per_page + 1
        start = (number - 1) * per_page
        results = list(sqs[start : start + per_page])
    return results, count, number


def suggest(parsed: Query, exact, filters, params, better_than: int) -> Suggestion | None:
    """ "Did you mean": the query with unknown or rare words replaced by the nearest common
    ones, if that finds more answers than ``better_than``."""
    words = [w for term in parsed.terms() for w in term.words]
    if not words:
        return None
    # Asked on the plain words: the engine runs the query it is asked on, and this one is cheap.
    words_only = SearchQuerySet().models(Pair).filter(content=Clean(" ".join(words)))
    corrected = words_only.spelling_suggestion(" ".join(words))
    if not corrected or len(corrected.split()) != len(words):
        return None
    changes = {w.lower(): c for w, c in zip(words, corrected.split(), strict=True) if w.lower() != c.lower()}
    if not changes:
        return None
    better = parsed.replace_words(changes)
    better_sqs = answers(text_sq(better.tree, exact), filters, "relevance", facets=False)
    better_sqs[:1]  # counted with a one-result page: an unsliced count reads every match
    count = better_sqs.count()
    if count <= better_than:
        return None
    query = better.text()
    return Suggestion(query=query, count=count, link=link(params, q=query, page=None))
