"""The engine's floor: the same queries through Whoosh directly, in this process, with one
searcher kept open, on the index the import just built.

Opened with ``whoosh.index.open_dir`` and queried on its ``text`` field with a
``QueryParser`` built from the index's own schema (so the project's analyzer applies), limited
to answers (``django_ct:archive.pair``, as the site's ``.models(Pair)`` does; that set is made
once per searcher) and to the speaker or year (a set made per search), 20 hits a page,
reading every hit's stored fields. "With highlighting" also marks the query's words in each
hit's answer with Whoosh's own highlighter (context fragments, HTML formatter), which is what
a results page shows. No Django, no templates, no HTTP: what remains above this is the site's.
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from whoosh import highlight
from whoosh import query as wq
from whoosh.index import open_dir
from whoosh.qparser import QueryParser

from .load import percentile
from .queries import PER_PAGE, YEAR, Facts, Query


def _filter(searcher, answers: set, query: Query, facts: Facts) -> set:
    """The documents a query may return, as a set of docnums: Whoosh's fast path (a filter
    given as a query is re-evaluated on every search, seconds for a speaker at 57k pairs).
    ``answers`` (every answer's docnum) is computed once per searcher."""
    allowed = answers
    if query.speaker:
        allowed = allowed & set(searcher.docs_for_query(wq.Term("speaker", facts.speaker_slug)))
    if query.year:
        allowed = allowed & set(searcher.docs_for_query(wq.Term("year", YEAR)))
    return allowed


def measure(index_dir: Path, facts: Facts, *, repeats: int = 3, seconds_per_query: float = 2.0) -> dict:
    """p50/p95 per query and over the mix, and queries a second on one thread, for both
    variants; each figure is the median of ``repeats`` passes."""
    ix = open_dir(str(index_dir))
    parser = QueryParser("text", schema=ix.schema)
    analyzer = ix.schema["text"].analyzer
    formatter = highlight.HtmlFormatter(tagname="mark", between=" … ")
    fragmenter = highlight.ContextFragmenter(maxchars=320, surround=90)
    mix = facts.mix()
    results = {}
    with ix.searcher() as searcher:
        answers = set(searcher.docs_for_query(wq.Term("django_ct", "archive.pair")))
        for variant in ("plain", "highlight"):
            passes = []
            for _ in range(repeats):
                timings: dict[str, list[float]] = {}
                hits_seen: dict[str, int] = {}
                for query in mix:
                    parsed = parser.parse(query.q)
                    tokens = {t.text for t in analyzer(query.q.replace('"', " "))}
                    spent, times = 0.0, []
                    while spent < seconds_per_query or len(times) < 5:
                        t0 = time.perf_counter()
                        flt = _filter(searcher, answers, query, facts)
                        page = searcher.search_page(parsed, query.page, pagelen=PER_PAGE, filter=flt)
                        for hit in page:
                            fields = hit.fields()
                            if variant == "highlight":
                                highlight.highlight(
                                    fields.get("answer", ""), tokens, analyzer, fragmenter, formatter, top=2
                                )
                        ms = (time.perf_counter() - t0) * 1000
                        times.append(ms)
                        spent += ms / 1000
                    timings[query.kind] = times
                    hits_seen[query.kind] = page.total
                passes.append(_summarise(timings, hits_seen))
            results[variant] = _median_pass(passes)
    results["documents"] = ix.doc_count()
    return results


def _summarise(timings: dict[str, list[float]], hits: dict[str, int]) -> dict:
    # Over the mix, every query counts equally (as in the load, which cycles through them).
    per_query = {
        kind: {"p50": percentile(t, 50), "p95": percentile(t, 95), "hits": hits[kind]} for kind, t in timings.items()
    }
    mean_ms = statistics.fmean(statistics.fmean(t) for t in timings.values())
    # An equal-weight mix distribution: 100 quantiles of each query's latencies, pooled.
    pooled = [percentile(t, q) for t in timings.values() for q in range(1, 101)]
    return {
        "per_query": per_query,
        "mix_p50": percentile(pooled, 50),
        "mix_p95": percentile(pooled, 95),
        "mix_mean": mean_ms,
        "qps_one_thread": 1000 / mean_ms,
    }


def _median_pass(passes: list[dict]) -> dict:
    ordered = sorted(passes, key=lambda p: p["mix_mean"])
    chosen = ordered[len(ordered) // 2]
    chosen["repeats"] = len(passes)
    return chosen
