"""Reading an interview's text: pure Python, no Django, no I/O.

The stages, each a module::

    decode    bytes → text, or why not
    clean     lines without debris, cut into paragraphs
    metadata  the editor's header, dates, bylines, places, source URLs
    turns     speaker labels, askers and answerers, question/answer pairs
    roles     who asks and who answers, with a reason per label
    pairs     cutting a transcript's turns into lead, pairs and closing text
    people    full names behind surnames, initials and misspellings; roles as printed
    titles    the title and the metadata lines under it
    naming    who answers, under which name and role
    reader    one pass over an article: title, lead, pairs, closing text; parse()
    document  what comes out: Interview, ParsedPair, ParsedSpeaker, ParseError

``parse(text)`` returns an :class:`Interview` or raises :class:`ParseError` naming the line
and the reason; ``decode(raw)`` the same for bytes.
"""

from .clean import normalise
from .decode import decode
from .document import Interview, ParsedPair, ParsedSpeaker, ParseError
from .reader import parse

__all__ = ["Interview", "ParsedPair", "ParsedSpeaker", "ParseError", "decode", "normalise", "parse"]
