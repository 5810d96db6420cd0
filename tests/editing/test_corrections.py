"""The editor's corrections are pure functions on the parser's dataclasses: each does what it
says, and one whose text has changed is skipped with a reason instead of forced."""

from datetime import date

from archive import corrections
from archive.parsing import Interview, ParsedPair, ParsedSpeaker


def interview():
    return Interview(
        title="Talking trade",
        outlet="Example Times",
        lead="An introduction.",
        closing="The end.",
        interviewer="Jo",
        labels=["Q", "ANN", "Q", "ANN"],
        speakers=[ParsedSpeaker("Ann Lee", role="Minister")],
        pairs=[
            ParsedPair("What next?", "Tariffs.\n\nWhy tariffs, then?\n\nBecause.", "Ann Lee", "Jo"),
            ParsedPair("Really?", "Yes.\n\nSubscribe to our newsletter.", "Ann Lee", "Jo"),
        ],
    )


def anchor(iv, i):
    return corrections.pair_anchor(iv.pairs[i])


def test_split_makes_the_paragraph_the_question_of_a_new_pair():
    iv = interview()
    done = corrections.apply(iv, [{"op": "split", "pair": anchor(iv, 0), "paragraph": "Why tariffs, then?"}])
    assert [(p.question, p.answer) for p in done.interview.pairs][:2] == [
        ("What next?", "Tariffs."),
        ("Why tariffs, then?", "Because."),
    ]
    assert done.interview.pairs[1].speaker == "Ann Lee" and not done.skipped
    assert len(iv.pairs) == 2  # the parser's result is left as it was


def test_merge_makes_the_next_question_part_of_the_answer():
    iv = interview()
    done = corrections.apply(iv, [{"op": "merge", "pair": anchor(iv, 0), "next": anchor(iv, 1)}])
    assert len(done.interview.pairs) == 1
    assert done.interview.pairs[0].answer.endswith("Because.\n\nReally?\n\nYes.\n\nSubscribe to our newsletter.")


def test_move_sends_a_paragraph_to_the_discarded_lines_the_lead_or_the_closing_text():
    iv = interview()
    done = corrections.apply(
        iv,
        [
            {"op": "move", "pair": anchor(iv, 1), "paragraph": "Subscribe to our newsletter.", "to": "discarded"},
            {"op": "move", "pair": anchor(iv, 0), "paragraph": "Because.", "to": "closing"},
            {"op": "move", "pair": anchor(iv, 0), "paragraph": "Why tariffs, then?", "to": "lead"},
        ],
    )
    out = done.interview
    assert out.discarded == ["Subscribe to our newsletter."]
    assert out.pairs[1].answer == "Yes."
    assert out.closing == "Because.\n\nThe end."
    assert out.lead == "An introduction.\n\nWhy tariffs, then?"
    assert out.pairs[0].answer == "Tariffs."


def test_fields_speaker_and_role_are_set():
    iv = interview()
    done = corrections.apply(
        iv,
        [
            {"op": "set", "field": "title", "was": "Talking trade", "value": "Trade talk"},
            {"op": "set", "field": "published", "was": "", "value": "2024-07-01"},
            {"op": "set", "field": "interviewer", "was": "Jo", "value": "Jo Bloggs"},
            {"op": "speaker", "was": "Ann Lee", "value": "Ann B. Lee"},
            {"op": "speaker_role", "speaker": "Ann B. Lee", "was": "Minister", "value": "Minister of Trade"},
        ],
    )
    out = done.interview
    assert (out.title, out.published, out.interviewer) == ("Trade talk", date(2024, 7, 1), "Jo Bloggs")
    assert {p.speaker for p in out.pairs} == {"Ann B. Lee"} and {p.asker for p in out.pairs} == {"Jo Bloggs"}
    assert out.speakers == [ParsedSpeaker("Ann B. Lee", role="Minister of Trade")]
    assert not done.skipped


def test_a_correction_whose_text_changed_is_skipped_with_the_reason():
    iv = interview()
    done = corrections.apply(
        iv,
        [
            {"op": "split", "pair": ["What comes next?", "Tariffs."], "paragraph": "Why tariffs, then?"},
            {"op": "set", "field": "title", "was": "Talking tariffs", "value": "Trade talk"},
            {"op": "move", "pair": anchor(iv, 1), "paragraph": "Not there.", "to": "lead"},
            {"op": "role", "label": "MODERATOR", "role": "asks"},
        ],
    )
    assert done.interview == iv
    assert [reason for _, reason in done.skipped] == [
        "the question it applies to has changed",
        "the text now gives another title",
        "the paragraph it moves has changed",
        "the label “MODERATOR” is no longer in the text",
    ]


def test_roles_are_what_the_parser_takes():
    given = [{"op": "role", "label": "Q", "role": "answers"}, {"op": "role", "label": "X", "role": "sings"}]
    assert corrections.roles(given) == {"Q": "answers"}


def test_a_bad_date_is_refused_not_raised():
    done = corrections.apply(interview(), [{"op": "set", "field": "published", "was": "", "value": "May"}])
    assert done.skipped[0][1] == "“May” is not a date (YYYY-MM-DD)"
