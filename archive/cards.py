"""The social-card image of one answer (Pillow): what a shared link shows before anyone opens it.

A 1200×630 PNG, the size Open Graph and Twitter's ``summary_large_image`` ask for::

    INTERVIEW ARCHIVE
    “The climate crisis and water scarcity are         the answer, whole sentences, as large as
     among the most dramatic problems. […]”            the text allows (serif, 64 down to 40 px)
    António Guterres                                   the speaker, bold
    UN Secretary General                               the role held in that interview
    Kazinform · 12 June 2024                           outlet and date, when known

Text stays at least 40 px high at full size, about 13 px in a 400 px wide timeline preview.

Each card is drawn once and kept on disk, ``DATA_DIR/cards/<key>/<version>.png``. The version
is a digest of everything drawn (and of :data:`REVISION`), so a corrected answer, a renamed
speaker or a new date gets a new file and a new address (the pages link ``?v=<version>``, so
social sites that keep images fetch the new one); older files of that answer are removed when
the new one is written. Writes go to a temporary file renamed into place: two workers drawing
the same card at once both end with a whole file.

Fonts: DejaVu, from Debian's fonts-dejavu-core (the Makefile's ``system-packages`` installs it):
it covers Latin, Greek and Cyrillic, so Kazakh and Russian answers draw correctly.
"""

import hashlib
import io
import json
import logging
import os
import tempfile
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path

from django.conf import settings
from PIL import Image, ImageDraw, ImageFont

from .sentences import shorten

log = logging.getLogger(__name__)

REVISION = "1"  # change when the drawing changes: every card is drawn again
WIDTH, HEIGHT = 1200, 630
MARGIN = 72
ARCHIVE_NAME = "Interview Archive"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONTS = {"quote": "DejaVuSerif.ttf", "bold": "DejaVuSans-Bold.ttf", "regular": "DejaVuSans.ttf"}
QUOTE_SIZES = (64, 58, 52, 46, 40)  # the largest that holds the shortened quote wins
QUOTE_BOX = (WIDTH - 2 * MARGIN, 318)  # width and height the quote may fill
INK, MUTED, ACCENT, PAPER = "#14202b", "#4a5866", "#a3201b", "#fbfaf6"


@dataclass(frozen=True)
class Facts:
    """Everything a card shows; its digest is the card's version."""

    key: str
    quote: str
    speaker: str = ""
    role: str = ""
    outlet: str = ""
    date: str = ""

    @property
    def version(self) -> str:
        data = json.dumps({"revision": REVISION, **asdict(self)}, ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(data.encode()).hexdigest()[:12]


def facts_for(pair) -> Facts:
    """What the card of ``pair`` (with article and speaker loaded) shows."""
    article = pair.article
    published = article.published
    return Facts(
        key=pair.key,
        quote=" ".join((pair.answer or pair.question).split()),
        speaker=pair.speaker.name if pair.speaker_id else "",
        role=pair.role(),
        outlet=article.outlet,
        date=f"{published.day} {published:%B %Y}" if published else "",
    )


@cache
def font(kind: str, size: int) -> ImageFont.FreeTypeFont:
    path = FONT_DIR / FONTS[kind]
    if path.exists():
        return ImageFont.truetype(str(path), size)
    # Cards still draw without the Debian fonts (Pillow's own font covers Latin only).
    log.warning("%s is missing (Debian package fonts-dejavu-core): cards use Pillow's font", path)
    return ImageFont.load_default(size)


def _wrap(text: str, face, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if line and face.getlength(candidate) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    return [*lines, line] if line else lines


def _fit_quote(quote: str) -> tuple[list[str], ImageFont.FreeTypeFont]:
    """The quote shortened at a sentence, in the largest size whose lines fill the box."""
    width, height = QUOTE_BOX
    for limit in (280, 220, 170, 130, 100):
        text = f"“{shorten(quote, limit, hard=True)}”"
        for size in QUOTE_SIZES:
            face = font("quote", size)
            lines = _wrap(text, face, width)
            if len(lines) * round(size * 1.3) <= height and all(face.getlength(x) <= width for x in lines):
                return lines, face
    # Words wider than the card (a long web address): cut each line to fit.
    face = font("quote", QUOTE_SIZES[-1])
    return [_fit_line(line, face, width) for line in _wrap(f"“{shorten(quote, 80, hard=True)}”", face, width)[:4]], face


def _fit_line(text: str, face, width: int) -> str:
    if face.getlength(text) <= width:
        return text
    while text and face.getlength(text + "…") > width:
        text = text[:-1]
    return text.rstrip() + "…"


def render(facts: Facts) -> bytes:
    """The card as PNG bytes."""
    image = Image.new("RGB", (WIDTH, HEIGHT), PAPER)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 14, HEIGHT), fill=ACCENT)
    draw.text((MARGIN, 44), ARCHIVE_NAME.upper(), font=font("bold", 28), fill=ACCENT)

    lines, face = _fit_quote(facts.quote)
    y = 108
    for line in lines:
        draw.text((MARGIN, y), line, font=face, fill=INK)
        y += round(face.size * 1.3)

    width = WIDTH - 2 * MARGIN
    below = [
        (facts.speaker, font("bold", 44), INK),
        (facts.role, font("regular", 32), MUTED),
        (" · ".join(p for p in (facts.outlet, facts.date) if p), font("regular", 30), MUTED),
    ]
    y = HEIGHT - 48
    for text, face, colour in reversed([b for b in below if b[0]]):
        y -= round(face.size * 1.25)
        draw.text((MARGIN, y), _fit_line(text, face, width), font=face, fill=colour)

    out = io.BytesIO()
    image.save(out, "PNG")  # not optimize=True: a little smaller, several times slower (BENCHMARKS.md)
    return out.getvalue()


def card_dir(key: str) -> Path:
    return Path(settings.DATA_DIR) / "cards" / key


def card_file(facts: Facts) -> Path:
    """The card's file on disk, drawn now if this version is not there yet."""
    folder = card_dir(facts.key)
    path = folder / f"{facts.version}.png"
    if path.exists():
        return path
    folder.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=folder, prefix=".", suffix=".tmp", delete=False) as tmp:
        tmp.write(render(facts))
    os.replace(tmp.name, path)
    for old in folder.glob("*.png"):
        if old != path:
            old.unlink(missing_ok=True)
    return path
