"""Crashes: an index rebuild killed with kill -9 midway, then run again, leaves the index equal
to the database; the site answers searches throughout. (A killed import: test_bulk_import.py;
the same at 100,000 answers, with figures: bench/reliability.py, RELIABILITY.md.)"""

import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from haystack import connections

from archive import indexing
from archive.importer import import_file
from archive.models import Article, Pair

from ..conftest import child_env
from .test_bulk_import import write_articles

pytestmark = pytest.mark.django_db(transaction=True)
ROOT = Path(__file__).resolve().parents[2]


def test_rebuild_killed_midway_then_run_again_leaves_the_index_equal(tmp_path, client):
    with indexing.batched(rows=500):
        for path in write_articles(tmp_path / "in", 150):
            import_file(path)
    total = Pair.objects.count()
    backend = connections["default"].get_backend()
    assert backend.document_count(Pair) == total == 300

    child = subprocess.Popen(
        [sys.executable, "manage.py", "rebuild_index", "--noinput", "--batch-size", "5"],
        cwd=ROOT,
        env=child_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline, seen = time.monotonic() + 120, None
    while child.poll() is None and time.monotonic() < deadline:
        seen = backend.document_count(Pair)
        if 0 < seen < total:
            break
        time.sleep(0.02)
    child.send_signal(signal.SIGKILL)
    child.wait()
    assert seen is not None and 0 < seen < total, f"the rebuild was not caught midway ({seen} of {total})"
    assert client.get("/search/?q=ferries").status_code == 200  # a half-built index still serves

    call_command("rebuild_index", interactive=False, verbosity=0)
    out = io.StringIO()
    call_command("check_index", stdout=out)  # exits 1 when they differ
    assert f"{total} in the database, {total} in the index" in out.getvalue()
    assert Article.objects.count() == 150 and Pair.objects.count() == total
    assert client.get("/search/?q=ferries").context["results"].count == total // 2


def processes_of_group(group: int) -> list[int]:
    alive = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == group and fields[0] != "Z":
                alive.append(int(entry.name))
    return alive


def test_a_killed_bulk_import_leaves_no_process_holding_the_index(tmp_path):
    write_articles(tmp_path / "in", 700)
    child = subprocess.Popen(
        [sys.executable, "manage.py", "import_interviews", "--no-progress", str(tmp_path / "in")],
        cwd=ROOT,
        env=child_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # its own group: whatever it leaves can be found, and ended
    )
    deadline = time.monotonic() + 120
    # Past the first 500 answers, when the writer and its processes have started.
    while Article.objects.count() < 300 and time.monotonic() < deadline:
        time.sleep(0.02)
    child.send_signal(signal.SIGKILL)
    child.wait()
    time.sleep(2)
    left = processes_of_group(child.pid)
    if left:
        os.killpg(child.pid, signal.SIGKILL)
    assert left == []
