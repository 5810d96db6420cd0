"""Speakers likely to be one person are offered as merge suggestions with their answer
counts; one click merges them, and permalinks and the old page keep working."""

import pytest

from archive.models import Article, Pair, Speaker
from archive.suggestions import merge_suggestions

pytestmark = pytest.mark.django_db  # nothing here needs the index: no commit, faster
URL = "/admin/archive/speaker/suggestions/"


def speaker(name, answers, article):
    s = Speaker.objects.create(name=name)
    for n in range(answers):
        Pair.objects.create(article=article, speaker=s, question=f"{name} {n}?", answer="Yes.")
    return s


@pytest.fixture
def people(db):
    article = Article.objects.create(title="Talks")
    return {
        name: speaker(name, answers, article)
        for name, answers in [
            ("Joe Biden", 5),
            ("Biden", 2),
            ("President Biden", 3),
            ("Jill Biden", 1),
            ("Andreas Antonopoulos", 4),
            ("AA", 6),
            ("António Guterres", 2),
            ("A. Guterres", 1),
            ("Ann Lee", 1),
        ]
    }


def offered():
    from django.db.models import Count  # noqa: PLC0415

    found = merge_suggestions(Speaker.objects.annotate(answers=Count("pairs")))
    return {(s["keeper"].name, s["other"].name, s["reason"]) for s in found}


def test_likely_pairs_are_offered_and_different_people_are_not(people):
    assert offered() == {
        ("Joe Biden", "President Biden", "the same surname, fewer names"),
        ("Joe Biden", "Biden", "the same surname, fewer names"),
        ("President Biden", "Biden", "the same name, with a title"),
        # Suggestions, for the editor to judge: "Biden" may be Jill.
        ("Biden", "Jill Biden", "the same surname, fewer names"),
        ("President Biden", "Jill Biden", "the same surname, fewer names"),
        ("AA", "Andreas Antonopoulos", "initials"),
        ("António Guterres", "A. Guterres", "an initial for a first name"),
    }


def test_the_page_shows_answer_counts_and_one_click_merges(staff_client, people):
    page = staff_client.get(URL)
    assert page.status_code == 200
    assert 'Joe Biden</a> <span class="help">5 answers</span>' in page.text
    assert "Merge President Biden into Joe Biden" in page.text
    old_page = people["President Biden"].get_absolute_url()
    keys = list(Pair.objects.filter(speaker=people["President Biden"]).values_list("key", flat=True))
    response = staff_client.post(URL, {"speaker": [people["Joe Biden"].pk, people["President Biden"].pk]}, follow=True)
    assert "Merged President Biden into Joe Biden" in response.text
    assert not Speaker.objects.filter(name="President Biden").exists()
    assert set(Pair.objects.filter(key__in=keys).values_list("speaker__name", flat=True)) == {"Joe Biden"}
    assert staff_client.get(old_page).status_code == 301
    assert "Merge President Biden" not in response.text


def test_a_stale_merge_button_explains_itself(staff_client, people):
    response = staff_client.post(URL, {"speaker": ["999999", "x"]}, follow=True)
    assert "no longer there" in response.text


def test_the_speaker_list_links_to_the_suggestions(staff_client, people):
    assert URL in staff_client.get("/admin/archive/speaker/").text
