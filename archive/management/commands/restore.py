"""Restore a backup made by ``manage.py backup FOLDER``: ``manage.py restore FOLDER``.

The database is replaced by the backup's (SQLite through its online backup API; PostgreSQL
through ``pg_restore --clean``), the Whoosh index by the backup's copy (or rebuilt from the
database with ``--rebuild-index``, and always for a search cluster), then ``check_index
--repair`` brings the index in step with the restored database. Every permalink of the backup
works again. Reload gunicorn afterwards (``kill -HUP``) so each worker opens the restored index.
"""

import json
import shutil
import sqlite3
import subprocess
from contextlib import nullcontext
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from haystack import connections

from .backup import DATABASE_POSTGRES, DATABASE_SQLITE, INDEX, counts, postgres_environment, whoosh_path


class Command(BaseCommand):
    help = (
        "Replace the database and the search index with a backup written by `manage.py backup`, "
        "then check the index against the database and repair it. Everything since the backup is lost."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path, help="A folder written by `manage.py backup`.")
        parser.add_argument(
            "--rebuild-index",
            action="store_true",
            help="Rebuild the search index from the restored database instead of copying the backup's.",
        )

    def handle(self, *args, folder: Path, rebuild_index=False, **options):
        folder = folder.resolve()
        try:
            manifest = json.loads((folder / "backup.json").read_text())
        except (OSError, ValueError):
            raise CommandError(f"{folder} is not a backup (no readable backup.json).") from None
        if manifest.get("vendor") != connection.vendor:
            raise CommandError(
                f"The backup is of a {manifest.get('vendor')} database; this site uses {connection.vendor}."
            )
        index = whoosh_path()
        backend = connections["default"].get_backend()
        with backend.write_lock() if index else nullcontext():
            self._database(folder)
            if index and (folder / INDEX).exists() and not rebuild_index:
                self._index(folder / INDEX, index)
                copied = True
            else:
                copied = False
        backend.setup_complete = False  # this process opens the restored index afresh
        if not copied:
            call_command("rebuild_index", interactive=False, verbosity=0)
        call_command("check_index", repair=True, stdout=self.stdout)
        restored = counts()
        if restored != manifest["counts"]:
            raise CommandError(f"Restored {restored}, but the backup recorded {manifest['counts']}.")
        summary = ", ".join(f"{n} {kind}" for kind, n in restored.items())
        self.stdout.write(f"Restored {summary} from {folder} (taken {manifest['taken']}).")

    def _database(self, folder: Path):
        if connection.vendor == "sqlite":
            connection.ensure_connection()
            source = sqlite3.connect(folder / DATABASE_SQLITE)
            try:
                source.backup(connection.connection)
            finally:
                source.close()
        else:
            result = subprocess.run(
                ["pg_restore", "--clean", "--if-exists", "--no-owner", "--dbname", connection.settings_dict["NAME"]],
                stdin=(folder / DATABASE_POSTGRES).open("rb"),
                env=postgres_environment(),
                capture_output=True,
                text=True,
            )
            if result.returncode != 0:
                raise CommandError(f"pg_restore failed: {result.stderr.strip()}")

    @staticmethod
    def _index(source: Path, index: Path):
        """The backup's index swapped in whole: copied beside the live one, then renamed."""
        incoming = index.with_name(index.name + ".restoring")
        outgoing = index.with_name(index.name + ".replaced")
        shutil.rmtree(incoming, ignore_errors=True)
        shutil.rmtree(outgoing, ignore_errors=True)
        shutil.copytree(source, incoming)
        if index.exists():
            index.rename(outgoing)
        incoming.rename(index)
        shutil.rmtree(outgoing, ignore_errors=True)
