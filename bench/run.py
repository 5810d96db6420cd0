"""``make bench``: generate, check, import, serve, load, compare, record.

    .venv/bin/python -m bench.run [--sizes 10000 100000] [--duration 20] [--repeats 1]

Runs from the project folder with the project's virtual environment (it imports Whoosh for
the floor); Datasette and the corpus generator's vocabulary (wordfreq) come from the separate
environment bench-data/venv that ``make bench`` creates. Everything generated lives under
bench-data/ (git-ignored). Every server is stopped when the run ends, fails or is
interrupted. The figures are printed and appended as a dated section to BENCHMARKS.md; each
import's wall time and throughput also goes to bench-data/imports.jsonl as soon as it ends.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import signal
import sqlite3
import subprocess
import sys
import time
import traceback
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path

from . import corpus as corpora
from . import floor, index_floor, load, peer, report
from .project import ROOT, Site, top_speaker, year_supported
from .queries import MIX, YEAR, Facts, site_path
from .servers import machine_busy_seconds

CONCURRENCY = (1, 8)
CHECK_ARTICLES = 12


def parse_args(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000], help="corpus sizes, in pairs")
    ap.add_argument("--duration", type=float, default=20, help="seconds of load per row")
    ap.add_argument("--repeats", type=int, default=1, help="load runs per row (the median is kept)")
    ap.add_argument("--floor-repeats", type=int, default=3, help="passes of the Whoosh floor (median kept)")
    ap.add_argument(
        "--index-floor-repeats",
        type=int,
        default=None,
        help="write passes of raw Whoosh indexing (median kept; 0: none); by default 3 below "
        f"{index_floor.BIG:,} pairs, 1 up to {index_floor.HUGE:,} and none above",
    )
    ap.add_argument(
        "--fallback-articles",
        type=int,
        default=500,
        help="corpus size, in articles, while the parser misreads the generated shape",
    )
    ap.add_argument(
        "--force-sizes",
        action="store_true",
        help="keep --sizes even when the parser misreads the generated shape (then the "
        "articles are imported in the README's labelled shape)",
    )
    ap.add_argument(
        "--import-timeout",
        type=float,
        default=4 * 3600,
        help="seconds one import may take; past it, what was imported is served",
    )
    ap.add_argument(
        "--reuse-import",
        action="store_true",
        help="serve and load the data an earlier run imported (bench-data/run-<pairs>) instead of importing again",
    )
    ap.add_argument("--data", type=Path, default=ROOT / "bench-data")
    ap.add_argument(
        "--generator",
        type=Path,
        default=Path(os.environ.get("GEN_CORPUS", ROOT.parent / "shared" / "bench" / "gen_corpus.py")),
    )
    ap.add_argument("--peer-venv", type=Path, default=ROOT / "bench-data" / "venv")
    ap.add_argument("--output", type=Path, default=ROOT / "BENCHMARKS.md")
    ap.add_argument("--no-record", action="store_true", help="print only; leave BENCHMARKS.md alone")
    return ap.parse_args(argv)


def say(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


def code_version() -> str:
    rev = os.environ.get("BENCH_CODE_REV")
    if rev:
        return rev
    try:
        described = subprocess.run(
            ["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout.strip()
        return f"commit {described}"
    except (OSError, subprocess.CalledProcessError):
        return "code outside git"


def machine_context(args) -> list[str]:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    datasette = subprocess.run(
        [str(args.peer_venv / "bin" / "datasette"), "--version"], capture_output=True, text=True
    ).stdout.strip()
    workers = os.environ.get("WEB_CONCURRENCY", f"{os.cpu_count() + 1} (cores + 1)")
    return [
        f"machine: {os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}",
        "archive: "
        + ", ".join(f"{name} {version(name)}" for name in ("Django", "django-haystack", "whoosh-reloaded", "gunicorn"))
        + f", {workers} sync workers (gunicorn.conf.py)",
        f"peer: {datasette}, one process",
        f"corpus: gen_corpus.py, seed {corpora.SEED}, wordfreq vocabulary",
        "load: bench/load.py, threads on 127.0.0.1, the mix below in turn; warm-up before each row",
        "mix: "
        + ", ".join(
            f"{q.kind} `{q.q}`"
            + (" + speaker" if q.speaker else "")
            + (f" + year {YEAR}" if q.year else "")
            + (f" page {q.page}" if q.page > 1 else "")
            for q in MIX
        ),
    ]


def check_shapes(args, sample: corpora.Corpus) -> tuple[str, list[str]]:
    """Dry-run a few generated articles through the project's parser; returns the shape to
    import ("generated" or "labelled") and the report lines."""
    site = Site.fresh(args.data / "check", ROOT / ".venv" / "bin" / "python")
    site.manage("migrate", "--noinput", "--verbosity", "0")
    generated = corpora.check_parser(
        site.dry_run(corpora.sample_files(sample.articles, CHECK_ARTICLES)), sample, "generated"
    )
    lines = generated.lines()
    if generated.splits_right and generated.speakers_right:
        return "generated", lines
    labelled_dir = corpora.write_labelled(sample)
    labelled = corpora.check_parser(
        site.dry_run(corpora.sample_files(labelled_dir, CHECK_ARTICLES)), sample, "labelled"
    )
    lines += labelled.lines()
    if not labelled.splits_right:
        raise SystemExit("The parser misreads both the generated and the labelled shape:\n" + "\n".join(lines))
    return "labelled", lines


def measure_size(args, pairs: int, shape: str, python: Path) -> dict:
    result = {"pairs": pairs, "shape": shape, "concurrency": CONCURRENCY, "load": []}
    say(f"{pairs:,} pairs: corpus")
    corpus = corpora.generate(args.generator, args.peer_venv / "bin" / "python", pairs, args.data)
    folder = corpus.articles if shape == "generated" else corpora.write_labelled(corpus)
    result["articles"] = corpus.meta()["articles"]
    result["sha256"] = corpus.meta()["sha256"]
    run_dir = args.data / f"run-{pairs}"
    if args.reuse_import:
        site = Site.existing(run_dir / "data", python)
        site.manage("collectstatic", "--noinput", "--verbosity", "0")
        result["import"] = {"reused": True}
    else:
        site = Site.fresh(run_dir / "data", python)
        site.prepare()
        say(f"{pairs:,} pairs: import_interviews {folder.relative_to(ROOT) if folder.is_relative_to(ROOT) else folder}")
        result["import"] = site.import_folder(folder, run_dir / "import.log", args.import_timeout)
    imported = result["import"]
    counts = site.counts()
    in_db = counts.get("pairs", {}).get("database", 0)
    in_index = counts.get("pairs", {}).get("index", 0)
    result["indexed"] = f"{in_db:,} / {in_index:,}"
    result["index_mib"] = site.index_bytes() / 2**20
    result["db_mib"] = site.database_bytes() / 2**20
    if "seconds" in imported:
        imported["ms_per_pair"] = imported["seconds"] * 1000 / in_db if in_db else None
        imported["pairs_per_second"] = in_db / imported["seconds"] if imported["seconds"] else None
        say(
            f"{pairs:,} pairs: imported in {imported['seconds']:.0f} s "
            f"({imported['ms_per_pair'] or 0:.1f} ms a pair, {imported['pairs_per_second'] or 0:.0f} pairs/s, "
            f"other load {imported['other_cores']:.2f} cores), files {imported['files']} "
            f"(from the {imported['files_counted_from']}), pairs {result['indexed']}"
        )
        record_import(args, result)
        result["index_floor"] = measure_index_floor(args, site, run_dir, in_db)
    served = min(in_db, in_index)
    if served < pairs:
        # An import cut short: serve what the index holds, and give Datasette the same pairs,
        # the corpus's first ones (articles are imported, and their index batches written, in
        # order; the database may hold a batch more than the index).
        result["stopped"] = (
            f"the import stopped at {in_db:,} of {pairs:,} pairs, {in_index:,} indexed; "
            f"the figures are for the {served:,} indexed pairs, Datasette's too"
        )
        say(f"{pairs:,} pairs: {result['stopped']}")
        result["pairs_asked"], result["pairs"] = pairs, served

    with site.serve(run_dir / "gunicorn.log") as server:
        slug, name = top_speaker(server.get("/speakers/")[1].decode())
        facts = Facts(slug, name, year_supported(server, "music", YEAR))
        result["speaker"] = f"{name} ({slug})"
        result["year_supported"] = facts.year_supported
        result["hits"] = {
            q.kind: json.loads(server.get(site_path("/api/search/", q, facts))[1]).get("count") for q in facts.mix()
        }
        say(f"{pairs:,} pairs: Whoosh floor (speaker {slug}, year filter {'on' if facts.year_supported else 'absent'})")
        result["floor"] = floor.measure(site.index_dir, facts, repeats=args.floor_repeats)
        for page in ("/search/", "/api/search/"):
            paths = [(q.kind, site_path(page, q, facts)) for q in facts.mix()]
            result["load"] += load_rows(args, server, "archive", page, paths)

    # Datasette names a database after its file: always fts.db, in its own folder when partial.
    fts_path = corpus.folder / ("fts.db" if served >= pairs else f"fts-{served}/fts.db")
    say(f"{served:,} pairs: Datasette on FTS5")
    fts = peer.build(corpus.jsonl, fts_path, limit=served)
    result["fts"] = {"mib": fts["bytes"] / 2**20, "build_seconds": fts["build_seconds"]}
    with peer.serve_datasette(args.peer_venv, fts_path, run_dir / "datasette.log") as server:
        result["hits_fts5"] = peer.hits(server, facts)
        for page, json_ in (("table page (count + facet suggestions)", False), ("JSON (no count, no facets)", True)):
            result["load"] += load_rows(args, server, "datasette", page, peer.paths(server, facts, json_=json_))
    return result


def record_import(args, result: dict) -> None:
    """One JSON line per import in bench-data/imports.jsonl, written as soon as the import
    ends, so an interrupted run keeps the throughput of the sizes it got through."""
    imported = result["import"]
    line = {
        "at": datetime.now(UTC).isoformat(timespec="seconds"),
        "code": code_version(),
        "pairs": result["pairs"],
        "articles": result["articles"],
        "shape": result["shape"],
        "indexed": result["indexed"],
        "wall_seconds": round(imported["seconds"], 2),
        "cpu_seconds": round(imported["cpu_seconds"], 2),
        "pairs_per_second": imported["pairs_per_second"],
        "other_cores": round(imported["other_cores"], 2),
        "exit_status": imported["exit_status"],
        "files": imported["files"],
    }
    with open(args.data / "imports.jsonl", "a", encoding="utf-8") as out:
        out.write(json.dumps(line) + "\n")


def measure_index_floor(args, site: Site, run_dir: Path, pairs: int) -> dict:
    """Raw Whoosh writing the same answer documents with the same schema (bench/index_floor.py),
    right after the import, before anything is served; an error is recorded, not raised."""
    asked = args.index_floor_repeats
    repeats = index_floor.passes_for(pairs) if asked is None else asked
    if not repeats:
        why = "--index-floor-repeats 0" if asked == 0 else f"above {index_floor.HUGE:,} pairs"
        say(f"{pairs:,} pairs: raw Whoosh indexing not run ({why})")
        return {
            "skipped": f"not run ({why}; one pass on one core takes about "
            f"{pairs * 14 / 60_000:,.0f} min at the 14 ms a pair measured at 100k)"
        }
    say(f"{pairs:,} pairs: raw Whoosh indexing of the same answers ({repeats} pass(es))")
    try:
        result = index_floor.measure(site, run_dir / "index-floor", repeats=repeats, timeout=args.import_timeout)
    except Exception as error:  # noqa: BLE001 - the rest of the size is still worth measuring
        say(f"  warning: raw Whoosh indexing failed: {str(error).strip().splitlines()[-1]}")
        return {"error": str(error).strip().splitlines()[-1]}
    say(
        f"  {result['documents']:,} documents: prepare {result['prepare_seconds']:.1f} s (not in the floor), "
        f"add {result['add_seconds']:.1f} s + commit {result['commit_seconds']:.1f} s = {result['total_seconds']:.1f} s, "
        f"{result['ms_per_pair']:.2f} ms a pair, {result['index_mib']:.1f} MiB, other load "
        f"{result['other_cores']:.2f} cores; passes {result['totals']}"
    )
    return result


def load_rows(args, server, system: str, page: str, paths: list[tuple[str, str]]) -> list[dict]:
    for kind, path in paths:
        status, _ = server.get(path)
        if status != 200:
            say(f"  warning: {system} answers {status} to {kind}: {path}")
    load.warm_up(server.port, paths)
    rows = []
    for c in CONCURRENCY:
        runs, others = [], []
        for _ in range(args.repeats):
            # CPU used meanwhile by anything but the server and this process: other work on
            # the machine that the figures shared the two cores with.
            before = (machine_busy_seconds(), server.cpu_seconds(), sum(os.times()[:2]), time.monotonic())
            runs.append(load.run(server.port, paths, concurrency=c, seconds=args.duration))
            after = (machine_busy_seconds(), server.cpu_seconds(), sum(os.times()[:2]), time.monotonic())
            busy, served, own, wall = (b - a for a, b in zip(before, after, strict=False))
            others.append(max(0.0, busy - served - own) / wall)
        rss = server.rss_mib()
        stats = load.median_summary(runs)
        stats["other_cores"] = round(max(others), 2)
        rows.append(
            {"system": system, "page": page, "stats": stats, "rss": " / ".join(f"{r:.0f}" for r in sorted(rss))}
        )
        say(
            f"  {system} {page} c={c}: {stats['rps']:.1f} req/s, p50 {stats['p50']:.0f} ms, "
            f"p95 {stats['p95']:.0f} ms, errors {stats['errors']}, other load {stats['other_cores']:.2f} cores"
        )
    return rows


def _interrupted(signum, frame):
    raise KeyboardInterrupt


def main(argv=None) -> int:
    args = parse_args(argv)
    # A TERM (a CI timeout, a kill) unwinds like Ctrl-C, so every server is stopped.
    signal.signal(signal.SIGTERM, _interrupted)
    python = ROOT / ".venv" / "bin" / "python"
    if not args.generator.is_file():
        raise SystemExit(f"gen_corpus.py is not at {args.generator}: pass --generator or set GEN_CORPUS")
    args.data.mkdir(parents=True, exist_ok=True)
    started = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    notes: list[str] = []

    sizes = sorted(set(args.sizes))
    fallback_pairs = corpora.articles_for_pairs(args.generator, args.fallback_articles)
    say(f"parser check on {CHECK_ARTICLES} generated articles")
    sample = corpora.generate(args.generator, args.peer_venv / "bin" / "python", fallback_pairs, args.data)
    shape, check_lines = check_shapes(args, sample)
    for line in check_lines:
        print("   ", line)
    if shape == "labelled":
        notes.append(
            "The parser misreads the generated shape (above), so the articles were imported "
            "rewritten in the README's labelled shape (`Title:/Date:/Outlet:/Speaker:/Interviewer:` "
            "header, `Q:`/`A:` labels; same pairs and text). Panel articles (~12 %) then give "
            "every answer to their first speaker."
        )
        if not args.force_sizes:
            notes.append(
                f"While the parser misreads the generated shape the run uses a "
                f"{args.fallback_articles}-article corpus ({fallback_pairs:,} pairs) instead of "
                f"{', '.join(f'{s:,}' for s in sizes)} pairs (`--force-sizes` keeps them)."
            )
            sizes = [fallback_pairs]

    results, failure = [], None
    try:
        for pairs in sizes:
            results.append(measure_size(args, pairs, shape, python))
            print()
            print(report.terminal(results[-1]))
            print()
    except KeyboardInterrupt:
        failure = "interrupted"
    except Exception:  # record what was measured, then fail
        failure = traceback.format_exc()
        print(failure, file=sys.stderr)
    if any(r.get("year_supported") is False for r in results):
        notes.append(
            "The site has no year filter yet (`&year=` leaves the count unchanged), so the year "
            "query is left out of the mix for every system."
        )
    notes += [f"{r['pairs_asked']:,} pairs asked: {r['stopped']}." for r in results if r.get("stopped")]
    if any("documents" in r.get("index_floor", {}) for r in results):
        notes.append(report.INDEX_FLOOR_NOTE)
    notes += [
        f"{r['pairs']:,} pairs: raw Whoosh indexing failed: {r['index_floor']['error']}"
        for r in results
        if "error" in r.get("index_floor", {})
    ]
    notes += [
        f"{r['pairs']:,} pairs: raw Whoosh indexing {r['index_floor']['skipped']}."
        for r in results
        if "skipped" in r.get("index_floor", {})
    ]
    if args.reuse_import:
        notes.append(
            "`--reuse-import`: served the data directories an earlier run imported "
            "(bench-data/run-<pairs>); that run's section has the import figures."
        )
    for r in results:
        notes.append(
            f"{r['pairs']:,} pairs: corpus sha256 {r['sha256'][:16]}…, {r['articles']:,} articles; "
            f"speaker filter on {r.get('speaker', '?')}."
        )
    if failure:
        notes.append("The run stopped early: " + failure.strip().splitlines()[-1])

    if results and not args.no_record:
        section = report.markdown(
            {
                "started": started,
                "code": code_version(),
                "context": machine_context(args),
                "check": check_lines,
                "sizes": results,
                "duration": args.duration,
                "repeats": args.repeats,
                "floor_repeats": args.floor_repeats,
                "notes": notes,
            }
        )
        if not args.output.exists():
            args.output.write_text(
                "# Benchmarks\n\nWritten by `make bench` (bench/): one dated section per run, newest last.\n\n"
            )
        with open(args.output, "a", encoding="utf-8") as out:
            out.write("\n" + section)
        say(f"appended to {args.output}")
    (args.data / "last-run.json").write_text(json.dumps({"sizes": results, "notes": notes}, indent=1, default=str))
    return 1 if failure else 0


if __name__ == "__main__":
    sys.exit(main())
