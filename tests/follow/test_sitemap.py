"""sitemap.xml lists every public article, speaker and answer (in pages past the protocol's
50,000 URLs); robots.txt keeps crawlers off searches and the admin; an OpenSearch
description lets a browser add the archive as a search engine."""

import xml.etree.ElementTree as ET

import pytest

from archive import sitemaps
from archive.models import Article, Pair, Speaker

pytestmark = pytest.mark.django_db(transaction=True)
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
OS = "{http://a9.com/-/spec/opensearch/1.1/}"


def locations(response):
    assert response.status_code == 200
    return [loc.text for loc in ET.fromstring(response.content).iter(f"{SM}loc")]


def test_sitemap_index_names_each_section(client, seeds):
    found = locations(client.get("/sitemap.xml"))
    assert found == [f"http://testserver/sitemap-{name}.xml" for name in ("articles", "speakers", "answers")]


def test_sitemaps_list_every_public_page_and_nothing_unpublished(client, penguins, secret):
    answers = locations(client.get("/sitemap-answers.xml"))
    assert answers == [f"http://testserver{p.get_absolute_url()}" for p in Pair.objects.public().order_by("id")]
    assert not any(p.key in "".join(answers) for p in secret.pairs.all())
    articles = locations(client.get("/sitemap-articles.xml"))
    assert articles == [f"http://testserver{a.get_absolute_url()}" for a in Article.objects.public().order_by("id")]
    speakers = locations(client.get("/sitemap-speakers.xml"))
    assert "http://testserver/speakers/bea-secret/" not in speakers
    assert len(speakers) == Speaker.objects.public().count()


def test_a_long_section_is_split_into_pages_listed_in_the_index(client, seeds, monkeypatch):
    monkeypatch.setattr(sitemaps.AnswerSitemap, "limit", 10)
    total = Pair.objects.public().count()
    pages = -(-total // 10)
    index = locations(client.get("/sitemap.xml"))
    assert [u for u in index if "answers" in u] == ["http://testserver/sitemap-answers.xml"] + [
        f"http://testserver/sitemap-answers.xml?p={n}" for n in range(2, pages + 1)
    ]
    listed = sum(len(locations(client.get("/sitemap-answers.xml", {"p": n}))) for n in range(1, pages + 1))
    assert listed == total
    assert client.get("/sitemap-answers.xml", {"p": pages + 1}).status_code == 404


def test_robots_txt_keeps_crawlers_off_searches_and_the_admin(client, db):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    lines = response.text.splitlines()
    for path in ("/search/", "/api/", "/check/", "/admin/"):
        assert f"Disallow: {path}" in lines
    assert "Allow: /search/help/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_opensearch_description_searches_the_archive(client, db):
    response = client.get("/opensearch.xml")
    assert response["Content-Type"].startswith("application/opensearchdescription+xml")
    description = ET.fromstring(response.content)
    assert description.findtext(f"{OS}ShortName") == "Interview Archive"
    templates = {u.get("type"): u.get("template") for u in description.iter(f"{OS}Url")}
    assert templates["text/html"] == "http://testserver/search/?q={searchTerms}"
    assert templates["application/atom+xml"] == "http://testserver/search/feed/?q={searchTerms}"
    page = client.get("/")
    assert '<link rel="search" type="application/opensearchdescription+xml"' in page.text
