"""Share-and-cite timings: drawing a social card, serving one from the disk cache, building the
citations, and the answer page that shows them all.

    .venv/bin/python -m bench.cards [--answers 60] [--repeats 5] [--no-record]

It works in a temporary data directory of its own (deleted at the end): migrates, imports the
seed interviews and the files of ../shared/corpus/dev/ (answers of every length, Latin and
Cyrillic), then times, for ``--answers`` answers spread over the corpus:

- drawing a card (archive.cards.render: layout, text, PNG encoding), without the disk;
- a cache miss through the view (``GET /a/<key>/card.png``: query, draw, write, send);
- a cache hit through the view (query, a stat of the cached file, send) and a revalidation
  (``If-None-Match``: 304, no file opened);
- every citation of one answer (attribution, APA, MLA, Chicago through citeproc-py), first
  and repeated (the styles' output is memoised per item);
- the whole answer page, which now carries all of the above.

The figures are printed and, unless ``--no-record``, appended to BENCHMARKS.md.
"""

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "dev"


def setup_django(data_dir: str) -> None:
    os.environ["ARCHIVE_DATA_DIR"] = data_dir
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-secret")
    os.environ["DJANGO_ALLOWED_HOSTS"] = "testserver"
    os.environ["DJANGO_SETTINGS_MODULE"] = "archive.settings"
    sys.path.insert(0, str(ROOT))
    import django  # noqa: PLC0415

    django.setup()


def timed(function, repeats: int) -> list[float]:
    """Milliseconds of each of ``repeats`` calls."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return times


def summary(times: list[float]) -> str:
    times = sorted(times)
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    return f"{statistics.median(times):.2f} / {p95:.2f} ms (n={len(times)})"


def run(answers: int, repeats: int) -> list[tuple[str, str]]:
    from django.core.management import call_command  # noqa: PLC0415
    from django.test import Client  # noqa: PLC0415

    from archive import cards, citations  # noqa: PLC0415
    from archive.models import Pair  # noqa: PLC0415

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    paths = [str(ROOT / "fixtures")] + ([str(CORPUS)] if CORPUS.exists() else [])
    call_command("import_interviews", *paths, "--no-progress", verbosity=0)
    total = Pair.objects.count()
    step = max(total // answers, 1)
    pairs = list(Pair.objects.public().for_display().order_by("pk")[::step][:answers])
    client = Client()

    draw = []
    for pair in pairs:
        facts = cards.facts_for(pair)
        draw += timed(lambda facts=facts: cards.render(facts), 1)
    sizes = [len(cards.render(cards.facts_for(p))) for p in pairs[:10]]

    def get(url, **headers):
        response = client.get(url, **headers)
        if response.streaming:
            b"".join(response.streaming_content)
        assert response.status_code in (200, 304), (url, response.status_code)
        return response

    miss, hit, revalidate = [], [], []
    for pair in pairs:
        url = f"/a/{pair.key}/card.png"
        miss += timed(lambda url=url: get(url), 1)
        hit += timed(lambda url=url: get(url), repeats)
        etag = get(url)["ETag"]
        revalidate += timed(lambda url=url, etag=etag: get(url, HTTP_IF_NONE_MATCH=etag), repeats)

    first, again = [], []
    for pair in pairs:
        source = citations.source_for(pair, f"http://testserver/a/{pair.key}/", datetime.now(UTC).date())
        first += timed(lambda source=source: citations.all_formatted(source), 1)
        again += timed(lambda source=source: citations.all_formatted(source), repeats)

    page = []
    for pair in pairs:
        page += timed(lambda pair=pair: get(pair.get_absolute_url()), repeats)

    return [
        ("answers in the corpus / timed", f"{total} / {len(pairs)}"),
        ("draw one card (render + PNG)", summary(draw)),
        ("card PNG size, median of 10", f"{statistics.median(sizes) / 1024:.0f} KiB"),
        ("GET card.png, cache miss (draw + write)", summary(miss)),
        ("GET card.png, cache hit (file on disk)", summary(hit)),
        ("GET card.png with If-None-Match (304)", summary(revalidate)),
        ("all citations of one answer, first time", summary(first)),
        ("all citations of one answer, again (memoised)", summary(again)),
        ("GET /a/<key>/ (the whole answer page, warm)", summary(page)),
    ]


def record(rows: list[tuple[str, str]], args) -> None:
    commit = subprocess.run(["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True, text=True)
    from PIL import __version__ as pillow  # noqa: PLC0415

    lines = [
        "",
        f"## {datetime.now(UTC):%Y-%m-%d %H:%M} UTC — share and cite (bench/cards.py), commit {commit.stdout.strip()}",
        "",
        f"- machine: {os.cpu_count()} cores, Python {platform.python_version()}, Pillow {pillow}; "
        f"`python -m bench.cards --answers {args.answers} --repeats {args.repeats}`, in-process "
        "(Django's test client: no network, no gunicorn), SQLite",
        "",
        "| what | p50 / p95 |",
        "| --- | --- |",
        *[f"| {what} | {value} |" for what, value in rows],
        "",
    ]
    with open(ROOT / "BENCHMARKS.md", "a") as out:
        out.write("\n".join(lines))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=60, help="how many answers to time")
    parser.add_argument("--repeats", type=int, default=5, help="repeats of each cached measurement")
    parser.add_argument("--no-record", action="store_true", help="print only; leave BENCHMARKS.md alone")
    args = parser.parse_args(argv)
    data_dir = tempfile.mkdtemp(prefix="bench-cards-")
    try:
        setup_django(data_dir)
        rows = run(args.answers, args.repeats)
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)
    for what, value in rows:
        print(f"{what:50} {value}")
    if not args.no_record:
        record(rows, args)


if __name__ == "__main__":
    main()
