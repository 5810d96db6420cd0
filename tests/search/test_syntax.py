"""The search box's syntax is read without the engine: phrases, OR, NOT and -word, groups,
speaker:/outlet:/from:/to:, and anything malformed is searched as plain words with a note."""

from datetime import date

import pytest

from archive.search.syntax import And, Not, Or, Term, parse, parse_date


def test_plain_words_must_all_match():
    assert parse("climate finance").tree == And((Term(("climate",)), Term(("finance",))))


def test_quotes_make_a_phrase_and_phone_quotes_count():
    for text in ('"one world"', "“one world”", "„one world“", "«one world»"):
        assert parse(text).tree == Term(("one", "world"), phrase=True), text


def test_curly_apostrophe_is_the_straight_one():
    assert parse("don’t").tree == parse("don't").tree == Term(("don", "t"), phrase=True)


def test_or_binds_tighter_than_the_implicit_and():
    climate, energy, finance = (Term((w,)) for w in ("climate", "energy", "finance"))
    assert parse("climate OR energy finance").tree == And((Or((climate, energy)), finance))
    assert parse("(climate OR energy) finance").tree == And((Or((climate, energy)), finance))
    assert parse("climate AND energy").tree == And((climate, energy))


def test_minus_and_not_exclude():
    climate, finance = Term(("climate",)), Term(("finance",))
    assert parse("climate -finance").tree == And((climate, Not(finance)))
    assert parse("climate NOT finance").tree == And((climate, Not(finance)))
    assert parse('climate -"green finance"').tree == And((climate, Not(Term(("green", "finance"), phrase=True))))
    assert parse("climate -(finance OR money)").tree.children[1] == Not(Or((finance, Term(("money",)))))


def test_lower_case_operators_are_words():
    assert parse("war and peace").tree == And(tuple(Term((w,)) for w in ("war", "and", "peace")))


def test_field_filters_are_taken_out_of_the_words():
    query = parse('speaker:"Antonio Guterres" outlet:kazinform from:2020 to:2021-06 climate')
    assert query.tree == Term(("climate",))
    assert query.speakers == ["Antonio Guterres"]
    assert query.outlets == ["kazinform"]
    assert (query.date_from, query.date_to) == (date(2020, 1, 1), date(2021, 6, 30))
    assert query.notes == []


def test_excluded_speaker_is_kept_apart():
    query = parse("trade -speaker:biden NOT outlet:fox")
    assert query.not_speakers == ["biden"] and query.not_outlets == ["fox"]
    assert query.tree == Term(("trade",))


def test_dates_take_a_year_a_month_or_a_day():
    assert parse_date("2020") == date(2020, 1, 1)
    assert parse_date("2020", end=True) == date(2020, 12, 31)
    assert parse_date("2024-02", end=True) == date(2024, 2, 29)
    assert parse_date("2020-05-17") == date(2020, 5, 17)
    for bad in ("2020-13", "2021-02-29", "yesterday", "20", "0000", "2020-05-17T10:00"):
        assert parse_date(bad) is None, bad


def test_a_date_that_is_not_one_is_left_out_with_a_note():
    query = parse("peace from:yesterday")
    assert query.tree == Term(("peace",)) and query.date_from is None
    assert "not a date" in query.notes[0]


def test_dates_in_the_wrong_order_are_swapped_with_a_note():
    query = parse("from:2021 to:2020-02")
    assert (query.date_from, query.date_to) == (date(2020, 2, 1), date(2021, 12, 31))
    assert "swapped" in query.notes[0]


@pytest.mark.parametrize(
    "text,problem",
    [
        ('"one world', "quotation mark is not closed"),
        ("(climate OR energy", "bracket is not closed"),
        ("climate)", "closing bracket has no opening one"),
        ("climate AND", "needs words on both sides"),
        ("OR climate", "needs words on both sides"),
        ("climate OR OR energy", "needs words on both sides"),
        ("NOT", "needs a word after it"),
        ("speaker: climate", "needs a value after it"),
        ('speaker:"antonio', "quotation mark is not closed"),
    ],
)
def test_malformed_syntax_is_searched_as_plain_words_with_a_note(text, problem):
    query = parse(text)
    assert problem in query.notes[0]
    assert "searched as they are" in query.notes[0]
    assert all(not term.phrase or len(term.words) == 1 for term in query.terms())
    assert not query.speakers


def test_wildcards_are_dropped_with_a_note():
    query = parse("negotiat*")
    assert query.tree == Term(("negotiat",))
    assert "Wildcards" in query.notes[0]


def test_unknown_field_names_are_words():
    assert parse("http://example.org").tree == Term(("http", "example.org"), phrase=True)


def test_full_width_and_control_characters_are_normalised():
    assert parse("ｃｌｉｍａｔｅ\x00\u200bchange").tree == And((Term(("climate",)), Term(("change",))))


def test_the_query_is_written_back_in_the_same_syntax():
    text = 'speaker:guterres "one world" (climate OR energy) -finance from:2020-01-01'
    query = parse(text)
    assert parse(query.text()).tree == query.tree
    assert query.text() == '"one world" (climate OR energy) -finance speaker:guterres from:2020-01-01'


def test_spelling_corrections_replace_words_and_keep_the_rest():
    query = parse('"presidnet said" -tarrifs speaker:biden').replace_words({"presidnet": "president"})
    assert query.text() == '"president said" -tarrifs speaker:biden'


def test_excluded_words_are_not_terms_to_show():
    assert [str(t) for t in parse('climate -finance "one world" NOT money').terms()] == ["climate", '"one world"']
