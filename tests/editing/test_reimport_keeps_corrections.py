"""A re-import of a corrected article keeps what the editor decided, unless the text changed
where a correction applies: that one is reported and dropped, the others stay."""

import pytest

from archive.importer import import_file, import_text
from archive.models import Article

from ..conftest import SEED_SCO

pytestmark = pytest.mark.django_db  # nothing here needs the index: no commit, faster
SPLIT_AT = "Addressing the challenges we face requires effective international institutions, rooted in 21st-century realities, and based on the UN Charter and international law."


def corrected(tmp_path):
    path = tmp_path / "sco.txt"
    path.write_text(SEED_SCO.read_text())
    first = import_text(path.read_text(), import_ref="sco.txt", filename="sco.txt", corrections=[])
    pair = first.interview.pairs[1]
    fixes = [
        {"op": "set", "field": "title", "was": first.interview.title, "value": "Guterres on the SCO"},
        {"op": "split", "pair": [pair.question, pair.answer.split("\n\n")[0]], "paragraph": SPLIT_AT},
    ]
    outcome = import_text(path.read_text(), import_ref="sco.txt", filename="sco.txt", corrections=fixes)
    assert outcome.status == "updated" and Article.objects.get().pairs.count() == 4
    return path


def test_reimporting_the_same_file_unchanged_keeps_the_corrections(tmp_path):
    path = corrected(tmp_path)
    assert import_file(path).status == "unchanged"
    article = Article.objects.get()
    assert (article.title, article.pairs.count()) == ("Guterres on the SCO", 4)


def test_a_file_changed_elsewhere_keeps_every_correction(tmp_path):
    path = corrected(tmp_path)
    path.write_text(path.read_text().replace("hosting around 80 events", "hosting some 80 events"))
    outcome = import_file(path)
    assert outcome.status == "updated" and outcome.warnings == []
    article = Article.objects.get()
    assert (article.title, article.pairs.count()) == ("Guterres on the SCO", 4)
    assert "some 80 events" in article.pairs.get(position=1).answer


def test_a_file_changed_where_a_correction_applies_drops_only_that_one(tmp_path):
    path = corrected(tmp_path)
    path.write_text(path.read_text().replace("requires effective international", "needs effective international"))
    outcome = import_file(path)
    assert outcome.warnings == ["an editor's correction no longer applies: the paragraph it splits at has changed"]
    article = Article.objects.get()
    assert (article.title, article.pairs.count()) == ("Guterres on the SCO", 3)
    assert [c["op"] for c in article.corrections] == ["set"]
    assert import_file(path).status == "unchanged"
