"""The engine's indexing floor: the answers the import just indexed, written again by Whoosh
alone into a fresh index with the site's own schema, in one process on one core.

    ARCHIVE_DATA_DIR=<run data> DJANGO_SETTINGS_MODULE=archive.settings \\
        .venv/bin/python -m bench.index_floor --scratch <folder> [--repeats 3]

Run from the project folder with the site's settings (:meth:`bench.project.Site.env`, as
:func:`measure` does). First every answer document is built as the site's backend builds it
on import (``archive.search_backend``, ``update``): ``full_prepare`` of each row of
``PairIndex.index_queryset()``, haystack's ``boost`` popped and given to Whoosh as the
document's ``_boost`` when it is not 1, every value through the backend's ``_from_python``;
the documents are kept in memory. That preparation (database reads, the template, the
``prepare_*`` methods) is timed and reported, but it is not part of the floor.

The floor, per pass: a new folder under ``--scratch`` (beside the run's data, on the same
disk), an index created there with ``backend.schema`` (read at run time, so it follows any
schema change), one plain ``ix.writer()`` with Whoosh's defaults (one process, 128 MB pool,
a compound segment at commit), one ``add_document`` per document, one ``commit()``. Adding
and committing are timed apart; the floor is their sum. Not in it: reading and parsing the
files, the database, haystack's preparation, the write lock, the article documents the
import also writes, and ``update_document``'s search for an older copy.

Prints one JSON object on its last line: the median pass (by total seconds) and every
pass's totals, and the cores other work on the machine took during the median pass.
"""

from __future__ import annotations

import argparse
import gc
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BIG = 50_000  # pairs from which one pass is enough (a pass at 100k takes about 23 minutes)
HUGE = 200_000  # pairs from which no pass is run: about 4 hours at 1M, on one core


def passes_for(pairs: int) -> int:
    """Write passes for a corpus size: three below BIG pairs, one up to HUGE, none above it
    (a run's smaller sizes then give the ratio; ``--index-floor-repeats`` forces passes)."""
    return 0 if pairs > HUGE else 1 if pairs >= BIG else 3


def measure(site, scratch: Path, *, repeats: int, timeout: float) -> dict:
    """Run this module in a subprocess with ``site``'s environment; its JSON result, plus the
    subprocess's wall time."""
    scratch.mkdir(parents=True, exist_ok=True)
    command = [str(site.python), "-m", "bench.index_floor", "--scratch", str(scratch), "--repeats", str(repeats)]
    start = time.monotonic()
    try:
        done = subprocess.run(
            command,
            cwd=Path(__file__).resolve().parent.parent,
            env=site.env(),
            capture_output=True,
            text=True,
            timeout=timeout,
        )
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    if done.returncode != 0 or not done.stdout.strip():
        raise RuntimeError(f"bench.index_floor failed ({done.returncode}):\n{done.stderr[-3000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["run_seconds"] = time.monotonic() - start
    return result


def prepare_documents() -> tuple[list[dict], object, dict]:
    """Every answer document as the site's backend writes it, in memory; the backend; and
    the preparation's wall and CPU seconds."""
    from haystack import connections

    from archive.models import Pair

    backend = connections["default"].get_backend()
    backend.setup()
    index = connections["default"].get_unified_index().get_index(Pair)
    wall, cpu = time.perf_counter(), time.process_time()
    documents = []
    for obj in index.index_queryset():
        fields = backend.document(index, obj)  # exactly as the site's update() builds it
        if fields is not None:
            documents.append(fields)
    timing = {"prepare_seconds": time.perf_counter() - wall, "prepare_cpu_seconds": time.process_time() - cpu}
    return documents, backend, timing


def write_pass(schema, documents: list[dict], scratch: Path) -> dict:
    """One pass of the floor: a fresh index, one writer, one add per document, one commit."""
    from whoosh.filedb.filestore import FileStorage

    from .servers import machine_busy_seconds

    folder = Path(tempfile.mkdtemp(prefix="pass-", dir=scratch))
    try:
        ix = FileStorage(str(folder)).create_index(schema)
        busy, cpu = machine_busy_seconds(), time.process_time()
        start = time.perf_counter()
        writer = ix.writer()
        for fields in documents:
            writer.add_document(**fields)
        added = time.perf_counter()
        writer.commit()
        committed = time.perf_counter()
        cpu = time.process_time() - cpu
        busy = machine_busy_seconds() - busy
        written = ix.refresh().doc_count()
        size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if written != len(documents):
        raise RuntimeError(f"the raw index holds {written} documents, {len(documents)} were added")
    # Cores other work took meanwhile, as in the load rows: machine CPU less this process's.
    return {
        "add_seconds": added - start,
        "commit_seconds": committed - added,
        "total_seconds": committed - start,
        "cpu_seconds": cpu,
        "index_mib": size / 2**20,
        "other_cores": max(0.0, busy - cpu) / (committed - start),
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scratch", type=Path, required=True, help="folder for the passes' indexes (emptied after each)")
    ap.add_argument("--repeats", type=int, default=3, help="write passes (the median is reported)")
    args = ap.parse_args(argv)
    import django

    django.setup()
    from whoosh import versionstring

    documents, backend, result = prepare_documents()
    schema = backend.schema
    # The documents stay alive through every pass: keep Python's collector from walking
    # them again and again while Whoosh allocates, a cost of this harness, not of Whoosh.
    gc.collect()
    gc.freeze()
    args.scratch.mkdir(parents=True, exist_ok=True)
    passes = [write_pass(schema, documents, args.scratch) for _ in range(max(1, args.repeats))]
    median = sorted(passes, key=lambda p: p["total_seconds"])[len(passes) // 2]
    n = len(documents)
    result.update(median)
    result.update(
        {
            "documents": n,
            "fields": len(schema.names()),
            "repeats": len(passes),
            "ms_per_pair": median["total_seconds"] * 1000 / n if n else None,
            "totals": [round(p["total_seconds"], 3) for p in passes],
            "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "whoosh": versionstring(),
        }
    )
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
