"""Searching answers: the form that validates a query, the query itself, and highlighting.

Views only validate, call :func:`search_answers` and render. Results are built from the
index's stored fields, so a page of results costs no database query per row.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date, datetime

from django import forms
from django.core.paginator import EmptyPage, Paginator
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from haystack.inputs import AutoQuery, Exact
from haystack.query import SearchQuerySet
from whoosh import highlight as wh

from .models import Article, Pair
from .search_indexes import text_analyzer

MAX_QUERY_CHARS = 200
MAX_QUERY_WORDS = 30
MAX_PAGE = 500
PER_PAGE = 20
ANALYZER = text_analyzer()


class SearchForm(forms.Form):
    q = forms.CharField(
        label="Search answers", required=False, max_length=MAX_QUERY_CHARS,
        error_messages={"max_length": f"Searches are limited to {MAX_QUERY_CHARS} characters; shorten the query."},
    )
    speaker = forms.SlugField(required=False, max_length=100)
    page = forms.IntegerField(
        required=False, min_value=1, max_value=MAX_PAGE,
        error_messages={
            "max_value": f"Only the first {MAX_PAGE} pages are shown; narrow the search instead.",
            "min_value": "Pages are numbered from 1.",
            "invalid": "The page must be a number.",
        },
    )

    def clean_q(self):
        # Control characters (pasted from PDFs and phones) are never part of what was said.
        q = "".join(" " if unicodedata.category(c) in ("Cc", "Cs") else c for c in self.cleaned_data["q"])
        q = " ".join(q.split())
        if len(q.split()) > MAX_QUERY_WORDS:
            raise forms.ValidationError(f"Searches are limited to {MAX_QUERY_WORDS} words; shorten the query.")
        return q

    def clean_page(self):
        return self.cleaned_data["page"] or 1


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
    highlight: SafeString

    def get_absolute_url(self):
        return reverse("pair_detail", args=[self.key])

    @property
    def speaker_url(self):
        return reverse("speaker_detail", args=[self.speaker_slug]) if self.speaker_slug else ""

    @property
    def article_url(self):
        return reverse("article_detail", args=[self.article_slug]) + f"#a-{self.key}"


@dataclass
class Results:
    query: str
    count: int
    page: object  # a django.core.paginator.Page of Hit
    articles: list

    def as_json(self, absolute) -> dict:
        """The API's document; ``absolute`` turns a path into a full URL."""
        return {
            "count": self.count,
            "page": self.page.number,
            "pages": self.page.paginator.num_pages,
            "results": [
                {
                    "url": absolute(hit.get_absolute_url()),
                    "question": hit.question,
                    "answer": hit.answer,
                    "speaker": {"name": hit.speaker_name, "role": hit.speaker_role,
                                "url": absolute(hit.speaker_url) if hit.speaker_url else None},
                    "article": {"title": hit.article_title, "outlet": hit.outlet,
                                "url": absolute(hit.article_url),
                                "published": hit.published.isoformat() if hit.published else None},
                    "highlight": str(hit.highlight),
                }
                for hit in self.page.object_list
            ],
        }


def search_answers(query: str, *, speaker: str = "", page: int = 1, per_page: int = PER_PAGE) -> Results:
    """Answers matching ``query`` (words, "phrases", -excluded), best first."""
    sqs = SearchQuerySet().models(Pair)
    if query:
        sqs = sqs.filter(content=AutoQuery(query))
    if speaker:
        sqs = sqs.filter(speaker=Exact(speaker))
    if not query and not speaker:
        sqs = sqs.none()
    elif not query:
        sqs = sqs.order_by("-published")
    paginator = Paginator(sqs, per_page)
    try:
        current = paginator.page(page)
    except EmptyPage:
        current = paginator.page(paginator.num_pages or 1) if paginator.count else paginator.page(1)
    current.object_list = [_hit(result, query) for result in current.object_list]
    articles = []
    if query and current.number == 1 and not speaker:
        articles = list(SearchQuerySet().models(Article).filter(content=AutoQuery(query))[:5])
    return Results(query=query, count=paginator.count, page=current, articles=articles)


def _hit(result, query: str) -> Hit:
    published = result.published
    if isinstance(published, datetime):
        published = published.date()
    return Hit(
        key=result.key,
        question=result.question,
        answer=result.answer,
        speaker_name=result.speaker_name or "",
        speaker_slug=result.speaker or "",
        speaker_role=result.speaker_role or "",
        article_title=result.article_title,
        article_slug=result.article_slug,
        outlet=result.outlet or "",
        published=published,
        highlight=excerpt(result.answer, query),
    )


def query_terms(query: str) -> set[str]:
    """The analysed words of a query that a match can show (excluded words are not shown)."""
    words = [w for w in query.replace("“", '"').replace("”", '"').split() if not w.startswith("-")]
    return {token.text for token in ANALYZER(" ".join(words).replace('"', " "))}


def excerpt(text: str, query: str, chars: int = 320) -> SafeString:
    """A short HTML-escaped fragment of ``text`` around the query's words, marked with <mark>."""
    terms = query_terms(query) if query else set()
    if terms:
        fragmenter = wh.ContextFragmenter(maxchars=chars, surround=90)
        formatter = wh.HtmlFormatter(tagname="mark", between=" … ")
        marked = wh.highlight(text, terms, ANALYZER, fragmenter, formatter, top=2)
        if marked:
            return mark_safe(marked)
    short = text if len(text) <= chars else text[:chars].rsplit(" ", 1)[0] + " …"
    return escape(short)


def mark(text: str, query: str) -> SafeString:
    """All of ``text``, HTML-escaped, with the query's words marked."""
    terms = query_terms(query) if query else set()
    if terms:
        marked = wh.highlight(text, terms, ANALYZER, wh.WholeFragmenter(charlimit=None), wh.HtmlFormatter(tagname="mark"))
        if marked:
            return mark_safe(marked)
    return escape(text)
