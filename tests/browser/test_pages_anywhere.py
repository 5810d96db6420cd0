"""In Chromium (Playwright, Debian's package): a journalist follows a search and sees a new
answer after an import, checks an altered quote, reads on a 390 px phone, prints an answer;
axe-core (npm's package, `make test` installs it) finds nothing serious on any page type, in
light and dark mode; the skip link leads to the content."""

import os
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from playwright.sync_api import expect

from archive.importer import import_text
from archive.models import Pair, RemovedPair

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
ATOM = "{http://www.w3.org/2005/Atom}"
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 3, "is_mobile": True, "has_touch": True}

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # ORM calls between browser steps
# Every visible control smaller than 44 × 44 px (a checkbox counts with its label; the year
# chart's bars are a picture of the year facet, whose links are big enough).
SMALL_TARGETS = """() => [...document.querySelectorAll('a[href], button, input, summary, select, textarea')]
    .filter(el => el.checkVisibility() && !el.closest('svg') && el.type !== 'hidden')
    .map(el => [el.outerHTML.slice(0, 80), (el.closest('label') || el).getBoundingClientRect()])
    .filter(([_, r]) => r.width < 44 || r.height < 44)
    .map(([html, r]) => `${html} ${Math.round(r.width)}x${Math.round(r.height)}`)"""

DATED = """Title: Water and the {year} harvest
Date: {year}-06-01
Outlet: Farm Weekly
Speaker: Ann Lee
Role: Agronomist

Is water scarce this year?

Water is scarce, and the farmers share the canal water by turns through the night.

What about climate?

The climate changes the rains; the harvest of {year} came late.
"""


def required(path: Path, what: str):
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{what} is missing: `make test` installs it")
        pytest.skip(f"{what} is missing: `make test` installs it")


@pytest.fixture(scope="module")
def browser():
    required(Path(CHROMIUM), "Chromium (Debian package chromium)")
    from playwright.sync_api import sync_playwright  # noqa: PLC0415

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
        )
        yield browser
        browser.close()


@pytest.fixture
def open_page(browser, server):
    contexts = []

    def open_page(**options):
        context = browser.new_context(base_url=server, **options)
        contexts.append(context)
        page = context.new_page()
        page.console_errors = []
        page.on("console", lambda msg: page.console_errors.append(msg.text) if msg.type == "error" else None)
        return page

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def archive(seeds):
    """The seeds and two dated interviews (so the search page draws its year chart)."""
    for year in (2019, 2023):
        outcome = import_text(DATED.format(year=year), import_ref=f"water-{year}.txt")
        assert outcome.ok, outcome.error
    return seeds


def feed_links(page, url):
    response = page.request.get(url)
    assert response.status == 200
    return [e.find(f"{ATOM}link").get("href") for e in ET.fromstring(response.body()).iter(f"{ATOM}entry")]


def test_subscribe_to_a_search_feed_and_see_a_new_answer_after_an_import(open_page, archive):
    page = open_page()
    page.goto("/search/?q=canal&outlet=Farm+Weekly")
    follow = page.get_by_role("link", name="Follow this search (Atom feed)")
    feed_url = follow.get_attribute("href")
    assert page.locator('link[rel="alternate"][type="application/atom+xml"]').get_attribute("href") == feed_url
    before = feed_links(page, feed_url)
    assert len(before) == 2

    outcome = import_text(DATED.format(year=1998).replace("canal", "canal and the well"), import_ref="water-1998.txt")
    new = outcome.article.pairs.get(answer__contains="canal")
    after = feed_links(page, feed_url)
    assert after[0].endswith(new.get_absolute_url()) and after[1:] == before


def test_quote_check_finds_an_altered_quote(open_page, archive):
    original = Pair.objects.get(answer__contains="water scarcity are two issues")
    quote = original.answer.split("\n")[0].replace("serious tensions", "grave tensions")
    page = open_page()
    page.goto("/")
    page.get_by_role("link", name="Quote check").click()
    page.get_by_label("The quote").fill(quote)
    page.get_by_role("button", name="Check the quote").click()
    expect(page.locator("#verdict-title")).to_contain_text("Altered")
    expect(page.locator(".comparison del").first).to_have_text("serious")
    expect(page.locator(".comparison ins").first).to_have_text("grave")
    page.get_by_role("link", name="The original answer").click()
    assert page.url.endswith(original.get_absolute_url())
    assert page.console_errors == []


def axe_violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    found = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in found
        # and landmarks named alike (moderate for axe; issue 14 names them)
        if v["impact"] in ("serious", "critical") or v["id"] == "landmark-unique"
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_serious_on_any_page_type(open_page, archive, scheme):
    required(AXE, "axe-core (npm ci)")
    pair = Pair.objects.get(answer__contains="water scarcity are two issues")
    RemovedPair.objects.create(key="gone2222", article_slug=pair.article.slug, article_title=pair.article.title)
    pages = [
        "/",
        "/search/?q=water",  # results, facets and the year chart
        "/search/?q=water&view=speakers",
        "/search/?q=zzzqqq",  # nothing found
        "/search/help/",
        "/articles/",
        pair.article.get_absolute_url(),
        "/speakers/",
        pair.speaker.get_absolute_url(),
        pair.get_absolute_url(),
        "/check/",
        "/check/?q=" + "+".join(pair.answer.split()[:15]),
        "/a/gone2222/",
        "/no-such-page/",
    ]
    if scheme == "dark":  # the colours: one page of each layout is enough
        pages = pages[1:2] + pages[6:7] + pages[9:12]
    page = open_page(color_scheme=scheme, bypass_csp=True)  # axe is injected as a script
    problems = {}
    for url in pages:
        page.goto(url)
        if found := axe_violations(page):
            problems[url] = found
    assert problems == {}


def test_phone_reaches_the_facets_from_the_top_and_every_target_is_44_px(open_page, archive):
    page = open_page(**PHONE)
    page.goto("/search/?q=water")
    assert page.evaluate("document.scrollingElement.scrollWidth") <= 390  # nothing wider than the phone
    jump = page.get_by_role("link", name="Narrow the results: speaker, outlet, year")
    box = jump.bounding_box()
    assert box["y"] + box["height"] <= 844  # on the first screen, above the results
    jump.tap()
    expect(page.locator("#facets")).to_be_in_viewport()
    expect(page.locator("#facets").get_by_role("link", name="Farm Weekly")).to_be_in_viewport()

    pair = Pair.objects.get(answer__contains="water scarcity are two issues")
    small = {}
    for url in [
        "/search/?q=water",
        "/search/?q=water&view=speakers",
        "/",
        pair.get_absolute_url(),
        pair.speaker.get_absolute_url(),
        "/check/?q=" + "+".join(pair.answer.split()[:12]),
    ]:
        page.goto(url)
        if found := page.evaluate(SMALL_TARGETS):
            small[url] = found
    assert small == {}


def test_an_answer_prints_as_quote_question_speaker_source_and_citation(open_page, archive):
    pair = Pair.objects.get(answer__contains="water scarcity are two issues")
    page = open_page()
    page.goto(pair.get_absolute_url())
    page.emulate_media(media="print")
    for shown in ("blockquote.answer", ".permalink-page .question", ".attribution", ".context", ".citation"):
        assert page.locator(shown).first.is_visible(), shown
    assert "António Guterres" in page.locator(".citation").first.inner_text()
    for hidden in ("header.site", "nav", "button", ".related", ".share-card", ".skip-link"):
        assert all(not el.is_visible() for el in page.locator(hidden).all()), hidden
    assert page.locator(".citation:visible").count() == 1


def test_dark_mode_follows_the_system_setting(open_page, archive):
    page = open_page(color_scheme="dark")
    page.goto("/")
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(19, 19, 20)"
    light = open_page(color_scheme="light")
    light.goto("/")
    assert light.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(255, 255, 255)"


def test_the_skip_link_is_the_first_stop_and_leads_to_the_content(open_page, archive):
    page = open_page()
    page.goto("/search/?q=water")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
