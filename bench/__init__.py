"""`make bench`: the archive's search benchmark (issue 5).

One run generates a synthetic corpus (``shared/bench/gen_corpus.py``), imports and indexes it
with the project's own ``import_interviews`` into a fresh data directory, serves it with
gunicorn as ``make run`` does and loads ``/search/`` and ``/api/search/`` with a fixed query
mix; on the same corpus it measures three references: Whoosh writing the same answer documents
with the same schema (the engine's indexing floor, against the import), Whoosh queried directly
(the engine's search floor) and Datasette on SQLite FTS5 (a peer), and appends the figures to
BENCHMARKS.md.

Modules: :mod:`bench.run` (the command), :mod:`bench.corpus`, :mod:`bench.project`,
:mod:`bench.index_floor`, :mod:`bench.floor`, :mod:`bench.peer`, :mod:`bench.queries`,
:mod:`bench.load`, :mod:`bench.servers`, :mod:`bench.report`.
"""
