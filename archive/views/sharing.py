"""What leaves the site with a shared answer: citation files, the social card, the embeddable
quote and the oEmbed description of it.

Every view here finds the answer through ``Pair.objects.public()`` (citation files through
``visible_to``, so an editor can try them before publishing): an unpublished answer is a 404,
as if it did not exist. The embed page is the only page of the site that other sites may frame.
"""

from urllib.parse import urlsplit

from csp.decorators import csp_replace
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import Resolver404, resolve, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from .. import cards, citations
from ..freshness import revalidated
from ..models import Pair
from ..sentences import shorten
from . import absolute_url

EMBED_QUOTE_LIMIT = 280  # characters of the answer an embed quotes, at a sentence boundary: fits 560 × 340
EMBED_WIDTH, EMBED_HEIGHT = 560, 340


def _pair(queryset, key):
    pair = queryset.for_display().prefetch_related("article__appearances").filter(key=key).first()
    if pair is None:
        raise Http404("No published answer has this link.")
    return pair


@require_safe
def citation_file(request, key, fmt):
    """The answer's citation as a BibTeX, RIS or CSL-JSON file (the accessed date is today)."""
    pair = _pair(Pair.objects.visible_to(request.user), key)
    source = citations.source_for(pair, absolute_url(request, pair.get_absolute_url()), timezone.localdate())
    _label, extension, content_type = citations.DOWNLOADS[fmt]
    response = HttpResponse(citations.download(source, fmt), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{citations.cite_key(source)}.{extension}"'
    return response


@require_safe
def card(request, key):
    """The answer's social-card PNG, drawn on first request and kept on disk per version."""
    facts = cards.facts_for(_pair(Pair.objects.public(), key))
    etag = f'"{facts.version}"'
    if request.headers.get("If-None-Match") == etag:
        response = HttpResponse(status=304)
    else:
        response = FileResponse(open(cards.card_file(facts), "rb"), content_type="image/png")
    response["ETag"] = etag
    # The address changes with the version (?v=…), so a versioned one may be kept for long.
    versioned = request.GET.get("v") == facts.version
    response["Cache-Control"] = "public, max-age=31536000, immutable" if versioned else "public, max-age=300"
    return response


# Outermost, so that a 304 answering a revalidation carries the same framing headers too.
@xframe_options_exempt
@csp_replace({"frame-ancestors": ["*"]})
@require_safe
@revalidated
def embed(request, key):
    """A small page quoting the answer, for an <iframe> on any site; it links back."""
    pair = _pair(Pair.objects.public(), key)
    return render(
        request,
        "archive/embed.html",
        {
            "pair": pair,
            "article": pair.article,
            "role": pair.role(),
            "quote": shorten(pair.answer or pair.question, EMBED_QUOTE_LIMIT),
            "permalink": absolute_url(request, pair.get_absolute_url()),
        },
    )


def _oembed_error(message, status):
    return JsonResponse({"error": message}, status=status)


def _int(value):
    return int(value) if value and value.isdigit() and len(value) < 6 else None


@require_safe
def oembed(request):
    """oEmbed 1.0 (https://oembed.com) for an answer's permalink: a "rich" iframe of its embed."""
    url = request.GET.get("url", "")
    if not url:
        return _oembed_error("Give the answer's address as ?url=…", 400)
    if request.GET.get("format", "json") != "json":
        return _oembed_error("Only format=json is offered.", 501)
    parts, site = urlsplit(url), urlsplit(absolute_url(request, "/"))
    try:
        match = resolve(parts.path) if parts.netloc == site.netloc else None
    except Resolver404:
        match = None
    if match is None or match.url_name not in ("pair_detail", "pair_embed"):
        return _oembed_error("This is not the address of an answer in this archive.", 404)
    try:
        pair = _pair(Pair.objects.public(), match.kwargs["key"])
    except Http404:
        return _oembed_error("No published answer has this address.", 404)
    facts = cards.facts_for(pair)
    max_width, max_height = _int(request.GET.get("maxwidth")), _int(request.GET.get("maxheight"))
    width, height = min(EMBED_WIDTH, max_width or EMBED_WIDTH), min(EMBED_HEIGHT, max_height or EMBED_HEIGHT)
    src = absolute_url(request, reverse("pair_embed", args=[pair.key]))
    title = f"{facts.speaker}: {shorten(facts.quote, 80, hard=True)}" if facts.speaker else pair.article.title
    data = {
        "version": "1.0",
        "type": "rich",
        "provider_name": cards.ARCHIVE_NAME,
        "provider_url": absolute_url(request, "/"),
        "title": title,
        "html": format_html(
            '<iframe src="{}" width="{}" height="{}" title="{}" loading="lazy" '
            'sandbox="allow-popups allow-popups-to-escape-sandbox" style="border:0"></iframe>',
            src,
            width,
            height,
            title,
        ),
        "width": width,
        "height": height,
        "cache_age": 86400,
    }
    if pair.speaker_id:
        data["author_name"] = facts.speaker
        data["author_url"] = absolute_url(request, pair.speaker.get_absolute_url())
    if (max_width or cards.WIDTH) >= cards.WIDTH and (max_height or cards.HEIGHT) >= cards.HEIGHT:
        # The card as thumbnail, unless the consumer asked for something smaller.
        data["thumbnail_url"] = absolute_url(request, reverse("pair_card", args=[pair.key])) + f"?v={facts.version}"
        data["thumbnail_width"], data["thumbnail_height"] = cards.WIDTH, cards.HEIGHT
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})
