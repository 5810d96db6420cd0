"""HTTP revalidation for public pages: ETag, Last-Modified and Cache-Control.

What a public page shows changes only when the archive does, and every save, import, merge
or deletion writes the search index (archive.indexing), whose generation therefore stands
for the whole archive's state. A page's ETag is that generation plus the release (a digest
of the code and templates), its Last-Modified the time of that index commit. A browser or a
proxy that asks again with If-None-Match gets 304 Not Modified before any database query or
search is run. Pages are marked ``max-age=0, must-revalidate``: a correction shows at once.

Staff see unpublished articles, so their pages are neither validated nor kept by caches.
Engines other than Whoosh expose no generation: their pages are served without validators.
"""

import hashlib
from datetime import UTC, datetime
from functools import cache, wraps
from pathlib import Path

from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.decorators.http import condition
from haystack import connections

PACKAGE = Path(__file__).resolve().parent
TEMPLATES = PACKAGE.parent / "templates"


@cache
def release() -> str:
    """A digest of the code and templates this process serves."""
    digest = hashlib.sha256()
    for path in sorted([*PACKAGE.rglob("*.py"), *TEMPLATES.rglob("*.html")]):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _index_version(request):
    if request.user.is_authenticated:
        return None
    version = getattr(connections["default"].get_backend(), "version", None)
    return version() if version else None


def _etag(request, *args, **kwargs):
    # The commit's time as well as its number: an index swapped for a rebuilt one
    # (docs/deployment.md) may have reached the same generation.
    version = _index_version(request)
    return f"{release()}-{version[0]}-{version[1]:.6f}" if version else None


def _last_modified(request, *args, **kwargs):
    version = _index_version(request)
    return datetime.fromtimestamp(version[1], tz=UTC) if version else None


def revalidated(view):
    """Serve ``view`` with validators for anonymous readers (304 when nothing changed)."""
    conditional = condition(etag_func=_etag, last_modified_func=_last_modified)(view)

    @wraps(view)
    def inner(request, *args, **kwargs):
        response = conditional(request, *args, **kwargs)
        if request.user.is_authenticated:
            patch_cache_control(response, private=True, no_cache=True)
        else:
            patch_cache_control(response, max_age=0, must_revalidate=True)
        patch_vary_headers(response, ["Cookie"])
        return response

    return inner
