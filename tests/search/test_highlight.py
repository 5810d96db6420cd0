"""Matches are marked the way the index matched them (stems, accents, phrases, other
languages), in escaped HTML, in a short passage or in the whole text."""

from django.utils.safestring import SafeString

from archive.search.highlight import Marker

TEXT = (
    "They are committed to peace, they are committed to dialogue. They are committed to a "
    "vision of one world that is not divided. António Guterres said it in Astana."
)


def marked(html):
    """The marked pieces of ``html``, in order."""
    import re

    return re.findall(r'<mark class="match term\d">(.*?)</mark>', html)


def test_stems_mark_other_forms_of_the_word():
    assert marked(Marker("committing").whole(TEXT)) == ["committed"] * 3


def test_accents_and_case_do_not_matter():
    assert marked(Marker("ANTONIO").whole(TEXT)) == ["António"]


def test_a_phrase_is_marked_where_its_words_stand_together():
    text = "One day the world changed. We want one world."
    assert marked(Marker('"one world"').whole(text)) == ["one world"]


def test_a_phrase_with_common_words_inside_is_marked_whole():
    assert marked(Marker('"vision of one world"').whole(TEXT)) == ["vision of one world"]


def test_each_word_and_phrase_gets_its_own_class():
    html = Marker('peace "one world"').whole(TEXT)
    assert '<mark class="match term0">peace</mark>' in html
    assert '<mark class="match term1">one world</mark>' in html


def test_excluded_words_and_filters_are_not_marked():
    assert marked(Marker("peace -dialogue speaker:guterres").whole(TEXT)) == ["peace"]


def test_exact_form_marks_only_the_form_as_written():
    assert marked(Marker("committed", exact=True).whole(TEXT)) == ["committed"] * 3
    assert marked(Marker("committing", exact=True).whole(TEXT)) == []
    assert marked(Marker("Antonio", exact=True).whole(TEXT)) == []
    assert marked(Marker("António", exact=True).whole(TEXT)) == ["António"]


def test_russian_text_is_marked_with_russian_stems():
    text = "Развитие экономики Казахстана зависит от торговли."
    assert marked(Marker("экономика", language="ru").whole(text)) == ["экономики"]
    assert marked(Marker("экономика").whole(text)) == []


def test_kazakh_and_accented_latin_words_are_marked_as_written_or_folded():
    assert marked(Marker("Қазақстан").whole("Қазақстан Республикасы")) == ["Қазақстан"]
    assert marked(Marker("developpement", language="fr").whole("le développement durable")) == ["développement"]


def test_html_in_the_text_is_escaped_around_the_marks():
    html = Marker("rome").whole('Rome <img src=x onerror=alert(1)> & "grand"')
    assert isinstance(html, SafeString)
    assert html == '<mark class="match term0">Rome</mark> &lt;img src=x onerror=alert(1)&gt; &amp; &quot;grand&quot;'


def test_excerpt_is_a_short_passage_around_the_best_matches():
    text = "Nothing here. " * 60 + TEXT + " Nothing here." * 60
    html = Marker("peace dialogue").excerpt(text)
    assert html.startswith("… ") and html.endswith(" …")
    assert marked(html)[:2] == ["peace", "dialogue"]
    assert len(html) < 700


def test_excerpt_without_a_match_is_the_escaped_start_of_the_text():
    html = Marker("nothing-like-it").excerpt("<b>bold</b> " * 100)
    assert html.startswith("&lt;b&gt;bold&lt;/b&gt;") and html.endswith(" …")


def test_a_marker_carries_the_search_to_the_next_page():
    assert Marker('"one world"', exact=True).follow == "?q=%22one+world%22&exact=1"
    assert Marker("").follow == ""
