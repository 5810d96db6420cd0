"""Interviews in the shapes editors paste, each read as a reader would (texts written for
these tests, not taken from the corpus)."""

from archive.parsing import parse

BOLD_QUESTIONS = """Meet the maintainers: a conversation with Dana Reyes

We spoke with Dana Reyes, who maintains the frobnicator library, about burnout and funding.

**How did you start contributing to the project?**

I found a bug in 2015 and sent a patch. The maintainer asked me to review others.

**Don Watkins: What does a typical week look like for you?**

Mostly reviews. I try to keep Fridays for my own work.

**Tell us a bit about the funding model.**

We have a fiscal host and a handful of sponsors.
"""


def qa(iv):
    return [(p.question, p.answer, p.speaker) for p in iv.pairs]


def test_paragraphs_wholly_in_bold_are_the_questions_even_without_a_question_mark():
    iv = parse(BOLD_QUESTIONS)
    assert [q for q, _, _ in qa(iv)] == [
        "How did you start contributing to the project?",
        "What does a typical week look like for you?",
        "Tell us a bit about the funding model.",
    ]
    assert {p.speaker for p in iv.pairs} == {"Dana Reyes"}


def test_a_label_inside_the_bold_question_is_the_asker_not_text():
    iv = parse(BOLD_QUESTIONS)
    assert "Don Watkins" in iv.labels
    assert not any("Don Watkins" in q for q, _, _ in qa(iv))


def test_bold_q_labels_with_several_interviewees_give_each_answer_its_own_pair():
    iv = parse(
        "Two maintainers on the toolkit\n\n**Q: What brought you to the toolkit?**\n\n"
        "**Kris:** I needed a way to manage a hundred servers.\n\n**Toshaan:** For me it was the community.\n\n"
        "**Q: What is hard about it today?**\n\n**Kris:** Upgrades.\n\n**Toshaan:** Documentation, mostly.\n"
    )
    assert [(q, s) for q, _, s in qa(iv)] == [
        ("What brought you to the toolkit?", "Kris"),
        ("What brought you to the toolkit?", "Toshaan"),
        ("What is hard about it today?", "Kris"),
        ("What is hard about it today?", "Toshaan"),
    ]


def test_question_headings_are_questions_and_a_heading_broken_over_two_lines_is_one():
    iv = parse(
        "Ten questions for a data scientist\n\nMaria Lopez builds forecasts for hospitals.\n\n"
        "## What do you do?\n\nI build models.\n\n### What would be your\n\n### dream setup?\n\nA quiet laptop.\n"
    )
    assert [(q, a) for q, a, _ in qa(iv)] == [
        ("What do you do?", "I build models."),
        ("What would be your dream setup?", "A quiet laptop."),
    ]


def test_in_a_heading_qa_a_question_mark_inside_an_answer_does_not_start_a_question():
    iv = parse(
        "Uses this: Sam Roe\n\n### Who are you, and what do you do?\n\nI draw maps. Why maps?\n\nBecause I get lost.\n\n"
        "### What hardware do you use?\n\nA pencil.\n"
    )
    assert len(iv.pairs) == 2 and iv.pairs[0].answer == "I draw maps. Why maps?\n\nBecause I get lost."


def test_prompts_ask_without_a_question_mark():
    iv = parse(
        "Five minutes with a firefighter\n\nQ: Tell us a bit about yourself.\nA: I drive a bus.\n\n"
        "Q: Describe a typical call-out.\nA: The pager goes.\n\nQ: Walk us through your training.\nA: Weekends.\n"
    )
    assert [q for q, _, _ in qa(iv)] == [
        "Tell us a bit about yourself.",
        "Describe a typical call-out.",
        "Walk us through your training.",
    ]


def test_a_post_that_asks_itself_questions_in_its_headings_is_not_an_interview():
    iv = parse(
        "Why I stopped using frameworks\n\nI have written web apps for fifteen years.\n\n## Why frameworks?\n\n"
        "They promise speed.\n\n## What went wrong?\n\nThe upgrades.\n\n## Conclusion\n\nWrite less code.\n"
    )
    assert iv.pairs == [] and iv.speakers == []
    assert any("not an interview" in line for line in iv.evidence)


def test_a_question_or_two_in_a_long_essay_are_the_authors():
    essay = "\n\n".join(f"Paragraph {n} of the essay, in the author's own words." for n in range(20))
    iv = parse(f"Notes on rivers\n\n{essay}\n\nWhy do rivers bend?\n\nBecause banks give way.\n\n{essay}\n")
    assert iv.pairs == []


def test_a_greeting_answered_by_an_opening_statement_is_lead():
    iv = parse(
        "Press briefing\n\nQ  Good afternoon.\n\nMS. ROE:  Good afternoon. Three things today. First, the budget.\n\n"
        "Q  What about the budget vote?\n\nMS. ROE:  It passes Friday.\n"
    )
    assert qa(iv) == [("What about the budget vote?", "It passes Friday.", "Ms. Roe")] or [q for q, _, _ in qa(iv)] == [
        "What about the budget vote?"
    ]
    assert "Three things today" in iv.lead


def test_recording_tools_speaker_and_time_labels_are_labels():
    iv = parse(
        "Flying with Peter Roe\n\n[Speaker 1] [00:00] Peter, you flew them for years. Why stop?\n"
        "[Speaker 2] [00:08] The paperwork, mostly.\n[Speaker 1] [00:20] And now what do you fly?\n"
        "[Speaker 2] [00:25] Nothing at all.\n"
    )
    assert [a for _, a, _ in qa(iv)] == ["The paperwork, mostly.", "Nothing at all."]


def test_a_name_in_capitals_alone_on_a_line_labels_the_words_under_it():
    iv = parse(
        "Versión estenográfica\n\nPresidencia\n---\nHUGO LÓPEZ-GATELL RAMÍREZ, SUBSECRETARIO DE SALUD\n"
        "Buenas tardes. Empezamos con el informe.\n---\nPREGUNTA\nBuenas tardes. ¿Cuántas camas hay?\n---\n"
        "HUGO LÓPEZ-GATELL RAMÍREZ\nHay dos mil camas.\n---\nPREGUNTA\n¿Y respiradores?\n---\n"
        "HUGO LÓPEZ-GATELL RAMÍREZ\nMil.\n"
    )
    assert [a for _, a, _ in qa(iv)] == ["Hay dos mil camas.", "Mil."]
    assert "Empezamos con el informe" in iv.lead


def test_captions_without_speakers_give_no_pairs():
    cues = "\n\n".join(f"{n}\n00:00:0{n}.000 --> 00:00:0{n}.900\nAre you there? Line {n}." for n in range(1, 6))
    iv = parse(f"WEBVTT\n\n{cues}\n", filename="episode-7.vtt")
    assert iv.pairs == [] and iv.title == "Episode 7" or iv.pairs == []
    assert not any("-->" in line for line in iv.lead.split("\n"))


def test_an_editors_roles_beat_the_parsers():
    text = (
        "Chat\n\nAnn: So the rivers of this valley have moved a mile since the war.\n\nBob: Why did they?\n\n"
        "Ann: Because the banks are sand and the floods came every spring for years.\n\nBob: And the lakes?\n\n"
        "Ann: The lakes stayed where they were, more or less, for all that time.\n"
    )
    assert {p.speaker for p in parse(text).pairs} == {"Ann"}
    corrected = parse(text, roles={"Ann": "asks", "Bob": "answers"})
    assert {p.speaker for p in corrected.pairs} == {"Bob"}
    assert any("the editor said so" in line for line in corrected.evidence)
    assert parse(text, roles={"Bob": "neither", "Ann": "answers"}).pairs == []


def test_a_split_decided_by_statistics_alone_needs_review_and_says_why():
    iv = parse(
        "Chat\n\nAnn: Why rivers?\n\nBob: They move.\n\nAnn: Tell me about lakes.\n\n"
        "Bob: They wait. Why would they not?\n\nAnn: And seas?\n\nBob: They roar.\n"
    )
    assert iv.needs_review
    assert any("“Ann” asks" in line for line in iv.evidence)


def test_a_split_whose_turns_settle_who_asks_beyond_doubt_does_not_need_review():
    iv = parse(
        "Chat\n\n"
        + "".join(
            f"Ann: And {w}?\n\nBob: They {v}.\n\n"
            for w, v in zip(
                "rivers lakes seas ponds brooks fens".split(), "move wait roar sit run soak".split(), strict=True
            )
        )
    )
    assert not iv.needs_review and len(iv.pairs) == 6
    assert any("the turns do" in line for line in iv.evidence)


def test_a_split_read_from_a_reporters_label_does_not_need_review():
    iv = parse("Briefing\n\nQ: Why rivers?\n\nMS. ROE: They move.\n\nQ: And lakes?\n\nMS. ROE: They wait.\n")
    assert not iv.needs_review and len(iv.pairs) == 2


def test_one_person_is_one_speaker_within_a_text():
    iv = parse(
        "Remarks by President Joe Roe\n\nQ: Why rivers?\n\nTHE PRESIDENT: They move.\n\n"
        "Q: And lakes, Mr. Roe?\n\nROE: They wait.\n\nQ: Joe Roe, what else?\n\nJOE ROE: Nothing.\n"
    )
    assert {p.speaker for p in iv.pairs} == {"Joe Roe"}
    assert [s.name for s in iv.speakers] == ["Joe Roe"]


def test_nobody_who_answers_nothing_is_a_speaker():
    iv = parse("Ann Lee, a farmer\n\nAnn Lee\n\nThe harvest was late this year, and nobody asked anything.\n")
    assert iv.speakers == []


def test_joint_labels_answer_as_one_named_after_the_people_behind_them():
    iv = parse(
        "Two maintainers\n\nKris Nova and Toshaan Bharvani answer together.\n\n**Q: What brought you here?**\n\n"
        "**Kris:** Servers.\n\n**Toshaan:** The community.\n\n**Q: What is hard?**\n\n**Kris:** Upgrades.\n\n"
        "**Toshaan:** Documentation.\n\n**Q: Where next?**\n\n**Both:** Everywhere.\n"
    )
    assert [p.speaker for p in iv.pairs][-3:] == ["Kris Nova", "Toshaan Bharvani", "Kris Nova and Toshaan Bharvani"]


def test_an_unlabelled_answer_among_labelled_ones_is_the_interviewees():
    iv = parse(
        "Talking toolkits with Ann Lee\n\n**Q:** What brought you to the toolkit?\n\n**A:** I needed to manage servers.\n\n"
        "**Q:** Tell us about the first release.\n\nIt was small. Three commands.\n\n**Q:** And now?\n\n**A:** Thousands do.\n"
    )
    assert [(p.question, p.answer, p.speaker) for p in iv.pairs] == [
        ("What brought you to the toolkit?", "I needed to manage servers.", "Ann Lee"),
        ("Tell us about the first release.", "It was small. Three commands.", "Ann Lee"),
        ("And now?", "Thousands do.", "Ann Lee"),
    ]


def test_the_lead_says_who_asks():
    iv = parse(
        "Rivers\n\nJo Roe sat down with Ann Lee in Paris.\n\nJo: Why do rivers bend, Ann?\n\nAnn: Because banks give way.\n\n"
        "Jo: And lakes?\n\nAnn: They wait.\n"
    )
    assert [(p.speaker, p.asker) for p in iv.pairs] == [("Ann Lee", "Jo Roe"), ("Ann Lee", "Jo Roe")]
    assert any("names them as the interviewer" in line for line in iv.evidence)


def test_the_source_addresss_site_is_the_outlet_when_nothing_else_names_one():
    iv = parse(
        "Rivers\nhttps://www.riverside-news.example/2024/rivers\n\nWhy do rivers bend, in your view?\n\nBanks give way.\n"
    )
    assert iv.outlet == "riverside-news.example"


EMAIL_INTERVIEW = """How a student wrote an operating system

An interview with Ana Ruiz, who started the Kestrel project in 1998.

**Lee Park: What made you start the project?**

I wanted a system I could read from top to bottom.

It took a year before anything booted.

**LP: Would you do anything differently?**

I would choose a licence sooner.
"""


def test_a_label_that_always_asks_in_bold_is_the_interviewer_and_the_plain_paragraphs_answer():
    iv = parse(EMAIL_INTERVIEW)
    assert qa(iv) == [
        (
            "What made you start the project?",
            "I wanted a system I could read from top to bottom.\n\nIt took a year before anything booted.",
            "Ana Ruiz",
        ),
        ("Would you do anything differently?", "I would choose a licence sooner.", "Ana Ruiz"),
    ]


PANEL_WITH_TITLES = """Teaching open source management

**Lee Park:** **How will students meet real projects?**

[**Mira Osei**][1]**,** **programme director at Halden College:** Every course pairs a student with a maintainer.

[**Tom Berg**][2]**, faculty:** And each term ends with a release.

**LP:** **What** **will** **the** **students** **receive?**

**MO:** A certificate, and a portfolio of merged work.

**TB:** Some of them receive job offers.

[1]: https://example.org/mira
[2]: https://example.org/tom
"""


def test_a_bold_name_with_a_title_labels_a_speaker_whose_initials_follow():
    iv = parse(PANEL_WITH_TITLES)
    assert [(p.speaker, p.answer) for p in iv.pairs] == [
        ("Mira Osei", "Every course pairs a student with a maintainer."),
        ("Tom Berg", "And each term ends with a release."),
        ("Mira Osei", "A certificate, and a portfolio of merged work."),
        ("Tom Berg", "Some of them receive job offers."),
    ]
    assert iv.pairs[2].question == "What will the students receive?"
    roles = {s.name: s.role for s in iv.speakers}
    assert roles["Mira Osei"] == "programme director at Halden College"


def test_reference_links_read_as_their_text_and_their_addresses_are_debris():
    iv = parse(PANEL_WITH_TITLES)
    everything = " ".join([iv.lead, iv.closing, *(p.question + p.answer for p in iv.pairs)])
    assert "][" not in everything and "example.org" not in everything
    assert "[1]: https://example.org/mira" in iv.discarded


HEARING = """Public hearing, day 4

**Chair**: Ms Okafor.

**Ms Okafor**: Thank you, Chair. Today's witness is Mr Daniel Price, please.

**Mr Daniel Price**: Good morning.

**Ms Okafor**: You are Daniel Price, and you were the permanent secretary in 2020?

**Mr Daniel Price**: I was.

**Ms Okafor**: When did you first hear of the outbreak, and from whom did you hear of it?

**Mr Daniel Price**: In January, from the chief medical officer, at a routine briefing.

**Ms Okafor**: Who else was at the briefing, and did anyone there take a note of it?

**Mr Daniel Price**: Two officials, and one of them kept a note, which the inquiry has.

**Ms Okafor**: And were you content with the advice that you were given at the time?

**Mr Daniel Price**: Broadly, yes, although I asked for a second opinion in February.

**Mr Ward**: A long question from the families, which the chair has allowed me to ask, about the weeks in March when the decisions were taken and the care homes were not told: why?

**Mr Daniel Price**: Because the advice changed, and we were slow to pass it on.
"""


def test_a_chair_giving_the_floor_is_lead_and_counsel_asks_however_long_one_questioner_talks():
    iv = parse(HEARING)
    assert iv.pairs[0].question.startswith("Thank you, Chair. Today's witness is Mr Daniel Price")
    assert "Ms Okafor." in iv.lead
    assert len(iv.pairs) == 6
    assert {p.speaker for p in iv.pairs} == {"Daniel Price"}


DEPOSITION = """                                                              4
 1                       ANN LEE,
 2  having been first duly sworn, was examined and testified as follows:
 3                          EXAMINATION
 4  BY MR. ROE:
 5       Q.   Good morning, Ms. Lee. Would you state your full
 6  name for the record, please?
 7       A.   Ann Marie Lee.
 8       Q.   Who is your employer?
 9       A.   Harbour Freight.
10            MS. TRAN:  Objection. Form.
11       Q.   How long have you driven for them, and on which
12  routes?
13       A.   Nine years, mostly the coast road.

        Roe Court Reporting  (555) 555-0142

                                                              5
 1       Q.   Did you drive on the night of the accident?
 2       A.   I did.
 3            MS. TRAN:  I'd like a short break before we go on to that.
 4       Q.   Were you alone in the cab?
 5       A.   Yes.

        Roe Court Reporting  (555) 555-0142

                                                              6
 1       Q.   Did anyone call you that night?
 2       A.   My dispatcher, twice.
 3       Q.   Thank you. Nothing further.

        Roe Court Reporting  (555) 555-0142
"""


def test_a_deposition_with_line_numbers_reads_as_q_and_a_and_counsel_is_not_the_witness():
    iv = parse("Deposition of Ann Lee\n\n" + DEPOSITION)
    assert [p.question for p in iv.pairs][:2] == [
        "Good morning, Ms. Lee. Would you state your full name for the record, please?",
        "Who is your employer?",
    ]
    assert len(iv.pairs) == 6
    assert "Roe Court Reporting  (555) 555-0142" in iv.discarded  # the footer of every page
    assert "I'd like a short break before we go on to that." in iv.pairs[4].question


EARNINGS_CALL = """Harbour Lines Q3 results call

Ann Lee (00:00:02):
Thank you, operator, and good morning. With me today are Tom Berg, our chief executive, and Mia Sand, our finance director.

Tom Berg (00:01:10):
Thank you, Ann. Volumes rose nine per cent in the quarter, and margins held.

Operator (00:05:00):
We will now begin the question-and-answer session. Our first question comes from Raj Patel with Northbank.

Raj Patel (00:05:12):
Thanks. Tom, how much of the volume growth came from the new routes?

Tom Berg (00:05:20):
About a third of it.

Operator (00:06:00):
Our next question comes from Eva Holm with Fjord Securities. Please go ahead.

Eva Holm (00:06:05):
Mia, what should we expect for fuel costs next year?

Mia Sand (00:06:12):
Flat, if the hedges hold.
"""


def test_on_a_call_the_operator_and_analysts_ask_and_who_opened_the_call_answers():
    iv = parse(EARNINGS_CALL)
    assert [p.speaker for p in iv.pairs] == ["Tom Berg", "Mia Sand"]
    assert iv.pairs[0].question.startswith("Operator: We will now begin")
    assert "Volumes rose nine per cent" in iv.lead


def test_podcast_speaker_lines_in_bold_with_a_time():
    iv = parse(
        "Fixed Costs 87\n\n**ROSA** · 00:00  \nWelcome back. Ama, what counts as repair?\n\n"
        "**AMA** · 00:12  \nAnything that keeps a thing in use.\n\n**BEN** · 00:20  \nAnd phones?\n\n"
        "**AMA** · 00:25  \nPhones most of all.\n"
    )
    assert [(p.speaker, p.answer) for p in iv.pairs] == [
        ("Ama", "Anything that keeps a thing in use."),
        ("Ama", "Phones most of all."),
    ]


def test_a_committee_question_number_is_not_part_of_the_questioner_label():
    iv = parse(
        "Oral evidence: storm overflows\n\nQ1 Chair: Good morning. Why do the overflows still spill so often?\n\n"
        "Dr Eze: Because the sewers were built for a smaller city.\n\nQ2 Chair: And who pays for the fix?\n\n"
        "Dr Eze: The bill payers, in the end.\n"
    )
    assert set(iv.labels) == {"Chair", "Dr Eze"} and len(iv.pairs) == 2
    assert {"Q1", "Q2"} <= set(iv.discarded)


def test_a_guest_introducing_herself_when_asked_is_not_a_host():
    iv = parse(
        "Glacier feature - raw\n\n[00:00:00] Maya Castellanos: Could you introduce yourself, the way you'd want it on air?\n\n"
        "[00:00:06] Ingrid Solberg: My name is Ingrid Solberg, I'm a glaciologist in Bergen.\n\n"
        "[00:00:20] Maya Castellanos: What does a glaciologist measure?\n\n"
        "[00:00:25] Ingrid Solberg: How much ice we lose, mostly.\n"
    )
    assert {p.speaker for p in iv.pairs} == {"Ingrid Solberg"}


def test_a_name_and_a_quotation_as_a_headline_is_no_speaker():
    iv = parse(
        "DIARIO DEL PLATA\n\nGraciela Pereyra: “El silbato pesa más en el vestuario”\n\n"
        "La primera mujer en dirigir un clásico se retira.\n\n¿Cómo se siente?\n\nR: Rara.\n\n"
        "P: ¿Por qué ahora?\n\nR: Porque el cuerpo me lo pidió.\n\nP: ¿Y después?\n\nR: A la tribuna.\n"
    )
    assert [p.question for p in iv.pairs] == ["¿Cómo se siente?", "¿Por qué ahora?", "¿Y después?"]


def test_an_email_reply_quoting_numbered_questions_is_a_q_and_a():
    iv = parse(
        "EMAIL INTERVIEW - for the coastline feature\n\nHi Sam,\n\nAnswers below, inline.\n\n"
        "> 1) What is a sand engine, in two sentences?\n\nA very large amount of sand, dumped in one place.\n\n"
        "> 2) What went wrong?\n\nThe dunes grew faster than expected.\n"
    )
    assert [p.question for p in iv.pairs] == ["What is a sand engine, in two sentences?", "What went wrong?"]
    assert "1)" in iv.discarded


def test_bold_questions_over_answers_labelled_with_one_name_read_as_that_persons_answers():
    iv = parse(
        "The engineer who mends the internet\n\n**How do you find a broken cable?**\n\n"
        "**Chidinma Okwuosa:** The operators know within milliseconds.\n\n"
        "**How long does a repair take?**\n\n**Okwuosa:** About a week in shallow water.\n\n"
        "It can be a month in deep water.\n\n**Do you get seasick?**\n\n**Okwuosa:** Never.\n"
    )
    assert [(p.speaker, p.answer) for p in iv.pairs] == [
        ("Chidinma Okwuosa", "The operators know within milliseconds."),
        ("Chidinma Okwuosa", "About a week in shallow water.\n\nIt can be a month in deep water."),
        ("Chidinma Okwuosa", "Never."),
    ]


def test_a_teams_caption_file_names_the_speaker_on_each_cues_first_line():
    cues = [
        ("Okonkwo, Chidi", "Thanks for joining. What happened to the crane?"),
        ("Sunniva Brekke", "A brake failed early in the morning."),
        ("Okonkwo, Chidi", "How long was it out?"),
        ("Sunniva Brekke", "Nine days."),
        ("Okonkwo, Chidi", "And what has changed since?"),
        ("Sunniva Brekke", "We keep spare brakes on site now."),
    ]
    text = "WEBVTT\n\n" + "".join(
        f"00:00:{2 * i:02d}.000 --> 00:00:{2 * i + 1:02d}.500\n{name}\n{words}\n\n"
        for i, (name, words) in enumerate(cues)
    )
    iv = parse(text, filename="crane-outage.vtt")
    assert [(p.question, p.answer) for p in iv.pairs] == [
        ("Thanks for joining. What happened to the crane?", "A brake failed early in the morning."),
        ("How long was it out?", "Nine days."),
        ("And what has changed since?", "We keep spare brakes on site now."),
    ]
    assert {p.speaker for p in iv.pairs} == {"Sunniva Brekke"}


def test_html_entities_read_as_the_characters_they_stand_for():
    iv = parse(
        "<p>Streetwise</p>\n\n<p><strong>Why Bogot&aacute;?</strong></p>\n\n<p>It&rsquo;s my city &mdash; always.</p>\n"
    )
    assert iv.title == "Streetwise"
    assert "Bogotá" in iv.lead + " ".join(p.question for p in iv.pairs)
    assert "It’s my city — always." in iv.lead + " ".join(p.answer for p in iv.pairs)


def test_numbered_questions_are_the_interviewers_where_the_text_says_it_is_an_interview():
    interview = parse(
        "Lanternjam: a Q&A with the maker of Tidewright\n\nWe spoke with Ravi Chowdhury about his puzzle game.\n\n"
        "1. How did Tidewright start?\n\nWith a bath that would not drain. I watched the water for an hour.\n\n"
        "2. What do you cut first when a level is too hard?\n\nThe second idea. A level should teach one thing.\n"
    )
    listicle = parse(
        "Adopting a greyhound: questions to ask first\n\nBefore you bring a retired racer home, think it through.\n\n"
        "1. Do you have a secure garden?\n\nGreyhounds need a fence of at least five feet.\n\n"
        "2. Are there cats in the house?\n\nMany greyhounds can be tested for cat tolerance.\n"
    )
    assert [p.question for p in interview.pairs] == [
        "How did Tidewright start?",
        "What do you cut first when a level is too hard?",
    ]
    assert listicle.pairs == []


def test_portuguese_dash_markers():
    iv = parse(
        "Escolinha de surfe adaptado\n\nConversamos com Marta Figueiredo.\n\n"
        "P – Como surgiu a ideia?\n\nR – Por causa de um aluno.\n\nP – O que muda na aula?\n\nR – Quase tudo se adapta.\n"
    )
    assert [p.answer for p in iv.pairs] == ["Por causa de um aluno.", "Quase tudo se adapta."]


GENERIC_LABELS = """The frontend of the computer

[Speaker 1] [00:07] Welcome to both of you, and thanks for joining us. So where did the console start?
[Speaker 3] [00:14] Thanks for having us. It started with a serial port and a lot of swearing, honestly, because nothing else on the board was ready and we needed to see what the service processor was doing while it booted.
[Speaker 2] [00:21] And what did the first version look like?
[Speaker 4] [00:28] A terminal. Just text scrolling past, with colours that we picked by arguing about them in a meeting that went on far too long, and then a second meeting to undo the first.
[Speaker 1] [00:35] Why not a web page from day one?
[Speaker 3] [00:42] Because the web page needs the network, and the network was the thing we were debugging at the time, so a page would have hidden exactly the failures we needed to watch.
[Speaker 2] [00:49] So it stayed.
[Speaker 4] [00:56] It stayed for a year, and people still ask for it back now that the graphical console is the default on every rack we ship to a customer.
"""


def test_in_generic_labels_who_welcomes_asks_and_who_thanks_for_being_had_answers():
    iv = parse(GENERIC_LABELS)
    assert [(p.speaker, " ".join(p.answer.split()[:4])) for p in iv.pairs] == [
        ("Speaker 3", "Thanks for having us."),
        ("Speaker 4", "A terminal. Just text"),
        ("Speaker 3", "Because the web page"),
        ("Speaker 4", "It stayed for a"),
    ]
    assert any("“Speaker 1” asks: a host: welcomes the guest" in line for line in iv.evidence)
    assert any("“Speaker 3” answers: a guest: thanks the hosts for having them" in line for line in iv.evidence)


def test_thanks_for_having_me_between_two_who_ask_nothing_is_no_interview():
    iv = parse(
        "Remarks before their meeting\n\n"
        "SECRETARY GENERAL MOLL: Welcome, Mr. President, it is good to see you here so soon after our last summit.\n\n"
        "PRESIDENT ARDEN: Thank you very much for having me. We will welcome two new members at this summit.\n\n"
        "SECRETARY GENERAL MOLL: We will. The alliance is stronger for it, and our meeting today shows it.\n"
    )
    assert iv.pairs == []


def test_a_guest_named_in_the_hosts_next_turn_goes_on_with_the_list_of_guests():
    iv = parse(
        "Programmable ink\n\n"
        "Ada Wong (00:00:04) - Hello and welcome. I'm Ada Wong, joined by our guests today, Jim Lind.\n\n"
        "Jim Lind (00:00:10) - Hey there.\n\n"
        "Ada Wong (00:00:11) - And Sam Kali.\n\n"
        "Sam Kali (00:00:12) - Hello.\n\n"
        "Ada Wong (00:00:13) - Sam, what are you drawing with these days?\n\n"
        "Sam Kali (00:00:15) - A stylus and a notebook that runs code, mostly for sketches of tools.\n"
    )
    assert [p.speaker for p in iv.pairs] == ["Jim Lind", "Sam Kali", "Sam Kali"]


def test_a_label_that_says_nothing_does_not_cut_an_answer_in_two():
    iv = parse(
        "Programmable ink\n\n"
        "Ada Wong (00:00:04) - Hello and welcome. Our guests today are Jim Lind and Sam Kali.\n\n"
        "Jim Lind (00:00:10) - Hey there.\n\n"
        "Ada Wong (00:00:20) - Jim, how do you make a cocktail for forty people?\n\n"
        "Jim Lind (00:00:25) - I batch it the day before,\n\n"
        "Sam Kali (00:00:31) -\n\n"
        "Jim Lind (00:00:31) - and keep it in a keg, cold and ready to pour.\n"
    )
    assert len(iv.pairs) == 2
    assert iv.pairs[-1].speaker == "Jim Lind"
    assert "keep it in a keg" in iv.pairs[-1].answer


def test_italian_d_and_r_marks_ask_and_answer():
    iv = parse(
        "«Un violino si ascolta prima con le mani»\n\n"
        "Lucia Ferraresi è una delle poche liutaie under 40 di Cremona. L'abbiamo incontrata in bottega.\n\n"
        "D: Come si diventa liutaia?\n\n"
        "R: Per caso. Il liutaio che riparò il mio violino mi lasciò guardare mentre lavorava.\n\n"
        "Pubblicità\n\n"
        "D: Quanto tempo serve per costruire un violino?\n\n"
        "R: Circa tre mesi di lavoro vero, distribuiti su un anno.\n"
    )
    assert [p.question for p in iv.pairs] == [
        "Come si diventa liutaia?",
        "Quanto tempo serve per costruire un violino?",
    ]
    assert iv.pairs[-1].answer == "Circa tre mesi di lavoro vero, distribuiti su un anno."


def test_a_meetings_minutes_with_agenda_questions_are_no_interview():
    iv = parse(
        "ELM ROAD RESIDENTS' ASSOCIATION\nMinutes of the Committee Meeting\nheld on 3 March 2025\n\n"
        "Present: Ann Lee (Chair), Bo Park (Treasurer)\n\n"
        "Q: Should the subscription rise?\n\n"
        "Discussion: BP presented two options. AL noted that costs have risen by a third.\n\n"
        "Decision: A rise of £2 from April. Carried 4-1.\n\n"
        "Q: Can the hall be booked for the summer fair?\n\n"
        "Discussion: AL has asked the parish; a reply is expected this month.\n"
    )
    assert iv.pairs == []
    assert (
        "not an interview: the opening says it is a page of questions, a speech, minutes, an essay or letters"
        in iv.evidence
    )


def test_a_web_pages_html_source_reads_paragraph_by_paragraph_with_its_bold_questions():
    iv = parse(
        "<html><body>\n<h1>&ldquo;A bike lane is a promise&rdquo;</h1>\n"
        '<p class="dek">Catalina Restrepo built Bogot&aacute;&rsquo;s cycle network. We asked her what works.</p>\n'
        "<p><strong>What did you find when you arrived?</strong></p>\n"
        "<p>Paint and prayers. A department afraid of cycling.</p>\n"
        "<p>And a mayor who wanted results by Christmas.</p>\n"
        "<p><strong>Do you still ride every day?</strong></p>\n"
        "<p>Every day, <strong>rain or not</strong>.</p>\n"
        "</body></html>\n"
    )
    assert iv.title == "“A bike lane is a promise”"
    assert [(p.question, p.answer) for p in iv.pairs] == [
        (
            "What did you find when you arrived?",
            "Paint and prayers. A department afraid of cycling.\n\nAnd a mayor who wanted results by Christmas.",
        ),
        ("Do you still ride every day?", "Every day, rain or not."),
    ]


def test_in_a_thread_the_original_poster_answers_and_the_commenters_ask():
    iv = parse(
        "r/FieldworkAMA\n\nPosted by u/ines_h · 9h\n\nI'm Ines, a glaciologist back from 14 months on an ice shelf. Ask me anything!\n\n"
        "marrow_and_moss · 9h\nWhat was the coldest temperature you experienced?\n\n⬆ 2.1k   Reply   Share\n\n"
        "    ines_h OP · 9h\n    Minus 47, in late July, with a bit of wind on top.\n\n    ⬆ 1.6k   Reply   Share\n\n"
        "bergy_bit · 8h\nI was a cook at a station on the Ross Ice Shelf back in 2009 and the winter nearly broke me.\n\n"
        "⬆ 300   Reply   Share\n\n"
        "    ines_h OP · 8h\n    Cooks are the real heroes of every winter.\n\n"
        "lowtide_lars · 1h\nHow much did the expedition cost?\n\n⬆ 2   Reply   Share\n"
    )
    assert [(p.question[:24], p.answer, p.speaker) for p in iv.pairs] == [
        ("What was the coldest tem", "Minus 47, in late July, with a bit of wind on top.", "ines_h"),
        ("I was a cook at a statio", "Cooks are the real heroes of every winter.", "ines_h"),
    ]
    assert "Reply" not in iv.closing and "How much did the expedition cost?" in iv.closing
    assert "“ines_h” answers: the thread marks them as its original poster (OP)" in iv.evidence


def test_on_a_phone_in_callers_ask_and_the_presenter_who_welcomes_the_guest_asks_with_them():
    iv = parse(
        "THE NIA BOWEN PHONE-IN\n\n"
        "NIA BOWEN: Good afternoon. We have an adviser in the studio to take your calls. Rosalind Achterberg "
        "runs the Warm Homes helpline. Rosalind, welcome. Why are bills still this high?\n\n"
        "ROSALIND ACHTERBERG: Thanks, Nia. The cap follows wholesale prices with a lag.\n\n"
        "NIA BOWEN: The lines are full. Maria is in Leeds. Hello, Maria.\n\n"
        "CALLER (Maria, Leeds): Hiya Nia. I'm on a prepayment meter. Is that costing me more than a direct debit?\n\n"
        "ROSALIND: Not any more, Maria. The premium was removed last year.\n\n"
        "NIA BOWEN: And Dev is in Huddersfield. Dev, what's your question?\n\n"
        "CALLER (Dev, Huddersfield): Should I leave the heating on low all day or put it on when I need it?\n\n"
        "ROSALIND: On when you need it, in most homes.\n"
    )
    assert [p.speaker for p in iv.pairs] == ["Rosalind Achterberg"] * 3
    assert any("“NIA BOWEN” asks" in line for line in iv.evidence)


def test_a_voice_over_neither_asks_nor_answers():
    iv = parse(
        "Sunday Profile\n\n"
        "HOST (voice-over): In a back room in Surulere, Adebayo Okafor keeps eleven trumpets.\n\n"
        "INTERVIEWER: Mr Okafor, eleven trumpets. Why eleven?\n\n"
        "ADEBAYO OKAFOR: Because each one has a story.\n\n"
        "HOST (voice-over): He grew up in Ibadan, the son of a schoolteacher.\n\n"
        "ADEBAYO OKAFOR: My father wanted an engineer.\n\n"
        "INTERVIEWER: Do you still practise every day?\n\n"
        "ADEBAYO OKAFOR: Every day. Two hours.\n"
    )
    assert [p.answer.split("\n\n")[0] for p in iv.pairs] == ["Because each one has a story.", "Every day. Two hours."]


def test_minutes_open_so_however_long_their_heading():
    iv = parse(
        "LITTLE ASHCOMBE PARISH COUNCIL\n\n"
        "MINUTES of the Ordinary Meeting of the Parish Council held on Tuesday 8 April 2025 at 7.30pm "
        "in the Jubilee Room, Little Ashcombe Village Hall\n\n"
        "25/041 APOLOGIES FOR ABSENCE: Apologies were received from Cllr Ferris. Were any others expected?\n\n"
        "25/042 PUBLIC PARTICIPATION: A resident asked about the bus shelter. The Clerk will write to the county.\n\n"
        "25/043 POLICE REPORT: Could the PCSO attend in May? She will, if rostered.\n\n"
        "25/044 PLANNING: No applications were received this month.\n"
    )
    assert iv.pairs == []


def test_times_on_lines_of_their_own_are_debris_between_turns():
    iv = parse(
        "Interview recording 12-09-2024 - transcript\n\n"
        "00:00:02\nSpeaker 1: So, welcome, and thanks again for agreeing to do this. How did you start?\n\n"
        "00:00:21\nSpeaker 2: By accident. A friend needed an interpreter at a clinic.\n\n"
        "00:01:05\nSpeaker 1: And what changed after that first day?\n\n"
        "00:01:09\nSpeaker 2: I stopped being afraid of my second language.\n"
    )
    assert [p.answer for p in iv.pairs] == [
        "By accident. A friend needed an interpreter at a clinic.",
        "I stopped being afraid of my second language.",
    ]


def test_a_generic_speaker_label_in_brackets_needs_no_time():
    iv = parse(
        "Ep. 87: the seed library\n\n"
        "[Speaker 1] Hello and welcome to The Long Table. I'm Marcus.\n\n"
        "[Speaker 2] And I'm Yui. Our guest today runs a seed library. Welcome, Halima!\n\n"
        "[Speaker 3] Thank you for having me. It's lovely to be here.\n\n"
        "[Speaker 1] How did the library start?\n\n"
        "[Speaker 3] With one biscuit tin of bean seeds in the creamery's old office.\n\n"
        "[Speaker 2] And how many varieties now?\n\n"
        "[Speaker 3] Three hundred and twelve, at the last count.\n"
    )
    assert [p.speaker for p in iv.pairs] == ["Speaker 3"] * 3
    assert iv.pairs[-1].answer == "Three hundred and twelve, at the last count."


def test_a_static_sites_front_matter_gives_title_date_and_interviewer():
    iv = parse(
        '---\ntitle: "Meet the volunteers: Lorenzo Bassani of the Bike Kitchen"\nauthor: Hye-jin Park\n'
        "date: 2025-08-03\ncategories: [volunteers]\n---\n\n"
        "Lorenzo runs the Saturday workshop. We spoke in the workshop, between repairs.\n\n"
        "*What is a bike kitchen, for people who have never been to one?*\n\nA workshop where you fix your own bike.\n\n"
        "*Where do the parts come from?*\n\nDonations, mostly, and the council's lost property.\n\n"
        "*What comes next for the workshop?*\n\nA second stand and a Wednesday evening.\n"
    )
    assert (iv.title, iv.interviewer, str(iv.published)) == (
        "Meet the volunteers: Lorenzo Bassani of the Bike Kitchen",
        "Hye-jin Park",
        "2025-08-03",
    )
    assert [p.answer for p in iv.pairs] == [
        "A workshop where you fix your own bike.",
        "Donations, mostly, and the council's lost property.",
        "A second stand and a Wednesday evening.",
    ]


PANEL = """Can our harbours adapt? A panel on rising tides

Online panel, 3 March 2025
Moderator: Lena Okafor, Director, Coastal Futures
Panelists: Tomas Berg, harbour master; Dr Ines Vale, engineer

Lena Okafor: Welcome, everyone, and thank you for joining us. Tomas, what changed after the storm?

Tomas Berg: We raised the quay by forty centimetres, and we stopped pretending it was enough.

Lena Okafor: Ines, would you add anything?

Dr Ines Vale: Only that forty centimetres buys us about twenty years.

Lena Okafor: And after those twenty years?

Dr Ines Vale: We move the harbour, or we build a wall.

Tomas Berg: Or both, in my view.
"""


def test_a_cast_list_above_the_first_turn_names_who_is_who_and_is_no_turn():
    iv = parse(PANEL)
    assert iv.pairs[0].question == (
        "Welcome, everyone, and thank you for joining us. Tomas, what changed after the storm?"
    )
    assert iv.interviewer == "Lena Okafor"
    assert "Moderator: Lena Okafor, Director, Coastal Futures" in iv.metadata_lines
    assert [p.speaker for p in iv.pairs] == ["Tomas Berg", "Ines Vale", "Ines Vale", "Tomas Berg"]


def test_a_host_line_over_another_line_gives_the_host_and_keeps_the_other_line_as_lead():
    iv = parse(
        "KITCHEN RADIO — Episode 4\n\nHost: Noor Adeyemi · Recorded 3 May 2025\n"
        "Transcript corrected by hand\n\n"
        "Noor Adeyemi: Welcome back. What did you cook first, as a child?\n\n"
        "Mira Solberg: Pancakes, and badly.\n\n"
        "Noor Adeyemi: And now?\n\nMira Solberg: Still pancakes, and well.\n"
    )
    assert iv.interviewer == "Noor Adeyemi"
    assert "Transcript corrected by hand" in iv.lead
    assert [p.answer for p in iv.pairs] == ["Pancakes, and badly.", "Still pancakes, and well."]


def test_a_host_who_greets_is_a_turn_not_a_cast_list():
    iv = parse(
        "Morning show\n\nHost: Welcome back, everyone. Who is with us today?\n\n"
        "Guest: Me, Ana, from the bakery.\n\nHost: What do you bake first?\n\nGuest: Rye bread.\n"
    )
    assert [p.question for p in iv.pairs] == [
        "Welcome back, everyone. Who is with us today?",
        "What do you bake first?",
    ]
    assert iv.metadata_lines == []


def test_a_hearing_names_the_witness_it_swears_in_and_a_body_is_no_person():
    iv = parse(
        "The Marsh Lane Bridge Inquiry\n\nDay 4\n\n"
        "MS HALE: Good morning. The next witness is Mr Owen Price.\n\n"
        "MR OWEN GARETH PRICE (sworn)\n\n"
        "Q. Could you give the Inquiry your full name, please?\n\n"
        "A. Owen Gareth Price.\n\n"
        "Q. You inspected the bridge in 2021?\n\nA. I did, twice.\n"
    )
    assert {p.speaker for p in iv.pairs} == {"Owen Gareth Price"}
    assert all("Inquiry" not in s.name for s in iv.speakers)


def test_in_a_chat_pasted_by_its_author_me_asks():
    iv = parse(
        "tiny chats #3: ola keeps bees\n\nwe chatted late on a sunday.\n\n"
        "me: ok we're on. how many hives have you got right now?\n"
        "ola: eleven. twelve if you count the sulky one\n"
        "me: ha\n"
        "ola: it really is sulky\n"
        "me: what's the worst sting you ever had?\n"
        "ola: eyelid. 2019. never again\n"
    )
    assert [p.question for p in iv.pairs] == [
        "ok we're on. how many hives have you got right now?",
        "what's the worst sting you ever had?",
    ]
    assert iv.pairs[0].answer.endswith("it really is sulky")


def test_one_label_on_every_question_asks_and_the_unlabelled_paragraphs_answer():
    iv = parse(
        "Le Petit Journal\n\nEntretien avec la gérante du cinéma.\n\n"
        "LPJ : Comment est née l’idée ?\n\nPar hasard, pendant le confinement.\n\n"
        "LPJ : Parlez-nous de la première séance.\n\nIl pleuvait, et la salle était pleine.\n\n"
        "LPJ : Et aujourd’hui ?\n\nSoixante bénévoles.\n"
    )
    assert [p.question for p in iv.pairs] == [
        "Comment est née l’idée ?",
        "Parlez-nous de la première séance.",
        "Et aujourd’hui ?",
    ]
    assert "the only label, on the questions" in " ".join(iv.evidence)


def test_a_name_with_its_title_in_capitals_then_the_surname_alone_is_one_speaker():
    iv = parse(
        "FACE TO FACE\n\nRUSH TRANSCRIPT\n\n"
        "ANNA BRANDT, METRO HOST: Good evening. Tonight, the housing minister. Minister, thanks for coming in.\n\n"
        "EDA OKONJO, HOUSING MINISTER: Thank you, Anna. Good to be here.\n\n"
        "BRANDT: Rents are up eleven percent. Isn't that on you?\n\n"
        "OKONJO: I take responsibility for what this government does.\n\n"
        "BRANDT: With respect, that's what they all say.\n\n"
        "OKONJO: And they are right to.\n\n"
        "BRANDT: Will you lose the vote?\n\nOKONJO: No.\n"
    )
    assert len(iv.pairs) == 3
    assert [(s.name, s.role) for s in iv.speakers] == [("Eda Okonjo", "Housing Minister")]
    assert {p.asker for p in iv.pairs} == {"Anna Brandt"}


NAME_LINE_CALL = """Northwind Freight Q2 Earnings Call Transcript

Question-and-Answer Session

Operator

Our first question comes from the line of Dana Ruiz-Okoro with Harbor Securities. Your line is open.

Dana Ruiz-Okoro

Thanks. Volumes were up six percent. What drove that?

Ola Berg

Mostly the new Antwerp hub, which came on line in May.

Dana Ruiz-Okoro

Great, thanks very much.

Operator

Our next question comes from Sam Lee with Pine Capital.

Sam Lee

Is the dividend safe?

Ola Berg

Yes.
"""


def test_names_alone_on_their_lines_label_the_paragraphs_below_and_the_operator_gives_the_floor():
    iv = parse(NAME_LINE_CALL)
    # The analyst's thanks is an interjection: it stays where it falls, in the answer.
    assert [p.answer.split("\n")[0] for p in iv.pairs] == [
        "Mostly the new Antwerp hub, which came on line in May.",
        "Yes.",
    ]
    assert {p.speaker for p in iv.pairs} == {"Ola Berg"}
    assert {p.asker for p in iv.pairs} == {"Dana Ruiz-Okoro", "Sam Lee"}


THREAD_PAGE = """I keep bees on a London roof. AMA!

level 1
rooftop_rae
OP
•
2d ago

Hi all! Ask me anything about urban beekeeping.

1.2K
Reply
Share

level 1
honeyhunter
•
2d ago

How many hives fit on one roof?

412
Reply
Share
Report
Save
Follow

level 2
rooftop_rae
OP
•
2d ago

Four, and the landlord thinks that is three too many.

388
Reply

level 1
waggle_dance
•
1d ago

Do the bees ever sting the neighbours?

97
Reply
"""


def test_a_comment_header_spread_over_lines_reads_as_one_and_scores_are_debris():
    iv = parse(THREAD_PAGE)
    assert [(p.question, p.answer) for p in iv.pairs] == [
        ("How many hives fit on one roof?", "Four, and the landlord thinks that is three too many.")
    ]
    assert {"412", "388", "level 2"} <= set(iv.discarded)


def test_the_reporters_reply_to_an_officials_greeting_is_lead_with_the_opening_statement():
    iv = parse(
        "Conferencia de prensa matutina\n\n"
        "SECRETARIA DE GOBERNACIÓN, ROSA ICELA RODRÍGUEZ\nBuenos días, buenos días. ¿Cómo están?\n\n"
        "PREGUNTA\nBien, ¿y usted?\n\n"
        "SECRETARIA DE GOBERNACIÓN, ROSA ICELA RODRÍGUEZ\nBien. Hoy presentamos el programa de pensiones.\n\n"
        "PREGUNTA\nBuenos días, secretaria. ¿Cuántas personas recibirán la pensión?\n\n"
        "SECRETARIA DE GOBERNACIÓN, ROSA ICELA RODRÍGUEZ\nCerca de 800 mil personas.\n"
    )
    assert [(p.question, p.answer) for p in iv.pairs] == [
        ("Buenos días, secretaria. ¿Cuántas personas recibirán la pensión?", "Cerca de 800 mil personas.")
    ]
    assert "Bien, ¿y usted?" in iv.lead


def test_a_question_heading_broken_over_a_blank_line_ends_in_the_plain_paragraph_below():
    iv = parse(
        "Workbench notes\n\nPosted by Hal Petrakis\n\nI spoke with the harpsichord maker Ana Costa in her workshop.\n\n"
        "### You trained as a joiner first. What made you switch to instruments, and\n\n"
        "why harpsichords of all things?\n\n"
        "A book in the library, in French.\n\n"
        "### Tell me about the soundboards.\n\nThe soundboard is the instrument.\n"
    )
    assert [p.question for p in iv.pairs] == [
        "You trained as a joiner first. What made you switch to instruments, and why harpsichords of all things?",
        "Tell me about the soundboards.",
    ]


def test_a_story_that_reports_questions_then_prints_excerpts_has_both_as_pairs():
    iv = parse(
        "EXCLUSIVE-Harbour board chief says port will stay public\n\nBy Ann Roe\n\n"
        "OSLO, May 2 (NNS) - The head of the harbour board said on Friday the port would stay public.\n\n"
        "Asked whether the board would sell the south quay, Tom Keast said no.\n\n"
        "“We are not selling anything this year,” he said.\n\n"
        "When pressed on the cost of dredging, Keast said: “It is high, and it will get higher.”\n\n"
        "Excerpts from the interview follow.\n\n"
        "Q: What happens to the ferries?\n\n“They stay where they are.”\n\n"
        "Q: And the cruise ships?\n\n“They will have to wait.”\n"
    )
    assert len(iv.pairs) == 4
    assert iv.pairs[0].question.startswith("Asked whether the board would sell the south quay")
    assert iv.pairs[-1].answer == "“They will have to wait.”"


def test_a_speech_whose_text_may_differ_from_delivery_is_not_an_interview():
    iv = parse(
        "Ministry of Ports\n\nSpeech\nThe next fifty years\n\n"
        "Delivered on: 11 June 2025 (Original script, may differ from delivered version)\n\n"
        "Thank you, Chair, and good evening.\n\nWhat kind of port do you want to leave your children?\n\n"
        "That is the question I want to leave with you tonight.\n\nAnd how will you pay for it?\n\n"
        "Not with the old tolls, and not with the old quays.\n\nWho will work here?\n\nPeople we train.\n"
    )
    assert iv.pairs == []


def test_a_hearings_procedural_lines_are_nobodys_words():
    iv = parse(
        "THE BRIDGE INQUIRY\n\nDay 3\n\nTHE CHAIR: Good morning, everyone. Ms Okoro.\n\n"
        "MS OKORO: Thank you, Chair.\n\nMR DESMOND KEANE (affirmed)\n\n"
        "Examination by MS OKORO (Counsel to the Inquiry)\n\n"
        "Q. Mr Keane, could you please give the Inquiry your full name?\n\nA. Desmond Patrick Keane.\n\n"
        "Q. You were the bridge engineer?\n\nA. I was.\n"
    )
    assert iv.pairs[0].question == "Mr Keane, could you please give the Inquiry your full name?"
    assert {p.speaker for p in iv.pairs} == {"Desmond Keane"}
    assert "Examination by MS OKORO (Counsel to the Inquiry)" in iv.discarded


def test_a_press_conference_printed_with_check_against_delivery_is_still_one():
    iv = parse(
        "Joint press conference by the Prime Minister and the President\n\n"
        "Check against delivery.\n\n"
        "PRIME MINISTER AASLAND: Good afternoon. We have signed three agreements today.\n\n"
        "MODERATOR: The first question is from Kari Nyland, Vestposten.\n\n"
        "QUESTION (Kari Nyland, Vestposten): What will the cable cost?\n\n"
        "PRIME MINISTER AASLAND: About four billion euros.\n"
    )
    assert [p.answer for p in iv.pairs] == ["About four billion euros."]


def test_a_clip_played_in_a_radio_interview_is_part_of_the_question_and_witnesses_is_no_speaker():
    iv = parse(
        "RADIO ONE — THE MORNING PROGRAMME\n\n"
        "PRESENTER: The minister was on this programme yesterday. Let's remind ourselves what he said.\n\n"
        "ALDOUS FERRIS (CLIP): Every one of these targets is backed by land.\n\n"
        "PRESENTER: So the land is there. What's wrong with that?\n\n"
        "PENNOCK: None of it is true in the way he said it.\n\n"
        "PRESENTER: Would you stand for the leadership?\n\nPENNOCK: There isn't a vacancy.\n\n"
        "Witnesses: Mark Holloway and Seren Price.\n"
    )
    assert [p.speaker for p in iv.pairs] == ["Pennock", "Pennock"]
    assert iv.pairs[0].question.endswith("What's wrong with that?")
    assert "ALDOUS FERRIS (CLIP): Every one of these targets is backed by land." in iv.pairs[0].question


QUESTION_TIME = """Housing, Communities and Local Government

The Secretary of State was asked—

Social Housing: Waiting Lists

1. Ms Dana Whitlock (Eastfield) (Lab): What recent assessment she has made of waiting lists for social housing. [901441]

The Minister for Housing (Tom Reyes): Just over 1.3 million households are on waiting lists.

Ms Whitlock: Will he meet me and the council to look at what more can be done for families in bed and breakfasts?

Tom Reyes: I would be very glad to meet my hon. Friend.

Hon. Members: Hear, hear!

Mr Speaker: Order. Question 2.

T1. [901461] Helen Ashdown (Kingsbridge North) (LD): If she will make a statement on her departmental responsibilities.

The Secretary of State for Housing, Communities and Local Government (Priya Castellan): This week we published the remediation figures.

Helen Ashdown: When will the families from Ferris Court go home?

Priya Castellan: By the summer, I am told.
"""


def test_at_question_time_members_ask_and_ministers_labelled_by_office_answer():
    iv = parse(QUESTION_TIME)
    assert [p.speaker for p in iv.pairs] == ["Tom Reyes", "Tom Reyes", "Priya Castellan", "Priya Castellan"]
    assert iv.pairs[0].question.startswith("What recent assessment she has made")
    assert iv.pairs[1].answer.startswith("I would be very glad to meet my hon. Friend.")
    assert [(s.name, s.role) for s in iv.speakers] == [
        ("Tom Reyes", "Minister for Housing"),
        ("Priya Castellan", "Secretary of State for Housing, Communities and Local Government"),
    ]


def test_where_answers_carry_the_labels_every_bold_paragraph_before_one_asks():
    iv = parse(
        "DEEP WATER REVIEW\n\nWe spoke to the cable engineer Chidinma Okwuosa.\n\n"
        "**How does a cable on the sea floor break?**\n\n**Chidinma Okwuosa:** Mostly trawlers.\n\n"
        "**Let’s talk about the weather.**\n\n**Okwuosa:** It decides everything.\n\n"
        "**Chidinma Okwuosa, thank you.**\n\n**Okwuosa:** Thank you.\n"
    )
    assert [p.question for p in iv.pairs] == [
        "How does a cable on the sea floor break?",
        "Let’s talk about the weather.",
        "Chidinma Okwuosa, thank you.",
    ]


def test_at_a_town_hall_the_representative_answers_after_an_opening_statement():
    iv = parse(
        "TRANSCRIPT: Rep. Marcus Holloway Town Hall\n\n"
        "MODERATOR: Good evening, everybody, and welcome to tonight's town hall. Representative, the floor is yours.\n\n"
        "REP. HOLLOWAY: Thank you, Carla. Three things happened in Springfield this session.\n\n"
        "AUDIENCE MEMBER (Gwen Talbot): When does construction on the bridge start?\n\n"
        "REP. HOLLOWAY: Next spring.\n\n"
        "AUDIENCE MEMBER (Luis Ocampo): And the school funding formula?\n\n"
        "REP. HOLLOWAY: That fight isn't over.\n"
    )
    assert [p.answer for p in iv.pairs] == ["Next spring.", "That fight isn't over."]
    assert "Three things happened in Springfield this session." in iv.lead


def test_a_documentary_transcript_with_frame_timecodes_and_a_record_sheet_under_its_credits():
    iv = parse(
        "THE LAST KEEPERS\nA film by Saoirse Dunleavy\nInterview transcript – Tape 14\n"
        "Subject: BERNARD QUILLIGAN, former principal keeper\nLocation: Ballyvane, Co. Clare\n"
        "Date shot: 11 August 2023\nInterviewer: Saoirse Dunleavy (off camera)\n\n"
        "01:00:41:12  INTERVIEWER: Okay, we're rolling. Could you say your name?\n\n"
        "01:00:46:03  BERNARD QUILLIGAN: Bernard Quilligan.\n\n"
        "01:00:55:20  INTERVIEWER: How did you come to the job?\n\n"
        "01:00:58:07  BERNARD QUILLIGAN: My uncle was a keeper.\n"
    )
    assert [p.question for p in iv.pairs] == [
        "Okay, we're rolling. Could you say your name?",
        "How did you come to the job?",
    ]
    assert (iv.interviewer, str(iv.published)) == ("Saoirse Dunleavy", "2023-08-11")
    assert "A film by Saoirse Dunleavy" in iv.lead


def test_an_advice_columns_letters_and_replies_are_not_an_interview():
    iv = parse(
        "Dear Ada: “My sister wants money again”\n\nOur agony aunt answers your questions.\n\n"
        "Dear Ada,\n\nMy sister has asked me to lend her money. Am I being mean? How do I say no?\n\n"
        "Signed,\nWorried in Leeds\n\nDear Worried,\n\nYou're not being mean. You are being asked to carry too much.\n\n"
        "Share this article: Facebook | WhatsApp | Email\n"
    )
    assert iv.pairs == []
    assert "Share this article: Facebook | WhatsApp | Email" in iv.discarded


def test_a_polish_conversation_with_a_bold_standfirst_and_bold_questions():
    iv = parse(
        "Ratowniczka z Bieszczad: „Góry nie wybaczają pośpiechu”\n\nTurystyka › Rozmowy\n\n"
        "**Od szesnastu lat w weekendy i święta dyżuruje w stacji ratunkowej w Wetlinie. Ratowała turystów "
        "z połamanymi nogami, zagubionych w mgle grzybiarzy i wychłodzonych biegaczy. Marta Wilczyńska opowiada "
        "o pracy, która zaczyna się od telefonu, a kończy często dopiero nad ranem, i o tym, czego góry uczą "
        "ludzi, którzy chodzą po nich od dziecka.**\n\n"
        "Fot. archiwum prywatne\n\n"
        "**Jak to się stało, że została pani ratowniczką?**\n\nMój wujek był ratownikiem.\n\n"
        "**Ile trwa szkolenie?**\n\nDwa lata.\n\n**Co jest najtrudniejsze w tej pracy?**\n\nCzekanie na informacje.\n"
    )
    assert [p.question for p in iv.pairs] == [
        "Jak to się stało, że została pani ratowniczką?",
        "Ile trwa szkolenie?",
        "Co jest najtrudniejsze w tej pracy?",
    ]


WEB_PAGE_COPY = """Skip to main content
THE LANTERN GAZETTE
News  |  Sport  |  Culture  |  Opinion  |  Podcasts
Home > Culture > Books
We use cookies to give you the best experience. By continuing to browse you agree to our use of cookies.
INTERVIEWS
“I wrote the ending first”: Mira Osei on her second novel
By Tom Hale
Published 4 March 2025 · 9 min read

Mira Osei has written two novels about the herring coast. We talked to Mira at her kitchen table.

*Where did the book start?*

With the last page, honestly. I wrote it in one night.

*Is the diner in the book real?*[2]

It was, on Quay Street, until 2011.
"""


def test_a_web_pages_menus_and_banners_go_and_the_headline_under_its_masthead_is_the_title():
    iv = parse(WEB_PAGE_COPY)
    assert iv.title == "“I wrote the ending first”: Mira Osei on her second novel"
    assert iv.outlet == "THE LANTERN GAZETTE"
    for furniture in ("Skip to main content", "Home > Culture > Books", "INTERVIEWS"):
        assert furniture in iv.discarded
    assert "cookies" not in iv.lead and "Podcasts" not in iv.lead


def test_a_footnote_mark_after_an_italic_question_leaves_it_a_question():
    iv = parse(WEB_PAGE_COPY)
    assert [p.question for p in iv.pairs] == ["Where did the book start?", "Is the diner in the book real?"]
    assert "[2]" in iv.discarded


def test_the_person_the_introduction_is_about_answers_when_nothing_else_says_who():
    iv = parse(WEB_PAGE_COPY)
    assert {p.speaker for p in iv.pairs} == {"Mira Osei"}
    assert iv.interviewer != "We"


def test_a_first_line_title_is_kept_when_the_line_below_is_a_standfirst_or_a_section():
    iv = parse(
        "Linux is our love language\nWhen a wife teaches a husband some new tech skills, they both learn a\n"
        "lot more than they expect.\n\n**Jess:** What made you want to learn?\n\n**Chris:** My career.\n\n"
        "**Jess:** And now?\n\n**Chris:** Now it is fun.\n"
    )
    assert iv.title == "Linux is our love language"
    assert iv.outlet == ""


def test_a_first_name_used_once_as_a_label_is_a_turn_when_the_text_names_the_person_in_full():
    iv = parse(
        "Volunteer spotlight\n\nGloria Amankwah has tutored adults since 2016. Our coordinator, Ben Okoro, "
        "sat in.\n\nQ: How did you start?\n\nA: A flyer at the post office.\n\nQ: What is hard?\n\n"
        "A: When people stop coming.\n\nBen: Can you tell people about the training?\n\nA: Three Saturdays.\n\n"
        "Q: Any advice?\n\nA: Call Ben.\n"
    )
    assert [p.question for p in iv.pairs][2] == "Can you tell people about the training?"
    assert len(iv.pairs) == 4
    assert {p.speaker for p in iv.pairs} == {"Gloria Amankwah"}


HTML_SOURCE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Ann Roe on forty years of river surveys | The River Review</title>
<script>
  window.dataLayer = window.dataLayer || [];
</script>
<style>.ad{min-height:250px}</style>
</head>
<body>
<nav><ul>
<li><a href="/news/">News</a></li>
<li><a href="/interviews/">Interviews</a></li>
</ul></nav>
<p>Ann Roe has surveyed the Tamar since 1985. We asked her what has changed.</p>
<p><strong>What did the river look like in 1985?</strong></p>
<p>Brown, mostly. The mines were still draining into it.</p>
<p><strong>And now?</strong></p>
<p>Clearer than I have ever seen it.</p>
</body>
</html>
"""


def test_a_pages_html_source_is_read_as_the_browser_shows_it_with_its_title_element_as_title():
    iv = parse(HTML_SOURCE)
    assert iv.title == "Ann Roe on forty years of river surveys"
    assert "window.dataLayer" not in iv.lead and "News" not in iv.lead
    assert [p.question for p in iv.pairs] == ["What did the river look like in 1985?", "And now?"]
    assert {p.speaker for p in iv.pairs} == {"Ann Roe"}


def test_a_promotions_call_to_action_is_furniture_but_a_lead_about_cookies_is_not():
    iv = parse(
        "THE BAKERS' GAZETTE\nNewsletter: the best of the Gazette every Friday. Sign up\n"
        "“Brown butter changes everything”: Ada Lee on her bakery\n\n"
        "Her cookies use brown butter and she has sold them on Mill Lane since 2019.\n\n"
        "**Why brown butter?**\n\nIt tastes of toffee.\n\n**What next?**\n\nA second shop.\n"
    )
    assert iv.title == "“Brown butter changes everything”: Ada Lee on her bakery"
    assert "Newsletter: the best of the Gazette every Friday. Sign up" in iv.discarded
    assert "Her cookies use brown butter" in iv.lead


def test_an_email_interview_pasted_with_its_header_takes_its_subject_as_title_and_numbers_its_questions():
    iv = parse(
        "From: The Localisation Letter <hello@letter.example>\nSubject: Fwd: Eight questions for Haruka Sato\n\n"
        "This month's email interview is with Haruka Sato, a game translator.\n\n"
        "1. How did you get into game translation?\n\nBy accident, at a games fair.\n\n"
        "2. What does a typical week look like?\n\nScripts on Monday, testing on Friday.\n\n"
        "3. Describe the hardest line you have translated.\n\nA pun about soup.\n\n"
        "4. Any advice for beginners?\n\nPlay a lot of games.\n"
    )
    assert iv.title == "Eight questions for Haruka Sato"
    assert iv.outlet == "The Localisation Letter"
    assert [p.question for p in iv.pairs][2] == "Describe the hardest line you have translated."
    assert len(iv.pairs) == 4


def test_an_email_from_a_person_names_no_outlet():
    iv = parse("From: Tomasz Wierzbicki\nSubject: Q&A for the allotments piece\n\nQ: Why onions?\n\nA: They keep.\n")
    assert iv.title == "Q&A for the allotments piece"
    assert iv.outlet == ""


def test_the_interviewer_the_lead_names_by_first_name_asks_under_a_full_name_label():
    iv = parse(
        "Episode 87: Bart Iqbal on books\n\nBart Iqbal has repaired books for forty years. He talks to Ines "
        "about glue and grief.\n\nInes Calloway: Welcome to the show.\n\nBart Iqbal: Thank you.\n\n"
        "Ines Calloway: How did you start?\n\nBart Iqbal: By accident, carrying boxes at the archive.\n\n"
        "Ines Calloway: And the first book you mended?\n\nBart Iqbal: A hymnal with a broken spine.\n"
    )
    assert [p.question for p in iv.pairs][-1] == "And the first book you mended?"
    assert {p.speaker for p in iv.pairs} == {"Bart Iqbal"}


def test_a_section_name_alone_above_the_headline_is_no_outlet():
    iv = parse(
        "Skip to content\nINTERVIEW\n“Cold is a material”: Ingrid Solbakken on refrigerated freight\n\n"
        "**What changed?**\n\nThe trucks.\n\n**And next?**\n\nThe ships.\n"
    )
    assert iv.title == "“Cold is a material”: Ingrid Solbakken on refrigerated freight"
    assert iv.outlet == "" and "INTERVIEW" in iv.discarded


def test_inline_markup_in_a_pages_paragraph_keeps_its_text_and_a_comment_over_lines_goes():
    iv = parse(HTML_SOURCE.replace("<p>Brown, mostly.", "<!-- ad slot\n  start -->\n<p>Brown, <svg></svg>mostly."))
    assert iv.pairs[0].answer.startswith("Brown, mostly.")
    assert "start -->" in iv.discarded


LOWER_CASE_INITIALS = """in the studio with a two-person press

we talked for an hour. jt is me (june tarrant). rb is rafe bowles, ck is cleo kim.

jt: how did the two of you start printing together?

rb: a borrowed press and a lot of ink on the kitchen floor.

jt: what do you print now?

ck: posters for bands, and the odd wedding invitation when the rent is due.

jt: no books?

rb: a cookbook, once.

jt: and next year?

rb/ck: a bigger press.
"""


def test_lower_case_initials_used_as_labels_are_speakers():
    iv = parse(LOWER_CASE_INITIALS)
    assert [(q, a[:20]) for q, a, _ in qa(iv)] == [
        ("how did the two of you start printing together?", "a borrowed press and"),
        ("what do you print now?", "posters for bands, a"),
        ("no books?", "a cookbook, once."),
        ("and next year?", "a bigger press."),
    ]


BLOG_QA = """Maintainer notes #3: the quiet life of Tidy

**Tidy formats tables in plain text. It has one maintainer and two hundred open issues. I asked Mo Reyes how that works.**

Lightly edited.

**Let's start where I always start: how did you become the maintainer?**

By accident. I sent one patch and was handed the keys.

**Describe a normal week.**

An hour a night, after the children are asleep.

**Last one: what would you tell a new maintainer?**

Write down what you won't do.

Share this: Mastodon Bluesky Email

Filed under: Maintainer notes, open source

2 thoughts on "Maintainer notes #3: the quiet life of Tidy"

Ana 2 June 2024 at 09:14 Great read. Do you take donations?
"""


def test_a_bold_standfirst_of_three_sentences_is_no_question_and_a_phrase_before_a_colon_no_speaker():
    iv = parse(BLOG_QA)
    assert [q for q, _, _ in qa(iv)] == [
        "Let's start where I always start: how did you become the maintainer?",
        "Describe a normal week.",
        "Last one: what would you tell a new maintainer?",
    ]
    assert iv.labels == []
    assert iv.lead.startswith("Tidy formats tables")


def test_a_blogs_footer_after_the_last_answer_is_the_pages_not_the_answers():
    iv = parse(BLOG_QA)
    assert iv.pairs[-1].answer == "Write down what you won't do."
    assert "Share this: Mastodon Bluesky Email" in iv.discarded  # a row of share buttons
    assert iv.closing.startswith("Filed under:") and "Do you take donations?" in iv.closing


ALUMNI_PAGE = """Westbrook College

Study
Research
Alumni
News and events
About

Alumni Spotlight: Ines Mora (BSc Chemistry, 2010)

Ines Mora is a process chemist at a paint maker in the north. We caught up with her before her talk to first-year students this term.

Tell us a bit about yourself.

I grew up near the campus and was the first in my family to go to university.

Walk us through your path since graduation.

A graduate scheme, then the paint lab, then a year abroad, then back to the lab as its head.

What surprised you most about industry?

How much of chemistry is about people.

What advice would you give current students?

Go to the site visits, even the boring ones.
"""


def test_requests_standing_as_paragraphs_among_questions_are_questions_too():
    iv = parse(ALUMNI_PAGE)
    assert [q for q, _, _ in qa(iv)] == [
        "Tell us a bit about yourself.",
        "Walk us through your path since graduation.",
        "What surprised you most about industry?",
        "What advice would you give current students?",
    ]


def test_a_menu_copied_one_item_a_line_is_no_title_and_a_year_in_brackets_no_date_line():
    iv = parse(ALUMNI_PAGE)
    assert (iv.title, iv.outlet) == ("Alumni Spotlight: Ines Mora (BSc Chemistry, 2010)", "Westbrook College")
    assert "News and events" in iv.discarded


QUESTIONNAIRE = """THE WEEKEND QUESTIONNAIRE

Tomas Reid

The ferryman turned novelist, 61, on tides and toast

Tomas Reid ran the Kyle ferry for thirty years. His fourth novel is out this month.

What is your earliest memory?
My father's hands on the wheel of the old ferry.

What is your greatest fear?
Being asked to sing in public.

Describe yourself in three words.
Patient, salty, late.

What is the best toast?
Brown, buttered, in weather.

Event FAQs

Is the launch free?
Yes, and there is tea.
"""


def test_a_questionnaire_writing_each_answer_under_its_question_splits_on_the_question_lines():
    iv = parse(QUESTIONNAIRE)
    assert [(q, a) for q, a, _ in qa(iv)] == [
        ("What is your earliest memory?", "My father's hands on the wheel of the old ferry."),
        ("What is your greatest fear?", "Being asked to sing in public."),  # no reported question
        ("Describe yourself in three words.", "Patient, salty, late."),
        ("What is the best toast?", "Brown, buttered, in weather."),
    ]


def test_a_pages_faq_after_the_interview_is_the_pages_not_the_interviews():
    iv = parse(QUESTIONNAIRE)
    assert iv.closing.startswith("Event FAQs") and "Is the launch free?" in iv.closing


def test_questions_on_a_paragraphs_first_line_are_no_split_where_few_paragraphs_are_so_written():
    text = (
        "Notes from the quay\n\nWhy do the boats leave at dawn?\nBecause the tide says so, and the fish agree.\n\n"
        "The harbour master keeps a log.\nIt runs to forty volumes.\n\nThe oldest is from 1881.\nIt is kept in a drawer.\n\n"
        "Nobody reads it.\nExcept the cat.\n"
    )
    iv = parse(text)
    assert iv.pairs == [] and "Why do the boats leave at dawn? Because the tide says so" in iv.lead


RUN_IN_BOLD = """The Boardroom: Ann Roe, Harbour Mutual

Ann Roe became chief executive in 2022.

**You took over in a rate shock. What was the first month like?** Chaotic. We pulled every fixed rate for four days.

**Did you take some calls yourself?** About sixty. I remember almost every one.

**Would you ever demutualise?**
No. Not while I'm here.
"""


def test_a_bold_question_opening_its_paragraph_is_a_question_and_the_rest_its_answer():
    iv = parse(RUN_IN_BOLD)
    assert [(q, a) for q, a, _ in qa(iv)] == [
        (
            "You took over in a rate shock. What was the first month like?",
            "Chaotic. We pulled every fixed rate for four days.",
        ),
        ("Did you take some calls yourself?", "About sixty. I remember almost every one."),
        ("Would you ever demutualise?", "No. Not while I'm here."),
    ]


EMPHASIS_IN_AN_ANSWER = """The Boardroom: Ann Roe, Harbour Mutual

We spoke with Ann Roe, who became chief executive in 2022.

How did you start?

As a trainee, in 1996.

What was the first month like?

**Chaotic?** That is a kind word. We pulled every fixed rate for four days.

Would you ever demutualise?

No. Not while I'm here.
"""


def test_one_bold_question_opening_an_answer_is_the_answers_emphasis():
    iv = parse(EMPHASIS_IN_AN_ANSWER)
    assert [a for _, a, _ in qa(iv)] == [
        "As a trainee, in 1996.",
        "**Chaotic?** That is a kind word. We pulled every fixed rate for four days.",
        "No. Not while I'm here.",
    ]


def test_labels_ending_in_a_full_stop_and_a_dash_are_speakers():
    text = """Entrevista a la ministra Ana Ruiz en Radio Norte

Madrid, 14 de enero de 2026.- La ministra ha concedido una entrevista.

Periodista.- Buenos días, ministra. ¿Cuándo llegarán las ayudas: este mes?

Ministra.- Antes de la primavera.

Periodista.- ¿Y la presa?

Ministra.- Las obras van con retraso: lo reconozco.
"""
    iv = parse(text)
    assert [(q, a) for q, a, _ in qa(iv)] == [
        ("Buenos días, ministra. ¿Cuándo llegarán las ayudas: este mes?", "Antes de la primavera."),
        ("¿Y la presa?", "Las obras van con retraso: lo reconozco."),
    ]
    assert "Madrid, 14 de enero de 2026.- La ministra ha concedido una entrevista." in iv.lead


def test_a_live_chats_questions_from_readers_are_the_askers_each_asking_once():
    text = """LIVE: Ask Orla, our gardening editor

Moderator: Welcome to today's live Q&A. Orla is here.

Orla Denning: Hello everyone! Fire away.

Question from mossbank77: When is it safe to plant out dahlias?

Orla Denning: Not before the end of May.

Question from Gwen in Otley: What actually works against slugs?

Orla Denning: A torch and a bucket at ten o'clock at night.
"""
    iv = parse(text)
    assert [(q, a, who) for q, a, who in qa(iv)][1:] == [
        ("When is it safe to plant out dahlias?", "Not before the end of May.", "Orla Denning"),
        ("What actually works against slugs?", "A torch and a bucket at ten o'clock at night.", "Orla Denning"),
    ]


def test_a_post_of_the_questions_the_author_gets_asked_is_no_interview():
    text = """The questions I get asked most (and my honest answers)

Every time I run a workshop, the same questions come up, so here they are.

## “What camera do you use?”

A ten-year-old body and two lenses.

## “Do you use a tripod?”

Almost always, for landscapes.

## “Can I come on a shoot with you?”

Sometimes! That is what the workshops are for.
"""
    iv = parse(text)
    assert iv.pairs == [] and "Almost always, for landscapes." in iv.lead


def test_the_answer_to_a_question_may_report_one_without_becoming_a_question():
    text = """5 Questions for Ada Moss

Every issue we put five questions to a member. This spring it is Ada Moss.

1) How did you end up in school libraries?

I taught English for nine years. Then the librarian retired and the principal asked if I wanted the job.

2) What surprised you?

How much they read.

3) What is on your nightstand?

A graphic novel and a stack of journals.
"""
    iv = parse(text)
    assert [q for q, _, _ in qa(iv)] == [
        "How did you end up in school libraries?",
        "What surprised you?",
        "What is on your nightstand?",
    ]
    assert iv.pairs[0].answer.endswith("the principal asked if I wanted the job.")


ITALIC_QUESTIONS = """Tamsin Roe: "I read every sentence aloud"

The novelist talked to us about her new book.

_Why did you write in a caravan?_

It was cheap, and nobody could find me there.

_Tell us about the Haddow family._

They are loosely my mother's family.

_Any advice for people finishing a first novel?_

Buy a small table.

_The Salt Ledger by Tamsin Roe is published by Harrowfield Press. She appears at the Wells festival in March._

**Share:** Twitter · Facebook · Email · Copy link

**You might also enjoy:** Ten novels about floods · Colm Drennan on his debut
"""


def test_a_note_set_apart_after_the_last_question_is_no_question_and_the_pages_links_no_answer():
    iv = parse(ITALIC_QUESTIONS)
    assert [q for q, _, _ in qa(iv)] == [
        "Why did you write in a caravan?",
        "Tell us about the Haddow family.",
        "Any advice for people finishing a first novel?",
    ]
    assert iv.pairs[-1].answer.startswith("Buy a small table.") and "Twitter" not in iv.pairs[-1].answer
    assert iv.closing.startswith("**You might also enjoy:**")


def test_a_moderator_calling_on_reporters_labelled_by_outlet_neither_asks_nor_answers():
    text = """TRANSCRIPT: The mayor briefs the media on the warehouse fire

MAYOR ANN ROE: Good afternoon. Kim will call on folks.

KIM OSEI: Let's start with Ellen.

Q (Valley Tribune): Do you know what caused the fire?

MAYOR ROE: No. It is much too early to say.

OSEI: Channel 6.

Q (KRDN 6): Were there open code violations?

MAYOR ROE: Four, and I have asked for the file.

OSEI: Go ahead, in the back.

Q: Was anyone inside?

MAYOR ROE: A crew of six, and all six got out.

OSEI: Last question, Lauren.

Q (The Post): Will the review be public?

MAYOR ROE: Yes, within sixty days.

OSEI: That is all the time we have. Thank you all very much.
"""
    iv = parse(text)
    # The moderator's words stay where they fall, inside the answer before them, as a voice's
    # that neither asks nor answers.
    assert [(q, a.split("\n")[0]) for q, a, _ in qa(iv)] == [
        ("Do you know what caused the fire?", "No. It is much too early to say."),
        ("Were there open code violations?", "Four, and I have asked for the file."),
        ("Was anyone inside?", "A crew of six, and all six got out."),
        ("Will the review be public?", "Yes, within sixty days."),
    ]
    assert {who for _, _, who in qa(iv)} == {"Mayor Ann Roe"}
    assert any("OSEI” neither: a moderator" in line for line in iv.evidence)


def test_the_person_a_title_or_lead_names_answers_a_prose_qa():
    def answerer(text):
        iv = parse(text)
        assert len(iv.pairs) == 2
        return {p.speaker for p in iv.pairs}

    questions = "\n\n### What do you do?\n\nI draw maps of the mountains.\n\n### What do you use?\n\nPencils and a plane table, mostly.\n"
    # a title printed as a name line, "Name, what they do", when the text names them again
    assert answerer("Aiko Brandt, Cartographer (Atlas Press)\n\nAiko's studio is in a barn." + questions) == {
        "Aiko Brandt"
    }
    # ... but not a verb before a name: "Introducing Aiko Brandt, our new cartographer"
    assert answerer("Introducing Aiko Brandt, our new cartographer\n\nWe are introducing Aiko today." + questions) != {
        "Introducing Aiko Brandt"
    }
    # "a conversation with Name" on a line of its own; "talked to <role> Dr Name"
    assert answerer(
        "Maps and people\n\n“The map is an argument”: a conversation with Youssef Benali\n" + questions
    ) == {"Youssef Benali"}
    lead = (
        "Field notes\n\nOur correspondent Anouk Verhaegen talked to glaciologist Dr Pieter Lund by satellite phone.\n"
    )
    assert answerer(lead + questions) == {"Pieter Lund"}


def test_a_title_before_a_speakers_name_is_the_role_not_part_of_the_name():
    iv = parse(
        "Fire briefing\n\nThe fire chief and the mayor spoke to reporters.\n\n"
        "Q: How many homes burned?\n\nFIRE CHIEF RAFAEL ALVAREZ: Eleven, and two barns.\n\n"
        "Q: Is the road open?\n\nFIRE CHIEF RAFAEL ALVAREZ: Not before Friday.\n\n"
        "Q: When will people go home?\n\nQuestore Marta Ruggeri: Tomorrow at noon.\n"
    )
    assert [(s.name, s.role) for s in iv.speakers] == [("Rafael Alvarez", "Fire Chief"), ("Marta Ruggeri", "Questore")]
    assert [p.speaker for p in iv.pairs] == ["Rafael Alvarez", "Rafael Alvarez", "Marta Ruggeri"]
    # a name found after a title in the text keeps the title out: "Emergency Coordinator Julian Okafor"
    iv = parse(
        "Storm briefing\n\nPress Secretary Ann Roe and Emergency Coordinator Julian Okafor took questions.\n\n"
        "Q: Is the levee holding?\n\nMR. OKAFOR: It is, for now.\n\nQ: And tomorrow?\n\nMR. OKAFOR: We will see.\n"
    )
    assert {p.speaker for p in iv.pairs} == {"Julian Okafor"}


def test_a_pages_headline_is_read_back_from_its_byline_past_the_masthead_and_the_standfirst():
    questions = "\n\n**What does the job involve?**\n\nMostly waiting, then very long days.\n\n**And the hardest part?**\n\nThe cold.\n"
    page = (
        "DEEP WATER REVIEW\n\nENGINEERING / INTERVIEW\n\nThe woman who mends the internet\n\n"
        "Ann Roe has spent 17 years on cable-repair ships, fishing severed lines off the sea floor.\n\n"
        "By Rafael Cruz\n\nPublished 27 January 2025"
    )
    iv = parse(page + questions)
    assert (iv.title, iv.outlet) == ("The woman who mends the internet", "DEEP WATER REVIEW")
    assert iv.lead.startswith("Ann Roe has spent 17 years") and len(iv.pairs) == 2
    # a headline over its subheading: the headline, not the subheading under it
    iv = parse(
        "Ashby Evening Post\n\nLocal News\n\nFury as council votes to shut the lido after 92 years\n\n"
        "Residents vow to fight on as cabinet approves saving\n\nBy Rhiannon Kett" + questions
    )
    assert iv.title == "Fury as council votes to shut the lido after 92 years"
    # a headline with its byline under it stays the title, whatever follows
    iv = parse("Fury as council votes to shut the lido\n\nBy Rhiannon Kett\n\nLocal News" + questions)
    assert iv.title == "Fury as council votes to shut the lido"
    # over a date alone, a short plain line under a heading in capitals is no headline
    iv = parse(
        "THE HARTLEY BRIDGE INQUIRY\n\nDay 23 - Transcript of Proceedings\n\nThursday, 16 October 2025" + questions
    )
    assert iv.title == "THE HARTLEY BRIDGE INQUIRY"


def test_a_reported_interview_and_a_leads_subject_name_who_answers():
    reported = (
        "Water boss warns of long hosepipe ban\n\nBy Priya Moss\n\n"
        "In an interview with the Gazette at the company's headquarters, chief executive Beatriz Ferreira said "
        "reservoirs were at 58 per cent.\n\n"
        'Asked whether the ban would last into the autumn, she said: "It may well."\n\n'
        "Asked about bills, she said they would not rise this year.\n"
    )
    assert {p.speaker for p in parse(reported).pairs} == {"Beatriz Ferreira"}
    told = reported.replace(
        "In an interview with the Gazette at the company's headquarters, chief executive Beatriz Ferreira said",
        "Councillor Isla Duarte, leader of the council, told the Gazette in an interview that",
    )
    assert {p.speaker for p in parse(told).pairs} == {"Isla Duarte"}
    # a lead that opens on the subject after a role word or a series' "This month:"
    questions = (
        "\n\n**What does your night look like?**\n\nQuiet, then not.\n\n**What is the hardest part for you?**\n\n"
        "The calls at four.\n\n**Would you go back to days?**\n\nNever.\n"
    )
    lead = "My shift\n\nThis month: Oluwaseun Reid, 36, is one of two night pharmacists at the hospital. We asked Oluwaseun about it."
    assert {p.speaker for p in parse(lead + questions).pairs} == {"Oluwaseun Reid"}


def test_a_programmes_host_by_the_title_after_the_name_asks_and_a_senator_as_guest_answers():
    iv = parse(
        "The Evening Ledger\n\n"
        "HARLAN PIERCE, MNN ANCHOR: Good evening. Joining me now is Senator Dolores Ackerly of Oregon.\n\n"
        "SEN. DOLORES ACKERLY (D-OR): Good to be with you, Harlan.\n\n"
        "PIERCE: Why hasn't the administration stepped in yet?\n\n"
        "ACKERLY: I have been asking the same question, and I have no answer yet.\n\n"
        "PIERCE: Have you spoken to the Labor Secretary?\n\n"
        "ACKERLY: Twice, on Monday and again this morning.\n"
    )
    assert [p.question[:40] for p in iv.pairs] == [
        "Good evening. Joining me now is Senator ",
        "Why hasn't the administration stepped in",
        "Have you spoken to the Labor Secretary?",
    ]
    assert {p.speaker for p in iv.pairs} == {"Dolores Ackerly"}


def test_a_live_chat_with_labels_on_lines_of_their_own_the_staff_answer_and_the_readers_ask():
    chat = (
        "Live chat: your questions about the Line 4 shutdown\n\n"
        "Transit reporter Marcus Idowu and data editor Dana Whitlock took readers' questions.\n\n"
        "Marcus Idowu:\nHi everyone, and thanks for joining us. Dana is here too.\n\n"
        "Eastgate:\nWhy did they shut the whole segment for ten weeks?\n\n"
        "Marcus Idowu:\nCost and time, according to the agency.\n\n"
        "Hollins Park:\nHow often do the buses run?\n\n"
        "Dana Whitlock:\nEvery four to six minutes at rush hour, by the agency's data.\n\n"
        "Brooklawn:\nIs the contractor getting a bonus for finishing early?\n\n"
        "Marcus Idowu:\nYes, $150,000 a day, up to two weeks.\n"
    )
    iv = parse(chat)
    assert [(p.question[:20], p.speaker) for p in iv.pairs] == [
        ("Why did they shut th", "Marcus Idowu"),
        ("How often do the bus", "Dana Whitlock"),
        ("Is the contractor ge", "Marcus Idowu"),
    ]
    assert iv.lead.endswith("Dana is here too.")


def test_a_clubs_quickfire_questionnaire_is_an_interview_and_its_headline_is_read_back_from_publicado():
    page = (
        "CD ATLÉTICO VALDESERRA\n\nHazte abonado\n\n“En el vestuario me llaman la Jefa”\n\n"
        "Publicado el 18/02/2026 por Comunicación CDAV\n\n"
        "La centrocampista se sometió a nuestro cuestionario más rápido. Así fue.\n\n"
        "¿Un apodo?\n\nNere.\n\n¿Un ídolo de infancia?\n\nMi hermano Rubén.\n\n¿Comida favorita?\n\n"
        "Las croquetas de mi abuela.\n\n¿Qué haces fuera del fútbol?\n\nEstudio enfermería.\n"
    )
    iv = parse(page)
    assert iv.title == "“En el vestuario me llaman la Jefa”"
    assert [p.answer for p in iv.pairs] == [
        "Nere.",
        "Mi hermano Rubén.",
        "Las croquetas de mi abuela.",
        "Estudio enfermería.",
    ]


def test_a_reports_section_headings_in_capitals_are_no_speakers():
    report = (
        "RIVERBEND HOUSING TRUST\n\n2025 ANNUAL REPORT\nKeeping Families Home\n\nCONTENTS\nLetter from the Chair 2\n\n"
        "A CONVERSATION WITH OUR DIRECTOR\n\nMarisol Quintero has led Riverbend since 2019. The chair sat down with her.\n\n"
        "Marisol, what changed this year?\n\nThe money came early and we stopped running a waitlist.\n\n"
        "How did the team handle it?\n\nIt was hard for three months, then it was not.\n\n"
        "What do you need from the community?\n\nLandlords, first.\n\n"
        "FINANCIAL SUMMARY\nRevenue rose to 4.1 million dollars.\n"
    )
    iv = parse(report)
    assert iv.labels == []
    assert [p.question for p in iv.pairs] == [
        "Marisol, what changed this year?",
        "How did the team handle it?",
        "What do you need from the community?",
    ]


def test_a_checklist_of_questions_to_ask_is_no_interview_whoever_the_author_spoke_to():
    listicle = (
        "12 Questions to Ask Your Wedding Photographer Before You Sign Anything\n\n"
        "Choosing a photographer means more than a portfolio. We spoke to couples who have been through it.\n\n"
        "**Have you shot a wedding like ours before?**\n\nAsk for a full gallery, not a highlight reel.\n\n"
        "**What happens if you are ill on the day?**\n\nA good photographer has a named second shooter.\n\n"
        "**How long will you keep our files?**\n\nAsk how long, and where the gallery lives.\n"
    )
    iv = parse(listicle)
    assert iv.pairs == [] and "Choosing a photographer" in iv.lead
    # an interview's title that says it is one stays one: "Questions for …"
    assert len(parse(listicle.replace("12 Questions to Ask Your", "Questions for a", 1)).pairs) == 3


def test_a_chairs_welcome_and_invitation_to_an_opening_statement_are_lead_with_the_statement():
    hearing = (
        "SELECT COMMITTEE ON REGIONAL BUS SERVICES\n\n"
        "The CHAIR: Welcome to the second hearing of the committee. Witnesses are protected by privilege.\n\n"
        "The CHAIR: Thank you both for coming. I invite you to make a brief opening statement, after which "
        "members will have questions.\n\n"
        "Ms DOYLE: Thank you, Chair. We operate 214 routes and this has not been a good year for them.\n\n"
        "The CHAIR: When did you first know you were 140 drivers short?\n\n"
        "Ms DOYLE: In early 2024, when retirements outpaced recruitment.\n"
    )
    iv = parse(hearing)
    assert [p.question for p in iv.pairs] == ["When did you first know you were 140 drivers short?"]
    assert "opening statement" in iv.lead and "We operate 214 routes" in iv.lead


def test_the_moderator_asks_and_a_name_in_capitals_is_not_lengthened_from_a_list_of_names():
    presser = (
        "Saltmarsh State 71, Bayview 64\n\nCoach Brenna Holt Dani Okereke Marisa Lund\n\n"
        "THE MODERATOR: We're joined by Coach Holt and two of her players. Questions, please.\n\n"
        "Q. Dani, you had 14 in the fourth quarter. What changed?\n\n"
        "DANI OKEREKE: I stopped pressing and let the game come to me.\n\n"
        "Q. Marisa, what was said in the huddle?\n\n"
        "MARISA LUND: Nothing pretty. We had been down before.\n\n"
        "THE MODERATOR: Thank you, ladies.\n"
    )
    iv = parse(presser)
    assert [p.speaker for p in iv.pairs] == ["Dani Okereke", "Marisa Lund"]


def test_an_earnings_calls_name_lines_with_firm_and_title_label_the_turns_and_the_analysts_ask():
    call = (
        "Calloway Instruments (CLWY) Q3 2026 Earnings Call Transcript\n\nQuestions & Answers:\n\n"
        "Operator\n\nThank you. Our first question comes from the line of Priya Nand with Halvorsen Securities.\n\n"
        "Priya Nand -- Halvorsen Securities -- Analyst\n\nHi, thanks. Gregor, what happened in semiconductors?\n\n"
        "Gregor Lindqvist -- Chief Executive Officer\n\nTwo customers paused orders in the quarter.\n\n"
        "Priya Nand -- Halvorsen Securities -- Analyst\n\nAnd on gross margin, Renata, what drove the decline?\n\n"
        "Renata Silvestri -- Chief Financial Officer\n\nMostly mix: service revenue was a smaller share.\n\n"
        "Operator\n\nThank you. Our next question comes from Marcus Oyelaran with Bridgeport Capital.\n\n"
        "Marcus Oyelaran -- Bridgeport Capital -- Analyst\n\nHow is the Vantor acquisition going?\n\n"
        "Gregor Lindqvist -- Chief Executive Officer\n\nAhead on cost, roughly on plan on revenue.\n"
    )
    iv = parse(call)
    assert [p.speaker for p in iv.pairs] == ["Gregor Lindqvist", "Renata Silvestri", "Gregor Lindqvist"]
    assert {s.name: s.role for s in iv.speakers} == {
        "Gregor Lindqvist": "Chief Executive Officer",
        "Renata Silvestri": "Chief Financial Officer",
    }
    assert iv.pairs[0].question.startswith("Operator: Thank you. Our first question")


def test_a_record_sheets_fields_in_capitals_are_no_speakers():
    hearing = (
        "COMMITTEE ON RESILIENCY\n\nHELD AT: COUNCIL CHAMBERS - CITY HALL\n\n"
        "CHAIRPERSON ADEYEMI: Good morning. We will hear from the Department first.\n\n"
        "DEPUTY COMMISSIONER LOWELL: Thank you, Chair. The program has served 1,100 homes.\n\n"
        "CHAIRPERSON ADEYEMI: Why has the waiting list doubled?\n\n"
        "DEPUTY COMMISSIONER LOWELL: Demand rose faster than the contractors we could certify.\n"
    )
    assert "HELD AT" not in parse(hearing).labels


def test_questions_quoted_again_from_the_email_they_were_sent_in_are_closing_text():
    email = (
        "Re: questions for the Weekender piece\n\nHi Aisling, answers below.\n\n"
        "WHEN DID YOU OPEN THE BAKERY?\n\nIn 2014, with one oven and a loan from my aunt.\n\n"
        "WHAT IS THE HARDEST PART OF THE JOB?\n\nThe hours. I get up at three.\n\n"
        "WHAT WOULD YOU TELL SOMEONE STARTING OUT?\n\nWork in a bakery first, at night, for a year.\n\n"
        "-----Original Message-----\n\nWhen did you open the bakery? What is the hardest part of the job?\n\n"
        "Thanks a million, Aisling\n"
    )
    iv = parse(email)
    assert [p.answer for p in iv.pairs][-1] == "Work in a bakery first, at night, for a year."
    assert "Original Message" in iv.closing
    assert "Thanks a million" in iv.closing


def test_a_note_set_apart_in_bold_is_no_question():
    newsletter = (
        "Tidewrack #88: the lighthouse log\n\n"
        "**Programming note: there's no issue next Friday. I'll be on Unst with one bar of signal.**\n\n"
        "This week I talked to Odile Marchetti about the logbooks.\n\n"
        "**How did the logs reach you?**\n\nIn a skip, nearly.\n\n**What surprised you in them?**\n\nThe jokes.\n"
    )
    assert [p.question for p in parse(newsletter).pairs] == [
        "How did the logs reach you?",
        "What surprised you in them?",
    ]


def test_a_radio_hosts_first_label_alone_on_its_line_and_then_the_surname_ask_and_callers_ask():
    show = (
        "The Dirt, September 27\n\nDALE PIERCE, HOST:\n\n"
        "This is The Dirt. With me is the horticulturist Nkechi Amadi. Good morning.\n\n"
        "NKECHI AMADI: Good morning, Dale. Always good to be here.\n\n"
        "PIERCE: Let's go to Bev in Oakfield. Bev, what's your question?\n\n"
        "BEV (Caller): My tomatoes are still green. Should I pull the plants now?\n\n"
        "AMADI: Once the nights drop below fifty degrees, pick them and ripen them indoors.\n\n"
        "PIERCE: And Tomás in Carver Springs, go ahead.\n\n"
        "TOMÁS (Caller): Should I rake the maple leaves off the lawn or leave them?\n\n"
        "AMADI: Mow what you can into the lawn and put the rest on the beds.\n"
    )
    iv = parse(show)
    assert len(iv.pairs) == 3
    assert iv.pairs[0].question.startswith("This is The Dirt.")
    assert {p.speaker for p in iv.pairs} == {"Nkechi Amadi"}


def test_a_witness_printed_in_capitals_names_the_ms_label_and_a_headlines_possessive_is_no_name():
    hearing = (
        "SELECT COMMITTEE ON BUSES\n\nFIONA DOYLE, Chief Executive, Westmarch Transit, affirmed and examined\n\n"
        "The CHAIR: When did you first know you were 140 drivers short?\n\n"
        "Ms DOYLE: In early 2024, when retirements outpaced recruitment.\n\n"
        "The CHAIR: And what did you do then?\n\nMs DOYLE: We raised pay and opened a training school.\n"
    )
    assert {p.speaker for p in parse(hearing).pairs} == {"Fiona Doyle"}
    wire = (
        "EXCLUSIVE-Kessaria's Ondimba rules out third term\n\nBy Ama Lee\n\n"
        "President Adaeze Ondimba said she would not run again.\n\n"
        "Q: Why say it now?\n\nA: Because people were spending energy on it.\n\n"
        "Q: Will you back your finance minister?\n\nA: I have backed him every day.\n"
    )
    assert all("Kessaria" not in p.speaker for p in parse(wire).pairs)
