"""The search page, its help page, and the same search as JSON."""

import logging

from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from ..forms import SearchForm
from ..freshness import revalidated
from ..search import search_answers
from . import absolute_url

log = logging.getLogger(__name__)


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
    return JsonResponse(
        results.as_json(lambda path: absolute_url(request, path), path=request.path),
        json_dumps_params={"ensure_ascii": False},
    )
