"""Several processes saving at once (gunicorn workers, the importer, a shell) leave the
index equal to the database: writes wait their turn; none is lost."""

import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from haystack.query import SearchQuerySet

from archive.models import Pair

from ..conftest import child_env

pytestmark = pytest.mark.django_db(transaction=True)
ROOT = Path(__file__).resolve().parents[2]

EDITOR = textwrap.dedent("""
    import random, sys
    import django
    django.setup()
    from django.db import transaction
    from archive.models import Article, Pair, Speaker

    rnd = random.Random(int(sys.argv[1]))
    speaker = Speaker.objects.get(slug="antonio-guterres")
    article = Article.objects.create(title=f"Worker {sys.argv[1]}")
    for step in range(int(sys.argv[2])):
        with transaction.atomic():
            pairs = list(Pair.objects.all())
            action = rnd.choice(["edit", "edit", "create", "create", "delete"])
            if action == "edit" and pairs:
                pair = rnd.choice(pairs)
                pair.answer = f"edited by {sys.argv[1]} step {step} " + pair.answer[:200]
                pair.save()
            elif action == "delete" and len(pairs) > 3:
                rnd.choice(pairs).delete()
            else:
                Pair.objects.create(article=article, speaker=speaker, position=step,
                                    question=f"Question {step}?", answer=f"created by {sys.argv[1]} step {step}")
""")

HOLD_WHOOSH_LOCK = textwrap.dedent("""
    import sys, time
    import django
    django.setup()
    from haystack import connections
    backend = connections["default"].get_backend()
    backend.setup()
    writer = backend.index.writer()   # Whoosh's own lock, as another tool would take it
    print("locked", flush=True)
    time.sleep(float(sys.argv[1]))
    writer.cancel()
""")


def spawn(script, *args):
    return subprocess.Popen(
        [sys.executable, "-c", script, *map(str, args)],
        cwd=ROOT,
        env=child_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def indexed_answers():
    return {r.pk: r.answer for r in SearchQuerySet().models(Pair).all()}


def database_answers():
    return {str(pk): answer for pk, answer in Pair.objects.public().values_list("pk", "answer")}


def test_concurrent_saves_leave_index_equal_to_database(seeds):
    workers = [spawn(EDITOR, seed, 25) for seed in range(4)]
    for worker in workers:
        out, err = worker.communicate(timeout=300)
        assert worker.returncode == 0, err
    answers = database_answers()
    assert len(answers) > 4  # the workers did create answers
    assert indexed_answers() == answers


def test_delete_waits_for_a_writer_holding_the_whoosh_lock(seeds):
    holder = spawn(HOLD_WHOOSH_LOCK, 2)
    assert holder.stdout.readline().strip() == "locked"
    pair = Pair.objects.get(answer__contains="Azerbaijan")
    pk = str(pair.pk)
    started = time.monotonic()
    pair.delete()
    waited = time.monotonic() - started
    holder.communicate(timeout=30)
    assert waited > 0.5  # it waited for the lock instead of giving up
    assert pk not in indexed_answers()
    assert indexed_answers() == database_answers()


HOLD_ARCHIVE_LOCK = textwrap.dedent("""
    import contextlib, sys, time
    import django
    django.setup()
    from haystack import connections
    backend = connections["default"].get_backend()
    bulk = backend.bulk_writes() if sys.argv[2:] == ["bulk"] else contextlib.nullcontext()
    with bulk, backend.write_lock():  # held as any writer, or as a bulk import holds it
        print("locked", flush=True)
        time.sleep(float(sys.argv[1]))
""")


def test_write_that_cannot_get_the_lock_is_queued_and_retried(seeds, settings):
    from archive.indexing import sync
    from archive.models import PendingIndexUpdate

    settings.ARCHIVE_INDEX_LOCK_TIMEOUT = 0.3
    holder = spawn(HOLD_ARCHIVE_LOCK, 3)
    assert holder.stdout.readline().strip() == "locked"
    pair = Pair.objects.get(answer__contains="Azerbaijan")
    pair.answer = "Rewritten while the index was busy."
    pair.save()  # the save stands; it does not raise

    assert Pair.objects.get(pk=pair.pk).answer == "Rewritten while the index was busy."
    assert list(PendingIndexUpdate.objects.values_list("model", "object_id")) == [("archive.pair", pair.pk)]
    assert indexed_answers()[str(pair.pk)] != pair.answer

    holder.communicate(timeout=30)
    sync({})  # any later index write
    assert not PendingIndexUpdate.objects.exists()
    assert indexed_answers() == database_answers()


def test_save_during_a_bulk_import_is_queued_at_once_not_after_the_lock_timeout(seeds, settings, caplog):
    from archive.indexing import sync
    from archive.models import PendingIndexUpdate

    settings.ARCHIVE_INDEX_LOCK_TIMEOUT = 20
    holder = spawn(HOLD_ARCHIVE_LOCK, 3, "bulk")
    assert holder.stdout.readline().strip() == "locked"
    pair = Pair.objects.get(answer__contains="Azerbaijan")
    pair.answer = "Rewritten while an import was running."
    started = time.monotonic()
    pair.save()
    waited = time.monotonic() - started

    assert waited < 2  # not the 20 s an ordinary writer would be waited for
    [row] = PendingIndexUpdate.objects.all()
    assert (row.model, row.object_id) == ("archive.pair", pair.pk)
    assert "bulk import" in row.reason
    assert not [r for r in caplog.records if r.levelname == "ERROR"]  # expected: a warning, no traceback
    holder.communicate(timeout=30)
    sync({})  # the import's next commit, or any later write
    assert indexed_answers() == database_answers()
