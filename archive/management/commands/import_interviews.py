"""Import interview articles from .txt files or folders of them."""

import json

from django.core.management.base import BaseCommand

from archive.importer import import_file, text_files
from archive.indexing import batched


class Command(BaseCommand):
    help = (
        "Import plain-text interview articles. Each file is saved in one transaction: a file "
        "that fails is reported with its reason and changes nothing. Re-running is safe."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="Files, or folders searched for *.txt files.")
        parser.add_argument("--dry-run", action="store_true", help="Parse and report; save nothing.")
        parser.add_argument(
            "--format", choices=["text", "json"], default="text",
            help="json prints one document with every file's parsed article (for previews and checks).",
        )

    def handle(self, *args, paths, dry_run=False, format="text", **options):
        outcomes = []
        with batched():
            for path in text_files(paths):
                outcome = import_file(path, dry_run=dry_run)
                outcomes.append(outcome)
                if format == "text":
                    self._report(outcome)
        if format == "json":
            self.stdout.write(json.dumps({"files": [o.as_json() for o in outcomes]}, ensure_ascii=False, indent=2))
        else:
            counts = {}
            for outcome in outcomes:
                counts[outcome.status] = counts.get(outcome.status, 0) + 1
            summary = ", ".join(f"{n} {status}" for status, n in sorted(counts.items())) or "no .txt files found"
            self.stdout.write(f"{len(outcomes)} file(s): {summary}" + (" (dry run: nothing saved)" if dry_run else ""))
        failed = sum(not o.ok for o in outcomes)
        if failed or not outcomes:
            # A non-zero exit status tells scripts that something was not imported.
            raise SystemExit(1)

    def _report(self, outcome):
        if not outcome.ok:
            self.stderr.write(self.style.ERROR(f"failed     {outcome.path}: {outcome.error}"))
            return
        iv = outcome.interview
        answers = len(iv.pairs) if iv else 0
        self.stdout.write(f"{outcome.status:<10} {outcome.path}: {iv.title!r}, {answers} answer(s)")
        for warning in outcome.warnings:
            self.stdout.write(self.style.WARNING(f"           warning: {warning}"))
