"""Writing the index: one writer at a time across every process, explicitly.

Whoosh allows a single writer per index. Every write (admin saves, imports, ``update_index``,
``rebuild_index``) takes an exclusive ``flock`` on ``<index path>.lock`` first and then a plain
Whoosh writer. Haystack's stock backend uses an ``AsyncWriter`` for updates and a writer that
gives up at once for deletes, so under contention a delete is silently lost; here it waits
its turn. :meth:`WritingMixin.write_lock` is re-entrant, so :mod:`archive.indexing` can read
the database and write the index under one lock, which keeps the index equal to the database::

    with backend.write_lock():          # held by this process alone
        rows = read_from_database()
        backend.update(index, rows)     # one writer, committed when the block ends
"""

import ctypes
import ctypes.util
import fcntl
import os
import signal
import time
from contextlib import contextmanager

from django.conf import settings
from haystack.constants import DJANGO_CT, ID
from haystack.exceptions import SkipDocument
from haystack.utils import get_identifier, get_model_ct
from whoosh.multiproc import MpWriter, SubWriterTask
from whoosh.reading import SegmentReader
from whoosh.writing import CLEAR

# Memory (MB) a writer sorts postings in before it spills them to disk: Whoosh's default
# spills for an ordinary batch of saves (BENCHMARKS.md).
WRITER_MB = 256
# The same for each of a bulk writer's processes. A spill pickles every posting to disk and
# reads it back, which made raw indexing far slower; this holds what each process receives
# between two commits of a bulk import (ARCHIVE_INDEX_COMMIT_ROWS), measured in BENCHMARKS.md.
BULK_WRITER_MB = 1024
# Written into the lock file while a bulk import holds the lock: other writers then queue
# their change at once instead of waiting for the import (the lock is held for its length).
BULK_MARK = "bulk import"


SMALL_SEGMENT = 2_000  # documents: segments below this are merged by ordinary commits
SMALL_SEGMENTS = 10  # ... once there are this many of them


def merge_small_segments(writer, segments):
    """Whoosh merge policy for ordinary commits: once SMALL_SEGMENTS segments of under
    SMALL_SEGMENT documents have gathered (one per save), merge them into the new segment;
    never touch larger ones. Whoosh's default policy (MERGE_SMALL) can decide, at any save,
    to rewrite most of the index, for minutes inside one commit at 100,000 answers. Large segments are merged only when asked (:meth:`optimize`)."""
    small = [seg for seg in segments if seg.doc_count_all() < SMALL_SEGMENT]
    if len(small) < SMALL_SEGMENTS:
        return segments
    for seg in small:
        writer.add_reader(SegmentReader(writer.storage, writer.schema, seg))
    return [seg for seg in segments if seg not in small]


class IndexBusy(Exception):
    """The write lock could not be had in time; the write is retried later (archive.indexing)."""


class _BoundTask(SubWriterTask):
    """A bulk writer's analysing process that dies with the process that started it. Forked,
    it holds the write lock's file too: outliving an import killed with ``kill -9``, it would
    keep the index locked for every writer after it."""

    def run(self):
        parent = os.getppid()
        if hasattr(_libc, "prctl"):
            _libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != parent:  # the parent died before the line above
            os._exit(1)
        return super().run()


class BoundMpWriter(MpWriter):
    """Whoosh's writer of a process per core, whose processes die with the import."""

    def _new_task(self):
        task = _BoundTask(
            self.storage, self.indexname, self.jobqueue, self.resultqueue, self.subargs, self.multisegment
        )
        self.tasks.append(task)
        task.start()
        return task


PR_SET_PDEATHSIG = 1  # Linux prctl(2): the signal a process gets when its parent dies
_libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)


class WritingMixin:
    """The writing half of :class:`~archive.search.whoosh.backend.ArchiveWhooshBackend`."""

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
                    raise IndexBusy(
                        "a bulk import is writing the search index; its next commit writes this change"
                    ) from None
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
                options = {
                    "timeout": settings.ARCHIVE_INDEX_LOCK_TIMEOUT,
                    "compound": False,
                    "limitmb": BULK_WRITER_MB if self._bulk else WRITER_MB,
                }
                cores = os.cpu_count() or 1
                if self._bulk and cores > 1:
                    self._open_writer = BoundMpWriter(self.index, procs=cores, multisegment=True, **options)
                else:
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
        bulk import at a million answers leaves dozens (a cost per segment and document)."""
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
            self.index.writer(timeout=settings.ARCHIVE_INDEX_LOCK_TIMEOUT, compound=False, limitmb=WRITER_MB).commit(
                optimize=True
            )
