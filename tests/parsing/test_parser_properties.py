"""Properties of the parser on generated text: it fails only with its own error, and every
word of the input ends up in the result (a field, a pair, or a reported discarded line)."""

import re
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive.parsing import ParseError, normalise, parse
from archive.parsing.clean import INVISIBLE

# A word: letters and digits, with underscores inside it (snake_case); "__bold__" markers are markup.
WORD = re.compile(r"[^\W_]+(?:_+[^\W_]+)*")
SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def words(*texts) -> Counter:
    return Counter(w.casefold() for text in texts for w in WORD.findall(text))


def output_words(iv) -> Counter:
    return words(
        iv.title,
        iv.lead,
        iv.closing,
        *iv.discarded,
        *iv.labels,
        *iv.metadata_lines,
        *(p.question for p in iv.pairs),
        *(p.answer for p in iv.pairs),
    )


def input_words(text) -> Counter:
    return words(INVISIBLE.sub("", normalise(text)))


LINE = st.one_of(
    st.text(max_size=80),
    st.sampled_from(
        [
            "",
            "Q: Why?",
            "A: Because.",
            "Currently reading",
            "Photo credit: Someone",
            "MS. ROE:  Well.",
            "**Jo Bloggs:** Hi",
            "((WN)) How?",
            "[00:01:02] Then",
            "END 2:45 P.M. EST",
            "(Laughter.)",
            '"Yes," he said.',
            "Title: T",
            "Date: 2024-07-01",
            "— Jane Roe",
            "Why did it happen?",
            '"It rained all week," she said.',
            "Jane Roe, a farmer",
            "Roe was asked about the harvest.",
            "[a link](https://example.org/x)",
            "<b>bold</b>",
        ]
    ),
)


@SETTINGS
@given(st.text(max_size=2000))
def test_any_text_parses_or_raises_parse_error(text):
    try:
        parse(text)
    except ParseError:
        pass


@SETTINGS
@given(st.lists(LINE, max_size=40).map("\n".join))
def test_no_word_of_the_input_is_lost(text):
    try:
        iv = parse(text)
    except ParseError:
        return
    missing = input_words(text) - output_words(iv)
    assert not missing, missing


PARAGRAPH = st.lists(st.sampled_from("alpha beta gamma delta river stone cloud light".split()), min_size=3, max_size=12)


@st.composite
def interviews(draw):
    """A title, a lead, questions and answers, each paragraph tagged with a unique marker."""
    labelled = draw(st.booleans())
    paragraphs, n = ["A generated interview"], 0

    def text(end="."):
        nonlocal n
        n += 1
        return " ".join([f"m{n}x"] + draw(PARAGRAPH)) + end

    paragraphs.append(text())  # the lead
    for _ in range(draw(st.integers(1, 6))):
        paragraphs.append(("Q: " if labelled else "") + text("?"))
        for i in range(draw(st.integers(1, 3))):
            paragraphs.append(("A: " if labelled and i == 0 else "") + text())
    return "\n\n".join(paragraphs), n


@SETTINGS
@given(interviews())
def test_every_paragraph_lands_in_exactly_one_place(document):
    text, markers = document
    iv = parse(text)
    found = words(iv.lead, iv.closing, *(p.question for p in iv.pairs), *(p.answer for p in iv.pairs))
    for n in range(1, markers + 1):
        assert found[f"m{n}x"] == 1, (n, text)
    assert len(iv.pairs) == text.count("?")
