"""The parser splits real transcripts as a reader would: measured on hand-made labels.

The labels and the measuring are in `tests/parsing/quality.py` (run it as a module for the
per-source table); these tests keep the figures the README reports from slipping. The
sealed sources were run once, before any of these rules saw them (`sealed-run.txt`); since
then they are development sources like the others, and guarded here with them.
"""

import pytest

from .quality import CORPUS, DEVELOPMENT, LABELS, check, table

pytestmark = pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpus is not beside this checkout")


def overall(labels):
    name, documents, count, first, last, false_pairs = table(labels, "source")[-1]
    assert name == "all" and documents == len(labels)
    return count, first, last, false_pairs


def test_the_sources_developed_on_split_into_exactly_the_right_pairs():
    count, first, last, _ = overall(DEVELOPMENT)
    assert len(DEVELOPMENT) >= 100
    assert count >= 91.9 and first >= 94.6 and last >= 95.5


def test_every_labelled_document_with_the_once_sealed_sources():
    count, first, last, false_pairs = overall(LABELS)
    assert len(LABELS) >= 150
    assert count >= 87.5 and first >= 90.8 and last >= 92.8
    assert false_pairs == 0  # no pairs made from a text that is not an interview


@pytest.mark.parametrize("label", [l for l in LABELS if l["path"].startswith("fixtures/")], ids=lambda l: l["path"])
def test_seed_documents_are_split_exactly(label):
    result = check(label)
    assert (result["count"], result["first"], result["last"]) == (True, True, True)
