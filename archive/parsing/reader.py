"""Split the text of an interview article into its parts.

Pure Python: no Django, no I/O. ``parse(text)`` returns an :class:`Interview` or raises
:class:`ParseError` naming the line and the reason.

The shape the archive was designed from, a news-agency interview::

    When the superpowers are at odds … – António Guterres    <- title: the first line

    António Guterres, UN                                     <- byline: name[, affiliation]
    Photo credit: Kazinform                                  <- metadata line

    With the approach of the SCO summit … correspondent …    <- lead: text before the first question

    Last September the General Assembly adopted …?          <- question: a paragraph ending in "?"
    The initiatives and outcomes …                           <- answer: paragraphs up to the next question

    Currently reading                                        <- web-page junk: discarded and reported

Also read:

* reported questions, "Guterres was asked about …", whose answer runs to a closing
  attribution such as ``…everybody," he said.``; what follows it is closing text;
* speaker-labelled transcripts (``Q:``/``A:``, ``MS. PSAKI:``, ``**Name:**``, ``((WN))``…),
  cut into pairs by :mod:`archive.parsing.turns`;
* debris: timestamps, ``END 1:45 P.M.``, ``(Laughter.)`` lines, Markdown, HTML, pull-quote credits;
* an optional header an editor may put above the title, one ``Key: value`` per line, for
  what the text does not say: ``Title``, ``Date``, ``Outlet``, ``Source`` (a URL), ``Speaker``,
  ``Role``, ``Interviewer``, ``Language``, ``Photo credit``.

Every word of the input ends up in exactly one place: a field, a pair, or ``discarded``.
"""

from __future__ import annotations

import re
from functools import cached_property

from ..names import fold
from . import pairs as pairing
from . import roles as speaking
from . import turns
from .clean import (
    CONTROL_CHAR,
    CUE_TIMING,
    QUOTE_MARK,
    QUOTES,
    SET_APART,
    Paragraph,
    caption_cues,
    caption_speakers,
    clean,
    clean_line,
    ends_with_question,
    html_markup,
    is_html_page,
    join,
    join_thread_headers,
    marked_questions,
    normalise,
    page_source_lines,
    split_sentences,
    strip_page_furniture,
    strip_page_top,
    strip_unbalanced_quote,
)
from .clean import paragraphs as cut_paragraphs
from .document import Interview, ParsedPair, ParsedSpeaker, ParseError
from .metadata import (
    INTERVIEW_BY,
    date_in,
    detect_language,
    parse_date,
    read_header,
    site_of,
    title_from_filename,
)
from .naming import Naming
from .people import (
    FLOOR_GIVEN,
    is_alias,
    names_one_of,
    one_name_per_person,
    took_questions,
    who_asks,
)
from .titles import TitleBlock

REPORTED_QUESTION = re.compile(
    r"\b(?:was|were|is|are|had been|has been) asked\b|\bbeing asked\b(?! to\b)"  # not "Being asked to speak"
    r"|(?<!\bI )(?<!\bwe )(?<!\bWe )\basked (?:him |her |them |the (?-i:[a-z]\w+) |"
    r"(?-i:(?:(?:Mr|Ms|Mrs|Miss|Dr|Prof)\.? )?(?:[A-Z][\w’'\-]+ ){1,3}))?"
    r"(?:whether|if|about|how|what|why|when|where|who)\b|(?<!\bI )(?<!\bwe )(?<!\bWe )\basked (?:him|her|them)\b|"
    r"\bwhen pressed (?:on|about|over)\b",
    re.I,
)
INLINE_ANSWER = re.compile(
    r"^(?P<question>.+?),?\s+(?P<who>(?:[A-Z][\w’'\-]+(?: [A-Z][\w’'\-]+){0,2}|he|she|they)\s+"
    r"(?:told [A-Z]\w+(?: [A-Z]\w+)?|said|replied|answered|responded)[,:]?)\s+(?P<answer>[\"“«].+)$"
)
ATTRIBUTION = re.compile(
    r"(?P<punct>[,.!?…])?\s*[\"”»]\s*,?\s*"
    r"(?P<who>(?:he|she|they|it|the [\w\- ]{1,40}?|[A-Z][\w\-’']+(?: [A-Z][\w\-’']+){0,3}))\s+"
    r"(?:said|says|added|noted|stressed|explained|told [^.]{1,60}|concluded|remarked|emphasi[sz]ed|continued|went on)"
    r"(?: [^.\"“”]{0,60})?\.\s*$"
)
# Words an interviewer addresses the interviewee with, in the languages the archive holds most.
ADDRESS = re.compile(
    r"\b(?:you|your|yours|yourself|yourselves|tell us|give us|walk us|take us|usted|ustedes|vous|votre|vos|tu|toi|"
    r"voi|vostr[aoie]|você|vocês|du|dich|dir|dein\w*|euch|"
    r"Sie|Ihnen|Ihre?[mnrs]?|вы|вас|вам|ваш\w*|ты|тебя|"
    r"pani|pana|panu|państwo|ciebie|cię|twój|twoja|jij|jou|jouw|senhor|senhora|Lei|"
    r"te|ti|tus|contigo|tuo|tua|tuoi|ton|ta|tes|teu)\b",
    re.I,
)
LIST_ITEM = re.compile(r"^(?:[*+•–-]|\d{1,2}[.)])\s")
# The title or the opening says the text is an interview.
# Where a web page's own matter starts after an article: comments, reading lists, sign-ups.
PAGE_TAIL = re.compile(
    r"^(?:comments?(?: \(\d+\))?|\d+ comments?|most (?:read|popular|viewed|shared)|more from\b.{0,60}|read next|"
    r"read more\b.{0,60}|related(?: articles| stories| content| coverage)?(?::(?: .{0,80})?)?|you (?:may|might) also (?:like|enjoy)\b.{0,160}|"
    r"recommended(?: for you)?|sign up\b.{0,80}|(?:©|copyright)\s.{0,160}|join the (?:conversation|discussion)|"
    r"leave a (?:comment|reply)|lo más visto|comentarios(?: \(\d+\))?|lire aussi|à lire aussi|mehr zum thema|"
    r"weitere artikel|kommentare(?: \(\d+\))?|"
    # A blog's footer: "Share this: Mastodon Email", "Filed under: …", "11 thoughts on “…”".
    r"share this\b.{0,80}|like this:.{0,40}|filed under:.{0,120}|posted in:? .{0,120}|"
    r"(?:[\w’']+ )?faqs?|(?:[\w’']+ )?frequently asked questions|"  # "Event FAQs": the page's own questions
    r"\d+ (?:thoughts|responses|replies) (?:on|to)\b.{0,160}|"
    r"-{2,}\s*original message\s*-{2,})$",  # an email reply's quoted original, after the answers
    re.I,
)
# The opening says the text is something else: a page of frequently asked questions, a speech,
# a meeting's minutes (in a heading-like line of the opening, not inside a sentence: "we put
# the FAQ online").
NOT_INTERVIEW_CUE = re.compile(
    r"\b(?:frequently asked questions|FAQs?|commencement address|keynote (?:address|speech)|"
    # The author's own page of questions: "The questions I get asked most (and my honest answers)".
    r"questions (?:I|we) (?:get|am|are|'m|’m) (?:\w+ )?asked|questions (?:people|readers|you) (?:\w+ )?ask(?: me| us)?|"
    # A buyer's checklist: "12 Questions to Ask Your Wedding Photographer Before You Sign".
    r"questions (?:you should |to )ask (?:your|a|an|before|when|at)|"
    r"preguntas frecuentes|foire aux questions|häufig gestellte fragen|"
    r"minutes of (?:the |a |an )?[\w’' -]{0,40}?(?:meeting|session)|procès-verbal|verbale della riunione|"
    r"acta de la (?:reunión|sesión)|protokoll der \w*sitzung)\b",
    re.I,
)
# A meeting's minutes open so, however long the line: "MINUTES of the Ordinary Meeting of the
# Parish Council held on Tuesday 8 April 2025 at 7.30pm in the Jubilee Room".
MINUTES_HEADING = re.compile(r"^minutes of (?:the |a |an )?[\w’' -]{0,60}?(?:meeting|session)\b", re.I)
# A letter's salutation alone on its line, as an advice column prints its readers' letters.
LETTER_SALUTATION = re.compile(
    r"^(?:Dear|Liebe[r]?|Chère|Cher|Querida|Querido) [A-ZÀ-Þ][\w’'.\-]*(?: [A-ZÀ-Þ][\w’'.\-]*){0,2},$"
)
# The byline says what kind of piece it is: "An essay by …", "Opinion", "Op-ed", "Column".
NOT_INTERVIEW_GENRE = re.compile(
    r"^(?:an? )?(?:personal )?essay\b|^op-ed\b|^opinion\b|^(?:a )?column\b|^sermon(?:s| archive)?\b|^homily\b", re.I
)
AS_DELIVERED = re.compile(
    r"\bas (?:prepared for delivery|delivered)\b|\bcheck against delivery\b|\bmay differ from (?:the )?delivered version\b",
    re.I,
)
INTERVIEW_CUE = re.compile(
    r"\b(?:interview\w*|Q\s?&\s?A|questions (?:for|with|to (?!ask\b))|(?:spoke|speaks|talked|talks|chatted|sat down) (?:to|with)|"
    r"(?:we|I) (?:spoke|talked|met) (?:in|at|over|on|by|via) (?:the|her|his|their|a|an|phone|video|e-?mail)\b|"
    r"in conversation|conversation with|asked (?:him|her|them)|answers? (?:our|readers'?) questions|entrevista|"
    r"entretien|propos recueillis|intervista|interviewt?|интервью|rozmow\w*|wywiad\w*|gesprek(?:ken)?|"
    r"(?:joint )?(?:press|news) (?:conference|briefing)|conferencia de prensa|rueda de prensa|conférence de presse|"
    r"pressekonferenz|questionnaire|cuestionario|questionario|fragebogen|quickfire|quick-fire|rapid[- ]fire)\b",
    re.I,
)


def parse(text: str, filename: str = "", roles: dict[str, str] | None = None) -> Interview:
    """Read one article. ``filename`` gives the title when the text has none ("go-time-42.txt":
    "Go time 42") and the date when the text gives none ("…-2012-10-16.txt"). ``roles``: an
    editor's decisions, a label as printed → "asks", "answers" or "neither"; they beat the
    parser's own.

    Raises ParseError when there is no article to read."""
    text = normalise(text)
    if not text.strip():
        raise ParseError("the file is empty")
    controls = [m.start() for m in CONTROL_CHAR.finditer(text)]
    if "\x00" in text or len(controls) > max(3, len(text) // 1000):
        bad = text.index("\x00") if "\x00" in text else controls[0]
        raise ParseError("binary data, not text", line=text.count("\n", 0, bad) + 1)
    stray = [f"line {text.count(chr(10), 0, i) + 1}" for i in controls]
    text = CONTROL_CHAR.sub(" ", text)

    discarded: list[str] = []
    kept: list[tuple[int, str]] = []
    raw_lines, furniture = strip_page_furniture(text.split("\n"))
    discarded.extend(furniture)
    captions = caption_cues(raw_lines)
    html_page = is_html_page(raw_lines)
    if html_page:
        raw_lines, hidden = page_source_lines(raw_lines)
        discarded.extend(hidden)
    for number, line in enumerate(raw_lines, start=1):
        block_ends = False
        if html_page:  # a web page's source: <p> and headings are paragraphs, <strong> bold
            line, block_ends = html_markup(line)
        if captions and (
            CUE_TIMING.match(line)
            and not CUE_TIMING.sub("", line).strip()
            or _cue_number(raw_lines, number)
            or line.startswith("WEBVTT")
        ):
            discarded.append(line.strip())
            line = ""
        elif captions and CUE_TIMING.match(line):
            discarded.append(CUE_TIMING.match(line).group().strip())
            line = CUE_TIMING.sub("", line)
        line, removed = clean_line(line)
        discarded.extend(removed)
        kept.append((number, line))
        if block_ends:
            kept.append((number, ""))

    kept = join_thread_headers(kept, discarded)
    header, kept, header_lines = read_header(kept)
    kept, page_top = strip_page_top(kept, discarded)
    labels = turns.accepted_labels([line for _, line in kept])
    if captions:  # a speaker's name on each cue's first line labels its words
        labels.update(dict.fromkeys(caption_speakers(raw_lines), "caps-line"))
    quoted = frozenset(number for number, line in enumerate(raw_lines, start=1) if QUOTE_MARK.match(line))
    paragraphs = cut_paragraphs(kept, labels, discarded, quoted)
    labels = {canonical: labels[printed] for printed, canonical in turns.canonical_labels(labels).items()}
    if not paragraphs and "title" not in header:
        raise ParseError("no text besides web-page junk")
    interview = _Reader(
        header,
        paragraphs,
        discarded,
        fallback_title=title_from_filename(filename) if filename else "",
        label_forms=labels,
        roles=roles,
        captions=captions,
        page_top=page_top,
    ).read()
    interview.published = interview.published or date_in(filename.replace("_", "-"))
    interview.metadata_lines[:0] = header_lines
    if stray:
        interview.warnings.append(f"control characters replaced by spaces ({', '.join(stray[:5])})")
    return interview


def _cue_number(lines: list[str], number: int) -> bool:
    """A caption's sequence number: a line of digits just above a cue timing (1-based ``number``)."""
    line = lines[number - 1].strip()
    return line.isdigit() and number < len(lines) and bool(CUE_TIMING.match(lines[number]))


# A question put to someone ("you", "vous", "usted", "Sie") and an answer in the first person.
ADDRESSED = re.compile(r"\b(?:you|your|yourself|vous|votre|tu|usted|ustedes|Sie|Ihnen|du|dein)\b", re.I)
ASKING_FOR_ONESELF = re.compile(
    r"\b(?:(?:do|does|can|could|should|will|would|may|must|am|are|how do|where do|when do)\s+(?:I|we)|"
    r"puis-je|dois-je|peut-on|kann ich|muss ich|brauche ich|darf ich|puedo|necesito|debo)\b",
    re.I,
)
SPEAKING_FOR_ONESELF = re.compile(r"\b(?:I|I['’]m|I['’]ve|my|me|we|our|us)\b")


def _asked_before(question: str, earlier: list[str]) -> bool:
    """Whether a question opens with the words an earlier one opens with (at least four of
    its first eight), case and punctuation aside."""
    words = re.findall(r"\w+", fold(question))[:8]
    for q in earlier:
        before = re.findall(r"\w+", fold(q))[:8]
        size = min(len(words), len(before))
        if size >= 4 and words[:size] == before[:size]:
            return True
    return False


def _a_readers_questions(pairs: list[tuple[str, str]]) -> bool:
    """An FAQ, whatever its labels: none of three or more questions addresses anyone, a third
    or more ask for the one asking ("Do I need a ticket?", "Can we bring the dog?"), and at
    most a third of the answers speak in the first person. An interviewer asks "you"; an
    interviewee answers "I" (measured on 413 labelled documents: no interview reads so)."""
    if len(pairs) < 3 or any(ADDRESSED.search(q) for q, _ in pairs):
        return False
    for_oneself = sum(1 for q, _ in pairs if ASKING_FOR_ONESELF.search(q))
    speaking = sum(1 for _, a in pairs if SPEAKING_FOR_ONESELF.search(a))
    return for_oneself * 3 >= len(pairs) and speaking * 3 <= len(pairs)


def _numbered_questions(texts: list[str]) -> set[int]:
    """The paragraphs numbered 1, 2, 3 … in order where most of them ask: the questions of an
    email interview, prompts among them ("4. Describe the hardest line you translated.")."""
    numbered = [(i, int(m[1])) for i, t in enumerate(texts) if (m := re.match(r"(\d{1,2})[.)]\s", t))]
    run = [i for k, (i, n) in enumerate(numbered) if n == k + 1]
    if len(run) < 3 or len(run) != len(numbered):
        return set()
    return set(run) if sum(1 for i in run if ends_with_question(texts[i])) * 3 >= 2 * len(run) else set()


def _prompts(texts: list[str]) -> set[int]:
    """The short requests standing as paragraphs of their own among questions that end in "?",
    where the text asks at least twice so: "Walk us through your path since graduation." """
    asking = sum(1 for i, t in enumerate(texts[:-1]) if ends_with_question(t) and not ends_with_question(texts[i + 1]))
    if asking < 2:
        return set()
    return {
        i
        for i, text in enumerate(texts[:-1])
        if turns.REQUEST.match(text)
        and len(text.split()) <= 25
        and len(split_sentences(text)) == 1
        and text.rstrip().endswith((".", ":"))
        and not ends_with_question(texts[i + 1])
        and not turns.REQUEST.match(texts[i + 1])
    }


class _Reader(TitleBlock, Naming):
    """One pass over the paragraphs of one article."""

    def __init__(
        self,
        header,
        paragraphs,
        discarded,
        fallback_title="",
        label_forms=None,
        roles=None,
        captions=False,
        page_top=(),
    ):
        self.header = header
        self.page_top = list(page_top)  # the menus and banners taken off a web page's top
        self.captions = captions
        self.roles = roles or {}
        self.label_forms = label_forms or {}
        self.fallback_title = fallback_title
        self.paragraphs = paragraphs
        self.full_text = "\n".join(p.text for p in paragraphs)
        self.interview = Interview(title="", discarded=discarded)
        self.byline_names: list[str] = []
        self.byline_affiliation = ""
        self.not_questions: set[int] = set()
        self.cast: dict[str, list[str]] = {"asks": [], "answers": []}  # a cast list's hosts and guests

    @cached_property
    def casefolded_text(self) -> str:
        return self.full_text.casefold()

    @cached_property
    def folded_text(self) -> str:
        """The whole text folded, for finding a byline's surname in it (read only when a
        line after the title may be a byline: folding a long transcript is not free)."""
        return fold(self.full_text)

    def read(self) -> Interview:
        iv = self.interview
        body = self._read_title_block()
        iv.outlet = self.header.get("outlet", iv.outlet)
        iv.source_url = self.header.get("source", iv.source_url)
        iv.interviewer = self.header.get("interviewer", iv.interviewer)
        iv.language = self.header.get("language", "")
        iv.photo_credit = self.header.get("photo_credit", iv.photo_credit)
        if "date" in self.header:
            iv.published = parse_date(self.header["date"])
            if iv.published is None:
                iv.warnings.append(f"header Date {self.header['date']!r} is not a date; use YYYY-MM-DD")

        body, tail = self._cut_page_tail(body)
        iv.labels = [p.label for p in body + tail if p.label]
        spoken = [p.label for p in body if p.label]
        # Labelled answers under questions set apart in bold ("**Okwuosa:** In about three cases")
        # read as turns too: the bold questions are the interviewer's.
        answers = [p.label for p in body if p.label and p.mark is None]
        transcript = turns.is_transcript(spoken)
        self.answers_labelled = not transcript and len(answers) >= 2 and marked_questions(body) is not None
        self.questions_labelled = "" if transcript else self._only_questions_labelled(body)
        if (transcript or self.answers_labelled or self.questions_labelled) and not self._says_it_is_not_an_interview():
            self._read_transcript(body)
        else:
            self._read_prose(body)
        if _a_readers_questions([(p.question, p.answer) for p in iv.pairs]):
            iv.evidence.append(
                "not an interview: the questions are a reader's (“Do I need …?”, addressing nobody)"
                " and the answers speak for nobody: a page of questions"
            )
            iv.lead, iv.closing, iv.pairs, iv.speakers = join([p.text for p in body]), "", [], []
            iv.confidence = 0.8
        if tail:
            iv.closing = join([iv.closing, *(p.text for p in tail)])
            iv.evidence.append(f"the page after the interview (from “{clean(tail[0].text)[:40]}”) is closing text")
        if not iv.interviewer and (named := who_asks("\n".join([iv.title, iv.lead]))[0]):
            iv.interviewer = named[0]  # "Jo Roe sat down with Ann Lee"
            for i, pair in enumerate(iv.pairs):
                if not pair.asker:
                    iv.pairs[i] = ParsedPair(pair.question, pair.answer, pair.speaker, asker=iv.interviewer)
        iv.outlet = iv.outlet or self._guess_outlet(iv.lead) or site_of(iv.source_url)
        iv.published = iv.published or date_in(iv.title)
        if not iv.interviewer and (match := INTERVIEW_BY.search(iv.title)):
            iv.interviewer = match["name"]
        iv.language = iv.language or detect_language(" ".join([iv.title, iv.lead, *(p.answer for p in iv.pairs[:20])]))
        if not iv.pairs:
            iv.warnings.append("no answered questions found: imported as an article without answers")
        elif any(not p.speaker for p in iv.pairs):
            iv.confidence = min(iv.confidence, 0.6)
            iv.evidence.append("doubtful: the text does not say who answers; give the speaker before publishing")
        iv.evidence.append(f"confidence {iv.confidence:.2f}" + (": needs review" if iv.needs_review else ""))
        return iv

    def _only_questions_labelled(self, body: list[Paragraph]) -> str:
        """The one label of a Q&A that labels only its questions, with the outlet's initials
        ("LCC : Comment est née l’idée ?") and the answers unlabelled below them; or ""."""
        if not body:
            return ""
        turns_of = [(p, after) for p, after in zip(body, [*body[1:], None], strict=True) if p.label]
        labels = {p.label for p, _ in turns_of}
        if len(labels) != 1 or len(turns_of) < 3 or any(after is None or after.label for _, after in turns_of):
            return ""
        asking = sum(1 for p, _ in turns_of if pairing.is_question(p.text))
        return labels.pop() if asking * 2 >= len(turns_of) else ""

    def _read_prose(self, body: list[Paragraph]) -> None:
        iv = self.interview
        if self.captions:
            # Cues are cut by time, not by speaker: nothing says who asks or who answers.
            iv.lead = join([p.text for p in body])
            iv.evidence.append("captions without speaker labels: cut by time, not by speaker; no pairs")
            return
        marked = marked_questions(body)
        # In a text that does not set its questions apart, a question-shaped heading or list
        # item is the author's own ("## Why bother?"), not an interviewer's.
        # A numbered or bulleted question is an interviewer's only where the text says it is an
        # interview ("Q&A", "we spoke with"); in a listicle it is the author's.
        said = self._says_it_is_an_interview()
        self.not_questions = {
            i for i, p in enumerate(body) if p.mark == "heading" or LIST_ITEM.match(p.text) and not said
        }
        if marked is not None:
            iv.evidence.append(f"questions: the {len(marked)} paragraphs the text sets apart as headings or in bold")
        else:
            iv.evidence.append("questions: paragraphs ending in “?” before an answer, and reported questions")
        lead, pairs, closing = self._split_by_questions([p.text for p in body], marked)
        repeated = 0
        while len(pairs) > 1 and _asked_before(pairs[-1][0], [q for q, _ in pairs[:-1]]):
            # A question asked again word for word after its answer is a quotation of it (the
            # email it was sent in, a pull quote): it and what follows are closing text.
            closing = [*pairs.pop(), *closing]
            repeated += 1
        if repeated:
            iv.evidence.append(f"the last {repeated} question(s) repeat earlier ones word for word: closing text")
        if pairs and self._says_it_is_not_an_interview():
            iv.evidence.append(
                "not an interview: the opening says it is a page of questions, a speech, minutes, an essay or letters"
            )
            iv.confidence = 0.8
            lead, pairs, closing = [p.text for p in body], [], []
        elif pairs and not self._reads_as_interview([q for q, _ in pairs], marked is not None, len(body)):
            iv.evidence.append("not an interview: the questions address nobody and nothing says it is one")
            iv.confidence = 0.6 if len(pairs) >= 3 else 0.9
            lead, pairs, closing = [p.text for p in body], [], []
        elif pairs and marked is None and len(pairs) < 3 and not any(self._reported_question(q) for q, _ in pairs):
            iv.confidence = 0.6
            iv.evidence.append(f"doubtful: only {len(pairs)} question(s) found by their question marks")
        iv.lead, iv.closing = join(lead), join(closing)
        speaker = self._speaker([q for q, _ in pairs])
        # Nobody is recorded as a speaker of an article in which they answer nothing.
        iv.speakers = [speaker] if speaker and any(a for _, a in pairs) else []
        name = speaker.name if speaker else ""
        iv.pairs = [ParsedPair(q, a, name, asker=iv.interviewer) for q, a in pairs if a]
        unanswered = [q for q, a in pairs if not a]
        if unanswered:
            iv.closing = join([iv.closing, *unanswered])
            iv.warnings.append(f"{len(unanswered)} question(s) without an answer kept in the closing text")

    def _read_transcript(self, body: list[Paragraph]) -> None:
        iv = self.interview
        # A label that says nothing before the next label ("Szymon Kaliski (00:02:07) -") is
        # no turn: it neither answers nor splits the answer around it.
        body = [
            p
            for p, after in zip(body, [*body[1:], None], strict=True)
            if not p.label or re.search(r"\w", p.text) or (after and not after.label)
        ]
        spoken = [turns.Turn(p.label, p.text, p.line, marked=p.mark is not None) for p in body]
        main = self._speaker([t.text for t in spoken if t.label is None])
        interviewers, interviewees = who_asks("\n".join([iv.title, *(t.text for t in spoken[:4] if t.label is None)]))
        interviewers, interviewees = interviewers + self.cast["asks"], interviewees + self.cast["answers"]
        known_askers = {l for l in set(iv.labels) if self._names_interviewer(l) or names_one_of(l, interviewers)}
        given_floor = [m["name"] for t in spoken for m in FLOOR_GIVEN.finditer(t.text)]
        known_askers |= {l for l in set(iv.labels) if names_one_of(l, given_floor)}
        known_askers |= self._asks_in_bold(spoken)
        letters = {l for l in set(iv.labels) if self.label_forms.get(l) == "qa-letter"}
        known_askers |= letters - {"R"}  # "P. ¿Le costó?" / "R. Fuera del taller, sí."
        # Question time in a parliament: the members (seat and party) ask, the ministers answer.
        known_askers |= {l for l in set(iv.labels) if turns.member(l)}
        known_answerers = {l for l in set(iv.labels) if names_one_of(l, interviewees) or turns.office_holder(l)}
        known_answerers -= known_askers
        known_answerers |= letters & {"R"}
        posters = {l for l in set(iv.labels) if self.label_forms.get(l) == "thread-op"}
        commenters = {l for l in set(iv.labels) if self.label_forms.get(l) == "thread"} if posters else set()
        known_answerers |= posters  # a thread's original poster answers, the commenters ask
        known_askers |= commenters
        # A live chat: the staff its introduction names answer, and every other voice asks.
        staff = took_questions("\n".join([iv.title, *(t.text for t in spoken[:4] if t.label is None)]))
        if staff and (chat := {l for l in set(iv.labels) if names_one_of(l, staff)}):
            known_answerers |= chat
            known_askers |= {l for l in set(iv.labels) - chat if not turns.NEUTRAL_LABEL.match(l)}
        if self.questions_labelled:  # the one label asks; the unlabelled paragraphs answer
            known_askers.add(self.questions_labelled)
        if self.answers_labelled:  # the questions are set apart, unlabelled: the labels answer
            known_answerers |= set(iv.labels) - known_askers
        decided = speaking.decide(spoken, known_askers, self.roles, title=iv.title, known_answerers=known_answerers)
        for label in set(iv.labels) - set(self.roles or {}):  # say why in a parliament's terms
            if turns.member(label):
                decided.why[label] = "asks: a member, labelled with seat and party"
            elif turns.office_holder(label) and label in known_answerers:
                decided.why[label] = "answers: a minister, labelled by office"
        for label in (posters | commenters) - set(self.roles or {}):  # say why in the thread's terms
            decided.why[label] = (
                "answers: the thread marks them as its original poster (OP)"
                if label in posters
                else "asks: a commenter in a thread whose original poster answers"
            )
        if self.questions_labelled and self.questions_labelled not in self.roles:
            decided.why[self.questions_labelled] = "asks: the only label, on the questions; the answers are unlabelled"
        askers = decided.askers
        # Written Q&A (Wikinews-style ((WN)), "**Q: …?**" in bold, a label on the questions
        # alone) asks in short lines too.
        written = bool(self.questions_labelled) or all(
            self.label_forms.get(label) in ("wiki", "bold-turn")
            or (self.label_forms.get(label) == "markdown" and turns.QUESTION_LABEL.match(label))
            for label in askers
        )
        split = pairing.split_turns(
            spoken, askers, interjections=not written, neither=decided.neither, set_apart_ask=self.answers_labelled
        )
        if split.answerers == [turns.UNLABELLED]:
            self._reported_before(split)
        order = list(dict.fromkeys(iv.labels))
        iv.evidence.append(f"speaker-labelled transcript: {len(iv.labels)} labelled turns, {len(order)} labels")
        iv.evidence.extend(f"“{label}” {decided.why.get(label, 'answers')}" for label in order[:12])
        self._transcript_confidence(decided, split)
        iv.lead, iv.closing = join(split.lead), join(split.closing)
        context = "\n".join([iv.title, iv.lead, self.header.get("speaker", "")])
        names = {label: self._name_for_label(label, context, main) for label in set(iv.labels)}
        names[turns.UNLABELLED] = main.name if main else ""
        names = one_name_per_person(names)
        names.update(self._joint_names(names, split.answerers, askers))
        speakers: dict[str, ParsedSpeaker] = {}
        for label in split.answerers:
            name = names[label] or ("" if turns.ANSWERER_LABEL.match(label) else label)
            if not name or name in speakers:
                continue
            if main and fold(name) == fold(main.name):
                speakers[name] = main
            else:
                aliases = tuple(a for a in [label] if is_alias(a, name))
                speakers[name] = ParsedSpeaker(
                    name=name, role=self._role([name], labels=set(iv.labels)), aliases=aliases
                )
        answering = {names[a] or a for _, _, a, _ in split.pairs}
        iv.speakers = [s for name, s in speakers.items() if name in answering]
        iv.pairs = [
            ParsedPair(
                q,
                a,
                names[answerer] or ("" if turns.ANSWERER_LABEL.match(answerer) else answerer),
                asker=names.get(asker) or iv.interviewer if asker else iv.interviewer,
            )
            for q, a, answerer, asker in split.pairs
        ]

    def _reported_before(self, split) -> None:
        """A news story that reports its interview ("Asked whether …, Okonjo said …") and then
        prints excerpts as "Q:" with the answers below: the reported questions are pairs too."""
        lead, reported, after = self._split_by_questions(split.lead)
        if not reported or not all(self._reported_question(q) is not None for q, _ in reported):
            return
        if after:  # "Excerpts from the interview follow.": the last answer runs to the next question
            reported[-1] = (reported[-1][0], join([reported[-1][1], *after]))
        split.lead = lead
        split.pairs[:0] = [(q, a, turns.UNLABELLED, "") for q, a in reported]
        self.interview.evidence.append(f"{len(reported)} reported question(s) before the labelled ones")

    def _asks_in_bold(self, spoken: list[turns.Turn]) -> set[str]:
        """Labels set in bold with their question, the answer in plain text below:
        "**Don Watkins: What kind of skill set …?**" is the interviewer's, whatever follows it."""
        asked: dict[str, list[bool]] = {}
        for turn in spoken:
            if turn.label and (self.label_forms.get(turn.label) == "bold-turn" or turn.marked):  # "**DW:** **Why?**"
                asked.setdefault(turn.label, []).append(pairing.is_question(turn.text))
        return {label for label, asks in asked.items() if sum(asks) >= 0.5 * len(asks)}

    def _transcript_confidence(self, decided, split) -> None:
        iv = self.interview
        if decided.basis == "statistics":
            iv.confidence = 0.5
            iv.evidence.append("doubtful: nothing says who asks; decided by how the turns end")
        elif decided.basis == "introduced":
            iv.confidence = 0.8
        elif decided.basis == "clear statistics":
            iv.confidence = 0.8
            iv.evidence.append("who asks: nothing says it, but the turns do (most of the askers' end with a question)")
        if not split.pairs:
            iv.confidence = min(iv.confidence, 0.4)
            iv.evidence.append("doubtful: speaker labels but no answered question")
        elif len(split.closing) > max(3, len(split.pairs) // 5):
            iv.confidence = min(iv.confidence, 0.6)
            iv.evidence.append(f"doubtful: {len(split.closing)} questions at the end without an answer")

    def _split_by_questions(self, texts: list[str], marked: set[int] | None = None):
        """(lead, [(question, answer)], closing). ``marked``: the paragraphs the text sets apart
        as its questions (headings, bold); without it, a question is a paragraph ending in "?"
        before one that does not, or a reported question ("was asked about …")."""
        lead: list[str] = []
        pairs: list[tuple[str, str]] = []
        answer: list[str] = []
        question: str | None = None
        between: list[str] = []  # journalist's text after an attributed answer
        closed = False  # the current answer ended with "…," he said.
        asked_directly = False  # the current question is one the text asks, not one it reports

        def finish():
            if question is not None:
                pairs.append((question, join(answer)))

        # Questions without a "?": numbered ones among numbered questions, requests among questions.
        asking_too = _numbered_questions(texts) | _prompts(texts) if marked is None else set()
        for i, text in enumerate(texts):
            following = texts[i + 1] if i + 1 < len(texts) else ""
            if marked is not None:
                reported, direct = None, i in marked
                if direct and i - 1 in marked and question is not None and not answer:
                    question = join([question, text]).replace("\n\n", " ")  # one question in two paragraphs
                    continue
            else:
                # The paragraph after a question is its answer, whatever it reports ("… the
                # principal asked if I wanted the job").
                reported = None if asked_directly and not answer else self._reported_question(text)
                direct = (
                    (ends_with_question(text) and not ends_with_question(following) or i in asking_too)
                    and following
                    and i not in self.not_questions
                )
            if direct or reported is not None:
                finish()
                asked_directly = reported is None
                if reported is None and (item := LIST_ITEM.match(text)):
                    self.interview.discarded.append(item.group().strip())  # "1. How did it start?"
                    text = text[item.end() :]
                context, asked = ([], text) if reported is None else reported
                if not pairs and question is None:
                    lead.extend(strip_unbalanced_quote(c) for c in context)
                    context = []
                answer, between, closed = [], [], False
                if reported is not None and (inline := INLINE_ANSWER.match(asked)):
                    # "When asked about X, Stamenković told Wikinews, “Yes, …”": the answer is the quote.
                    asked = inline["question"].rstrip(",") + "."
                    answer, closed = [inline["answer"].strip(QUOTES + " ")], True
                    self.interview.discarded.append(inline["who"])
                question = join(between + context + [asked]) if (between or context) else asked
                question = question.replace("\n\n", " ")
            elif question is None:
                lead.append(text)
            elif closed:
                between.append(text)
            else:
                stripped = self._strip_attribution(text)
                answer.append(strip_unbalanced_quote(stripped))
                closed = stripped != text
        finish()
        closing = between
        if pairs and not closed and self.interview.title:
            # A direct interview may end with a paragraph about the speaker, in the third person.
            question, text = pairs[-1]
            paragraphs = text.split("\n\n")
            while len(paragraphs) > 1 and self._about_speaker(paragraphs[-1]):
                closing.insert(0, paragraphs.pop())
            pairs[-1] = (question, join(paragraphs))
        return lead, pairs, closing

    @staticmethod
    def _cut_page_tail(body: list[Paragraph]) -> tuple[list[Paragraph], list[Paragraph]]:
        """(the article, the web page after it): from a line such as "Comments (14)", "Most
        read", "More from …", "READ NEXT" on, when no question set apart and no speaker of the
        interview comes after it, what follows is the page's, not the last answer's."""
        for k in range(len(body) // 3, len(body)):
            if not PAGE_TAIL.match(clean(body[k].text).replace("**", "")):  # "**You might also enjoy:** …"
                continue
            rest = body[k:]
            speakers = {p.label for p in body[:k] if p.label}
            if any(p.label in speakers for p in rest if p.label):
                continue
            if any(p.mark in SET_APART and pairing.is_question(p.text) for p in rest):
                continue
            return body[:k], rest
        return body, []

    def _says_it_is_an_interview(self) -> bool:
        opening = " ".join([self.interview.title, *self.page_top, *(p.text for p in self.paragraphs[:8])])
        return "speaker" in self.header or bool(INTERVIEW_CUE.search(opening))

    def _says_it_is_not_an_interview(self) -> bool:
        """ "Resident parking permits: frequently asked questions", "As prepared for delivery",
        "Minutes of the Committee Meeting": the title or the opening lines say what the text is,
        and it is not an interview."""
        title = self.interview.title
        # (the first paragraph may begin with the title: "ASSOCIATION Minutes of the Meeting")
        lines = [title, *(p.text.removeprefix(title).strip() for p in self.paragraphs[:8] if not p.label)]
        lines += self.page_top  # "Infos pratiques > Foire aux questions"
        opening = "\n".join(lines)
        salutations = sum(1 for p in self.paragraphs if not p.label and LETTER_SALUTATION.match(p.text))
        if salutations >= 2:  # "Dear Ada," a reader's letter; "Dear Worried," the columnist's reply
            return True
        if any(NOT_INTERVIEW_GENRE.match(line) and len(line.split()) <= 12 for line in lines[1:4]):
            return not re.search(r"\binterview", title, re.I)  # "An essay by …", whoever she asked
        if NOT_INTERVIEW_CUE.search(title) and not INTERVIEW_CUE.search(title):
            return True  # the title says so, whoever the author spoke to for it
        if INTERVIEW_CUE.search(opening):
            return False
        return bool(AS_DELIVERED.search(opening)) or any(
            NOT_INTERVIEW_CUE.search(line) and len(line.split()) <= 12 or MINUTES_HEADING.match(line) for line in lines
        )

    def _reads_as_interview(self, questions: list[str], marked: bool, paragraphs: int) -> bool:
        """Whether question-shaped paragraphs are an interviewer's: an interviewer addresses the
        interviewee ("you", "tell us"), or the text says it is an interview, or names the
        person who answers. A post that asks itself "Why frameworks?" and answers is not one."""
        if any(self._reported_question(q) for q in questions):
            return True
        # The opening, past a web page's menus and banners: "Propos recueillis par …".
        opening = " ".join([*self.page_top, *(p.text for p in self.paragraphs[:8])])
        said = "speaker" in self.header or INTERVIEW_CUE.search(self.interview.title) or INTERVIEW_CUE.search(opening)
        if (
            len(questions) < 3
            and len(questions) < 0.15 * paragraphs
            and not ("speaker" in self.header or INTERVIEW_CUE.search(self.interview.title))
        ):
            return False  # a question or two in a long text: the author's own, unless titled so
        addressed = sum(1 for q in questions if ADDRESS.search(q))
        # Several questions: most address someone; one or two in an essay: all of them do.
        if addressed * 2 >= len(questions) if len(questions) >= 3 else addressed == len(questions):
            return True
        return bool(said or self.byline_names)

    def _reported_question(self, text: str):
        """(context sentences, the question sentences) when the paragraph reports a question."""
        sentences = split_sentences(text)
        for i, sentence in enumerate(sentences):
            if REPORTED_QUESTION.search(sentence) and not sentence.lstrip().startswith(tuple(QUOTES)):
                return sentences[:i], " ".join(sentences[i:])
        return None

    def _strip_attribution(self, text: str) -> str:
        """The answer without the journalist's closing "…," he said."""
        match = ATTRIBUTION.search(text)
        if not match:
            return text
        self.interview.discarded.append(match.group().strip())
        punct = match["punct"] or "."
        return text[: match.start()].rstrip() + ("." if punct == "," else punct)

    def _about_speaker(self, paragraph: str) -> bool:
        surnames = {n.split()[-1] for n in self.byline_names if n.split()}
        words = set(re.findall(r"[\w’']+", paragraph))
        first_person = words & {"I", "we", "We", "my", "our", "Our", "My", "me", "us"}
        return bool(surnames & words) and not first_person

    # -- who, and for whom -------------------------------------------------------------
