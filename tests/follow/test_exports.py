"""Any search as a CSV or JSON download: the page's parameters and answers, streamed, each
row with its permalink, capped at a documented number of rows that the response states."""

import csv
import io
import json

import pytest

from archive import exports
from archive.models import Pair

pytestmark = pytest.mark.django_db(transaction=True)
COLUMNS = ["permalink", "key", "speaker", "role", "question", "answer", "article", "article_url", "outlet", "published"]


def body(response):
    assert response.status_code == 200, response.content[:300]
    assert response.streaming
    return b"".join(response.streaming_content).decode("utf-8")


def test_csv_export_holds_the_pages_answers_in_its_order_with_permalinks(client, seeds):
    page = client.get("/search/", {"q": "climate", "sort": "newest"}).context["results"]
    response = client.get("/search/export.csv", {"q": "climate", "sort": "newest"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="archive-climate.csv"'
    rows = list(csv.DictReader(io.StringIO(body(response).lstrip("\ufeff"))))
    assert list(rows[0]) == COLUMNS
    assert response["X-Archive-Count"] == response["X-Archive-Exported"] == str(page.count) == str(len(rows))
    assert [r["key"] for r in rows[:20]] == [hit.key for hit in page.page.object_list]
    first = Pair.objects.get(key=rows[0]["key"])
    assert rows[0]["permalink"] == f"http://testserver/a/{first.key}/"
    assert rows[0]["answer"] == first.answer and rows[0]["speaker"] == "António Guterres"


def test_json_export_states_the_count_and_keeps_the_filters(client, penguins):
    response = client.get("/search/export.json", {"q": "water", "outlet": "Polar Times"})
    document = json.loads(body(response))
    assert document["count"] == document["exported"] == 1
    assert document["max_rows"] == exports.MAX_ROWS
    (row,) = document["results"]
    assert row["article"] == "Penguins of the Falklands" and row["published"] == "2025-03-01"
    assert row["permalink"].startswith("http://testserver/a/")


def test_export_stops_at_the_row_cap_and_says_so(client, seeds, monkeypatch):
    monkeypatch.setattr(exports, "MAX_ROWS", 3)
    monkeypatch.setattr(exports, "BATCH", 2)  # several batches, as a large export reads them
    response = client.get("/search/export.json", {"q": "climate OR peace OR cooperation"})
    document = json.loads(body(response))
    assert document["count"] > 3 and document["exported"] == 3 == len(document["results"])
    assert response["X-Archive-Count"] == str(document["count"]) and response["X-Archive-Exported"] == "3"
    assert len({r["key"] for r in document["results"]}) == 3


def test_export_never_holds_unpublished_answers(client, secret):
    document = json.loads(body(client.get("/search/export.json", {"q": "embargoed"})))
    assert document["count"] == 0 and document["results"] == []


def test_spreadsheet_formulas_are_not_run_from_a_csv_cell(client, seeds):
    from .conftest import add

    add("Title: Sums\nSpeaker: Ann Lee\n\nWhat is the total?\n\n=SUM(A1:A9) is the total.\n", "sums.txt")
    rows = list(csv.DictReader(io.StringIO(body(client.get("/search/export.csv", {"q": "total"})).lstrip("\ufeff"))))
    assert rows[0]["answer"] == "'=SUM(A1:A9) is the total."


def test_invalid_export_says_why(client, seeds):
    response = client.get("/search/export.csv", {"q": "climate", "page": "0"})
    assert response.status_code == 400 and "Pages are numbered from 1" in response.text
    assert client.get("/search/export.xls", {"q": "climate"}).status_code == 404


def test_search_page_links_its_downloads(client, seeds):
    text = client.get("/search/", {"q": "climate", "page": "1"}).text
    assert 'href="/search/export.csv?q=climate"' in text
    assert 'href="/search/export.json?q=climate"' in text
