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

from .conftest import child_env

pytestmark = pytest.mark.django_db(transaction=True)
ROOT = Path(__file__).resolve().parent.parent

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
    return subprocess.Popen([sys.executable, "-c", script, *map(str, args)], cwd=ROOT, env=child_env(),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def indexed_answers():
    return {r.pk: r.answer for r in SearchQuerySet().models(Pair).all()}


def database_answers():
    return {str(pk): answer for pk, answer in Pair.objects.published().values_list("pk", "answer")}


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
