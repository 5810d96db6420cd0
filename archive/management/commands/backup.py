"""Back up the archive while it serves: ``manage.py backup FOLDER``.

FOLDER receives the database (SQLite through its online backup API, so readers and writers
go on; PostgreSQL through ``pg_dump --format=custom``), a copy of the Whoosh index taken
under the index's write lock, and ``backup.json`` (when, and how many rows of each kind).
``manage.py restore FOLDER`` puts it back. A search cluster's index is not copied: restore
rebuilds it from the database.
"""

import json
import os
import shutil
import sqlite3
import subprocess
from contextlib import nullcontext
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from haystack import connections

from archive.models import Article, Pair, RemovedPair, Speaker

DATABASE_SQLITE = "archive.sqlite3"
DATABASE_POSTGRES = "archive.pgdump"
INDEX = "whoosh"


def counts() -> dict[str, int]:
    return {
        "articles": Article.objects.count(),
        "answers": Pair.objects.count(),
        "speakers": Speaker.objects.count(),
        "removed answers": RemovedPair.objects.count(),
    }


def whoosh_path() -> Path | None:
    options = settings.HAYSTACK_CONNECTIONS["default"]
    return Path(options["PATH"]) if "whoosh" in options["ENGINE"].lower() else None


def postgres_environment() -> dict:
    db = connection.settings_dict
    return {
        **os.environ,
        "PGHOST": str(db.get("HOST") or ""),
        "PGPORT": str(db.get("PORT") or ""),
        "PGUSER": str(db.get("USER") or ""),
        "PGPASSWORD": str(db.get("PASSWORD") or ""),
        "PGDATABASE": str(db["NAME"]),
    }


class Command(BaseCommand):
    help = (
        "Write a consistent copy of the database and the search index into FOLDER (created; it must "
        "be empty) while the site keeps serving. `manage.py restore FOLDER` puts it back."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", type=Path, help="An empty or new folder for the backup.")

    def handle(self, *args, folder: Path, **options):
        folder = folder.resolve()
        if folder.exists() and any(folder.iterdir()):
            raise CommandError(f"{folder} is not empty: back up into a new folder.")
        folder.mkdir(parents=True, exist_ok=True)
        index = whoosh_path()
        backend = connections["default"].get_backend()
        # Under the index's write lock nothing writes the index, so the copy is one commit;
        # the database is copied inside it, so the two match (check_index after a restore
        # catches a save that committed to the database between the two and repairs it).
        with backend.write_lock() if index else nullcontext():
            self._database(folder)
            if index and index.exists():
                shutil.copytree(index, folder / INDEX)
            manifest = {"taken": datetime.now(UTC).isoformat(timespec="seconds"), "vendor": connection.vendor}
            manifest["counts"] = counts()
        (folder / "backup.json").write_text(json.dumps(manifest, indent=2) + "\n")
        summary = ", ".join(f"{n} {kind}" for kind, n in manifest["counts"].items())
        self.stdout.write(f"Backed up {summary} to {folder}.")

    def _database(self, folder: Path):
        if connection.vendor == "sqlite":
            connection.ensure_connection()
            target = sqlite3.connect(folder / DATABASE_SQLITE)
            try:
                connection.connection.backup(target)  # online: pages copied while others go on
            finally:
                target.close()
        elif connection.vendor == "postgresql":
            dump = subprocess.run(
                ["pg_dump", "--format=custom", "--no-owner", "--file", str(folder / DATABASE_POSTGRES)],
                env=postgres_environment(),
                capture_output=True,
                text=True,
            )
            if dump.returncode != 0:
                raise CommandError(f"pg_dump failed: {dump.stderr.strip()}")
        else:
            raise CommandError(f"Backing up a {connection.vendor} database is not supported.")
