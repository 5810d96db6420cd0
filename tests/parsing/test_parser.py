"""The parser turns an article's text into title, speaker, lead and question/answer pairs."""

import pytest

from archive.names import fold
from archive.parsing import ParseError, parse

from ..conftest import SEED_SCO, SEED_SUPERPOWERS


@pytest.fixture(scope="module")
def sco():
    return parse(SEED_SCO.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def superpowers():
    return parse(SEED_SUPERPOWERS.read_text(encoding="utf-8"))


def test_sco_seed_title_speaker_credit_and_lead(sco):
    assert sco.title == (
        "In the last few years, the SCO has emerged as an important actor on the international "
        "platform – UN Secretary General"
    )
    assert [s.name for s in sco.speakers] == ["António Guterres"]
    assert sco.speakers[0].aliases == ("Antonio Guterres",)
    assert sco.speakers[0].role == "UN Secretary General"
    assert sco.photo_credit == "UNDP"
    assert sco.outlet == "Kazinform"
    assert sco.lead.startswith("In the context of the upcoming SCO Summit")


def test_sco_seed_has_exactly_three_pairs(sco):
    questions = [p.question for p in sco.pairs]
    answers = [p.answer for p in sco.pairs]
    assert len(sco.pairs) == 3
    assert questions[0].startswith("Last September the UN General Assembly")
    assert questions[1].startswith("What is the role of regional organizations")
    assert questions[2].startswith("You have always been an outspoken voice")
    assert answers[0].endswith("to enhance its effectiveness.")
    assert answers[1].endswith("contributing to regional security.")
    assert answers[2].endswith("at this year’s Conference of Parties in Azerbaijan.")
    assert {p.speaker for p in sco.pairs} == {"António Guterres"}


def test_sco_seed_drops_web_page_junk(sco):
    assert sco.discarded == ["Currently reading"]
    assert "Currently reading" not in sco.pairs[-1].answer
    assert sco.closing == ""


def test_superpowers_seed_reported_question_and_attributed_answer(superpowers):
    assert superpowers.title == (
        "When the superpowers are at odds with each other, countries like Kazakhstan have a very "
        "important role – António Guterres"
    )
    assert superpowers.photo_credit == "Kazinform"
    assert len(superpowers.pairs) == 1
    pair = superpowers.pairs[0]
    assert "what can organizations like SCO and UN do to foster global dialogue" in pair.question
    assert pair.question.rstrip(".").endswith("combating terrorism and crimes")
    assert pair.answer.startswith("We can work together, first of all, in the prevention of conflict.")
    assert pair.answer.endswith("because we are talking about something that is to benefit everybody.")
    assert "he said" not in pair.answer
    assert pair.speaker == "António Guterres"


def test_superpowers_seed_keeps_closing_paragraph_as_article_text(superpowers):
    assert superpowers.closing.startswith("UN Secretary-General Guterres will be in attendance")
    assert "attendance" not in superpowers.pairs[0].answer
    assert superpowers.discarded == ["Currently reading", '," he said.']
    assert superpowers.speakers[0].role == "UN Secretary General"


def test_both_seeds_name_the_same_person():
    names = {parse(p.read_text()).speakers[0].name for p in (SEED_SCO, SEED_SUPERPOWERS)}
    assert names == {"António Guterres"}


def test_fold_ignores_accents_case_and_spacing():
    assert fold("António  Guterres") == fold("ANTONIO GUTERRES") == "antonio guterres"


def test_labelled_q_and_a_blocks():
    iv = parse(
        "An interview about rivers\n\nJane Smith, hydrologist\n\n"
        "Q: Why do rivers flood?\n\nA: Because it rains.\n\nMostly in spring.\n\n"
        "Q: Will it get worse?\nA: Yes.\n"
    )
    assert [(p.question, p.answer) for p in iv.pairs] == [
        ("Why do rivers flood?", "Because it rains.\n\nMostly in spring."),
        ("Will it get worse?", "Yes."),
    ]
    assert iv.speakers[0].name == "Jane Smith"
    assert iv.speakers[0].role == "hydrologist"


def test_text_without_questions_is_an_article_with_a_warning():
    iv = parse("A profile\n\nShe walked into the room. Everyone was there.\n\nThe end came soon.")
    assert iv.pairs == []
    assert iv.lead == "She walked into the room. Everyone was there.\n\nThe end came soon."
    assert any("no answered questions" in w for w in iv.warnings)


def test_metadata_header_gives_what_the_text_does_not():
    iv = parse(
        "Title: Talking trade\nDate: 2024-07-01\nOutlet: Example Times\nSpeaker: Ann Lee\n"
        "Role: Minister of Trade\nSource: https://example.org/trade\n\n"
        "What comes next for tariffs?\n\nWe will lower them.\n"
    )
    assert (iv.title, iv.outlet, str(iv.published), iv.source_url) == (
        "Talking trade",
        "Example Times",
        "2024-07-01",
        "https://example.org/trade",
    )
    assert iv.speakers[0].name == "Ann Lee" and iv.speakers[0].role == "Minister of Trade"
    assert iv.pairs[0].answer == "We will lower them."


def test_bad_header_date_is_a_warning_not_a_failure():
    iv = parse("Title: T\nDate: next Tuesday\n\nWhy?\n\nBecause.")
    assert iv.published is None
    assert any("not a date" in w for w in iv.warnings)


def test_windows_line_endings_and_bom_are_normalised():
    iv = parse("\ufeffTitle line\r\n\r\nHow are you?\r\n\r\nFine, thanks.\r\n")
    assert iv.title == "Title line"
    assert iv.pairs[0].answer == "Fine, thanks."


@pytest.mark.parametrize(
    "text,reason",
    [
        ("", "empty"),
        ("   \n\n  \t\n", "empty"),
        ("Currently reading\n\nRead more\n", "junk"),
        ("Title\n\nsome\x00binary\x01data", "binary"),
    ],
)
def test_unreadable_text_raises_parse_error_with_reason(text, reason):
    with pytest.raises(ParseError, match=reason):
        parse(text)


def test_parse_error_names_the_line():
    with pytest.raises(ParseError) as info:
        parse("Title\n\nfine\n\nbad \x00 nul")
    assert info.value.line == 5
    assert str(info.value).startswith("line 5:")


def test_a_stray_control_character_becomes_a_space_with_a_warning():
    iv = parse("Title\n\nJane Roe\n\nWhy?\n\nBecause\x07 it rang.")
    assert iv.pairs[0].answer == "Because it rang."
    assert any("control characters replaced" in w and "line 7" in w for w in iv.warnings)


def test_unanswered_question_joins_the_next_one():
    iv = parse("Title\n\nIntro text here.\n\nQ: First?\n\nQ: Second?\n\nA: Only this one.")
    assert [(p.question, p.answer) for p in iv.pairs] == [("First?\n\nSecond?", "Only this one.")]


def test_trailing_unanswered_question_is_kept_as_closing_text():
    iv = parse("Title\n\nJane Roe\n\nQ: First?\n\nA: Yes.\n\nQ: Anything else?")
    assert len(iv.pairs) == 1
    assert iv.closing == "Anything else?"


def test_labels_for_one_person_resolve_to_one_name_even_misspelt():
    iv = parse(
        "Interview with UN Secretary General António Guterres\n\n"
        "Q:  What is next for the climate?\n\nSECRETARY-GENERAL GUTERRES:  Action now.\n\n"
        "Q:  And for peace?\n\nGUTTERES:  Dialogue, always.\n\n"
        "Q:  Anything else?\n\nUN SECRETARY GENERAL:  Thank you all.\n\nQ:  Thanks.\n"
    )
    assert [p.speaker for p in iv.pairs] == ["António Guterres"] * 3
    assert [s.name for s in iv.speakers] == ["António Guterres"]


def test_press_briefing_labels_take_the_names_the_title_gives():
    iv = parse(
        "Press Briefing by Press Secretary Jen Psaki, January 20, 2021\n\nJames S. Brady Press Briefing Room\n\n"
        "7:06 P.M. EST\n\nMS. PSAKI:  Good evening, everyone.\n\nQ    Thanks, Jen. Will the President travel?\n\n"
        "MS. PSAKI:  Not this week.\n\nQ    Thank you.\n\nEND 7:55 P.M. EST\n"
    )
    assert (str(iv.published), iv.place) == ("2021-01-20", "James S. Brady Press Briefing Room")
    assert iv.lead == "Good evening, everyone."
    assert [(p.question, p.answer, p.speaker) for p in iv.pairs] == [
        ("Thanks, Jen. Will the President travel?", "Not this week.\n\nQ: Thank you.", "Jen Psaki"),
    ]
    assert iv.speakers[0].role == "Press Secretary"
    assert "END 7:55 P.M. EST" in iv.discarded and "7:06 P.M. EST" in iv.discarded


def test_dateline_gives_outlet_date_and_interviewer():
    iv = parse(
        "In conversation with Ann Lee\nRiverside Chronicle, 2012-05-29. Interview by Christine M. Campbell.\n\n"
        "Q: Why rivers?\nAnn Lee: Because they move.\n\nQ: And lakes?\nAnn Lee: They wait.\n"
    )
    assert (iv.outlet, str(iv.published), iv.interviewer) == (
        "Riverside Chronicle",
        "2012-05-29",
        "Christine M. Campbell",
    )
    assert [(p.answer, p.speaker, p.asker) for p in iv.pairs] == [
        ("Because they move.", "Ann Lee", "Christine M. Campbell"),
        ("They wait.", "Ann Lee", "Christine M. Campbell"),
    ]
    assert iv.lead == ""


def test_image_captions_and_pull_quote_credits_are_left_out():
    iv = parse(
        "T\n\nJane Roe\n\nWhy?\n\nBecause it rained.\n\nJane in July 2020.Image: Jo Roe for President.\n\n"
        "—Jane Roe\n\nHow?\n\nSlowly.\n"
    )
    assert [(p.question, p.answer) for p in iv.pairs] == [("Why?", "Because it rained."), ("How?", "Slowly.")]
    assert iv.discarded == ["Jane in July 2020.Image: Jo Roe for President.", "—Jane Roe"]


def test_interviewer_header_never_takes_the_answer_label():
    iv = parse("Title: Rivers\nInterviewer: Christine Campbell\nSpeaker: Ann Lee\n\nQ: Why rivers?\nA: They move.\n")
    assert [(p.question, p.answer, p.speaker, p.asker) for p in iv.pairs] == [
        ("Why rivers?", "They move.", "Ann Lee", "Christine Campbell"),
    ]


def test_headline_quoting_the_speaker_is_a_title_not_a_turn():
    iv = parse(
        "Ann Lee: “Rivers never wait”\nRiverside Chronicle, 2012-05-29.\n\nQ: Why rivers?\nAnn Lee: They move.\n\n"
        "Q: And lakes?\nAnn Lee: They wait.\n"
    )
    assert iv.title == "Ann Lee: “Rivers never wait”"
    assert str(iv.published) == "2012-05-29" and len(iv.pairs) == 2


def test_a_text_that_opens_with_its_body_is_named_after_its_file():
    iv = parse("x" * 400 + "\n\nWhy do rivers bend, in your view?\n\nBecause.", filename="river-notes.txt")
    assert iv.title == "River notes" and iv.lead.startswith("xxx")


def test_pasted_text_whose_first_line_cannot_be_a_title_is_refused_with_the_reason():
    with pytest.raises(ParseError, match="over 300 characters"):
        parse("x" * 400 + "\n\nWhy?\n\nBecause.")
