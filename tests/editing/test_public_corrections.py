"""An answer whose text changes after publication says so on its page ("Corrected on …"),
keeps its previous wording one click away (a <details> element, no JavaScript), and keeps
its permalink; the admin shows who changed what and when."""

import pytest
from django.utils import timezone
from django.utils.formats import date_format

from archive.importer import import_file
from archive.models import Correction, Pair

from ..admin.test_admin import form_data

pytestmark = pytest.mark.django_db(transaction=True)


def edit_answer(client, pair, old, new):
    url = f"/admin/archive/pair/{pair.pk}/change/"
    data = form_data(client.get(url))
    data["answer"] = data["answer"].replace(old, new)
    response = client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors if response.context else ""


def test_a_corrected_answer_says_when_and_keeps_the_previous_wording(staff_client, seeds, client):
    pair = Pair.objects.get(answer__contains="Azerbaijan")
    before = pair.answer
    edit_answer(staff_client, pair, "Azerbaijan", "Baku, Azerbaijan")
    page = client.get(pair.get_absolute_url())
    assert page.status_code == 200
    today = date_format(timezone.localdate(), "j F Y")
    assert f"Corrected on {today}." in page.text
    assert "<details><summary>Previous wording</summary>" in page.text
    assert "including at this year’s Conference of Parties in Azerbaijan.</p>" in page.text
    assert "Baku, Azerbaijan" in page.text
    correction = Correction.objects.get()
    assert correction.previous_answer == before
    assert correction.editor.username == "editor"
    history = staff_client.get(f"/admin/archive/pair/{pair.pk}/history/")
    assert "Changed Answer." in history.text


def test_an_edit_in_the_articles_page_is_recorded_too(staff_client, seeds):
    from ..admin.test_admin import form_data as article_form  # noqa: PLC0415

    pair = Pair.objects.get(answer__contains="Azerbaijan")
    url = f"/admin/archive/article/{pair.article_id}/change/"
    data = article_form(staff_client.get(url))
    field = next(k for k, v in data.items() if k.endswith("-answer") and "Azerbaijan" in v)
    data[field] = data[field].replace("Azerbaijan", "Baku")
    assert staff_client.post(url, data).status_code == 302
    assert Correction.objects.get().pair == pair


def test_changes_before_publication_are_no_corrections(staff_client, seeds, client):
    pair = Pair.objects.get(answer__contains="Azerbaijan")
    pair.article.is_published = False
    pair.article.save()
    edit_answer(staff_client, pair, "Azerbaijan", "Baku")
    assert not Correction.objects.exists()
    assert "Corrected on" not in staff_client.get(pair.get_absolute_url()).text


def test_a_reimported_correction_of_a_published_answer_is_noted(tmp_path, db):
    from ..conftest import SEED_SCO  # noqa: PLC0415

    path = tmp_path / "sco.txt"
    path.write_text(SEED_SCO.read_text())
    import_file(path)
    key = Pair.objects.get(answer__contains="Azerbaijan").key
    path.write_text(path.read_text().replace("in Azerbaijan", "in Baku, Azerbaijan"))
    assert import_file(path).status == "updated"
    correction = Correction.objects.get()
    assert correction.pair.key == key and correction.editor is None
    assert "in Azerbaijan" in correction.previous_answer
