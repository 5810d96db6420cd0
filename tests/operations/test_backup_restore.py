"""Backup and restore: `manage.py backup FOLDER` copies the database and the index while the
site serves; `manage.py restore FOLDER` puts them back, and every permalink of the backup
answers as before, its answer findable in search."""

import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from haystack.query import SearchQuerySet

from archive.importer import import_text
from archive.models import Article, Pair

pytestmark = pytest.mark.django_db(transaction=True)


def permalinks() -> dict[str, bytes]:
    client = Client()
    return {pair.get_absolute_url(): client.get(pair.get_absolute_url()).status_code for pair in Pair.objects.all()}


def test_restored_archive_keeps_every_permalink_and_its_index(seeds, tmp_path):
    before = {pair.key: (pair.answer, pair.article.slug) for pair in Pair.objects.select_related("article")}
    links = permalinks()
    assert links and set(links.values()) == {200}
    call_command("backup", tmp_path / "backup", stdout=io.StringIO())
    manifest = json.loads((tmp_path / "backup" / "backup.json").read_text())
    assert manifest["counts"]["answers"] == len(before)

    # Life goes on after the backup: an article is deleted, another imported.
    Article.objects.first().delete()
    assert import_text(
        "Title: Later\nSpeaker: Ann Lee\n\nWhat came later?\n\nThe zebrafish came later.\n", import_ref="later.txt"
    ).ok
    out = io.StringIO()
    call_command("restore", tmp_path / "backup", stdout=out)

    assert "Restored" in out.getvalue()
    assert {pair.key: (pair.answer, pair.article.slug) for pair in Pair.objects.select_related("article")} == before
    assert permalinks() == links
    assert {r.pk for r in SearchQuerySet().models(Pair).all()} == {
        str(pk) for pk in Pair.objects.values_list("pk", flat=True)
    }
    assert not SearchQuerySet().models(Pair).filter(content="zebrafish").count()
    call_command("check_index", stdout=io.StringIO())  # exits 1 when they differ


def test_restore_can_rebuild_the_index_instead_of_copying_it(seeds, tmp_path):
    call_command("backup", tmp_path / "backup", stdout=io.StringIO())
    call_command("restore", tmp_path / "backup", "--rebuild-index", stdout=io.StringIO())
    assert SearchQuerySet().models(Pair).count() == Pair.objects.count()


def test_backup_refuses_a_folder_with_something_in_it(seeds, tmp_path):
    (tmp_path / "old").write_text("keep me")
    with pytest.raises(CommandError, match="not empty"):
        call_command("backup", tmp_path)
    assert (tmp_path / "old").read_text() == "keep me"


def test_restore_refuses_a_folder_that_is_not_a_backup(seeds, tmp_path):
    with pytest.raises(CommandError, match="not a backup"):
        call_command("restore", tmp_path)
    assert Pair.objects.count() == 4
