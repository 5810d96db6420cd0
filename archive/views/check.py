"""The quote check page: /check/ (a form) and /check/?q=… (a link to a check)."""

import logging

from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from ..citations import Source, attribution
from ..quotecheck import QuoteForm, check
from . import absolute_url

log = logging.getLogger(__name__)


@require_safe
def quote_check(request):
    if "q" not in request.GET:
        return render(request, "archive/check.html", {"check_form": QuoteForm()})
    form = QuoteForm(request.GET)
    if not form.is_valid():
        return render(request, "archive/check.html", {"check_form": form}, status=400)
    try:
        verdict = check(form.cleaned_data["q"])
    except Exception:
        log.exception("Quote check failed for %r", form.cleaned_data["q"])
        return render(request, "archive/check.html", {"check_form": form, "unavailable": True}, status=503)
    today = timezone.localdate()
    for placement in verdict.placements:
        hit = placement.hit
        placement.permalink = absolute_url(request, hit.get_absolute_url())
        placement.citation = attribution(
            Source(
                key=hit.key,
                url=placement.permalink,
                accessed=today,
                question=hit.question,
                speaker=hit.speaker_name,
                role=hit.speaker_role,
                title=hit.article_title,
                outlet=hit.outlet,
                published=hit.published,
                language=hit.language,
            )
        )
    return render(request, "archive/check.html", {"check_form": form, "verdict": verdict})
