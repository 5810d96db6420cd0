"""Quoted text shortened at a sentence boundary, never in the middle of one (pure, no Django).

A citation quotes the question, a social card and an embed quote the answer; when the text is
too long they keep the first whole sentences that fit and say that the rest was left out::

    >>> shorten("Is it over? What did the Secretary-General say? And Mr. Lee?", 52)
    'Is it over? What did the Secretary-General say? […]'

A first sentence longer than the limit is kept whole, unless the caller has no room at all
(``hard=True``, a card's fixed lines): then it is cut at a word, with "…" showing the cut.
"""

import re

OMISSION = "[…]"  # the editor's mark for words left out of a quotation
CUT = "…"

# Words whose full stop does not end a sentence ("Mr. Lee", "U.S. policy", "e.g. this").
ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof sr jr st mt gen col lt sgt capt gov sen rep rev hon pres vs etc inc ltd co "
    "corp no nos vol fig approx dept univ jan feb mar apr jun jul aug sep sept oct nov dec e.g i.e "
    "u.s u.k u.n a.m p.m".split()
)
# A sentence ends at . ! ? or … (with closing quotes or brackets) before a space and a capital,
# a digit or an opening quote; a paragraph break always ends one.
_END = re.compile(r"""(?<=[.!?…])["'”’»)\]]*(?=\s+["'“‘«(\[]?[A-ZÀ-ÖØ-ÞА-ЯЁ0-9])""")
_PARAGRAPH = re.compile(r"\n\s*\n")


def sentences(text: str) -> list[str]:
    """The sentences of ``text`` in order, whitespace inside each collapsed to single spaces."""
    found = []
    for paragraph in _PARAGRAPH.split(text):
        paragraph = " ".join(paragraph.split())
        start = 0
        for end in _END.finditer(paragraph):
            candidate = paragraph[start : end.end()]
            last_word = candidate.rsplit(" ", 1)[-1].rstrip(".").lower()
            if candidate.endswith(".") and (last_word in ABBREVIATIONS or len(last_word) == 1):
                continue  # "Mr." or an initial ("John F. Kennedy"): the sentence goes on
            found.append(candidate.strip())
            start = end.end()
        if rest := paragraph[start:].strip():
            found.append(rest)
    return found


def shorten(text: str, limit: int, *, hard: bool = False) -> str:
    """``text`` as whole sentences of at most ``limit`` characters, with […] when some were
    left out. See the module docstring for a first sentence longer than ``limit``."""
    parts = sentences(text)
    kept: list[str] = []
    for sentence in parts:
        if kept and len(" ".join([*kept, sentence])) + len(OMISSION) + 1 > limit:
            break
        kept.append(sentence)
    if len(kept) == len(parts) and len(" ".join(kept)) <= limit:
        return " ".join(kept)
    shortened = " ".join(kept)
    if hard and len(shortened) + len(OMISSION) + 1 > limit:
        words = shortened[: max(limit - len(CUT), 1)].rsplit(" ", 1)[0]
        return words.rstrip(",;:—– ") + CUT
    return f"{shortened} {OMISSION}" if len(kept) < len(parts) else shortened
