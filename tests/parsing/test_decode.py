"""Bytes become the text their author typed, whatever code page they came in (texts written
for these tests)."""

from pathlib import Path

import pytest

from archive.parsing import ParseError, decode

ITALIAN = (
    "«Un violino si ascolta prima con le mani»\n\n"
    "D: Come si diventa liutaia? C'è chi nasce in una famiglia di artigiani, giusto?\n\n"
    "R: Giustissimo. Mio padre era ragioniere e in casa non c'era nemmeno un pianoforte. "
    "Il liutaio mi lasciò guardare mentre lavorava, e da quel pomeriggio non ho più pensato ad altro.\n\n"
    "D: Quanto tempo serve? È una scelta di principio?\n\n"
    "R: Circa tre mesi, perché la vernice ha i suoi tempi. Pubblicità a parte, la città vive di liuteria.\n"
)
GERMAN = (
    "„Der Wind gehört allen“ – Bürgermeisterin Kühn über den Windpark\n\n"
    "Frage: Frau Kühn, warum ausgerechnet hier?\n\n"
    "Antwort: Weil die Höfe hier seit Generationen vom Wetter leben. Für uns ist das Geld "
    "aus dem Park ein Stück Unabhängigkeit, und das Dorf hat darüber abgestimmt.\n"
)


@pytest.mark.parametrize("text", [ITALIAN, GERMAN], ids=["italian", "german"])
def test_a_western_european_text_in_windows_1252_reads_as_typed(text):
    assert decode(text.encode("cp1252"))[0] == text


def test_an_italian_page_in_windows_1252_is_not_read_as_central_european():
    # As clean in cp1250 as in cp1252, but "C'č" and "Pubblicitŕ" are no Italian.
    raw = (Path(__file__).parent / "written/sealed-d/09-voce-del-po-ferraresi-it.txt").read_bytes()
    text, _ = decode(raw)
    assert text == raw.decode("cp1252")
    assert "C'è chi nasce" in text and "Pubblicità" in text


def test_windows_quotes_are_quotes_not_control_characters():
    # Bytes 0x80-0x9F are controls in Latin-1 and Latin-9 but quotes and dashes in Windows-1252.
    raw = (Path(__file__).parent / "written/dev-c/15-interview-buergermeisterin-windpark.txt").read_bytes()
    text, _ = decode(raw)
    assert text == raw.decode("cp1252")
    assert not any("\x80" <= c <= "\x9f" for c in text)


def test_utf8_with_and_without_a_signature_and_utf16_read_as_typed():
    assert decode(GERMAN.encode("utf-8")) == (GERMAN, "utf-8")
    assert decode(GERMAN.encode("utf-8-sig")) == (GERMAN, "utf-8-sig")
    assert decode(GERMAN.encode("utf-16"))[0] == GERMAN


@pytest.mark.parametrize(
    ("raw", "reason"),
    [(b"   \n", "the file is empty"), (b"%PDF-1.7\n" + bytes(40), "this is a PDF document, not a text file")],
)
def test_what_is_not_text_is_refused_with_the_reason(raw, reason):
    with pytest.raises(ParseError, match=reason):
        decode(raw)


def test_a_windows_apostrophe_between_letters_is_not_read_as_mac_roman():
    said = (
        "Mr President, the fishermen’s association says the route isn’t final. What do you say to them? "
        "I met the fishermen’s association in July and I’ll meet them again. We’re not ruling anything "
        "in or out today, and that’s the truth.\n"
    )
    assert decode(said.encode("cp1252"))[0] == said  # not "fishermenís"
