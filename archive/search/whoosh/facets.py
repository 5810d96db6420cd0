"""Facet counts over every match, with numpy: one array lookup per field over all matches,
from a table of each document's value read once per searcher::

    codes  = [0, 3, 3, 1, …]          # per document: which value (0: none)
    counts = bincount(codes[matched])  # per value: how many matches
"""

from array import array

import numpy
from whoosh.collectors import FilterCollector, WrappingCollector
from whoosh.searching import ResultsPage


class FacetsMixin:
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
