"""Tables for the terminal and the dated section appended to BENCHMARKS.md."""

from __future__ import annotations

import math


def _f(value, digits=1) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if isinstance(value, float):
        return f"{value:,.{digits}f}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def _ratio(a, b) -> str:
    if not a or not b or any(isinstance(v, float) and math.isnan(v) for v in (a, b)):
        return "–"
    r = a / b
    return f"{r:.2f}×" if r < 10 else f"{r:.0f}×"


LOAD_HEADER = [
    "pairs",
    "system",
    "page",
    "c",
    "req/s",
    "p50 ms",
    "p95 ms",
    "p99 ms",
    "errors",
    "requests",
    "RSS MiB",
    "other load",
]


INDEXING_HEADER = [
    "pairs",
    "import ms per pair",
    "import pairs/s",
    "import CPU s",
    "raw Whoosh ms per pair",
    "import ÷ raw (target ≤ 1.5×)",
    "documents",
    "prepare s",
    "add s",
    "commit s",
    "total s",
    "raw CPU s",
    "raw index MiB",
    "passes",
    "other load (import / raw)",
]

INDEX_FLOOR_NOTE = (
    "Raw Whoosh indexing (bench/index_floor.py), the reference for issue 5's target \"import plus "
    "indexing within 1.5× of raw Whoosh's indexing time for the same pairs\": after the import, in a "
    "separate process with the site's settings on the run's data directory, every answer document is "
    "built as the site's backend builds it (`PairIndex.full_prepare` of each row of `index_queryset()`, "
    "values through `_from_python`, haystack's boost as Whoosh's `_boost`) and kept in memory; that "
    'preparation (database reads, the template, the `prepare_*` methods) is timed apart ("prepare s") '
    "and is not part of the floor. The floor is Whoosh alone writing those documents into a fresh index "
    "with the site's schema (`backend.schema`, read at run time) beside the run's data: one "
    "`ix.writer()` with Whoosh's defaults (one process, 128 MB pool, a compound segment, where the site "
    "writes non-compound ones), one `add_document` per answer, one `commit()`, on one core; "
    '"total s" = add + commit, the median of the passes (by default 3 below 50,000 pairs, 1 up to '
    '200,000, none above: a pass at 1M would take about 4 hours); "other load" = cores other work on the machine took meanwhile. It '
    "excludes reading and parsing the files, the database, haystack's preparation, the write lock, "
    "the article documents the site also writes, and `update_document`'s search for an older copy "
    "(for rows indexed before: a bulk import adds the rows it creates without it): "
    "all of which the import's wall time includes, so import ÷ raw is what the site adds to the "
    "engine's own cost of writing the same documents with the same schema."
)


def indexing_rows(size: dict) -> list[list[str]]:
    """The site's import against raw Whoosh writing the same answers (bench/index_floor.py)."""
    imp, raw = size.get("import", {}), size.get("index_floor", {})
    if "seconds" not in imp:
        return []
    return [
        [
            _f(size["pairs"]),
            _f(imp.get("ms_per_pair"), 2),
            _f(imp.get("pairs_per_second")),
            _f(imp.get("cpu_seconds")),
            _f(raw.get("ms_per_pair"), 2),
            _ratio(imp.get("ms_per_pair"), raw.get("ms_per_pair")),
            _f(raw.get("documents")),
            _f(raw.get("prepare_seconds")),
            _f(raw.get("add_seconds")),
            _f(raw.get("commit_seconds")),
            _f(raw.get("total_seconds")),
            _f(raw.get("cpu_seconds")),
            _f(raw.get("index_mib")),
            _f(raw.get("repeats")),
            f"{_f(imp.get('other_cores'), 2)} / {_f(raw.get('other_cores'), 2)}",
        ]
    ]


def load_rows(size: dict) -> list[list[str]]:
    rows = []
    for entry in size.get("load", []):
        s = entry["stats"]
        rows.append(
            [
                _f(size["pairs"]),
                entry["system"],
                entry["page"],
                str(s["concurrency"]),
                _f(s["rps"]),
                _f(s["p50"]),
                _f(s["p95"]),
                _f(s["p99"]),
                _f(s["errors"]),
                _f(s["requests"]),
                entry.get("rss", "–"),
                _f(s.get("other_cores"), 2),
            ]
        )
    return rows


def _find(size: dict, system: str, page: str, c: int) -> dict | None:
    for entry in size.get("load", []):
        if entry["system"] == system and entry["page"] == page and entry["stats"]["concurrency"] == c:
            return entry["stats"]
    return None


def ratio_rows(size: dict) -> list[list[str]]:
    """Our pages against the references, same corpus, same run."""
    rows = []
    floor = size.get("floor", {})
    hl = floor.get("highlight", {})
    plain = floor.get("plain", {})
    for page in ("/search/", "/api/search/"):
        ours1 = _find(size, "archive", page, 1)
        if ours1 and hl:
            rows.append(
                [
                    _f(size["pairs"]),
                    f"{page} c=1 vs Whoosh floor + highlights (one thread)",
                    "req/s " + _ratio(ours1["rps"], hl["qps_one_thread"]),
                    "p50 " + _ratio(ours1["p50"], hl["mix_p50"]),
                    "p95 " + _ratio(ours1["p95"], hl["mix_p95"]),
                ]
            )
        if ours1 and plain:
            rows.append(
                [
                    _f(size["pairs"]),
                    f"{page} c=1 vs Whoosh floor, no highlights",
                    "req/s " + _ratio(ours1["rps"], plain["qps_one_thread"]),
                    "p50 " + _ratio(ours1["p50"], plain["mix_p50"]),
                    "p95 " + _ratio(ours1["p95"], plain["mix_p95"]),
                ]
            )
    pairs = (("/search/", "table page (count + facet suggestions)"), ("/api/search/", "JSON (no count, no facets)"))
    for ours_page, their_page in pairs:
        for c in size.get("concurrency", (1, 8)):
            ours, theirs = _find(size, "archive", ours_page, c), _find(size, "datasette", their_page, c)
            if ours and theirs:
                rows.append(
                    [
                        _f(size["pairs"]),
                        f"{ours_page} c={c} vs Datasette {their_page}",
                        "req/s " + _ratio(ours["rps"], theirs["rps"]),
                        "p50 " + _ratio(ours["p50"], theirs["p50"]),
                        "p95 " + _ratio(ours["p95"], theirs["p95"]),
                    ]
                )
    return rows


def floor_rows(size: dict) -> list[list[str]]:
    rows = []
    floor = size.get("floor", {})
    for variant in ("plain", "highlight"):
        v = floor.get(variant)
        if not v:
            continue
        per = " · ".join(f"{k} {_f(q['p50'])}" for k, q in v["per_query"].items())
        rows.append(
            [_f(size["pairs"]), variant, _f(v["qps_one_thread"]), _f(v["mix_p50"], 2), _f(v["mix_p95"], 2), per]
        )
    return rows


def by_kind_rows(size: dict) -> list[list[str]]:
    rows = []
    kinds = None
    for entry in size.get("load", []):
        s = entry["stats"]
        if s["concurrency"] != 1:
            continue
        kinds = kinds or list(s["p50_by_kind"])
        rows.append([_f(size["pairs"]), entry["system"], entry["page"]] + [_f(s["p50_by_kind"].get(k)) for k in kinds])
    return rows, kinds or []


def text_table(header: list[str], rows: list[list[str]]) -> str:
    widths = (
        [max(len(str(x)) for x in col) for col in zip(header, *rows, strict=False)]
        if rows
        else [len(h) for h in header]
    )

    def line(cells):
        return "  ".join(
            str(c).rjust(w) if i >= 3 else str(c).ljust(w) for i, (c, w) in enumerate(zip(cells, widths, strict=False))
        )

    return "\n".join([line(header), line(["-" * w for w in widths])] + [line(r) for r in rows])


def md_table(header: list[str], rows: list[list[str]]) -> str:
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(str(c) for c in r) + " |" for r in rows]
    return "\n".join(out)


def terminal(size: dict) -> str:
    parts = [text_table(LOAD_HEADER, load_rows(size))]
    if indexing_rows(size):
        parts.insert(0, text_table(INDEXING_HEADER, indexing_rows(size)))
    if size.get("floor"):
        parts.append(
            text_table(
                ["pairs", "Whoosh floor", "q/s (1 thread)", "mix p50 ms", "mix p95 ms", "p50 ms per query"],
                floor_rows(size),
            )
        )
    parts.append(text_table(["pairs", "ours against", "throughput", "latency", ""], ratio_rows(size)))
    return "\n\n".join(parts)


def markdown(run: dict) -> str:
    """The dated section for BENCHMARKS.md."""
    out = [f"## {run['started']} — {run['code']}", ""]
    out += [f"- {line}" for line in run["context"]]
    out += ["", "**Parser check** (`import_interviews --dry-run --format json` on generated articles):", "", "```text"]
    out += run["check"] + ["```", ""]
    sizes = run["sizes"]
    out += [
        "**Import and index** (`manage.py import_interviews <folder>` into a fresh data directory, "
        "timed from start to exit; CPU s of the command; pairs counted by `check_index`):",
        "",
    ]
    header = [
        "pairs",
        "articles",
        "shape",
        "wall s",
        "ms per pair",
        "CPU s",
        "failed files",
        "pairs in DB / index",
        "index MiB",
        "SQLite MiB",
        "FTS5 MiB (build s)",
    ]
    rows = []
    for s in sizes:
        imp = s.get("import", {})
        rows.append(
            [
                _f(s["pairs"]),
                _f(s.get("articles")),
                s.get("shape", ""),
                _f(imp.get("seconds")),
                _f(imp.get("ms_per_pair"), 2),
                _f(imp.get("cpu_seconds")),
                _f(imp.get("files", {}).get("failed")),
                s.get("indexed", "–"),
                _f(s.get("index_mib")),
                _f(s.get("db_mib")),
                f"{_f(s.get('fts', {}).get('mib'))} ({_f(s.get('fts', {}).get('build_seconds'))})",
            ]
        )
    out += [md_table(header, rows), ""]
    indexing = [r for s in sizes for r in indexing_rows(s)]
    if indexing:
        out += [
            "**Import against raw Whoosh indexing** (the import's wall time per pair in the database, "
            "its pairs a second and CPU s, against Whoosh alone writing the same answer documents with "
            "the same schema, per document; import ÷ raw, issue 5's target is ≤ 1.5×; prepare s = "
            "building the documents through haystack, timed apart and not in the raw figure; see the "
            "notes):",
            "",
        ]
        out += [md_table(INDEXING_HEADER, indexing), ""]
    out += [
        f"**Under load** ({run['duration']} s per row, loopback, medians of {run['repeats']} run(s); "
        "p50/p95/p99 of successful requests; errors = non-200 or failed connections; RSS = each "
        "gunicorn worker / the Datasette process at the end of the row, MiB; other load = cores busy "
        "with other work on the machine meanwhile, the worst repeat):",
        "",
    ]
    out += [md_table(LOAD_HEADER, [r for s in sizes for r in load_rows(s)]), ""]
    out += [
        "**Whoosh floor** (in-process, one searcher kept open, same mix, 20 hits a page, stored fields read; "
        f"medians of {run['floor_repeats']} passes):",
        "",
    ]
    out += [
        md_table(
            ["pairs", "variant", "q/s (1 thread)", "mix p50 ms", "mix p95 ms", "p50 ms per query"],
            [r for s in sizes for r in floor_rows(s)],
        ),
        "",
    ]
    out += ["**Ratios** (ours ÷ reference; for req/s above 1× is better, for latency below 1× is better):", ""]
    out += [
        md_table(["pairs", "ours against", "throughput", "p50", "p95"], [r for s in sizes for r in ratio_rows(s)]),
        "",
    ]
    for s in sizes:
        rows, kinds = by_kind_rows(s)
        if rows:
            fts = s.get("hits_fts5", {})
            out += [
                f"**p50 ms per query at c=1, {_f(s['pairs'])} pairs** (matches, site / FTS5: "
                + ", ".join(f"{k} {_f(v)} / {_f(fts.get(k))}" for k, v in s.get("hits", {}).items())
                + "):",
                "",
            ]
            out += [md_table(["pairs", "system", "page"] + kinds, rows), ""]
    if run.get("notes"):
        out += ["**Notes**", ""] + [f"- {n}" for n in run["notes"]] + [""]
    return "\n".join(out) + "\n"
