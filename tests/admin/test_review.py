"""Imports the parser was unsure of are marked: a `needs review` filter in the article list,
a flag in the import summary and in the preview; marking them reviewed is one action."""

import pytest

from archive import parsing
from archive.models import Article

from ..conftest import SEED_SCO
from .preview import IMPORT_URL, UNSURE_TRANSCRIPT, import_all

pytestmark = pytest.mark.django_db  # nothing here needs the index: no commit, faster


def test_the_list_filters_articles_that_need_review_and_one_action_clears_them(staff_client, db):
    doubtful = Article.objects.create(title="Unsure split", needs_review=True)
    Article.objects.create(title="Clear split")
    listing = staff_client.get("/admin/archive/article/?needs_review__exact=1")
    assert listing.status_code == 200
    assert [a.title for a in listing.context["cl"].result_list] == ["Unsure split"]
    assert "By needs review" in listing.text
    staff_client.post("/admin/archive/article/", {"action": "mark_reviewed", "_selected_action": [doubtful.pk]})
    assert not Article.objects.filter(needs_review=True).exists()


def test_an_unsure_import_is_flagged_in_the_preview_the_summary_and_the_list(staff_client):
    assert parsing.parse(UNSURE_TRANSCRIPT).needs_review, "the parser no longer doubts this text: pick another"
    preview = staff_client.post(IMPORT_URL, {"text": UNSURE_TRANSCRIPT})
    assert "⚑ 1 of 1 text needs review" in preview.text
    response = import_all(staff_client, UNSURE_TRANSCRIPT, follow=True)
    assert "Needs review: the parser was unsure of the split" in str(list(response.context["messages"])[0])
    assert Article.objects.get().needs_review


def test_a_sure_import_is_not_flagged(staff_client):
    response = import_all(staff_client, SEED_SCO.read_text(), follow=True)
    assert "Needs review" not in str(list(response.context["messages"])[0])
    assert not Article.objects.get().needs_review


def test_the_articles_page_shows_how_the_parser_read_it_and_the_corrections(staff_client):
    from .preview import preview_data  # noqa: PLC0415

    first = staff_client.post(IMPORT_URL, {"text": SEED_SCO.read_text()})
    staff_client.post(IMPORT_URL, preview_data(first, {"d0-title": "Guterres on the SCO"}, "confirm"))
    article = Article.objects.get()
    page = staff_client.get(f"/admin/archive/article/{article.pk}/change/")
    assert page.status_code == 200
    assert "How the parser read it" in page.text
    assert "title: “In the last few years" in page.text and "→ “Guterres on the SCO”" in page.text
