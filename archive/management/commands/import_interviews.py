"""Import interview articles from .txt files or folders of them."""

import argparse
import datetime
import json
from collections import Counter
from contextlib import nullcontext

from django.core.management.base import BaseCommand
from tqdm import tqdm

from archive.importer import import_file, text_files
from archive.indexing import batched, index_error
from archive.models import PendingIndexUpdate


class Command(BaseCommand):
    help = (
        "Import plain-text interview articles. Each file is saved in one transaction: a file "
        "that fails is reported with its reason and changes nothing. Re-running is safe, and "
        "resumes an interrupted import: files already saved are skipped without parsing."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="Files, or folders searched for *.txt files.")
        parser.add_argument("--dry-run", action="store_true", help="Parse and report; save nothing.")
        parser.add_argument(
            "--format",
            choices=["text", "json"],
            default="text",
            help="json prints one document with every file's parsed article (for previews and checks).",
        )
        parser.add_argument("--outlet", default="", help="Outlet of the files that do not name theirs.")
        parser.add_argument(
            "--date", type=_date, default=None, help="Publication date (YYYY-MM-DD) of the files that give none."
        )
        parser.add_argument("--language", default="", help="Language code (en, ru, es…) of the files that give none.")
        parser.add_argument(
            "--progress",
            action=argparse.BooleanOptionalAction,
            default=None,
            help="Show a progress bar with the time left on stderr (default: when stderr is a terminal).",
        )

    def handle(self, *args, paths, dry_run=False, format="text", progress=None, **options):
        files = text_files(paths)
        defaults = {
            "outlet": options.get("outlet"),
            "published": options.get("date"),
            "language": options.get("language"),
        }
        if progress is None:
            progress = self.stderr.isatty()
        # Progress is counted in bytes, so the estimate of time left holds for files of any size.
        bar = tqdm(
            total=sum(_size(f) for f in files),
            unit="B",
            unit_scale=True,
            disable=not progress,
            # The stream under Django's OutputWrapper, which would end every redraw
            # with a newline.
            desc="Importing",
            dynamic_ncols=True,
            file=self.stderr._out,
        )
        verbose = options["verbosity"] >= 1 and format == "text"
        # Only the JSON report keeps every parsed article; a large import keeps counts.
        kept, counts, answers, doubtful = [], Counter(), 0, 0
        with bar, nullcontext() if dry_run else batched():
            for path in files:
                outcome = import_file(path, dry_run=dry_run, defaults=defaults)
                counts[outcome.status] += 1
                if format == "json":
                    kept.append(outcome)
                answers += len(outcome.interview.pairs) if outcome.interview and outcome.ok else 0
                doubtful += bool(outcome.interview and outcome.ok and outcome.needs_review)
                if verbose or not outcome.ok:
                    with bar.external_write_mode():
                        self._report(outcome)
                bar.update(_size(path))
                bar.set_postfix(files=counts.total(), answers=answers, refresh=False)
            bar.set_description("Writing the search index")
            bar.refresh()
        if not dry_run and index_error() and PendingIndexUpdate.objects.exists():
            self.stderr.write(
                self.style.WARNING(
                    f"The search index could not be written ({index_error()}); "
                    f"{PendingIndexUpdate.objects.count()} documents wait in the database and are written by the "
                    f"next import or `manage.py check_index --repair`. The files themselves are saved."
                )
            )
        if format == "json":
            self.stdout.write(json.dumps({"files": [o.as_json() for o in kept]}, ensure_ascii=False, indent=2))
        else:
            summary = ", ".join(f"{n} {status}" for status, n in sorted(counts.items())) or "no .txt files found"
            if doubtful:
                summary += f"; {doubtful} need review (the parser was unsure of the split)"
            self.stdout.write(f"{counts.total()} file(s): {summary}" + (" (dry run: nothing saved)" if dry_run else ""))
        if counts["failed"] or not counts:
            # A non-zero exit status tells scripts that something was not imported.
            raise SystemExit(1)

    def _report(self, outcome):
        if not outcome.ok:
            self.stderr.write(self.style.ERROR(f"failed     {outcome.path}: {outcome.error}"))
            return
        iv = outcome.interview
        if iv is None:  # skipped unparsed: saved before from the same text
            self.stdout.write(f"{outcome.status:<10} {outcome.path}: {outcome.article.title!r}")
            return
        doubt = f", needs review (confidence {iv.confidence:.2f})" if iv.needs_review else ""
        self.stdout.write(f"{outcome.status:<10} {outcome.path}: {iv.title!r}, {len(iv.pairs)} answer(s){doubt}")
        for warning in outcome.warnings:
            self.stdout.write(self.style.WARNING(f"           warning: {warning}"))


def _size(path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _date(value: str):
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{value}” is not a date: write it as YYYY-MM-DD") from None
