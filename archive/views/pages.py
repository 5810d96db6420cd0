"""The archive's reading pages: home, articles and speakers."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_safe

from ..forms import SearchForm
from ..freshness import revalidated
from ..models import Article, Pair, Speaker, SpeakerAlias
from ..search import marker_for
from . import absolute_url


@require_safe
@revalidated
def home(request):
    return render(
        request,
        "archive/home.html",
        {
            "form": SearchForm(),
            "articles": Article.objects.public()[:10],
            "speakers": Speaker.objects.with_answer_counts().filter(answers__gt=0).order_by("-answers", "name")[:20],
        },
    )


@require_safe
@revalidated
def article_list(request):
    articles = Article.objects.visible_to(request.user).with_answer_counts().order_by(*Article._meta.ordering)
    page = Paginator(articles, 30).get_page(request.GET.get("page"))
    return render(request, "archive/article_list.html", {"page": page})


@require_safe
@revalidated
def article_detail(request, slug):
    article = get_object_or_404(Article.objects.visible_to(request.user), slug=slug)
    return render(
        request,
        "archive/article_detail.html",
        {
            "article": article,
            "pairs": article.pairs.select_related("speaker"),
            "appearances": article.appearances.select_related("speaker"),
            "canonical": absolute_url(request, article.get_absolute_url()),
            "marker": marker_for(request.GET, article.language),
        },
    )


@require_safe
@revalidated
def speaker_list(request):
    speakers = Speaker.objects.with_answer_counts().filter(answers__gt=0).order_by("name")
    return render(request, "archive/speaker_list.html", {"speakers": speakers})


@require_safe
@revalidated
def speaker_detail(request, slug):
    speaker = Speaker.objects.visible_to(request.user).prefetch_related("aliases").filter(slug=slug).first()
    if speaker is None:
        # The page of a speaker merged into another one moves with them.
        merged = get_object_or_404(SpeakerAlias.objects.select_related("speaker"), slug=slug)
        return redirect(merged.speaker, permanent=True)
    pairs = (
        Pair.objects.public()
        .for_display()
        .filter(speaker=speaker)
        .order_by("-article__published", "article", "position")
    )
    page = Paginator(pairs, 20).get_page(request.GET.get("page"))
    return render(request, "archive/speaker_detail.html", {"speaker": speaker, "page": page})
