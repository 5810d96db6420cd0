"""Small pieces of the site's security that Django and its libraries leave to the project:
the Permissions-Policy header, and the client address django-axes counts login failures by."""

from urllib.parse import urlsplit

from django.conf import settings


class PermissionsPolicyMiddleware:
    """Adds ``settings.PERMISSIONS_POLICY`` to every response that has none."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


def client_ip(request) -> str:
    """The address a login attempt came from.

    Behind a proxy (DJANGO_BEHIND_PROXY) every request arrives from the proxy, so the last
    X-Forwarded-For entry, the one the proxy itself appended, names the client; the entries
    before it are whatever the client sent and are not trusted. Without a proxy the header is
    ignored entirely, so nobody escapes a lockout by sending one.
    """
    if settings.BEHIND_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").rsplit(",", 1)[-1].strip()
        if forwarded:
            return forwarded
    return request.META.get("REMOTE_ADDR", "")


def is_web_address(url: str) -> bool:
    """An http(s) address with a host: the only kind of source URL stored or linked (a
    ``javascript:`` or ``data:`` link in an imported file is dropped)."""
    parts = urlsplit(url.strip())
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def client_username(request, credentials=None) -> str:
    """The user name django-axes counts failures by: as typed, without NUL or control
    characters and at most 150 characters (Django's own limit), so an odd login post is a
    refused login, never a database error."""
    data = credentials if credentials else getattr(request, "POST", {})
    name = str((data or {}).get("username") or "")
    return "".join(c for c in name if c >= " " and c != "\x7f")[:150]
