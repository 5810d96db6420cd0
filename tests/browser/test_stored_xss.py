"""Stored XSS: interview files whose title, speaker, role, outlet, photo credit, source URL,
questions and answers carry script, event-handler, javascript: URL, template-syntax and
tag-breaking payloads, imported by the command and by the admin (and then edited raw, past
the parser's cleaning, as an editor could), rendered in Chromium on every page type with a
dialog listener: nothing runs, and no page's HTML holds a payload unescaped."""

import re
import urllib.request
from urllib.parse import urlsplit

import pytest
from django.urls import resolve

from archive.importer import import_file
from archive.models import Article, Pair, Speaker

from ..admin.preview import import_all
from ..security.walk import same_site_links
from .test_browser import browser  # noqa: F401  (the Chromium fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCRIPT = "<script>alert('{0}')</script>"
HANDLER = "\"><img src=x onerror=alert('{0}')>"
BREAK = "</title></textarea><svg onload=alert('{0}')>"
TEMPLATE = "zq{{{{ 7|add:7 }}}}zq{{% now 'Y' %}}"


def payload(where: str) -> str:
    return f"{where} {SCRIPT.format(where)} {HANDLER.format(where)} {BREAK.format(where)} {TEMPLATE}"


def interview(tag: str) -> str:
    return f"""Title: Zorp {payload("title")}
Date: 2024-05-01
Outlet: Zorp Outlet {payload("outlet")}
Source: javascript:alert('source')
Speaker: Ann Zorp {HANDLER.format("speaker")}
Role: Envoy {payload("role")}
Photo credit: {payload("credit")}

Zorp {tag}: what about <script>alert('question')</script> and \\" onmouseover=\\"alert('q2')?

Zorp answer {tag}: {payload("answer")} [link](javascript:alert('md'))

And the second zorp question {SCRIPT.format("question2")}?

The second zorp answer {tag}, {HANDLER.format("answer2")} done.
"""


UNESCAPED = re.compile(
    # template syntax shown as typed is harmless; rendered, it would read zq14zq or }}zq2026
    r"<script>alert|<img src=x onerror|<svg onload|zq14zq|\}\}zq\d{4}|"
    r"""(?:href|src|action)\s*=\s*["']?\s*javascript:""",
    re.I,
)


@pytest.fixture
def hostile(tmp_path, staff_client):
    path = tmp_path / "zorp-command.txt"
    path.write_text(interview("command"))
    assert import_file(path).ok
    response = import_all(staff_client, interview("admin"), name="zorp-admin.txt")
    assert response.status_code == 302
    # An editor's raw edit, past the parser's cleaning: the templates alone must escape it.
    Article.objects.filter(import_ref="zorp-admin.txt").update(
        title="Zorp edited " + payload("edited-title"),
        photo_credit=payload("edited-credit"),
        source_url="javascript:alert('edited-source')",
        is_published=True,
    )
    for pair in Pair.objects.filter(article__import_ref="zorp-admin.txt"):
        pair.question = "Zorp edited question " + payload("edited-question") + "?"
        pair.answer = "Zorp edited answer " + payload("edited-answer")
        pair.save()
    speakers = Speaker.objects.filter(pairs__article__import_ref="zorp-admin.txt").values_list("pk", flat=True)
    Speaker.objects.filter(pk__in=list(speakers)).update(name="Ann Zorp " + payload("edited-spk"))  # 199 of 200
    Article.objects.update(is_published=True)
    assert Pair.objects.count() >= 4


def page_paths() -> list[str]:
    pairs = list(Pair.objects.all())
    return [
        "/",
        "/articles/",
        "/speakers/",
        *(a.get_absolute_url() for a in Article.objects.all()),
        *(s.get_absolute_url() for s in Speaker.objects.all()),
        *(p.get_absolute_url() for p in pairs),
        *(p.get_absolute_url() + "?q=zorp" for p in pairs),
        "/search/?q=zorp",
        "/search/?q=zorp+answer&view=speakers",
        "/search/?q=zorpp+answr",  # a suggestion
        "/search/?q=zorp&sort=newest&from=2024&to=2024",
        "/search/?q=%22second+zorp%22",
    ]


def test_no_payload_runs_or_comes_back_unescaped_on_any_page(browser, server, hostile):  # noqa: F811
    fetched, queue = {}, page_paths()
    while queue and len(fetched) < 80:
        path = queue.pop(0)
        if path in fetched:
            continue
        try:
            with urllib.request.urlopen(server + path, timeout=30) as response:
                kind, body = response.headers.get("Content-Type", ""), response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            kind, body = error.headers.get("Content-Type", ""), error.read().decode("utf-8", "replace")
            assert error.code < 500, path
        fetched[path] = (kind, body)
        if kind.startswith(("text/html", "application/xml", "application/atom")):
            queue += [p for p in same_site_links(body, path) if p not in fetched]
    unescaped = {
        path: UNESCAPED.findall(body)
        for path, (kind, body) in fetched.items()
        if kind.startswith(("text/html", "application/xml", "application/atom", "application/rss"))
    }
    assert {path: found for path, found in unescaped.items() if found} == {}

    dialogs, errors = [], []
    context = browser.new_context(base_url=server)
    page = context.new_page()
    page.on("dialog", lambda dialog: (dialogs.append((page.url, dialog.message)), dialog.dismiss()))
    page.on("pageerror", lambda error: errors.append(str(error)))
    # In the browser: one page of each kind (the raw HTML above covers every page found).
    kinds = {}
    for path, (kind, _) in fetched.items():
        if kind.startswith("text/html"):
            kinds.setdefault((resolve(urlsplit(path).path).url_name, "?" in path), path)
    rendered = list(kinds.values())
    for path in rendered:
        page.goto(path)
        page.hover("body")
    for link in page.locator("a").all()[:20]:  # the last page's links, as a reader would see them
        assert not (link.get_attribute("href") or "").lower().startswith("javascript:")
    context.close()
    assert len(rendered) > 10
    assert dialogs == [] and errors == []


def test_the_source_link_appears_only_for_web_addresses(server, hostile):
    imported = Article.objects.get(import_ref="zorp-command.txt")
    assert imported.source_url == ""  # the importer kept no javascript: address
    body = urllib.request.urlopen(server + Article.objects.get(import_ref="zorp-admin.txt").get_absolute_url()).read()
    assert b">Original</a>" not in body  # the raw edit's javascript: address is not linked
    Article.objects.filter(pk=imported.pk).update(source_url="https://example.org/zorp")
    assert b'href="https://example.org/zorp"' in urllib.request.urlopen(server + imported.get_absolute_url()).read()
