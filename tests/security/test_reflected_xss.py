"""Reflected XSS: every query parameter of every public view (the search form's fields, the
names any page's forms and links use, and those the views read) carrying script, event
handler, javascript: URL, template-syntax and tag-breaking payloads comes back escaped, in
the page, its suggestions and its facet links; none is a server error."""

import re
from pathlib import Path
from urllib.parse import parse_qsl, quote, urlsplit

import pytest
from django.test import Client

from archive.forms import SearchForm

from .walk import addresses, crawl

pytestmark = pytest.mark.django_db(transaction=True)
VIEWS = Path(__file__).resolve().parents[2] / "archive" / "views"
PAYLOADS = [
    # One string with each breaking-out attempt, after a misspelling so the suggestion echoes it.
    'climat" onmouseover="alert(1) \'><img src=x onerror=alert(1)> "><script>alert(1)</script>'
    " </textarea></title><svg onload=alert(1)> zq{{ 7|add:7 }}zq zq{% now 'Y' %}zq",
    "javascript:alert(1)",
]
ESCAPED_AWAY = re.compile(r"<script>alert|<img src=x onerror|<svg onload|zq\d+zq")
ATTRIBUTE_BREAK = re.compile(r"\" onmouseover=\"alert")  # in HTML; a quote in XML text is only text
JS_LINK = re.compile(r"""(?:href|src|action)\s*=\s*["']?\s*javascript:""", re.I)
FORM_FIELD = re.compile(r"""<(?:input|select|textarea)[^>]*\bname=["']([^"']+)""", re.I)


def parameter_names(pages) -> set[str]:
    names = set(SearchForm().fields) | {"from", "to", "next", "callback"}
    for source in VIEWS.glob("*.py"):
        names |= set(re.findall(r"""GET(?:\.get|\.getlist)?\(?\[?["']([a-z_]+)["']""", source.read_text()))
    for path, response in pages.items():
        names |= set(FORM_FIELD.findall(response.text_body))
        names |= {key for key, _ in parse_qsl(urlsplit(path).query)}
    return {n for n in names if not n.startswith("csrf")}


def test_every_parameter_of_every_public_view_comes_back_escaped(seeds):
    from archive.models import Article, Pair, Speaker

    client = Client(raise_request_exception=False)
    values = {
        "slug": [Article.objects.first().slug, Speaker.objects.first().slug],
        "key": [Pair.objects.first().key],
    }
    views = [paths[0] for paths in addresses(values).values() if paths]
    pages = crawl(client, [*views, "/search/?q=climate"], limit=80)
    names = parameter_names(pages)
    assert {"q", "speaker", "outlet", "page", "sort", "from", "to"} <= names
    unescaped, errors, tried = [], [], 0
    for view in views:
        # Each search field on its own (one invalid field hides the results), the other names
        # all at once, each beside a query that finds something so results, facets and
        # suggestions render.
        groups = [[n] for n in sorted(names & set(SearchForm().fields))] + [sorted(names - set(SearchForm().fields))]
        for group in groups:
            for payload in PAYLOADS:
                base = "" if group == ["q"] else "q=climate&"
                url = f"{view}?{base}" + "&".join(f"{name}={quote(payload)}" for name in group)
                response = client.get(url)
                tried += 1
                # 501 is oEmbed's own answer to a format it does not serve (oembed.com, 2.3.4).
                if response.status_code >= 500 and not (response.status_code == 501 and "oembed" in view):
                    errors.append((url, response.status_code))
                kind = response.get("Content-Type", "")
                if not kind.startswith(
                    ("text/html", "application/xml", "application/atom", "application/rss", "text/xml")
                ):
                    continue  # JSON and CSV are data, never rendered as a page (nosniff)
                text = b"".join(response.streaming_content) if response.streaming else response.content
                text = text.decode("utf-8", "replace")
                html = kind.startswith("text/html")
                if ESCAPED_AWAY.search(text) or JS_LINK.search(text) or (html and ATTRIBUTE_BREAK.search(text)):
                    unescaped.append(url)
    assert tried > 200
    assert errors == [] and unescaped == []
