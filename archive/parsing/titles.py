"""The lines at the top of an article: its title, then byline, credit, date, place and other
metadata lines read into their fields (pure)::

    When the superpowers are at odds … – António Guterres    <- title
    António Guterres, UN                                     <- byline: name, affiliation
    Photo credit: Kazinform                                  <- photo credit
    James S. Brady Press Briefing Room                       <- place
    January 20, 2021                                         <- date
"""

from __future__ import annotations

import itertools
import re

from ..names import fold
from .clean import (
    DATE_WORDS,
    MENU_SEPARATOR,
    Paragraph,
    clean,
)
from .document import ParseError
from .metadata import (
    DATELINE,
    KEYED_LINE,
    PHOTO_CREDIT,
    PLACE_WORDS,
    TIME_LINE,
    URL_LINE,
    parse_date,
)
from .people import (
    HONORIFICS,
    NAME,
    NAME_WORD_RE,
)

# A line of an archive's record sheet: "Interviewer: Claire Fontaine", "Duration: 00:41:16".
CAST_KEYS = (
    r"Hosts?|Co-?hosts?|Presenters?|Moderators?|Moderated by|Chair(?:ed by|man|woman|person)?|Panel|Panell?ists?|"
    r"Guests?|Witness(?:es)?|Members present|Counsel(?: to the [\w ]{2,40})?|For [^:]{2,60}|Participants?|With|Featuring"
)
RECORD_LINE = re.compile(
    r"^(?P<key>Interviewee|Interviewer|Interviewed by|Narrator|Also present|Present|(?:Interview )?reference|Recording|"
    r"Audio file|Date(?: of (?:recording|interview)| shot| filmed| recorded)?|Recorded(?: on| at)?|Tape|Camera|"
    r"Location|Place|Venue|Duration|Length|Running time|Transcription|Transcribed by|Transcriber|Speakers?|Language|"
    r"Subject|Topics?|Project|Collection|Series|Format|Editor|Producer|Photos?|Pictures|Photography|"
    rf"{CAST_KEYS})\s*:\s*(?P<value>\S.*)$",
    re.I,
)
# Who is who above a transcript: "Host: Noor Siddiqui", "Moderator: Farida Haddad, Senior Fellow",
# "Chair: The Hon. Mrs Justice Solheim", "For Cullen Water plc (core participant): Mr Fenwick KC".
CAST = re.compile(rf"^(?:{CAST_KEYS})$", re.I)
ASKS = re.compile(r"^(?:hosts?|co-?hosts?|presenters?|moderators?|moderated by|interviewer|interviewed by)$", re.I)
PEOPLE_KEYS = {
    "interviewer",
    "interviewee",
    "interviewed by",
    "narrator",
    "also present",
    "present",
    "speakers",
    "speaker",
}
ANSWERS = re.compile(r"^(?:guests?|panel|panell?ists?|speakers?|interviewees?|witness(?:es)?)$", re.I)
QUOTED = r"[\"“”«»„‘’]"  # a headline's quotation marks
# A year in brackets after a name is no date line: "Ines Mora (BSc Chemistry, 2010)", "(born 1938)".
DEGREE_YEAR = re.compile(r"\([^()]{0,40}\b(?:19|20)\d{2}\)")
# A section's name at a page's top, never an outlet: "INTERVIEW", "Entrevista", "Q&A".
SECTION_NAME = re.compile(
    r"(?i)(?:the )?(?:interviews?|entrevistas?|entretiens?|interviste?|wywiad|q ?& ?a|transcripts?|podcasts?|news)"
)


# A byline's or a dateline's opening: "By Ann Roe", "Posted on 2 June 2024 by …", "Interview by …".
BYLINE_START = re.compile(
    r"(?:By|Posted|Published|Updated|Interview(?:ed)? by|Words(?: and pictures)? by|Text by|Von|Par|Por|"
    r"Propos recueillis par|Di|Door|Publicado|Publié|Veröffentlicht|Pubblicato|Publicada)\b\s*:?\s+\S"
)
PAGE_WORDS = re.compile(
    r"(?i)\b(?:cookies?|privacy|subscribe|sign in|log in|newsletter|advertisement|menu|donate|sign up)\b"
)


def _standfirst(line: str) -> bool:
    """A standfirst's or a caption's sentence under a headline (long, ending as a sentence,
    not a quotation), or a template's tag left in the text ("{% include author.html %}")."""
    return (
        len(line.split()) >= 12
        and line.rstrip("*_ ").endswith((".", "!", "?", "]", ")"))
        and not re.match(QUOTED, line)
        or line.startswith("[")
        or bool(re.fullmatch(r"\{[{%#].*[}%#]\}|<[^<>]+>", line))
    )


def _page_line(line: str) -> bool:
    """A line a page prints above its headline: short, a row of sections, or a banner."""
    return len(line.split()) <= 12 and not line.rstrip().endswith("?") or _menu(line) or bool(PAGE_WORDS.search(line))


def _menu(line: str) -> bool:
    """A row of a site's sections: "Culture · Ideas · Books · Music · Podcasts"."""
    return len(MENU_SEPARATOR.split(clean(line))) >= 4


NAME_END = re.compile(r"\s*(?:[,;·(–—|]|\bwith\b|\band\b).*$")


def _record_value(match) -> bool:
    """A record sheet's value: short, and for the people in it, a name (not "Welcome, Mara")."""
    value = match["value"]
    if len(value.split()) > 20:
        return False
    if match["key"].casefold() in ("interviewer", "interviewee", "interviewed by", "narrator"):
        name = value.split(",")[0].split(" (")[0].split()
        return 1 <= len(name) <= 5 and all(w[:1].isupper() for w in name) and "?" not in value
    if CAST.match(match["key"]):  # a name (with a title), not a turn ("Host: Welcome back, everyone.")
        name = NAME_END.sub("", value).split()
        return (
            2 <= len(name) <= 7
            and all(w[:1].isupper() for w in name)
            and "?" not in value
            and not value.rstrip().endswith((".", "!", "…"))  # "Chair: Ms Okafor." gives the floor
        )
    return True


def _name_in(value: str) -> str:
    """The person a record line names: "Farida Haddad, Senior Fellow" → "Farida Haddad"."""
    return NAME_END.sub("", value).strip()


def _people_in(value: str) -> list[str]:
    """The people a cast line lists: "Tomas Berg, harbour master; Dr Ines Vale" → both names."""
    people = []
    for item in re.split(r";|,(?= *[A-ZÀ-Þ][\w’'\-]+ [A-ZÀ-Þ])| and | & ", value):
        words = _name_in(item).split()
        while words and words[0].casefold().rstrip(".") in HONORIFICS:
            words.pop(0)
        if NAME.match(" ".join(words)):
            people.append(" ".join(words))
    return people


class TitleBlock:
    """The title-block half of the reader (:class:`archive.parsing.reader._Reader`)."""

    def _read_title_block(self) -> list[Paragraph]:
        iv = self.interview
        paragraphs = list(self.paragraphs)
        if "title" in self.header:
            iv.title = self.header["title"]
        elif (
            paragraphs
            and paragraphs[0].label is None
            and (len(clean(paragraphs[0].lines[0])) <= 300 and not self.captions or not self.fallback_title)
        ):
            if not self._read_top_above_byline(paragraphs):
                self._read_masthead(paragraphs)
            first = paragraphs.pop(0)
            iv.title = clean(first.lines[0])
            if len(iv.title) > 300:
                raise ParseError("the first line is not a title (over 300 characters)", line=first.line)
            if first.lines[1:]:
                paragraphs.insert(0, Paragraph(first.line + 1, first.lines[1:]))
        elif paragraphs and paragraphs[0].label is None:
            # A text that opens with its body (a paragraph too long for a title, a caption
            # file's first cue) is named after its file.
            iv.title = self.fallback_title
        else:
            iv.title = self.fallback_title
            if not iv.title:
                raise ParseError("no title: the first line is a speaker's turn; add a 'Title:' header line")
        # Short metadata paragraphs (byline, credit, date, place, time) right after the title.
        while (
            paragraphs
            and paragraphs[0].label is None
            and all(self._metadata_line(l, dry=True) for l in paragraphs[0].lines)
        ):
            for line in paragraphs.pop(0).lines:
                self._metadata_line(line)
        self._read_keyed_block(paragraphs)
        return paragraphs

    def _read_masthead(self, paragraphs: list[Paragraph]) -> None:
        """A page's masthead and section names above its headline, taken off the top: the
        masthead is the outlet, the section names are furniture, a date is read::

            THE ALDGATE REVIEW                                            <- outlet
            MUSIC                                                         <- furniture
            “The orchestra is not a museum”: Maren Solberg-Achebe on …    <- title

        Only where a line that reads as a headline follows short plain lines (longer than
        each, or quoted, or with a colon or a dash; never a date, a byline, a standfirst or
        the interview's first question), and the top reads as a page's: its furniture was
        taken off, or there are two such lines, or the masthead is in capitals."""
        leading = list(itertools.takewhile(lambda p: p.label is None, paragraphs[:4]))
        top = [(p, k) for p in leading for k in range(len(p.lines))][:6]
        run = 0
        while run < min(5, len(top) - 1) and self._above_headline(*top[run], first=not run):
            run += 1
        if not run:
            return
        lines = [clean(p.lines[k]) for p, k in top[:run]]
        masthead = lines[0]
        plain = sum(1 for p, k in top[:run] if self._plain_short(p, k) or _menu(p.lines[k]))
        page = bool(self.page_top) or plain >= 2 or masthead.isupper() and len(masthead.split()) >= 2
        if not page or not self._headline(*top[run], longest=max(len(line.split()) for line in lines)):
            return
        self._take_page_top(paragraphs, top[:run], outlet=True)

    def _take_page_top(self, paragraphs: list[Paragraph], top: list[tuple], outlet: bool) -> None:
        """Take the lines above a headline off the top: the first is the outlet (when
        ``outlet`` and it is no section's name like "INTERVIEW"), a dated line is read, an
        issue line kept as metadata, the rest (sections' names) discarded."""
        lines = [clean(p.lines[k]) for p, k, *_ in top]
        masthead = lines[0]
        if outlet and not SECTION_NAME.fullmatch(masthead):
            self.interview.outlet = self.interview.outlet or masthead
            self.interview.metadata_lines.append(masthead)
        else:
            self.interview.discarded.append(masthead)
        for line in lines[1:]:
            if self._dated(line):
                self._metadata_line(line)
            elif self._issue_line(line) and not _menu(line):  # "Aberwen & the Upper Teifi | Saturday 15 February 2025"
                self.interview.metadata_lines.append(line)
                dates = [d for part in MENU_SEPARATOR.split(line) if (d := parse_date(part.strip()))]
                self.interview.published = self.interview.published or (dates[0] if dates else None)
            else:
                self.interview.discarded.append(line)  # a section's name: "MUSIC", "ONE YEAR ON"
        taken = {(id(p), k) for p, k, *_ in top}
        kept = [
            Paragraph(p.line, [line for k, line in enumerate(p.lines) if (id(p), k) not in taken], p.label, p.mark)
            for p in paragraphs
        ]
        paragraphs[:] = [p for p in kept if p.lines or p.label]

    def _read_top_above_byline(self, paragraphs: list[Paragraph]) -> bool:
        """A web page's or a magazine's top, read back from its byline: the headline is the
        line above the byline or the date (past a standfirst's sentences and a one-word
        kicker), and the short lines above the headline are the page's::

            DEEP WATER REVIEW                                  <- outlet
            ENGINEERING / INTERVIEW                            <- furniture
            The woman who mends the internet                   <- title
            Chidinma Okwuosa has spent 17 years on … ships.    <- standfirst (lead)
            By Rafael Mendonça-Cruz                            <- byline

        Only where every line above the headline is short (a masthead, a section's name, a
        menu or a banner) and the first line is not itself a headline with its byline under
        it. False when the top does not read so: nothing is taken."""
        leading = list(itertools.takewhile(lambda p: p.label is None, paragraphs[:10]))
        top = [(p, k, clean(p.lines[k])) for p in leading for k in range(len(p.lines))][:14]
        for anchor, (_, _, line) in enumerate(top[1:], start=1):
            strong = bool(BYLINE_START.match(line))
            if not strong and not (DATE_WORDS.search(line) and self._classify_metadata(line)[0] == "date"):
                continue
            if top[0][0].mark == "heading":
                return False  # a heading opens the text: it is the title
            j = anchor - 1
            skipped = 0
            while j > 0 and skipped < 3 and (_standfirst(top[j][2]) or len(top[j][2].split()) <= 2):
                j, skipped = j - 1, skipped + 1
            # A headline over its subheading: the topmost of the lines that read as headlines.
            while j > 0 and self._headline_over(*top[j - 1], under=top[j]):
                j -= 1
            if j == 0:
                if strong:
                    return False  # the first line is the headline, its byline under it
                continue
            paragraph, k, headline = top[j]
            above = [t for _, _, t in top[:j]]
            if not self._top_headline(paragraph, k, headline) or not all(_page_line(t) for t in above):
                return False
            if not strong and len(headline.split()) <= 6 and not re.search(QUOTED + r"|[:—–]", headline):
                return False  # over a date alone, a short plain line may be a record's: "Day 23 - Transcript"
            if j > 8 or any(BYLINE_START.match(t) for t in above):
                return False
            self._take_page_top(paragraphs, top[:j], outlet=self._plain_short(top[0][0], top[0][1]))
            return True
        return False

    def _headline_over(self, paragraph: Paragraph, k: int, line: str, under: tuple) -> bool:
        """A line over a subheading that is the headline: longer than a masthead's six words
        or quoted; never a banner, an issue line or a masthead in capitals, and never over a
        line the text sets apart as a heading."""
        words = line.split()
        return (
            self._top_headline(paragraph, k, line)
            and (len(words) > 6 or bool(re.search(QUOTED + r"|[:—–]", line)))
            and not PAGE_WORDS.search(line)
            and not _standfirst(line)
            and not self._issue_line(line)
            and not (under[0].mark == "heading" and paragraph.mark != "heading")
            and not (all(w.isupper() for w in words[:2]) and not line.isupper())  # "THE VALE GAZETTE Weather: 27°C"
        )

    def _top_headline(self, paragraph: Paragraph, k: int, line: str) -> bool:
        """A line that can be a page's headline: 3 to 30 words, no metadata, no menu, no
        question set apart as the interview's first."""
        words = line.split()
        return (
            3 <= len(words) <= 30
            and not self._metadata_line(line, dry=True)
            and not _menu(line)
            and not (line[:1].isalpha() and not line[:1].isupper())
            and not (paragraph.mark in ("heading", "bold") and line.rstrip().endswith("?"))
            and not (line.endswith(".") and len(words) > 16)
            and not re.match(r"(?i)(?:transcript|from|to|subject|re)\s*:", line)
        )

    def _above_headline(self, paragraph: Paragraph, k: int, first: bool) -> bool:
        """A line a page prints above its headline: the masthead or a section's name (short
        and plain), and under the masthead a dated issue line or a row of sections."""
        line = paragraph.lines[k]
        return self._plain_short(paragraph, k) or not first and (self._issue_line(line) or _menu(line))

    def _plain_short(self, paragraph: Paragraph, k: int) -> bool:
        """A masthead's or a section's line: six words at most, no sentence, no quote."""
        line = clean(paragraph.lines[k])
        words = line.split()
        return (
            paragraph.mark != "heading"
            and 0 < len(words) <= 6
            and not re.search(r"[?!:;,\"“”«»„‘’()]|\.\s", line)
            and not (line.endswith(".") and len(words[-1]) > 4)
            and not self._dated(line)
        )

    def _issue_line(self, line: str) -> bool:
        """A dated line under a masthead: "Issue 38 | Summer 2024 | £6.50", "Saturday 15 February 2025"."""
        line = clean(line)
        return self._dated(line) or (
            len(line.split()) <= 12
            and bool(DATE_WORDS.search(DEGREE_YEAR.sub("", line)))
            and not re.search(QUOTED + r"|[?!]", line)
        )

    def _dated(self, line: str) -> bool:
        """A date, a time, a link or a credit line: metadata wherever it stands."""
        return self._classify_metadata(clean(line))[0] in ("date", "time", "url", "photo_credit", "dateline")

    def _headline(self, paragraph: Paragraph, k: int, longest: int) -> bool:
        """A line that reads as the headline under lines of at most ``longest`` words."""
        line = clean(paragraph.lines[k])
        words = line.split()
        if (
            not 3 <= len(words) <= 30
            or self._metadata_line(line, dry=True)
            or not line[:1].isupper()
            and line[:1].isalpha()
        ):
            return False
        if MENU_SEPARATOR.search(line) or DATE_WORDS.search(DEGREE_YEAR.sub("", line)) and not re.search(QUOTED, line):
            return False  # a menu, an issue line, a date line: "Issue 38 | Summer 2024 | £6.50"
        if RECORD_LINE.match(line) or re.match(r"(?i)(?:transcript|from|to|subject|re)\s*:", line):
            return False  # "DATE: THURSDAY 23 JANUARY", "Subject: …": a record's line, not a headline
        if k + 1 < len(paragraph.lines) and paragraph.lines[k + 1][:1].islower():
            return False  # a sentence wrapped over lines: a standfirst
        if paragraph.mark in ("heading", "bold") and line.rstrip().endswith("?"):
            return False  # the interview's first question
        marked = bool(re.search(QUOTED + r"|[?:—–]", line))
        if line.endswith(".") and not marked:
            return False  # a standfirst's sentence
        return marked or len(words) > longest

    def _read_keyed_block(self, paragraphs: list[Paragraph]) -> None:
        """A block of "Key: value" lines near the top (an archive's record sheet) is metadata,
        not speakers' turns, even where a key reads as a label ("Interviewer: Claire Fontaine")::

            Interviewee: Arne Halvorsen (b. 1941), compositor
            Interviewer: Claire Fontaine
            Date of recording: 9 October 2024

        So is a cast list above the first turn, even of one line: it names who is who and
        says nothing ("Host: Noor Siddiqui · Recorded 3 February", "Moderator: Farida Haddad,
        Senior Fellow", "Chair: The Hon. Mrs Justice Solheim"); the host and the moderator ask.
        """
        for i, paragraph in enumerate(paragraphs[:6]):
            # "A film by …" / "Interview transcript – Tape 14" over "Subject: …", "Location: …":
            # the sheet starts below the lines about the piece.
            matches = [bool((m := RECORD_LINE.match(clean(line))) and _record_value(m)) for line in paragraph.lines]
            first = next((k for k, matched in enumerate(matches) if matched), 0)
            if paragraph.label is None and 0 < first <= 3 and sum(matches[first:]) >= 2:
                paragraphs[i : i + 1] = [
                    Paragraph(paragraph.line, paragraph.lines[:first]),
                    Paragraph(paragraph.line + first, paragraph.lines[first:]),
                ]
                break
        for start in range(min(6, len(paragraphs))):
            run, keys, rest = [], set(), None
            for paragraph in paragraphs[start:]:
                if not paragraph.lines:
                    break
                lines = [f"{paragraph.label}: {paragraph.lines[0]}" if paragraph.label else paragraph.lines[0]]
                lines += paragraph.lines[1:]
                matches = [RECORD_LINE.match(clean(line)) for line in lines]
                keyed = next((i for i, m in enumerate(matches) if not (m and _record_value(m))), len(lines))
                found = [m["key"].casefold() for m in matches[:keyed]]
                if not keyed or keys & set(found) or len(set(found)) < len(found):
                    break  # a key twice: turns ("Interviewer: …" again), not a record sheet
                run.append((paragraph, lines[:keyed]))
                keys |= set(found)
                if keyed < len(lines):  # "Host: Noor Siddiqui" over "Transcript (auto-generated)"
                    rest = Paragraph(paragraph.line + keyed, paragraph.lines[keyed:])
                    break
            sheet = sum(len(lines) for _, lines in run) >= 3 and len(keys) >= 2
            cast = (
                keys
                and any(CAST.match(key) for key in keys)
                and not any(p.label for p in paragraphs[:start])
                and all(CAST.match(key) or key in PEOPLE_KEYS for key in keys)
            )
            if sheet or cast:
                at = paragraphs.index(run[0][0])
                for paragraph, lines in run:
                    paragraphs.remove(paragraph)
                    for line in lines:
                        self._record_line(line)
                if rest is not None:
                    paragraphs.insert(at, rest)
                return

    def _record_line(self, line: str) -> None:
        iv = self.interview
        line = clean(line)
        match = RECORD_LINE.match(line)
        key, value = match["key"].casefold(), match["value"]
        iv.metadata_lines.append(line)
        if CAST.match(key):  # "Panelists: Tomas Berg, harbour master; Dr Ines Vale, engineer"
            people = _people_in(value)
            if ASKS.match(key):
                self.cast["asks"].extend(people)
            elif ANSWERS.match(key):
                self.cast["answers"].extend(people)
        if key in ("interviewer", "interviewed by") or ASKS.match(key):
            iv.interviewer = iv.interviewer or _name_in(value)
        elif key in ("interviewee", "narrator", "guest") and "speaker" not in self.header:
            self.header["speaker"] = _name_in(value)
        elif key in ("location", "place", "venue"):
            iv.place = iv.place or value
        elif key.startswith(("date", "recorded")) and (published := parse_date(value)):
            iv.published = iv.published or published

    def _metadata_line(self, line: str, dry: bool = False) -> bool:
        """Read a header line into its field; False when the line is not metadata."""
        iv = self.interview
        line = clean(line)
        kind, value = self._classify_metadata(line)
        if kind is None:
            return False
        if dry:
            return True
        if kind != "time":
            iv.metadata_lines.append(line)
        if kind == "photo_credit":
            iv.photo_credit = value
        elif kind == "date":
            iv.published = iv.published or value
        elif kind == "interviewer":
            iv.interviewer = iv.interviewer or value
        elif kind == "byline":
            name, affiliation = value
            self.byline_names.append(name)
            self.byline_affiliation = self.byline_affiliation or affiliation
        elif kind == "place":
            iv.place = iv.place or value
        elif kind == "dateline":
            outlet, published, interviewer = value
            iv.outlet = iv.outlet or outlet
            iv.published = iv.published or published
            iv.interviewer = iv.interviewer or interviewer
        elif kind == "url":
            iv.source_url = iv.source_url or value
        else:  # a time of day: not kept
            iv.discarded.append(line)
        return True

    def _classify_metadata(self, line: str):
        if match := PHOTO_CREDIT.match(line):
            return "photo_credit", match["value"]
        if match := KEYED_LINE.match(line):
            key = match["key"].casefold()
            if key in ("location", "place", "venue"):
                return "place", match["value"]
            if key in ("interviewer", "interviewed by"):
                return "interviewer", match["value"]
            if key in ("date", "published") and parse_date(match["value"]):
                return "date", parse_date(match["value"])
        if (published := parse_date(line)) is not None:
            return "date", published
        if TIME_LINE.match(line):
            return "time", line
        if match := URL_LINE.match(line):
            return "url", match["url"]
        if match := re.match(r"^By\s+(?P<name>.+)$", line):
            return ("interviewer", match["name"]) if NAME.match(match["name"]) else (None, None)
        if match := DATELINE.match(line):
            # "Riverside Chronicle, 2012-05-29. Interview by Christine M. Campbell."
            return "dateline", (match["outlet"] or "", parse_date(match["date"]), match["by"] or "")
        if len(line.split()) > 10 or line.endswith((".", "?", "!", ":")) and not line.endswith(("Jr.", "Sr.")):
            return None, None
        name, _, affiliation = line.partition(",")
        name = name.strip()
        surname = fold(name.split()[-1]) if name.split() else ""
        if (
            NAME.match(name)
            and len(affiliation.split()) <= 6
            and not PLACE_WORDS.search(line)
            # Most texts print the surname as it folds; folding a long transcript is the dear way.
            and surname
            and (surname in self.casefolded_text or surname in self.folded_text)
        ):
            return "byline", (name, affiliation.strip())
        if PLACE_WORDS.search(line) or (
            affiliation and NAME_WORD_RE.match(name) and NAME_WORD_RE.match(affiliation.strip())
        ):
            return "place", line
        return None, None

    # -- questions and answers ---------------------------------------------------------
