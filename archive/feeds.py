"""Atom feeds (Django's syndication framework): follow the archive, a speaker or a search.

::

    /feeds/interviews/               the newest interviews
    /speakers/<slug>/feed/           a speaker's newest answers
    /search/feed/?q=…&speaker=…      a search's newest answers: a journalist's alert

"Newest" means newest in the archive: ordered by when the article was published on the site
or last corrected (``Article.updated``), so an interview from 2019 imported today comes first,
and a corrected one comes up again (its entries keep their ids: readers mark them updated,
not new). Only published articles and their answers appear (``.public()``; the search index
holds nothing else).
"""

from __future__ import annotations

from datetime import datetime, time

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html_join
from django.utils.text import Truncator
from django.utils.timezone import get_default_timezone, make_aware
from haystack.query import SQ

from .exports import count_of, matching
from .models import Appearance, Article, Pair
from .search.results import link

ITEMS = 50  # entries in a feed
LEAD_WORDS = 80  # of an interview's lead, in its entry
# A search feed looks for matches among the newest articles, widening until it has ITEMS:
# the matches in older articles could only come after those.
WINDOWS = (10, 50, 250)
MAX_KEYS = 1000


def _absolute(path: str) -> str:
    # With ARCHIVE_SITE_URL set, links use the public address; otherwise the feed
    # framework adds the request's.
    return settings.SITE_URL + path if settings.SITE_URL else path


def _html(text: str) -> str:
    """Imported text as escaped HTML paragraphs, for an entry's summary."""
    return format_html_join("\n", "<p>{}</p>", ((p.strip(),) for p in str(text).split("\n\n") if p.strip()))


def _day(value):
    return make_aware(datetime.combine(value, time()), get_default_timezone()) if value else None


def for_feed(pairs):
    """Answers with what an entry shows, fetched in three queries."""
    return pairs.select_related("article", "speaker").prefetch_related(
        Prefetch("article__appearances", queryset=Appearance.objects.all())
    )


class AnswerEntries:
    """What an answer's entry says: "Name: first words…", the question and the answer."""

    feed_type = Atom1Feed

    def item_title(self, pair):
        words = Truncator(" ".join(pair.answer.split()) or pair.question).words(14, truncate="…")
        return f"{pair.speaker.name}: “{words}”" if pair.speaker else f"“{words}”"

    def item_description(self, pair):
        role = pair.role()
        who = f"{pair.speaker.name}{', ' + role if role else ''}" if pair.speaker else ""
        source = ", ".join(filter(None, [pair.article.title, pair.article.outlet]))
        return (
            _html(f"Q: {pair.question}")
            + "\n"
            + _html(pair.answer)
            + "\n"
            + format_html_join("", "<p>— {}</p>", [(" · ".join(filter(None, [who, source])),)])
        )

    def item_link(self, pair):
        return _absolute(pair.get_absolute_url())

    def item_author_name(self, pair):
        return pair.speaker.name if pair.speaker else None

    def item_pubdate(self, pair):
        return _day(pair.article.published) or pair.article.created

    def item_updateddate(self, pair):
        return pair.article.updated


class InterviewsFeed(Feed):
    feed_type = Atom1Feed
    title = "Interview Archive: newest interviews"
    subtitle = "Interviews as they are published in the archive."

    def link(self):
        return _absolute(reverse("article_list"))

    def items(self):
        return Article.objects.public().order_by("-updated", "-id").prefetch_related("speakers")[:ITEMS]

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        names = ", ".join(s.name for s in article.speakers.all())
        about = ", ".join(filter(None, [names, article.outlet]))
        lead = _html(Truncator(article.lead).words(LEAD_WORDS, truncate=" …"))
        return format_html_join("", "<p>{}</p>", [(about,)]) + "\n" + lead if about else lead

    def item_link(self, article):
        return _absolute(article.get_absolute_url())

    def item_author_name(self, article):
        return ", ".join(s.name for s in article.speakers.all()) or None

    def item_pubdate(self, article):
        return _day(article.published) or article.created

    def item_updateddate(self, article):
        return article.updated


class SpeakerFeed(AnswerEntries, Feed):
    def get_object(self, request, speaker):
        return speaker

    def title(self, speaker):
        return f"Interview Archive: {speaker.name}"

    def subtitle(self, speaker):
        return f"The newest answers by {speaker.name} in the archive."

    def link(self, speaker):
        return _absolute(speaker.get_absolute_url())

    def items(self, speaker):
        pairs = Pair.objects.public().filter(speaker=speaker).order_by("-article__updated", "-article_id", "position")
        return for_feed(pairs)[:ITEMS]


class SearchFeed(AnswerEntries, Feed):
    """The newest answers a search finds. Takes the search page's parameters (validated by
    the view with :class:`archive.forms.SearchForm`); the order is the archive's, not the
    page's sort."""

    def get_object(self, request, data):
        return data

    def title(self, data):
        what = f"“{data['q']}”" if data["q"] else "a search"
        return f"Interview Archive: answers for {what}"

    def subtitle(self, data):
        return "New answers matching this search, newest in the archive first."

    def link(self, data):
        return _absolute(reverse("search") + link(params_of(data)))

    def items(self, data):
        keys = recent_keys(data)
        if not keys:
            return []
        pairs = Pair.objects.public().filter(key__in=keys)
        return for_feed(pairs.order_by("-article__updated", "-article_id", "position"))[:ITEMS]


def params_of(data: dict) -> dict:
    """The search page's URL parameters for cleaned SearchForm data."""
    params = {name: data.get(name) for name in ("q", "speaker", "outlet", "year", "article", "sort")}
    params["exact"] = "1" if data.get("exact") else None
    params["from"] = data["date_from"].isoformat() if data.get("date_from") else None
    params["to"] = data["date_to"].isoformat() if data.get("date_to") else None
    return params


def recent_keys(data: dict, items: int = ITEMS) -> list[str]:
    """Keys of the search's matches among the most recently published articles: the newest
    WINDOWS[0] first, more when they hold fewer than ``items`` matches."""
    newest = Article.objects.public().order_by("-updated", "-id").values_list("slug", flat=True)
    for size in WINDOWS:
        slugs = list(newest[:size])
        if not slugs:
            return []
        sqs = matching(data, within=[SQ(article__in=slugs)], widen=False)
        if sqs is None:
            return []
        if count_of(sqs) >= items or len(slugs) < size or size == WINDOWS[-1]:
            return [result.key for result in sqs[:MAX_KEYS]]
    return []
