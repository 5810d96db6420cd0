"""The parser splits real transcripts as a person would: measured on hand-checked labels.

`tests/parsing/corpus_labels.json` holds, for 39 documents of `../shared/corpus/dev/` and the seeds,
the expected number of question/answer pairs, the start of the first question and of the last
answer (how they were labelled: `tests/parsing/corpus_labels.md`). Print the per-shape table that the
README reports with `.venv/bin/python -m tests.parsing.test_corpus_quality`.
"""

import json
from collections import defaultdict
from pathlib import Path

import pytest

from archive.parsing import parse

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"
LABELS = json.loads((Path(__file__).parent / "corpus_labels.json").read_text(encoding="utf-8"))


def _path(label):
    return ROOT / label["path"] if label["path"].startswith("fixtures/") else CORPUS / label["path"]


def _norm(text):
    return " ".join((text or "").split())


def _without_label(question, labels):
    """A question gathered from several askers starts with "Label: "; the label is not text."""
    for label in labels:
        if question.startswith(label + ": "):
            return question[len(label) + 2 :]
    return question


def check(label) -> dict:
    """Whether the parser gets this document's pair count, first question and last answer."""
    iv = parse(_path(label).read_text(encoding="utf-8"), filename=_path(label).name)
    first = _without_label(_norm(iv.pairs[0].question), set(iv.labels)) if iv.pairs else None
    last = _norm(iv.pairs[-1].answer) if iv.pairs else None

    def starts(got, expected):
        return got is None and expected is None or bool(got and expected and got.startswith(_norm(expected)))

    return {
        "count": len(iv.pairs) == label["pairs"],
        "first": starts(first, label["first_question"]),
        "last": starts(last, label["last_answer"]),
        "got": len(iv.pairs),
    }


def table() -> list[tuple[str, int, float, float, float]]:
    results = defaultdict(list)
    for label in LABELS:
        results[label["shape"]].append(check(label))
    results["all"] = [r for rows in list(results.values()) for r in rows]
    return [
        (shape, len(rows), *(100 * sum(r[k] for r in rows) / len(rows) for k in ("count", "first", "last")))
        for shape, rows in sorted(results.items(), key=lambda item: (item[0] == "all", item[0]))
    ]


@pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpus is not beside this checkout")
def test_at_least_95_percent_of_documents_split_into_exactly_the_right_pairs():
    overall = table()[-1]
    assert overall[0] == "all" and overall[1] == len(LABELS) >= 30
    assert overall[2] >= 95, table()


@pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpus is not beside this checkout")
def test_first_questions_and_last_answers_start_where_a_reader_would_say():
    overall = table()[-1]
    assert overall[3] >= 95 and overall[4] >= 95, table()


@pytest.mark.parametrize("label", [l for l in LABELS if l["path"].startswith("fixtures/")], ids=lambda l: l["path"])
def test_seed_documents_are_split_exactly(label):
    assert check(label) == {"count": True, "first": True, "last": True, "got": label["pairs"]}


if __name__ == "__main__":
    print(f"{'shape':22} {'docs':>4} {'pairs exact':>12} {'1st question':>13} {'last answer':>12}")
    for shape, n, count, first, last in table():
        print(f"{shape:22} {n:4d} {count:11.0f}% {first:12.0f}% {last:11.0f}%")
    for label in LABELS:
        result = check(label)
        if not all(result[k] for k in ("count", "first", "last")):
            print(f"miss: {label['path']}: {result} (expected {label['pairs']} pairs)")
