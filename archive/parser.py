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
  cut into pairs by :mod:`archive.transcripts`;
* debris: timestamps, ``END 1:45 P.M.``, ``(Laughter.)`` lines, Markdown, HTML, pull-quote credits;
* an optional header an editor may put above the title, one ``Key: value`` per line, for
  what the text does not say: ``Title``, ``Date``, ``Outlet``, ``Source`` (a URL), ``Speaker``,
  ``Role``, ``Interviewer``, ``Language``, ``Photo credit``.

Every word of the input ends up in exactly one place: a field, a pair, or ``discarded``.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime

from . import transcripts

__all__ = ["Interview", "Pair", "ParseError", "Speaker", "parse", "fold"]


class ParseError(ValueError):
    """The text cannot be read as an article; ``line`` is 1-based when known."""

    def __init__(self, reason: str, line: int | None = None):
        self.reason = reason
        self.line = line
        super().__init__(f"line {line}: {reason}" if line else reason)


@dataclass(frozen=True)
class Speaker:
    name: str
    role: str = ""
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Pair:
    question: str
    answer: str
    speaker: str
    asker: str = ""


@dataclass
class Interview:
    title: str
    outlet: str = ""
    published: date | None = None
    photo_credit: str = ""
    source_url: str = ""
    interviewer: str = ""
    language: str = ""
    place: str = ""
    lead: str = ""
    closing: str = ""
    speakers: list[Speaker] = field(default_factory=list)
    pairs: list[Pair] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    discarded: list[str] = field(default_factory=list)  # junk lines, timestamps, markers: reported
    labels: list[str] = field(default_factory=list)      # speaker labels, in order
    metadata_lines: list[str] = field(default_factory=list)  # header, byline, credit lines read into fields


# Lines a web page leaves in copied text. Matched whole, ignoring case and end punctuation.
JUNK_LINES = {
    "currently reading", "read more", "read also", "read next", "related", "related articles",
    "share", "share this", "share this article", "share on facebook", "share on twitter",
    "tweet", "print", "advertisement", "subscribe", "subscribe now", "continue reading",
    "click here", "follow us", "back to top", "comments", "most read", "also read",
}

HEADER_KEYS = {
    "title": "title", "date": "date", "published": "date", "outlet": "outlet",
    "source": "source", "url": "source", "speaker": "speaker", "role": "role",
    "interviewer": "interviewer", "language": "language", "photo credit": "photo_credit",
}
HEADER_LINE = re.compile(r"^(?P<key>[A-Za-z][A-Za-z ]{1,15}):\s*(?P<value>\S.*)$")
PHOTO_CREDIT = re.compile(r"^(?:photo|photo credit|image|picture|photograph)\s*(?:credit)?\s*[:©]\s*(?P<value>\S.*)$", re.I)
REPORTED_QUESTION = re.compile(
    r"\b(?:was|were|is|are|had been|has been|being) asked\b"
    r"|\basked (?:him|her|them|whether|if|about|how|what|why|when|where|who)\b",
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
OUTLET_PATTERNS = (
    re.compile(r"\b(?P<name>[A-Z][\w\-]*(?: [A-Z][\w\-]*){0,3})(?: [Nn]ews [Aa]gency)? (?:correspondent|reporter)s?\b"),
    re.compile(r"\b(?:told|in an? (?:exclusive )?interview (?:with|to)) (?P<name>[A-Z][\w\-]*(?: [A-Z][\w\-]*){0,3})"),
)
OUTLET_SUFFIX = re.compile(r"\s+(?:News Agency|news agency|TV channel|TV|Agency)$")
END_MARKER = re.compile(r"^END(?:\s+\d{1,2}:\d{2}\s*[AP]\.?M\.?(?:\s+[A-Z]{2,4})?)?$")
STAGE_DIRECTION = re.compile(r"\((?:Laughter|Laughs|Applause|Inaudible|Crosstalk|Cross-talk|Silence|Pause|Music|Break|Recess)\.?\)", re.I)
ODD_SPACE = re.compile(r"[^\S\n]")
INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad]")  # zero-width characters, soft hyphens
# The credit line of a pull quote: "—Natasha Gownaris", or a quote repeated with its credit.
PULL_QUOTE_CREDIT = re.compile(r"^(?:[\"“].{10,400}[\"”]\s*)?[—–]\s*[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){1,3}(?:,[^.]{0,120})?$")
# An image caption with its credit: "Jorgensen in July 2020.Image: Gage Skidmore."
IMAGE_CAPTION = re.compile(r"^\S.{0,200}?\S\s*(?:Image|Photo|Picture)s?:\s*[^.:]{1,80}\.?$")
QUOTED_TITLE = re.compile(r"^[\"“«„].{1,200}$")
HEADING = re.compile(r"^#{1,6}\s+")
MARKDOWN_LINK = re.compile(r"\[(?P<text>[^\]\n]*)\]\((?P<url>[^)\s]+)\)")
MARKDOWN_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|~])")
HTML_TAG = re.compile(r"</?[a-zA-Z][^<>\n]{0,200}>")
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
DATE_IN_TEXT = re.compile(rf"\b(?:(?:{MONTHS}) \d{{1,2}}, \d{{4}}|\d{{1,2}} (?:{MONTHS}) \d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})\b")
INTERVIEW_BY = re.compile(r"^Interview\b.*?\bby (?P<name>[A-Z][\w.’'-]+(?: [A-Z][\w.’'-]+){1,2})")
DATELINE = re.compile(
    rf"^(?:(?P<outlet>[A-Z][\w&’'.\- ]{{1,60}}?),\s+)?(?P<date>(?:{MONTHS}) \d{{1,2}}, \d{{4}}|\d{{1,2}} (?:{MONTHS}) \d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})\."
    rf"(?:\s+Interview(?:ed)? by (?P<by>[A-Z][\w.’'\- ]{{2,60}}?)\.)?$")
KEYED_LINE = re.compile(r"^(?P<key>Location|Place|Venue|Interviewer|Interviewed by|Date|Published)\s*:\s*(?P<value>\S.*)$", re.I)
TIME_LINE = re.compile(r"^\d{1,2}:\d{2}\s*(?:[AaPp]\.?\s?[Mm]\.?)?(?:\s+[A-Z]{2,5})?$")
URL_LINE = re.compile(r"^<?(?P<url>https?://\S+?)>?$")
PLACE_WORDS = re.compile(
    r"\b(?:Room|Hall|Center|Centre|Building|House|Office|Palace|Hotel|Airport|Air Force One|Base|"
    r"Speedway|Stadium|University|College|Museum|Library|Aboard|En Route|Residence|Embassy|Ministry|"
    r"Headquarters|Campus|Arena|Theat(?:er|re)|Plaza|Square|Park|Via Teleconference|Teleconference|"
    r"Conference Call|Capitol|Senate|Parliament|Summit)\b"
)
TITLE_SEPARATOR = re.compile(r"\s+[–—-]\s+(?=[^–—-]+$)")
NAME_WORD = r"[A-ZÀ-ÖØ-ÞĀ-ſ][\w’'\-.]*"
NAME = re.compile(rf"^{NAME_WORD}(?: (?:{NAME_WORD}|de|da|del|van|von|der|bin|al|la|le|dos|das)){{1,4}}$")
NAME_WORD_RE = re.compile(r"^[A-ZÀ-ÖØ-Þ][\w’'\-.]*(?: [A-ZÀ-ÖØ-Þ][\w’'\-.]*)*$")
# Words that open a title ("Interview of President Trump"), not a role.
NOT_ROLE_WORDS = {
    "interview", "interviews", "remarks", "briefing", "gaggle", "conversation", "call",
    "conference", "statement", "transcript", "exclusive", "talk", "talks", "readout", "background",
    "on-the-record", "moderated", "joint", "and", "with", "by",
}
ROLE_WORD = r"(?:[A-Z][\w\-’']*|of|for|the|and|on)"
DATE_FORMATS = (
    "%Y-%m-%d", "%d %B %Y", "%B %d, %Y", "%A, %B %d, %Y", "%d.%m.%Y", "%d/%m/%Y",
    "%b %d, %Y", "%d %b %Y", "%A, %d %B %Y", "%B %d %Y",
)
QUOTES = "\"“”«»„"


def fold(name: str) -> str:
    """The matching key of a name: accents, case, punctuation and spacing ignored."""
    decomposed = unicodedata.normalize("NFKD", name)
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w]+", " ", letters.casefold()).split())


def parse(text: str, filename: str = "") -> Interview:
    """Read one article. ``filename`` gives the title when the text has none ("go-time-42.txt":
    "Go time 42") and the date when the text gives none ("…-2012-10-16.txt").

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
    for number, line in enumerate(text.split("\n"), start=1):
        line, removed = _clean_line(line)
        discarded.extend(removed)
        kept.append((number, line))

    header, kept, header_lines = _read_header(kept)
    labels = transcripts.accepted_labels([line for _, line in kept])
    paragraphs = _paragraphs(kept, labels, discarded)
    labels = {canonical: labels[printed] for printed, canonical in transcripts.canonical_labels(labels).items()}
    if not paragraphs and "title" not in header:
        raise ParseError("no text besides web-page junk")
    interview = _Reader(header, paragraphs, discarded, fallback_title=title_from_filename(filename) if filename else "",
                        label_forms=labels).read()
    interview.published = interview.published or _date_in(filename.replace("_", "-"))
    interview.metadata_lines[:0] = header_lines
    if stray:
        interview.warnings.append(f"control characters replaced by spaces ({', '.join(stray[:5])})")
    return interview


def title_from_filename(filename: str) -> str:
    """A title for a text that has none: "go-time-42.txt" → "Go time 42"."""
    stem = filename.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return " ".join(stem.replace("_", " ").replace("-", " ").split()).capitalize()


def normalise(text: str) -> str:
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


# Control characters other than line breaks and tabs (Unicode category Cc).
CONTROL_CHAR = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _is_junk(line: str) -> bool:
    return line.strip().strip(".:!»›>|-–—").strip().casefold() in JUNK_LINES


def _clean_line(line: str) -> tuple[str, list[str]]:
    """The line without web and Markdown debris, and what was taken out of it."""
    line = ODD_SPACE.sub(" ", INVISIBLE.sub("", line))  # no-break and thin spaces, tabs
    stripped = line.strip()
    if (_is_junk(stripped) or END_MARKER.match(stripped) or STAGE_DIRECTION.fullmatch(stripped)
            or PULL_QUOTE_CREDIT.match(stripped) or IMAGE_CAPTION.match(stripped)):
        return "", [stripped]
    removed = []
    if HEADING.match(stripped):
        line = HEADING.sub("", stripped)
    removed.extend(m["url"] for m in MARKDOWN_LINK.finditer(line))
    line = MARKDOWN_LINK.sub(lambda m: m["text"], line)
    for tag in HTML_TAG.findall(line):
        removed.append(tag)
    line = HTML_TAG.sub("", line)
    line = MARKDOWN_ESCAPE.sub(r"\1", line)
    return line.rstrip(), removed


def _read_header(lines: list[tuple[int, str]]) -> tuple[dict[str, str], list[tuple[int, str]], list[str]]:
    """The optional ``Key: value`` block above the title (only known keys count): the values,
    the lines after it, and its lines as written."""
    header: dict[str, str] = {}
    start = next((i for i, (_, line) in enumerate(lines) if line.strip()), len(lines))
    end = start
    for _, line in lines[start:]:
        match = HEADER_LINE.match(line.strip())
        key = HEADER_KEYS.get(match["key"].strip().lower()) if match else None
        if not key:
            break
        header[key] = _clean(match["value"])
        end += 1
    # One lone "Photo credit: X" first line is not a header; a header has a title or two keys.
    if len(header) < 2 and "title" not in header:
        return {}, lines, []
    return header, lines[end:], [line.strip() for _, line in lines[start:end]]


@dataclass
class _Paragraph:
    line: int
    lines: list[str]
    label: str | None = None

    @property
    def text(self) -> str:
        return " ".join(self.lines)


def _paragraphs(lines: list[tuple[int, str]], labels: set[str], discarded: list[str]) -> list[_Paragraph]:
    """Blank-line separated paragraphs; a line opening with a speaker label starts a new one."""
    paragraphs: list[_Paragraph] = []
    current: _Paragraph | None = None
    canonical = transcripts.canonical_labels(labels)
    for number, line in lines:
        if not line.strip():
            current = None
            continue
        line, stamp = transcripts.strip_timestamp(line.strip())
        if stamp:
            discarded.append(stamp)
        found = transcripts.find_label(line) if labels else None
        if found and not paragraphs and current is None and QUOTED_TITLE.match(found[1]):
            found = None  # a headline like `Guterres: “We must act now”`, not a turn
        if found and found[0] in labels:
            label, rest, _ = found
            label = canonical.get(label, label)
            rest, stamp = transcripts.strip_timestamp(rest)
            if stamp:
                discarded.append(stamp)
            current = _Paragraph(number, [" ".join(rest.split())] if rest.strip() else [], label)
            paragraphs.append(current)
        elif current is None:
            current = _Paragraph(number, [" ".join(line.split())])
            paragraphs.append(current)
        else:
            current.lines.append(" ".join(line.split()))
    return [p for p in paragraphs if p.lines or p.label]


def _clean(value: str) -> str:
    return " ".join(value.replace("\u00a0", " ").split())


def _join(paragraphs: list[str]) -> str:
    return "\n\n".join(p for p in paragraphs if p)


def _ends_with_question(paragraph: str) -> bool:
    return paragraph.rstrip(QUOTES + " )").endswith("?")


def accented(name: str) -> int:
    """How many letters beyond ASCII a spelling has: the accented spelling is the one to show."""
    return sum(1 for c in name if ord(c) > 127)


def _sentences(paragraph: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?…])\s+(?=[\"“«A-ZÀ-Þ])", paragraph) if s]


def _strip_unbalanced_quote(text: str) -> str:
    if text[:1] in "\"“«" and not any(q in text[1:] for q in "\"”»"):
        return text[1:].lstrip()
    return text


HONORIFICS = {
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "the", "hon", "honorable",
    "president", "vice", "prime", "minister", "secretary", "general", "secretary-general", "senator",
    "sen", "governor", "gov", "ambassador", "admiral", "mayor", "chancellor", "premier", "deputy",
    "first", "lady", "chief", "director", "speaker", "leader", "representative", "rep", "congressman",
    "congresswoman", "judge", "justice", "commissioner", "chairman", "chairwoman", "chair", "press",
    "national", "security", "advisor", "adviser", "spokesperson", "spokesman", "spokeswoman", "state",
    "of", "defense", "treasury", "attorney", "foreign", "king", "queen", "prince", "princess", "sheikh",
}


NOT_FIRST_NAMES = {
    "and", "but", "or", "so", "under", "before", "after", "by", "in", "on", "at", "with", "from", "to",
    "for", "of", "as", "if", "when", "then", "thank", "thanks", "yes", "no", "well", "okay", "oh", "hi",
    "hello", "dear", "says", "said", "ask", "asked", "tell", "told", "welcome", "meet", "where", "what",
    "why", "how", "who", "which", "while", "because", "also", "both", "now", "today", "here", "there",
    "this", "that", "these", "those", "my", "our", "your", "his", "her", "their", "member", "council",
    "house", "office", "communications", "strategic", "economic", "white", "united", "states", "new",
    "i’m", "i'm", "it’s", "it's", "that’s", "that's", "let’s", "let's", "we’re", "you’re",
}
FIRST_NAME = r"(?:[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ’'\-]+|[A-Z]\.)"


def _full_name(surname: str, text: str) -> str:
    """The most printed "First [Middle] Surname" in ``text`` for this surname, or ""."""
    if len(surname) < 2:
        return ""
    pattern = re.compile(rf"(?<![\w-])((?:{FIRST_NAME} ){{1,2}})(?i:{re.escape(surname)})(?![\w-])")
    counts: dict[str, int] = {}
    for match in pattern.finditer(text):
        words = match.group(1).split()
        while words and (words[0].casefold().strip(".") in HONORIFICS | NOT_FIRST_NAMES):
            words.pop(0)
        last = match.group()[len(match.group(1)):]
        if not words or not last[:1].isupper() or any(w.casefold().strip(".") in HONORIFICS | NOT_FIRST_NAMES for w in words):
            continue
        name = " ".join(words + [last if not last.isupper() else last.capitalize()])
        counts[name] = counts.get(name, 0) + 1
    if not counts:
        return ""
    return max(counts, key=lambda n: (counts[n], len(n)))


def _similar_name(surname: str, text: str) -> str:
    """A full name in ``text`` whose surname is this one misspelt ("Gutteres": "António Guterres")."""
    best, best_ratio = "", 0.0
    for match in re.finditer(rf"\b{FIRST_NAME} (?P<last>[A-ZÀ-Þ][a-zà-ÿ’'\-]{{3,}})\b", text):
        ratio = difflib.SequenceMatcher(None, surname.casefold(), match["last"].casefold()).ratio()
        if ratio > best_ratio and match.group().split()[0].casefold() not in HONORIFICS | NOT_FIRST_NAMES:
            best, best_ratio = match.group(), ratio
    return best if best_ratio >= 0.8 else ""


def _name_with_initials(initials: str, text: str) -> str:
    """A name in ``text`` whose initials are these ("AA" for Andreas Antonopoulos), or ""."""
    letters = list(initials.upper())
    pattern = re.compile(r"\b" + r" ".join(rf"{c}[a-zà-ÿ’'\-]+" for c in letters) + r"\b")
    match = pattern.search(text)
    return match.group() if match else ""


def _is_alias(label: str, name: str) -> bool:
    """Keep a label as another spelling only when it names the person, not a role."""
    words = {w.casefold() for w in re.split(r"[\s.]+", label) if w} - HONORIFICS
    return label != name and bool(words) and bool(words & {w.casefold() for w in name.split()})


def detect_language(text: str) -> str:
    """An ISO 639-1 code for the text's language ("en", "ru", "kk"…), or "" when too short to say."""
    if len(text.split()) < 5:
        return ""
    import py3langid  # loads its model on first use (about half a second)

    return py3langid.classify(text[:5000])[0]


def _date_in(text: str) -> date | None:
    """A date written out in a title: "Press Briefing …, January 20, 2021"."""
    match = DATE_IN_TEXT.search(text)
    return _parse_date(match.group()) if match else None


def _parse_date(value: str) -> date | None:
    value = _clean(value).rstrip(".")
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return None


class _Reader:
    """One pass over the paragraphs of one article."""

    def __init__(self, header, paragraphs, discarded, fallback_title="", label_forms=None):
        self.header = header
        self.label_forms = label_forms or {}
        self.fallback_title = fallback_title
        self.paragraphs = paragraphs
        self.full_text = " ".join(p.text for p in paragraphs)
        self.folded_text = fold(self.full_text)
        self.interview = Interview(title="", discarded=discarded)
        self.byline_names: list[str] = []
        self.byline_affiliation = ""

    def read(self) -> Interview:
        iv = self.interview
        body = self._read_title_block()
        iv.outlet = self.header.get("outlet", iv.outlet)
        iv.source_url = self.header.get("source", iv.source_url)
        iv.interviewer = self.header.get("interviewer", iv.interviewer)
        iv.language = self.header.get("language", "")
        iv.photo_credit = self.header.get("photo_credit", iv.photo_credit)
        if "date" in self.header:
            iv.published = _parse_date(self.header["date"])
            if iv.published is None:
                iv.warnings.append(f"header Date {self.header['date']!r} is not a date; use YYYY-MM-DD")

        iv.labels = [p.label for p in body if p.label]
        if transcripts.is_transcript(iv.labels):
            self._read_transcript(body)
        else:
            self._read_prose(body)
        iv.outlet = iv.outlet or self._guess_outlet(iv.lead)
        iv.published = iv.published or _date_in(iv.title)
        if not iv.interviewer and (match := INTERVIEW_BY.search(iv.title)):
            iv.interviewer = match["name"]
        iv.language = iv.language or detect_language(" ".join([iv.title, iv.lead, *(p.answer for p in iv.pairs[:20])]))
        if not iv.pairs:
            iv.warnings.append("no answered questions found: imported as an article without answers")
        return iv

    def _read_prose(self, body: list[_Paragraph]) -> None:
        iv = self.interview
        # A paragraph that is only a label-less line of its own, e.g. a heading, stays text.
        lead, pairs, closing = self._split_by_questions([p.text for p in body])
        iv.lead, iv.closing = _join(lead), _join(closing)
        speaker = self._speaker([q for q, _ in pairs])
        iv.speakers = [speaker] if speaker else []
        name = speaker.name if speaker else ""
        iv.pairs = [Pair(q, a, name, asker=iv.interviewer) for q, a in pairs if a]
        unanswered = [q for q, a in pairs if not a]
        if unanswered:
            iv.closing = _join([iv.closing, *unanswered])
            iv.warnings.append(f"{len(unanswered)} question(s) without an answer kept in the closing text")

    def _read_transcript(self, body: list[_Paragraph]) -> None:
        iv = self.interview
        turns = [transcripts.Turn(p.label, p.text, p.line) for p in body]
        main = self._speaker([t.text for t in turns if t.label is None])
        known_askers = {l for l in set(iv.labels) if self._names_interviewer(l)}
        askers = transcripts.classify(turns, known_askers, set())
        # Wikinews-style ((WN)) labels mark a written interview, not a conversation.
        written = all(self.label_forms.get(label) == "wiki" for label in askers)
        split = transcripts.split_turns(turns, askers, interjections=not written)
        iv.lead, iv.closing = _join(split.lead), _join(split.closing)
        context = " ".join([iv.title, iv.lead, self.header.get("speaker", "")])
        names = {label: self._name_for_label(label, context, main) for label in set(iv.labels)}
        names[transcripts.UNLABELLED] = main.name if main else ""
        speakers: dict[str, Speaker] = {}
        for label in split.answerers:
            name = names[label] or ("" if transcripts.ANSWERER_LABEL.match(label) else label)
            if not name or name in speakers:
                continue
            if main and fold(name) == fold(main.name):
                speakers[name] = main
            else:
                aliases = tuple(a for a in [label] if _is_alias(a, name))
                speakers[name] = Speaker(name=name, role=self._role([name]), aliases=aliases)
        iv.speakers = list(speakers.values())
        iv.pairs = [
            Pair(q, a, names[answerer] or ("" if transcripts.ANSWERER_LABEL.match(answerer) else answerer),
                 asker=names.get(asker) or iv.interviewer if asker else iv.interviewer)
            for q, a, answerer, asker in split.pairs
        ]

    def _names_interviewer(self, label: str) -> bool:
        """The title or header says this label is who asked ("Interview of X by Jamie Little")."""
        interviewer = self.header.get("interviewer") or self.interview.interviewer
        words = set(fold(label).split())
        # Whole words of the name ("Campbell:", "Christine Campbell:"), never a letter ("A:").
        if interviewer and words and words <= set(fold(interviewer).split()) and len(fold(label)) > 2:
            return True
        match = re.search(r"\b(?:by|with) (?P<name>[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){1,3})", self.interview.title)
        return bool(match and re.match(r"(?:Interview|Conversation|Q&A)\b", self.interview.title) and fold(label) == fold(match["name"]))

    def _name_for_label(self, label: str, context: str, main: Speaker | None) -> str:
        """The person behind a label: "MS. PSAKI" is the "Jen Psaki" of the title."""
        if transcripts.ASKER_LABEL.match(label) and not re.search(r"\b(?:senator|rep|representative|congress)", label, re.I):
            return ""
        if transcripts.ANSWERER_LABEL.match(label):
            return main.name if main else ""
        words = [w for w in re.split(r"[\s.]+", label) if w]
        # Role words and, beside them, organisations' initials ("UN SECRETARY GENERAL") are no name.
        core = [w for w in words if w.casefold() not in HONORIFICS
                and not (len(words) > 1 and len(w) <= 3 and w.isupper() and w.isalpha())]
        if core and len(core) == len(words) and len(core) >= 2 and not label.isupper():
            return label  # already a full name: "Hillary R Clinton", "Erik St. Martin"
        if core:
            surname = core[-1]
            full = (_full_name(surname, context) or _full_name(surname, self.full_text)
                    or _similar_name(surname, context + " " + self.full_text))
            if full:
                return full
            if len(core) == 1 and len(surname) <= 4 and surname.isupper():
                initials = _name_with_initials(surname, context + " " + self.full_text)
                if initials:
                    return initials
            if label.isupper() and len(label) > 3:
                return " ".join(w.capitalize() for w in core)
            return label
        # A role alone ("THE PRESIDENT", "UN SECRETARY GENERAL"): the title names who held it.
        role = r"[\s-]+".join(re.escape(w) for w in re.split(r"[\s-]+", label) if w.casefold() != "the")
        match = re.search(rf"\b(?i:{role})\s+(?P<name>{FIRST_NAME}(?: [A-ZÀ-Þ][\w’'\-]+)?)", context)
        if match:
            name = match["name"]
            if " " in name and self.full_text.count(name) + context.count(name) >= 2:
                return name  # "UN Secretary General António Guterres"
            first = name.split()[0]
            return _full_name(first, self.full_text) or first
        return label.title()

    # -- title, byline, metadata -------------------------------------------------------
    def _read_title_block(self) -> list[_Paragraph]:
        iv = self.interview
        paragraphs = list(self.paragraphs)
        if "title" in self.header:
            iv.title = self.header["title"]
        elif paragraphs and paragraphs[0].label is None:
            first = paragraphs.pop(0)
            iv.title = _clean(first.lines[0])
            if len(iv.title) > 300:
                raise ParseError("the first line is not a title (over 300 characters)", line=first.line)
            if first.lines[1:]:
                paragraphs.insert(0, _Paragraph(first.line + 1, first.lines[1:]))
        else:
            iv.title = self.fallback_title
            if not iv.title:
                raise ParseError("no title: the first line is a speaker's turn; add a 'Title:' header line")
        # Short metadata paragraphs (byline, credit, date, place, time) right after the title.
        while paragraphs and paragraphs[0].label is None and all(self._metadata_line(l, dry=True) for l in paragraphs[0].lines):
            for line in paragraphs.pop(0).lines:
                self._metadata_line(line)
        return paragraphs

    def _metadata_line(self, line: str, dry: bool = False) -> bool:
        """Read a header line into its field; False when the line is not metadata."""
        iv = self.interview
        line = _clean(line)
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
            if key in ("date", "published") and _parse_date(match["value"]):
                return "date", _parse_date(match["value"])
        if (published := _parse_date(line)) is not None:
            return "date", published
        if TIME_LINE.match(line):
            return "time", line
        if match := URL_LINE.match(line):
            return "url", match["url"]
        if match := re.match(r"^By\s+(?P<name>.+)$", line):
            return ("interviewer", match["name"]) if NAME.match(match["name"]) else (None, None)
        if match := DATELINE.match(line):
            # "Riverside Chronicle, 2012-05-29. Interview by Christine M. Campbell."
            return "dateline", (match["outlet"] or "", _parse_date(match["date"]), match["by"] or "")
        if len(line.split()) > 10 or line.endswith((".", "?", "!", ":")) and not line.endswith(("Jr.", "Sr.")):
            return None, None
        name, _, affiliation = line.partition(",")
        name = name.strip()
        surname = fold(name.split()[-1]) if name.split() else ""
        mentioned = surname and surname in self.folded_text
        if NAME.match(name) and len(affiliation.split()) <= 6 and mentioned and not PLACE_WORDS.search(line):
            return "byline", (name, affiliation.strip())
        if PLACE_WORDS.search(line) or (affiliation and NAME_WORD_RE.match(name) and NAME_WORD_RE.match(affiliation.strip())):
            return "place", line
        return None, None

    # -- questions and answers ---------------------------------------------------------
    def _split_by_questions(self, texts: list[str]):
        lead: list[str] = []
        pairs: list[tuple[str, str]] = []
        answer: list[str] = []
        question: str | None = None
        between: list[str] = []  # journalist's text after an attributed answer
        closed = False           # the current answer ended with "…," he said.

        def finish():
            if question is not None:
                pairs.append((question, _join(answer)))

        for i, text in enumerate(texts):
            following = texts[i + 1] if i + 1 < len(texts) else ""
            reported = self._reported_question(text)
            direct = _ends_with_question(text) and following and not _ends_with_question(following)
            if direct or reported is not None:
                finish()
                context, asked = ([], text) if reported is None else reported
                if not pairs and question is None:
                    lead.extend(_strip_unbalanced_quote(c) for c in context)
                    context = []
                answer, between, closed = [], [], False
                if reported is not None and (inline := INLINE_ANSWER.match(asked)):
                    # "When asked about X, Stamenković told Wikinews, “Yes, …”": the answer is the quote.
                    asked = inline["question"].rstrip(",") + "."
                    answer, closed = [inline["answer"].strip(QUOTES + " ")], True
                    self.interview.discarded.append(inline["who"])
                question = _join(between + context + [asked]) if (between or context) else asked
                question = question.replace("\n\n", " ")
            elif question is None:
                lead.append(text)
            elif closed:
                between.append(text)
            else:
                stripped = self._strip_attribution(text)
                answer.append(_strip_unbalanced_quote(stripped))
                closed = stripped != text
        finish()
        closing = between
        if pairs and not closed and self.interview.title:
            # A direct interview may end with a paragraph about the speaker, in the third person.
            question, text = pairs[-1]
            paragraphs = text.split("\n\n")
            while len(paragraphs) > 1 and self._about_speaker(paragraphs[-1]):
                closing.insert(0, paragraphs.pop())
            pairs[-1] = (question, _join(paragraphs))
        return lead, pairs, closing

    def _reported_question(self, text: str):
        """(context sentences, the question sentences) when the paragraph reports a question."""
        sentences = _sentences(text)
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
    def _speaker(self, texts: list[str]) -> Speaker | None:
        """The interviewee named by the header, byline or title, in their best-printed spelling."""
        iv = self.interview
        candidates = list(self.byline_names)
        if "speaker" in self.header:
            candidates.insert(0, self.header["speaker"])
        suffix = self._title_suffix()
        if suffix and NAME.match(suffix):
            candidates.append(suffix)
        if not candidates:
            candidates = self._named_in_title(texts)
        if not candidates:
            return None
        primary = candidates[0]
        key = fold(primary)
        spellings = [c for c in candidates if fold(c) == key]
        # The same name printed elsewhere in the article, perhaps with its accents.
        for text in [iv.title, iv.lead, iv.closing, *texts]:
            for match in re.finditer(NAME_WORD + r"(?: " + NAME_WORD + r")+", text):
                words = match.group().split()
                for size in range(len(key.split()), 0, -1):
                    for start in range(0, len(words) - size + 1):
                        piece = " ".join(words[start:start + size]).rstrip(".,;:")
                        if fold(piece) == key:
                            spellings.append(piece)
        name = max(spellings, key=lambda s: (accented(s), -spellings.index(s)))
        aliases = tuple(dict.fromkeys(s for s in spellings if s != name))
        role = self.header.get("role") or self._role(spellings) or self.byline_affiliation
        return Speaker(name=name, role=role, aliases=aliases)

    def _named_in_title(self, texts: list[str]) -> list[str]:
        """People the title names ("… Wikinews interviews biologist Natasha Gownaris"), the one
        the text mentions most first."""
        body = " ".join([self.interview.lead, self.interview.closing, *texts])
        names = []
        for run in re.finditer(r"[A-ZÀ-Þ][\w’'\-]*(?: [A-ZÀ-Þ][\w’'\-]*)+", self.interview.title):
            words = run.group().split()
            while words and (words[0].casefold() in HONORIFICS | NOT_FIRST_NAMES | NOT_ROLE_WORDS | {"wikinews"}
                             or words[0].isupper()):
                words.pop(0)
            if 2 <= len(words) <= 4 and not any(w.casefold() in HONORIFICS | {"wikinews"} for w in words):
                names.append(" ".join(words))
        mentions = {n: len(re.findall(rf"\b{re.escape(n.split()[-1])}\b", body)) for n in names}
        return sorted((n for n in names if mentions[n]), key=lambda n: -mentions[n])

    def _title_suffix(self) -> str:
        parts = TITLE_SEPARATOR.split(self.interview.title)
        return parts[-1].strip() if len(parts) == 2 else ""

    def _role(self, spellings: list[str]) -> str:
        texts = [self.interview.lead, self.interview.title]
        for spelling in dict.fromkeys(spellings):
            name = re.escape(spelling)
            for text in texts:
                after = re.search(name + r", (?:the |a |an )?(?P<role>[^,.;()]{2,60}),", text)
                if after and len(after["role"].split()) <= 8 and not DATE_IN_TEXT.search(after["role"] + " 2000") \
                        and not re.search(r"\d", after["role"]):
                    return after["role"].strip()
                before = re.search(rf"(?P<role>(?:{ROLE_WORD} ){{1,6}}){name}", text)
                if before:
                    words = before["role"].split()
                    while words and (words[0][0].islower() or words[0].casefold() in NOT_ROLE_WORDS):
                        words.pop(0)
                    if words:
                        return " ".join(words)
        suffix = self._title_suffix()
        if suffix and not NAME.match(suffix) and len(suffix.split()) <= 6:
            return suffix
        return ""

    def _guess_outlet(self, lead: str) -> str:
        for pattern in OUTLET_PATTERNS:
            for match in pattern.finditer(lead):
                name = OUTLET_SUFFIX.sub("", match["name"]).strip()
                if name and fold(name) not in {fold(n) for n in self.byline_names}:
                    return name
        return ""
