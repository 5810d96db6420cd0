"""Measures the quote check and related answers on real interviews (not part of `make test`:
it imports the seeds and ../shared/corpus/dev into a temporary archive, about two minutes)::

    .venv/bin/python -m tests.follow.measure [--quotes 150] [--data DIR]

Quote check: quotes made from real answers by the rules below; for each kind, how often the
true source comes first (or an answer holding the same words: the corpus repeats some), how
often the verdict names the kind, and the time per check.

* verbatim: 20 words in a row; trimmed: 8 words, "…", 12 words from a little further on;
* altered: 20 words with two replaced by words from another answer and one left out;
* paraphrased: 24 words with every fourth replaced (a quarter of the words changed);
* stitched: 12 words of one answer and 12 of an answer in another interview.

Related answers: tests/follow/related_judged.json lists, for 15 answers picked at random
(seed 14) from the corpus, the answers judged related or not by reading them (each named by
its file, its position and its first words). Shown: how many
of the (at most five) related answers listed are judged related, for the algorithm before
issue 14 (the twelve most telling words, any of them) and now.
"""

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus" / "dev"


def setup(data: str | None = None):
    os.environ["ARCHIVE_DATA_DIR"] = data or tempfile.mkdtemp(prefix="archive-measure-")
    os.environ.setdefault("DJANGO_SECRET_KEY", "measure-only")
    os.environ["DJANGO_SETTINGS_MODULE"] = "archive.settings"
    sys.path.insert(0, str(ROOT))
    import django  # noqa: PLC0415

    django.setup()
    from django.core.management import call_command  # noqa: PLC0415

    from archive.importer import import_file  # noqa: PLC0415

    call_command("migrate", verbosity=0)
    files = sorted((ROOT / "fixtures").glob("*.txt")) + sorted(CORPUS.rglob("*.txt"))
    for path in files:
        import_file(path)  # "unchanged" at once when --data was imported before
    return len(files)


def quotes_from(pairs, rng):
    """(kind, quote, [source keys], the original words the quote was made from)."""
    vocabulary = [w for p in pairs[:200] for w in p.answer.split() if w.isalpha() and len(w) > 4]
    for pair in pairs:
        words = pair.answer.split()
        start = rng.randrange(0, len(words) - 30)
        run = words[start : start + 20]
        yield "verbatim", " ".join(run), [pair.key], " ".join(run)
        yield (
            "trimmed",
            " ".join(words[start : start + 8]) + " … " + " ".join(words[start + 14 : start + 26]),
            [pair.key],
            " ".join(words[start : start + 8]),
        )
        altered = list(run)
        for i in rng.sample(range(2, 18), 2):
            altered[i] = rng.choice(vocabulary)
        del altered[rng.randrange(2, 18)]
        yield "altered", " ".join(altered), [pair.key], " ".join(run[:2])
        para = words[start : start + 24]
        para = [rng.choice(vocabulary) if i % 4 == 3 else w for i, w in enumerate(para)]
        yield "paraphrased", " ".join(para), [pair.key], " ".join(para[:3])
        other = rng.choice([p for p in pairs if p.article_id != pair.article_id])
        other_words = other.answer.split()
        o = rng.randrange(0, len(other_words) - 14)
        yield (
            "stitched",
            " ".join(words[start : start + 12]) + " " + " ".join(other_words[o : o + 12]),
            [pair.key, other.key],
            " ".join(words[start : start + 12]),
        )


EXPECTED = {"verbatim": {"verbatim"}, "trimmed": {"trimmed"}, "altered": {"altered"}, "paraphrased": {"altered"}}


def measure_quotes(n: int):
    from archive.models import Pair  # noqa: PLC0415
    from archive.quotecheck import check  # noqa: PLC0415

    rng = random.Random(14)
    candidates = [p for p in Pair.objects.public().order_by("id") if len(p.answer.split()) >= 40]
    pairs = rng.sample(candidates, min(n, len(candidates)))
    table = {}
    for kind, quote, sources, made_from in quotes_from(pairs, rng):
        started = time.perf_counter()
        verdict = check(quote)
        elapsed = time.perf_counter() - started
        row = table.setdefault(kind, {"n": 0, "first": 0, "kind": 0, "times": []})
        row["n"] += 1
        row["times"].append(elapsed)
        found = [p.hit for p in verdict.placements]
        if kind == "stitched":
            keys = {h.key for h in found}
            row["first"] += set(sources) <= keys
            row["kind"] += verdict.kind == "stitched"
        else:
            first = found[0] if found else None
            same = first is not None and (first.key == sources[0] or made_from in first.answer)
            row["first"] += same
            row["kind"] += verdict.kind in EXPECTED[kind]
    print(f"\nQuote check: {len(pairs)} answers of {len(candidates)} with 40 words or more\n")
    print("| quote | quotes | true source first | verdict right | time p50 / p95 |")
    print("| --- | --- | --- | --- | --- |")
    for kind, row in table.items():
        times = sorted(row["times"])
        p95 = times[int(0.95 * (len(times) - 1))]
        print(
            f"| {kind} | {row['n']} | {100 * row['first'] / row['n']:.0f} % | {100 * row['kind'] / row['n']:.0f} % "
            f"| {1000 * statistics.median(times):.0f} / {1000 * p95:.0f} ms |"
        )


def old_related(pair, limit=5):
    """Related answers as they were found before issue 14: any of the twelve most telling
    words of the question and answer."""
    from haystack import connections  # noqa: PLC0415
    from haystack.constants import ID  # noqa: PLC0415
    from haystack.utils import get_identifier  # noqa: PLC0415
    from whoosh import query as wq  # noqa: PLC0415

    from archive.models import Pair  # noqa: PLC0415

    backend = connections["default"].get_backend()
    searcher = backend._searcher()
    field = backend.content_field_name
    terms = searcher.key_terms_from_text(field, f"{pair.question}\n{pair.answer}", numterms=12)
    query = wq.Or([wq.Term(field, w, boost=weight) for w, weight in terms])
    own = {
        docnum
        for docnum in searcher.docs_for_query(wq.Term("article", pair.article.slug))
        if searcher.stored_fields(docnum).get("django_ct") == "archive.pair"
    }
    own.add(searcher.document_number(**{ID: get_identifier(pair)}))
    keys = []
    for hit in searcher.search(query, limit=limit + len(own) + 40, mask=own):
        if hit.get("django_ct") == "archive.pair" and Pair.objects.filter(key=hit["key"]).exists():
            keys.append(hit["key"])
        if len(keys) == limit:
            break
    return keys


def measure_related():
    from archive.models import Pair  # noqa: PLC0415
    from archive.search import related_answers  # noqa: PLC0415

    def pair_at(ref, position, words):
        # Found by its first words (a parser change may move an answer), else its position.
        for pair in Pair.objects.filter(article__import_ref=ref):
            if " ".join(pair.answer.split()).startswith(words):
                return pair
        return Pair.objects.filter(article__import_ref=ref, position=position).first()

    judged = json.loads((Path(__file__).with_name("related_judged.json")).read_text())
    results = {"before": [0, 0, 0, 0], "now": [0, 0, 0, 0]}  # related, unrelated, unjudged, sources first-related
    missing = 0
    for entry in judged:
        source = pair_at(*entry["answer"])
        if source is None:
            print(f"not found (the parser reads it otherwise now): {entry['answer']}")
            missing += 1
            continue
        good = {p.key for p in (pair_at(*i) for i in entry["related"]) if p}
        bad = {p.key for p in (pair_at(*i) for i in entry["unrelated"]) if p}
        for name, keys in (("before", old_related(source)), ("now", [r.key for r in related_answers(source)])):
            row = results[name]
            row[0] += sum(k in good for k in keys)
            row[1] += sum(k in bad for k in keys)
            row[2] += sum(k not in good and k not in bad for k in keys)
            row[3] += bool(keys) and keys[0] in good
    print(f"\nRelated answers: {len(judged) - missing} judged answers, at most 5 related answers listed for each\n")
    print("| | listed | judged related | judged unrelated | not judged | related answer first |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name, (good, bad, unknown, first) in results.items():
        listed = good + bad + unknown
        print(
            f"| {name} | {listed} | {good} ({100 * good / max(listed, 1):.0f} %) | {bad} | {unknown} | {first} of {len(judged) - missing} |"
        )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", help="a data folder to keep the imported archive in (and reuse)")
    parser.add_argument("--quotes", type=int, default=150, help="answers to make quotes from (five each); 0: none")
    args = parser.parse_args()
    started = time.perf_counter()
    files = setup(args.data)
    print(f"Imported {files} files in {time.perf_counter() - started:.0f} s")
    if args.quotes:
        measure_quotes(args.quotes)
    measure_related()


if __name__ == "__main__":
    main()
