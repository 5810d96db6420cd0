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


def rebuild_index():
    call_command("rebuild_index", interactive=False, verbosity=0)
