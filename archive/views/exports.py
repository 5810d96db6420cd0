"""A search's answers as a CSV or JSON download, for data desks (archive.exports)."""

import logging

from django.http import HttpResponse, HttpResponseBadRequest, StreamingHttpResponse
from django.utils.text import slugify
from django.views.decorators.http import require_safe

from ..exports import Export
from ..forms import SearchForm
from . import absolute_url

log = logging.getLogger(__name__)

TYPES = {"csv": "text/csv; charset=utf-8", "json": "application/json; charset=utf-8"}


@require_safe
def export(request, kind):
    form = SearchForm(request.GET)
    if not form.is_valid():
        reasons = " ".join(str(e) for errors in form.errors.values() for e in errors)
        return HttpResponseBadRequest(f"This search cannot be exported: {reasons}", content_type="text/plain")
    try:
        rows = Export.of(form.cleaned_data)
    except Exception:
        log.exception("Export failed for %r", form.cleaned_data["q"])
        return HttpResponse(
            "Search is unavailable for a moment; try again shortly.", status=503, content_type="text/plain"
        )

    def absolute(path):
        return absolute_url(request, path)

    if kind == "csv":
        body = rows.csv_lines(absolute)
    else:
        body = rows.json_chunks(absolute, form.cleaned_data["q"])
    response = StreamingHttpResponse(body, content_type=TYPES[kind])
    name = slugify(form.cleaned_data["q"])[:40] or "answers"
    response["Content-Disposition"] = f'attachment; filename="archive-{name}.{kind}"'
    response["X-Archive-Count"] = str(rows.count)
    response["X-Archive-Exported"] = str(rows.exported)
    return response
