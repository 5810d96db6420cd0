"""Bytes of a transcript file to text, or a one-line reason why they are not text."""

import codecs
import re

from charset_normalizer import from_bytes

from .document import ParseError

SIGNATURES = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"RIFF": "a RIFF media file (WebP, WAV, AVI)",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (a .docx or .odt is one too)",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office document",
    b"\x1f\x8b": "a gzip archive",
    b"\x7fELF": "a program",
    b"{\\rtf": "an RTF document",
}
# The encodings transcripts arrive in besides UTF-8; detection chooses among these only,
# so a short Windows-1252 text is not mistaken for an exotic code page.
CANDIDATES = ["utf_16", "cp1252", "cp1251", "latin_1", "iso8859_15", "koi8_r", "cp1250", "mac_roman"]


def decode(raw: bytes) -> tuple[str, str]:
    """Return (text, encoding name). Raises ParseError for empty, binary or undecodable input."""
    if not raw.strip():
        raise ParseError("the file is empty")
    for signature, kind in SIGNATURES.items():
        if raw.startswith(signature):
            raise ParseError(f"this is {kind}, not a text file")
    if raw[257:262] == b"ustar":  # a tar archive's header names its format at this offset
        raise ParseError("this is a tar archive, not a text file")
    for signature, kind in (
        (b"BZh", "a bzip2 archive"),
        (b"\xfd7zXZ\x00", "an xz archive"),
        (b"7z\xbc\xaf", "a 7-Zip archive"),
    ):
        if raw.startswith(signature):
            raise ParseError(f"this is {kind}, not a text file")
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if raw.startswith(bom):
            try:
                return raw.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise ParseError(f"starts like {encoding} but is not valid {encoding} (byte {exc.start})") from None
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    candidates = CANDIDATES
    if any(0x80 <= byte <= 0x9F for byte in raw):
        # Those bytes are control characters in Latin-1 and Latin-9, and text has none: they
        # are Windows quotes and dashes („ “ – …).
        candidates = [c for c in CANDIDATES if c not in ("latin_1", "iso8859_15")]
    if re.search(rb"[A-Za-z]\x92[A-Za-z]", raw):
        # "that\x92s": a Windows apostrophe between letters, which Mac Roman reads as a letter
        # ("thatís") that its coherence cannot tell from a word.
        candidates = [c for c in candidates if c != "mac_roman"]
    matches = list(from_bytes(raw, cp_isolation=candidates))
    # Among the readings about as clean as the cleanest (within 1% odd characters: an Italian
    # page is as clean in cp1250 as in cp1252, "C'č" for "C'è"), the one whose letters read
    # most like a language wins; equally plausible ones go to the more common encoding.
    least = min((m.chaos for m in matches), default=0.0)
    best = min(
        matches,
        key=lambda m: (
            m.chaos > least + 0.01,
            -m.coherence,
            CANDIDATES.index(m.encoding) if m.encoding in CANDIDATES else 99,
        ),
        default=None,
    )
    if best is None or (b"\x00" in raw and best.encoding != "utf_16"):
        raise ParseError("binary data or an unknown encoding, not text")
    return str(best), best.encoding
