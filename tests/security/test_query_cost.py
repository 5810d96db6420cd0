"""The costliest searches the limits allow (common-prefix wildcards, many ORs, deep brackets,
the last page, the longest query) each answer within a bound and never with a server error;
past the limits they are refused with the reason. Timed on a small corpus here; at 100,000
answers over HTTP by bench/reliability.py (RELIABILITY.md)."""

import time

import pytest
from django.test import Client

from archive import indexing
from archive.importer import import_file
from archive.search import MAX_PAGE, MAX_QUERY_CHARS, MAX_QUERY_WORDS

from ..operations.test_bulk_import import write_articles

pytestmark = pytest.mark.django_db
BOUND = 2.0  # seconds for one search on this corpus, on a shared 2-core machine
WORDS = ["cranes", "pier", "ferry", "timetable", "stopped", "hour", "harbour", "kept"]
COSTLY = {
    "common-prefix wildcards": {"q": " ".join(f"{c}*" for c in "abcdefghijklmnopqrstuvwxyzabcd")},
    "many ORs": {"q": " OR ".join((WORDS * 2)[:15])},
    "deep brackets": {"q": "(" * 90 + "pier" + ")" * 90},
    "longest query": {"q": " ".join((WORDS * 4)[:MAX_QUERY_WORDS])[:MAX_QUERY_CHARS]},
    "long phrase": {"q": '"' + " ".join((WORDS * 4)[:MAX_QUERY_WORDS])[: MAX_QUERY_CHARS - 2] + '"'},
    "last page": {"q": "pier", "page": str(MAX_PAGE)},
    "only exclusions": {"q": "-pier -ferry -cranes"},
    "who said it most": {"q": "pier", "view": "speakers"},
    "newest first": {"q": "pier OR ferry", "sort": "newest"},
    "unbalanced brackets": {"q": "(((((pier OR (ferry"},
}
REFUSED = {
    "a page past the last": {"q": "pier", "page": str(MAX_PAGE + 1)},
    "a query too long": {"q": "p" * (MAX_QUERY_CHARS + 1)},
    "too many words": {"q": " ".join(["pier"] * (MAX_QUERY_WORDS + 1))},
}


@pytest.fixture
def corpus(transactional_db, tmp_path):
    with indexing.batched(rows=500):
        for path in write_articles(tmp_path / "in", 200):
            import_file(path)


def test_the_costliest_allowed_searches_answer_within_the_bound(corpus):
    client = Client(raise_request_exception=False)
    slow = {}
    for endpoint in ("/search/", "/api/search/"):
        for name, params in COSTLY.items():
            started = time.monotonic()
            response = client.get(endpoint, params)
            elapsed = time.monotonic() - started
            assert response.status_code in (200, 400), (endpoint, name, response.status_code)
            if elapsed > BOUND:
                slow[endpoint, name] = round(elapsed, 2)
    assert slow == {}


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_searches_past_the_limits_are_refused_with_the_reason(name):
    response = Client().get("/search/", REFUSED[name])
    assert response.status_code == 400
    assert "limited to" in response.text or "Only the first" in response.text
