"""Cleaning lines and cutting the text into paragraphs (pure).

Debris goes to ``discarded``, never silently away::

    \\[00:04:01\\] **Adam Stacoviak:** Welcome back.   -> timestamp discarded, label kept
    Currently reading                                -> web-page junk: discarded
    END 1:45 P.M. EST                                -> end marker: discarded
    [the text](https://example.org)                  -> "the text"; the address discarded
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from . import turns

# Lines a web page leaves in copied text. Matched whole, ignoring case and end punctuation.
JUNK_LINES = {
    "currently reading",
    "read more",
    "read also",
    "read next",
    "related",
    "related articles",
    "share",
    "share this",
    "share this article",
    "share on facebook",
    "share on twitter",
    "tweet",
    "print",
    "advertisement",
    "subscribe",
    "subscribe now",
    "continue reading",
    "click here",
    "follow us",
    "back to top",
    "comments",
    "most read",
    "also read",
}
END_MARKER = re.compile(r"^END(?:\s+\d{1,2}:\d{2}\s*[AP]\.?M\.?(?:\s+[A-Z]{2,4})?)?$")
STAGE_DIRECTION = re.compile(
    r"\((?:Laughter|Laughs|Applause|Inaudible|Crosstalk|Cross-talk|Silence|Pause|Music|Break|Recess)\.?\)", re.I
)
ODD_SPACE = re.compile(r"[^\S\n]")
INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad]")  # zero-width characters, soft hyphens
# The credit line of a pull quote: "—Natasha Gownaris", or a quote repeated with its credit.
PULL_QUOTE_CREDIT = re.compile(
    r"^(?:[\"“].{10,400}[\"”]\s*)?[—–]\s*[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){1,3}(?:,[^.]{0,120})?$"
)
# An image caption with its credit: "Jorgensen in July 2020.Image: Gage Skidmore."
IMAGE_CAPTION = re.compile(r"^\S.{0,200}?\S\s*(?:Image|Photo|Picture)s?:\s*[^.:]{1,80}\.?$")
QUOTED_TITLE = re.compile(r"^[\"“«„].{1,200}$")
HEADING = re.compile(r"^#{1,6}\s+")
MARKDOWN_LINK = re.compile(r"\[(?P<text>[^\]\n]*)\]\((?P<url>[^)\s]+)\)")
MARKDOWN_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|~])")
HTML_TAG = re.compile(r"</?[a-zA-Z][^<>\n]{0,200}>")
QUOTES = '"“”«»„'


def normalise(text: str) -> str:
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


# Control characters other than line breaks and tabs (Unicode category Cc).
CONTROL_CHAR = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def is_junk(line: str) -> bool:
    return line.strip().strip(".:!»›>|-–—").strip().casefold() in JUNK_LINES


def clean_line(line: str) -> tuple[str, list[str]]:
    """The line without web and Markdown debris, and what was taken out of it."""
    line = ODD_SPACE.sub(" ", INVISIBLE.sub("", line))  # no-break and thin spaces, tabs
    stripped = line.strip()
    if (
        is_junk(stripped)
        or END_MARKER.match(stripped)
        or STAGE_DIRECTION.fullmatch(stripped)
        or PULL_QUOTE_CREDIT.match(stripped)
        or IMAGE_CAPTION.match(stripped)
    ):
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


@dataclass
class Paragraph:
    line: int
    lines: list[str]
    label: str | None = None

    @property
    def text(self) -> str:
        return " ".join(self.lines)


def paragraphs(lines: list[tuple[int, str]], labels: set[str], discarded: list[str]) -> list[Paragraph]:
    """Blank-line separated paragraphs; a line opening with a speaker label starts a new one."""
    paragraphs: list[Paragraph] = []
    current: Paragraph | None = None
    canonical = turns.canonical_labels(labels)
    for number, line in lines:
        if not line.strip():
            current = None
            continue
        line, stamp = turns.strip_timestamp(line.strip())
        if stamp:
            discarded.append(stamp)
        found = turns.find_label(line) if labels else None
        if found and not paragraphs and current is None and QUOTED_TITLE.match(found[1]):
            found = None  # a headline like `Guterres: “We must act now”`, not a turn
        if found and found[0] in labels:
            label, rest, _ = found
            label = canonical.get(label, label)
            rest, stamp = turns.strip_timestamp(rest)
            if stamp:
                discarded.append(stamp)
            current = Paragraph(number, [" ".join(rest.split())] if rest.strip() else [], label)
            paragraphs.append(current)
        elif current is None:
            current = Paragraph(number, [" ".join(line.split())])
            paragraphs.append(current)
        else:
            current.lines.append(" ".join(line.split()))
    return [p for p in paragraphs if p.lines or p.label]


def clean(value: str) -> str:
    return " ".join(value.replace("\u00a0", " ").split())


def join(paragraphs: list[str]) -> str:
    return "\n\n".join(p for p in paragraphs if p)


def ends_with_question(paragraph: str) -> bool:
    return paragraph.rstrip(QUOTES + " )").endswith("?")


def split_sentences(paragraph: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?…])\s+(?=[\"“«A-ZÀ-Þ])", paragraph) if s]


def strip_unbalanced_quote(text: str) -> str:
    if text[:1] in '"“«' and not any(q in text[1:] for q in '"”»'):
        return text[1:].lstrip()
    return text
