"""What a search returns: the answers found, facets, filters, suggestions, the year chart.

Built from the index's stored fields alone, so a page of results costs no database query
per row::

    Results(query="climate", count=42, page=<Page 1 of 3: Hit, Hit, …>,
            facets={"speaker": [FacetValue("speaker", "antonio-guterres", "António Guterres", 12, …)]})
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from urllib.parse import urlencode

from django.core.paginator import Page, Paginator
from django.urls import reverse
from django.utils.safestring import SafeString

from .highlight import Marker

SORTS = {"relevance": "Best match", "newest": "Newest first", "oldest": "Oldest first"}
# The URL parameters of a search, in the order links write them.
PARAMS = ("q", "exact", "speaker", "outlet", "year", "article", "from", "to", "sort", "view")


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
            "speaker": {
                "name": self.speaker_name,
                "role": self.speaker_role,
                "url": absolute(self.speaker_url) if self.speaker_url else None,
            },
            "article": {
                "title": self.article_title,
                "outlet": self.outlet,
                "url": absolute(self._article_path() + f"#a-{self.key}"),
                "published": self.published.isoformat() if self.published else None,
            },
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
    """ "Who said it most": one speaker, how many answers match, and the best of them."""

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
        return [
            (name, self.params[name])
            for name in ("speaker", "outlet", "year", "article", "sort", "view")
            if self.params.get(name)
        ]

    @property
    def sort(self):
        return self.params.get("sort") or self.default_sort

    def sort_links(self):
        """(label, link, chosen) for each order."""
        return [
            (label, self.link(sort=None if name == self.default_sort else name, page=None), name == self.sort)
            for name, label in SORTS.items()
        ]

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
            bars.append(
                YearBar(
                    year,
                    n,
                    i * step,
                    height - h,
                    h,
                    self.link(year=str(year), page=None),
                    self.params.get("year") == str(year),
                )
            )
        return {
            "bars": bars,
            "width": span * step,
            "height": height,
            "bar_width": step - 1,
            "first": first,
            "last": last,
            "most": most,
        }

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
            "facets": {
                name: [
                    {
                        "value": v.value,
                        "label": v.label,
                        "count": v.count,
                        "active": v.active,
                        "url": absolute(path + v.link),
                    }
                    for v in values
                ]
                for name, values in self.facets.items()
            },
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


class _Counted(list):
    """Stands for all the results in a Paginator: it knows their number, holds one page."""

    def __init__(self, total):
        super().__init__()
        self.total = total

    def count(self):
        return self.total


def counted_page(hits, number, count, per_page) -> Page:
    paginator = Paginator(_Counted(count), per_page)
    return Page(hits, number, paginator)


def hit_from(result, marker: Marker, follow: str) -> Hit:
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
def facets_from(found: dict, results: Results) -> dict:
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
