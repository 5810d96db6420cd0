"""The deployment settings: docs/production.env passes `check --deploy --fail-level WARNING`
exactly as an operator runs it; the project's own checks stop a deployment that forgot its
public address, cannot write its index, or sends cookies in the clear behind TLS; HSTS and
the HTTPS redirect are set from the environment; gunicorn's control socket is per data folder."""

import os
import secrets
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
from django.test import Client

from ..conftest import DATA_DIR

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = ROOT / "docs" / "production.env"


def production_env(data_dir: Path, **changes) -> dict:
    """The process environment an operator gets from docs/production.env, its own data folder
    and secret key file, nothing of the test run's settings."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "ARCHIVE_", "SEARCH_", "DATABASE_"))}
    for line in PRODUCTION_ENV.read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            key, _, value = line.partition("=")
            env[key] = value
    env["ARCHIVE_DATA_DIR"] = str(data_dir)
    (data_dir / "secret_key").write_text(secrets.token_urlsafe(50))
    env.update(changes)
    return {k: v for k, v in env.items() if v is not None}


def check_deploy(data_dir, **changes) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=production_env(data_dir, **changes),
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_env_passes_check_deploy_at_warning_level(tmp_path):
    result = check_deploy(tmp_path)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize(
    "changes, reported",
    [
        ({"ARCHIVE_SITE_URL": ""}, "archive.E002"),
        ({"ARCHIVE_SITE_URL": "javascript:alert(1)"}, "archive.E003"),
        ({"ARCHIVE_SITE_URL": "https://elsewhere.example.org"}, "archive.E004"),
        ({"DJANGO_ALLOWED_HOSTS": "archive.example.org,testserver"}, "archive.W005"),
        ({"DJANGO_SECURE_COOKIES": "false"}, "archive.E006"),
        ({"ARCHIVE_SITE_URL": "http://archive.example.org"}, "archive.E007"),
        ({"DJANGO_HSTS_SECONDS": "0"}, "security.W004"),
        ({"DJANGO_SSL_REDIRECT": "false"}, "security.W008"),
        ({"DJANGO_DEBUG": "true"}, "security.W018"),
    ],
)
def test_a_missing_or_contradictory_setting_fails_the_deploy_check(tmp_path, changes, reported):
    result = check_deploy(tmp_path, **changes)
    assert result.returncode != 0
    assert reported in result.stderr


def test_an_index_folder_that_cannot_be_written_stops_even_the_plain_check(tmp_path):
    """Here the folder's place is taken by a file (a permission test would pass as root)."""
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=production_env(tmp_path, SEARCH_URL=f"whoosh://{blocker}/index"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0 and "archive.E001" in result.stderr, result.stderr


def test_hsts_and_the_https_redirect_follow_the_settings(db, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.ALLOWED_HOSTS = ["archive.example.org"]
    plain = Client().get("/speakers/", HTTP_HOST="archive.example.org")
    assert plain.status_code == 301 and plain["Location"] == "https://archive.example.org/speakers/"
    secure = Client().get("/speakers/", HTTP_HOST="archive.example.org", HTTP_X_FORWARDED_PROTO="https")
    assert secure.status_code == 200
    assert secure["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


def test_a_host_not_listed_is_refused_not_served(db, settings):
    settings.ALLOWED_HOSTS = ["archive.example.org"]
    assert Client().get("/speakers/", HTTP_HOST="evil.example").status_code == 400


def test_the_default_hosts_name_no_test_only_host():
    result = subprocess.run(
        [sys.executable, "-c", "from django.conf import settings; print(settings.ALLOWED_HOSTS)"],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "archive.settings"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "testserver" not in result.stdout and "*" not in result.stdout


def test_gunicorn_keeps_its_control_socket_in_the_data_folder(server):
    urllib.request.urlopen(server + "/speakers/", timeout=10).read()
    assert (Path(DATA_DIR) / "gunicorn.ctl").is_socket()
