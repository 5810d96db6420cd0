"""The archive itself: a fresh data directory, the import through ``import_interviews``,
and gunicorn started exactly as ``make run`` starts it."""

from __future__ import annotations

import json
import os
import re
import resource
import secrets
import shutil
import subprocess
import time
from dataclasses import dataclass
from html import unescape
from pathlib import Path

from .servers import HOST, free_port, machine_busy_seconds, serve

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Site:
    data: Path  # the run's ARCHIVE_DATA_DIR
    python: Path  # the project's virtual environment
    secret: str

    @classmethod
    def fresh(cls, data: Path, python: Path) -> Site:
        if data.exists():
            shutil.rmtree(data)
        data.mkdir(parents=True)
        return cls(data, python, secrets.token_urlsafe(40))

    @classmethod
    def existing(cls, data: Path, python: Path) -> Site:
        """A data directory an earlier run imported (``--reuse-import``)."""
        if not (data / "archive.sqlite3").exists():
            raise RuntimeError(f"{data} holds no imported archive to reuse")
        return cls(data, python, secrets.token_urlsafe(40))

    def env(self) -> dict:
        env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "SEARCH_URL", "WEB_CONCURRENCY")}
        env.update(
            ARCHIVE_DATA_DIR=str(self.data), DJANGO_SECRET_KEY=self.secret, DJANGO_SETTINGS_MODULE="archive.settings"
        )
        return env

    def manage(self, *args: str, log: Path | None = None, timeout: float = 600, check: bool = True):
        command = [str(self.python), "manage.py", *args]
        if log is None:
            return subprocess.run(
                command, cwd=ROOT, env=self.env(), check=check, timeout=timeout, capture_output=True, text=True
            )
        with open(log, "w") as out:
            return subprocess.run(
                command,
                cwd=ROOT,
                env=self.env(),
                check=check,
                timeout=timeout,
                stdout=out,
                stderr=subprocess.STDOUT,
                text=True,
            )

    def prepare(self) -> None:
        """What ``make setup`` does for a data directory: tables and static files."""
        self.manage("migrate", "--noinput", "--verbosity", "0")
        self.manage("collectstatic", "--noinput", "--verbosity", "0")

    def dry_run(self, files: list[Path]) -> dict:
        result = self.manage("import_interviews", "--dry-run", "--format", "json", *map(str, files), check=False)
        try:
            return json.loads(result.stdout)
        except json.JSONDecodeError:
            raise RuntimeError(f"import_interviews --dry-run failed:\n{result.stderr[-3000:]}") from None

    def import_folder(self, folder: Path, log: Path, timeout: float) -> dict:
        """Import and index every article of ``folder``: wall time, CPU time, outcome, and the
        cores other work on the machine took meanwhile (machine CPU less the command's)."""
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        busy = machine_busy_seconds()
        start = time.monotonic()
        try:
            exit_status = self.manage(
                "import_interviews", str(folder), log=log, timeout=timeout, check=False
            ).returncode
        except subprocess.TimeoutExpired:
            exit_status = "timed out"  # killed; the file being saved rolls back, the rest stays
        seconds = time.monotonic() - start
        busy = machine_busy_seconds() - busy
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        counts, counted_from = outcome_counts(log.read_text(errors="replace"))
        return {
            "seconds": seconds,
            "cpu_seconds": cpu,
            "other_cores": max(0.0, busy - cpu) / seconds,
            "exit_status": exit_status,
            "files": counts,
            "files_counted_from": counted_from,
        }

    def counts(self) -> dict:
        """Answers in the database against documents in the index (``check_index``)."""
        out = self.manage("check_index", check=False).stdout
        found = re.findall(r"^(\w[\w ]*?): (\d+) in the database, (\d+) in the index", out, re.M)
        return {name: {"database": int(db), "index": int(ix)} for name, db, ix in found}

    @property
    def index_dir(self) -> Path:
        return self.data / "whoosh"

    def index_bytes(self) -> int:
        return sum(p.stat().st_size for p in self.index_dir.rglob("*") if p.is_file())

    def database_bytes(self) -> int:
        return sum(p.stat().st_size for p in self.data.glob("archive.sqlite3*"))

    def serve(self, log: Path):
        """gunicorn as ``make run`` runs it: ``gunicorn -c gunicorn.conf.py --bind H:P
        archive.wsgi`` from the project folder (workers: WEB_CONCURRENCY or cores + 1)."""
        port = free_port()
        gunicorn = self.python.with_name("gunicorn")
        command = [str(gunicorn), "-c", "gunicorn.conf.py", "--bind", f"{HOST}:{port}", "archive.wsgi"]
        return serve("gunicorn", command, port=port, ready_path="/speakers/", log=log, cwd=ROOT, env=self.env())


STATUSES = ("created", "updated", "unchanged", "failed")
# The command's closing line, "20 file(s): 12 created, 3 unchanged, 5 updated"; matched
# anywhere in a line, since a progress bar on stderr may leave its last frame before it.
SUMMARY = re.compile(r"(\d+) file\(s\): ([^\r\n]*)")


def outcome_counts(log_text: str) -> tuple[dict, str]:
    """Files per outcome of one ``import_interviews`` run, and where they were read: the
    closing summary line when the command printed one, else one per-file line per file
    ("created    <path>: …", at the start of a line or after a progress bar's carriage
    return); an import stopped by the timeout has only per-file lines, if any."""
    counts = dict.fromkeys(STATUSES, 0)
    summaries = SUMMARY.findall(log_text)
    if summaries:
        listed = summaries[-1][1].split(" (", 1)[0]  # drop " (dry run: nothing saved)"
        for part in listed.split(","):
            match = re.fullmatch(r"\s*(\d+) (\w[\w ]*?)\s*", part)
            if match:
                counts[match[2]] = counts.get(match[2], 0) + int(match[1])
        return counts, "summary line"
    for status in STATUSES:
        counts[status] = len(re.findall(rf"(?:^|\r){status}\s", log_text, re.M))
    return counts, "per-file lines"


def top_speaker(speakers_html: str) -> tuple[str, str]:
    """(slug, name) of the speaker with most answers on /speakers/."""
    best = ("", "", -1)
    pattern = re.compile(r'<a href="/speakers/(?P<slug>[^/"]+)/">(?P<name>[^<]+)</a>.*?(?P<n>\d[\d,]*) answers?', re.S)
    for line in speakers_html.splitlines():
        match = pattern.search(line)
        if match:
            n = int(match["n"].replace(",", ""))
            if n > best[2]:
                best = (match["slug"], unescape(match["name"]), n)
    if not best[0]:
        raise RuntimeError("no speaker with answers found on /speakers/")
    return best[0], best[1]


def year_supported(server, word: str, year: str) -> bool:
    """Whether /api/search/ filters by ``year=`` yet: an ignored parameter leaves the count as is."""
    status_all, body_all = server.get("/api/search/?" + f"q={word}")
    status_year, body_year = server.get("/api/search/?" + f"q={word}&year={year}")
    if status_all != 200 or status_year != 200:
        return False
    return json.loads(body_year)["count"] != json.loads(body_all)["count"]
