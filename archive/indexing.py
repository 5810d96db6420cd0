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
from django.db import models, transaction
from haystack import connections, signals

from .models import Appearance, Article, Pair, PendingIndexUpdate, Speaker, SpeakerAlias

log = logging.getLogger(__name__)
_pending = threading.local()
BATCH = 500  # rows read per query: well under SQLite's limit on query parameters


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
    unified = connections[using].get_unified_index()
    with getattr(backend, "write_lock", nullcontext)():
        retried = list(PendingIndexUpdate.objects.order_by("pk")[:pending])
        changes = _merge(changes, retried)
        for model, pks in changes.items():
            index = unified.get_index(model)
            pks = sorted(pks)
            for start in range(0, len(pks), BATCH):
                batch = set(pks[start:start + BATCH])
                present = list(index.index_queryset(using=using).filter(pk__in=batch))
                if present:
                    backend.update(index, present)
                for pk in batch - {obj.pk for obj in present}:
                    backend.remove(f"{model._meta.label_lower}.{pk}")
    if retried:
        PendingIndexUpdate.objects.filter(pk__in=[p.pk for p in retried]).delete()
    return len(retried)


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
def batched(rows: int = 25_000, using: str = "default"):
    """Inside this block, index writes are written about every ``rows`` rows and at the end,
    instead of once per transaction: a bulk import commits the index far less often, with a
    writer per core. Each file still commits to the database on its own, and the documents
    it touched are recorded as pending in that same transaction, so an import that is
    interrupted leaves nothing unindexed: the next write (or :func:`drain`) writes them."""
    backend = connections[using].get_backend()
    _pending.batch_rows = rows
    _pending.queued = 0
    _pending.error = None
    try:
        with getattr(backend, "bulk_writes", nullcontext)():
            _drain_or_note(rows, using)  # what an interrupted run left
            yield
            _drain_or_note(rows, using)
    finally:
        _pending.batch_rows = 0


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
        [PendingIndexUpdate(model=model._meta.label_lower, object_id=pk, reason=why[:300])
         for model, pks in changes.items() for pk in pks],
        ignore_conflicts=True,
    )


def _flush():
    if getattr(_pending, "batch_rows", 0):
        if _pending.queued >= _pending.batch_rows:
            _pending.queued = 0
            # The rows stay pending on failure; the next batch, or the end of the import, writes them.
            _drain_or_note(_pending.batch_rows, "default")
        return
    changes = getattr(_pending, "changes", None)
    if not changes:
        return
    _pending.changes = defaultdict(set)
    try:
        sync(changes)
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

    def handle_save(self, sender, instance, raw=False, update_fields=None, **kwargs):
        if raw:
            return
        self._queue(instance, update_fields)

    def handle_delete(self, sender, instance, **kwargs):
        self._queue(instance)

    def _queue(self, instance, update_fields=None):
        touched = documents_touched(instance, update_fields)
        if getattr(_pending, "batch_rows", 0):
            _record(touched)
            _pending.queued += sum(map(len, touched.values()))
        else:
            if not hasattr(_pending, "changes"):
                _pending.changes = defaultdict(set)
            for model, pks in touched.items():
                _pending.changes[model] |= pks
        # One callback per save; the first to run writes everything queued. A rolled-back
        # transaction drops its callbacks, and its queued rows are re-read by the next sync,
        # which finds them as they are.
        transaction.on_commit(_flush)
