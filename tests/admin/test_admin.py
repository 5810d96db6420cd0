"""Editors work in the admin: paste or upload texts, preview the split, import, correct and
publish; every save and delete reaches the search index."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from archive.models import Article, Pair, Speaker
from archive.search import search_answers

from ..conftest import SEED_SCO, SEED_SUPERPOWERS
from .preview import IMPORT_URL, import_all, preview_data

pytestmark = pytest.mark.django_db(transaction=True)


def form_data(response):
    """The POST data a browser would send back for an admin change form, unchanged."""
    data = {}
    form = response.context["adminform"].form
    for name in form.fields:
        value = form[name].value()
        if value is not None:
            data[name] = "on" if value is True else ("" if value is False else value)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        for name in formset.management_form.fields:
            data[formset.management_form[name].html_name] = formset.management_form[name].value()
        for subform in formset.forms:
            for name in subform.fields:
                value = subform[name].value()
                if value is not None and value is not False:
                    data[subform[name].html_name] = "on" if value is True else value
    return {k: v for k, v in data.items() if v is not None}


def test_import_page_previews_the_split_before_saving(staff_client):
    response = staff_client.post(IMPORT_URL, {"text": SEED_SCO.read_text()})
    assert response.status_code == 200
    text = response.text
    assert "In the last few years, the SCO has emerged" in text
    assert 'value="António Guterres"' in text and 'value="UN Secretary General"' in text
    assert "António Guterres: Antonio Guterres" in text  # also printed as
    assert "3 questions and answers" in text
    assert "Left out (web-page junk, timestamps, markers): Currently reading" in text
    assert Article.objects.count() == 0


def test_confirmed_paste_is_saved_unpublished_and_opens_for_correction(staff_client):
    response = import_all(staff_client, SEED_SCO.read_text())
    article = Article.objects.get()
    assert response.status_code == 302
    assert response.url == f"/admin/archive/article/{article.pk}/change/"
    assert article.is_published is False
    assert article.pairs.count() == 3
    assert search_answers("Azerbaijan").count == 0  # not public yet


def test_editor_corrects_a_pair_publishes_and_it_is_searchable(staff_client):
    import_all(staff_client, SEED_SCO.read_text())
    article = Article.objects.get()
    change_url = f"/admin/archive/article/{article.pk}/change/"
    data = form_data(staff_client.get(change_url))
    answer_field = next(k for k, v in data.items() if k.endswith("-answer") and "Azerbaijan" in v)
    data[answer_field] = data[answer_field].replace("Azerbaijan", "Baku, Azerbaijan")
    data["is_published"] = "on"
    response = staff_client.post(change_url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""
    assert Article.objects.get().is_published
    results = search_answers("Baku")
    assert results.count == 1
    assert results.page.object_list[0].key == Pair.objects.get(answer__contains="Baku").key


def test_answer_without_speaker_is_refused_with_a_reason(staff_client):
    import_all(staff_client, SEED_SCO.read_text())
    article = Article.objects.get()
    change_url = f"/admin/archive/article/{article.pk}/change/"
    data = form_data(staff_client.get(change_url))
    speaker_field = next(k for k in data if k.endswith("-speaker") and "pairs" in k)
    data[speaker_field] = ""
    response = staff_client.post(change_url, data)
    assert response.status_code == 200
    assert "Say who gave this answer" in response.text


def test_upload_of_several_files_reports_each_one(staff_client):
    files = [
        SimpleUploadedFile("sco.txt", SEED_SCO.read_bytes(), "text/plain"),
        SimpleUploadedFile("superpowers.txt", SEED_SUPERPOWERS.read_bytes(), "text/plain"),
        SimpleUploadedFile("photo.txt", b"\xff\xd8\xff\xe0" + b"\x00" * 100, "text/plain"),
    ]
    preview = staff_client.post(IMPORT_URL, {"files": files})
    previews = preview.context["previews"]
    assert [p["name"] for p in previews] == ["sco.txt", "superpowers.txt", "photo.txt"]
    assert previews[2]["error"] == "this is a JPEG image, not a text file"
    assert "Cannot be imported: this is a JPEG image" in preview.text
    response = staff_client.post(IMPORT_URL, preview_data(preview, {"publish": "on"}, "confirm"), follow=True)
    assert Article.objects.public().count() == 2
    assert Speaker.objects.count() == 1
    assert search_answers("Azerbaijan").count == 1
    assert "“sco.txt”: created, 3 answer(s)." in response.text


def test_import_page_without_input_asks_for_some(staff_client):
    response = staff_client.post(IMPORT_URL, {"text": "  "})
    assert "Paste a text or choose at least one file." in response.text


def test_deleting_an_article_in_the_admin_removes_it_from_search(staff_client, seeds):
    article = Article.objects.get(pairs__answer__contains="Azerbaijan")
    response = staff_client.post(f"/admin/archive/article/{article.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert search_answers("Azerbaijan").count == 0
    assert search_answers("Guterres").count == 1


def test_unpublish_action_hides_answers_from_search(staff_client, seeds):
    ids = list(Article.objects.values_list("pk", flat=True))
    staff_client.post("/admin/archive/article/", {"action": "unpublish", "_selected_action": ids})
    assert search_answers("Guterres").count == 0


def test_admin_lists_and_searches_work(staff_client, seeds):
    for url in [
        "/admin/archive/article/",
        "/admin/archive/speaker/",
        "/admin/archive/pair/",
        "/admin/archive/pair/?q=climate",
        "/admin/archive/speaker/?q=Antonio",
        "/admin/archive/removedpair/",
    ]:
        assert staff_client.get(url).status_code == 200, url
    assert "António Guterres" in staff_client.get("/admin/archive/speaker/?q=Antonio").text


def test_import_page_needs_an_editor(client, db):
    assert client.get(IMPORT_URL).status_code == 302


def test_merging_speakers_keeps_answers_permalinks_and_old_pages(staff_client, seeds):
    from archive.models import Appearance, SpeakerAlias

    keeper = Speaker.objects.get()
    duplicate = Speaker.objects.create(name="A. Guterres", role="Secretary-General")
    article = Article.objects.create(title="Another talk")
    Appearance.objects.create(article=article, speaker=duplicate, role="Secretary-General")
    pair = Pair.objects.create(article=article, speaker=duplicate, question="Peace?", answer="Peace is possible.")
    old_page, permalink = duplicate.get_absolute_url(), pair.get_absolute_url()

    response = staff_client.post(
        "/admin/archive/speaker/",
        {
            "action": "merge",
            "_selected_action": [keeper.pk, duplicate.pk],
        },
        follow=True,
    )

    assert "Merged A. Guterres into António Guterres" in response.text
    assert list(Speaker.objects.all()) == [keeper]
    assert Pair.objects.get(pk=pair.pk).speaker == keeper
    assert SpeakerAlias.objects.filter(speaker=keeper, name="A. Guterres").exists()
    assert staff_client.get(permalink).status_code == 200
    moved = staff_client.get(old_page)
    assert moved.status_code == 301 and moved.url == keeper.get_absolute_url()
    results = search_answers("peace possible")
    assert results.count == 1 and results.page.object_list[0].speaker_name == "António Guterres"


def test_uploaded_transcript_without_title_line_is_named_after_its_file(staff_client):
    transcript = (
        b"**Ann Host:** Our special guest is Bo Guest. Why Go?\n\n**Bo Guest:** It is simple.\n\n"
        b"**Ann Host:** And Rust?\n\n**Bo Guest:** Also good.\n"
    )
    preview = staff_client.post(IMPORT_URL, {"files": [SimpleUploadedFile("go-time-7.txt", transcript)]})
    assert preview.context["previews"][0]["interview"].title == "Go time 7"
    assert "2 questions and answers" in preview.text
    staff_client.post(IMPORT_URL, preview_data(preview, action="confirm"))
    assert Article.objects.get().title == "Go time 7"
