"""The editor's desk in a real browser (Debian's Chromium through Playwright, the site served
by gunicorn): log in, paste a transcript the parser splits wrongly, give a label its role in
the preview and see the pairs recomputed, import, find the answer on the public site, correct
a word, and see the correction note with the previous wording."""

import pytest
from playwright.sync_api import expect

from archive.models import Article, Pair

from ..admin.preview import UNSURE_TRANSCRIPT
from .test_browser import browser, page  # noqa: F401  (the fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "correct horse battery"


def test_editor_fixes_a_split_imports_finds_and_corrects_an_answer(page, django_user_model):  # noqa: F811
    django_user_model.objects.create_superuser("desk", "desk@example.org", PASSWORD)
    errors = []
    page.on("console", lambda msg: errors.append(msg.location["url"]) if msg.type == "error" else None)
    page.goto("/admin/login/?next=/admin/archive/article/import/")
    page.fill("#id_username", "desk")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")

    page.fill("#id_text", UNSURE_TRANSCRIPT)
    page.click("input[value=Preview]")
    expect(page.locator("h3.pair-count")).to_have_text("2 questions and answers")
    expect(page.locator(".review.needs-review")).to_be_visible()

    # JavaScript submits the preview as soon as a role changes; no button needed.
    page.get_by_label("Mira", exact=True).select_option("asks")
    expect(page.locator("h3.pair-count")).to_have_text("3 questions and answers")
    expect(page.locator(".import-pair").last).to_contain_text("A (Tom): More beans. Always more beans?")

    page.check("input[name=publish]")
    page.click("input[name=confirm]")
    expect(page.locator("ul.messagelist")).to_contain_text("created, 3 answer(s)")
    article = Article.objects.get()
    assert article.is_published and not article.needs_review

    page.goto("/search/?q=beans")
    page.click("li.result a.permalink")
    pair = Pair.objects.get(answer__contains="beans")
    assert f"/a/{pair.key}/" in page.url
    expect(page.locator("blockquote.answer")).to_contain_text("More beans")

    page.goto(f"/admin/archive/pair/{pair.pk}/change/")
    page.fill("#id_answer", "More peas. Always more peas?")
    page.click("input[name=_save]")
    expect(page.locator("ul.messagelist")).to_contain_text("was changed successfully")

    page.goto(pair.get_absolute_url())
    expect(page.locator("blockquote.answer")).to_contain_text("More peas")
    expect(page.locator(".correction-note")).to_contain_text("Corrected on")
    previous = page.locator(".previous-wording")
    expect(previous).to_be_hidden()
    page.click(".correction-note summary")
    expect(previous).to_contain_text("More beans. Always more beans?")
    assert page.console_errors == [], errors
