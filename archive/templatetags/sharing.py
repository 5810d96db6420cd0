"""Template tags for the share-and-cite block and the JSON-LD of answer, article and speaker
pages: each builds its data from the objects already in the page's context (archive.citations,
archive.cards, archive.jsonld), so the views stay as they are."""

from dataclasses import dataclass

from django import template
from django.db.models import prefetch_related_objects
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from .. import cards, citations, jsonld
from ..sentences import shorten
from ..views import absolute_url

register = template.Library()


@dataclass
class Sharing:
    permalink: str
    citations: list
    downloads: list  # (label, url) pairs
    card_url: str
    card_alt: str
    embed_url: str
    oembed_url: str
    jsonld: str


@register.simple_tag(takes_context=True)
def sharing(context, pair, permalink):
    """Everything the answer page offers for sharing and citing ``pair`` (worked out once per
    page: the head and the body both ask)."""
    if getattr(pair, "_sharing", None) and pair._sharing.permalink == permalink:
        return pair._sharing
    request = context["request"]
    # The role is read by the card, the citations and the JSON-LD: one query for all three.
    prefetch_related_objects([pair.article], "appearances")

    def url_for(path):
        return absolute_url(request, path)

    role = pair.role()
    facts = cards.facts_for(pair)
    source = citations.source_for(pair, permalink, timezone.localdate())
    who = ", ".join(p for p in (facts.speaker, role) if p)
    pair._sharing = Sharing(
        permalink=permalink,
        citations=citations.all_formatted(source),
        downloads=[
            (label, reverse(f"pair_cite_{fmt}", args=[pair.key]))
            for fmt, (label, _ext, _type) in citations.DOWNLOADS.items()
        ],
        card_url=url_for(reverse("pair_card", args=[pair.key])) + f"?v={facts.version}",
        card_alt=f"{who}: “{shorten(facts.quote, 200, hard=True)}”" if who else shorten(facts.quote, 200, hard=True),
        embed_url=url_for(reverse("pair_embed", args=[pair.key])),
        oembed_url=url_for(reverse("oembed")) + "?" + urlencode({"url": permalink, "format": "json"}),
        jsonld=jsonld.script(jsonld.quotation(pair, url_for, role)),
    )
    return pair._sharing


@register.simple_tag(takes_context=True)
def article_jsonld(context, article, appearances):
    """The article page's JSON-LD block (an ``Article`` with its speakers)."""
    return jsonld.script(jsonld.article_page(article, lambda p: absolute_url(context["request"], p), appearances))


@register.simple_tag(takes_context=True)
def speaker_jsonld(context, speaker):
    """The speaker page's JSON-LD block (a ``ProfilePage`` about the ``Person``)."""
    return jsonld.script(jsonld.speaker_page(speaker, lambda p: absolute_url(context["request"], p)))
