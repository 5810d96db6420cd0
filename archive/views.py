"""Public pages: search, articles, speakers, and one page per answer."""

import logging

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_safe

from .freshness import revalidated
from .models import Article, Pair, RemovedPair, Speaker, SpeakerAlias
from .search import SearchForm, marker_for, related_answers, search_answers

log = logging.getLogger(__name__)


def absolute_url(request, path: str) -> str:
    """A full URL for sharing: ARCHIVE_SITE_URL when set (behind a proxy), else this request's."""
    return settings.SITE_URL + path if settings.SITE_URL else request.build_absolute_uri(path)


def _visible_articles(request):
    articles = Article.objects.all()
    return articles if request.user.is_staff else articles.published()


@require_safe
@revalidated
def home(request):
    context = {
        "form": SearchForm(),
        "articles": Article.objects.published()[:10],
        "speakers": Speaker.objects.annotate(
            answers=Count("pairs", filter=Q(pairs__article__is_published=True))
        ).filter(answers__gt=0).order_by("-answers", "name")[:20],
    }
    return render(request, "archive/home.html", context)


def _search(form, **options):
    """The search's results, or None when the search engine failed (a cluster that is down
    or restarting): the reader gets "unavailable", the log gets the reason."""
    try:
        return search_answers(form.cleaned_data["q"], **form.search_kwargs(), **options)
    except Exception:
        log.exception("Search failed for %r", form.cleaned_data["q"])
        return None


@require_safe
@revalidated
def search(request):
    form = SearchForm(request.GET)
    if not form.is_valid():
        return render(request, "archive/search.html", {"form": form}, status=400)
    results = _search(form)
    if results is None:
        return render(request, "archive/search.html", {"form": form, "unavailable": True}, status=503)
    return render(request, "archive/search.html", {"form": form, "results": results})


@require_safe
@revalidated
def search_help(request):
    return render(request, "archive/search_help.html", {"form": SearchForm()})


@require_safe
@revalidated
def api_search(request):
    form = SearchForm(request.GET)
    if not form.is_valid():
        return JsonResponse({"error": "invalid query", "errors": form.errors_by_field()}, status=400)
    results = _search(form, with_articles=False)
    if results is None:
        return JsonResponse({"error": "search unavailable", "errors": {}}, status=503)
    return JsonResponse(results.as_json(lambda path: absolute_url(request, path), path=request.path),
                        json_dumps_params={"ensure_ascii": False})


@require_safe
@revalidated
def article_list(request):
    articles = _visible_articles(request).annotate(answers=Count("pairs")).order_by(*Article._meta.ordering)
    page = Paginator(articles, 30).get_page(request.GET.get("page"))
    return render(request, "archive/article_list.html", {"page": page})


@require_safe
@revalidated
def article_detail(request, slug):
    article = get_object_or_404(_visible_articles(request), slug=slug)
    pairs = article.pairs.select_related("speaker")
    appearances = article.appearances.select_related("speaker")
    roles = {a.speaker_id: a.role for a in appearances}
    return render(request, "archive/article_detail.html", {
        "article": article, "pairs": pairs, "canonical": absolute_url(request, article.get_absolute_url()),
        "appearances": appearances, "roles": roles, "marker": marker_for(request.GET, article.language),
    })


@require_safe
@revalidated
def speaker_list(request):
    speakers = Speaker.objects.annotate(
        answers=Count("pairs", filter=Q(pairs__article__is_published=True))
    ).order_by("name")
    return render(request, "archive/speaker_list.html", {"speakers": speakers})


@require_safe
@revalidated
def speaker_detail(request, slug):
    speaker = Speaker.objects.prefetch_related("aliases").filter(slug=slug).first()
    if speaker is None:
        # The page of a speaker merged into another one moves with them.
        merged = get_object_or_404(SpeakerAlias.objects.select_related("speaker"), slug=slug)
        return redirect(merged.speaker, permanent=True)
    pairs = Pair.objects.published().for_display().filter(speaker=speaker).order_by(
        "-article__published", "article", "position"
    )
    page = Paginator(pairs, 20).get_page(request.GET.get("page"))
    return render(request, "archive/speaker_detail.html", {
        "speaker": speaker, "page": page, "form": SearchForm(initial={"speaker": speaker.slug}),
        "appearances": speaker.appearances.select_related("article").filter(article__is_published=True),
    })


@require_safe
@revalidated
def pair_detail(request, key):
    pair = Pair.objects.for_display().filter(key=key).first()
    if pair is None or not (pair.article.is_published or request.user.is_staff):
        removed = RemovedPair.objects.filter(key=key).first()
        if removed is None:
            raise Http404("No answer has this link.")
        article = Article.objects.published().filter(slug=removed.article_slug).first()
        return render(request, "archive/pair_gone.html", {"removed": removed, "article": article}, status=410)
    siblings = list(pair.article.pairs.values_list("key", "position"))
    index = next(i for i, (k, _) in enumerate(siblings) if k == key)
    return render(request, "archive/pair_detail.html", {
        "pair": pair,
        "article": pair.article,
        "permalink": absolute_url(request, pair.get_absolute_url()),
        "role": pair.role(),
        "previous": siblings[index - 1][0] if index > 0 else None,
        "next": siblings[index + 1][0] if index + 1 < len(siblings) else None,
        "marker": marker_for(request.GET, pair.article.language),
        "related": related_answers(pair) if pair.article.is_published else [],
    })
