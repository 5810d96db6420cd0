"""The peer: Datasette serving an SQLite FTS5 table of the same pairs.

Datasette runs from its own virtual environment under bench-data/ (``bench/requirements-peer.txt``),
so the project's requirements stay as they are. The table ``pairs`` holds one row per pair
with its article's title, date, year, outlet, interviewer and speaker; ``pairs_fts`` is an
external-content FTS5 index of question and answer with ``porter unicode61
remove_diacritics 2``, which Datasette finds by itself and searches with ``?_search=``.

Two pages are loaded: the table search page as Datasette serves it by default (a count of
all matches and facet suggestions; rows in key order, not ranked) and its JSON without count,
facets or suggestions. Both run in Datasette's one process (asyncio plus SQLite threads).
"""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path
from urllib.parse import parse_qs, urlparse

from .queries import PER_PAGE, Facts, Query, datasette_path
from .servers import HOST, free_port, serve

DATABASE = "fts"
TABLE_PATH = f"/{DATABASE}/pairs"


def build(jsonl: Path, path: Path, limit: int | None = None) -> dict:
    """Write the FTS5 database of the first ``limit`` pairs (all by default), the same pairs
    the site holds; kept between runs, since the corpus is deterministic."""
    done = path.with_suffix(".complete")
    path.parent.mkdir(parents=True, exist_ok=True)
    if not (done.exists() and path.exists()):
        path.unlink(missing_ok=True)
        start = time.monotonic()
        db = sqlite3.connect(path)
        db.executescript("""
            PRAGMA journal_mode = OFF;
            CREATE TABLE pairs (id INTEGER PRIMARY KEY, article_id INTEGER, seq INTEGER,
                article_title TEXT, date TEXT, year INTEGER, outlet TEXT, interviewer TEXT,
                speaker TEXT, question TEXT, answer TEXT);
            -- content="pairs" in double quotes: the spelling Datasette looks for to find the index.
            CREATE VIRTUAL TABLE pairs_fts USING fts5(question, answer, content="pairs", content_rowid='id',
                tokenize='porter unicode61 remove_diacritics 2');
        """)
        with open(jsonl, encoding="utf-8") as lines:
            rows = (json.loads(line) for n, line in enumerate(lines) if line.strip() and (limit is None or n < limit))
            db.executemany(
                "INSERT INTO pairs VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (
                    (
                        p["pair_id"],
                        p["article_id"],
                        p["seq"],
                        p["article_title"],
                        p["date"],
                        int(p["date"][:4]),
                        p["outlet"],
                        p["interviewer"],
                        p["speaker"],
                        p["question"],
                        p["answer"],
                    )
                    for p in rows
                ),
            )
        db.execute("INSERT INTO pairs_fts(pairs_fts) VALUES ('rebuild')")
        db.execute("CREATE INDEX pairs_speaker ON pairs(speaker)")
        db.execute("CREATE INDEX pairs_year ON pairs(year)")
        db.commit()
        db.execute("VACUUM")
        db.close()
        done.write_text(json.dumps({"build_seconds": round(time.monotonic() - start, 1)}))
    return {"bytes": path.stat().st_size, **json.loads(done.read_text())}


def serve_datasette(venv: Path, database: Path, log: Path):
    port = free_port()
    command = [
        str(venv / "bin" / "datasette"),
        "serve",
        str(database),
        "--host",
        HOST,
        "--port",
        str(port),
        "--setting",
        "default_page_size",
        str(PER_PAGE),
    ]
    return serve("datasette", command, port=port, ready_path=f"/{DATABASE}.json", log=log)


def next_token(server, query: Query, facts: Facts) -> str:
    """The ``_next`` token of page ``query.page``, found by following the pages before it."""
    token = ""
    for _ in range(query.page - 1):
        status, body = server.get(datasette_path(TABLE_PATH, query, facts, json=True, next_token=token))
        if status != 200:
            raise RuntimeError(f"Datasette answered {status} while paging {query.kind}")
        next_url = json.loads(body).get("next_url") or ""
        token = (
            parse_qs(urlparse(next_url).query).get("_next", [""])[0] if next_url else json.loads(body).get("next") or ""
        )
        if not token:
            return ""
    return str(token)


def hits(server, facts: Facts) -> dict[str, int | None]:
    """How many rows each query matches in FTS5 (to set beside the site's counts)."""
    out = {}
    for query in facts.mix():
        path = datasette_path(TABLE_PATH, query, facts, json=True).replace("&_nocount=1", "")
        status, body = server.get(path)
        out[query.kind] = json.loads(body).get("filtered_table_rows_count") if status == 200 else None
    status, body = server.get(TABLE_PATH + ".json?_size=0")
    if status == 200 and out.get("rare") == json.loads(body).get("filtered_table_rows_count"):
        raise RuntimeError("Datasette ignores ?_search= (it did not find the FTS5 table): every row matched")
    return out


def paths(server, facts: Facts, *, json_: bool) -> list[tuple[str, str]]:
    out = []
    for query in facts.mix():
        token = next_token(server, query, facts) if query.page > 1 else ""
        out.append((query.kind, datasette_path(TABLE_PATH, query, facts, json=json_, next_token=token)))
    return out
