"""The embedded engine: haystack's Whoosh backend, adjusted for an archive served by several
processes. Selected by ``SEARCH_URL=whoosh:///path`` (the default)::

    backend.py   the backend and engine haystack loads: schema, search, more like this
    writing.py   one writer at a time (a lock file), bulk writes, merges
    reading.py   a kept-open searcher per process and thread, reads retried after commits
    spelling.py  "did you mean" from the words as written
    facets.py    facet counts over every match with numpy
"""
