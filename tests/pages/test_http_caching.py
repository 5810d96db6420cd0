"""Public pages carry validators: a reader asking again for an unchanged page gets 304 Not
Modified without a search or a database query; any save changes the answer. Page costs in
queries do not grow with the number of rows shown."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from archive.importer import import_text
from archive.models import Article, Pair

pytestmark = pytest.mark.django_db(transaction=True)

PAGES = ["/", "/search/?q=climate", "/api/search/?q=climate", "/articles/", "/speakers/", "/search/help/"]


def article(n: int, answers: int) -> str:
    pairs = "".join(
        f"Q: Question {i} about harbours?\nA: Answer {i} about cranes and harbours.\n\n" for i in range(answers)
    )
    return f"Title: Harbour interview {n}\nDate: 2020-01-{n + 1:02d}\nSpeaker: Dana Quill {n}\n\n{pairs}"


def detail_pages():
    first = Article.objects.public().first()
    pair = first.pairs.first()
    return [first.get_absolute_url(), pair.get_absolute_url(), f"/speakers/{pair.speaker.slug}/"]


@pytest.mark.parametrize("url", PAGES)
def test_unchanged_page_is_not_modified_without_a_query(client, seeds, url):
    first = client.get(url)
    assert first.status_code == 200
    assert first["ETag"] and first["Last-Modified"]
    assert "max-age=0" in first["Cache-Control"] and "must-revalidate" in first["Cache-Control"]

    with CaptureQueriesContext(connection) as queries:
        again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 304 and again.content == b""
    assert len(queries) == 0


def test_detail_pages_are_validated_too(client, seeds):
    for url in detail_pages():
        first = client.get(url)
        assert first.status_code == 200 and first["ETag"], url
        assert client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304, url


def test_a_save_changes_the_etag_and_the_page_is_sent_again(client, seeds):
    first = client.get("/search/?q=climate")
    pair = Pair.objects.filter(answer__icontains="climate").first()
    pair.answer = "Climate, in a corrected sentence."
    pair.save()

    again = client.get("/search/?q=climate", HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 200 and again["ETag"] != first["ETag"]
    assert b"corrected sentence" in again.content


def test_staff_pages_are_private_and_never_validated(staff_client, seeds):
    response = staff_client.get("/search/?q=climate")

    assert response.status_code == 200 and not response.has_header("ETag")
    assert "private" in response["Cache-Control"] and "no-cache" in response["Cache-Control"]
    assert "Cookie" in response["Vary"]


@pytest.mark.parametrize("page", ["article", "pair", "speaker", "home", "articles", "speakers"])
def test_page_queries_do_not_grow_with_the_rows_shown(client, page):
    def queries_for(url_of):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url_of()).status_code == 200
        return len(captured)

    def url():
        return {
            "article": lambda: detail_pages()[0],
            "pair": lambda: detail_pages()[1],
            "speaker": lambda: detail_pages()[2],
            "home": lambda: "/",
            "articles": lambda: "/articles/",
            "speakers": lambda: "/speakers/",
        }[page]()

    import_text(article(0, 2), import_ref="a0.txt")
    few = queries_for(url)  # one article, two answers
    # Five more, of twelve answers each: the newest (shown first, or the one a detail is of) has 12.
    for n in range(1, 6):
        import_text(article(n, 12), import_ref=f"a{n}.txt")

    assert queries_for(url) == few
