"""Keep the search index equal to the database after every save and delete.

A save records which documents it touched; when its transaction commits, :func:`sync`
re-reads those rows and writes them (or removes them) while holding the index's write lock.
Because the rows are read under the lock, the last writer always writes the latest state,
whatever order concurrent processes commit in: the index ends equal to the database.

A write that fails (the lock stayed busy, the disk is full) is recorded as
:class:`~archive.models.PendingIndexUpdate` rows and retried by the next successful write.
"""

import logging
import threading
from collections import defaultdict
from contextlib import contextmanager, nullcontext

from django.apps import apps
from django.conf import settings
from django.db import models, transaction
from haystack import connections, signals

from .models import Appearance, Article, Pair, PendingIndexUpdate, Speaker, SpeakerAlias
from .search.whoosh.writing import IndexBusy

log = logging.getLogger(__name__)
_pending = threading.local()
BATCH = 500  # rows read per query: well under SQLite's limit on query parameters
FEED = 500  # pending rows a bulk import waits for before writing them to its open writer


def documents_touched(instance, update_fields=None) -> dict[type, set[int]]:
    """The indexed rows whose documents show something of ``instance``."""
    if isinstance(instance, Speaker) and update_fields and set(update_fields) <= {"role"}:
        # The speaker's own role shows only on answers in articles that do not list them
        # (Pair.role); re-indexing every answer of a much-interviewed speaker for each new role
        # would make a bulk import slower with every file.
        listed = Appearance.objects.filter(speaker=instance).values("article_id")
        return {Pair: set(instance.pairs.exclude(article_id__in=listed).values_list("pk", flat=True))}
    if isinstance(instance, Pair):
        return {Pair: {instance.pk}}
    if isinstance(instance, Article):
        return {Article: {instance.pk}, Pair: set(instance.pairs.values_list("pk", flat=True))}
    if isinstance(instance, (Speaker, SpeakerAlias)):
        speaker_id = instance.pk if isinstance(instance, Speaker) else instance.speaker_id
        return {
            Pair: set(Pair.objects.filter(speaker_id=speaker_id).values_list("pk", flat=True)),
            Article: set(Appearance.objects.filter(speaker_id=speaker_id).values_list("article_id", flat=True)),
        }
    if isinstance(instance, Appearance):
        return {
            Article: {instance.article_id},
            Pair: set(Pair.objects.filter(article_id=instance.article_id).values_list("pk", flat=True)),
        }
    return {}


def sync(changes: dict[type, set[int]], using: str = "default", pending: int = 500) -> int:
    """Write the current database state of these rows, and of up to ``pending`` rows left
    pending, to the index. Returns how many pending rows it wrote."""
    backend = connections[using].get_backend()
    with getattr(backend, "write_lock", nullcontext)():
        retried = list(PendingIndexUpdate.objects.order_by("pk")[:pending])
        _write(_merge(changes, retried), using)
    if retried:
        PendingIndexUpdate.objects.filter(pk__in=[p.pk for p in retried]).delete()
    return len(retried)


def _write(changes: dict[type, set[int]], using: str, new: set | None = None):
    """Write these rows as the database has them now (removed where they are gone). Rows in
    ``new`` ((model, pk) pairs the index has never held) are added without looking for an
    older copy, where the engine can (``add``), and taken out of ``new``."""
    backend = connections[using].get_backend()
    unified = connections[using].get_unified_index()
    new = set() if new is None else new
    add = getattr(backend, "add", backend.update)
    for model, pks in changes.items():
        index = unified.get_index(model)
        pks = sorted(pks)
        for start in range(0, len(pks), BATCH):
            batch = set(pks[start : start + BATCH])
            present = list(index.index_queryset(using=using).filter(pk__in=batch))
            fresh = [obj for obj in present if (model, obj.pk) in new]
            known = [obj for obj in present if (model, obj.pk) not in new]
            if fresh:
                add(index, fresh)
                new.difference_update((model, obj.pk) for obj in fresh)
            if known:
                backend.update(index, known)
            for pk in batch - {obj.pk for obj in present}:
                backend.remove(f"{model._meta.label_lower}.{pk}")


def drain(rows: int = 10_000, using: str = "default") -> int:
    """Write every pending row to the index, ``rows`` per index commit; the number written.
    What an interrupted bulk import left unindexed is written here by the next run."""
    written = 0
    while PendingIndexUpdate.objects.exists():
        written += sync({}, using=using, pending=rows)
    return written


def _merge(changes, pending_rows):
    merged = defaultdict(set, {model: set(pks) for model, pks in changes.items() if pks})
    for row in pending_rows:
        merged[apps.get_model(row.model)].add(row.object_id)
    return merged


@contextmanager
def batched(rows: int | None = None, using: str = "default"):
    """Inside this block, a bulk import writes the index as it goes (:class:`_Bulk`) and
    commits it every ``rows`` rows (``ARCHIVE_INDEX_COMMIT_ROWS``), not once per file. Each
    file still commits to the database on its own, and the documents it touched are recorded
    as pending in that same transaction, so an import that is interrupted leaves nothing
    unindexed: what its index had not committed is still pending, and the next write (or
    :func:`drain`) writes it."""
    backend = connections[using].get_backend()
    rows = rows or settings.ARCHIVE_INDEX_COMMIT_ROWS
    bulk = _pending.bulk = _Bulk(rows, using)
    _pending.error = None
    try:
        with getattr(backend, "bulk_writes", nullcontext)():
            bulk.feed(everything=True)  # what an interrupted run left
            yield
            bulk.feed(everything=True)
            bulk.commit()
            if bulk.error is None:
                _drain_or_note(rows, using)  # rows another process recorded meanwhile
    except BaseException:
        bulk.cancel()
        raise
    finally:
        _pending.bulk = None


class _Bulk:
    """A bulk import's index writes. Once ``FEED`` pending rows wait (``rows``, if fewer),
    they are written to a writer kept open under the write lock, so the index is written
    while the import reads on (Whoosh's bulk writer analyses them in a process per core);
    every ``rows`` rows the writer commits, and only then are the pending rows it wrote
    deleted. A failed write (engine down, lock busy) stops the feeding: the rows stay
    pending, nothing is lost."""

    def __init__(self, rows: int, using: str):
        self.rows, self.using = rows, using
        self.feed_at = min(FEED, rows)
        self.backend = connections[using].get_backend()
        self.queued = 0  # rows recorded since the last feed
        self.last = 0  # the last pending row written
        self.written: list[int] = []  # pending rows written, not yet committed
        self.new: set[tuple[type, int]] = set()  # rows created by this import, not yet written
        self.error: str | None = None
        self._lock = None  # the write lock held while a writer is open

    def record(self, touched, created=None):
        """Record the documents a save touched as pending; ``created``: the row it created."""
        _record(touched)
        self.queued += sum(map(len, touched.values()))
        if created is not None and self.error is None and type(created) in touched:
            self.new.add((type(created), created.pk))

    def feed(self, everything=False):
        """Write the rows recorded since the last feed (with ``everything``, also any left
        by an interrupted run), committing every ``rows`` rows."""
        if self.error is not None or not (everything or self.queued >= self.feed_at):
            return
        self.queued = 0
        try:
            while rows := list(PendingIndexUpdate.objects.filter(pk__gt=self.last).order_by("pk")[: self.feed_at]):
                if self._lock is None and hasattr(self.backend, "write_lock"):
                    self._lock = self.backend.write_lock()
                    self._lock.__enter__()
                _write(_merge({}, rows), self.using, self.new)
                self.last = rows[-1].pk
                self.written += [row.pk for row in rows]
                if len(self.written) >= self.rows:
                    self.commit()
        except Exception as exc:
            self._fail(exc)

    def commit(self):
        if self.error is not None:
            return
        lock, self._lock = self._lock, None
        try:
            if lock is not None:
                lock.__exit__(None, None, None)  # commits the open writer, releases the lock
        except Exception as exc:
            self._fail(exc)
            return
        written, self.written = self.written, []
        for start in range(0, len(written), BATCH):
            PendingIndexUpdate.objects.filter(pk__in=written[start : start + BATCH]).delete()

    def cancel(self):
        """Drop what was written and not committed: it is still pending."""
        lock, self._lock = self._lock, None
        if lock is not None:  # leaving the lock with an error cancels the open writer
            lock.__exit__(RuntimeError, RuntimeError("import interrupted"), None)

    def _fail(self, exc):
        log.info("Search index not written", exc_info=True)
        self.cancel()
        self.new.clear()
        self.error = _pending.error = reason(exc)


def index_error() -> str | None:
    """Why the last bulk import left rows pending in the database (None if it did not)."""
    return getattr(_pending, "error", None)


def _drain_or_note(rows, using):
    try:
        drain(rows, using)
    except Exception as exc:  # the engine is down or busy: the rows stay pending, nothing is lost
        log.info("Search index not written", exc_info=True)
        _pending.error = reason(exc)


def reason(exc: BaseException) -> str:
    """The first line of the error at the bottom of the chain, where the search clients keep
    the cause ("ConnectionRefusedError: [Errno 111] Connection refused") under their own."""
    while (inner := exc.__cause__ or exc.__context__) is not None and inner is not exc:
        exc = inner
    text = (str(exc).strip().splitlines() or [""])[0]
    found = f"{type(exc).__name__}: {text}" if text else type(exc).__name__
    return found if len(found) <= 300 else found[:299] + "…"


def _record(changes, why="queued by a bulk import"):
    """Record documents to write as pending rows (in the caller's transaction, if any)."""
    PendingIndexUpdate.objects.bulk_create(
        [
            PendingIndexUpdate(model=model._meta.label_lower, object_id=pk, reason=why[:300])
            for model, pks in changes.items()
            for pk in pks
        ],
        ignore_conflicts=True,
    )


def _flush():
    bulk = getattr(_pending, "bulk", None)
    if bulk is not None:
        bulk.feed()
        return
    changes = getattr(_pending, "changes", None)
    if not changes:
        return
    _pending.changes = defaultdict(set)
    try:
        sync(changes)
    except IndexBusy as exc:
        # Expected while a bulk import holds the index: its next commit writes the change.
        log.warning("Search index busy (%s); change queued", exc)
        _record(changes, str(exc))
    except Exception as exc:
        # The database change stands; its index document follows with the next write.
        log.exception("Search index not updated; queued for retry")
        _record(changes, str(exc))


class IndexSyncProcessor(signals.BaseSignalProcessor):
    """Haystack signal processor: queue what a save touched, write it after the commit."""

    senders = (Article, Pair, Speaker, SpeakerAlias, Appearance)

    def setup(self):
        for sender in self.senders:
            models.signals.post_save.connect(self.handle_save, sender=sender)
            models.signals.post_delete.connect(self.handle_delete, sender=sender)

    def teardown(self):
        for sender in self.senders:
            models.signals.post_save.disconnect(self.handle_save, sender=sender)
            models.signals.post_delete.disconnect(self.handle_delete, sender=sender)

    def handle_save(self, sender, instance, created=False, raw=False, update_fields=None, **kwargs):
        if raw:
            return
        self._queue(instance, update_fields, instance if created else None)

    def handle_delete(self, sender, instance, **kwargs):
        self._queue(instance)

    def _queue(self, instance, update_fields=None, created=None):
        touched = documents_touched(instance, update_fields)
        if (bulk := getattr(_pending, "bulk", None)) is not None:
            bulk.record(touched, created)
        else:
            if not hasattr(_pending, "changes"):
                _pending.changes = defaultdict(set)
            for model, pks in touched.items():
                _pending.changes[model] |= pks
        # One callback per save; the first to run writes everything queued. A rolled-back
        # transaction drops its callbacks, and its queued rows are re-read by the next sync,
        # which finds them as they are.
        transaction.on_commit(_flush)
