"""The answer page offers every citation, the card, an embed and oEmbed; the embed page is the
only page other sites may frame; citation files download; an unpublished answer is a 404 on
every one of these addresses."""

import json

import pytest
from django.test import Client

from archive.models import Article, Pair

pytestmark = pytest.mark.django_db(transaction=True)

SHARED = ["/a/{key}/card.png", "/a/{key}/embed/", "/a/{key}/cite.bib", "/a/{key}/cite.ris", "/a/{key}/cite.json"]


def test_answer_page_shows_every_citation_with_copy_buttons_and_downloads(client, seeds):
    pair = Pair.objects.get(answer__contains="Azerbaijan")
    text = client.get(pair.get_absolute_url()).text
    for label in ("Attribution", "APA (7th edition)", "MLA (9th edition)", "Chicago (notes and bibliography)"):
        assert f'<h4 class="citation-style">{label}</h4>' in text
    assert "Guterres, António. “In the Last Few Years" in text
    # The text is on the page without JavaScript; the copy buttons stay hidden until copy.js runs.
    assert text.count('class="copy-button" data-copy="') == 4
    assert text.count('citation" hidden>Copy</button>') == 4
    for ext in ("bib", "ris", "json"):
        assert f'href="/a/{pair.key}/cite.{ext}" download' in text


def test_downloads_are_files_named_after_the_citation_key(client, seeds):
    pair = Pair.objects.get(answer__contains="Azerbaijan")
    bib = client.get(f"/a/{pair.key}/cite.bib")
    assert bib["Content-Type"] == "application/x-bibtex; charset=utf-8"
    assert bib["Content-Disposition"] == f'attachment; filename="guterres{pair.key}.bib"'
    assert bib.content.decode().startswith(f"@misc{{guterres{pair.key},")
    ris = client.get(f"/a/{pair.key}/cite.ris").content.decode()
    assert ris.startswith("TY  - GEN\r\n") and f"UR  - http://testserver/a/{pair.key}/\r\n" in ris
    (item,) = json.loads(client.get(f"/a/{pair.key}/cite.json").content)
    assert item["URL"] == f"http://testserver/a/{pair.key}/" and item["author"][0]["family"] == "Guterres"


def test_only_the_embed_page_may_be_framed_by_other_sites(client, seeds):
    pair = Pair.objects.first()
    embed = client.get(f"/a/{pair.key}/embed/")
    assert embed.status_code == 200
    assert "X-Frame-Options" not in embed
    assert "frame-ancestors *" in embed["Content-Security-Policy"]
    assert f'<a href="http://testserver/a/{pair.key}/" rel="noopener">' in embed.text
    assert "<script" not in embed.text
    for path in [pair.get_absolute_url(), "/", f"/a/{pair.key}/card.png", "/oembed/?url=x"]:
        response = client.get(path)
        assert response["X-Frame-Options"] == "DENY", path
        assert "frame-ancestors 'none'" in response["Content-Security-Policy"], path


def test_embed_quotes_the_answer_shortened_at_a_sentence(client, seeds):
    pair = Pair.objects.get(answer__contains="Azerbaijan")
    text = client.get(f"/a/{pair.key}/embed/").text
    assert "<blockquote" in text and "António Guterres</strong>, UN Secretary General" in text
    assert "[…]”" in text  # this answer is longer than an embed quotes


def test_oembed_is_discoverable_and_describes_the_embed(client, seeds):
    pair = Pair.objects.get(answer__contains="Azerbaijan")
    page = client.get(pair.get_absolute_url()).text
    link = (
        '<link rel="alternate" type="application/json+oembed" '
        f'href="http://testserver/oembed/?url=http%3A%2F%2Ftestserver%2Fa%2F{pair.key}%2F&amp;format=json"'
    )
    assert link in page
    data = client.get("/oembed/", {"url": f"http://testserver/a/{pair.key}/", "format": "json"}).json()
    assert data["version"] == "1.0" and data["type"] == "rich"
    assert f'src="http://testserver/a/{pair.key}/embed/"' in data["html"]
    assert data["author_name"] == "António Guterres" and data["provider_name"] == "Interview Archive"
    assert data["thumbnail_url"].startswith(f"http://testserver/a/{pair.key}/card.png?v=")
    small = client.get("/oembed/", {"url": f"http://testserver/a/{pair.key}/", "maxwidth": "300"}).json()
    assert small["width"] == 300 and "thumbnail_url" not in small


@pytest.mark.parametrize(
    ("params", "status"),
    [
        ({}, 400),
        ({"url": "http://testserver/a/{key}/", "format": "xml"}, 501),
        ({"url": "http://elsewhere.example/a/{key}/"}, 404),
        ({"url": "http://testserver/articles/"}, 404),
        ({"url": "http://testserver/a/nosuchkey/"}, 404),
        ({"url": "http://testserver/a/{key}/", "maxwidth": "-1", "maxheight": "9" * 40}, 200),
        ({"url": "::not a url::"}, 404),
    ],
)
def test_oembed_answers_odd_requests_with_a_reason(client, seeds, params, status):
    key = Pair.objects.first().key
    response = client.get("/oembed/", {k: v.format(key=key) for k, v in params.items()})
    assert response.status_code == status
    assert response.json()["error" if status != 200 else "version"]


def test_unpublished_answers_are_404_on_every_shared_address(staff_client, seeds):
    client = Client()  # a reader (the staff_client fixture logs the default client in)
    pair = Pair.objects.first()
    Article.objects.filter(pk=pair.article_id).update(is_published=False)
    for template in SHARED:
        assert client.get(template.format(key=pair.key)).status_code == 404, template
    assert client.get("/oembed/", {"url": f"http://testserver/a/{pair.key}/"}).status_code == 404
    # An editor may try the citation files before publishing; the card and embed stay public-only.
    assert staff_client.get(f"/a/{pair.key}/cite.bib").status_code == 200
    assert staff_client.get(f"/a/{pair.key}/embed/").status_code == 404


def test_permalink_is_the_short_link_and_the_slashless_form_redirects(client, seeds):
    pair = Pair.objects.first()
    assert len(pair.key) == 8 and pair.get_absolute_url() == f"/a/{pair.key}/"
    response = client.get(f"/a/{pair.key}")
    assert response.status_code == 301 and response["Location"] == f"/a/{pair.key}/"


@pytest.mark.parametrize("key", ["..", "%2e%2e%2fsecret_key", "x" * 300, "ä€", "%00", "AbCdEfGh"])
def test_odd_keys_are_404_on_every_shared_address(client, seeds, key):
    for template in SHARED:
        assert client.get(template.format(key=key)).status_code == 404, template
