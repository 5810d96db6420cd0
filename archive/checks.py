"""The archive's own system checks (`manage.py check`; `check --deploy` adds the deploy ones).

Django's deploy checks cover its own settings; these cover what only this project knows: the
address permalinks are built from, where the search index is written, and settings that
contradict each other behind TLS. docs/production.env passes all of them.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register

TEST_ONLY_HOSTS = {"testserver", "*"}


@register(Tags.compatibility)
def index_directory_writable(app_configs, **kwargs):
    """Every Whoosh index folder can be written (or created): otherwise each save would be
    queued for a retry that never succeeds."""
    problems = []
    for alias, connection in settings.HAYSTACK_CONNECTIONS.items():
        if "PATH" not in connection or "whoosh" not in connection["ENGINE"].lower():
            continue
        folder = Path(connection["PATH"])
        existing = next(p for p in (folder, *folder.parents) if p.exists())
        if not existing.is_dir() or not os.access(existing, os.W_OK | os.X_OK):
            problems.append(
                Error(
                    f"The search index folder {folder} cannot be written ({existing} is not a writable folder).",
                    hint="Give the user gunicorn runs as write access to ARCHIVE_DATA_DIR, or point SEARCH_URL elsewhere.",
                    obj=f"HAYSTACK_CONNECTIONS[{alias!r}]",
                    id="archive.E001",
                )
            )
    return problems


@register(Tags.security, deploy=True)
def public_address(app_configs, **kwargs):
    """In production the site knows its public address, answers to it, and nothing test-only."""
    problems = []
    if not settings.SITE_URL:
        problems.append(
            Error(
                "ARCHIVE_SITE_URL is not set: permalinks, citations and canonical URLs would take whatever Host a request names.",
                hint="Set ARCHIVE_SITE_URL=https://your.public.host (docs/production.env).",
                id="archive.E002",
            )
        )
    else:
        parts = urlsplit(settings.SITE_URL)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            problems.append(
                Error(f"ARCHIVE_SITE_URL={settings.SITE_URL!r} is not an http(s) address.", id="archive.E003")
            )
        elif not _host_allowed(parts.hostname):
            problems.append(
                Error(
                    f"The host of ARCHIVE_SITE_URL ({parts.hostname}) is not in DJANGO_ALLOWED_HOSTS.",
                    hint="Add it to DJANGO_ALLOWED_HOSTS, or every request to the public address is refused.",
                    id="archive.E004",
                )
            )
    if test_only := sorted(TEST_ONLY_HOSTS & set(settings.ALLOWED_HOSTS)):
        problems.append(
            Warning(
                f"DJANGO_ALLOWED_HOSTS contains {', '.join(test_only)}, which a deployment never needs.",
                hint="List the public host names only.",
                id="archive.W005",
            )
        )
    return problems


@register(Tags.security, deploy=True)
def secure_cookies_behind_tls(app_configs, **kwargs):
    """A site reached over HTTPS sends its session and CSRF cookies over HTTPS only, and does
    not also claim a plain-HTTP public address."""
    behind_tls = bool(
        settings.SITE_URL.startswith("https://") or settings.SECURE_SSL_REDIRECT or settings.SECURE_PROXY_SSL_HEADER
    )
    problems = []
    if behind_tls and not (settings.SESSION_COOKIE_SECURE and settings.CSRF_COOKIE_SECURE):
        problems.append(
            Error(
                "The site is served over HTTPS but its session and CSRF cookies may travel over plain HTTP.",
                hint="Set DJANGO_SECURE_COOKIES=true.",
                id="archive.E006",
            )
        )
    if settings.SITE_URL.startswith("http://") and (settings.SECURE_SSL_REDIRECT or settings.SECURE_HSTS_SECONDS):
        problems.append(
            Error(
                "ARCHIVE_SITE_URL is http:// while the site redirects to HTTPS or sends HSTS: links would point at a redirect.",
                hint="Use the https:// address in ARCHIVE_SITE_URL.",
                id="archive.E007",
            )
        )
    return problems


def _host_allowed(host: str) -> bool:
    for allowed in settings.ALLOWED_HOSTS:
        if (
            allowed == "*"
            or allowed == host
            or (allowed.startswith(".") and (host.endswith(allowed) or host == allowed[1:]))
        ):
            return True
    return False
