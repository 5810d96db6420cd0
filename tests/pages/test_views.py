"""Public pages render for journalists: search (facets, chart, suggestions, notes), the
API, articles and speakers, with clear errors for bad input and no 500s."""

import pytest

from archive.models import Article, Pair, Speaker

pytestmark = pytest.mark.django_db(transaction=True)


def test_home_lists_articles_and_speakers(client, seeds):
    response = client.get("/")
    assert response.status_code == 200
    assert "António Guterres" in response.text
    assert list(response.context["articles"]) == list(Article.objects.all())


def test_search_page_shows_highlighted_answer_with_question_speaker_and_article(client, seeds):
    response = client.get("/search/", {"q": "Azerbaijan"})
    assert response.status_code == 200
    assert response.context["results"].count == 1
    text = response.text
    assert '<mark class="match term0">Azerbaijan</mark>' in text
    assert "You have always been an outspoken voice" in text
    assert 'href="/speakers/antonio-guterres/"' in text
    assert "In the last few years, the SCO" in text
    pair = Pair.objects.get(answer__contains="Azerbaijan")
    assert f'href="/a/{pair.key}/?q=Azerbaijan"' in text


def test_result_links_carry_the_search_to_the_answer_and_its_article(client, seeds):
    response = client.get("/search/", {"q": "climate crisis", "exact": "1"})
    pair = Pair.objects.get(answer__contains="climate crisis")
    assert f'href="/a/{pair.key}/?q=climate+crisis&amp;exact=1"' in response.text
    assert f'href="/articles/{pair.article.slug}/?q=climate+crisis&amp;exact=1#a-{pair.key}"' in response.text
    page = client.get(f"/a/{pair.key}/", {"q": "climate crisis", "exact": "1"})
    assert '<mark class="match term0">climate</mark>' in page.text
    assert "The words of your search" in page.text


def test_search_page_links_facets_chart_and_syntax_help(client, seeds):
    article = Article.objects.get(import_ref__contains="sco")
    article.published = "2024-06-30"
    article.save()
    other = Article.objects.exclude(pk=article.pk).get()
    other.published = "2022-01-05"
    other.save()
    response = client.get("/search/", {"q": "Guterres"})
    text = response.text
    assert 'href="?q=Guterres&amp;speaker=antonio-guterres"' in text
    assert 'href="?q=Guterres&amp;outlet=Kazinform"' in text
    assert 'href="?q=Guterres&amp;year=2024"' in text
    assert "<svg" in text and "2024: 3 answers" in text and "2023: 0 answers" in text
    assert 'href="/search/help/"' in text
    help_page = client.get("/search/help/")
    assert help_page.status_code == 200 and "speaker:guterres" in help_page.text


def test_search_page_lists_filters_with_remove_links_and_keeps_them_in_the_form(client, seeds):
    response = client.get("/search/", {"q": "climate", "speaker": "antonio-guterres", "from": "2020"})
    text = response.text
    assert "Only answers by António Guterres" in text
    assert 'href="?q=climate&amp;from=2020-01-01"' in text  # removes the speaker
    assert '<input type="hidden" name="speaker" value="antonio-guterres">' in text
    assert 'name="from" size="10" maxlength="10" inputmode="numeric" placeholder="2020" value="2020"' in text


def test_typo_page_offers_the_correction_with_its_count(client, seeds):
    response = client.get("/search/", {"q": "Azerbajian"})
    assert 'Did you mean <a href="?q=azerbaijan"><q>azerbaijan</q></a>? 1 answer.' in response.text


def test_malformed_query_page_shows_the_note_and_results(client, seeds):
    response = client.get("/search/", {"q": '"one world'})
    assert response.status_code == 200
    assert "A quotation mark is not closed." in response.text
    assert response.context["results"].count == 1


def test_who_said_it_most_page_groups_by_speaker(client, seeds):
    response = client.get("/search/", {"q": "climate", "view": "speakers"})
    assert "All 4 answers by António Guterres" in response.text


def test_search_with_no_match_explains_what_to_try(client, seeds):
    response = client.get("/search/", {"q": "xylophone"})
    assert response.status_code == 200
    assert "No answers match" in response.text
    assert "double quotes" in response.text


def test_search_pagination_keeps_the_query(client, seeds):
    article = Article.objects.create(title="Many")
    speaker = Speaker.objects.get()
    for n in range(25):
        Pair.objects.create(article=article, speaker=speaker, position=n, question=f"Q{n}?", answer="Peace again.")
    response = client.get("/search/", {"q": "peace"})
    assert response.context["results"].page.has_next()
    assert 'href="?q=peace&amp;page=2"' in response.text
    assert client.get("/search/", {"q": "peace", "page": 2}).context["results"].page.number == 2


@pytest.mark.parametrize(
    "params,message",
    [
        ({"q": "x" * 201}, "limited to 200 characters"),
        ({"q": "peace", "from": "yesterday"}, "is not a date"),
        ({"q": "peace", "from": "2021", "to": "2020"}, "first date is after the second"),
        ({"q": "peace", "sort": "random"}, "Sort by relevance, newest or oldest"),
        ({"q": "peace", "year": "20"}, "A year has four digits"),
        ({"q": "peace", "view": "map"}, "The view is answers or speakers"),
        ({"q": " ".join(["word"] * 31)}, "limited to 30 words"),
        ({"q": "peace", "page": "abc"}, "must be a number"),
        ({"q": "peace", "page": "100000"}, "first 500 pages"),
        ({"q": "peace", "page": "0"}, "numbered from 1"),
    ],
)
def test_bad_search_input_is_a_clear_400(client, seeds, params, message):
    response = client.get("/search/", params)
    assert response.status_code == 400
    assert message in response.text
    api = client.get("/api/search/", params)
    assert api.status_code == 400
    assert message in str(api.json()["errors"])


def test_api_returns_results_with_absolute_urls(client, seeds):
    response = client.get("/api/search/", {"q": "antonio azerbaijan"})
    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 1
    result = data["results"][0]
    pair = Pair.objects.get(key=result["url"].rstrip("/").rsplit("/", 1)[1])
    assert result["url"] == f"http://testserver/a/{pair.key}/"
    assert result["question"] == pair.question
    assert result["answer"] == pair.answer
    assert result["speaker"] == {
        "name": "António Guterres",
        "role": "UN Secretary General",
        "url": "http://testserver/speakers/antonio-guterres/",
    }
    assert result["article"]["title"] == pair.article.title
    assert result["article"]["url"] == f"http://testserver/articles/{pair.article.slug}/#a-{pair.key}"
    assert result["article"]["published"] is None
    assert "<mark" in result["highlight"]


def test_api_adds_facets_with_links_and_a_suggestion(client, seeds):
    data = client.get("/api/search/", {"q": "climate"}).json()
    assert data["facets"]["speaker"] == [
        {
            "value": "antonio-guterres",
            "label": "António Guterres",
            "count": 4,
            "active": False,
            "url": "http://testserver/api/search/?q=climate&speaker=antonio-guterres",
        }
    ]
    assert data["facets"]["outlet"][0]["url"] == "http://testserver/api/search/?q=climate&outlet=Kazinform"
    assert data["facets"]["year"] == []
    assert data["suggestion"] is None
    narrowed = client.get(data["facets"]["speaker"][0]["url"]).json()
    assert narrowed["count"] == 4 and narrowed["facets"]["speaker"][0]["active"]
    typo = client.get("/api/search/", {"q": "Azerbajian"}).json()
    assert typo["count"] == 0 and typo["suggestion"] == "azerbaijan" and typo["suggestion_count"] == 1


def test_api_takes_the_same_parameters_as_the_page(client, seeds):
    params = {"q": "climate OR terrorism", "speaker": "antonio-guterres", "sort": "oldest", "exact": "1"}
    page = client.get("/search/", params).context["results"]
    api = client.get("/api/search/", params).json()
    assert api["count"] == page.count > 0
    assert [r["url"].rsplit("/", 2)[1] for r in api["results"]] == [h.key for h in page.page.object_list]


def test_api_with_empty_query_returns_nothing(client, seeds):
    assert client.get("/api/search/").json()["count"] == 0


def test_article_page_anchors_every_answer(client, seeds):
    article = Article.objects.get(import_ref__contains="sco")
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    for pair in article.pairs.all():
        assert f'id="a-{pair.key}"' in response.text
        assert f'href="/a/{pair.key}/"' in response.text
    assert "Photo credit: UNDP" in response.text


def test_article_page_marks_the_searched_words(client, seeds):
    article = Article.objects.get(import_ref__contains="sco")
    response = client.get(article.get_absolute_url(), {"q": "Azerbaijan"})
    assert '<mark class="match term0">Azerbaijan</mark>' in response.text


def test_unpublished_article_is_hidden_from_readers_but_not_editors(client, staff_client, seeds):
    article = Article.objects.first()
    article.is_published = False
    article.save()
    from django.test import Client

    assert Client().get(article.get_absolute_url()).status_code == 404
    assert staff_client.get(article.get_absolute_url()).status_code == 200


def test_speaker_page_lists_answers_and_offers_search_within(client, seeds):
    response = client.get("/speakers/antonio-guterres/")
    assert response.status_code == 200
    assert len(response.context["page"].object_list) == 4
    assert "Also printed as: Antonio Guterres" in response.text
    assert 'name="speaker" value="antonio-guterres"' in response.text


def test_article_page_searches_within_the_article(client, seeds):
    article = Article.objects.get(import_ref__contains="sco")
    page = client.get(article.get_absolute_url())
    assert f'<input type="hidden" name="article" value="{article.slug}">' in page.text
    response = client.get("/search/", {"q": "climate", "article": article.slug})
    assert response.context["results"].count == 3
    assert {h.article_slug for h in response.context["results"].page.object_list} == {article.slug}


def test_permalink_page_lists_related_answers_from_other_articles(client, seeds):
    pair = Pair.objects.get(answer__contains="superpowers are at odds")
    response = client.get(pair.get_absolute_url())
    related = response.context["related"]
    assert related and all(hit.article_slug != pair.article.slug for hit in related)
    assert "Related answers" in response.text
    assert f'href="/a/{related[0].key}/"' in response.text


def test_speaker_search_shows_only_that_speaker(client, seeds):
    response = client.get("/search/", {"q": "climate", "speaker": "antonio-guterres"})
    assert response.status_code == 200
    assert "Only answers by" in response.text


def test_unknown_pages_are_404_not_500(client, db):
    assert client.get("/articles/nope/").status_code == 404
    assert client.get("/speakers/nope/").status_code == 404
    assert client.get("/a/nope/").status_code == 404


def test_pages_send_a_content_security_policy(client, db):
    policy = client.get("/").headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "default-src 'self'" in policy


def test_imported_markup_is_shown_as_text(client, transactional_db):
    speaker = Speaker.objects.create(name="Eve")
    article = Article.objects.create(title="<script>alert(1)</script>", lead="<b>lead</b>")
    pair = Pair.objects.create(
        article=article, speaker=speaker, question="<i>q</i>?", answer="<img src=x onerror=alert(1)>"
    )
    for url in (article.get_absolute_url(), pair.get_absolute_url(), "/search/?q=img", "/articles/", "/"):
        text = client.get(url).text
        assert "<script>alert" not in text and "<img src=x" not in text and "<b>lead" not in text, url
