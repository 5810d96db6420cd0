"""Bulk imports: an interrupted import resumes where it stopped and leaves nothing
unindexed; files already saved are skipped without parsing; progress shows the time left."""

import io
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from haystack.query import SearchQuerySet

from archive.importer import import_file
from archive.models import Article, Pair, PendingIndexUpdate

from ..conftest import child_env
from .test_import import run

pytestmark = pytest.mark.django_db(transaction=True)
ROOT = Path(__file__).resolve().parents[2]


def write_articles(folder: Path, count: int) -> list[Path]:
    folder.mkdir(exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"{n:04d}.txt"
        path.write_text(
            f"Title: Harbour talk number {n}\nDate: 2021-03-{n % 28 + 1:02d}\nSpeaker: Dana Quill\n\n"
            f"Q: What happened at pier {n}?\nA: The cranes at pier {n} stopped for an hour.\n\n"
            f"Q: And the ferries?\nA: Ferry {n} kept to its timetable.\n",
            encoding="utf-8",
        )
        paths.append(path)
    return paths


def indexed_pairs() -> set[str]:
    return {r.pk for r in SearchQuerySet().models(Pair).all()[:100_000]}


def test_killed_import_resumes_and_leaves_no_answer_unindexed(tmp_path):
    total = 400
    write_articles(tmp_path / "in", total)
    child = subprocess.Popen(
        [sys.executable, "manage.py", "import_interviews", "--no-progress", str(tmp_path / "in")],
        cwd=ROOT,
        env=child_env(ARCHIVE_INDEX_COMMIT_ROWS="40"),  # an index commit every 40 rows
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 120
    # Stopped past 100 articles, while some rows wait for the next index commit.
    while (
        (Article.objects.count() < 100 or not PendingIndexUpdate.objects.exists())
        and child.poll() is None
        and time.monotonic() < deadline
    ):
        time.sleep(0.02)
    child.send_signal(signal.SIGKILL)
    child.wait()
    saved = Article.objects.count()
    assert 100 <= saved < total, f"the import was not stopped midway ({saved} of {total} saved)"
    # The import wrote the index as it went; every saved answer is either in the index or
    # recorded as pending, in its file's transaction.
    indexed = indexed_pairs()
    pending = set(PendingIndexUpdate.objects.filter(model="archive.pair").values_list("object_id", flat=True))
    database = set(Pair.objects.values_list("pk", flat=True))
    assert indexed and pending
    assert database <= pending | {int(pk) for pk in indexed}

    waiting = PendingIndexUpdate.objects.count()  # answers and their articles
    repair = io.StringIO()
    call_command("check_index", "--repair", stdout=repair)  # writes the pending rows alone
    assert f"Writing {waiting} row(s)" in repair.getvalue() and "updating it" not in repair.getvalue()
    assert indexed_pairs() == {str(pk) for pk in database}

    status, out, err = run(tmp_path / "in")

    assert status == 0, err
    assert out.count("unchanged ") == saved and out.count("created ") == total - saved
    assert Article.objects.count() == total and Pair.objects.count() == 2 * total
    assert not PendingIndexUpdate.objects.exists()
    assert indexed_pairs() == {str(pk) for pk in Pair.objects.values_list("pk", flat=True)}
    # Each answer once: none was added twice by the run that resumed.
    assert SearchQuerySet().models(Pair).count() == 2 * total


def test_answer_changed_after_the_import_wrote_it_is_replaced_not_doubled(tmp_path):
    from archive import indexing

    paths = write_articles(tmp_path / "in", 6)
    with indexing.batched(rows=5):  # written and committed every 5 rows
        for path in paths[:3]:
            import_file(path)
        pair = Pair.objects.get(answer__contains="pier 0 ")  # written by now, as a new answer
        pair.answer = "The cranes at pier 0 never stopped."
        pair.save()
        for path in paths[3:]:
            import_file(path)

    assert SearchQuerySet().models(Pair).count() == Pair.objects.count() == 12
    assert [r.pk for r in SearchQuerySet().models(Pair).filter(content="never")] == [str(pair.pk)]
    indexed = {r.pk: r.answer for r in SearchQuerySet().models(Pair).all()}
    assert indexed[str(pair.pk)] == "The cranes at pier 0 never stopped."


def test_saved_file_is_skipped_unparsed_until_the_parser_changes(tmp_path):
    [path] = write_articles(tmp_path / "in", 1)
    assert import_file(path).status == "created"

    again = import_file(path)
    assert (again.status, again.interview) == ("unchanged", None)  # not parsed

    Article.objects.update(parsed_by="an old parser")
    reparsed = import_file(path)
    assert reparsed.status == "unchanged" and reparsed.interview is not None
    assert Article.objects.get().parsed_by != "an old parser"
    assert import_file(path).interview is None


def test_changed_text_under_the_same_name_is_parsed_and_updated(tmp_path):
    [path] = write_articles(tmp_path / "in", 1)
    import_file(path)
    path.write_text(path.read_text().replace("stopped for an hour", "stopped for a day"))

    outcome = import_file(path)

    assert outcome.status == "updated"
    assert SearchQuerySet().models(Pair).filter(content="day").count() == 1


def test_progress_bar_counts_files_and_answers_and_estimates_time_left(tmp_path):
    write_articles(tmp_path / "in", 12)

    status, out, err = run("--progress", tmp_path / "in")

    assert status == 0
    assert "100%" in err and "files=12" in err and "answers=24" in err
    assert "<00:00" in err  # tqdm's elapsed<remaining
    assert out.count("created ") == 12


def test_no_progress_bar_unless_asked_when_not_on_a_terminal(tmp_path):
    write_articles(tmp_path / "in", 2)

    status, _, err = run(tmp_path / "in")

    assert status == 0 and err == ""


def test_bulk_import_adds_segments_without_rewriting_and_optimize_merges_them(tmp_path, settings):
    from haystack import connections

    backend = connections["default"].get_backend()
    write_articles(tmp_path / "in", 60)
    from archive import indexing

    with indexing.batched(rows=30):  # a commit every 30 rows: several segments
        for path in sorted((tmp_path / "in").iterdir()):
            import_file(path)
    segments = backend.segment_count()
    assert segments >= 4  # each batch kept its own segments: none was rewritten

    out = io.StringIO()
    try:
        call_command("check_index", "--optimize", stdout=out)
    except SystemExit:
        raise AssertionError(out.getvalue()) from None

    assert backend.segment_count() == 1 and f"Merged {segments} segment(s) into 1" in out.getvalue()
    assert indexed_pairs() == {str(pk) for pk in Pair.objects.values_list("pk", flat=True)}


def test_ordinary_saves_merge_only_small_segments(tmp_path):
    from haystack import connections

    from archive.search.whoosh.writing import SMALL_SEGMENTS

    backend = connections["default"].get_backend()
    paths = write_articles(tmp_path / "in", SMALL_SEGMENTS + 3)
    for path in paths:  # one commit, one small segment, per file
        import_file(path)

    assert backend.segment_count() < SMALL_SEGMENTS  # gathered small segments were merged
    assert indexed_pairs() == {str(pk) for pk in Pair.objects.values_list("pk", flat=True)}


def test_an_editors_change_during_a_bulk_import_is_searchable_after_it(seeds, tmp_path):
    """The import holds the index; the editor's save is queued and written by the import's
    next commit: the new words are found and the old ones are gone, with no repair."""
    write_articles(tmp_path / "in", 150)
    child = subprocess.Popen(
        [sys.executable, "manage.py", "import_interviews", "--no-progress", str(tmp_path / "in")],
        cwd=ROOT,
        env=child_env(ARCHIVE_INDEX_COMMIT_ROWS="100"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 120
    while Article.objects.count() < 20 and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert child.poll() is None, "the import ended before the editor's change"
    pair = Pair.objects.get(answer__contains="Azerbaijan")
    pair.answer = "Rewritten by an editor about marmalade while the import ran."
    pair.save()
    assert child.wait(timeout=180) == 0, child.stderr.read()

    assert [r.pk for r in SearchQuerySet().models(Pair).filter(content="marmalade")] == [str(pair.pk)]
    assert SearchQuerySet().models(Pair).filter(content="Azerbaijan").count() == 0
    assert not PendingIndexUpdate.objects.exists()
