"""The quote check: is a quote seen elsewhere what the speaker said, word for word?

The quote's words are looked up in the search index (never a scan of the database): the
answers sharing most of its words, and those sharing most of each half (a quote stitched
from two answers matches neither whole). Each candidate's stored answer is then aligned
with the quote word by word (case, accents and punctuation aside)::

    quote:    "We will never accept a world divided into two blocs."
    original: "… we shall never accept a world that is divided into two blocs …"
    → altered: “will” for “shall”; “that is” left out

and the verdict is one of

* ``verbatim``: every word of the quote stands in the answer, in one run;
* ``trimmed``: every word stands in the answer in the same order, with words left out
  between them (an ellipsis, or a cut that is not marked);
* ``altered``: most of the quote stands in one answer, with words changed, added or left out
  (each shown);
* ``stitched``: two parts of the quote come from two places (two answers, or two passages of
  one answer in another order);
* ``not_found``: no answer holds most of the quote's words; the closest are listed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from django import forms
from haystack.inputs import Clean
from haystack.query import SQ, SearchQuerySet
from whoosh.analysis import StopFilter

from .models import Pair
from .search.highlight import Marker
from .search.results import Hit, hit_from

MAX_QUOTE_CHARS = 2000
MAX_SEARCH_WORDS = 40  # distinct words asked of the index for one search
CANDIDATES = 20  # answers read for the whole quote; half as many for each half
MIN_ANCHOR = 3  # words in a row that place a quote in an answer
CONTEXT = 12  # words of the answer shown around the compared stretch
NEAR = 3  # a shorter run this close to a placed one belongs to it ("we will" / "we shall")
SINGLE = 0.9  # share of the quote one answer must hold to need no second source
STITCHED = 0.8  # share two places must hold together to count as a stitched quote
FOUND = 0.5  # share below which the quote is "not found"

WORD = re.compile(r"\w+(?:['’]\w+)*")
STOP_WORDS = StopFilter().stops


@dataclass(frozen=True)
class Word:
    text: str  # as printed
    key: str  # compared: lower case, accents folded, ’ as '
    start: int  # where it stands in its text
    end: int


def words(text: str) -> list[Word]:
    return [Word(m.group(), _key(m.group()), m.start(), m.end()) for m in WORD.finditer(text)]


def _key(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.lower().replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass
class Segment:
    """A stretch of the comparison: ``same`` words, words of the original ``left_out`` of
    the quote, words ``added`` by the quote, or original words ``changed`` into others."""

    kind: str
    original: str = ""
    quoted: str = ""

    @property
    def words_left_out(self) -> int:
        return len(self.original.split())


@dataclass
class Placement:
    """Where (part of) a quote stands in one answer."""

    hit: Hit
    quote_start: int  # the quote's words this placement covers: [quote_start, quote_end)
    quote_end: int
    matched: int  # quote words found as printed
    segments: list[Segment] = field(default_factory=list)
    before: str = ""  # the answer's words just before and after the compared stretch
    after: str = ""
    added_before: str = ""  # the quote's words before and after the stretch, not found there
    added_after: str = ""

    @property
    def changes(self) -> list[Segment]:
        return [s for s in self.segments if s.kind in ("changed", "added")]

    @property
    def left_out(self) -> int:
        return sum(s.words_left_out for s in self.segments if s.kind == "left_out")


@dataclass
class Verdict:
    kind: str  # verbatim, trimmed, altered, stitched, not_found
    quote: str
    placements: list[Placement]  # one, or two for a stitched quote
    coverage: float  # share of the quote's words found in the placements
    others: list[Hit] = field(default_factory=list)  # the next closest answers

    @property
    def percent(self) -> int:
        return round(100 * self.coverage)

    @property
    def best(self) -> Placement | None:
        return self.placements[0] if self.placements else None


class QuoteForm(forms.Form):
    q = forms.CharField(
        label="The quote",
        max_length=MAX_QUOTE_CHARS,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "max_length": f"Paste at most {MAX_QUOTE_CHARS} characters: the part of the quote to check.",
            "required": "Paste a quote to check.",
        },
    )

    def clean_q(self):
        quote = " ".join(self.cleaned_data["q"].split())
        if len(words(quote)) < 3:
            raise forms.ValidationError("A quote of at least three words can be checked; paste more of it.")
        return quote


# -- finding candidates -------------------------------------------------------------------
def _search(quote_words: list[Word], limit: int) -> list[Hit]:
    """Answers sharing the most of these words, best first (the index ranks them)."""
    distinct = list(dict.fromkeys(w.key for w in quote_words if w.key not in STOP_WORDS and len(w.key) > 1))
    if not distinct:
        distinct = list(dict.fromkeys(w.key for w in quote_words))
    sq = None
    for word in distinct[:MAX_SEARCH_WORDS]:
        one = SQ(content=Clean(word))
        sq = one if sq is None else sq | one
    marker = Marker()
    return [hit_from(result, marker, "") for result in SearchQuerySet().models(Pair).filter(sq)[:limit]]


def candidates(quote_words: list[Word]) -> list[Hit]:
    found = _search(quote_words, CANDIDATES)
    if len(quote_words) >= 2 * MIN_ANCHOR:
        half = len(quote_words) // 2
        found += _search(quote_words[:half], CANDIDATES // 2) + _search(quote_words[half:], CANDIDATES // 2)
    return list({hit.key: hit for hit in found}.values())


# -- aligning -------------------------------------------------------------------------------
def place(quote: str, quote_words: list[Word], hit: Hit, start: int = 0, end: int | None = None) -> Placement:
    """The quote's words [start, end) aligned with the answer's, word by word."""
    end = len(quote_words) if end is None else end
    part = quote_words[start:end]
    answer = words(hit.answer)
    blocks = _anchored(SequenceMatcher(None, [w.key for w in part], [w.key for w in answer], autojunk=False), part)
    if not blocks:
        return Placement(hit, start, start, 0)
    original = _Slicer(hit.answer, answer)
    quoted = _Slicer(quote, part)
    segments = []
    for (qa, aa, na), (qb, ab, _) in zip(blocks, blocks[1:], strict=False):
        segments.append(Segment("same", original(aa, aa + na)))
        new, old = quoted(qa + na, qb), original(aa + na, ab)
        if new and old:
            segments.append(Segment("changed", old, new))
        elif new:
            segments.append(Segment("added", quoted=new))
        elif old:
            segments.append(Segment("left_out", old))
    qa, aa, na = blocks[-1]
    segments.append(Segment("same", original(aa, aa + na)))
    q_first, a_first = blocks[0][0], blocks[0][1]
    return Placement(
        hit,
        start + q_first,
        start + qa + na,
        sum(n for _, _, n in blocks),
        segments,
        before=original(max(0, a_first - CONTEXT), a_first),
        after=original(aa + na, aa + na + CONTEXT),
        added_before=quoted(0, q_first),
        added_after=quoted(qa + na, len(part)),
    )


class _Slicer:
    """The text of words [i, j) of a text, with the punctuation between them as printed."""

    def __init__(self, text: str, text_words: list[Word]):
        self.text = text
        self.words = text_words

    def __call__(self, i, j):
        j = min(j, len(self.words))
        if i >= j:
            return ""
        return self.text[self.words[i].start : self.words[j - 1].end]


def _anchored(matcher: SequenceMatcher, part: list[Word]) -> list[tuple[int, int, int]]:
    """The matching runs that place the quote: runs of MIN_ANCHOR words or more (or the whole
    of a short quote), everything between the first and the last of them, and shorter runs
    just beside them."""
    blocks = [b for b in matcher.get_matching_blocks() if b.size]
    least = min(MIN_ANCHOR, len(part))
    anchors = [i for i, b in enumerate(blocks) if b.size >= least]
    if not anchors:
        return []
    first, last = anchors[0], anchors[-1]
    while first > 0 and _near(blocks[first - 1], blocks[first]):
        first -= 1
    while last + 1 < len(blocks) and _near(blocks[last], blocks[last + 1]):
        last += 1
    return [tuple(b) for b in blocks[first : last + 1]]


def _near(left, right) -> bool:
    return right.a - (left.a + left.size) <= NEAR and right.b - (left.b + left.size) <= NEAR


# -- the verdict ------------------------------------------------------------------------------
def check(quote: str) -> Verdict:
    quote_words = words(quote)
    found = candidates(quote_words)
    placements = sorted((place(quote, quote_words, hit) for hit in found), key=lambda p: -p.matched)
    n = len(quote_words)
    if not placements or not placements[0].matched:
        return Verdict("not_found", quote, [], 0.0, others=[p.hit for p in placements[:3]])
    best = placements[0]
    others = [p.hit for p in placements[1:4] if p.matched]
    coverage = best.matched / n
    if coverage < SINGLE:
        stitched = _second_place(quote, quote_words, best, found)
        if stitched and (best.matched + stitched.matched) / n >= STITCHED:
            pair = sorted([best, stitched], key=lambda p: p.quote_start)
            total = (best.matched + stitched.matched) / n
            return Verdict("stitched", quote, pair, total, [h for h in others if h.key != stitched.hit.key])
    if coverage < FOUND:
        return Verdict("not_found", quote, [], coverage, others=[p.hit for p in placements[:3] if p.matched])
    if best.matched == n and len(best.segments) == 1:
        kind = "verbatim"
    elif best.matched == n and not best.changes:
        kind = "trimmed"
    else:
        kind = "altered"
    return Verdict(kind, quote, [best], coverage, others)


def _second_place(quote, quote_words, best: Placement, found: list[Hit]) -> Placement | None:
    """The best place for the longest part of the quote that ``best`` leaves unplaced (before
    or after it): in another answer, or elsewhere in the same one."""
    before, after = (0, best.quote_start), (best.quote_end, len(quote_words))
    start, end = max(before, after, key=lambda r: r[1] - r[0])
    if end - start < MIN_ANCHOR + 1:
        return None
    second = max((place(quote, quote_words, hit, start, end) for hit in found), key=lambda p: p.matched)
    if second.matched < MIN_ANCHOR or second.matched / (end - start) < 0.6:
        return None
    return second
