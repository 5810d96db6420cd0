"""Keep the search index equal to the database after every save and delete.

A save records which documents it touched; when its transaction commits, :func:`sync`
re-reads those rows and writes them (or removes them) while holding the index's write lock.
Because the rows are read under the lock, the last writer always writes the latest state,
whatever order concurrent processes commit in: the index ends equal to the database.
"""

import threading
from collections import defaultdict
from contextlib import nullcontext

from django.db import models, transaction
from haystack import connections, signals

from .models import Appearance, Article, Pair, Speaker, SpeakerAlias

_pending = threading.local()


def documents_touched(instance) -> dict[type, set[int]]:
    """The indexed rows whose documents show something of ``instance``."""
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


def sync(changes: dict[type, set[int]], using: str = "default") -> None:
    """Write the current database state of these rows to the index."""
    backend = connections[using].get_backend()
    unified = connections[using].get_unified_index()
    with getattr(backend, "write_lock", nullcontext)():
        for model, pks in changes.items():
            if not pks:
                continue
            index = unified.get_index(model)
            present = list(index.index_queryset(using=using).filter(pk__in=pks))
            if present:
                backend.update(index, present)
            for pk in set(pks) - {obj.pk for obj in present}:
                backend.remove(f"{model._meta.label_lower}.{pk}")


def _flush():
    changes = getattr(_pending, "changes", None)
    if changes:
        _pending.changes = defaultdict(set)
        sync(changes)


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

    def handle_save(self, sender, instance, **kwargs):
        if kwargs.get("raw"):
            return
        self._queue(instance)

    def handle_delete(self, sender, instance, **kwargs):
        self._queue(instance)

    def _queue(self, instance):
        if not hasattr(_pending, "changes"):
            _pending.changes = defaultdict(set)
        for model, pks in documents_touched(instance).items():
            _pending.changes[model] |= pks
        # One callback per save; the first to run writes everything queued. A rolled-back
        # transaction drops its callbacks, and its queued rows are re-read by the next sync,
        # which finds them as they are.
        transaction.on_commit(_flush)

