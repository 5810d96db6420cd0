"""Answer, article and speaker pages carry schema.org JSON-LD: a Quotation spoken by a Person,
part of the interview's Article; the Article with its speakers; a ProfilePage about the Person.
Each is checked against the vocabulary (tests/sharing/schema_org.py) and escaped safely."""

import json
import re

import pytest

from archive import jsonld
from archive.models import Pair

from .schema_org import problems

pytestmark = pytest.mark.django_db(transaction=True)


def blocks(html: str) -> list[dict]:
    found = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(text) for text in found]


def test_answer_page_has_a_quotation_by_a_person_in_an_article(client, seeds):
    pair = Pair.objects.get(answer__contains="Azerbaijan")
    (data,) = blocks(client.get(pair.get_absolute_url()).text)
    assert data["@context"] == "https://schema.org"
    assert problems(data) == []
    assert data["@type"] == "Quotation"
    assert data["text"] == pair.answer
    assert data["url"] == f"http://testserver/a/{pair.key}/"
    for who in (data["spokenByCharacter"], data["creator"]):
        assert who == {
            "@type": "Person",
            "name": "António Guterres",
            "jobTitle": "UN Secretary General",
            "url": "http://testserver/speakers/antonio-guterres/",
        }
    part_of = data["isPartOf"]
    assert part_of["@type"] == "Article" and part_of["name"] == pair.article.title
    # A headline is at most 110 characters (as search engines read it), cut at a word.
    assert len(part_of["headline"]) <= 110 and part_of["headline"].endswith(" UN…")
    assert part_of["publisher"] == {"@type": "Organization", "name": "Kazinform"}


def test_article_page_has_the_article_with_its_speakers(client, seeds):
    pair = Pair.objects.get(answer__contains="Azerbaijan")
    (data,) = blocks(client.get(pair.article.get_absolute_url()).text)
    assert problems(data) == []
    assert data["@type"] == "Article" and data["url"].endswith(pair.article.get_absolute_url())
    assert [p["name"] for p in data["contributor"]] == ["António Guterres"]


def test_speaker_page_is_a_profile_page_about_the_person(client, seeds):
    pair = Pair.objects.get(answer__contains="Azerbaijan")
    (data,) = blocks(client.get(pair.speaker.get_absolute_url()).text)
    assert problems(data) == []
    assert data["@type"] == "ProfilePage"
    assert data["mainEntity"]["@type"] == "Person" and data["mainEntity"]["name"] == "António Guterres"


def test_the_check_rejects_what_the_vocabulary_does_not_allow():
    bad = {"@type": "Quotation", "spokenByCharacter": {"@type": "Article", "headline": "x"}, "jobTitle": "y"}
    assert len(problems(bad)) == 2
    assert problems({"@type": "Quotation", "url": "not a url"}) != []


def test_json_ld_cannot_close_its_script_block():
    html = str(jsonld.script({"text": "</script><script>alert(1)</script> & <!--"}))
    assert html.count("</script>") == 1 and "<!--" not in html
    assert json.loads(html.removeprefix('<script type="application/ld+json">').removesuffix("</script>")) == {
        "text": "</script><script>alert(1)</script> & <!--"
    }
