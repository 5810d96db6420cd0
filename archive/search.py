"""Searching answers: the form that validates a search, the query itself, and its results.

Views only validate with :class:`SearchForm`, call :func:`search_answers` and render.
Results are built from the index's stored fields, so a page of results costs no database
query per row. Only haystack's SearchQuerySet API is used here (filters, facets, ordering,
spelling, more like this), so Elasticsearch or Solr is a settings change; the search box's
syntax is read by :mod:`archive.search_syntax`, never handed to the engine.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.core.paginator import Page, Paginator
from django.urls import reverse
from django.utils.safestring import SafeString
from haystack.inputs import Clean, Exact
from haystack.query import SQ, SearchQuerySet

from .models import Article, Pair
from .search_highlight import Marker
from .search_indexes import SCRIPT_OF_LANGUAGE, STEMMED_LANGUAGES, language_field
from .search_syntax import And, Not, Or, Query, Term, normalize, parse, parse_date

log = logging.getLogger(__name__)
MAX_QUERY_CHARS = 200
MAX_QUERY_WORDS = 30
MAX_PAGE = 500
PER_PAGE = 20
FACET_VALUES = 1000  # values of a facet asked of a search cluster
GROUPED_FROM = 100  # "who said it most" shows each speaker's best answers among this many
FEW = 3  # this many results or fewer: look for a likelier spelling too
MOST_WORDS_GROUPED = 8  # above this, "most of the words" is any of them (the query would be huge)
SORTS = {"relevance": "Best match", "newest": "Newest first", "oldest": "Oldest first"}
# The URL parameters of a search, in the order links write them.
PARAMS = ("q", "exact", "speaker", "outlet", "year", "article", "from", "to", "sort", "view")


class DateInput(forms.CharField):
    """A day, a month or a year: 2020-05-17, 2020-05 or 2020 (the first or last day of it)."""

    def __init__(self, *, end=False, **kwargs):
        super().__init__(required=False, **kwargs)
        self.end = end

    def to_python(self, value):
        value = super().to_python(value).strip()
        if not value:
            return None
        day = parse_date(value, end=self.end) if len(value) <= 10 else None
        if day is None:
            raise forms.ValidationError(
                f"“{value[:10]}” is not a date: write a year, a month or a day, as in 2020, 2020-05 or 2020-05-17."
            )
        return day


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Search answers", required=False, max_length=MAX_QUERY_CHARS, strip=True,
        error_messages={"max_length": f"Searches are limited to {MAX_QUERY_CHARS} characters; shorten the query."},
    )
    exact = forms.BooleanField(label="Exact word forms", required=False)
    speaker = forms.SlugField(required=False, max_length=100)
    outlet = forms.CharField(required=False, max_length=200)
    year = forms.RegexField(required=False, regex=r"^\d{4}$", error_messages={"invalid": "A year has four digits."})
    article = forms.SlugField(required=False, max_length=100)
    date_from = DateInput(label="From")
    date_to = DateInput(label="To", end=True)
    sort = forms.ChoiceField(required=False, choices=[("", "")] + list(SORTS.items()),
                             error_messages={"invalid_choice": "Sort by relevance, newest or oldest."})
    view = forms.ChoiceField(required=False, choices=[("", "answers"), ("speakers", "speakers")],
                             error_messages={"invalid_choice": "The view is answers or speakers."})
    page = forms.IntegerField(
        required=False, min_value=1, max_value=MAX_PAGE,
        error_messages={
            "max_value": f"Only the first {MAX_PAGE} pages are shown; narrow the search instead.",
            "min_value": "Pages are numbered from 1.",
            "invalid": "The page must be a number.",
        },
    )

    def __init__(self, data=None, **kwargs):
        # The URL says from= and to=, which are not Python names.
        if data is not None:
            data = data.copy()
            for name in ("from", "to"):
                if name in data:
                    data[f"date_{name}"] = data.pop(name)[-1] if hasattr(data, "getlist") else data.pop(name)
        super().__init__(data, **kwargs)

    def clean_q(self):
        q = " ".join(normalize(self.cleaned_data["q"]).split())
        if len(q.split()) > MAX_QUERY_WORDS:
            raise forms.ValidationError(f"Searches are limited to {MAX_QUERY_WORDS} words; shorten the query.")
        return q

    def clean_outlet(self):
        return " ".join(normalize(self.cleaned_data["outlet"]).replace('"', "").split())

    def clean_page(self):
        return self.cleaned_data["page"] or 1

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and start > end:
            raise forms.ValidationError("The first date is after the second; swap them.")
        return data

    def search_kwargs(self) -> dict:
        """The cleaned values as :func:`search_answers` takes them."""
        data = self.cleaned_data
        return {name: data[name] for name in
                ("exact", "speaker", "outlet", "year", "article", "date_from", "date_to", "sort", "view", "page")}

    def errors_by_field(self) -> dict[str, list[str]]:
        names = {"date_from": "from", "date_to": "to"}
        return {names.get(f, f): [str(e) for e in errs] for f, errs in self.errors.items()}


@dataclass
class Hit:
    """One answer found, with what a result line shows."""

    key: str
    question: str
    answer: str
    speaker_name: str
    speaker_slug: str
    speaker_role: str
    article_title: str
    article_slug: str
    outlet: str
    published: date | None
    language: str
    highlight: SafeString
    follow: str = ""  # "?q=…" that carries the search to the answer's pages

    def get_absolute_url(self):
        return reverse("pair_detail", args=[self.key])

    @property
    def permalink(self):
        return self.get_absolute_url() + self.follow

    @property
    def speaker_url(self):
        return reverse("speaker_detail", args=[self.speaker_slug]) if self.speaker_slug else ""

    @property
    def article_url(self):
        return self._article_path() + self.follow + f"#a-{self.key}"

    def _article_path(self):
        # An index built before a schema change may lack the slug: a dead link, not an error.
        return reverse("article_detail", args=[self.article_slug]) if self.article_slug else ""

    def as_json(self, absolute) -> dict:
        return {
            "url": absolute(self.get_absolute_url()),
            "question": self.question,
            "answer": self.answer,
            "speaker": {"name": self.speaker_name, "role": self.speaker_role,
                        "url": absolute(self.speaker_url) if self.speaker_url else None},
            "article": {"title": self.article_title, "outlet": self.outlet,
                        "url": absolute(self._article_path() + f"#a-{self.key}"),
                        "published": self.published.isoformat() if self.published else None},
            "highlight": str(self.highlight),
        }


@dataclass
class FacetValue:
    """One value of a facet: its count, and the link that applies it (or removes it)."""

    name: str  # the parameter: speaker, outlet, year
    value: str
    label: str
    count: int
    active: bool
    params: dict = field(repr=False, default_factory=dict)  # the search's, shared

    @property
    def link(self) -> str:
        """A query string: "?q=…&speaker=…". Written when shown: a common word's speaker
        facet has hundreds of values and a page shows ten."""
        return link(self.params, **{self.name: None if self.active else self.value, "page": None})


@dataclass
class Filter:
    """A filter in force, with the link that removes it."""

    name: str
    label: str
    remove: str


@dataclass
class Suggestion:
    query: str
    count: int
    link: str


@dataclass
class SpeakerGroup:
    """"Who said it most": one speaker, how many answers match, and the best of them."""

    slug: str
    name: str
    count: int
    hits: list
    link: str


@dataclass
class YearBar:
    year: int
    count: int
    x: int
    y: int
    height: int
    link: str
    active: bool


@dataclass
class Results:
    query: str
    count: int
    page: Page  # of Hit
    params: dict = field(default_factory=dict)
    default_sort: str = "relevance"
    articles: list = field(default_factory=list)
    facets: dict = field(default_factory=dict)  # name → [FacetValue]
    years: list = field(default_factory=list)  # [(year, count)] for the chart, all years
    filters: list = field(default_factory=list)
    notes: list = field(default_factory=list)
    suggestion: Suggestion | None = None
    any_word: bool = False  # no answer had every word; these have some
    speakers: list = field(default_factory=list)  # [SpeakerGroup] for view=speakers

    def link(self, **changes) -> str:
        return link(self.params, **changes)

    @property
    def kept_params(self):
        """The filters a new search from this page keeps (hidden fields of its form)."""
        return [(name, self.params[name]) for name in ("speaker", "outlet", "year", "article", "sort", "view")
                if self.params.get(name)]

    @property
    def sort(self):
        return self.params.get("sort") or self.default_sort

    def sort_links(self):
        """(label, link, chosen) for each order."""
        return [(label, self.link(sort=None if name == self.default_sort else name, page=None), name == self.sort)
                for name, label in SORTS.items()]

    def chart(self, width=100, height=48):
        """Bars of matches per year, from the first year with a match to the last."""
        if len(self.years) < 2:
            return None
        counts = dict(self.years)
        first, last = min(counts), max(counts)
        span = last - first + 1
        most = max(counts.values())
        step = max(4, min(14, 560 // span))
        bars = []
        for i, year in enumerate(range(first, last + 1)):
            n = counts.get(year, 0)
            h = round(height * n / most) if n else 0
            bars.append(YearBar(year, n, i * step, height - h, h,
                                self.link(year=str(year), page=None), self.params.get("year") == str(year)))
        return {"bars": bars, "width": span * step, "height": height, "bar_width": step - 1,
                "first": first, "last": last, "most": most}

    def as_json(self, absolute, path="") -> dict:
        """The API's document; ``absolute`` turns a path into a full URL, ``path`` is the
        API's own, to which facet links and the suggestion apply."""
        hits = self.page.object_list
        if self.speakers:
            hits = [hit for group in self.speakers for hit in group.hits]
        return {
            "count": self.count,
            "page": self.page.number,
            "pages": self.page.paginator.num_pages,
            "results": [hit.as_json(absolute) for hit in hits],
            "facets": {name: [{"value": v.value, "label": v.label, "count": v.count, "active": v.active,
                               "url": absolute(path + v.link)} for v in values]
                       for name, values in self.facets.items()},
            "suggestion": self.suggestion.query if self.suggestion else None,
            "suggestion_count": self.suggestion.count if self.suggestion else None,
            "notes": self.notes,
            "any_word": self.any_word,
        }


def link(params: dict, **changes) -> str:
    """A query string for ``params`` with ``changes`` (None removes a parameter)."""
    merged = {**params, **changes}
    pairs = [(name, merged[name]) for name in PARAMS if merged.get(name) not in (None, "", False)]
    if merged.get("page") not in (None, 1, "1"):
        pairs.append(("page", merged["page"]))
    return "?" + urlencode(pairs)


def search_answers(
    query: str, *, exact=False, speaker="", outlet="", year="", article="", date_from=None,
    date_to=None, sort="", view="", page=1, per_page=PER_PAGE, with_articles=True,
) -> Results:
    """Answers matching ``query`` (words, "phrases", OR, -excluded, speaker:/outlet:/from:/to:)
    and the filters, best first unless ``sort`` says newest or oldest; with facets, a chart
    of years, a spelling suggestion when nothing matched and, for ``view="speakers"``, the
    answers grouped by speaker. ``with_articles=False`` skips the search for matching
    articles (the API does not show them)."""
    parsed = parse(query)
    params = {"q": query, "exact": "1" if exact else None, "speaker": speaker, "outlet": outlet, "year": year,
              "article": article, "from": _iso(date_from), "to": _iso(date_to), "sort": sort, "view": view}
    filters, period = _filters(parsed, speaker=speaker, outlet=outlet, year=year, article=article,
                               date_from=date_from, date_to=date_to)
    notes = list(parsed.notes)
    default_sort = "relevance" if parsed.has_positive_terms() else "newest"
    if not parsed.has_positive_terms() and not (filters or period):
        if parsed.tree is not None:
            notes.append("Add a word to find: excluded words alone would list the whole archive.")
        return _empty(query, params, notes)
    if view == "speakers":
        per_page, page = GROUPED_FROM, 1
    text = _text_sq(parsed.tree, exact)

    sqs = _answers(text, filters + period, sort or default_sort)
    hits, count, number = _page(sqs, page, per_page)
    any_word = False
    if count == 0 and text is not None:
        wider = _any_word(parsed.tree, exact)
        if wider is not None:
            sqs = _answers(wider, filters + period, sort or default_sort)
            hits, count, number = _page(sqs, page, per_page)
            any_word = count > 0
    suggestion = None
    if count <= FEW or any_word:
        suggestion = _suggestion(parsed, exact, filters + period, params, better_than=0 if any_word else count)

    marker = Marker(query, exact=exact)
    if count == 0 and marker and not marker.patterns(""):
        notes.append("Words as common as “the” or “of” are skipped unless other words come with "
                     "them; tick Exact word forms to find them as written.")
    found = sqs.facet_counts().get("fields", {}) if count else {}
    results = Results(
        query=query, count=count, page=_as_page([], number, count, per_page), params=params,
        default_sort=default_sort, notes=notes, suggestion=suggestion, any_word=any_word,
    )
    results.facets = _facets(found, results)
    if view == "speakers":
        results.speakers = _by_speaker(results.facets.get("speaker", []), hits, marker, results)
    else:
        results.page.object_list = [_hit(result, marker, marker.follow) for result in hits]
    if period:
        # Counted without the chosen year or dates, so the chart shows where they stand.
        found = _facet_counts(_answers(text, filters, "relevance"))
    results.years = sorted((int(v), n) for v, n in found.get("year", []) if v and v.isdigit())
    results.filters = _active_filters(results)
    if with_articles and text is not None and number == 1 and not (filters or period) and view != "speakers":
        about = _text_sq(parsed.tree, exact, rank=False, articles=True)
        results.articles = list(SearchQuerySet().models(Article).filter(about)[:5])
    return results


def _iso(day):
    return day.isoformat() if day else None


def _empty(query, params, notes):
    return Results(query=query, count=0, page=_as_page([], 1, 0, PER_PAGE), params=params, notes=notes,
                   filters=[])


# -- the query ------------------------------------------------------------------------------
def _text_sq(node, exact: bool, rank: bool = True, articles: bool = False) -> SQ | None:
    """The search's words as haystack SQ objects; None when there are none. With ``rank``
    off, only what matches, without the clauses that only order the results; ``articles``
    searches articles' documents, in their own fields (``about``, ``about_exact``)."""
    if node is None:
        return None
    if isinstance(node, Term):
        return _term_sq(node, exact, rank, articles)
    if isinstance(node, Not):
        child = _text_sq(node.child, exact, rank, articles)
        return ~child if child is not None else None
    parts = [p for p in (_text_sq(c, exact, rank, articles) for c in node.children) if p is not None]
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


def _any_word(node, exact: bool) -> SQ | None:
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
    sq = _text_sq(Or(tuple(groups)), exact, rank=False)
    for excluded in negative:
        sq = sq & _text_sq(excluded, exact)
    return sq


def _filters(parsed: Query, *, speaker, outlet, year, article, date_from, date_to):
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


def _answers(text: SQ | None, filters: list[SQ], sort: str, facets: bool = True):
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
    options = _facet_options()
    return sqs.facet("speaker_facet", **options).facet("outlet", **options).facet("year", **options)


def _facet_options() -> dict:
    """Every value of a facet, not an engine's first ten: the page lists ten, "Who said it
    most" and the API all of them. Elasticsearch calls the number ``size``, Solr ``limit``;
    Whoosh always counts every value."""
    engine = settings.HAYSTACK_CONNECTIONS["default"]["ENGINE"]
    if "elasticsearch" in engine:
        return {"size": FACET_VALUES}
    return {"limit": FACET_VALUES} if "solr" in engine else {}


def _facet_counts(sqs) -> dict:
    """The facets of a search whose results are not shown: asked with a one-result page, as
    an unsliced search reads every match's stored fields."""
    sqs[:1]
    return sqs.facet_counts().get("fields", {})


def _page(sqs, number: int, per_page: int):
    """One page of results in one search (haystack counts while fetching the page); a page
    past the end gives the last page."""
    start = (number - 1) * per_page
    results = list(sqs[start:start + per_page])
    count = sqs.count()
    if not results and count and start:
        number = (count - 1) // per_page + 1
        start = (number - 1) * per_page
        results = list(sqs[start:start + per_page])
    return results, count, number


class _Counted(list):
    """Stands for all the results in a Paginator: it knows their number, holds one page."""

    def __init__(self, total):
        super().__init__()
        self.total = total

    def count(self):
        return self.total


def _as_page(hits, number, count, per_page) -> Page:
    paginator = Paginator(_Counted(count), per_page)
    return Page(hits, number, paginator)


def _suggestion(parsed: Query, exact, filters, params, better_than: int) -> Suggestion | None:
    """"Did you mean": the query with unknown or rare words replaced by the nearest common
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
    better_sqs = _answers(_text_sq(better.tree, exact), filters, "relevance", facets=False)
    better_sqs[:1]  # counted with a one-result page: an unsliced count reads every match
    count = better_sqs.count()
    if count <= better_than:
        return None
    query = better.text()
    return Suggestion(query=query, count=count, link=link(params, q=query, page=None))


def _hit(result, marker: Marker, follow: str) -> Hit:
    published = result.published
    if isinstance(published, datetime):
        published = published.date()
    language = getattr(result, "language", "") or ""
    return Hit(
        key=result.key,
        question=result.question,
        answer=result.answer,
        speaker_name=result.speaker_name or "",
        speaker_slug=result.speaker or "",
        speaker_role=result.speaker_role or "",
        article_title=result.article_title,
        # article_slug: the field's name in an index built before the "article" filter.
        article_slug=getattr(result, "article", None) or getattr(result, "article_slug", None) or "",
        outlet=result.outlet or "",
        published=published,
        language=language,
        highlight=marker.excerpt(result.answer, language),
        follow=follow,
    )


# -- facets, filters, groups -------------------------------------------------------------------
def _facets(found: dict, results: Results) -> dict:
    params = results.params
    facets = {}
    for name, field_name in (("speaker", "speaker_facet"), ("outlet", "outlet"), ("year", "year")):
        values = []
        for value, count in found.get(field_name, []):
            if not value:
                continue
            label = value
            if name == "speaker":
                value, _, label = value.partition(" ")
            active = params.get(name) == value
            values.append(FacetValue(name, value, label, count, active, params))
        if name == "year":
            values.sort(key=lambda v: v.value, reverse=True)
        facets[name] = values
    return facets


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
    wording = {"speaker": "Only answers by {}", "outlet": "Outlet: {}", "year": "Year {}",
               "article": "Only in {}", "from": "From {}", "to": "To {}"}
    shown = [
        Filter(name, text.format(labels.get((name, params[name]), params[name])),
               results.link(**{name: None, "page": None}))
        for name, text in wording.items() if params.get(name)
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
        SpeakerGroup(v.value, v.label, v.count, [_hit(r, marker, marker.follow) for r in best.get(v.value, [])],
                     results.link(speaker=v.value, view=None, page=None))
        for v in speaker_facet
    ]


# -- pages that follow a search --------------------------------------------------------------
def marker_for(params, language: str = "") -> Marker:
    """The marker for a page opened from a search result (``?q=…&exact=1``), for text in
    ``language``."""
    query = str(params.get("q", ""))[:MAX_QUERY_CHARS]
    return Marker(" ".join(normalize(query).split()), exact=params.get("exact") in ("1", "on", "true"),
                  language=language)


def related_answers(pair: Pair, limit: int = 5) -> list[Hit]:
    """Answers on the same subject in other articles (more like this), best first; none
    when the search engine fails (the answer's page is still served: it comes from the
    database)."""
    sqs = SearchQuerySet().models(Pair).exclude(article=Exact(pair.article.slug)).more_like_this(pair)
    try:
        return [_hit(result, Marker(), "") for result in sqs[:limit]]
    except Exception:
        log.exception("Related answers not found for %s", pair.key)
        return []


def excerpt(text: str, query: str, chars: int = 320) -> SafeString:
    """A short HTML-escaped fragment of ``text`` around the query's words, marked with <mark>."""
    return Marker(query).excerpt(text, chars=chars)


def mark(text: str, query: str | Marker) -> SafeString:
    """All of ``text``, HTML-escaped, with the query's words marked."""
    marker = query if isinstance(query, Marker) else Marker(query)
    return marker.whole(text)
