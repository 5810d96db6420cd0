"""Quoted text is shortened at sentence boundaries, never in the middle of a sentence, and says
when something was left out."""

from archive.sentences import OMISSION, sentences, shorten


def test_sentences_split_at_ends_but_not_after_abbreviations_or_initials():
    text = "Mr. Lee met John F. Kennedy in the U.S. Senate. He said: “No.” Then he left!\n\nA new paragraph"
    assert sentences(text) == [
        "Mr. Lee met John F. Kennedy in the U.S. Senate.",
        "He said: “No.”",
        "Then he left!",
        "A new paragraph",
    ]


def test_short_text_is_kept_whole_without_a_mark():
    assert shorten("Is it over? Yes.", 100) == "Is it over? Yes."


def test_long_text_keeps_whole_sentences_and_marks_the_omission():
    question = "Last September the Assembly adopted the Pact. What comes next for it? And for the Council?"
    short = shorten(question, 80)
    assert short == f"Last September the Assembly adopted the Pact. What comes next for it? {OMISSION}"
    assert len(short) <= 80


def test_a_first_sentence_longer_than_the_limit_is_kept_whole():
    long_sentence = "Why " + "really " * 40 + "does it matter?"
    assert shorten(long_sentence + " Second one?", 50) == f"{long_sentence} {OMISSION}"


def test_hard_limit_cuts_at_a_word_with_an_ellipsis():
    short = shorten("one two three four five six seven eight nine ten", 20, hard=True)
    assert short == "one two three four…" and len(short) <= 20
