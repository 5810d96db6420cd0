"""One answer's permalink: the question and answer in context, or why the link is gone."""

from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe

from ..freshness import revalidated
from ..models import Article, Pair, RemovedPair
from ..search import marker_for, related_answers
from . import absolute_url


@require_safe
@revalidated
def pair_detail(request, key):
    pair = Pair.objects.visible_to(request.user).for_display().filter(key=key).first()
    if pair is None:
        removed = RemovedPair.objects.filter(key=key).first()
        if removed is None:
            raise Http404("No answer has this link.")
        article = Article.objects.public().filter(slug=removed.article_slug).first()
        return render(request, "archive/pair_gone.html", {"removed": removed, "article": article}, status=410)
    siblings = list(pair.article.pairs.values_list("key", "position"))
    index = next(i for i, (k, _) in enumerate(siblings) if k == key)
    return render(
        request,
        "archive/pair_detail.html",
        {
            "pair": pair,
            "article": pair.article,
            "permalink": absolute_url(request, pair.get_absolute_url()),
            "role": pair.role(),
            "previous": siblings[index - 1][0] if index > 0 else None,
            "next": siblings[index + 1][0] if index + 1 < len(siblings) else None,
            "marker": marker_for(request.GET, pair.article.language),
            "related": related_answers(pair) if pair.article.is_published else [],
        },
    )
