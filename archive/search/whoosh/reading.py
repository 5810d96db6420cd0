"""Reading the index: a searcher kept open per process and thread, refreshed only when the
index changed (instead of three or four readers opened per query), and reads retried when a
commit elsewhere removed files the searcher had not opened yet."""

from functools import wraps

READ_ATTEMPTS = 3  # a search that failed on a searcher the index moved past is run again


def retried(method):
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


class ReadingMixin:
    """The searcher half of :class:`~archive.search.whoosh.backend.ArchiveWhooshBackend`."""

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
