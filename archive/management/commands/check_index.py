"""Compare the search index with the database, and optionally bring it back in step."""

from django.core.management import call_command
from django.core.management.base import BaseCommand
from haystack import connections
from haystack.query import SearchQuerySet

from archive.models import PendingIndexUpdate


class Command(BaseCommand):
    help = (
        "Check that the search index was built with the current fields, and count the documents "
        "it should hold (published answers and articles) against those it holds, and the rows "
        "whose index write failed and waits for a retry. With --repair, rebuild or update it."
    )

    def add_arguments(self, parser):
        parser.add_argument("--repair", action="store_true", help="Run update_index --remove if the counts differ.")

    def handle(self, *args, repair=False, **options):
        unified = connections["default"].get_unified_index()
        missing = getattr(connections["default"].get_backend(), "missing_fields", list)()  # Whoosh only
        if missing:
            self.stdout.write(f"The index was built before these fields existed: {', '.join(missing)}.")
            if not repair:
                self.stdout.write(self.style.WARNING("Run `python manage.py check_index --repair` to rebuild it."))
                raise SystemExit(1)
            self.stdout.write("Rebuilding the index.")
            call_command("rebuild_index", interactive=False, verbosity=0)
        differ = False
        backend = connections["default"].get_backend()
        for model in unified.get_indexed_models():
            expected = unified.get_index(model).index_queryset().count()
            if hasattr(backend, "document_count"):
                indexed = backend.document_count(model)  # Whoosh: counted, not searched
            else:
                indexed = SearchQuerySet().models(model).count()
            differ |= expected != indexed
            self.stdout.write(f"{model._meta.verbose_name_plural}: {expected} in the database, {indexed} in the index")
        pending = PendingIndexUpdate.objects.count()
        if pending:
            differ = True
            self.stdout.write(f"{pending} row(s) wait for an index write that failed")
        if differ and repair:
            self.stdout.write("The index differs from the database: updating it.")
            # Rows queued from now on are not covered by this update; they stay queued.
            last = PendingIndexUpdate.objects.order_by("-pk").values_list("pk", flat=True).first()
            call_command("update_index", remove=True, verbosity=0)
            if last is not None:
                PendingIndexUpdate.objects.filter(pk__lte=last).delete()
        elif differ:
            self.stdout.write(self.style.WARNING("The index differs: run `python manage.py check_index --repair`."))
            raise SystemExit(1)
