"""In a real browser: a shared answer shows its card, a citation copies with one click, and the
embeddable quote renders inside an iframe on another site (another loopback port), while the
answer page itself refuses to be framed."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import expect

from archive.models import Pair

from .test_browser import browser, page  # noqa: F401 (the fixtures: Chromium and a page on the site)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def other_site():
    """A tiny site on another loopback port: it serves whatever page the test gives it."""
    pages = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            body = pages.get(self.path, "").encode()
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    httpd.pages = pages
    httpd.url = f"http://127.0.0.1:{httpd.server_address[1]}"
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def test_shared_answer_has_its_card_image(page, seeds):  # noqa: F811
    pair = Pair.objects.get(answer__contains="Azerbaijan")
    page.goto(pair.get_absolute_url())
    og_image = page.locator('meta[property="og:image"]').get_attribute("content")
    assert page.locator('meta[name="twitter:card"]').get_attribute("content") == "summary_large_image"
    card = page.locator(".share-card img")
    assert card.get_attribute("src") == og_image
    card.scroll_into_view_if_needed()
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=card.element_handle())
    assert card.evaluate("img => [img.naturalWidth, img.naturalHeight]") == [1200, 630]
    response = page.request.get(og_image)
    assert response.status == 200 and response.headers["content-type"] == "image/png"
    assert page.console_errors == []


def test_a_citation_copies_with_one_click(page, seeds):  # noqa: F811
    pair = Pair.objects.get(answer__contains="Azerbaijan")
    page.goto(pair.get_absolute_url())
    button = page.locator("#cite-apa button.copy-button")
    expect(button).to_be_visible()
    button.click()
    expect(button).to_have_text("Copied")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == page.locator("#cite-apa .citation-text").inner_text()
    assert copied.startswith("Guterres, A. (n.d.).") and copied.endswith(f"/a/{pair.key}/")
    assert page.console_errors == []


def test_embed_renders_inside_an_iframe_on_another_site(page, seeds, server, other_site):  # noqa: F811
    pair = Pair.objects.get(answer__contains="Azerbaijan")
    other_site.pages["/story.html"] = (
        "<!doctype html><title>A story</title><h1>Someone else's story</h1>"
        f'<iframe id="quote" src="{server}/a/{pair.key}/embed/" width="560" height="340"></iframe>'
        f'<iframe id="page" name="page" src="{server}/a/{pair.key}/" width="560" height="340"></iframe>'
    )
    page.goto(other_site.url + "/story.html")
    quote = page.frame_locator("#quote")
    expect(quote.locator("blockquote")).to_contain_text("The climate crisis and water scarcity")
    expect(quote.locator("figcaption")).to_contain_text("António Guterres")
    link = quote.locator("a", has_text="Read the question and the whole answer")
    assert link.get_attribute("href") == f"{server}/a/{pair.key}/"
    # The answer page itself stays DENY: the browser refuses to show it in the frame.
    page.wait_for_load_state("load")
    framed = page.frame(name="page")
    assert framed.url.startswith("chrome-error://")
    assert framed.locator("blockquote.answer").count() == 0
