"""Haystack's Whoosh backend, adjusted for an archive served by several processes.

Selected in settings by ``SEARCH_URL=whoosh:///path`` (the default). Five changes:

* **One writer at a time, explicitly.** Whoosh allows a single writer per index. Every write
  (admin saves, imports, ``update_index``, ``rebuild_index``) takes an exclusive ``flock`` on
  ``<index path>.lock`` first and then a plain Whoosh writer. Haystack's stock backend uses an
  ``AsyncWriter`` for updates and a writer that gives up at once for deletes, so under
  contention a delete is silently lost; here it waits its turn. :func:`write_lock` is
  re-entrant, so :mod:`archive.indexing` can read the database and write the index under
  one lock, which is what keeps the index equal to the database.
* **A searcher kept open per process and thread**, refreshed only when the index changed,
  instead of three or four readers opened per query.
* **Filters that narrow, not sift.** Haystack's backend hands Whoosh the model and the
  filters as a ``filter=`` query, which Whoosh turns into a bit set of every allowed document
  and checks each match against: at 57k answers a speaker filter cost 2 s. Here a filter is
  required *inside* the query (:class:`whoosh.query.Require`: it skips to the speaker's
  documents and leaves the ranking to the words), and the model restriction is the smaller of
  "these documents" or "not those", a set computed once per searcher.
* **A schema that fits the data:** the document field is indexed but not stored; fields marked
  ``indexed=False`` are only stored; facet and exact fields are whole-value ``ID`` fields.
* Segments are written non-compound, so opening a reader does not copy the index into memory.
* **Search features that work on that schema:** a spelling suggestion whenever one is asked
  for (haystack's only comes with ``INCLUDE_SPELLING`` on, and never for a search that found
  nothing), for words the index lacks or holds rarely beside a common near spelling;
  "more like this" from the text the index class gives, since the document field is not
  stored; a document's ``boost`` as its weight; undated documents last in date order.
"""

import fcntl
import os
import threading
import time
from array import array
from contextlib import contextmanager
from functools import wraps

import numpy
from django.conf import settings
from django.utils.encoding import force_str
from haystack.backends.whoosh_backend import WhooshEngine, WhooshSearchBackend
from haystack.constants import DJANGO_CT, ID
from haystack.exceptions import SkipDocument
from haystack.fields import FacetField
from haystack.utils import get_identifier, get_model_ct
from whoosh import query as wq
from whoosh.collectors import FilterCollector, WrappingCollector
from whoosh.fields import ID as WHOOSH_ID
from whoosh.fields import NUMERIC, STORED, TEXT
from whoosh.index import TOC
from whoosh.reading import SegmentReader
from whoosh.searching import ResultsPage
from whoosh.sorting import FieldFacet, TranslateFacet
from whoosh.support.charset import accent_map
from whoosh.support.levenshtein import distance as edit_distance
from whoosh.writing import CLEAR

EXACT = "exact"
RARE = 3  # a word in this many documents or fewer may be a misspelling of a common one
# Where spelling suggestions look for near words: the field of words as written, lower-cased
# (search_indexes.py). Its words are folded here as the content field folds them.
SPELLING_SOURCE = "text_exact"
# Memory a writer sorts postings in before it spills them to disk; Whoosh's default of 128 MB
# spilled a third of a 2,000-document batch's time.
WRITER_MB = 256
# The same for each of a bulk writer's processes. A spill pickles every posting to disk and
# reads it back: raw Whoosh wrote 10,000 answers in 65 s with 256 MB, 38 s with 1,024 MB.
# A process holds about 200 bytes a posting, 250 postings an answer: the 12,500 answers each
# of two processes gets from an import's 25,000-row commit take about 600 MB.
BULK_WRITER_MB = 1024
# Written into the lock file while a bulk import holds the lock: other writers then queue
# their change at once instead of waiting for the import (the lock is held for its length).
BULK_MARK = "bulk import"


READ_ATTEMPTS = 3  # a search that failed on a searcher the index moved past is run again


def _retried(method):
    """Run a read again on a fresh searcher when it failed on one the index has moved past.
    A commit in another process deletes the files of old commits and merged segments, and a
    searcher opens some of them (stored fields, columns) only when it first reads them, so a
    search that meets such a commit can find a file gone. Any other error is raised."""

    @wraps(method)
    def inner(self, *args, **kwargs):
        for attempt in range(1, READ_ATTEMPTS + 1):
            try:
                return method(self, *args, **kwargs)
            except Exception:
                if attempt == READ_ATTEMPTS or not self._searcher_stale():
                    raise
                self._drop_searcher()

    return inner


SMALL_SEGMENT = 2_000  # documents: segments below this are merged by ordinary commits
SMALL_SEGMENTS = 10  # ... once there are this many of them


def merge_small_segments(writer, segments):
    """Whoosh merge policy for ordinary commits: once SMALL_SEGMENTS segments of under
    SMALL_SEGMENT documents have gathered (one per save), merge them into the new segment;
    never touch larger ones. Whoosh's default policy (MERGE_SMALL) can decide, at any save,
    to rewrite most of the index: at 100,000 answers it merged 22 segments for over seven
    minutes inside one commit. Large segments are merged only when asked (:meth:`optimize`)."""
    small = [seg for seg in segments if seg.doc_count_all() < SMALL_SEGMENT]
    if len(small) < SMALL_SEGMENTS:
        return segments
    for seg in small:
        writer.add_reader(SegmentReader(writer.storage, writer.schema, seg))
    return [seg for seg in segments if seg not in small]


class IndexBusy(Exception):
    """The write lock could not be had in time; the write is retried later (archive.indexing)."""


class ArchiveWhooshBackend(WhooshSearchBackend):
    def __init__(self, connection_alias, **connection_options):
        super().__init__(connection_alias, **connection_options)
        self._lock = threading.RLock()
        self._lock_depth = 0
        self._lock_file = None
        self._open_writer = None
        self._bulk = 0
        self._local = threading.local()

    # -- schema -----------------------------------------------------------------------
    def build_schema(self, fields):
        content_field_name, schema = super().build_schema(fields)
        for field in fields.values():
            name = field.index_fieldname
            if field.document:
                # No spelling=True: it indexes every word a second time; near spellings
                # are looked for among the words as written (SPELLING_SOURCE) instead.
                replacement = TEXT(analyzer=field.analyzer, stored=False, phrase=True)
            elif not field.indexed:
                replacement = STORED()
            elif isinstance(field, FacetField) or field.field_type == EXACT:
                replacement = WHOOSH_ID(stored=field.stored, sortable=True)
            elif field.field_type == "string" and field.analyzer is not None:
                # Searched, never shown or sorted on: no stored copy, no sort column.
                replacement = TEXT(analyzer=field.analyzer, stored=field.stored, phrase=True,
                                   field_boost=field.boost)
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
                self._mark(f"{BULK_MARK}, process {os.getpid()}\n" if self._bulk else "")
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
                    self._mark("")
                    fcntl.flock(self._lock_file, fcntl.LOCK_UN)
                    self._lock_file.close()
                    self._lock_file = None

    def _mark(self, text):
        self._lock_file.seek(0)
        self._lock_file.truncate()
        self._lock_file.write(text)
        self._lock_file.flush()

    @staticmethod
    def _acquire(lock_file):
        deadline = time.monotonic() + settings.ARCHIVE_INDEX_LOCK_TIMEOUT
        while True:
            try:
                fcntl.flock(lock_file, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                lock_file.seek(0)
                if lock_file.read(len(BULK_MARK)) == BULK_MARK:
                    lock_file.close()
                    raise IndexBusy("a bulk import is writing the search index; "
                                    "its next commit writes this change") from None
                if time.monotonic() > deadline:
                    lock_file.close()
                    raise IndexBusy(
                        f"another process held the search index's write lock for over "
                        f"{settings.ARCHIVE_INDEX_LOCK_TIMEOUT} s"
                    ) from None
                time.sleep(0.05)

    @contextmanager
    def bulk_writes(self):
        """Writes opened inside use every core: Whoosh's MpWriter analyses the documents in
        one process per core, each writing a segment of its own, while this process goes on
        reading the database. For imports; a single save is faster with a plain writer.
        The lock file says a bulk import holds it (BULK_MARK), so other writers do not wait."""
        self._bulk += 1
        try:
            yield
        finally:
            self._bulk -= 1

    @contextmanager
    def _writer(self):
        if not self.setup_complete:
            self.setup()
        with self.write_lock():
            if self._open_writer is None:
                self.index = self.index.refresh()
                options = {"timeout": settings.ARCHIVE_INDEX_LOCK_TIMEOUT, "compound": False,
                           "limitmb": BULK_WRITER_MB if self._bulk else WRITER_MB}
                cores = os.cpu_count() or 1
                if self._bulk and cores > 1:
                    options.update(procs=cores, multisegment=True)
                self._open_writer = self.index.writer(**options)
                # A bulk commit adds its segments as they are; any other merges only small
                # segments, so no save waits for the index to be rewritten. (clear() may
                # still set the writer's mergetype to CLEAR.)
                if self._bulk:
                    self._open_writer.merge = False
                else:
                    self._open_writer.mergetype = merge_small_segments
            yield self._open_writer

    def update(self, index, iterable, commit=True):
        # ``iterable`` may be a lazy queryset: it is read here, under the lock.
        with self._writer() as writer:
            self._write_documents(writer.update_document, index, iterable)

    def add(self, index, iterable):
        """Like :meth:`update`, for rows the index has never held (created by a bulk import):
        no search for an older copy to replace. That search looks in every segment, and a
        bulk import at a million answers leaves dozens (17 µs each, per document)."""
        with self._writer() as writer:
            self._write_documents(writer.add_document, index, iterable)

    def _write_documents(self, write, index, iterable):
        for obj in iterable:
            fields = self.document(index, obj)
            if fields is not None:
                write(**fields)

    def document(self, index, obj) -> dict | None:
        """The Whoosh fields ``obj`` is indexed with (None if the index class skips it)."""
        try:
            doc = index.full_prepare(obj)
        except SkipDocument:
            return None
        boost = doc.pop("boost", None)
        fields = {k: self._from_python(v) for k, v in doc.items()}
        if boost is not None and boost != 1:
            fields["_boost"] = float(boost)  # the document's weight: haystack's "boost"
        return fields

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

    def optimize(self, models=None):
        """Merge every segment into one: a bulk import leaves one segment per core and batch,
        and each adds a little to every search. A full rewrite of the index, run when asked
        (``check_index --optimize``); searches go on meanwhile from the segments as they were."""
        if not self.setup_complete:
            self.setup()
        with self.write_lock():
            self.index = self.index.refresh()
            self.index.writer(timeout=settings.ARCHIVE_INDEX_LOCK_TIMEOUT, compound=False,
                              limitmb=WRITER_MB).commit(optimize=True)

    def segment_count(self) -> int:
        if not self.setup_complete:
            self.setup()
        return len(self.index.refresh()._segments())

    def missing_fields(self) -> list[str]:
        """Fields of the current schema that the index on disk was built without: when any
        are listed, the index predates a schema change and needs ``rebuild_index``."""
        if not self.setup_complete:
            self.setup()
        try:
            built = self.storage.open_index().schema.names()
        except Exception:  # no index yet: nothing is missing from nothing
            return []
        return sorted(set(self.schema.names()) - set(built))

    @_retried
    def document_count(self, model=None) -> int:
        """Documents in the index (of one model): read off the index, no search run."""
        searcher = self._searcher()
        if model is None:
            return searcher.doc_count()
        return len(searcher.search(wq.Term(DJANGO_CT, get_model_ct(model)), limit=None, scored=False))

    def version(self) -> tuple[int, float] | None:
        """The index's generation and when it was committed (a Unix time): every write
        makes a new generation, so pages can be revalidated against it (archive.freshness).
        None if commits kept replacing it while it was read."""
        if not self.setup_complete:
            self.setup()
        for _ in range(READ_ATTEMPTS):
            generation = self.index.latest_generation()
            try:
                return generation, self.storage.file_modified(TOC._filename(self.index.indexname, generation))
            except FileNotFoundError:
                continue  # a commit replaced that generation meanwhile
        return None

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
        if getattr(self._local, "searcher", None) is not searcher:
            self._local.searcher = searcher
            self._local.model_docs = {}
            self._local.facet_tables = {}
        return searcher

    def _searcher_stale(self) -> bool:
        searcher = getattr(self._local, "searcher", None)
        try:
            return searcher is None or not searcher.up_to_date()
        except Exception:  # its commit's files are gone
            return True

    def _drop_searcher(self):
        searcher, self._local.searcher = getattr(self._local, "searcher", None), None
        try:
            if searcher is not None:
                searcher.close()
        except Exception:  # closing files another process deleted: nothing to keep
            pass

    def _model_restriction(self, searcher, models, exclude=()) -> dict:
        """``search_page`` keywords that keep to ``models``' documents, leaving ``exclude``
        (docnums) out: ``filter=`` the model's documents when they are the fewer, else
        ``mask=`` the others (answers are most of the index, articles a few percent). The set
        is computed once per searcher, so a search pays for it only after the index changed."""
        if not models:
            return {"mask": set(exclude)} if exclude else {}
        wanted = frozenset(get_model_ct(m) for m in models)
        cached = self._local.model_docs.get(wanted)
        if cached is None:
            found = {ct: set(searcher.docs_for_query(wq.Term(DJANGO_CT, ct)))
                     for ct in searcher.reader().field_terms(DJANGO_CT)}
            inside = set().union(*(docs for ct, docs in found.items() if ct in wanted))
            outside = set().union(*(docs for ct, docs in found.items() if ct not in wanted))
            cached = ("filter", inside) if len(inside) <= len(outside) else ("mask", outside)
            self._local.model_docs[wanted] = cached
        kind, docs = cached
        if kind == "filter":
            docs = docs - set(exclude) if exclude else docs
            # An empty filter would be read as no filter at all: allow a docnum that is none.
            return {"filter": docs or {-1}}
        return {"mask": docs | set(exclude) if exclude else docs}

    def _narrowed(self, query, narrow_queries):
        """``query`` restricted to documents matching every narrowing query, ranked by
        ``query`` alone; an excluding one (``-speaker:x``) is taken out the same way."""
        required, excluded = [], []
        for narrow in narrow_queries or ():
            parsed = self.parser.parse(force_str(narrow))
            if isinstance(parsed, wq.Not):
                excluded.append(parsed.query)
            elif parsed is not None and parsed is not wq.NullQuery:
                required.append(parsed)
        if required:
            query = wq.Require(query, required[0] if len(required) == 1 else wq.And(required))
        if excluded:
            query = wq.AndNot(query, excluded[0] if len(excluded) == 1 else wq.Or(excluded))
        return query

    def _sort_facet(self, order):
        """A Whoosh sort key for "field" or "-field". Documents without a value (an article
        with no date) come last either way: Whoosh stores a missing number as the largest."""
        name = order.lstrip("-")
        field = self.schema[name]
        if not order.startswith("-"):
            return FieldFacet(name)
        if isinstance(field, NUMERIC):
            missing = field.default
            return TranslateFacet(lambda value: (value == missing, -value), FieldFacet(name))
        return FieldFacet(name, reverse=True)

    @_retried
    def create_spelling_suggestion(self, query_string):
        """``query_string`` with each word the index lacks, or holds only a few times next to
        a far more common near spelling (Gutteres beside Guterres), replaced by that nearest
        word (fewest edits, then the most documents); the words stay in order, one for one.
        None when nothing needs or finds a correction."""
        searcher = self._searcher()
        reader = searcher.reader()
        name = self.content_field_name
        field = self.schema[name]
        if SPELLING_SOURCE not in self.schema.names():
            return None

        def documents(word):
            return max((reader.doc_frequency(name, t.text) for t in field.analyzer(word)), default=0)

        words = force_str(query_string).split()
        corrected = list(words)
        for i, word in enumerate(words):
            folded = [t.text for t in field.analyzer(word, no_morph=True)]
            if len(folded) != 1 or len(folded[0]) < 3:
                continue  # a stop word, or a word split in two
            have = documents(word)
            if have > RARE:
                continue
            wanted = 1 if have == 0 else 3 * have
            near = self._near_words(reader, SPELLING_SOURCE, folded[0], 2 if len(folded[0]) > 4 else 1)
            scored = [(-distance, n, c) for c, distance in near.items() if (n := documents(c)) >= wanted]
            if scored:
                corrected[i] = max(scored, key=lambda dnc: (dnc[0], dnc[1], [-ord(ch) for ch in dnc[2]]))[2]
        return " ".join(corrected) if corrected != words else None

    def _near_words(self, reader, fieldname, word, most):
        """Words of ``fieldname`` within ``most`` edits of ``word`` and with its first letter
        (misspellings rarely touch it), accents folded, with their distance. One pass over the
        words with that letter, skipping by length first: Whoosh's terms_within computes the
        distance to every one of them, once per distance asked."""
        field = self.schema[fieldname]
        found = {}
        for raw in reader.expand_prefix(fieldname, word[:1]):
            candidate = field.from_bytes(raw)
            if abs(len(candidate) - len(word)) > most:
                continue
            candidate = candidate.translate(accent_map)
            if candidate == word or candidate in found:
                continue
            distance = edit_distance(candidate, word, limit=most)
            if distance <= most:
                found[candidate] = distance
        return found

    @_retried
    def more_like_this(
        self, model_instance, additional_query_string=None, start_offset=0, end_offset=None,
        models=None, limit_to_registered_models=None, result_class=None, **kwargs,
    ):
        """Documents sharing the most telling words of ``model_instance``'s own text (itself
        left out), narrowed by the query it was asked with. Uses the kept-open searcher; the
        text is the index class's ``similar_text(obj)`` when it has one (an answer's words,
        without the speaker's name that every answer of theirs shares), else the document."""
        from haystack import connections

        searcher = self._searcher()
        model = model_instance._meta.concrete_model
        index = connections[self.connection_alias].get_unified_index().get_index(model)
        if hasattr(index, "similar_text"):
            text = index.similar_text(model_instance)
        else:
            text = index.full_prepare(model_instance).get(self.content_field_name)
        docnum = searcher.document_number(**{ID: get_identifier(model_instance)})
        if not text or docnum is None:
            return {"results": [], "hits": 0}
        key_terms = searcher.key_terms_from_text(self.content_field_name, text, numterms=12)
        if not key_terms:
            return {"results": [], "hits": 0}
        similar = wq.Or([wq.Term(self.content_field_name, word, boost=weight) for word, weight in key_terms])
        if additional_query_string and additional_query_string != "*":
            similar = self._narrowed(similar, [additional_query_string])
        page_num, page_length = self.calculate_page(start_offset, end_offset)
        raw_page = searcher.search_page(
            similar, page_num, pagelen=page_length, **self._model_restriction(searcher, models, exclude={docnum}),
        )
        if raw_page.pagenum < page_num:
            return {"results": [], "hits": raw_page.total}
        return self._process_results(raw_page, result_class=result_class)

    @_retried
    def search(
        self, query_string, sort_by=None, start_offset=0, end_offset=None, fields="",
        highlight=False, facets=None, date_facets=None, query_facets=None,
        narrow_queries=None, spelling_query=None, within=None, dwithin=None,
        distance_point=None, models=None, limit_to_registered_models=None,
        result_class=None, **kwargs,
    ):
        query_string = force_str(query_string)
        nothing = {"results": [], "hits": 0, "facets": {}}
        if spelling_query:
            nothing["spelling_suggestion"] = self.create_spelling_suggestion(spelling_query)
        if not query_string or (len(query_string) <= 1 and query_string != "*"):
            return nothing
        searcher = self._searcher()
        parsed = self.parser.parse(query_string)
        if parsed is None or parsed is wq.NullQuery:
            return nothing

        parsed = self._narrowed(parsed, narrow_queries)
        search_kwargs = self._model_restriction(searcher, models)
        if sort_by:
            search_kwargs["sortedby"] = [self._sort_facet(s) for s in sort_by]
        page_num, page_length = self.calculate_page(start_offset, end_offset)
        try:
            raw_page, matched = self._search_page(searcher, parsed, page_num, page_length, **search_kwargs)
        except ValueError:
            return nothing
        if raw_page.pagenum < page_num:
            # Whoosh answers a page past the end with the last page; there is nothing there.
            return {**nothing, "hits": raw_page.total}
        results = self._process_results(raw_page, query_string=query_string, result_class=result_class)
        if facets:
            results["facets"] = {"fields": {name: self._facet_counts(searcher, name, matched) for name in facets},
                                 "dates": {}, "queries": {}}
        if spelling_query:
            results["spelling_suggestion"] = nothing["spelling_suggestion"]
        return results

    @staticmethod
    def _search_page(searcher, query, page_num, page_length, filter=None, mask=None, sortedby=None):
        """One page of results, and every matching document's number (for the facets).
        The count is exact: block-quality skipping is off, as the facets see every match."""
        top = searcher.collector(limit=page_num * page_length, sortedby=sortedby, optimize=False)
        recorder = _Recorder(top)
        collector = FilterCollector(recorder, filter, mask) if filter or mask else recorder
        searcher.search_with_collector(query, collector)
        return ResultsPage(collector.results(), page_num, page_length), recorder.docnums

    def _facet_counts(self, searcher, name, docnums) -> list[tuple[str, int]]:
        """(value, documents) for a facet field among ``docnums``, most first. Counted with one
        array lookup per field over all matches, from a table of each document's value that
        is read once per searcher; Whoosh's own grouping calls Python code per match and
        per field, which made counts the dearest part of a search for a common word."""
        codes, values = self._facet_table(searcher, name)
        if not len(docnums):
            return []
        counts = numpy.bincount(codes[numpy.frombuffer(docnums, dtype=numpy.uint32)], minlength=len(values))
        found = [(values[i], int(counts[i])) for i in numpy.flatnonzero(counts) if i]  # 0: no value
        return sorted(found, key=lambda vn: (-vn[1], vn[0]))

    def _facet_table(self, searcher, name):
        tables = self._local.facet_tables
        if name not in tables:
            reader = searcher.reader()
            field = self.schema[name]
            codes = numpy.zeros(reader.doc_count_all(), dtype=numpy.int32)
            values = [None]
            for raw in reader.lexicon(name):
                ids = numpy.fromiter(reader.postings(name, raw).all_ids(), dtype=numpy.int64)
                codes[ids] = len(values)
                values.append(field.from_bytes(raw))
            tables[name] = codes, values
        return tables[name]


class _Recorder(WrappingCollector):
    """Passes every match on to the collector it wraps, noting its document number."""

    def prepare(self, top_searcher, q, context):
        self.docnums = array("I")
        super().prepare(top_searcher, q, context)

    def collect(self, sub_docnum):
        self.docnums.append(sub_docnum + self.child.offset)
        return self.child.collect(sub_docnum)


class ArchiveWhooshEngine(WhooshEngine):
    backend = ArchiveWhooshBackend
