"""Compare the search index with the database, and optionally bring it back in step."""

import logging
import time
from contextlib import contextmanager

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from haystack import connections
from haystack.query import SearchQuerySet

from archive.indexing import drain, reason
from archive.models import PendingIndexUpdate

# The search clients log each failed request with its traceback; the command says it in one line.
CLIENT_LOGGERS = ("elasticsearch", "pysolr", "haystack")


class Command(BaseCommand):
    help = (
        "Check that the search index was built with the current fields (Whoosh only), and count "
        "the documents it should hold (published answers and articles) against those it holds, "
        "and the rows whose index write failed and waits for a retry. With --repair, rebuild or "
        "update it. Exits 1 when they differ or the search engine cannot be reached."
    )

    def add_arguments(self, parser):
        parser.add_argument("--repair", action="store_true", help="Run update_index --remove if the counts differ.")
        parser.add_argument(
            "--optimize",
            action="store_true",
            help="Merge the index's segments into one (Whoosh): bulk imports leave several, and each "
            "costs every search a little. Rewrites the whole index; searches go on meanwhile.",
        )
        parser.add_argument(
            "--using",
            default="default",
            help="The haystack connection to check: 'rebuild' checks a new index before it is switched in.",
        )

    def handle(self, *args, repair=False, optimize=False, using="default", **options):
        if using not in settings.HAYSTACK_CONNECTIONS:
            raise CommandError(f"No search connection {using!r}: set SEARCH_REBUILD_URL for 'rebuild'.")
        backend = connections[using].get_backend()
        where = _where(settings.HAYSTACK_CONNECTIONS[using])
        # haystack's Solr and Elasticsearch backends, left to fail silently, log the error and
        # answer that the index is empty: a check must say the engine is down instead.
        silently_fail, backend.silently_fail = backend.silently_fail, False
        try:
            with _quiet(CLIENT_LOGGERS):
                self._check(backend, using, where, repair)
                if optimize:
                    self._optimize(backend)
        except (CommandError, SystemExit):
            raise
        except Exception as exc:
            raise CommandError(f"The search index at {where} cannot be read: {reason(exc)}") from None
        finally:
            backend.silently_fail = silently_fail

    def _optimize(self, backend):
        if not hasattr(backend, "segment_count"):
            self.stdout.write("This search engine merges its own segments: nothing to do.")
            return
        before, started = backend.segment_count(), time.monotonic()
        backend.optimize()
        self.stdout.write(
            f"Merged {before} segment(s) into {backend.segment_count()} in {time.monotonic() - started:.0f} s."
        )

    def _check(self, backend, using, where, repair):
        unified = connections[using].get_unified_index()
        missing = backend.missing_fields() if hasattr(backend, "missing_fields") else []  # Whoosh only
        if missing:
            self.stdout.write(f"The index was built before these fields existed: {', '.join(missing)}.")
            if not repair:
                self.stdout.write(self.style.WARNING("Run `python manage.py check_index --repair` to rebuild it."))
                raise SystemExit(1)
            self.stdout.write("Rebuilding the index.")
            call_command("rebuild_index", interactive=False, verbosity=0, using=[using])
        # Failed writes, and what an interrupted bulk import left, wait as pending rows (for
        # the served index only): writing them is far cheaper than re-writing everything.
        pending = PendingIndexUpdate.objects.count() if using == "default" else 0
        if pending and repair:
            self.stdout.write(f"Writing {pending} row(s) that wait for an index write.")
            drain(using=using)
            pending = PendingIndexUpdate.objects.count()
        differ = False
        for model in unified.get_indexed_models():
            expected = unified.get_index(model).index_queryset(using=using).count()
            if hasattr(backend, "document_count"):
                indexed = backend.document_count(model)  # Whoosh: counted, not searched
            else:
                indexed = SearchQuerySet(using=using).models(model).count()
            differ |= expected != indexed
            self.stdout.write(f"{model._meta.verbose_name_plural}: {expected} in the database, {indexed} in the index")
        if pending:
            differ = True
            self.stdout.write(f"{pending} row(s) wait for an index write")
        if differ and repair:
            self.stdout.write(f"The index at {where} differs from the database: updating it.")
            # Rows queued from now on are not covered by this update; they stay queued.
            last = PendingIndexUpdate.objects.order_by("-pk").values_list("pk", flat=True).first()
            call_command("update_index", remove=True, verbosity=0, using=[using])
            if last is not None and using == "default":
                PendingIndexUpdate.objects.filter(pk__lte=last).delete()
        elif differ:
            self.stdout.write(self.style.WARNING("The index differs: run `python manage.py check_index --repair`."))
            raise SystemExit(1)


def _where(connection: dict) -> str:
    """Where a connection's index lives, for messages: a folder, or a URL and index name."""
    if "PATH" in connection:
        return connection["PATH"]
    if "INDEX_NAME" in connection:
        return f"{connection['URL']} (index {connection['INDEX_NAME']})"
    return connection.get("URL", "?")


@contextmanager
def _quiet(names):
    loggers = [logging.getLogger(name) for name in names]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)
