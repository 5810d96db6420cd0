"""The analyzers: how the index and the highlighter read words (Whoosh objects, no models).

::

    text_analyzer():     "Committing to António's" → commit, antonio      (stems, accents folded)
    exact_analyzer():    "Committing to António's" → committing, to, antónio, s
    name_analyzer():     "António Guterres"        → antonio, guterres
    language_analyzer("ru"): "экономики" → экономик

Other engines ignore them and analyse with their own configuration (``build_solr_schema``,
an Elasticsearch mapping).
"""

import re
from functools import cache, lru_cache

from whoosh.analysis import CharsetFilter, LowercaseFilter, RegexTokenizer, StemFilter, StopFilter
from whoosh.lang import has_stopwords
from whoosh.lang.porter2 import stem as porter2
from whoosh.support.charset import accent_map

WORDS = r"\w+(?:\.?\w+)*"
# Accents folded as Whoosh folds Latin letters, and Russian ё read as е as Russians type it.
FOLD = {**accent_map, ord("ё"): "е", ord("Ё"): "Е"}
# Languages whose articles get a field of their own stems; English is ``text`` itself.
STEMMED_LANGUAGES = ("ar", "da", "de", "es", "fi", "fr", "hu", "it", "nl", "no", "pt", "ro", "ru", "sv")
SCRIPT_OF_LANGUAGE = {"ar": "arabic", "ru": "cyrillic"}  # the others are written in Latin letters


def text_analyzer():
    """Words, lower-cased, accents folded (Antonio = António), English stop words dropped,
    Porter2 stems (running = run). Whoosh uses the same chain on the query."""
    return RegexTokenizer(WORDS) | LowercaseFilter() | CharsetFilter(FOLD) | StopFilter() | StemFilter(stemfn=porter2)


def exact_analyzer():
    """Words as written, only lower-cased: no stems, accents kept, no stop words."""
    return RegexTokenizer(WORDS) | LowercaseFilter()


def name_analyzer():
    """Names and outlets: words lower-cased and accents folded, nothing else."""
    return RegexTokenizer(WORDS) | LowercaseFilter() | CharsetFilter(FOLD)


def language_analyzer(language: str):
    """One language's stop words and stems; accents folded after stemming, because the
    stemmers know their own alphabets (Russian endings in -ий)."""
    chain = RegexTokenizer(WORDS) | LowercaseFilter()
    if has_stopwords(language):
        chain = chain | StopFilter(lang=language)
    return chain | StemFilter(lang=language) | CharsetFilter(FOLD)


def language_code(value: str) -> str:
    """ "ru", "ru-RU", " RU " → "ru"; blank stays blank (English)."""
    return re.split(r"[-_\s]", (value or "").strip().lower())[0]


def language_field(language: str) -> str:
    return f"text_{language}"


def analyze(text: str, *, exact: bool = False, language: str = ""):
    """The tokens search sees in ``text``: (term, start, end) for each word that counts,
    with character offsets into ``text``. Used to mark matches as the index matched them.

    Every filter in the chains reads one word at a time, so each distinct word is analysed
    once and remembered: marking a long answer costs a dictionary lookup per word."""
    key = "exact" if exact else language_code(language)
    key = key if key in ("exact", *STEMMED_LANGUAGES) else "en"
    for match in _WORD.finditer(text):
        term = _term(key, match.group())
        if term:
            yield term, match.start(), match.end()


_WORD = re.compile(WORDS)


@lru_cache(maxsize=200_000)
def _term(key: str, word: str) -> str:
    """The indexed form of one word ("" for a stop word)."""
    tokens = [t.text for t in _analyzer(key)(word)]
    return tokens[0] if tokens else ""


@cache
def _analyzer(key: str):
    if key == "exact":
        return exact_analyzer()
    return text_analyzer() if key == "en" else language_analyzer(key)
