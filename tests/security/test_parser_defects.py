"""Two defects found while attacking the import, which lived in the parser: a Markdown link to
`javascript:` left debris in the text, and a label of punctuation gave answers nobody was said
to have given without a word of warning."""

from archive import parsing
from archive.parsing import ParseError


def test_markdown_link_to_javascript_leaves_its_text_and_no_debris():
    """`[x](javascript:alert(1))`: the link's text stays, the address goes, and no bracket of
    the address is left behind (today the stored text reads "See x) for more.")."""
    interview = parsing.parse("Links\n\nWhat did you say?\n\nSee [x](javascript:alert(1)) for more.\n")
    text = " ".join([interview.lead, interview.closing, *(p.question + " " + p.answer for p in interview.pairs)])
    assert "See x for more." in text
    assert "x)" not in text and "javascript" not in text


def test_a_garbage_speaker_label_never_gives_an_unflagged_answer_without_a_speaker():
    """A label made of punctuation is no label. Where the text then names nobody who answers,
    the answers keep no invented name: the split needs review before publishing, and the
    parser's evidence says why (the admin asks for the speaker before an answer is saved)."""
    text = (
        "Talking shop\n\nINTERVIEWER: What is new?\n\n!!!: Nothing much is new here today.\n\n"
        "INTERVIEWER: And tomorrow?\n\n!!!: Tomorrow will be much the same as today.\n"
    )
    try:
        interview = parsing.parse(text, filename="talking-shop.txt")
    except ParseError:
        return
    assert interview.pairs and "!!!" not in interview.labels
    if not all(pair.speaker for pair in interview.pairs):
        assert interview.needs_review
        assert any("does not say who answers" in line for line in interview.evidence)
