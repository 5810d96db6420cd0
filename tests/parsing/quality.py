"""How well the parser splits real transcripts, measured on hand-made labels.

`corpus_labels.json` beside this file holds, for 153 documents of `../shared/corpus/dev/`,
`../shared/corpus/dev2/` and the seeds, what a reader says a correct split is: the number of
question/answer pairs, the start of the first question and of the last answer, who asks and
who answers (how each label was made: `corpus_labels.md` and each label's `method`). A third
of the sources are **sealed**: labelled first, never looked at while the parser was written,
and run once at the end; their figure is the one that predicts an editor's next file.
`written/<set>/labels.json` adds documents written for the measurement (`corpus_labels.md`).

    .venv/bin/python -m tests.parsing.quality                 # development documents, misses listed
    .venv/bin/python -m tests.parsing.quality --sealed        # the sealed ones too
    .venv/bin/python -m tests.parsing.quality --sealed-only   # the sealed ones alone
"""

import argparse
import html
import json
import sys
from collections import defaultdict
from pathlib import Path

from archive.names import fold
from archive.parsing import ParseError, parse
from archive.parsing.clean import REFERENCE_LINK
from archive.parsing.decode import decode

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"
HERE = Path(__file__).parent
# Documents written for the measurement, each set with its labels: `written/<set>/labels.json`.
WRITTEN = [
    label
    for labels in sorted(HERE.glob("written/*/labels.json"))
    for label in json.loads(labels.read_text(encoding="utf-8"))
]
LABELS = json.loads((HERE / "corpus_labels.json").read_text(encoding="utf-8"))  # the corpus's
DEVELOPMENT = [label for label in LABELS if not label["sealed"]]
EVERYTHING = LABELS + WRITTEN


def path_of(label) -> Path:
    if label["path"].startswith("written/"):
        return HERE / label["path"]
    return ROOT / label["path"] if label["path"].startswith("fixtures/") else CORPUS / label["path"]


def _norm(text):
    """Whitespace collapsed, and reference links read as their text ("[Emperor 200][e-200]"
    → "Emperor 200"), as the parser reads them: a snippet copied with the link's markup and
    one copied without it are the same words."""
    text = html.unescape(REFERENCE_LINK.sub(lambda m: m["text"], text or ""))  # "&#39;" as the parser reads it
    return " ".join(text.replace("\u00a0", " ").split())


def _without_label(question, labels):
    """A question gathered from several askers starts with "Label: "; the label is not text."""
    for label in labels:
        if question.startswith(label + ": "):
            return question[len(label) + 2 :]
    return question


_checked: dict[str, dict] = {}  # path → result: the tables of one run parse each document once


def check(label) -> dict:
    """Whether the parser gets this document's pair count, first question and last answer
    (and its title, and who answers)."""
    if label["path"] not in _checked:
        _checked[label["path"]] = _check(label)
    return _checked[label["path"]]


def _check(label) -> dict:
    path = path_of(label)
    try:
        iv = parse(decode(path.read_bytes())[0], filename=path.name)  # as the importer reads a file
    except ParseError as exc:  # the file would be refused: every measure misses
        return {
            "count": False,
            "first": False,
            "last": False,
            "false_pairs": False,
            "got": None,
            "needs_review": True,
            "first_got": f"refused: {exc}",
            "last_got": "",
            "title": False if label.get("title") else None,
            "speaker": False if _names_speakers(label) else None,
        }
    first = _without_label(_norm(iv.pairs[0].question), set(iv.labels)) if iv.pairs else None
    last = _norm(iv.pairs[-1].answer) if iv.pairs else None

    def starts(got, expected):
        if expected is None:
            return got is None
        expected = _norm(expected)
        # A label's snippet is the first words of the text; the parser's text may go on.
        return bool(got) and (got.startswith(expected) or expected.startswith(got) and len(got) > 20)

    return {
        "count": len(iv.pairs) == label["pairs"],
        "first": starts(first, label["first_question"]),
        "last": starts(last, label["last_answer"]),
        "false_pairs": not label["interview"] and bool(iv.pairs),
        "got": len(iv.pairs),
        "needs_review": iv.needs_review,
        "first_got": (first or "")[:80],
        "last_got": (last or "")[:80],
        "title": fold(_norm(iv.title)) == fold(_norm(label["title"])) if label.get("title") else None,
        "speaker": _right_speakers(iv, label) if _names_speakers(label) else None,
    }


def _names_speakers(label) -> bool:
    return bool(label["interview"] and label["pairs"] and label.get("interviewees"))


def _right_speakers(iv, label) -> bool:
    """Every answer is given to one of the labelled interviewees (a surname alone counts:
    "Okafor" for "Dr Chidi Okafor"); an answer given to nobody is a miss."""
    wanted = [set(fold(name).split()) for name in label["interviewees"]]
    given = {fold(pair.speaker) for pair in iv.pairs}
    return bool(iv.pairs) and all(
        name and any(set(name.split()) <= words or " and " in name for words in wanted) for name in given
    )


def table(labels, key) -> list[tuple]:
    """(group, documents, % count exact, % first question, % last answer, non-interviews with pairs)."""
    groups = defaultdict(list)
    for label in labels:
        groups[label[key]].append(check(label))
    groups["all"] = [r for rows in list(groups.values()) for r in rows]
    return [
        (
            name,
            len(rows),
            *(100 * sum(r[k] for r in rows) / len(rows) for k in ("count", "first", "last")),
            sum(r["false_pairs"] for r in rows),
        )
        for name, rows in sorted(groups.items(), key=lambda item: (item[0] == "all", item[0]))
    ]


def metadata_table(labels) -> tuple[int, float, int, float]:
    """(documents with a labelled title, % titles right, interviews with labelled interviewees,
    % whose every answer goes to one of them)."""
    rows = [check(label) for label in labels]
    titled = [r["title"] for r in rows if r["title"] is not None]
    named = [r["speaker"] for r in rows if r["speaker"] is not None]
    return len(titled), 100 * sum(titled) / max(1, len(titled)), len(named), 100 * sum(named) / max(1, len(named))


def report(labels, out=sys.stdout) -> None:
    for key in ("source", "shape"):
        print(
            f"{key:22} {'docs':>4} {'pairs exact':>12} {'1st question':>13} {'last answer':>12} {'false pairs':>12}",
            file=out,
        )
        for name, n, count, first, last, false in table(labels, key):
            print(f"{name:22} {n:4d} {count:11.0f}% {first:12.0f}% {last:11.0f}% {false:12d}", file=out)
        print(file=out)
    titled, titles, named, speakers = metadata_table(labels)
    print(
        f"titles right: {titles:.0f}% of {titled}; every answer to a labelled interviewee: {speakers:.0f}% of {named}",
        file=out,
    )
    print(file=out)
    for label in labels:
        result = check(label)
        if not all(result[k] for k in ("count", "first", "last")):
            print(
                f"miss: {label['path']}: got {result['got']} pairs, expected {label['pairs']}"
                f" (alt {label['alt_pairs']}); first {result['first']} {result['first_got']!r};"
                f" last {result['last']} {result['last_got']!r}",
                file=out,
            )


if __name__ == "__main__":
    arguments = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    arguments.add_argument("--sealed", action="store_true", help="Run on the sealed sources as well (the final run).")
    arguments.add_argument("--only", help="Only labels whose path contains this.")
    arguments.add_argument("--sealed-only", action="store_true", help="Only the sealed sources and sets.")
    options = arguments.parse_args()
    chosen = [label for label in EVERYTHING if options.sealed or not label["sealed"]]
    if options.sealed_only:
        chosen = [label for label in EVERYTHING if label["sealed"]]
    if options.only:
        chosen = [label for label in chosen if options.only in label["path"]]
    report(chosen)
