"""Haystack's Whoosh backend, adjusted for an archive served by several processes.

Selected in settings by ``SEARCH_URL=whoosh:///path`` (the default). Four changes:

* **One writer at a time, explicitly.** Whoosh allows a single writer per index. Every write
  (admin saves, imports, ``update_index``, ``rebuild_index``) takes an exclusive ``flock`` on
  ``<index path>.lock`` first and then a plain Whoosh writer. Haystack's stock backend uses an
  ``AsyncWriter`` for updates and a writer that gives up at once for deletes, so under
  contention a delete is silently lost; here it waits its turn. :func:`write_lock` is
  re-entrant, so :mod:`archive.indexing` can read the database and write the index under
  one lock, which is what keeps the index equal to the database.
* **A searcher kept open per process and thread**, refreshed only when the index changed,
  instead of three or four readers opened per query.
* **A schema that fits the data:** the document field is indexed but not stored; fields marked
  ``indexed=False`` are only stored; facet and exact fields are whole-value ``ID`` fields.
* Segments are written non-compound, so opening a reader does not copy the index into memory.
"""

import fcntl
import os
import threading
import time
from contextlib import contextmanager

from django.conf import settings
from django.utils.encoding import force_str
from haystack.backends.whoosh_backend import WhooshEngine, WhooshSearchBackend
from haystack.constants import DJANGO_CT, ID
from haystack.exceptions import SkipDocument
from haystack.fields import FacetField
from haystack.utils import get_identifier, get_model_ct
from whoosh import query as wq
from whoosh.fields import ID as WHOOSH_ID
from whoosh.fields import STORED, TEXT
from whoosh.sorting import Count, FieldFacet
from whoosh.writing import CLEAR

EXACT = "exact"


class IndexBusy(Exception):
    """The write lock could not be had in time; the write is retried later (archive.indexing)."""


class ArchiveWhooshBackend(WhooshSearchBackend):
    def __init__(self, connection_alias, **connection_options):
        super().__init__(connection_alias, **connection_options)
        self._lock = threading.RLock()
        self._lock_depth = 0
        self._lock_file = None
        self._open_writer = None
        self._local = threading.local()

    # -- schema -----------------------------------------------------------------------
    def build_schema(self, fields):
        content_field_name, schema = super().build_schema(fields)
        for field in fields.values():
            name = field.index_fieldname
            if field.document:
                replacement = TEXT(analyzer=field.analyzer, stored=False, phrase=True, spelling=True)
            elif not field.indexed:
                replacement = STORED()
            elif isinstance(field, FacetField) or field.field_type == EXACT:
                replacement = WHOOSH_ID(stored=field.stored, sortable=True)
            else:
                continue
            schema.remove(name)
            schema.add(name, replacement)
        return content_field_name, schema

    # -- writing ------------------------------------------------------------------------
    @contextmanager
    def write_lock(self):
        """Hold the index's one write slot. Writes inside share one Whoosh writer and are
        committed together when the outermost block ends (cancelled if it raises)."""
        with self._lock:
            if self._lock_depth == 0:
                os.makedirs(os.path.dirname(self.path.rstrip("/")) or ".", exist_ok=True)
                lock_file = open(self.path.rstrip("/") + ".lock", "a+")
                self._acquire(lock_file)
                self._lock_file = lock_file
            self._lock_depth += 1
            try:
                yield
            except BaseException:
                if self._lock_depth == 1 and self._open_writer is not None:
                    self._open_writer.cancel()
                    self._open_writer = None
                raise
            else:
                if self._lock_depth == 1 and self._open_writer is not None:
                    writer, self._open_writer = self._open_writer, None
                    writer.commit()
            finally:
                self._lock_depth -= 1
                if self._lock_depth == 0:
                    fcntl.flock(self._lock_file, fcntl.LOCK_UN)
                    self._lock_file.close()
                    self._lock_file = None

    @staticmethod
    def _acquire(lock_file):
        deadline = time.monotonic() + settings.ARCHIVE_INDEX_LOCK_TIMEOUT
        while True:
            try:
                fcntl.flock(lock_file, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                if time.monotonic() > deadline:
                    lock_file.close()
                    raise IndexBusy(
                        f"another process held the search index's write lock for over "
                        f"{settings.ARCHIVE_INDEX_LOCK_TIMEOUT} s"
                    ) from None
                time.sleep(0.05)

    @contextmanager
    def _writer(self):
        if not self.setup_complete:
            self.setup()
        with self.write_lock():
            if self._open_writer is None:
                self.index = self.index.refresh()
                self._open_writer = self.index.writer(
                    timeout=settings.ARCHIVE_INDEX_LOCK_TIMEOUT, compound=False
                )
            yield self._open_writer

    def update(self, index, iterable, commit=True):
        # ``iterable`` may be a lazy queryset: it is read here, under the lock.
        with self._writer() as writer:
            for obj in iterable:
                try:
                    doc = index.full_prepare(obj)
                except SkipDocument:
                    continue
                doc.pop("boost", None)
                writer.update_document(**{k: self._from_python(v) for k, v in doc.items()})

    def remove(self, obj_or_string, commit=True):
        with self._writer() as writer:
            writer.delete_by_term(ID, get_identifier(obj_or_string))

    def clear(self, models=None, commit=True):
        # Emptied by a commit that drops every segment, not by deleting the directory as
        # haystack does: the generation keeps growing, so searchers open in other processes
        # see the change instead of mistaking the new index for the one they hold.
        with self._writer() as writer:
            if models is None:
                writer.mergetype = CLEAR
            for model in models or ():
                writer.delete_by_term(DJANGO_CT, get_model_ct(model))

    def document_count(self) -> int:
        return self._searcher().doc_count()

    # -- searching ----------------------------------------------------------------------
    def _searcher(self):
        if not self.setup_complete:
            self.setup()
        searcher = getattr(self._local, "searcher", None)
        if searcher is None or searcher._ix is not self.index:
            searcher = self.index.searcher()
        elif not searcher.up_to_date():
            # Not searcher.refresh(): whoosh-reloaded 2.7.5's reader reuse adds the old
            # segments back to the new reader (index.py, FileIndex._reader), so a refreshed
            # searcher sees deleted documents. Opening non-compound segments is cheap.
            searcher.close()
            searcher = self.index.searcher()
        self._local.searcher = searcher
        return searcher

    def search(
        self, query_string, sort_by=None, start_offset=0, end_offset=None, fields="",
        highlight=False, facets=None, date_facets=None, query_facets=None,
        narrow_queries=None, spelling_query=None, within=None, dwithin=None,
        distance_point=None, models=None, limit_to_registered_models=None,
        result_class=None, **kwargs,
    ):
        query_string = force_str(query_string)
        if not query_string or (len(query_string) <= 1 and query_string != "*"):
            return {"results": [], "hits": 0}
        searcher = self._searcher()
        parsed = self.parser.parse(query_string)
        if parsed is None or parsed is wq.NullQuery:
            return {"results": [], "hits": 0}

        filters = [self.parser.parse(force_str(q)) for q in (narrow_queries or ())]
        if models:
            filters.append(wq.Or([wq.Term(DJANGO_CT, get_model_ct(m)) for m in models]))
        search_kwargs = {}
        if filters:
            search_kwargs["filter"] = wq.And(filters) if len(filters) > 1 else filters[0]
        if sort_by:
            directions = {s.startswith("-") for s in sort_by}
            search_kwargs["sortedby"] = [s.lstrip("-") for s in sort_by]
            search_kwargs["reverse"] = directions == {True}
        facet_types = {}
        if facets:
            search_kwargs["groupedby"] = [FieldFacet(f, allow_overlap=True, maptype=Count) for f in facets]
            facet_types = dict.fromkeys(facets, "fields")

        page_num, page_length = self.calculate_page(start_offset, end_offset)
        try:
            raw_page = searcher.search_page(parsed, page_num, pagelen=page_length, **search_kwargs)
        except ValueError:
            return {"results": [], "hits": 0}
        if raw_page.pagenum < page_num:
            # Whoosh answers a page past the end with the last page; there is nothing there.
            return {"results": [], "hits": raw_page.total, "facets": {}}
        return self._process_results(
            raw_page, query_string=query_string, result_class=result_class, facet_types=facet_types,
        )


class ArchiveWhooshEngine(WhooshEngine):
    backend = ArchiveWhooshBackend
