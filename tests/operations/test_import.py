"""import_interviews saves each file in one transaction, reports every failure by name and
reason, and can be re-run: unchanged files stay, corrected files update in place."""

import io
import json
import shutil

import pytest
from django.core.management import CommandError, call_command
from haystack.query import SearchQuerySet

from archive.models import Article, Pair, RemovedPair, Speaker, SpeakerAlias

from ..conftest import FIXTURES, SEED_SCO, SEED_SUPERPOWERS

pytestmark = pytest.mark.django_db(transaction=True)


def run(*args):
    """Run the command; return (exit status, stdout, stderr)."""
    import io

    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_interviews", *map(str, args), stdout=out, stderr=err)
        status = 0
    except SystemExit as exc:
        status = exc.code
    return status, out.getvalue(), err.getvalue()


def snapshot():
    """Everything an import could change, in the database and in the index."""
    rows = (
        list(Article.objects.values_list("title", "fingerprint", "is_published")),
        list(Pair.objects.values_list("key", "question", "answer", "speaker_id")),
        list(Speaker.objects.values_list("name", "role")),
        list(SpeakerAlias.objects.values_list("name")),
    )
    indexed = sorted(
        (r.id, getattr(r, "answer", None) or getattr(r, "title", None)) for r in SearchQuerySet().all()[:10000]
    )
    return rows, indexed


def test_seeds_import_as_four_answers_by_one_speaker_with_an_alias():
    status, out, _ = run(FIXTURES)
    assert status == 0
    assert "2 created" in out
    assert Article.objects.count() == 2
    assert Pair.objects.count() == 4
    assert list(Speaker.objects.values_list("name", flat=True)) == ["António Guterres"]
    assert list(SpeakerAlias.objects.values_list("name", flat=True)) == ["Antonio Guterres"]
    sco = Article.objects.get(import_ref=SEED_SCO.name)
    assert sco.photo_credit == "UNDP"
    assert sco.appearances.get().role == "UN Secretary General"
    assert sco.original_text == SEED_SCO.read_text(encoding="utf-8")


def test_import_makes_answers_searchable():
    run(FIXTURES)
    assert SearchQuerySet().models(Pair).filter(content="Azerbaijan").count() == 1
    assert SearchQuerySet().models(Article).filter(about="Kazinform").count() == 2


def test_second_run_reports_unchanged_and_changes_nothing():
    run(FIXTURES)
    before = snapshot()
    status, out, _ = run(FIXTURES)
    assert status == 0
    assert "2 unchanged" in out
    assert snapshot() == before


def test_corrected_file_updates_in_place_and_keeps_permalinks(tmp_path):
    original = tmp_path / SEED_SCO.name
    shutil.copy(SEED_SCO, original)
    run(original)
    article = Article.objects.get()
    keys = {p.question[:30]: p.key for p in article.pairs.all()}

    text = original.read_text(encoding="utf-8")
    corrected = text.replace("hosting around 80 events", "hosting around eighty events")
    corrected = corrected.replace(
        "What is the role of regional organizations", "What role do regional organizations play"
    )
    original.write_text(corrected, encoding="utf-8")
    status, out, _ = run(original)

    assert status == 0 and "1 updated" in out
    assert Article.objects.get().pk == article.pk
    pairs = list(Article.objects.get().pairs.all())
    assert len(pairs) == 3
    assert "eighty events" in pairs[0].answer
    assert pairs[0].key == keys["Last September the UN General "]
    assert pairs[1].question.startswith("What role do regional organizations play")
    assert pairs[1].key == keys["What is the role of regional o"]
    assert SearchQuerySet().models(Pair).filter(content="eighty").count() == 1


def test_answer_removed_by_correction_leaves_a_tombstone(tmp_path):
    path = tmp_path / "interview.txt"
    path.write_text("T\n\nJane Roe\n\nFirst question?\n\nFirst answer.\n\nSecond question?\n\nSecond answer.\n")
    run(path)
    gone = Pair.objects.get(question="Second question?").key
    path.write_text("T\n\nJane Roe\n\nFirst question?\n\nFirst answer.\n")
    run(path)
    assert not Pair.objects.filter(key=gone).exists()
    assert RemovedPair.objects.get(key=gone).article_title == "T"
    assert SearchQuerySet().models(Pair).filter(content="second").count() == 0


def test_broken_file_changes_nothing_and_the_others_still_import(tmp_path):
    good = tmp_path / "a-good.txt"
    shutil.copy(SEED_SCO, good)
    (tmp_path / "b-empty.txt").write_bytes(b"")
    (tmp_path / "c-binary.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "d-image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    shutil.copy(SEED_SUPERPOWERS, tmp_path / "e-good.txt")

    status, out, err = run(tmp_path)

    assert status == 1
    assert "2 created" in out and "3 failed" in out
    assert "b-empty.txt: the file is empty" in err
    assert "c-binary.txt: " in err and "not text" in err
    assert "d-image.txt: this is a PNG image, not a text file" in err
    assert "Traceback" not in out + err
    assert Article.objects.count() == 2


def test_failed_file_leaves_database_and_index_exactly_as_before(tmp_path):
    run(FIXTURES)
    before = snapshot()
    bad = tmp_path / SEED_SCO.name  # same name: it would update the existing article
    bad.write_bytes(b"Title\n\nWhy?\x00\x01\x02\n\nBecause.")  # binary data: refused with its reason
    status, _, err = run(bad)
    assert status == 1
    assert "binary data, not text" in err
    assert snapshot() == before


def test_database_refusal_rolls_back_the_whole_file(tmp_path):
    run(FIXTURES)
    before = snapshot()
    path = tmp_path / "long-name.txt"
    path.write_text("Title: T\nSpeaker: " + "Name " * 60 + "\n\nWhy?\n\nBecause.\n")
    status, _, err = run(path)
    assert status == 1
    assert "long-name.txt" in err and "the limit is 200" in err
    assert snapshot() == before


def test_windows_1252_and_utf16_files_are_decoded(tmp_path):
    text = "Café talk\n\nJosé Núñez, chef\n\nWhat is your favourite dish?\n\nThe crème brûlée, naturally.\n"
    (tmp_path / "cp1252.txt").write_bytes(text.encode("cp1252"))
    (tmp_path / "utf16.txt").write_bytes(text.replace("Café", "Tea").encode("utf-16"))
    status, out, err = run(tmp_path)
    assert status == 0, err
    assert set(Article.objects.values_list("title", flat=True)) == {"Café talk", "Tea talk"}
    assert Pair.objects.filter(answer="The crème brûlée, naturally.").count() == 2


def test_missing_file_is_reported_by_name(tmp_path):
    status, _, err = run(tmp_path / "nope.txt")
    assert status == 1
    assert "nope.txt: the file does not exist" in err


def test_dry_run_saves_nothing_and_says_what_would_happen():
    status, out, _ = run(FIXTURES, "--dry-run")
    assert status == 0
    assert "2 would create" in out and "dry run" in out
    assert Article.objects.count() == 0
    assert SearchQuerySet().all().count() == 0


def test_json_format_is_one_document_with_every_parsed_article(tmp_path):
    shutil.copy(SEED_SCO, tmp_path / SEED_SCO.name)
    (tmp_path / "empty.txt").write_text("")
    status, out, _ = run(tmp_path, "--dry-run", "--format", "json")
    assert status == 1
    files = json.loads(out)["files"]
    assert [(f["path"].rsplit("/", 1)[-1], f["ok"]) for f in files] == [("empty.txt", False), (SEED_SCO.name, True)]
    assert files[0]["error"] == "the file is empty" and files[0]["article"] is None
    article = files[1]["article"]
    assert article["title"].startswith("In the last few years, the SCO")
    assert article["photo_credit"] == "UNDP"
    assert article["published"] is None
    assert article["speakers"][0] == {
        "name": "António Guterres",
        "role": "UN Secretary General",
        "aliases": ["Antonio Guterres"],
    }
    assert len(article["pairs"]) == 3
    assert set(article["pairs"][0]) >= {"question", "answer", "speaker"}
    assert files[1]["warnings"] == []


def test_accented_spelling_becomes_the_main_name_whatever_the_order(tmp_path):
    (tmp_path / "1.txt").write_text("A talk\n\nJose Nunez\n\nWhy?\n\nBecause.\n")
    (tmp_path / "2.txt").write_text("B talk\n\nJosé Núñez\n\nHow?\n\nLike this.\n")
    run(tmp_path)
    speaker = Speaker.objects.get()
    assert speaker.name == "José Núñez"
    assert list(speaker.aliases.values_list("name", flat=True)) == ["Jose Nunez"]
    assert speaker.pairs.count() == 2


def test_a_thousand_files_with_one_broken_import_except_that_one(tmp_path):
    for n in range(1000):
        (tmp_path / f"{n:04d}.txt").write_text(f"Talk {n}\n\nJane Roe{n % 9}, farmer\n\nWhy farm {n}?\n\nSoil {n}.\n")
    (tmp_path / "0500.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    status, out, err = run(tmp_path)
    assert status == 1
    assert "999 created" in out and "1 failed" in out
    assert err.count("failed") == 1 and "0500.txt: this is a PNG image" in err
    assert Pair.objects.count() == 999
    assert SearchQuerySet().models(Pair).count() == 999


def test_file_over_the_size_limit_is_refused_unread(tmp_path, settings):
    big = tmp_path / "huge.txt"
    with big.open("wb") as handle:
        handle.truncate(100 * 1024 * 1024)  # 100 MB, sparse
    status, _, err = run(big)
    assert status == 1
    assert "huge.txt: the file is 100 MB; the limit is 20 MB" in err


def test_same_interview_under_two_names_is_imported_once(tmp_path):
    shutil.copy(SEED_SCO, tmp_path / "a.txt")
    shutil.copy(SEED_SCO, tmp_path / "b.txt")
    status, out, _ = run(tmp_path)
    assert status == 0
    assert "1 created" in out and "1 duplicate" in out
    assert "the same text as “a.txt”, already imported: skipped" in out
    assert Article.objects.count() == 1


def test_file_with_only_a_title_is_an_article_without_answers(tmp_path):
    (tmp_path / "title.txt").write_text("Just a headline\n")
    status, out, _ = run(tmp_path)
    assert status == 0
    assert Article.objects.get().title == "Just a headline"
    assert "no answered questions found" in out


def test_transcript_without_a_title_takes_its_name_from_the_file(tmp_path):
    (tmp_path / "go-time-42.txt").write_text(
        "**Erik Host:** Welcome! Our special guest is Ann Guest. What do you do?\n\n"
        "**Ann Guest:** I write compilers.\n\n**Erik Host:** Why compilers?\n\n**Ann Guest:** They are fun.\n"
    )
    run(tmp_path)
    article = Article.objects.get()
    assert article.title == "Go time 42"
    assert [(p.speaker.name, p.answer) for p in article.pairs.all()] == [
        ("Ann Guest", "I write compilers."),
        ("Ann Guest", "They are fun."),
    ]


def test_cyrillic_text_imports_readable_with_its_language(tmp_path):
    text = (
        "Интервью с министром\n\nИван Петров, министр\n\nКакие планы на следующий год?\n\n"
        "Мы построим новые школы и больницы в каждом районе страны.\n"
    )
    (tmp_path / "ru.txt").write_bytes(text.encode("cp1251"))
    run(tmp_path)
    article = Article.objects.get()
    assert article.title == "Интервью с министром"
    assert article.language == "ru"
    assert article.pairs.get().answer.startswith("Мы построим")


def test_date_in_the_file_name_dates_an_undated_text(tmp_path):
    (tmp_path / "presidential-debate-2012-10-16.txt").write_text(
        "Candy Host: Good evening. Our candidates are Ann One and Bo Two. Ann, why run?\n\n"
        "Ann One: To serve.\n\nCandy Host: Bo, why run?\n\nBo Two: To win.\n"
    )
    run(tmp_path)
    article = Article.objects.get()
    assert str(article.published) == "2012-10-16"
    assert article.title == "Presidential debate 2012 10 16"


def test_json_says_how_sure_the_parser_was_and_what_a_duplicate_duplicates(tmp_path):
    shutil.copy(SEED_SCO, tmp_path / "a.txt")
    shutil.copy(SEED_SCO, tmp_path / "b.txt")
    status, out, _ = run(tmp_path, "--format", "json")
    assert status == 0
    first, second = json.loads(out)["files"]
    assert first["needs_review"] is False and first["confidence"] == 1.0
    assert first["evidence"] and all(isinstance(line, str) for line in first["evidence"])
    assert first["duplicate_of"] is None
    assert (second["status"], second["duplicate_of"]) == ("duplicate", "a.txt")


def test_the_same_text_with_other_line_ends_is_a_duplicate(tmp_path):
    (tmp_path / "a.txt").write_text(SEED_SCO.read_text())
    (tmp_path / "b.txt").write_bytes(SEED_SCO.read_text().replace("\n", " \r\n").encode() + b"\r\n\r\n")
    status, out, _ = run(tmp_path)
    assert "1 created, 1 duplicate" in out
    assert Article.objects.count() == 1


def test_a_batch_gives_outlet_date_and_language_only_to_files_that_do_not_state_them(tmp_path, transactional_db):
    (tmp_path / "plain.txt").write_text(
        "Talking rivers\n\nWhy do rivers bend, in your view?\n\nBecause banks give way.\n"
    )
    (tmp_path / "stated.txt").write_text(
        "Title: Talking lakes\nOutlet: Lake Times\nDate: 2020-01-02\n\nWhy do lakes wait, in your view?\n\nThey rest.\n"
    )
    call_command(
        "import_interviews",
        str(tmp_path),
        "--outlet",
        "River News",
        "--date",
        "2021-03-04",
        "--language",
        "en",
        stdout=io.StringIO(),
    )
    plain, stated = Article.objects.get(title="Talking rivers"), Article.objects.get(title="Talking lakes")
    assert (plain.outlet, str(plain.published), plain.language) == ("River News", "2021-03-04", "en")
    assert (stated.outlet, str(stated.published)) == ("Lake Times", "2020-01-02")


def test_a_batch_date_that_is_no_date_is_refused_with_the_reason(tmp_path, transactional_db):
    with pytest.raises(CommandError, match="not a date"):
        call_command("import_interviews", str(tmp_path), "--date", "last week", stdout=io.StringIO())
