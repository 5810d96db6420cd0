"""Every public address of the site, found the way an outsider would: each named pattern of
archive/urls.py (so patterns added later are walked too) filled with the identifiers given,
then every same-site link the pages and sitemaps name, up to a limit."""

import itertools
import re
from urllib.parse import urljoin, urlsplit

from django.urls import NoReverseMatch, URLPattern, reverse

from archive import urls

# Literal values some parameters take (a regex alternative, a sitemap section), tried beside
# the identifiers a test passes; a value that does not fit the pattern is skipped by reverse().
KNOWN_VALUES = {"kind": ["csv", "json"], "format": ["csv", "json"]}
LINK = re.compile(r"""(?:href|src|action)=["']([^"'#]+)|<loc>([^<]+)</loc>""")


def public_patterns() -> list[URLPattern]:
    """The site's own patterns: everything in archive.urls but the admin."""
    return [p for p in urls.urlpatterns if isinstance(p, URLPattern)]


def parameters(pattern: URLPattern) -> list[str]:
    regex = pattern.pattern.regex
    return list(regex.groupindex)


def addresses(values: dict[str, list[str]]) -> dict[str, list[str]]:
    """Each pattern's name and the paths it gives for the values at hand."""
    found = {}
    every_value = sorted({v for vs in values.values() for v in vs})
    for pattern in public_patterns():
        names = parameters(pattern)
        options = [values.get(n, []) + KNOWN_VALUES.get(n, []) or every_value for n in names]
        paths = []
        for combination in itertools.product(*options):
            try:
                paths.append(reverse(pattern.name, kwargs=dict(zip(names, combination, strict=True))))
            except NoReverseMatch:
                continue
        found[pattern.name] = sorted(set(paths))
    return found


def same_site_links(body: str, base: str) -> set[str]:
    links = set()
    for match in LINK.finditer(body):
        url = urljoin(base, (match.group(1) or match.group(2)).replace("&amp;", "&"))
        parts = urlsplit(url)
        if parts.netloc in ("", "testserver") and parts.scheme in ("", "http", "https"):
            path = parts.path + (f"?{parts.query}" if parts.query else "")
            if not path.startswith(("/admin/", "/static/")):
                links.add(path)
    return links


def body(response) -> str:
    """The response's text, streamed or not."""
    if response.streaming:
        return b"".join(response.streaming_content).decode("utf-8", "replace")
    return response.content.decode("utf-8", "replace")


def crawl(client, start: list[str], limit: int = 400) -> dict[str, object]:
    """GET every path in ``start`` and every same-site link they lead to, ``limit`` at most."""
    seen: dict[str, object] = {}
    queue = list(dict.fromkeys(start))
    while queue and len(seen) < limit:
        path = queue.pop(0)
        if path in seen:
            continue
        response = client.get(path)
        response.text_body = body(response)
        seen[path] = response
        if response.get("Content-Type", "").startswith(
            ("text/", "application/xml", "application/atom", "application/rss")
        ):
            queue.extend(sorted(same_site_links(response.text_body, path) - seen.keys()))
    return seen
