"""Test set-up: every run gets its own data directory, so a real SQLite file and a real
Whoosh index live in a temporary folder and nothing touches var/."""

import os
import shutil
import tempfile
from pathlib import Path

# Before Django reads its settings: haystack reads its connections once, at import.
DATA_DIR = tempfile.mkdtemp(prefix="archive-test-")
os.environ["ARCHIVE_DATA_DIR"] = DATA_DIR
os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-secret")
os.environ["DJANGO_SETTINGS_MODULE"] = "archive.settings"

import django  # noqa: E402

django.setup()

import pytest  # noqa: E402
from django.core.management import call_command  # noqa: E402
from haystack import connections  # noqa: E402

from archive.importer import import_file  # noqa: E402

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEED_SUPERPOWERS = FIXTURES / "guterres-kazinform-superpowers-kazakhstan.txt"
SEED_SCO = FIXTURES / "guterres-kazinform-sco-international-platform.txt"


def pytest_unconfigure(config):
    shutil.rmtree(DATA_DIR, ignore_errors=True)


@pytest.fixture(scope="session", autouse=True)
def static_files():
    """Pages link hashed, compressed static files, as in production: collect them once."""
    call_command("collectstatic", interactive=False, verbosity=0)


@pytest.fixture(autouse=True)
def empty_index():
    """Each test starts with an empty search index (the database is reset by pytest-django)."""
    connections["default"].get_backend().clear()
    yield


@pytest.fixture
def seeds(transactional_db):
    """The two seed interviews, imported through the real importer and indexed on commit."""
    outcomes = [import_file(SEED_SUPERPOWERS), import_file(SEED_SCO)]
    assert all(o.ok for o in outcomes), [o.error for o in outcomes]
    return outcomes


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "correct horse battery")
    client.force_login(user)
    return client


def database_url():
    """The test database as a DATABASE_URL, for processes the tests start."""
    from django.db import connection

    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{settings['NAME']}"
    parts = {k: settings.get(k) or "" for k in ("USER", "PASSWORD", "HOST", "PORT", "NAME")}
    return "postgres://{USER}:{PASSWORD}@{HOST}:{PORT}/{NAME}".format(**parts)


def child_env(**extra):
    return {**os.environ, "DATABASE_URL": database_url(), "DJANGO_SETTINGS_MODULE": "archive.settings", **extra}


@pytest.fixture(scope="module")
def server(django_db_setup):
    """The site served by gunicorn, as `make run` serves it, on the test database and index."""
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    root = Path(__file__).resolve().parent.parent
    gunicorn = Path(sys.executable).with_name("gunicorn")
    process = subprocess.Popen(
        [
            str(gunicorn),
            "-c",
            "gunicorn.conf.py",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
            "--access-logfile",
            "/dev/null",
            "archive.wsgi",
        ],
        cwd=root,
        env=child_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(url + "/speakers/", timeout=2)
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise RuntimeError("gunicorn did not start: " + process.stderr.read()[-2000:]) from None
            time.sleep(0.2)
    yield url
    process.terminate()
    process.wait(timeout=30)


def rebuild_index():
    call_command("rebuild_index", interactive=False, verbosity=0)
