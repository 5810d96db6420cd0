"""Metadata: the editor's header, dates, and the lines about an article (pure).

::

    Title: Talking trade          <- an optional header above the title (known keys only)
    Date: 2024-07-01
    Outlet: Example Times

    James S. Brady Press Briefing Room   <- a place line
    January 20, 2021                     <- a date line
    Photo credit: Kazinform              <- a photo credit
"""

from __future__ import annotations

import re
from datetime import date, datetime

from .clean import clean
from .people import INSTITUTION_WORDS, NOT_FIRST_NAMES, PERSON_NAME

HEADER_KEYS = {
    "title": "title",
    "date": "date",
    "published": "date",
    "outlet": "outlet",
    "source": "source",
    "url": "source",
    "speaker": "speaker",
    "role": "role",
    "interviewer": "interviewer",
    "language": "language",
    "photo credit": "photo_credit",
    # An email's header, when an interview done by email is pasted with it.
    "subject": "title",
    "from": "outlet",
    "sent": "date",
    "to": "recipient",
}  # (a "recipient" and a person's "sender" are read past, not kept)
EMAIL_ADDRESS = re.compile(r"\s*<[^<>@\s]+@[^<>\s]+>|^\S+@\S+$")  # "The Letter <hello@letter.example>"
HEADER_LINE = re.compile(r"^(?P<key>[A-Za-z][A-Za-z ]{1,15}):\s*(?P<value>\S.*)$")
PHOTO_CREDIT = re.compile(
    r"^(?:photo|photo credit|image|picture|photograph)\s*(?:credit)?\s*[:©]\s*(?P<value>\S.*)$", re.I
)
OUTLET_PATTERNS = (
    re.compile(r"\b(?P<name>[A-Z][\w\-]*(?: [A-Z][\w\-]*){0,3})(?: [Nn]ews [Aa]gency)? (?:correspondent|reporter)s?\b"),
    re.compile(r"\b(?:told|in an? (?:exclusive )?interview (?:with|to)) (?P<name>[A-Z][\w\-]*(?: [A-Z][\w\-]*){0,3})"),
)
OUTLET_SUFFIX = re.compile(r"\s+(?:News Agency|news agency|TV channel|TV|Agency)$")
MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
DATE_IN_TEXT = re.compile(
    rf"\b(?:(?:{MONTHS}) \d{{1,2}}, \d{{4}}|\d{{1,2}} (?:{MONTHS}) \d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})\b"
)
INTERVIEW_BY = re.compile(r"^Interview\b.*?\bby (?P<name>[A-Z][\w.’'-]+(?: [A-Z][\w.’'-]+){1,2})")
DATELINE = re.compile(
    rf"^(?:(?P<outlet>[A-Z][\w&’'.\- ]{{1,60}}?),\s+)?(?P<date>(?:{MONTHS}) \d{{1,2}}, \d{{4}}|\d{{1,2}} (?:{MONTHS}) \d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})\."
    rf"(?:\s+Interview(?:ed)? by (?P<by>[A-Z][\w.’'\- ]{{2,60}}?)\.)?$"
)
KEYED_LINE = re.compile(
    r"^(?P<key>Location|Place|Venue|Interviewer|Interviewed by|Date|Published)\s*:\s*(?P<value>\S.*)$", re.I
)
TIME_LINE = re.compile(r"^\d{1,2}:\d{2}\s*(?:[AaPp]\.?\s?[Mm]\.?)?(?:\s+[A-Z]{2,5})?$")
URL_LINE = re.compile(r"^<?(?P<url>https?://\S+?)>?$")
PLACE_WORDS = re.compile(
    r"\b(?:Room|Hall|Center|Centre|Building|House|Office|Palace|Hotel|Airport|Air Force One|Base|"
    r"Speedway|Stadium|University|College|Museum|Library|Aboard|En Route|Residence|Embassy|Ministry|"
    r"Headquarters|Campus|Arena|Theat(?:er|re)|Plaza|Square|Park|Via Teleconference|Teleconference|"
    r"Conference Call|Capitol|Senate|Parliament|Summit)\b"
)
DATE_FORMATS = (
    "%Y-%m-%d",
    "%d %B %Y",
    "%B %d, %Y",
    "%A, %B %d, %Y",
    "%d.%m.%Y",
    "%d/%m/%Y",
    "%b %d, %Y",
    "%d %b %Y",
    "%A, %d %B %Y",
    "%B %d %Y",
)


def title_from_filename(filename: str) -> str:
    """A title for a text that has none: "go-time-42.txt" → "Go time 42"."""
    stem = filename.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return " ".join(stem.replace("_", " ").replace("-", " ").split()).capitalize()


def read_header(lines: list[tuple[int, str]]) -> tuple[dict[str, str], list[tuple[int, str]], list[str]]:
    """The optional ``Key: value`` block above the title (only known keys count): the values,
    the lines after it, and its lines as written."""
    header: dict[str, str] = {}
    start = next((i for i, (_, line) in enumerate(lines) if line.strip()), len(lines))
    if fenced := _front_matter(lines, start):
        return fenced
    end = start
    for _, line in lines[start:]:
        match = HEADER_LINE.match(line.strip())
        key = HEADER_KEYS.get(match["key"].strip().lower()) if match else None
        if not key:
            break
        value = clean(match["value"])
        if match["key"].strip().lower() == "from":
            value = EMAIL_ADDRESS.sub("", value).strip()
            words = value.split()
            if (
                re.fullmatch(PERSON_NAME, value)
                and not INSTITUTION_WORDS.intersection(words)
                and words[0].casefold() not in NOT_FIRST_NAMES | {"the"}
            ):
                key = "sender"  # a person wrote the email, not an outlet: "From: Tomasz Wierzbicki"
        elif match["key"].strip().lower() == "subject":
            value = re.sub(r"^(?:(?:re|fwd?|aw|tr)\s*:\s*)+", "", value, flags=re.I)
        if value:
            header.setdefault(key, value)
        end += 1
    # One lone "Photo credit: X" first line is not a header; a header has a title or two keys.
    if len(header) < 2 and "title" not in header:
        return {}, lines, []
    return header, lines[end:], [line.strip() for _, line in lines[start:end]]


FRONT_MATTER_KEYS = HEADER_KEYS | {"author": "interviewer", "by": "interviewer"}


def _front_matter(lines: list[tuple[int, str]], start: int):
    """A static-site page's YAML front matter, ``---`` above and below ``key: value`` lines::

        ---
        title: "Meet the volunteers: Lorenzo Bassani-Ortiz"
        author: Hye-jin Park
        date: 2025-08-03
        ---

    read like a header (its author is the interviewer; other keys are kept as written), or
    None when the text does not open so."""
    if start >= len(lines) or lines[start][1].strip() != "---":
        return None
    block = lines[start + 1 : start + 41]
    close = next((i for i, (_, line) in enumerate(block) if line.strip() == "---"), None)
    if not close:
        return None
    header = {}
    for _, line in block[:close]:
        match = HEADER_LINE.match(line.strip())
        key = FRONT_MATTER_KEYS.get(match["key"].strip().lower()) if match else None
        if key:
            header[key] = clean(match["value"]).strip("\"'")
    if not header:
        return None
    end = start + 1 + close + 1
    return header, lines[end:], [line.strip() for _, line in lines[start:end]]


def detect_language(text: str) -> str:
    """An ISO 639-1 code for the text's language ("en", "ru", "kk"…), or "" when too short to say."""
    if len(text.split()) < 5:
        return ""
    import py3langid  # loads its model on first use (about half a second)

    return py3langid.classify(text[:5000])[0]


def date_in(text: str) -> date | None:
    """A date written out in a title: "Press Briefing …, January 20, 2021"."""
    match = DATE_IN_TEXT.search(text)
    return parse_date(match.group()) if match else None


def parse_date(value: str) -> date | None:
    value = clean(value).rstrip(".")
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return None


def site_of(url: str) -> str:
    """The site a source URL is on, as an outlet of last resort: "https://www.example.org/a" →
    "example.org"."""
    match = re.match(r"^https?://(?:www\.)?(?P<host>[^/:?#\s]+)", url or "")
    return match["host"].lower() if match else ""
