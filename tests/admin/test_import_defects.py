"""The import page's defects found by trying it as a new editor would (issue 12); each test
here failed on the admin as it was at commit 910ea29."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from archive.importer import import_file
from archive.models import Article

from ..conftest import SEED_SCO
from .preview import IMPORT_URL, import_all, preview_data

pytestmark = pytest.mark.django_db  # nothing here needs the index: no commit, faster
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def messages_of(response):
    return [str(m) for m in response.context["messages"]]


def test_importing_an_unchanged_file_again_says_unchanged(staff_client):
    import_all(staff_client, SEED_SCO.read_text(), name="sco.txt")
    response = import_all(staff_client, SEED_SCO.read_text(), name="sco.txt", follow=True)
    assert response.status_code == 200
    article = Article.objects.get()
    assert messages_of(response) == [
        f'“sco.txt”: unchanged (<a href="/admin/archive/article/{article.pk}/change/">{article.title}</a> '
        "was imported from this text)."
    ]


def test_pasting_a_text_the_archive_holds_reports_a_duplicate_and_saves_no_copy(staff_client, tmp_path):
    # A file as editors keep them: CRLF line endings, trailing spaces, a final newline.
    path = tmp_path / "sco-briefing.txt"
    path.write_bytes(SEED_SCO.read_text().replace("\n", "  \r\n").encode() + b"\r\n")
    held = import_file(path).article
    pasted = SEED_SCO.read_text().strip()  # a browser's paste, stripped by the form
    response = import_all(staff_client, pasted, follow=True)
    assert Article.objects.count() == 1
    assert messages_of(response) == [
        f'“pasted text” is a duplicate of <a href="/admin/archive/article/{held.pk}/change/">{held.title}</a>, '
        "already in the archive: not saved again."
    ]


def test_the_same_text_uploaded_under_another_name_is_a_duplicate_with_a_link(staff_client):
    import_all(staff_client, SEED_SCO.read_text(), name="sco.txt")
    preview = staff_client.post(IMPORT_URL, {"files": [SimpleUploadedFile("copy.txt", SEED_SCO.read_bytes())]})
    held = Article.objects.get()
    assert "Duplicate: this text is already in the archive as" in preview.text
    assert f'href="/admin/archive/article/{held.pk}/change/"' in preview.text
    response = staff_client.post(IMPORT_URL, preview_data(preview, action="confirm"), follow=True)
    assert Article.objects.count() == 1
    assert "“copy.txt” is a duplicate of" in messages_of(response)[0]


def test_a_refused_file_alone_offers_nothing_to_import(staff_client):
    preview = staff_client.post(IMPORT_URL, {"files": [SimpleUploadedFile("chart.txt", PNG)]})
    assert "Cannot be imported: this is a PNG image, not a text file" in preview.text
    assert 'name="confirm"' not in preview.text
    assert "Publish at once" not in preview.text
    assert "Nothing here can be imported." in preview.text


def test_preview_fields_are_aligned_label_beside_value(staff_client):
    preview = staff_client.post(IMPORT_URL, {"text": SEED_SCO.read_text()})
    assert '<table class="preview-fields">' in preview.text
    assert '<th scope="row"><label for="id_d0-title">Title</label></th><td><input' in preview.text


def test_preview_can_be_corrected_before_import(staff_client):
    preview = staff_client.post(IMPORT_URL, {"text": SEED_SCO.read_text()})
    response = staff_client.post(IMPORT_URL, preview_data(preview, {"d0-title": "Guterres on the SCO"}, "confirm"))
    assert response.status_code == 302
    assert Article.objects.get().title == "Guterres on the SCO"


def test_an_upload_over_the_size_limit_is_refused_unread(staff_client, settings):
    settings.ARCHIVE_MAX_UPLOAD_BYTES = 1024 * 1024
    big = SimpleUploadedFile("big.txt", b"Title: Big\n\n" + b"big " * 300_000, "text/plain")
    preview = staff_client.post(IMPORT_URL, {"files": [big]})
    assert preview.context["previews"][0]["error"] == (
        "the file is 1.1 MB; the limit is 1 MB (ARCHIVE_MAX_UPLOAD_BYTES)"
    )
    assert 'name="confirm"' not in preview.text
