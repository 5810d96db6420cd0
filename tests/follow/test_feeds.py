"""Atom feeds: the newest interviews, a speaker's newest answers, and any search with its
filters (a journalist's alert); linked from the pages; unpublished articles never appear."""

import xml.etree.ElementTree as ET
from urllib.parse import parse_qs, urlsplit

import pytest

from archive.models import Article, Pair, Speaker

from .conftest import add

pytestmark = pytest.mark.django_db(transaction=True)
ATOM = "{http://www.w3.org/2005/Atom}"


def entries(response):
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    return [
        {
            "title": e.findtext(f"{ATOM}title"),
            "link": e.find(f"{ATOM}link").get("href"),
            "updated": e.findtext(f"{ATOM}updated"),
            "summary": e.findtext(f"{ATOM}summary") or "",
        }
        for e in feed.iter(f"{ATOM}entry")
    ]


def test_interviews_feed_lists_published_interviews_newest_first(client, penguins, secret):
    found = entries(client.get("/feeds/interviews/"))
    titles = [e["title"] for e in found]
    assert titles[0] == "Penguins of the Falklands"
    assert set(titles) == set(Article.objects.public().values_list("title", flat=True))
    assert "Embargoed talk" not in titles
    assert found[0]["link"] == f"http://testserver{penguins.get_absolute_url()}"


def test_speaker_feed_lists_the_speakers_answers_with_question_and_source(client, seeds):
    speaker = Speaker.objects.get(slug="antonio-guterres")
    found = entries(client.get(f"/speakers/{speaker.slug}/feed/"))
    assert len(found) == Pair.objects.public().filter(speaker=speaker).count()
    assert all(e["title"].startswith("António Guterres: “") for e in found)
    first = Pair.objects.get(key=found[0]["link"].rstrip("/").rsplit("/", 1)[-1])
    assert first.speaker == speaker
    assert "Kazinform" in found[0]["summary"] and "Q: " in found[0]["summary"]


def test_feed_of_a_speaker_who_only_speaks_unpublished_is_404(client, secret):
    assert client.get("/speakers/bea-secret/feed/").status_code == 404


def test_search_feed_keeps_the_search_and_its_filters(client, penguins):
    def keys(params):
        return {e["link"].rstrip("/").rsplit("/", 1)[-1] for e in entries(client.get("/search/feed/", params))}

    everywhere = keys({"q": "water"})
    in_polar_times = keys({"q": "water", "outlet": "Polar Times"})
    assert in_polar_times == {p.key for p in Pair.objects.filter(article=penguins, answer__contains="water")}
    assert everywhere > in_polar_times  # the seeds speak of water too
    assert keys({"q": "water", "year": "2025"}) == in_polar_times
    assert keys({"q": "water", "year": "1990"}) == set()


def test_search_feed_shows_a_new_answer_first_after_an_import(client, seeds):
    before = entries(client.get("/search/feed/", {"q": "penguins"}))
    assert before == []
    article = add(
        "Title: An old interview, imported today\nDate: 1999-05-01\nSpeaker: Ann Lee\n\n"
        "Do penguins mind the cold?\n\nPenguins mind the heat far more than the cold.\n",
        "old.txt",
    )
    after = entries(client.get("/search/feed/", {"q": "penguins"}))
    assert [e["link"] for e in after] == [f"http://testserver{article.pairs.get().get_absolute_url()}"]


def test_search_feed_never_shows_unpublished_answers(client, secret):
    assert entries(client.get("/search/feed/", {"q": "embargoed treaty"})) == []
    Article.objects.filter(pk=secret.pk).update(is_published=True)
    secret.refresh_from_db()
    secret.save()  # indexed on publication, as the admin does
    assert len(entries(client.get("/search/feed/", {"q": "embargoed treaty"}))) == 1


def test_invalid_search_feed_says_why(client, seeds):
    response = client.get("/search/feed/", {"q": "climate", "from": "soon"})
    assert response.status_code == 400
    assert "is not a date" in response.text


def test_pages_link_their_feeds(client, seeds):
    home = client.get("/")
    assert '<link rel="alternate" type="application/atom+xml"' in home.text
    assert 'href="/feeds/interviews/"' in home.text
    speaker = client.get("/speakers/antonio-guterres/")
    assert 'href="/speakers/antonio-guterres/feed/"' in speaker.text
    search = client.get("/search/", {"q": "climate", "speaker": "antonio-guterres", "page": "1"})
    link = next(line for line in search.text.splitlines() if 'rel="alternate"' in line)
    href = link.split('href="')[1].split('"')[0].replace("&amp;", "&")
    assert urlsplit(href).path == "/search/feed/"
    assert parse_qs(urlsplit(href).query) == {"q": ["climate"], "speaker": ["antonio-guterres"]}
