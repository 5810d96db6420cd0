"""Beyond one machine (docs/deployment.md): PostgreSQL and a search cluster are settings;
the embedded Whoosh index is rebuilt and updated while the site keeps answering.

Elasticsearch and Solr cannot run here, so what is checked of them is what needs no
server: the settings, the client libraries, the mapping and schema haystack builds, and
what the project does when the engine does not answer."""

import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from importlib.metadata import version
from pathlib import Path

import pytest

from ..conftest import child_env

ROOT = Path(__file__).resolve().parents[2]
MANAGE = [sys.executable, "manage.py"]


def free_port() -> int:
    """A port nothing listens on: an engine that does not answer."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def settings_of(**env) -> subprocess.CompletedProcess:
    """Load archive/settings.py in a fresh process with these variables set; print its
    search connections and database as JSON."""
    code = (
        "import json; from django.conf import settings; "
        "print(json.dumps({'search': settings.HAYSTACK_CONNECTIONS, 'db': settings.DATABASES['default']}, default=str))"
    )
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=child_env(**env), capture_output=True, text=True, timeout=60
    )


def manage(*args, **env) -> subprocess.CompletedProcess:
    return subprocess.run([*MANAGE, *args], cwd=ROOT, env=child_env(**env), capture_output=True, text=True, timeout=120)


def started(*args, log: Path, **env) -> subprocess.Popen:
    """A management command left running, its output in ``log``."""
    with log.open("w") as out:
        return subprocess.Popen([*MANAGE, *args], cwd=ROOT, env=child_env(**env), stdout=out, stderr=out)


def running(process: subprocess.Popen, seconds: float = 120):
    """True while ``process`` runs; fails the test if it runs longer than ``seconds``."""
    deadline = time.monotonic() + seconds
    while process.poll() is None:
        assert time.monotonic() < deadline, f"{process.args} still running after {seconds} s"
        yield


# -- settings --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "url, engine, expected",
    [
        (
            "elasticsearch7://127.0.0.1:9/archive",
            "haystack.backends.elasticsearch7_backend.Elasticsearch7SearchEngine",
            {"URL": "http://127.0.0.1:9", "INDEX_NAME": "archive"},
        ),
        (
            "elasticsearch7s://search.example:9200/archive_v2?TIMEOUT=5",
            "haystack.backends.elasticsearch7_backend.Elasticsearch7SearchEngine",
            {"URL": "https://search.example:9200", "INDEX_NAME": "archive_v2", "TIMEOUT": 5},
        ),
        (
            "solr://127.0.0.1:9/solr/archive",
            "haystack.backends.solr_backend.SolrEngine",
            {"URL": "http://127.0.0.1:9/solr/archive"},
        ),
    ],
)
def test_search_url_of_a_cluster_selects_haystacks_own_engine(url, engine, expected):
    """A cluster's URL gets haystack's backend for it, never the project's Whoosh engine,
    and fails loudly (so a failed write is queued, not logged and lost)."""
    result = settings_of(SEARCH_URL=url)
    assert result.returncode == 0, result.stderr
    default = json.loads(result.stdout)["search"]["default"]
    assert default["ENGINE"] == engine
    assert {k: default.get(k) for k in expected} == expected
    assert default["SILENTLY_FAIL"] is False
    assert default["INCLUDE_SPELLING"] is False


def test_search_url_of_a_folder_selects_the_projects_whoosh_engine(tmp_path):
    result = settings_of(SEARCH_URL=f"whoosh://{tmp_path}/index")
    assert result.returncode == 0, result.stderr
    default = json.loads(result.stdout)["search"]["default"]
    assert default["ENGINE"] == "archive.search.whoosh.backend.ArchiveWhooshEngine"
    assert default["PATH"] == f"{tmp_path}/index"
    assert "SILENTLY_FAIL" not in default


def test_search_rebuild_url_adds_a_second_connection_beside_the_served_one():
    result = settings_of(
        SEARCH_URL="elasticsearch7://search:9200/archive", SEARCH_REBUILD_URL="elasticsearch7://search:9200/archive_v2"
    )
    assert result.returncode == 0, result.stderr
    search = json.loads(result.stdout)["search"]
    assert (search["default"]["INDEX_NAME"], search["rebuild"]["INDEX_NAME"]) == ("archive", "archive_v2")
    assert "rebuild" not in json.loads(settings_of().stdout)["search"]


@pytest.mark.parametrize("url", ["xapian:///srv/index", "elasticsearch://search:9200/archive", "simple://"])
def test_unsupported_search_url_stops_start_up_with_the_reason(url):
    result = settings_of(SEARCH_URL=url)
    assert result.returncode != 0
    assert "SEARCH_URL must start with whoosh://, elasticsearch7://" in result.stderr


def test_database_url_of_postgresql_selects_the_postgresql_engine():
    result = settings_of(DATABASE_URL="postgres://archive:secret@db.internal:5432/archive?conn_max_age=60")
    assert result.returncode == 0, result.stderr
    db = json.loads(result.stdout)["db"]
    assert db["ENGINE"] == "django.db.backends.postgresql"
    assert (db["HOST"], db["PORT"], db["NAME"], db["USER"]) == ("db.internal", 5432, "archive", "archive")
    assert db["CONN_MAX_AGE"] == 60
    assert "transaction_mode" not in db.get("OPTIONS", {})  # the SQLite-only options stay off


# -- the cluster backends, as far as no server is needed -------------------------------------
def pinned(name: str) -> str:
    pins = dict(re.findall(r"^([A-Za-z0-9_.\-]+)==(\S+)", (ROOT / "requirements.txt").read_text(), re.M))
    return pins[name]


def test_pinned_clients_are_installed_and_accepted_by_haystacks_backends():
    from haystack.backends import elasticsearch7_backend, solr_backend

    assert pinned("elasticsearch").startswith("7.")  # haystack's ES7 backend refuses any other
    assert version("elasticsearch") == pinned("elasticsearch")
    assert version("pysolr") == pinned("pysolr")
    assert elasticsearch7_backend.Elasticsearch7SearchEngine.backend.__name__ == "Elasticsearch7SearchBackend"
    assert solr_backend.SolrEngine.backend.__name__ == "SolrSearchBackend"


def test_elasticsearch7_mapping_keeps_facets_whole_and_dates_as_dates():
    """What haystack would send to the cluster for our indexes: facet fields as keywords
    (whole values, as the speaker/outlet/year facets need), dates as dates, text analysed."""
    from haystack import connections
    from haystack.backends.elasticsearch7_backend import Elasticsearch7SearchBackend

    backend = Elasticsearch7SearchBackend(
        "deployment-test", URL=f"http://127.0.0.1:{free_port()}", INDEX_NAME="archive"
    )  # no request is made
    fields = connections["default"].get_unified_index().all_searchfields()
    content_field, mapping = backend.build_schema(fields)
    assert content_field == "text"
    for facet in ("speaker", "speaker_facet", "outlet", "year", "article"):
        assert mapping[facet]["type"] == "keyword", facet
    assert mapping["published"]["type"] == "date"
    assert mapping["text"]["type"] == "text"


def test_solr_schema_is_generated_from_the_indexes_without_a_server():
    result = manage("build_solr_schema", SEARCH_URL=f"solr://127.0.0.1:{free_port()}/solr/archive")
    assert result.returncode == 0, result.stderr
    assert '<field name="speaker_facet" type="string" indexed="true" stored="true"' in result.stdout
    assert '<field name="published" type="date"' in result.stdout
    assert '<field name="text" type="text_en"' in result.stdout


@pytest.mark.parametrize("scheme, path", [("elasticsearch7", "/archive"), ("solr", "/solr/archive")])
def test_check_index_says_in_one_line_that_the_engine_cannot_be_reached(django_db_setup, scheme, path):
    port = free_port()
    result = manage("check_index", SEARCH_URL=f"{scheme}://127.0.0.1:{port}{path}")
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"CommandError: The search index at http://127.0.0.1:{port}")
    assert "cannot be read" in lines[0] and "Connection refused" in lines[0]
    assert "in the index" not in result.stdout  # no count passed off as an empty index


def test_saves_and_deletes_while_the_cluster_is_down_are_queued_for_retry_not_lost(transactional_db):
    """haystack's Elasticsearch backend, left to fail silently, would log a failed delete and
    drop it: a removed answer would stay searchable. Here both wait in PendingIndexUpdate."""
    from archive.models import PendingIndexUpdate

    script = (
        "from archive.models import Article; "
        "deleted = Article.objects.create(title='Deleted while the cluster was down'); pk = deleted.pk; "
        "deleted.delete(); "
        "print(pk, Article.objects.create(title='Saved while the cluster was down').pk)"
    )
    result = manage("shell", "-c", script, SEARCH_URL=f"elasticsearch7://127.0.0.1:{free_port()}/archive")
    assert result.returncode == 0, result.stderr
    deleted, saved = map(int, result.stdout.split()[-2:])
    queued = PendingIndexUpdate.objects.filter(model="archive.article")
    assert set(queued.values_list("object_id", flat=True)) == {deleted, saved}
    assert all("Connection refused" in row.reason for row in queued)


def test_with_the_cluster_down_search_says_unavailable_and_answer_pages_still_open(transactional_db, tmp_path):
    """No 500: the search page and the API answer 503 with a reason, an answer's permalink
    page (from the database) opens without its related answers."""
    imported(interviews(tmp_path / "texts", "zebrafinch", articles=1, answers=2), f"whoosh://{tmp_path}/whoosh")
    from archive.models import Pair

    permalink = Pair.objects.first().get_absolute_url()
    with served(f"elasticsearch7://127.0.0.1:{free_port()}/archive", tmp_path / "gunicorn.log") as site:
        for path, kind in (("/search/?q=zebrafinch", "text/html"), ("/api/search/?q=zebrafinch", "application/json")):
            with pytest.raises(urllib.error.HTTPError) as failed:
                urllib.request.urlopen(site.url + path, timeout=30)
            body = failed.value.read().decode()
            assert failed.value.code == 503 and failed.value.headers["Content-Type"].startswith(kind)
            assert "unavailable" in body and "Traceback" not in body
        with urllib.request.urlopen(site.url + permalink, timeout=30) as page:
            assert page.status == 200 and "zebrafinch" in page.read().decode()


def test_import_with_the_cluster_down_saves_the_files_and_says_the_index_waits(transactional_db, tmp_path):
    from archive.models import Article, PendingIndexUpdate

    result = manage(
        "import_interviews",
        str(interviews(tmp_path / "texts", "zebrafinch", articles=2, answers=2)),
        SEARCH_URL=f"elasticsearch7://127.0.0.1:{free_port()}/archive",
    )

    assert result.returncode == 0 and "Traceback" not in result.stdout + result.stderr
    assert Article.objects.count() == 2 and PendingIndexUpdate.objects.filter(model="archive.pair").count() == 4
    assert "The search index could not be written" in result.stderr and "check_index --repair" in result.stderr


# -- the embedded Whoosh index: rebuilt and updated while serving ----------------------------
def interviews(folder: Path, word: str, articles: int, answers: int) -> Path:
    """``articles`` interview files of ``answers`` answers each, every answer saying ``word``."""
    folder.mkdir(parents=True)
    for a in range(articles):
        pairs = "\n\n".join(
            f"What did part {p} of the {word} study find?\n\n"
            f"The {word} study, part {p}, found that the birds learn their songs early, in interview {a}."
            for p in range(answers)
        )
        (folder / f"{word}-{a}.txt").write_text(
            f"Field notes on the {word}, part {a} – Ann Lee\n\nAnn Lee, Ornithology Institute\n\n{pairs}\n"
        )
    return folder


def imported(folder: Path, search_url: str):
    result = manage("import_interviews", str(folder), SEARCH_URL=search_url)
    assert result.returncode == 0, result.stdout + result.stderr


class Site:
    """The site served by gunicorn with two workers, as `make serve` serves it."""

    def __init__(self, search_url: str, log: Path):
        self.log = log
        self.url = f"http://127.0.0.1:{free_port()}"
        with log.open("w") as errors:
            self.process = subprocess.Popen(
                [
                    str(Path(sys.executable).with_name("gunicorn")),
                    "-c",
                    "gunicorn.conf.py",
                    "--workers",
                    "2",
                    "--bind",
                    self.url.removeprefix("http://"),
                    "--access-logfile",
                    "/dev/null",
                    "archive.wsgi",
                ],
                cwd=ROOT,
                env=child_env(SEARCH_URL=search_url),
                stdout=subprocess.DEVNULL,
                stderr=errors,
            )
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(self.url + "/speakers/", timeout=2)
                return
            except OSError:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError("gunicorn did not start: " + self.log.read_text()[-2000:]) from None
                time.sleep(0.2)

    def found(self, word: str) -> int:
        """How many answers the site finds for ``word``."""
        try:
            with urllib.request.urlopen(f"{self.url}/api/search/?q={word}", timeout=10) as response:
                return json.load(response)["count"]
        except urllib.error.HTTPError as exc:
            exc.add_note("gunicorn's log ends: " + self.log.read_text()[-3000:])
            raise

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=30)


@contextmanager
def served(search_url: str, log: Path):
    site = Site(search_url, log)
    try:
        yield site
    finally:
        site.stop()


def generation(index: Path) -> int:
    """The newest commit of a Whoosh index on disk."""
    return max(int(m.group(1)) for name in os.listdir(index) if (m := re.fullmatch(r"_MAIN_(\d+)\.toc", name)))


def test_update_index_in_place_keeps_every_document_searchable(transactional_db, tmp_path):
    """Re-writing every document into the served index (`update_index`, no clear): searches
    made between its commits find every answer, never fewer."""
    index = tmp_path / "whoosh"
    imported(interviews(tmp_path / "texts", "zebrafinch", articles=4, answers=4), f"whoosh://{index}")
    with served(f"whoosh://{index}", tmp_path / "gunicorn.log") as site:
        assert site.found("zebrafinch") == 16
        before = generation(index)
        update = started(
            "update_index", "--remove", "--batch-size", "1", log=tmp_path / "update.log", SEARCH_URL=f"whoosh://{index}"
        )
        answers, failures = [], []
        for _ in running(update):
            at = generation(index)
            try:
                answers.append((at, site.found("zebrafinch")))
            except urllib.error.HTTPError as exc:
                failures.append((at, exc.code))
        assert update.returncode == 0, (tmp_path / "update.log").read_text()
        after = generation(index)
    assert after >= before + 20  # 20 documents re-written, one commit each
    assert {count for _, count in answers} == {16}
    during = [at for at, _ in answers if before < at < after]
    assert len(during) >= 3, f"no search landed between update_index's commits: {answers}"
    # A commit deletes files a search may be about to read (an old commit's TOC, a merged
    # segment's stored fields): the backend runs such a search again on a fresh searcher.
    assert not failures, f"{len(failures)} of {len(failures) + len(answers)} searches failed: {failures}"


def test_rebuild_into_a_new_folder_then_swap_and_reload_serves_without_a_gap(transactional_db, tmp_path):
    """docs/deployment.md, "Rebuilding without downtime": build a new index beside the served
    one, check it, swap the symlink, send gunicorn HUP. The served index answers all along;
    after the reload every worker answers from the new one, and the old folder can go."""
    link = tmp_path / "whoosh"
    imported(interviews(tmp_path / "birds", "zebrafinch", articles=3, answers=4), f"whoosh://{tmp_path}/whoosh-1")
    os.symlink("whoosh-1", link)
    # Answers the served index has never seen (as after a schema change, or a lost index).
    imported(interviews(tmp_path / "marsupials", "quokka", articles=1, answers=4), f"whoosh://{tmp_path}/elsewhere")
    rebuild_env = {"SEARCH_URL": f"whoosh://{link}", "SEARCH_REBUILD_URL": f"whoosh://{tmp_path}/whoosh-2"}
    with served(f"whoosh://{link}", tmp_path / "gunicorn.log") as site:
        assert (site.found("zebrafinch"), site.found("quokka")) == (12, 0)

        rebuild = started(
            "rebuild_index", "--using", "rebuild", "--noinput", log=tmp_path / "rebuild.log", **rebuild_env
        )
        for _ in running(rebuild):
            assert site.found("zebrafinch") == 12  # the served index is never emptied
        assert rebuild.returncode == 0, (tmp_path / "rebuild.log").read_text()
        check = manage("check_index", "--using", "rebuild", **rebuild_env)
        assert check.returncode == 0, check.stdout + check.stderr
        assert "pairs: 16 in the database, 16 in the index" in check.stdout
        assert site.found("quokka") == 0  # built beside the served index, not into it

        swap = subprocess.run(
            ["sh", "-c", "ln -s whoosh-2 whoosh.next && mv -T whoosh.next whoosh"],
            cwd=tmp_path,
            capture_output=True,
            text=True,
        )
        assert swap.returncode == 0, swap.stderr
        site.process.send_signal(signal.SIGHUP)
        deadline, streak = time.monotonic() + 30, 0
        while streak < 6:  # consecutive answers from the new index, whichever worker takes them
            assert time.monotonic() < deadline, "the reloaded workers do not answer from the new index"
            streak = streak + 1 if site.found("quokka") == 4 else 0

        subprocess.run(["rm", "-rf", str(tmp_path / "whoosh-1")], check=True)
        assert all((site.found("quokka"), site.found("zebrafinch")) == (4, 12) for _ in range(8))
