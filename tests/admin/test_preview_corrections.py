"""In the import preview an editor corrects the split before anything is saved: merge two
pairs, split a pair at a paragraph, move a paragraph to the lead, the closing text or the
discarded lines, set the fields; the form re-renders the preview (no JavaScript needed)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from archive.models import Article

from ..conftest import SEED_SCO, SEED_SUPERPOWERS
from .preview import IMPORT_URL, UNSURE_TRANSCRIPT, paragraph_field, preview_data

pytestmark = pytest.mark.django_db  # nothing here needs the index: no commit, faster
SPLIT_AT = "Addressing the challenges we face requires"
TO_CLOSING = "On climate, all countries must submit"


def preview(client):
    return client.post(IMPORT_URL, {"text": SEED_SCO.read_text()})


def questions(response, doc=0):
    return [p.question[:40] for p in response.context["previews"][doc]["interview"].pairs]


def test_split_at_a_paragraph_is_shown_before_import(staff_client):
    first = preview(staff_client)
    field = paragraph_field(first, SPLIT_AT)
    updated = staff_client.post(IMPORT_URL, preview_data(first, {field: "split"}))
    assert [q[:30].strip() for q in questions(updated)] == [
        "Last September the UN General",
        "What is the role of regional o",
        "Addressing the challenges we f",
        "You have always been an outspo",
    ]
    assert "4 questions and answers" in updated.text
    assert "1 correction so far" in updated.text
    assert Article.objects.count() == 0


def test_merge_move_and_fields_are_imported_as_shown(staff_client):
    first = preview(staff_client)
    changes = {
        "d0-merge-0": "on",
        paragraph_field(first, TO_CLOSING): "closing",
        paragraph_field(first, "Regional organizations play a crucial"): "discarded",
        "d0-title": "Guterres on the SCO",
        "d0-published": "2024-06-28",
        "d0-interviewer": "Kazinform correspondent",
        "d0-speaker-0-role": "Secretary-General of the United Nations",
    }
    updated = staff_client.post(IMPORT_URL, preview_data(first, changes))
    assert len(updated.context["previews"][0]["interview"].pairs) == 2
    response = staff_client.post(IMPORT_URL, preview_data(updated, action="confirm"))
    assert response.status_code == 302
    article = Article.objects.get()
    assert (article.title, str(article.published)) == ("Guterres on the SCO", "2024-06-28")
    assert article.closing.startswith(TO_CLOSING)
    pairs = list(article.pairs.order_by("position"))
    assert len(pairs) == 2
    assert "What is the role of regional organizations" in pairs[0].answer
    assert "Regional organizations play a crucial" not in pairs[0].answer
    assert {p.asker for p in pairs} == {"Kazinform correspondent"}
    assert article.appearances.get().role == "Secretary-General of the United Nations"
    assert len(article.corrections) == 7


def test_a_bad_date_in_the_preview_is_explained_not_imported(staff_client):
    first = preview(staff_client)
    response = staff_client.post(IMPORT_URL, preview_data(first, {"d0-published": "28 June"}, "confirm"))
    assert response.status_code == 200
    assert "“28 June” is not a date: write it as 2024-07-01." in response.text
    assert Article.objects.count() == 0


def test_tampered_corrections_are_ignored_not_a_500(staff_client):
    first = preview(staff_client)
    for value in ["{", '{"op": 1}', '[{"op": "split", "pair": 5}]', "[1, 2]"]:
        response = staff_client.post(IMPORT_URL, preview_data(first, {"d0-corrections": value}))
        assert response.status_code == 200
        assert "3 questions and answers" in response.text
    assert staff_client.post(IMPORT_URL, {"docs": "many"}).status_code == 200


def test_a_batch_sets_outlet_date_and_language_for_all_its_files(staff_client):
    files = [
        SimpleUploadedFile("sco.txt", SEED_SCO.read_bytes()),
        SimpleUploadedFile("superpowers.txt", SEED_SUPERPOWERS.read_bytes()),
    ]
    first = staff_client.post(
        IMPORT_URL, {"files": files, "outlet": "Kazinform", "published": "2024-06-28", "language": "kk"}
    )
    staff_client.post(IMPORT_URL, preview_data(first, action="confirm"))
    assert (
        sorted(Article.objects.values_list("outlet", "published", "language"))
        == [("Kazinform", __import__("datetime").date(2024, 6, 28), "kk")] * 2
    )


def test_a_page_of_corrections_survives_an_update_then_imports(staff_client):
    first = preview(staff_client)
    second = staff_client.post(IMPORT_URL, preview_data(first, {"d0-title": "One"}))
    third = staff_client.post(IMPORT_URL, preview_data(second, {paragraph_field(second, SPLIT_AT): "split"}))
    staff_client.post(IMPORT_URL, preview_data(third, action="confirm"))
    article = Article.objects.get()
    assert article.title == "One" and article.pairs.count() == 4


def test_changing_a_labels_role_recomputes_the_split(staff_client):
    from .preview import label_field  # noqa: PLC0415

    first = staff_client.post(IMPORT_URL, {"text": UNSURE_TRANSCRIPT})
    assert [p.speaker for p in first.context["previews"][0]["interview"].pairs] == ["Mira", "Mira"]
    updated = staff_client.post(IMPORT_URL, preview_data(first, {label_field(first, "Mira"): "asks"}))
    pairs = updated.context["previews"][0]["interview"].pairs
    assert [(p.question[:20], p.answer[:20], p.speaker) for p in pairs] == [
        ("Tell me about the ro", "They did well. The r", "Tom"),
        ("And the apples, the ", "Not so good. A late ", "Tom"),
        ("What about next year", "More beans. Always m", "Tom"),
    ]
    assert "“Mira” asks: the editor said so" in updated.text
    assert 'value="asks" selected' in updated.text
    staff_client.post(IMPORT_URL, preview_data(updated, action="confirm"))
    article = Article.objects.get()
    assert article.pairs.count() == 3 and not article.needs_review
    assert article.corrections == [{"op": "role", "label": "Mira", "role": "asks"}]


def test_uploading_a_corrected_file_again_starts_from_its_corrections(staff_client):
    upload = {"files": [SimpleUploadedFile("sco.txt", SEED_SCO.read_bytes())]}
    first = staff_client.post(IMPORT_URL, upload)
    staff_client.post(IMPORT_URL, preview_data(first, {"d0-title": "Guterres on the SCO"}, "confirm"))
    again = staff_client.post(IMPORT_URL, {"files": [SimpleUploadedFile("sco.txt", SEED_SCO.read_bytes())]})
    assert again.context["previews"][0]["interview"].title == "Guterres on the SCO"
    assert "Already imported from this file" in again.text
    response = staff_client.post(IMPORT_URL, preview_data(again, action="confirm"), follow=True)
    assert "“sco.txt”: unchanged" in str(list(response.context["messages"])[0])
