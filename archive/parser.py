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
* ``Q:`` / ``A:`` (or ``Question:`` / ``Answer:``) labelled blocks;
* an optional header an editor may put above the title, one ``Key: value`` per line, for
  what the text does not say: ``Title``, ``Date``, ``Outlet``, ``Source`` (a URL), ``Speaker``,
  ``Role``, ``Interviewer``, ``Language``, ``Photo credit``.

Every word of the input ends up in exactly one place: a field, a pair, or ``discarded``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime

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
    lead: str = ""
    closing: str = ""
    speakers: list[Speaker] = field(default_factory=list)
    pairs: list[Pair] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    discarded: list[str] = field(default_factory=list)


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
QA_LABEL = re.compile(r"^(?P<label>Q|A|Question|Answer)\s*[:.)\-–—]\s*", re.I)
REPORTED_QUESTION = re.compile(
    r"\b(?:was|were|is|are|had been|has been|being) asked\b"
    r"|\basked (?:him|her|them|whether|if|about|how|what|why|when|where|who)\b",
    re.I,
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
TITLE_SEPARATOR = re.compile(r"\s+[–—-]\s+(?=[^–—-]+$)")
NAME_WORD = r"[A-ZÀ-ÖØ-ÞĀ-ſ][\w’'\-.]*"
NAME = re.compile(rf"^{NAME_WORD}(?: (?:{NAME_WORD}|de|da|del|van|von|der|bin|al|la|le|dos|das)){{1,4}}$")
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


def parse(text: str) -> Interview:
    """Read one article. Raises ParseError when there is no article to read."""
    text = normalise(text)
    if not text.strip():
        raise ParseError("the file is empty")
    bad = next((i for i, c in enumerate(text) if _is_binary_char(c)), None)
    if bad is not None:
        raise ParseError("binary data, not text", line=text.count("\n", 0, bad) + 1)

    lines = text.split("\n")
    discarded: list[str] = []
    kept: list[tuple[int, str]] = []
    for number, line in enumerate(lines, start=1):
        if _is_junk(line):
            discarded.append(line.strip())
            kept.append((number, ""))
        else:
            kept.append((number, line.rstrip()))

    header, kept = _read_header(kept)
    paragraphs = _paragraphs(kept)
    if not paragraphs and "title" not in header:
        raise ParseError("no text besides web-page junk")

    reader = _Reader(header, paragraphs, discarded)
    return reader.read()


def normalise(text: str) -> str:
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def _is_binary_char(c: str) -> bool:
    return c not in "\n\t\f\v" and unicodedata.category(c) == "Cc"


def _is_junk(line: str) -> bool:
    return line.strip().strip(".:!»›>|-–—").strip().casefold() in JUNK_LINES


def _read_header(lines: list[tuple[int, str]]) -> tuple[dict[str, str], list[tuple[int, str]]]:
    """The optional ``Key: value`` block above the title; only known keys count."""
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
        return {}, lines
    return header, lines[end:]


def _paragraphs(lines: list[tuple[int, str]]) -> list[tuple[int, list[str]]]:
    paragraphs: list[tuple[int, list[str]]] = []
    current: list[str] = []
    first = 0
    for number, line in lines:
        if line.strip():
            if not current:
                first = number
            current.append(" ".join(line.split()))
        elif current:
            paragraphs.append((first, current))
            current = []
    if current:
        paragraphs.append((first, current))
    return paragraphs


def _split_at_labels(paragraphs: list[tuple[int, list[str]]]) -> list[str]:
    """Paragraphs as text, a new one starting at each Q:/A: line inside a paragraph."""
    texts: list[str] = []
    for _, lines in paragraphs:
        current: list[str] = []
        for line in lines:
            if QA_LABEL.match(line) and current:
                texts.append(" ".join(current))
                current = []
            current.append(line)
        texts.append(" ".join(current))
    return texts


def _clean(value: str) -> str:
    return " ".join(value.replace("\u00a0", " ").split())


def _join(paragraphs: list[str]) -> str:
    return "\n\n".join(p for p in paragraphs if p)


def _ends_with_question(paragraph: str) -> bool:
    return paragraph.rstrip(QUOTES + " )").endswith("?")


def _accented(name: str) -> int:
    return sum(1 for c in name if ord(c) > 127)


def _sentences(paragraph: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?…])\s+(?=[\"“«A-ZÀ-Þ])", paragraph) if s]


def _strip_unbalanced_quote(text: str) -> str:
    if text[:1] in "\"“«" and not any(q in text[1:] for q in "\"”»"):
        return text[1:].lstrip()
    return text


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

    def __init__(self, header, paragraphs, discarded):
        self.header = header
        self.paragraphs = paragraphs
        self.interview = Interview(title="", discarded=discarded)
        self.byline_names: list[str] = []
        self.byline_affiliation = ""

    def read(self) -> Interview:
        iv = self.interview
        body = self._read_title_block()
        iv.outlet = self.header.get("outlet", "")
        iv.source_url = self.header.get("source", "")
        iv.interviewer = self.header.get("interviewer", "")
        iv.language = self.header.get("language", "")
        iv.photo_credit = self.header.get("photo_credit", iv.photo_credit)
        if "date" in self.header:
            iv.published = _parse_date(self.header["date"])
            if iv.published is None:
                iv.warnings.append(f"header Date {self.header['date']!r} is not a date; use YYYY-MM-DD")

        if any(QA_LABEL.match(line) for _, lines in body for line in lines):
            lead, pairs, closing = self._split_labelled(_split_at_labels(body))
        else:
            lead, pairs, closing = self._split_by_questions([" ".join(lines) for _, lines in body])

        iv.lead = _join(lead)
        iv.closing = _join(closing)
        iv.outlet = iv.outlet or self._guess_outlet(iv.lead)
        speaker = self._speaker(pairs)
        iv.speakers = [speaker] if speaker else []
        name = speaker.name if speaker else ""
        iv.pairs = [Pair(q, a, name, asker=iv.interviewer) for q, a in pairs]
        if not iv.pairs:
            iv.warnings.append("no questions found: imported as an article without answers")
        for number, pair in enumerate(iv.pairs, start=1):
            if not pair.answer:
                iv.warnings.append(f"question {number} has no answer in the text")
        return iv

    # -- title, byline, metadata -------------------------------------------------------
    def _read_title_block(self) -> list[tuple[int, list[str]]]:
        iv = self.interview
        paragraphs = list(self.paragraphs)
        if "title" in self.header:
            iv.title = self.header["title"]
        elif paragraphs:
            number, lines = paragraphs.pop(0)
            iv.title = _clean(lines[0])
            if len(iv.title) > 300:
                raise ParseError("the first line is not a title (over 300 characters)", line=number)
            if lines[1:]:
                paragraphs.insert(0, (number + 1, lines[1:]))
        # Short metadata paragraphs (byline, credit, date) right after the title.
        while paragraphs and all(self._metadata_line(line, dry=True) for line in paragraphs[0][1]):
            for line in paragraphs.pop(0)[1]:
                self._metadata_line(line)
        return paragraphs

    def _metadata_line(self, line: str, dry: bool = False) -> bool:
        iv = self.interview
        line = _clean(line)
        if match := PHOTO_CREDIT.match(line):
            if not dry:
                iv.photo_credit = match["value"]
            return True
        if (published := _parse_date(line)) is not None:
            if not dry:
                iv.published = iv.published or published
            return True
        if match := re.match(r"^By\s+(?P<name>.+)$", line):
            if NAME.match(match["name"]):
                if not dry:
                    iv.interviewer = iv.interviewer or match["name"]
                return True
            return False
        name, _, affiliation = line.partition(",")
        if NAME.match(name.strip()) and len(affiliation.split()) <= 6 and not line.endswith((".", "?", "!", ":")):
            if not dry:
                self.byline_names.append(name.strip())
                self.byline_affiliation = self.byline_affiliation or affiliation.strip()
            return True
        return False

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
                question = _join(between + context + [asked]) if (between or context) else asked
                question = question.replace("\n\n", " ")
                answer, between, closed = [], [], False
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

    @staticmethod
    def _strip_attribution(text: str) -> str:
        match = ATTRIBUTION.search(text)
        if not match:
            return text
        punct = match["punct"] or "."
        return text[: match.start()].rstrip() + ("." if punct == "," else punct)

    def _about_speaker(self, paragraph: str) -> bool:
        surnames = {n.split()[-1] for n in self.byline_names if n.split()}
        words = set(re.findall(r"[\w’']+", paragraph))
        first_person = words & {"I", "we", "We", "my", "our", "Our", "My", "me", "us"}
        return bool(surnames & words) and not first_person

    def _split_labelled(self, texts: list[str]):
        lead: list[str] = []
        pairs: list[tuple[str, str]] = []
        question: list[str] | None = None
        answer: list[str] = []
        in_answer = False
        for text in texts:
            match = QA_LABEL.match(text)
            label = match["label"].lower()[:1] if match else ""
            body = text[match.end():] if match else text
            if label == "q":
                if question is not None:
                    pairs.append((_join(question), _join(answer)))
                question, answer, in_answer = [body], [], False
            elif question is None:
                lead.append(text)
            elif label == "a" or in_answer:
                answer.append(body)
                in_answer = True
            else:
                question.append(body)
        if question is not None:
            pairs.append((_join(question), _join(answer)))
        return lead, pairs, []

    # -- who, and for whom -------------------------------------------------------------
    def _speaker(self, pairs) -> Speaker | None:
        iv = self.interview
        candidates = list(self.byline_names)
        if "speaker" in self.header:
            candidates.insert(0, self.header["speaker"])
        suffix = self._title_suffix()
        if suffix and NAME.match(suffix):
            candidates.append(suffix)
        if not candidates:
            return None
        primary = candidates[0]
        key = fold(primary)
        spellings = [c for c in candidates if fold(c) == key]
        # The same name printed elsewhere in the article, perhaps with its accents.
        for text in [iv.title, iv.lead, iv.closing] + [q for q, _ in pairs]:
            for match in re.finditer(NAME_WORD + r"(?: " + NAME_WORD + r")+", text):
                words = match.group().split()
                for size in range(len(key.split()), 0, -1):
                    for start in range(0, len(words) - size + 1):
                        piece = " ".join(words[start:start + size]).rstrip(".,;:")
                        if fold(piece) == key:
                            spellings.append(piece)
        name = max(spellings, key=lambda s: (_accented(s), -spellings.index(s)))
        aliases = tuple(dict.fromkeys(s for s in spellings if s != name))
        role = self.header.get("role") or self._role(spellings) or self.byline_affiliation
        return Speaker(name=name, role=role, aliases=aliases)

    def _title_suffix(self) -> str:
        parts = TITLE_SEPARATOR.split(self.interview.title)
        return parts[-1].strip() if len(parts) == 2 else ""

    def _role(self, spellings: list[str]) -> str:
        texts = [self.interview.lead, self.interview.title]
        for spelling in dict.fromkeys(spellings):
            name = re.escape(spelling)
            for text in texts:
                after = re.search(name + r", (?:the |a |an )?(?P<role>[^,.;()]{2,60}),", text)
                if after and len(after["role"].split()) <= 8:
                    return after["role"].strip()
                before = re.search(rf"(?P<role>(?:{ROLE_WORD} ){{1,6}}){name}", text)
                if before:
                    role = before["role"].strip()
                    words = role.split()
                    while words and words[0][0].islower():
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
