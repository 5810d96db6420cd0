"""Who may see what: each visibility rule is one QuerySet method, and each is tested here."""

import pytest
from django.contrib.auth.models import AnonymousUser

from archive.models import Article, Pair, Speaker, sees_unpublished
from archive.search_indexes import ArticleIndex, PairIndex


@pytest.fixture
def archive(db, django_user_model):
    shown = Article.objects.create(title="Shown", is_published=True)
    hidden = Article.objects.create(title="Hidden", is_published=False)
    public_voice = Speaker.objects.create(name="Ann Lee")
    hidden_voice = Speaker.objects.create(name="Bo Tan")
    Pair.objects.create(article=shown, speaker=public_voice, question="Why?", answer="Because.")
    Pair.objects.create(article=hidden, speaker=public_voice, question="How?", answer="Slowly.")
    Pair.objects.create(article=hidden, speaker=hidden_voice, question="When?", answer="Soon.")
    editor = django_user_model.objects.create_user("editor", password="x", is_staff=True)
    former = django_user_model.objects.create_user("former", password="x", is_staff=True, is_active=False)
    reader = django_user_model.objects.create_user("reader", password="x")
    return {
        "shown": shown,
        "hidden": hidden,
        "ann": public_voice,
        "bo": hidden_voice,
        "editor": editor,
        "former": former,
        "reader": reader,
    }


def test_only_active_staff_see_unpublished_articles(archive):
    assert sees_unpublished(archive["editor"])
    assert not sees_unpublished(archive["former"]) and not sees_unpublished(archive["reader"])
    assert not sees_unpublished(AnonymousUser())


def test_the_public_articles_are_the_published_ones(archive):
    assert list(Article.objects.public()) == [archive["shown"]]


def test_an_editor_sees_every_article_and_a_reader_the_public_ones(archive):
    assert set(Article.objects.visible_to(archive["editor"])) == {archive["shown"], archive["hidden"]}
    assert list(Article.objects.visible_to(archive["reader"])) == [archive["shown"]]
    assert list(Article.objects.visible_to(AnonymousUser())) == [archive["shown"]]


def test_the_public_answers_are_those_in_published_articles(archive):
    assert [p.answer for p in Pair.objects.public()] == ["Because."]
    assert Pair.objects.visible_to(archive["editor"]).count() == 3
    assert Pair.objects.visible_to(archive["former"]).count() == 1


def test_a_speaker_is_public_only_with_an_answer_in_a_published_article(archive):
    assert list(Speaker.objects.public()) == [archive["ann"]]
    assert set(Speaker.objects.visible_to(archive["editor"])) == {archive["ann"], archive["bo"]}


def test_answer_counts_count_only_what_the_public_can_read(archive):
    counts = {s.name: s.answers for s in Speaker.objects.with_answer_counts()}
    assert counts == {"Ann Lee": 1, "Bo Tan": 0}


def test_the_search_index_holds_only_public_articles_and_answers(archive):
    assert list(ArticleIndex().index_queryset()) == [archive["shown"]]
    assert [p.answer for p in PairIndex().index_queryset()] == ["Because."]


def test_a_speaker_who_speaks_only_in_unpublished_articles_has_no_public_page(archive, client):
    assert client.get(archive["bo"].get_absolute_url()).status_code == 404
    assert "Bo Tan" not in client.get("/speakers/").text
    client.force_login(archive["editor"])
    assert client.get(archive["bo"].get_absolute_url()).status_code == 200
