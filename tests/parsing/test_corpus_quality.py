"""The parser splits real transcripts as a reader would: measured on hand-made labels.

The labels and the measuring are in `tests/parsing/quality.py` (run it as a module for the
per-source table); these tests keep the figures the README reports from slipping.
"""

import pytest

from .quality import CORPUS, DEVELOPMENT, LABELS, check, table

pytestmark = pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpus is not beside this checkout")


def overall(labels):
    name, documents, count, first, last, false_pairs = table(labels, "source")[-1]
    assert name == "all" and documents == len(labels)
    return count, first, last, false_pairs


def test_development_sources_split_into_exactly_the_right_pairs():
    count, first, last, _ = overall(DEVELOPMENT)
    assert len(DEVELOPMENT) >= 100
    assert count >= 88 and first >= 92 and last >= 92


def test_no_pairs_are_made_from_a_text_that_is_not_an_interview():
    assert overall(DEVELOPMENT)[3] == 0


@pytest.mark.parametrize("label", [l for l in LABELS if l["path"].startswith("fixtures/")], ids=lambda l: l["path"])
def test_seed_documents_are_split_exactly(label):
    result = check(label)
    assert (result["count"], result["first"], result["last"]) == (True, True, True)
