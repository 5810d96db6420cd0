"""Search finds answers on a real Whoosh index: by any spelling of a name, by stems and
phrases, by exact forms, in other scripts and languages; it corrects typos, highlights
safely, follows every save and delete at once, and never fails."""

import pytest
from haystack.query import SearchQuerySet

from archive.models import Appearance, Article, Pair, Speaker
from archive.search import search_answers
from archive.search.highlight import Marker

pytestmark = pytest.mark.django_db(transaction=True)


def keys(results):
    return [hit.key for hit in results.page.object_list]


def test_name_without_accents_finds_the_accented_speaker(seeds):
    results = search_answers("Antonio Guterres")
    assert results.count == 4
    assert {h.speaker_name for h in results.page.object_list} == {"António Guterres"}


def test_alias_spelling_and_case_find_the_same_answers(seeds):
    assert search_answers("GUTERRES").count == search_answers("antónio").count == 4


def test_stemming_matches_other_forms_of_a_word(seeds):
    # two answers say "committed", none says "committing" or "commit"
    assert search_answers("committing").count == search_answers("commit").count == 2


def test_phrase_matches_only_words_in_that_order(seeds):
    assert search_answers('"one world"').count == 1
    assert search_answers('"world one"').count == 0


def test_curly_quotes_make_a_phrase_too(seeds):
    assert search_answers("“one world”").count == 1


def test_curly_apostrophe_finds_the_straight_one(seeds):
    assert keys(search_answers("it’s better to avoid")) == keys(search_answers("it's better to avoid"))
    assert search_answers("it’s better to avoid").count == 1


def test_exact_form_matches_words_only_as_written(seeds):
    assert search_answers("committing", exact=True).count == 0
    assert search_answers("committed", exact=True).count == 2
    speaker = Speaker.objects.get()
    Pair.objects.create(
        article=Article.objects.first(),
        speaker=speaker,
        position=9,
        question="Coffee?",
        answer="We met in a café near the Élysée.",
    )
    assert search_answers("cafe elysee").count == 1
    assert search_answers("cafe elysee", exact=True).count == 0
    assert search_answers("CAFÉ Élysée", exact=True).count == 1


def test_exact_form_keeps_common_words_in_a_phrase(seeds):
    assert search_answers('"vision of one world"', exact=True).count == 1
    assert search_answers('"vision of the world"', exact=True).count == 0


def test_words_standing_together_rank_first(seeds):
    # both answers have "global" and "economy"; only one says "global economy"
    results = search_answers("global economy")
    assert results.count >= 2
    assert "global economy" in results.page.object_list[0].answer


def test_or_finds_either_word(seeds):
    either = search_answers("Azerbaijan OR counterterrorism")
    assert either.count == 2 and not either.any_word
    assert search_answers("Azerbaijan AND counterterrorism").any_word  # no answer has both


def test_minus_excludes_a_word(seeds):
    with_word = search_answers("cooperation").count
    without = search_answers("cooperation -Kazakhstan").count
    assert 0 < without < with_word


def test_result_carries_question_speaker_role_article_and_permalink(seeds):
    hit = search_answers("Azerbaijan").page.object_list[0]
    pair = Pair.objects.get(key=hit.key)
    assert hit.question == pair.question
    assert hit.speaker_name == "António Guterres"
    assert hit.speaker_role == "UN Secretary General"
    assert hit.article_title == pair.article.title
    assert hit.outlet == "Kazinform"
    assert hit.get_absolute_url() == f"/a/{pair.key}/"
    assert '<mark class="match term0">Azerbaijan</mark>' in hit.highlight


def test_results_need_no_database_query_per_row(seeds, django_assert_max_num_queries):
    with django_assert_max_num_queries(0):
        results = search_answers("climate")
        assert results.count >= 3
        assert all(hit.article_title for hit in results.page.object_list)


def test_highlight_escapes_html_in_imported_text(transactional_db):
    speaker = Speaker.objects.create(name="Eve Hacker")
    article = Article.objects.create(title="XSS")
    Pair.objects.create(
        article=article, speaker=speaker, question="Q?", answer='Rome <img src=x onerror=alert(1)> was great & "grand"'
    )
    hit = search_answers("rome").page.object_list[0]
    assert "<img" not in hit.highlight
    assert "&lt;img src=x onerror=alert(1)&gt;" in hit.highlight
    assert "<mark" in hit.highlight


def test_excerpt_without_match_is_escaped_start_of_text():
    assert Marker("nothing").excerpt("<b>bold</b> " * 100, chars=320).startswith("&lt;b&gt;bold&lt;/b&gt;")


def test_typo_gets_a_suggestion_with_its_count(seeds):
    results = search_answers("Azerbajian")
    assert results.count == 0
    assert results.suggestion.query == "azerbaijan"
    assert results.suggestion.count == 1
    assert results.suggestion.link == "?q=azerbaijan"


def test_rare_misspelling_beside_a_common_spelling_gets_a_suggestion(seeds):
    # "Gutteres" is printed once in the seeds, "Guterres" in every answer's document
    results = search_answers("Gutteres")
    assert results.count == 1
    assert results.suggestion.query == "guterres" and results.suggestion.count == 4


def test_suggestion_keeps_phrases_and_filters(seeds):
    results = search_answers('"climate crisis" -Kazakstan speaker:guterres Azerbajian')
    assert results.suggestion.query == '"climate crisis" -Kazakstan azerbaijan speaker:guterres'


def test_correctly_spelt_search_gets_no_suggestion(seeds):
    assert search_answers("climate").suggestion is None
    assert search_answers("xylophone").suggestion is None


def test_when_no_answer_has_every_word_answers_with_most_of_them_come_first(seeds):
    results = search_answers("Azerbaijan terrorism xylophone")
    assert results.any_word
    assert results.count >= 2
    assert "Azerbaijan" in results.page.object_list[0].answer or "terrorism" in results.page.object_list[0].answer


def test_only_common_words_explain_themselves(seeds):
    results = search_answers("the of")
    assert results.count == 0
    assert "common" in results.notes[0]


def test_malformed_syntax_searches_the_words_and_says_so(seeds):
    results = search_answers('"one world')
    assert results.count == 1
    assert "quotation mark is not closed" in results.notes[0]


def test_excluded_words_alone_find_nothing_and_say_why(seeds):
    results = search_answers("-climate")
    assert results.count == 0 and "Add a word" in results.notes[0]


def test_speaker_filter_limits_to_one_speaker(seeds):
    other = Speaker.objects.create(name="Ban Ki-moon")
    article = Article.objects.create(title="Another")
    Pair.objects.create(article=article, speaker=other, question="Climate?", answer="Climate matters.")
    assert search_answers("climate").count == 5
    only = search_answers("climate", speaker=other.slug)
    assert only.count == 1 and only.page.object_list[0].speaker_name == "Ban Ki-moon"


def test_saved_change_is_searchable_at_once(seeds):
    pair = Pair.objects.get(answer__contains="Azerbaijan")
    pair.answer += " Zanzibar too."
    pair.save()
    assert keys(search_answers("zanzibar")) == [pair.key]


def test_deleted_answer_leaves_the_index(seeds):
    pair = Pair.objects.get(answer__contains="Azerbaijan")
    pair.delete()
    assert search_answers("Azerbaijan").count == 0


def test_unpublished_article_is_not_searchable_until_published(seeds):
    article = Article.objects.get(pairs__answer__contains="Azerbaijan")
    article.is_published = False
    article.save()
    assert search_answers("Azerbaijan").count == 0
    article.is_published = True
    article.save()
    assert search_answers("Azerbaijan").count == 1


def test_renaming_a_speaker_reindexes_their_answers(seeds):
    speaker = Speaker.objects.get()
    speaker.name = "António Manuel de Oliveira Guterres"
    speaker.save()
    results = search_answers("Oliveira")
    assert results.count == 4
    assert results.page.object_list[0].speaker_name == "António Manuel de Oliveira Guterres"


def test_retitled_article_shows_new_title_in_results(seeds):
    article = Article.objects.get(pairs__answer__contains="Azerbaijan")
    article.title = "Guterres on the SCO"
    article.save()
    assert search_answers("Azerbaijan").page.object_list[0].article_title == "Guterres on the SCO"


def test_rebuild_index_gives_the_same_documents(seeds):
    from ..conftest import rebuild_index

    before = sorted(r.id for r in SearchQuerySet().all())
    rebuild_index()
    assert sorted(r.id for r in SearchQuerySet().all()) == before
    assert len(before) == 6  # 4 answers and 2 articles


def test_pagination_splits_results(seeds):
    first = search_answers("Guterres", per_page=3)
    second = search_answers("Guterres", page=2, per_page=3)
    assert first.page.has_next() and not second.page.has_next()
    assert len(set(keys(first)) | set(keys(second))) == 4


def test_page_past_the_end_shows_the_last_page(seeds):
    results = search_answers("Guterres", page=99, per_page=3)
    assert results.page.number == 2


@pytest.mark.parametrize(
    "query",
    [
        '"unbalanced',
        "(foo",
        "title:(",
        "AND OR",
        "NOT",
        "*",
        "*foo",
        "x:y:z",
        "\\",
        "&&",
        "[a TO",
        "speaker:",
        "'",
        "a" * 200,
        "ü",
        "-",
        '"',
        "climate AND",
        "\u200b",
        "🙂 climate",
    ],
)
def test_odd_queries_return_results_not_errors(seeds, query):
    results = search_answers(query)
    assert results.count >= 0


def test_check_index_reports_and_repairs_a_lost_index(seeds):
    import io

    from django.core.management import call_command
    from haystack import connections

    connections["default"].get_backend().clear()
    out = io.StringIO()
    with pytest.raises(SystemExit):
        call_command("check_index", stdout=out)
    assert "pairs: 4 in the database, 0 in the index" in out.getvalue()
    call_command("check_index", repair=True, stdout=io.StringIO())
    assert search_answers("Azerbaijan").count == 1


def test_check_index_rebuilds_an_index_built_with_an_older_schema(seeds):
    import io

    from django.core.management import call_command
    from haystack import connections
    from whoosh.fields import ID, Schema

    backend = connections["default"].get_backend()
    backend.storage.create_index(Schema(id=ID(stored=True, unique=True), django_ct=ID(stored=True)))
    backend.setup_complete = False  # as a process started on the old index would find it
    assert "text" in backend.missing_fields()
    out = io.StringIO()
    call_command("check_index", repair=True, stdout=out)
    assert "built before these fields existed" in out.getvalue()
    assert backend.missing_fields() == []
    assert search_answers("Azerbaijan").count == 1


def test_a_new_role_reindexes_only_answers_that_show_it(seeds):
    from archive.indexing import documents_touched

    speaker = Speaker.objects.get()
    speaker.role = "Former Prime Minister of Portugal"
    assert documents_touched(speaker, update_fields=["role"]) == {Pair: set()}  # every article lists them
    Appearance.objects.filter(speaker=speaker).delete()
    speaker.save(update_fields=["role"])
    hits = search_answers("Azerbaijan").page.object_list
    assert hits[0].speaker_role == "Former Prime Minister of Portugal"


def test_the_api_skips_the_article_search_it_does_not_show(seeds):
    assert search_answers("Kazinform").articles  # the page lists matching articles
    assert search_answers("Kazinform", with_articles=False).articles == []


def test_articles_are_found_by_their_own_words_which_answers_searches_do_not_see(seeds):
    speaker = Speaker.objects.get()
    article = Article.objects.create(title="Aboard the Krasin", lead="The talk took place aboard an icebreaker.")
    Pair.objects.create(article=article, speaker=speaker, question="Cold?", answer="Very cold indeed.")

    found = search_answers("icebreakers")  # the lead's word, stemmed
    assert [a.pk for a in found.articles] == [str(article.pk)]
    assert found.count == 0  # no answer says it, and the article's words are not an answer's
    assert search_answers("icebreakers", exact=True).articles == []
    assert [a.pk for a in search_answers("icebreaker", exact=True).articles] == [str(article.pk)]
    assert SearchQuerySet().models(Article).count() == 3  # still listed by "every document"
