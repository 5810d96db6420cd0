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
  and checks each match against, which made a speaker filter cost seconds. Here a filter is
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

import threading

from django.utils.encoding import force_str
from haystack.backends.whoosh_backend import WhooshEngine, WhooshSearchBackend
from haystack.constants import DJANGO_CT, ID
from haystack.fields import FacetField
from haystack.utils import get_identifier, get_model_ct
from whoosh import query as wq
from whoosh.fields import ID as WHOOSH_ID
from whoosh.fields import NUMERIC, STORED, TEXT
from whoosh.index import TOC
from whoosh.sorting import FieldFacet, TranslateFacet

from .. import related
from .facets import FacetsMixin
from .reading import READ_ATTEMPTS, ReadingMixin, retried
from .spelling import SpellingMixin
from .writing import IndexBusy, WritingMixin

__all__ = ["ArchiveWhooshBackend", "ArchiveWhooshEngine", "IndexBusy"]

EXACT = "exact"


class ArchiveWhooshBackend(WritingMixin, ReadingMixin, SpellingMixin, FacetsMixin, WhooshSearchBackend):
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
                replacement = TEXT(analyzer=field.analyzer, stored=field.stored, phrase=True, field_boost=field.boost)
            else:
                continue
            schema.remove(name)
            schema.add(name, replacement)
        return content_field_name, schema

    # -- writing ------------------------------------------------------------------------
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

    @retried
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
            found = {
                ct: set(searcher.docs_for_query(wq.Term(DJANGO_CT, ct)))
                for ct in searcher.reader().field_terms(DJANGO_CT)
            }
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

    @retried
    def more_like_this(
        self,
        model_instance,
        additional_query_string=None,
        start_offset=0,
        end_offset=None,
        models=None,
        limit_to_registered_models=None,
        result_class=None,
        **kwargs,
    ):
        """Documents sharing enough topic words of ``model_instance``'s own text (itself
        left out), narrowed by the query it was asked with, each with ``shared``: those words
        as it prints them. Topic words are the most telling words of the index class's
        ``similar_text(obj)`` (an answer's words, without the speaker's name that every answer
        of theirs shares), less boilerplate and words in more than a few percent of documents
        (archive.search.related). Uses the kept-open searcher."""
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
        topic = self._topic_words(searcher, text)
        if not topic:
            return {"results": [], "hits": 0}
        field = self.content_field_name
        # Ranked by the topic words (each weighted by how telling it is), among the documents
        # that have enough of them in common (related.enough_in_common).
        similar = wq.Require(
            wq.Or([wq.Term(field, word, boost=weight) for word, weight in topic]),
            wq.Or([wq.And([wq.Term(field, word) for word in words]) for words in related.enough_in_common(topic)]),
        )
        if additional_query_string and additional_query_string != "*":
            similar = self._narrowed(similar, [additional_query_string])
        page_num, page_length = self.calculate_page(start_offset, end_offset)
        raw_page = searcher.search_page(
            similar,
            page_num,
            pagelen=page_length,
            **self._model_restriction(searcher, models, exclude={docnum}),
        )
        if raw_page.pagenum < page_num:
            return {"results": [], "hits": raw_page.total}
        found = self._process_results(raw_page, result_class=result_class)
        words = [word for word, _ in topic]
        for result in found["results"]:
            result.shared = related.shared_words(words, f"{result.question}\n{getattr(result, 'answer', '')}")
        return found

    def _topic_words(self, searcher, text) -> list[tuple[str, float]]:
        """The most telling words of ``text`` that say what it is about, with their weights."""
        field = self.content_field_name
        common = max(related.MIN_COMMON, related.COMMON_SHARE * searcher.doc_count())
        text = related.without_labels(text)
        candidates = searcher.key_terms_from_text(field, text, numterms=related.TOPIC_WORDS * 3)
        return [
            (word, weight)
            for word, weight in candidates
            # A word of this answer alone (or of no answer: its question's) finds nothing else.
            if related.is_topic_word(word) and 1 < searcher.doc_frequency(field, word) <= common
        ][: related.TOPIC_WORDS]

    @retried
    def search(
        self,
        query_string,
        sort_by=None,
        start_offset=0,
        end_offset=None,
        fields="",
        highlight=False,
        facets=None,
        date_facets=None,
        query_facets=None,
        narrow_queries=None,
        spelling_query=None,
        within=None,
        dwithin=None,
        distance_point=None,
        models=None,
        limit_to_registered_models=None,
        result_class=None,
        **kwargs,
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
            results["facets"] = {
                "fields": {name: self._facet_counts(searcher, name, matched) for name in facets},
                "dates": {},
                "queries": {},
            }
        if spelling_query:
            results["spelling_suggestion"] = nothing["spelling_suggestion"]
        return results


class ArchiveWhooshEngine(WhooshEngine):
    backend = ArchiveWhooshBackend
