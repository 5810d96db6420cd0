"""The search box's small language, read without the search engine.

    speaker:guterres "one world" (climate OR energy) -finance from:2020 to:2021-06

* words must all match; ``"a phrase"`` matches those words in that order (curly quotes and
  «guillemets» from phones work too);
* ``OR`` between words or (groups) matches either; ``AND`` is the default; ``NOT word`` and
  ``-word`` exclude;
* ``speaker:``, ``outlet:`` take a word or a "quoted name"; ``from:`` and ``to:`` take a date
  (2020, 2020-05 or 2020-05-17).

:func:`parse` never raises: malformed syntax (an unclosed quote or bracket, an operator with
nothing to join, a field with no value) is searched as plain words, and ``Query.notes`` says
so in a sentence a reader understands.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

# Phones and word processors type these; they mean the same as the plain characters.
QUOTES = str.maketrans(
    {
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "″": '"',
        "«": '"',
        "»": '"',
        "＂": '"',
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "′": "'",
    }
)
# What the index's tokenizer keeps of a word: letters and digits, and dots inside them (U.S).
WORD_CHARS = re.compile(r"\w+(?:\.\w+)*")
DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


@dataclass(frozen=True)
class Term:
    """A word, or several words that must stand together (a phrase)."""

    words: tuple[str, ...]
    phrase: bool = False
    source: str = field(default="", compare=False)  # as typed, for writing the query back

    def __str__(self):
        if self.source:
            return self.source
        text = " ".join(self.words)
        return f'"{text}"' if self.phrase else text


@dataclass(frozen=True)
class Not:
    child: object

    def __str__(self):
        return f"-{self.child}" if isinstance(self.child, (Term, Not)) else f"-({self.child})"


@dataclass(frozen=True)
class And:
    children: tuple

    def __str__(self):
        return " ".join(_grouped(c, Or) for c in self.children)


@dataclass(frozen=True)
class Or:
    children: tuple

    def __str__(self):
        return " OR ".join(_grouped(c, And) for c in self.children)


def _grouped(node, needs_brackets) -> str:
    return f"({node})" if isinstance(node, needs_brackets) else str(node)


@dataclass
class Query:
    """A parsed search: the words (``tree``, None when there are none) and the filters."""

    tree: object = None
    speakers: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    not_speakers: list[str] = field(default_factory=list)
    not_outlets: list[str] = field(default_factory=list)
    date_from: date | None = None
    date_to: date | None = None
    notes: list[str] = field(default_factory=list)

    def terms(self) -> list[Term]:
        """The words and phrases a match can show: not the excluded ones."""
        found = []

        def walk(node, negated=False):
            if isinstance(node, Term):
                if not negated:
                    found.append(node)
            elif isinstance(node, Not):
                walk(node.child, not negated)
            elif node is not None:
                for child in node.children:
                    walk(child, negated)

        walk(self.tree)
        return found

    def has_positive_terms(self) -> bool:
        return bool(self.terms())

    def text(self) -> str:
        """The query written back in the syntax, filters included (for "did you mean")."""
        parts = [str(self.tree)] if self.tree is not None else []
        parts += [f"speaker:{_quoted(v)}" for v in self.speakers]
        parts += [f"outlet:{_quoted(v)}" for v in self.outlets]
        parts += [f"-speaker:{_quoted(v)}" for v in self.not_speakers]
        parts += [f"-outlet:{_quoted(v)}" for v in self.not_outlets]
        if self.date_from:
            parts.append(f"from:{self.date_from.isoformat()}")
        if self.date_to:
            parts.append(f"to:{self.date_to.isoformat()}")
        return " ".join(parts)

    def replace_words(self, corrections: dict[str, str]) -> Query:
        """The same query with some words replaced (spelling corrections)."""

        def fix(node):
            if isinstance(node, Term):
                words = tuple(corrections.get(w.lower(), w) for w in node.words)
                return Term(words, node.phrase, node.source if words == node.words else "")
            if isinstance(node, Not):
                return Not(fix(node.child))
            if node is None:
                return None
            return type(node)(tuple(fix(c) for c in node.children))

        return Query(
            fix(self.tree),
            list(self.speakers),
            list(self.outlets),
            list(self.not_speakers),
            list(self.not_outlets),
            self.date_from,
            self.date_to,
        )


def _quoted(value: str) -> str:
    return f'"{value}"' if " " in value else value


class SyntaxProblem(Exception):
    """Why the query cannot be read as syntax; the message is shown to the reader."""


def normalize(text: str) -> str:
    """Compatibility forms folded (full-width letters, ligatures), typographic quotes made
    plain, control and format characters turned into spaces."""
    text = unicodedata.normalize("NFKC", text).translate(QUOTES)
    return "".join(" " if unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp") else c for c in text)


def words_of(text: str) -> tuple[str, ...]:
    """The searchable words in ``text``: punctuation, wildcards and symbols dropped."""
    return tuple(WORD_CHARS.findall(text))


def parse(text: str) -> Query:
    """Read ``text`` as a search; on malformed syntax, search its words literally."""
    text = normalize(text)
    try:
        return _Parser(_tokens(text)).query()
    except SyntaxProblem as problem:
        words = words_of(text.replace('"', " "))
        literal = Query(tree=_and([Term((w,)) for w in words]))
        literal.notes.append(f"{problem} The words were searched as they are.")
        return literal


# -- tokens -----------------------------------------------------------------------------
TOKEN = re.compile(
    r"""
    (?P<space>\s+)
  | (?P<open>-*\()
  | (?P<close>\))
  | (?P<phrase>-?"[^"]*"?)
  | (?P<field>-?(?i:speaker|outlet|from|to):(?:"[^"]*"?|[^\s()"]*))
  | (?P<word>[^\s()"]+)
    """,
    re.VERBOSE,
)


def _tokens(text: str) -> list[tuple[str, str]]:
    tokens = []
    for match in TOKEN.finditer(text):
        kind = match.lastgroup
        if kind != "space":
            tokens.append((kind, match.group()))
    return tokens


def _and(nodes):
    nodes = [n for n in nodes if n is not None]
    if not nodes:
        return None
    return nodes[0] if len(nodes) == 1 else And(tuple(nodes))


def _or(nodes):
    return nodes[0] if len(nodes) == 1 else Or(tuple(nodes))


class _Parser:
    """Recursive descent, OR binding tighter than AND as in web search engines
    (``a OR b c`` is ``(a OR b) c``): and := or (AND? or)*; or := unary (OR unary)*;
    unary := (NOT | -) unary | atom; atom := ( and ) | phrase | field | word."""

    def __init__(self, tokens):
        self.tokens = tokens
        self.at = 0
        self.query_ = Query()
        self.dates = {}
        self.wildcards = False

    def query(self) -> Query:
        tree = self.and_()
        if self.at < len(self.tokens):
            raise SyntaxProblem("A closing bracket has no opening one.")
        self.query_.tree = tree
        self.limit_dates()
        if self.wildcards:
            self.query_.notes.append(
                "Wildcards (* and ?) are not needed: other endings of a word are found anyway "
                "(“negotiate” finds “negotiations”)."
            )
        return self.query_

    def peek(self):
        return self.tokens[self.at] if self.at < len(self.tokens) else (None, None)

    def take(self):
        token = self.peek()
        self.at += 1
        return token

    def is_operator(self, *names):
        kind, value = self.peek()
        return kind == "word" and value in names

    def at_end_of_group(self):
        return self.peek()[0] in (None, "close")

    def and_(self):
        nodes = []
        while not self.at_end_of_group():
            if self.is_operator("AND", "OR"):
                operator = self.take()[1]
                if not nodes or self.at_end_of_group() or self.is_operator("AND", "OR"):
                    raise SyntaxProblem(f"“{operator}” needs words on both sides.")
                continue
            nodes.append(self.or_())
        return _and(nodes)

    def or_(self):
        nodes = [self.unary()]
        while self.is_operator("OR"):
            self.take()
            if self.at_end_of_group() or self.is_operator("AND", "OR"):
                raise SyntaxProblem("“OR” needs words on both sides.")
            nodes.append(self.unary())
        if len(nodes) > 1 and any(n is None for n in nodes):
            # "speaker:x OR climate": a filter is not a choice; what is left is searched.
            nodes = [n for n in nodes if n is not None]
        return _or(nodes) if nodes else None

    def unary(self):
        if self.is_operator("NOT"):
            self.take()
            kind, _ = self.peek()
            if kind is None or kind == "close" or self.is_operator("OR") or self.is_operator("AND"):
                raise SyntaxProblem("“NOT” needs a word after it.")
            if kind == "field":
                return self.field(self.take()[1].lstrip("-"), negated=True)
            child = self.unary()
            if isinstance(child, Not):
                return child.child
            return Not(child) if child is not None else None
        return self.atom()

    def atom(self):
        kind, value = self.take()
        if kind == "open":
            inner = self.and_()
            if self.take()[0] != "close":
                raise SyntaxProblem("A bracket is not closed.")
            return Not(inner) if value.startswith("-") and inner is not None else inner
        if kind == "close":
            raise SyntaxProblem("A closing bracket has no opening one.")
        # "-word", and "--word" as a hurried reader types it, mean "without".
        bare = value.lstrip("-")
        negated = bare != value and bare != ""
        if kind == "field":
            return self.field(bare, negated)
        if kind == "phrase":
            if len(bare) < 2 or not bare.endswith('"'):
                raise SyntaxProblem("A quotation mark is not closed.")
            node = self.term(bare[1:-1], phrase=True, source=bare)
        else:
            node = self.term(bare, source=bare)
        return Not(node) if negated and node is not None else node

    def term(self, text, phrase=False, source=""):
        if "*" in text or "?" in text.rstrip("?"):
            self.wildcards = True
        words = words_of(text)
        if not words:
            return None
        # A word the tokenizer splits (don't, e-mail) is searched as those words in order.
        if len(words) > 1 and not phrase:
            phrase, source = True, ""
        elif source and not phrase and source != words[0]:
            source = ""
        return Term(words, phrase=phrase, source=source)

    def field(self, token, negated):
        name, _, value = token.partition(":")
        name = name.lower()
        if value.startswith('"'):
            if len(value) < 2 or not value.endswith('"'):
                raise SyntaxProblem("A quotation mark is not closed.")
            value = value[1:-1]
        value = " ".join(words_of(value)) if name in ("speaker", "outlet") else value.strip()
        if not value:
            raise SyntaxProblem(f"“{name}:” needs a value after it, as in {name}:{_EXAMPLES[name]}.")
        if name in ("speaker", "outlet"):
            getattr(self.query_, ("not_" if negated else "") + name + "s").append(value)
            return None
        if negated:
            self.query_.notes.append(f"A date cannot be excluded; “{name}:{value}” was used as a limit.")
        day = parse_date(value, end=(name == "to"))
        if day is None:
            self.query_.notes.append(
                f"“{name}:{value}” is not a date; use a year, a month or a day, as in "
                f"{name}:{_EXAMPLES[name]}. It was left out."
            )
        else:
            self.dates[name] = value
        return None

    def limit_dates(self):
        start, end = self.dates.get("from"), self.dates.get("to")
        if start and end and parse_date(start) > parse_date(end, end=True):
            self.query_.notes.append("“from:” came after “to:”, so the two dates were swapped.")
            start, end = end, start
        self.query_.date_from = parse_date(start) if start else None
        self.query_.date_to = parse_date(end, end=True) if end else None


_EXAMPLES = {"speaker": "guterres", "outlet": "kazinform", "from": "2020-05", "to": "2021"}


def parse_date(value: str, end: bool = False) -> date | None:
    """2020, 2020-05 or 2020-05-17 as a date: the first day of the year or month, or with
    ``end`` the last. None for anything else."""
    match = DATE.match(value.strip())
    if not match:
        return None
    year = int(match.group(1))
    month = int(match.group(2) or (12 if end else 1))
    if not (1 <= year <= 9999 and 1 <= month <= 12):
        return None
    last = calendar.monthrange(year, month)[1]
    day = int(match.group(3) or (last if end else 1))
    if not 1 <= day <= last:
        return None
    return date(year, month, day)
