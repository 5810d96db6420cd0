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


LOAD_HEADER = ["pairs", "system", "page", "c", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors", "requests", "RSS MiB",
               "other load"]


def load_rows(size: dict) -> list[list[str]]:
    rows = []
    for entry in size.get("load", []):
        s = entry["stats"]
        rows.append([_f(size["pairs"]), entry["system"], entry["page"], str(s["concurrency"]), _f(s["rps"]),
                     _f(s["p50"]), _f(s["p95"]), _f(s["p99"]), _f(s["errors"]), _f(s["requests"]),
                     entry.get("rss", "–"), _f(s.get("other_cores"), 2)])
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
            rows.append([_f(size["pairs"]), f"{page} c=1 vs Whoosh floor + highlights (one thread)",
                         "req/s " + _ratio(ours1["rps"], hl["qps_one_thread"]),
                         "p50 " + _ratio(ours1["p50"], hl["mix_p50"]),
                         "p95 " + _ratio(ours1["p95"], hl["mix_p95"])])
        if ours1 and plain:
            rows.append([_f(size["pairs"]), f"{page} c=1 vs Whoosh floor, no highlights",
                         "req/s " + _ratio(ours1["rps"], plain["qps_one_thread"]),
                         "p50 " + _ratio(ours1["p50"], plain["mix_p50"]),
                         "p95 " + _ratio(ours1["p95"], plain["mix_p95"])])
    pairs = (("/search/", "table page (count + facet suggestions)"), ("/api/search/", "JSON (no count, no facets)"))
    for ours_page, their_page in pairs:
        for c in size.get("concurrency", (1, 8)):
            ours, theirs = _find(size, "archive", ours_page, c), _find(size, "datasette", their_page, c)
            if ours and theirs:
                rows.append([_f(size["pairs"]), f"{ours_page} c={c} vs Datasette {their_page}",
                             "req/s " + _ratio(ours["rps"], theirs["rps"]),
                             "p50 " + _ratio(ours["p50"], theirs["p50"]),
                             "p95 " + _ratio(ours["p95"], theirs["p95"])])
    return rows


def floor_rows(size: dict) -> list[list[str]]:
    rows = []
    floor = size.get("floor", {})
    for variant in ("plain", "highlight"):
        v = floor.get(variant)
        if not v:
            continue
        per = " · ".join(f"{k} {_f(q['p50'])}" for k, q in v["per_query"].items())
        rows.append([_f(size["pairs"]), variant, _f(v["qps_one_thread"]), _f(v["mix_p50"], 2), _f(v["mix_p95"], 2), per])
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
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows)] if rows else [len(h) for h in header]
    line = lambda cells: "  ".join(str(c).rjust(w) if i >= 3 else str(c).ljust(w) for i, (c, w) in enumerate(zip(cells, widths)))  # noqa: E731
    return "\n".join([line(header), line(["-" * w for w in widths])] + [line(r) for r in rows])


def md_table(header: list[str], rows: list[list[str]]) -> str:
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(str(c) for c in r) + " |" for r in rows]
    return "\n".join(out)


def terminal(size: dict) -> str:
    parts = [text_table(LOAD_HEADER, load_rows(size))]
    if size.get("floor"):
        parts.append(text_table(["pairs", "Whoosh floor", "q/s (1 thread)", "mix p50 ms", "mix p95 ms", "p50 ms per query"],
                                floor_rows(size)))
    parts.append(text_table(["pairs", "ours against", "throughput", "latency", ""], ratio_rows(size)))
    return "\n\n".join(parts)


def markdown(run: dict) -> str:
    """The dated section for BENCHMARKS.md."""
    out = [f"## {run['started']} — {run['code']}", ""]
    out += [f"- {line}" for line in run["context"]]
    out += ["", "**Parser check** (`import_interviews --dry-run --format json` on generated articles):", "", "```text"]
    out += run["check"] + ["```", ""]
    sizes = run["sizes"]
    out += ["**Import and index** (`manage.py import_interviews <folder>` into a fresh data directory, "
            "timed from start to exit; CPU s of the command; pairs counted by `check_index`):", ""]
    header = ["pairs", "articles", "shape", "wall s", "ms per pair", "CPU s", "failed files",
              "pairs in DB / index", "index MiB", "SQLite MiB", "FTS5 MiB (build s)"]
    rows = []
    for s in sizes:
        imp = s.get("import", {})
        rows.append([_f(s["pairs"]), _f(s.get("articles")), s.get("shape", ""), _f(imp.get("seconds")),
                     _f(imp.get("ms_per_pair"), 2), _f(imp.get("cpu_seconds")), _f(imp.get("files", {}).get("failed")),
                     s.get("indexed", "–"), _f(s.get("index_mib")), _f(s.get("db_mib")),
                     f"{_f(s.get('fts', {}).get('mib'))} ({_f(s.get('fts', {}).get('build_seconds'))})"])
    out += [md_table(header, rows), ""]
    out += [f"**Under load** ({run['duration']} s per row, loopback, medians of {run['repeats']} run(s); "
            "p50/p95/p99 of successful requests; errors = non-200 or failed connections; RSS = each "
            "gunicorn worker / the Datasette process at the end of the row, MiB; other load = cores busy "
            "with other work on the machine meanwhile, the worst repeat):", ""]
    out += [md_table(LOAD_HEADER, [r for s in sizes for r in load_rows(s)]), ""]
    out += ["**Whoosh floor** (in-process, one searcher kept open, same mix, 20 hits a page, stored fields read; "
            f"medians of {run['floor_repeats']} passes):", ""]
    out += [md_table(["pairs", "variant", "q/s (1 thread)", "mix p50 ms", "mix p95 ms", "p50 ms per query"],
                     [r for s in sizes for r in floor_rows(s)]), ""]
    out += ["**Ratios** (ours ÷ reference; for req/s above 1× is better, for latency below 1× is better):", ""]
    out += [md_table(["pairs", "ours against", "throughput", "p50", "p95"], [r for s in sizes for r in ratio_rows(s)]), ""]
    for s in sizes:
        rows, kinds = by_kind_rows(s)
        if rows:
            fts = s.get("hits_fts5", {})
            out += [f"**p50 ms per query at c=1, {_f(s['pairs'])} pairs** (matches, site / FTS5: "
                    + ", ".join(f"{k} {_f(v)} / {_f(fts.get(k))}" for k, v in s.get("hits", {}).items()) + "):", ""]
            out += [md_table(["pairs", "system", "page"] + kinds, rows), ""]
    if run.get("notes"):
        out += ["**Notes**", ""] + [f"- {n}" for n in run["notes"]] + [""]
    return "\n".join(out) + "\n"
