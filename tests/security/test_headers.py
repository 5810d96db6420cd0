"""Security headers on every page, measured: a Content-Security-Policy without inline script
or style, nosniff, a referrer policy, framing refused (except the embed page, made to be
framed), a Permissions-Policy; and no page carries inline script or style the CSP would block."""

import re

import pytest
from django.test import Client

from .walk import addresses, crawl

pytestmark = pytest.mark.django_db(transaction=True)
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(ld\+)?json\")[^>]*>", re.I)
INLINE_STYLE = re.compile(r"<style\b|\sstyle=|\son[a-z]+=", re.I)
TEXTAREA = re.compile(r"<textarea\b.*?</textarea>", re.I | re.S)  # text to copy, never markup


def is_embed(path: str) -> bool:
    return path.rstrip("/").endswith("/embed") or "/embed/" in path


def csp(response) -> dict[str, list[str]]:
    header = response.get("Content-Security-Policy", "")
    return {d.split()[0]: d.split()[1:] for d in header.split(";") if d.strip()}


@pytest.fixture
def pages(seeds):
    from archive.models import Article, Pair, Speaker

    values = {
        "slug": [*Article.objects.values_list("slug", flat=True), *Speaker.objects.values_list("slug", flat=True)],
        "key": list(Pair.objects.values_list("key", flat=True)),
    }
    start = [p for paths in addresses(values).values() for p in paths]
    start += ["/search/?q=climate", "/search/?page=x", "/no-such-page/", "/a/nosuchkey/", "/admin/login/"]
    return crawl(Client(raise_request_exception=False), start, limit=300)


def test_every_page_sends_the_security_headers(pages):
    assert len(pages) > 20
    missing = {}
    for path, response in pages.items():
        policy = csp(response)
        wrong = []
        if policy.get("default-src") != ["'self'"]:
            wrong.append("default-src")
        for directive in ("script-src", "style-src"):
            if any("unsafe" in v or v.startswith("'nonce") for v in policy.get(directive, ["missing"])):
                wrong.append(directive)
        if response.get("X-Content-Type-Options") != "nosniff":
            wrong.append("nosniff")
        if not response.get("Referrer-Policy"):
            wrong.append("Referrer-Policy")
        if "camera=()" not in response.get("Permissions-Policy", ""):
            wrong.append("Permissions-Policy")
        if not is_embed(path) and (
            response.get("X-Frame-Options") != "DENY" or policy.get("frame-ancestors") != ["'none'"]
        ):
            wrong.append("framing")
        if wrong:
            missing[path] = wrong
    assert missing == {}


def test_no_public_page_carries_inline_script_or_style(pages):
    html = {path: TEXTAREA.sub("", r.text_body) for path, r in pages.items()}
    inline = {
        path: (INLINE_SCRIPT.findall(html[path]) or INLINE_STYLE.findall(html[path]))
        for path, r in pages.items()
        if r.get("Content-Type", "").startswith("text/html") and not path.startswith("/admin/")
    }
    assert {path: found for path, found in inline.items() if found} == {}


def test_the_embed_page_alone_may_be_framed(pages):
    framed = [path for path, r in pages.items() if "X-Frame-Options" not in r and r.status_code == 200]
    assert all(is_embed(path) for path in framed), framed
