"""Marking a search's words in text, as the index matched them.

The text is read with the index's own analyzers (:func:`archive.search.analysis.analyze`), so
"committing" marks "committed", "Antonio" marks "António", a Russian article's stems mark
their other endings, and a "phrase" is marked where its words stand together. Everything
between the marks is HTML-escaped here; the result is safe to show as it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .analysis import analyze, language_code
from .syntax import Query, parse


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    term: int  # which of the search's words or phrases: the mark's class "termN"


class Marker:
    """The words and phrases of one search, ready to be found in any text.

    ``Marker('"one world" climate')`` marks the phrase and the word; excluded words and
    filters (``-finance``, ``speaker:x``) are not marked."""

    def __init__(self, query: str | Query = "", *, exact: bool = False, language: str = ""):
        self.search = query if isinstance(query, str) else query.text()
        self.query = parse(query) if isinstance(query, str) else query
        self.exact = exact
        self.language = language  # of the text marked, when a call does not say
        self.terms = self.query.terms()
        self._patterns = {}

    def __bool__(self):
        return bool(self.terms)

    @property
    def follow(self) -> str:
        """ "?q=…" (and the exact switch) for links that carry this search to another page."""
        if not self:
            return ""
        return "?" + urlencode([("q", self.search)] + ([("exact", "1")] if self.exact else []))

    def patterns(self, language: str) -> list[tuple[tuple[str, ...], int]]:
        """(analysed words, term number) for each word and phrase, in this language."""
        if language not in self._patterns:
            found = []
            for number, term in enumerate(dict.fromkeys(self.terms)):
                words = tuple(t for t, _, _ in analyze(" ".join(term.words), exact=self.exact, language=language))
                if words:
                    found.append((words, number))
            self._patterns[language] = found
        return self._patterns[language]

    def spans(self, text: str, language: str = "") -> list[Span]:
        """Where the search's words and phrases stand in ``text``, in order, not overlapping."""
        if not self.terms or not text:
            return []
        language = language_code(language or self.language)
        readings = {"", language} if not self.exact else {""}
        found = []
        for reading in readings:
            patterns = self.patterns(reading)
            if not patterns:
                continue
            tokens = list(analyze(text, exact=self.exact, language=reading))
            words = [t for t, _, _ in tokens]
            firsts = {}
            for pattern, number in patterns:
                firsts.setdefault(pattern[0], []).append((pattern, number))
            for i, word in enumerate(words):
                for pattern, number in firsts.get(word, ()):
                    if tuple(words[i : i + len(pattern)]) == pattern:
                        found.append(Span(tokens[i][1], tokens[i + len(pattern) - 1][2], number))
        # Earliest first; at the same place the longer (a phrase over its first word).
        found.sort(key=lambda s: (s.start, -s.end))
        spans = []
        for span in found:
            if spans and span.start < spans[-1].end:
                continue
            spans.append(span)
        return spans

    def whole(self, text: str, language: str = "") -> SafeString:
        """All of ``text``, escaped, with the matches marked."""
        return _render(text, self.spans(text, language), 0, len(text))

    def excerpt(self, text: str, language: str = "", chars: int = 320, surround: int = 90) -> SafeString:
        """Up to two short passages of ``text`` around the matches (the ones with most
        different words), escaped and marked; the start of the text when nothing matches."""
        spans = self.spans(text, language)
        if not spans:
            return escape(_shorten(text, chars))
        windows = []
        for span in spans:
            start = _word_start(text, max(0, span.start - surround))
            end = _word_end(text, min(len(text), span.end + surround))
            if windows and start <= windows[-1][1]:
                windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
            else:
                windows.append((start, end))

        def weight(window):
            inside = [s.term for s in spans if window[0] <= s.start < window[1]]
            return (len(set(inside)), len(inside), -window[0])

        chosen, budget = [], chars
        for start, end in sorted(windows, key=weight, reverse=True)[:2]:
            if budget < surround:
                break
            first = next(s for s in spans if start <= s.start)
            if end - start > budget:
                # Keep the first match in view, then as much as the budget allows.
                start = _word_start(text, max(start, first.start - surround // 2))
                end = _word_end(text, min(end, start + budget), limit=start + budget)
            chosen.append((start, end))
            budget -= end - start
        chosen.sort()
        parts = []
        for start, end in chosen:
            piece = _render(text, [s for s in spans if start <= s.start and s.end <= end], start, end)
            parts.append(("… " if start > 0 else "") + piece + (" …" if end < len(text) else ""))
        return mark_safe(" ".join(parts).replace(" … …", " …"))


def _render(text, spans, start, end) -> SafeString:
    out, at = [], start
    for span in spans:
        out.append(escape(text[at : span.start]))
        out.append(f'<mark class="match term{span.term}">{escape(text[span.start : span.end])}</mark>')
        at = span.end
    out.append(escape(text[at:end]))
    return mark_safe("".join(out))


def _shorten(text: str, chars: int) -> str:
    return text if len(text) <= chars else text[:chars].rsplit(" ", 1)[0] + " …"


def _word_start(text: str, at: int) -> int:
    """``at`` moved forward to the start of a word (so a passage does not begin mid-word)."""
    if at <= 0:
        return 0
    space = text.find(" ", at)
    return space + 1 if 0 <= space < at + 20 else at


def _word_end(text: str, at: int, limit: int | None = None) -> int:
    if at >= len(text):
        return len(text)
    space = text.rfind(" ", 0, at)
    return space if space > at - 20 and (limit is None or space <= limit) else at


def mark(text: str, query: str | Marker) -> SafeString:
    """All of ``text``, HTML-escaped, with the query's words marked."""
    marker = query if isinstance(query, Marker) else Marker(query)
    return marker.whole(text)
