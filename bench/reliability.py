"""Faults and load, measured: ``python -m bench.reliability`` (``make reliability``).

One command, loopback only, every step bounded in time; it writes RELIABILITY.md (the table
test | figure | date | commit, and what each row means). Everything it makes goes under
``bench-data/reliability-<pairs>/`` (git-ignored). The steps:

1. a generated corpus (``shared/bench/gen_corpus.py``, fixed seed) imported clean;
2. crashes on a subset of it: ``kill -9`` of an import and of an index rebuild midway, then
   the same command again: ``check_index`` equal, counts equal to the clean import of the same
   files; and a rebuild into a second folder while the live index keeps serving;
3. the most expensive queries the limits allow, each timed over HTTP against the whole corpus;
4. load with wrk (Debian's package) at concurrency 32 with the benchmark's rotating query mix,
   then again with one gunicorn worker killed by ``kill -9`` a third of the way in;
5. a soak (10 minutes by default) with each worker's RSS before and after;
6. the largest hostile files' import times (a 5 MB line, 50,000 paragraphs).

The fast versions of the crash, hostile-file and query tests run in ``make test``
(tests/operations/, tests/security/); these figures need a corpus and minutes.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlencode

from . import corpus as corpora
from .project import ROOT, Site, top_speaker
from .queries import MIX, YEAR

WRK_SCRIPT = """
paths = {%s}
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
"""
EXPENSIVE = {
    # name: (query parameters, what makes it expensive)
    "common-prefix wildcards": (
        {"q": " ".join(f"{c}*" for c in "abcdefghijklmnopqrstuvwxyzabcd")},
        "30 one-letter prefixes",
    ),
    "many ORs": (
        {"q": " OR ".join((["government", "family", "music", "water", "city", "people", "world", "time"] * 2)[:15])},
        "14 ORs of common words (29 words, the limit is 30)",
    ),
    "deep brackets": ({"q": "(" * 90 + "government" + ")" * 90}, "90 nested brackets"),
    "longest query": (
        {"q": ("government family music water city people world time year work " * 3).strip()[:200]},
        "200 characters, 30 common words",
    ),
    "long phrase": (
        {"q": '"' + " ".join(["the", "people", "of", "the", "world"] * 6)[:197] + '"'},
        "a 30-word phrase of common words",
    ),
    "last page": ({"q": "government", "page": "500"}, "page 500 of a common word"),
    "past the last page": ({"q": "government", "page": "501"}, "refused with 400"),
    "all NOT": (
        {"q": " ".join(f"-{w}" for w in ["government", "family", "music", "water", "city", "people"])},
        "only exclusions",
    ),
    "who said it most": ({"q": "government", "view": "speakers"}, "the speakers view of a common word"),
    "newest first": ({"q": "government", "sort": "newest"}, "a common word sorted by date"),
}
QUERY_BOUND_SECONDS = 10.0


def say(message: str) -> None:
    print(f"[{datetime.now(UTC):%H:%M:%S}] {message}", flush=True)


def commit() -> str:
    out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT, capture_output=True, text=True
    )
    return out.stdout.strip() + ("+" if dirty.stdout.strip() else "")


class Record:
    def __init__(self):
        self.rows: list[tuple[str, str]] = []

    def add(self, test: str, figure: str) -> None:
        say(f"{test}: {figure}")
        self.rows.append((test, figure))


# -- imports and crashes -----------------------------------------------------------------------
def started(site: Site, *args: str, log: Path, env: dict | None = None) -> subprocess.Popen:
    out = log.open("w")
    return subprocess.Popen(
        [str(site.python), "manage.py", *args],
        cwd=ROOT,
        env={**site.env(), **(env or {})},
        stdout=out,
        stderr=out,
        start_new_session=True,  # its own process group, so what it leaves behind can be found
    )


def survivors(process: subprocess.Popen) -> list[int]:
    """Processes of ``process``'s group still alive after it was killed."""
    alive = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[2]) == process.pid and fields[0] != "Z":
                alive.append(int(entry.name))
    return alive


def crash_like_a_reboot(process: subprocess.Popen) -> str:
    """After ``kill -9`` of the command, what is left of it; then the rest of its group is
    killed too, as a reboot or the OOM killer of the whole service would."""
    time.sleep(2)
    left = survivors(process)
    if left:
        os.killpg(process.pid, signal.SIGKILL)
        time.sleep(1)
    return (
        f"{len(left)} of its index-writer processes outlived it, holding the index lock, and were killed too"
        if left
        else "no process outlived it"
    )


def article_count(site: Site) -> int:
    """Articles saved so far, read from the SQLite file directly (no Django start-up)."""
    try:
        with sqlite3.connect(f"file:{site.data / 'archive.sqlite3'}?mode=ro", uri=True, timeout=5) as db:
            return db.execute("SELECT count(*) FROM archive_article").fetchone()[0]
    except sqlite3.Error:
        return 0


def kill_midway(process: subprocess.Popen, ready, timeout: float) -> float:
    """SIGKILL ``process`` once ``ready()`` is true; the seconds it ran."""
    start = time.monotonic()
    while process.poll() is None and not ready() and time.monotonic() - start < timeout:
        time.sleep(0.5)
    if process.poll() is not None:
        raise RuntimeError(f"{process.args} ended before it could be killed midway")
    process.send_signal(signal.SIGKILL)
    process.wait()
    return time.monotonic() - start


def equal(counts: dict) -> bool:
    return bool(counts) and all(c["database"] == c["index"] for c in counts.values())


def show(counts: dict) -> str:
    return ", ".join(f"{c['database']:,} {name}" for name, c in counts.items())


def crashes(args, folder: Path, files: int, record: Record, work: Path) -> Site:
    clean = Site.fresh(work / "subset-clean", args.python)
    clean.prepare()
    started_at = time.monotonic()
    clean.import_folder(folder, work / "subset-clean.log", timeout=args.step_timeout)
    clean_seconds = time.monotonic() - started_at
    clean_counts = clean.counts()

    crashed = Site.fresh(work / "subset-crash", args.python)
    crashed.prepare()
    process = started(crashed, "import_interviews", "--no-progress", str(folder), log=work / "crash-import-1.log")
    ran = kill_midway(process, lambda: article_count(crashed) >= files // 3, args.step_timeout)
    left = crash_like_a_reboot(process)
    saved = article_count(crashed)
    crashed.manage(
        "import_interviews",
        "--no-progress",
        str(folder),
        log=work / "crash-import-2.log",
        timeout=args.step_timeout,
        check=False,
    )
    crashed.manage("check_index", "--repair", check=False)
    after = crashed.counts()
    record.add(
        "import killed with kill -9 midway, then run again",
        f"killed after {ran:.0f} s with {saved:,} of {files:,} articles saved ({left}); rerun: "
        f"{'index equal to database' if equal(after) else 'INDEX DIFFERS'}, "
        f"{'counts equal to a clean import' if after == clean_counts else f'COUNTS DIFFER: {after} vs {clean_counts}'} "
        f"({show(after)}; the clean import took {clean_seconds:.0f} s)",
    )

    started_at = time.monotonic()
    crashed.manage("rebuild_index", "--noinput", timeout=args.step_timeout)
    rebuild_seconds = time.monotonic() - started_at
    process = started(crashed, "rebuild_index", "--noinput", log=work / "crash-rebuild-1.log")
    deadline = time.monotonic() + rebuild_seconds * 0.4
    ran = kill_midway(process, lambda: time.monotonic() > deadline, args.step_timeout)
    left = crash_like_a_reboot(process)
    midway = crashed.counts()
    crashed.manage("rebuild_index", "--noinput", timeout=args.step_timeout)
    after = crashed.counts()
    record.add(
        "index rebuild killed with kill -9 midway, then run again",
        f"killed after {ran:.0f} s of {rebuild_seconds:.0f} s (the index then held "
        + ", ".join(f"{c['index']:,} of {c['database']:,} {name}" for name, c in midway.items())
        + f"; {left}); "
        f"rerun: {'index equal to database' if equal(after) else 'INDEX DIFFERS'}, "
        f"{'counts equal to a clean import' if after == clean_counts else 'COUNTS DIFFER'}",
    )
    live_during_rebuild(args, crashed, record, work)
    return clean


def live_during_rebuild(args, site: Site, record: Record, work: Path) -> None:
    """Rebuild into a second folder (docs/deployment.md) while gunicorn serves the first:
    every search answers, with the same count, the whole time."""
    with ExitStack() as stack:
        server = stack.enter_context(site.serve(work / "rebuild-gunicorn.log"))
        path = "/api/search/?q=government"
        status, body = server.get(path)
        expected = json.loads(body)["count"] if status == 200 else None
        new = site.data / "whoosh-rebuilt"
        shutil.rmtree(new, ignore_errors=True)
        process = started(
            site, "rebuild_index", "--noinput", "--using", "rebuild",
            log=work / "rebuild-second.log", env={"SEARCH_REBUILD_URL": f"whoosh://{new}"},
        )  # fmt: skip
        answered, wrong, slowest = 0, 0, 0.0
        deadline = time.monotonic() + args.step_timeout
        while process.poll() is None and time.monotonic() < deadline:
            began = time.monotonic()
            status, body = server.get(path, timeout=60)
            slowest = max(slowest, time.monotonic() - began)
            answered += 1
            wrong += status != 200 or json.loads(body)["count"] != expected
            time.sleep(0.1)
        process.wait(timeout=60)
    record.add(
        "live index serves during a rebuild into a second folder",
        f"{answered} searches during the rebuild: {wrong} failed or differed, slowest {slowest * 1000:.0f} ms",
    )


# -- load ----------------------------------------------------------------------------------------
def mix_paths(server) -> list[str]:
    slug, _ = top_speaker(server.get("/speakers/")[1].decode())
    paths = []
    for query in MIX:
        params: dict[str, str] = {"q": query.q}
        if query.speaker:
            params["speaker"] = slug
        if query.year:
            params["year"] = YEAR
        if query.page != 1:
            params["page"] = str(query.page)
        paths.append("/search/?" + urlencode(params))
    return paths


def wrk(server, paths: list[str], *, connections: int, seconds: int, script_dir: Path, during=None) -> dict:
    script = script_dir / "mix.lua"
    script.write_text(WRK_SCRIPT % ", ".join(json.dumps(p) for p in paths))
    command = [
        "wrk",
        "-t",
        "2",
        "-c",
        str(connections),
        "-d",
        f"{seconds}s",
        "--timeout",
        "30s",
        "--latency",
        "-s",
        str(script),
        server.base,
    ]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    extra = during() if during else None
    out, _ = process.communicate(timeout=seconds + 120)
    return {**parse_wrk(out), "during": extra, "raw": out}


def parse_wrk(out: str) -> dict:
    def ms(value: str, unit: str) -> float:
        return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]

    latency = {p: ms(v, u) for p, v, u in re.findall(r"^\s+(50|75|90|99)%\s+([\d.]+)(us|ms|s|m)\s*$", out, re.M)}
    total = re.search(r"(\d+) requests in ([\d.]+)(\w+)", out)
    sockets = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "requests": int(total[1]) if total else 0,
        "p50": latency.get("50"),
        "p99": latency.get("99"),
        "socket_errors": sum(map(int, sockets.groups())) if sockets else 0,
        "non_2xx": int(non2xx[1]) if non2xx else 0,
        "rps": float(m[1]) if (m := re.search(r"Requests/sec:\s+([\d.]+)", out)) else 0.0,
    }


def kill_one_worker(server, after: float) -> dict:
    time.sleep(after)
    workers = sorted(server.pids())
    victim = workers[-1]
    os.kill(victim, signal.SIGKILL)
    killed = time.monotonic()
    while time.monotonic() - killed < 60:
        now = set(server.pids())
        if victim not in now and len(now) >= len(workers):
            status, _ = server.get("/search/?q=government", timeout=30)
            if status == 200:
                return {"workers": len(workers), "recovery_s": time.monotonic() - killed}
        time.sleep(0.05)
    return {"workers": len(workers), "recovery_s": None}


def load(args, site: Site, record: Record, work: Path) -> None:
    with site.serve(work / "load-gunicorn.log") as server:
        paths = mix_paths(server)
        for path in paths:
            server.get(path)  # warm each worker's searcher a little
        result = wrk(server, paths, connections=32, seconds=args.load_seconds, script_dir=work)
        record.add(
            f"/search/ under wrk, c=32, {args.load_seconds} s, {len(paths)} rotating queries",
            f"{result['requests']:,} requests, {result['rps']:.1f}/s, p50 {result['p50']:.0f} ms, p99 {result['p99']:.0f} ms, "
            f"errors {result['socket_errors'] + result['non_2xx']} (sockets {result['socket_errors']}, non-2xx {result['non_2xx']})",
        )
        third = args.load_seconds / 3
        result = wrk(
            server, paths, connections=32, seconds=args.load_seconds, script_dir=work,
            during=lambda: kill_one_worker(server, third),
        )  # fmt: skip
        killed = result["during"]
        recovery = f"{killed['recovery_s']:.1f} s" if killed["recovery_s"] is not None else "NOT within 60 s"
        record.add(
            f"the same with one of {killed['workers']} workers killed by kill -9 at {third:.0f} s",
            f"{result['requests']:,} requests, p50 {result['p50']:.0f} ms, p99 {result['p99']:.0f} ms, "
            f"errors {result['socket_errors'] + result['non_2xx']} (sockets {result['socket_errors']}, non-2xx "
            f"{result['non_2xx']}; at most 32 were in flight); a new worker answered {recovery} after the kill",
        )
        before = server.rss_mib()
        result = wrk(server, paths, connections=8, seconds=args.soak_seconds, script_dir=work)
        after = server.rss_mib()
        record.add(
            f"soak: c=8 for {args.soak_seconds / 60:.0f} min, worker RSS before → after",
            f"{result['requests']:,} requests, errors {result['socket_errors'] + result['non_2xx']}; RSS "
            + ", ".join(f"{b:.0f} → {a:.0f}" for b, a in zip(sorted(before), sorted(after), strict=False))
            + f" MiB (growth {max(after) - max(before):+.0f} MiB for the largest)",
        )


def expensive_queries(site: Site, record: Record, work: Path) -> None:
    with site.serve(work / "queries-gunicorn.log") as server:
        server.get("/search/?q=government")
        for name, (params, why) in EXPENSIVE.items():
            path = "/search/?" + urlencode(params)
            began = time.monotonic()
            status, _ = server.get(path, timeout=120)
            seconds = time.monotonic() - began
            began = time.monotonic()
            after_status, _ = server.get("/search/?q=telescope", timeout=120)
            after = time.monotonic() - began
            verdict = "within" if seconds <= QUERY_BOUND_SECONDS and status < 500 else "OVER"
            record.add(
                f"expensive query: {name} ({why})",
                f"{status} in {seconds * 1000:,.0f} ms ({verdict} the {QUERY_BOUND_SECONDS:.0f} s bound); "
                f"a plain search next: {after_status} in {after * 1000:.0f} ms",
            )


def hostile_files(site: Site, record: Record, work: Path) -> None:
    folder = work / "hostile"
    folder.mkdir(exist_ok=True)
    files = {
        "one 5 MB line": ("one-line.txt", b"Title: One line\n\n" + b"word " * (1024 * 1024)),
        "50,000 tiny paragraphs": ("tiny.txt", b"Title: Tiny\n\n" + b"\n\n".join(b"p%d." % i for i in range(50_000))),
    }
    for name, (file_name, data) in files.items():
        (folder / file_name).write_bytes(data)
        began = time.monotonic()
        result = site.manage("import_interviews", "--no-progress", str(folder / file_name), check=False, timeout=600)
        outcome = (result.stdout.strip().splitlines() or ["?"])[0].split()[0]
        record.add(f"hostile file: {name}", f"{outcome} in {time.monotonic() - began:.1f} s (a process start included)")


# -- the record ----------------------------------------------------------------------------------
HEADER = """# Reliability, measured

Produced by `make reliability` (`python -m bench.reliability`; `--pairs`, `--soak-seconds`,
`--load-seconds` change the sizes). It runs on loopback only, each step bounded in time, on a
corpus generated by `shared/bench/gen_corpus.py` (fixed seed) and imported clean. What each
row means and what is tested on every `make test` instead: docs/deployment.md, "Faults and
load". The machine is shared (2 cores): read figures as orders of magnitude, and ratios within
one run.

"""


def write(record: Record, args, corpus_note: str) -> None:
    stamp, revision = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"), commit()
    lines = [
        HEADER,
        f"## {stamp}, {corpus_note}\n\n",
        "| test | figure | date | commit |\n",
        "| --- | --- | --- | --- |\n",
    ]
    lines += [f"| {test} | {figure.replace('|', '/')} | {stamp} | {revision} |\n" for test, figure in record.rows]
    target = ROOT / "RELIABILITY.md"
    previous = target.read_text().split("\n## ", 1)[1] if target.exists() and "\n## " in target.read_text() else ""
    target.write_text("".join(lines) + ("\n## " + previous if previous else ""))
    say(f"wrote {target}")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pairs", type=int, default=100_000, help="answers in the generated corpus (default 100000)")
    ap.add_argument("--subset-articles", type=int, default=600, help="articles the crash tests import (default 600)")
    ap.add_argument("--load-seconds", type=int, default=60)
    ap.add_argument("--soak-seconds", type=int, default=600)
    ap.add_argument("--step-timeout", type=float, default=3600, help="seconds any one step may take")
    ap.add_argument("--data", type=Path, default=ROOT / "bench-data")
    ap.add_argument(
        "--generator",
        type=Path,
        default=Path(os.environ.get("GEN_CORPUS", ROOT.parent / "shared" / "bench" / "gen_corpus.py")),
    )
    ap.add_argument("--peer-venv", type=Path, default=ROOT / "bench-data" / "venv")
    ap.add_argument("--reuse-import", action="store_true", help="serve the corpus an earlier run imported")
    ap.add_argument("--skip", nargs="*", default=[], choices=["crashes", "queries", "load", "hostile"])
    args = ap.parse_args(argv)
    args.python = ROOT / ".venv" / "bin" / "python"
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: `make system-packages` installs Debian's wrk")
    work = args.data / f"reliability-{args.pairs}"
    work.mkdir(parents=True, exist_ok=True)
    record = Record()

    say(f"corpus of {args.pairs:,} answers")
    corpus = corpora.generate(args.generator, args.peer_venv / "bin" / "python", args.pairs, args.data)
    files = sorted(corpus.articles.rglob("*.txt"))
    if args.reuse_import:
        site = Site.existing(work / "full", args.python)
        site.manage("collectstatic", "--noinput", "--verbosity", "0")
    else:
        site = Site.fresh(work / "full", args.python)
        site.prepare()
        say("clean import of the whole corpus")
        result = site.import_folder(corpus.articles, work / "full-import.log", timeout=args.step_timeout)
        record.add(
            "clean import of the corpus",
            f"{len(files):,} files in {result['seconds']:.0f} s, exit {result['exit_status']}",
        )
    counts = site.counts()
    note = f"{show(counts)} ({len(files):,} generated articles)"

    if "crashes" not in args.skip:
        subset = Path(tempfile.mkdtemp(prefix="subset-", dir=work))
        for path in files[: args.subset_articles]:
            shutil.copy(path, subset / path.name)
        say(f"crashes on {args.subset_articles} articles")
        crashes(args, subset, args.subset_articles, record, work)
        shutil.rmtree(subset, ignore_errors=True)
    if "queries" not in args.skip:
        say("expensive queries")
        expensive_queries(site, record, work)
    if "hostile" not in args.skip:
        say("hostile files")
        hostile_files(_hostile_site(args, work), record, work)
    if "load" not in args.skip:
        say("load, a killed worker, soak")
        load(args, site, record, work)
    write(record, args, note)


def _hostile_site(args, work: Path) -> Site:
    site = Site.fresh(work / "hostile-site", args.python)
    site.prepare()
    return site


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main()
