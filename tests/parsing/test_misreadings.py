"""Ordinary interviews that the general rules must not misread (each found by a review of
the rules that read record sheets, page tails, reported questions and surnames). Texts
written for these tests."""

from archive.parsing import parse


def speakers(iv):
    return [p.speaker for p in iv.pairs]


def test_bracketed_speaker_labels_are_turns_not_link_definitions():
    iv = parse(
        "Kitchen stories\n\n[Interviewer]: What did your grandmother cook?\n\n"
        "[Maria]: Mostly soups. She could make a soup out of anything at all.\n\n"
        "[Interviewer]: Do you still make them?\n\n[Maria]: Every Sunday, for the whole family.\n"
    )
    assert len(iv.pairs) == 2
    assert iv.pairs[1].answer == "Every Sunday, for the whole family."


def test_interviewer_and_interviewee_turns_are_not_a_record_sheet():
    iv = parse(
        "Oral history: the harbour pilot\n\nInterviewer: Welcome, Mara, and thanks for coming in.\n\n"
        "Interviewee: Thank you, glad to be here.\n\nInterviewer: How long have you been a pilot?\n\n"
        "Interviewee: Twenty-two years. Before that I was on the ferries for a long time.\n\n"
        "Interviewer: What is the hardest part?\n\nInterviewee: Boarding in bad weather.\n"
    )
    assert iv.metadata_lines == []
    assert [p.answer for p in iv.pairs][-2:] == [
        "Twenty-two years. Before that I was on the ferries for a long time.",
        "Boarding in bad weather.",
    ]
    assert iv.interviewer != "Welcome"


def test_a_record_sheet_above_the_turns_fills_the_fields():
    iv = parse(
        "Print heritage recordings\n\nInterviewee: Arne Halvorsen (b. 1941), compositor\n"
        "Interviewer: Claire Fontaine\nDate of recording: 9 October 2024\nLocation: Leith\n\n"
        "[00:00:03] Claire Fontaine: Could you start by telling me where you were born?\n"
        "[00:00:17] Arne Halvorsen: In Bergen, in 1941.\n"
        "[00:00:39] Claire Fontaine: And how did you come to the print trade?\n"
        "[00:00:42] Arne Halvorsen: By accident.\n"
    )
    assert (iv.interviewer, str(iv.published), iv.place) == ("Claire Fontaine", "2024-10-09", "Leith")
    assert speakers(iv) == ["Arne Halvorsen", "Arne Halvorsen"]


def test_a_word_about_faqs_or_a_eulogy_does_not_unmake_a_q_and_a():
    eulogy = parse(
        "The priest who wrote the eulogy\n\nFather Tom Brady spent three nights on the words.\n\n"
        "Q: How long did it take you to write?\n\nA: Three nights, mostly.\n\n"
        "Q: What did you leave out?\n\nA: The jokes.\n"
    )
    faq = parse(
        "Running the city's parking office\n\nQ: What does your office do all day?\n\n"
        "A: Answer letters. We put the FAQ on the website but people still write.\n\n"
        "Q: Which question comes up most?\n\nA: Whether visitors need a permit.\n"
    )
    assert len(eulogy.pairs) == 2 and len(faq.pairs) == 2


def test_a_page_of_frequently_asked_questions_has_no_pairs():
    iv = parse(
        "Borough Council\n\nResident parking permits: frequently asked questions\n\n"
        "Q: Who can apply for a permit?\n\nA: Anyone whose main home is in a zone.\n\n"
        "Q: How much does it cost?\n\nA: Eighty pounds a year.\n"
    )
    assert iv.pairs == [] and "frequently asked questions" in iv.lead


def test_a_surname_label_used_before_a_full_name_is_not_that_full_name():
    iv = parse(
        "The Carters of Hill Farm\n\nTom Carter has farmed Hill Farm for forty years; his son Sam joined him.\n\n"
        "Rachel Odum: How has farming changed in forty years?\n\nCarter: The machines, mostly.\n\n"
        "Odum: And the weather?\n\nCarter: Wetter. Much wetter.\n\nSam Carter: Three years, Dad.\n\n"
        "Odum: Will Sam take over?\n\nCarter: He already has.\n"
    )
    assert speakers(iv)[0] == "Tom Carter" and speakers(iv)[-1] == "Tom Carter"


def test_timed_speaker_lines_with_blank_lines_after_them():
    iv = parse(
        "Soil ep 47\n\nDana Whitfield  00:01\n\nHello. What does a sensor measure?\n\n"
        "Sunil Rao  00:27\n\nLess than you think.\n\nDana Whitfield  00:30\n\nWhy is that?\n\n"
        "Sunil Rao  00:36\n\nCalibration.\n"
    )
    assert [(p.question, p.answer, p.speaker) for p in iv.pairs] == [
        ("Hello. What does a sensor measure?", "Less than you think.", "Sunil Rao"),
        ("Why is that?", "Calibration.", "Sunil Rao"),
    ]


def test_an_interviewee_who_asked_someone_something_is_not_a_reported_question():
    iv = parse(
        "The baker of Mill Lane\n\nAnn Lee has run the bakery for thirty years. We talked with her about bread.\n\n"
        "How did you start?\n\nI was twenty. I asked my father whether I could take over the oven.\n\n"
        "Was it hard?\n\nVery. The first winter I asked the bank about a loan and they said no.\n\n"
        "What comes next?\n\nMy daughter takes over in the spring.\n"
    )
    assert [p.question for p in iv.pairs] == ["How did you start?", "Was it hard?", "What comes next?"]


def test_an_interview_with_an_outlet_names_no_interviewee():
    iv = parse(
        "Ten questions for a lighthouse keeper\n\nThis conversation first aired in an interview with "
        "BBC Radio Kent.\n\nWhat does a keeper do now?\n\nMostly maintenance.\n\nDo you get lonely?\n\n"
        "Not really.\n\nWhat will you do when you retire?\n\nMove inland.\n"
    )
    assert "Radio Kent" not in " ".join(speakers(iv))


def test_letter_markers_answer_as_the_interviewee_the_lead_names():
    iv = parse(
        "Entrevista con la guitarrera Lucía Ortega\n\nHablamos con Lucía Ortega en su taller.\n\n"
        "P. ¿Cómo empezó?\n\nR. Por cabezota.\n\nP. ¿Le costó?\n\nR. Fuera del taller, sí.\n"
    )
    assert speakers(iv) == ["Lucía Ortega", "Lucía Ortega"]


def test_bold_seams_keep_every_word_apart():
    iv = parse(
        "Notes\n\n**Jo Roe:** **What** are you **making****next**?\n\n**Ann Lee:** A boat.\n\n**Jo Roe:** Why?\n\n**Ann Lee:** For fun.\n"
    )
    assert "making next" in iv.pairs[0].question  # "****" between two words is a space, not a join


def test_a_related_story_link_inside_an_interview_does_not_end_it():
    iv = parse(
        "The coach of Iten\n\nWe spoke with Ruth Chebet on the veranda, over tea.\n\n"
        "How did the camp start?\n\nWith three girls from my village and a rented house.\n\n"
        "Related: The secret life of the Iten dirt roads\n\n"
        "What was the hardest thing to learn?\n\nTo say no to a talented athlete.\n\n"
        "Do you still run yourself?\n\nEvery morning, slowly.\n"
    )
    assert [p.answer for p in iv.pairs] == [
        "With three girls from my village and a rented house.",
        "To say no to a talented athlete.",
        "Every morning, slowly.",
    ]
    assert "Related: The secret life of the Iten dirt roads" in iv.discarded


def test_an_essay_that_reports_what_the_author_asked_is_not_an_interview():
    iv = parse(
        "The Night Ferry\n\nAn essay by Ruth Okafor\n\n"
        "My neighbour has crossed the strait every night for thirty years.\n\n"
        'I asked her why, and she said, "Because somebody has to."\n\n'
        "Is that why people do it?\n\nI have asked myself that many times since.\n\n"
        "I asked her, on another evening, whether she was ever afraid.\n\n"
        '"Of course," she said. "Anybody who is not should stay ashore."\n'
    )
    assert iv.pairs == []
    assert any("an essay" in line for line in iv.evidence)


def test_an_interview_printed_under_an_essay_heading_stays_an_interview():
    iv = parse(
        "Interview: the night ferry captain\n\nEssay and interview by Ruth Okafor\n\n"
        "Why do you cross every night?\n\nBecause somebody has to.\n\n"
        "Are you ever afraid?\n\nOf course.\n"
    )
    assert len(iv.pairs) == 2


def test_he_spoke_to_names_the_interviewer_and_the_man_before_it_answers():
    iv = parse(
        "FIVE MINUTES WITH THE HARBOUR MASTER\n\n"
        "Tom Keast has run the harbour for twelve years. He spoke to Ann Roe in the harbour office.\n\n"
        "Q: How did you start?\nA: On the ferries, at sixteen.\n\n"
        "CONTINUED FROM PAGE 1: HARBOUR DREDGING\n\n"
        "Q: And now?\nA: Now I mostly do paperwork.\n"
    )
    assert iv.interviewer == "Ann Roe"
    assert {p.speaker for p in iv.pairs} == {"Tom Keast"}
    assert "CONTINUED FROM PAGE 1: HARBOUR DREDGING" in iv.discarded


def test_a_sermon_and_a_blog_story_where_the_author_asked_are_not_interviews():
    sermon = parse(
        "Grace Fellowship\n\nSERMON ARCHIVE\n\nThe Long Way Around\n\nGood morning, church.\n\n"
        "Why would God do that?\n\nThe text tells us, actually. The short road had soldiers on it.\n\n"
        "Have you ever been on a long way around?\n\nI think most of us have.\n\n"
        "What does this passage say to you?\n\nFirst, it says you are not lost.\n"
    )
    story = parse(
        "The onions\n\nPosted on 9 August 2024 in Family\n\nIt has been a year since Grandad died.\n\n"
        "At some point I sat on the grass and I asked him why he'd kept the allotment so long.\n\n"
        "He thought about that for a long time. “Because it was mine,” he said.\n\n"
        "Later I asked him whether he was afraid.\n\n“No,” he said.\n"
    )
    assert sermon.pairs == [] and story.pairs == []


def test_a_record_sheet_whose_last_line_runs_on_into_a_note_is_still_a_record_sheet():
    iv = parse(
        "Print heritage recordings\n\nInterviewee: Arne Halvorsen, compositor\n"
        "Interviewer: Claire Fontaine\nDate of recording: 9 October 2024\nTranscript checked by the interviewee.\n\n"
        "Claire Fontaine: Where were you born?\n\nArne Halvorsen: In Bergen.\n\n"
        "Claire Fontaine: And the print trade?\n\nArne Halvorsen: By accident.\n"
    )
    assert (iv.interviewer, str(iv.published)) == ("Claire Fontaine", "2024-10-09")
    assert "Transcript checked by the interviewee." in iv.lead


def test_a_page_of_a_readers_questions_answered_for_nobody_is_no_interview_whatever_its_labels():
    iv = parse(
        "Tallyhop launches its first grants\n\nThe fund opens on 1 May.\n\n"
        "Q: Who can apply?\n\nA: Any business with fewer than ten staff.\n\n"
        "Q: Do I need an accountant to apply?\n\nA: No. The form takes twenty minutes.\n\n"
        "Q: Can we apply twice?\n\nA: Businesses may reapply in the second round.\n"
    )
    assert iv.pairs == [] and iv.speakers == []
    assert "Do I need an accountant to apply?" in iv.lead
    assert any("a page of questions" in line for line in iv.evidence)


def test_an_interview_whose_questions_address_the_interviewee_stays_one():
    iv = parse(
        "Q&A with a brewer\n\nQ: Who taught you?\n\nA: My uncle.\n\nQ: Do I need a licence to brew at home?\n\n"
        "A: I never had one.\n\nQ: Can we visit?\n\nA: We open on Saturdays.\n"
    )
    assert len(iv.pairs) == 3
