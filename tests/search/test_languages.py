"""Text in other scripts is searchable, and an article's language picks its stemming: a
Russian article is found by other endings of its words, a Kazakh one by its words as written."""

import pytest

from archive.models import Appearance, Article, Pair, Speaker
from archive.search import search_answers

pytestmark = pytest.mark.django_db(transaction=True)


def answer(text, language="", title=None):
    speaker, _ = Speaker.objects.get_or_create(name="Айгерим Сапарова", defaults={"slug": "aigerim-saparova"})
    article = Article.objects.create(title=title or text[:40], language=language)
    Appearance.objects.create(article=article, speaker=speaker, role="Министр")
    return Pair.objects.create(article=article, speaker=speaker, position=1, question="Вопрос?", answer=text)


def found(query, **kwargs):
    return [hit.answer for hit in search_answers(query, **kwargs).page.object_list]


def test_russian_article_is_found_by_other_endings_of_its_words():
    pair = answer("Развитие экономики Казахстана зависит от торговли с соседями.", language="ru")
    assert found("экономика") == [pair.answer]
    assert found("торговля соседи") == [pair.answer]
    assert found('"развитие экономики"') == [pair.answer]


def test_without_a_language_russian_words_match_only_as_written():
    pair = answer("Развитие экономики Казахстана зависит от торговли с соседями.")
    assert found("экономика") == []
    assert found("экономики") == [pair.answer]


def test_russian_yo_is_found_by_e_and_case_does_not_matter():
    pair = answer("Новый самолёт прилетел в Астану.", language="ru-RU")
    assert found("САМОЛЕТ") == [pair.answer]


def test_kazakh_words_are_found_as_written_in_any_case():
    pair = answer("Қазақстан Республикасының экономикасы өсіп келеді.", language="kk")
    assert found("Қазақстан") == [pair.answer]
    assert found("ЭКОНОМИКАСЫ") == [pair.answer]
    assert found("экономикасы", exact=True) == [pair.answer]


def test_accented_latin_article_is_found_with_or_without_accents():
    pair = answer("Le développement durable des économies régionales.", language="fr", title="Économie")
    assert found("developpement regionales") == [pair.answer]
    assert found("régional") == [pair.answer]  # French stems: régional = régionales
    assert found("developpement", exact=True) == []
    assert found("développement", exact=True) == [pair.answer]


def test_the_speakers_name_in_cyrillic_finds_their_answers():
    pair = answer("Мы продолжим реформы.", language="ru")
    assert found("Сапарова") == [pair.answer]
    assert found("speaker:сапарова реформа") == [pair.answer]


def test_highlight_in_a_russian_result_marks_the_stemmed_word():
    answer("Развитие экономики Казахстана зависит от торговли.", language="ru")
    hit = search_answers("экономика").page.object_list[0]
    assert '<mark class="match term0">экономики</mark>' in hit.highlight


def test_french_stems_apply_only_to_an_article_in_french():
    answer("Le développement durable des économies régionales.", language="", title="Sans langue")
    assert found("régional") == []  # English stems: region ≠ regional
