"""Following the archive: Atom feeds, the sitemap, robots.txt and the OpenSearch description."""

from django.contrib.sitemaps import views as sitemap_views
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.http import require_safe

from ..feeds import InterviewsFeed, SearchFeed, SpeakerFeed
from ..forms import SearchForm
from ..freshness import revalidated
from ..models import Speaker, SpeakerAlias
from ..sitemaps import SITEMAPS
from . import absolute_url

interviews_feed = require_safe(revalidated(InterviewsFeed()))


@require_safe
@revalidated
def speaker_feed(request, slug):
    speaker = Speaker.objects.public().filter(slug=slug).first()
    if speaker is None:
        # A merged speaker's feed moves with them, as their page does.
        merged = get_object_or_404(SpeakerAlias.objects.select_related("speaker"), slug=slug)
        return redirect("speaker_feed", merged.speaker.slug, permanent=True)
    return SpeakerFeed()(request, speaker=speaker)


@require_safe
@revalidated
def search_feed(request):
    form = SearchForm(request.GET)
    if not form.is_valid():
        reasons = " ".join(str(e) for errors in form.errors.values() for e in errors)
        return HttpResponseBadRequest(f"This feed's search is not valid: {reasons}", content_type="text/plain")
    return SearchFeed()(request, data=form.cleaned_data)


@require_safe
def sitemap_index(request):
    return sitemap_views.index(request, SITEMAPS, sitemap_url_name="sitemap_section")


@require_safe
def sitemap_section(request, section):
    return sitemap_views.sitemap(request, SITEMAPS, section=section)


@require_safe
def robots_txt(request):
    sitemap = absolute_url(request, reverse("sitemap"))
    return render(request, "robots.txt", {"sitemap": sitemap}, content_type="text/plain; charset=utf-8")


@require_safe
def opensearch(request):
    return render(
        request,
        "opensearch.xml",
        {
            "search": absolute_url(request, reverse("search")),
            "feed": absolute_url(request, reverse("search_feed")),
            "icon": absolute_url(request, static("archive/favicon.svg")),
        },
        content_type="application/opensearchdescription+xml; charset=utf-8",
    )
