"""In a real browser (Debian's Chromium through Playwright): a journalist searches, opens an
answer, and copies its link; the page works under the site's Content Security Policy."""

import os
import shutil

import pytest
from playwright.sync_api import expect

from archive.models import Pair

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
# between browser steps are still synchronous. The site itself runs in gunicorn.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="module")
def browser():
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI"):
            pytest.fail("Chromium is missing: `make test` installs Debian's chromium package")
        pytest.skip("Chromium is not installed (Debian package chromium); `make test` installs it as root")
    from playwright.sync_api import sync_playwright  # noqa: PLC0415

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(base_url=server)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    page = context.new_page()
    errors = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.console_errors = errors
    yield page
    context.close()


def test_search_open_answer_and_copy_its_link(page, seeds):
    page.goto("/")
    page.fill("#home-q", "antonio azerbaijan")
    page.press("#home-q", "Enter")
    page.wait_for_selector("ol.results")
    assert page.locator("li.result").count() == 1
    assert page.locator("li.result mark").first.inner_text() == "Azerbaijan"

    page.click("li.result a.permalink")
    pair = Pair.objects.get(answer__contains="Azerbaijan")
    assert f"/a/{pair.key}/?q=" in page.url
    assert page.locator("blockquote.answer mark").first.inner_text() == "Azerbaijan"

    page.click("a.copy-link")
    expect(page.locator(".copy-status")).to_have_text("Copied")
    assert page.evaluate("navigator.clipboard.readText()").endswith(f"/a/{pair.key}/")
    assert page.console_errors == []  # no CSP violation, no script error


def test_citation_copy_button_appears_only_with_javascript(page, seeds):
    pair = Pair.objects.first()
    page.goto(pair.get_absolute_url())
    button = page.locator("button.copy-button").first
    assert button.is_visible()
    button.click()
    expect(button).to_have_text("Copied")
    assert pair.key in page.evaluate("navigator.clipboard.readText()")
