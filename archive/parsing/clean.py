"""Cleaning lines and cutting the text into paragraphs (pure).

Debris goes to ``discarded``, never silently away::

    \\[00:04:01\\] **Adam Stacoviak:** Welcome back.   -> timestamp discarded, label kept
    Currently reading                                -> web-page junk: discarded
    END 1:45 P.M. EST                                -> end marker: discarded
    [the text](https://example.org)                  -> "the text"; the address discarded
    [Jim Hall][2] … [2]: https://example.org          -> "Jim Hall"; the definition discarded
    ![Puzzle pieces][1]                              -> discarded
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass

from . import turns

# Lines a web page leaves in copied text. Matched whole, ignoring case and end punctuation.
JUNK_LINES = {
    "currently reading",
    "read more",
    "read also",
    "read next",
    "related",
    "related articles",
    "share",
    "share this",
    "share this article",
    "share on facebook",
    "share on twitter",
    "tweet",
    "print",
    "advertisement",
    "subscribe",
    "subscribe now",
    "continue reading",
    "click here",
    "follow us",
    "back to top",
    "comments",
    "most read",
    "also read",
}
END_MARKER = re.compile(r"^END(?:\s+\d{1,2}:\d{2}\s*[AP]\.?M\.?(?:\s+[A-Z]{2,4})?)?$")
STAGE_DIRECTION = re.compile(
    r"\((?:Laughter|Laughs|Applause|Inaudible|Crosstalk|Cross-talk|Silence|Pause|Music|Break|Recess)\.?\)", re.I
)
# A hearing's procedural lines, which nobody speaks: "MR DESMOND KEANE (affirmed)",
# "Examination by MS OKORO (Counsel to the Inquiry)", "Questions From Lead Counsel to the Inquiry".
PROCEDURE_LINE = re.compile(
    r"^(?:(?:MR|MRS|MS|MISS|DR|PROFESSOR|SIR|DAME|LORD|LADY|THE RT HON|RT HON)\.? )?[A-ZÀ-Þ][A-ZÀ-Þ’'\- ]{2,60} "
    r"\((?:sworn|affirmed)\)\.?$"
    r"|^(?i:(?:further |re-?)?(?:examination|examined|cross-examination|cross-examined|questioned|questions)) "
    r"(?i:by|from) [\w’'.,() -]{2,80}$"
)
# A recording's time alone on a line, above the turn it times: "00:00:21", "[01:02:03]".
CLOCK_LINE = re.compile(r"^[\[(]?\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?[\])]?$")
ODD_SPACE = re.compile(r"[^\S\n]")
INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff\u00ad]")  # zero-width characters, soft hyphens
# The credit line of a pull quote: "—Natasha Gownaris", or a quote repeated with its credit.
PULL_QUOTE_CREDIT = re.compile(
    r"^(?:[\"“].{10,400}[\"”]\s*)?[—–]\s*[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){1,3}(?:,[^.]{0,120})?$"
)
# An image caption with its credit: "Jorgensen in July 2020.Image: Gage Skidmore."
IMAGE_CAPTION = re.compile(r"^\S.{0,200}?\S\s*(?:Image|Photo|Picture)s?:\s*[^.:]{1,80}\.?$")
# A link to another story set inside the article: "Related: The secret life of the dirt roads".
INLINE_LINK = re.compile(
    r"^(?:related(?: story| article)?|see also|also read|read also|leggi anche|lire aussi)\s*:\s+\S.{0,100}$", re.I
)
# A row of share buttons, in the languages the archive holds most: "Artikel teilen:  WhatsApp  Facebook  E-Mail".
SHARE_LINE = re.compile(
    r"^(?:share(?: this)?(?: article| story| page| post| on)?|artikel teilen|teilen|partager(?: l[’']article| cet article)?|"
    r"compartir(?: en)?|condividi|compartilhe|udostępnij)\s*:?\s*"
    r"(?:(?:facebook|twitter|x|whatsapp|e-?mail|linkedin|telegram|reddit|bluesky|threads|messenger|copy link|print|"
    r"mastodon|pinterest|"
    r"drucken|imprimer|imprimir)\s*[|·,•]?\s*)+$",
    re.I,
)
# A newspaper's jump line: "CONTINUED FROM PAGE 1: HARBOUR DREDGING", "Please see WATER, Page B4".
JUMP_LINE = re.compile(
    r"^(?:continued (?:from|on) (?:page|p\.)\s?[A-Z]?\d{1,3}\b.{0,60}|(?:please )?see [\w ’'-]{1,30}, page [A-Z]?\d{1,3})$",
    re.I,
)
HEADING = re.compile(r"^#{1,6}\s+")
QUOTE_MARK = re.compile(r"^\s*(?:>\s?)+")
# A caption cue's timing ("00:00:00.662 --> 00:00:04.307", "[12.34 --> 17.20]"): captions are
# cut by time, not by speaker.
CUE_TIMING = re.compile(
    r"^\s*\[?(?:\d{1,2}:)?\d{1,2}(?::\d{2})?[.,]\d{1,3}\s*-->\s*(?:\d{1,2}:)?\d{1,2}(?::\d{2})?[.,]\d{1,3}\]?"
    r"(?:\s+(?:align|position|line|size):\S+)*\s*"
)


# A transcript printed with its line numbers (depositions, hearings): " 5       Q.   Good morning".
LINE_NUMBER = re.compile(r"^\s{0,6}(?P<n>\d{1,2})(?:\s{2,}|\s(?=\S))")
PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?\d{1,4}(?:\s+of\s+\d{1,4})?\s*$", re.I)


def strip_page_furniture(lines: list[str]) -> tuple[list[str], list[str]]:
    """A paginated transcript's furniture taken off, the lines kept in place: each line's
    number, the page numbers, and a running header or footer printed on every page. Only
    where most lines are numbered 1 to 30, page after page; other texts are left alone."""
    numbered = [LINE_NUMBER.match(line) for line in lines]
    written = [line for line in lines if line.strip()]
    hits = sum(1 for m in numbered if m and int(m["n"]) <= 30)
    if hits < 20 or hits < 0.6 * len(written):
        return lines, []
    counts: dict[str, int] = {}
    for line in written:
        counts[line.strip()] = counts.get(line.strip(), 0) + 1
    out, removed = [], []
    for line, match in zip(lines, numbered, strict=True):
        stripped = line.strip()
        if stripped and (PAGE_NUMBER.match(stripped) or counts[stripped] >= 3 and not match):
            removed.append(stripped)
            out.append("")
        elif match and int(match["n"]) <= 30:
            removed.append(match["n"])
            out.append(line[match.end() :])
        else:
            out.append(line)
    return out, removed


def caption_speakers(lines: list[str]) -> set[str]:
    """Names a caption file puts on a cue's first line, above its words (Teams, Stream):
    "00:00:02.160 --> 00:00:08.640" / "Okonkwo, Chidi" / "Okay, I think that's recording."
    A name counts when at least three cues open with it."""
    counts: dict[str, int] = {}
    for i, line in enumerate(lines[:-2]):
        if CUE_TIMING.match(line) and not CUE_TIMING.sub("", line).strip() and lines[i + 2].strip():
            name = " ".join(lines[i + 1].split())
            if 0 < len(name) <= 40 and len(name.split()) <= 5 and name[0].isupper() and name[-1] not in ".?!,;:-–—":
                counts[name] = counts.get(name, 0) + 1
    return {name for name, n in counts.items() if n >= 3}


def caption_cues(lines: list[str]) -> bool:
    """Whether the text is a caption file (WebVTT, SRT, a speech recogniser's segments)."""
    return sum(1 for line in lines[:400] if CUE_TIMING.match(line)) >= 3


# "Q:" before a question set apart as a heading or in bold ("### Q: How did you start?").
QUESTION_PREFIX = re.compile(r"^(?:Q|Question|Pregunta)\s*[:.]\s+", re.I)
# The address may hold one level of brackets: [x](javascript:alert(1)), [w](…/Foo_(bar)).
MARKDOWN_LINK = re.compile(r"\[(?P<text>[^\[\]\n]*)\]\((?P<url>(?:[^()\s]|\([^()\s]*\))+)\)")
# An image, inline or by reference ("![Puzzle pieces][1]"): nothing a reader reads.
MARKDOWN_IMAGE = re.compile(r"!\[[^\]\n]*\](?:\((?:[^()\s]|\([^()\s]*\))+(?:\s+\"[^\"\n]*\")?\)|\[[^\]\n]{0,20}\])")
# A reference link, "[Jim Hall][2]", whose address is defined at the end ("[2]: https://…").
REFERENCE_LINK = re.compile(r"\[(?P<text>[^\[\]\n]+)\](?P<ref>\[[^\[\]\n]{0,20}\])")
REFERENCE_DEFINITION = re.compile(r"^\s{0,3}\[[^\]\n]{1,40}\]:\s*<?(?:https?://|www\.|/|#)\S*(?:\s+[\"'(].*)?$")
# Bold closed and opened again at once ("**What** **are**", "**Name**[2]**,** **role:**").
BOLD_SEAM = re.compile(r"(?<=[^\s:])\*\*(?P<gap>\s?)\*\*(?=\S)")
MARKDOWN_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|~])")
HTML_TAG = re.compile(r"</?[a-zA-Z][^<>\n]{0,200}>")
HTML_ENTITY = re.compile(r"&(?:#\d{2,6}|#x[0-9a-fA-F]{2,5}|[a-zA-Z]{2,8});")
QUOTES = '"“”«»„'


def normalise(text: str) -> str:
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


# Control characters other than line breaks and tabs (Unicode category Cc).
CONTROL_CHAR = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")


# A thread's vote count and buttons under a comment: "⬆ 2.1k   Reply   Share", "▲ 41 | reply".
THREAD_BUTTONS = re.compile(
    r"^(?:[⬆▲↑⇧]\s*[\d.,]+k?\s*(?:points?|votes?)?[\s|·]*)?"
    r"(?:(?:reply|share|award|report|save|follow|permalink|give award|quote|like|💬 [\d.,]+k? comments)[\s|·]*)+$"
    r"|^level \d{1,2}$",  # a comment's depth in a thread copied from the page
    re.I,
)


def is_junk(line: str) -> bool:
    return line.strip().strip(".:!»›>|-–—").strip().casefold() in JUNK_LINES or bool(THREAD_BUTTONS.match(line.strip()))


# A web page's furniture above its headline, as a copy from the browser keeps it: the skip
# link, menus and breadcrumbs, the sign-in row, the cookie banner.
SKIP_LINK = re.compile(r"^(?:skip|jump) to (?:the )?(?:main )?(?:content|navigation|menu|article)\b", re.I)
MENU_WORDS = {
    "menu",
    "☰",
    "search",
    "search…",
    "sign",
    "in",
    "log",
    "up",
    "subscribe",
    "register",
    "account",
    "my",
    "newsletter",
    "newsletters",
    "donate",
    "shop",
    "e-edition",
    "e-paper",
    "epaper",
    "abo",
    "anmelden",
    "iniciar",
    "sesión",
    "suscríbete",
    "connexion",
    "s'abonner",
    "home",
    "login",
}
MENU_SEPARATOR = re.compile(r"\s{2,}|\s+[|·•›»>/]\s+")
BREADCRUMB = re.compile(r"\s[›»>]\s")
COOKIE = re.compile(r"\bcookies?\b", re.I)
CONSENT_WORDS = re.compile(  # a consent's words: "Her cookies use brown butter" is no banner
    r"\b(?:accept|consent|agree|brows|continu|experience|policy|settings|preferences|navega|acept|zustimm|akzept|accett)",
    re.I,
)
BANNER_WORDS = 80  # a banner is a sentence or two; a longer line is the text itself


def _cookie_banner(line: str) -> bool:
    return len(line.split()) <= BANNER_WORDS and bool(COOKIE.search(line)) and bool(CONSENT_WORDS.search(line))


# A promotion's call to action ending the line: "Newsletter: the best of … every Friday. Sign up".
PROMOTION = re.compile(
    r"(?:sign (?:up|in)(?: to (?:my |your )?account)?|log ?in|subscribe|download now|register now)\W{0,3}$", re.I
)
PAGE_TOP_LINES = 20  # the page's top: furniture is looked for above the first paragraph of prose


# A date or an hour in a line: it is metadata, never furniture.
DATE_WORDS = re.compile(
    r"\b(?:\d{4}|\d{1,2}[:.]\d{2}|(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)(?:\.|\b)|"
    r"january|february|march|april|june|july|august|september|october|november|december|min read|updated|published)",
    re.I,
)


def _furniture(line: str) -> bool:
    """A line of a web page's furniture: "Skip to main content", "News | Sport | Opinion",
    "Home > World > Europe", "Sign in   Subscribe", a cookie banner; never a byline or a date."""
    stripped = line.strip()
    words = stripped.casefold().split()
    if SKIP_LINK.match(stripped) or words and len(words) <= 6 and all(w in MENU_WORDS for w in words):
        return True
    if _cookie_banner(stripped) or PROMOTION.search(stripped) and len(words) <= 20:
        return True
    if re.match(r"(?i)by\b", stripped) or DATE_WORDS.search(stripped):
        return False  # "By Ann Roe | Staff Writer | 3 March 2025": the byline, kept
    parts = [p for p in MENU_SEPARATOR.split(stripped) if p.strip()]
    short = all(len(p.split()) <= 4 and not p.rstrip().endswith((".", "?", "!", ":")) for p in parts)
    return short and (len(parts) >= 3 or len(parts) == 2 and bool(BREADCRUMB.search(stripped)))


def _menu_column(lines: list[tuple[int, str]]) -> set[int]:
    """The lines of a menu copied one item a line ("Study" / "Research" / "Alumni" / "News and
    events" / "About"): four or more lines in a row of one to three words, without end
    punctuation or dates, most of them one word (a list of names is not a menu)."""
    found: set[int] = set()
    run: list[int] = []
    for i, (_, line) in enumerate([*lines, (0, "")]):
        words = line.split()
        if 1 <= len(words) <= 3 and words[0][0].isupper() and not line.rstrip().endswith((".", "?", "!", ":", ",")):
            if not DATE_WORDS.search(line):
                run.append(i)
                continue
        if len(run) >= 4 and 2 * sum(1 for k in run if len(lines[k][1].split()) == 1) > len(run):
            found.update(run)
        run = []
    return found


def strip_page_top(lines: list[tuple[int, str]], discarded: list[str]) -> tuple[list[tuple[int, str]], list[str]]:
    """The furniture a copied web page opens with taken out (into ``discarded``), above the
    first paragraph of prose (20 words or more) and in the first 20 lines::

        Skip to main content                       ->  (discarded)
        KILN & CO.                                 ->  KILN & CO.
        Makers   Studios   Materials   Shop        ->  (discarded)
        “The glaze always wins”: Teodora Vasić …   ->  “The glaze always wins”: Teodora Vasić …

    and the furniture's lines (the page's sections still say what the page is: "Interviews",
    "Infos pratiques > Foire aux questions")."""
    out, furniture = list(lines), []
    menu = _menu_column(lines[:60])
    seen = 0
    for i, (number, line) in enumerate(lines):
        if not line.strip():
            continue
        seen += 1
        if seen > PAGE_TOP_LINES or len(line) > 2000 or len(line.split()) >= 20 and not _cookie_banner(line):
            break
        if _furniture(line) or i in menu:
            furniture.append(line.strip())
            out[i] = (number, "")
    discarded.extend(furniture)
    return out, furniture


# A comment's header copied from a thread page, one part a line: the user name, "OP" for the
# original poster, a bullet, the comment's age.
HEADER_AGE = re.compile(rf"^(?:{turns.COMMENT_AGE})$")
SCORE = re.compile(r"^\d[\d.,]*[kK]?$")
USER_NAME = re.compile(r"^(?:u/)?[A-Za-z][\w\-]{2,30}$")


def join_thread_headers(lines: list[tuple[int, str]], discarded: list[str]) -> list[tuple[int, str]]:
    """A thread's comment header spread over lines ("kinema_kasia" / "OP" / "•" / "3d ago")
    as one line, the way a thread writes it on one ("kinema_kasia OP · 3d ago"); in such a
    thread a number alone on its line is a comment's score (debris)::

        tidewater_jen      ->  tidewater_jen · 3d ago
        •
        3d ago
    """
    texts = [line.strip() for _, line in lines]
    joined = list(lines)
    for i, text in enumerate(texts[:-2]):
        if not USER_NAME.match(text):
            continue
        op = texts[i + 1] == "OP"
        bullet, age = i + 1 + op, i + 2 + op
        if age < len(texts) and texts[bullet] in ("•", "·") and HEADER_AGE.match(texts[age]):
            joined[i] = (lines[i][0], f"{text}{' OP' if op else ''} · {texts[age]}")
            for j in range(i + 1, age + 1):
                joined[j] = (lines[j][0], "")
    if joined != lines:
        for i, (number, line) in enumerate(joined):
            if SCORE.match(line.strip()):
                discarded.append(line.strip())
                joined[i] = (number, "")
    return joined


HTML_BLOCK_START = re.compile(r"^\s*<(?:p|h[1-6]|div|li|figure|blockquote|article|section)\b", re.I)
HTML_BLOCK_END = re.compile(r"</(?:p|h[1-6]|div|li|figure|blockquote|article|section|ul|ol|aside)>\s*$", re.I)
HTML_BOLD_BLOCK = re.compile(r"^\s*(?:<p\b[^<>]*>)?\s*<(strong|b)>(?P<text>.*)</\1>\s*(?:</p>)?\s*$", re.I)
HTML_HEADING = re.compile(r"^\s*<h([1-6])\b[^<>]*>", re.I)


def is_html_page(lines: list[str]) -> bool:
    """Whether the text is a web page's HTML source: three or more lines open a block."""
    return sum(1 for line in lines[:400] if HTML_BLOCK_START.match(line)) >= 3


# What a browser never shows as the page's text: the head, scripts, styles, menus, forms.
HIDDEN_ELEMENT = re.compile(r"<(?P<tag>head|script|style|nav|form|noscript|svg|button)\b[^<>]*>", re.I)
HTML_TITLE = re.compile(r"<title\b[^<>]*>(?P<text>[^<>]*)</title>", re.I)
HTML_H1 = re.compile(r"<h1\b[^<>]*>(?P<text>.*?)</h1>", re.I)
SITE_SUFFIX = re.compile(r"\s+[|–—]\s+[^|–—]{2,60}$")  # "… cold climate | The Workbench Review"


def page_source_lines(lines: list[str]) -> tuple[list[str], list[str]]:
    """A web page's source with what the browser does not show as text blanked, each line in
    its place: the doctype, the head, scripts, styles, menus, forms, buttons, comments (a line
    that opens with one of them). The page's <title> (without its site's name) takes the first
    blanked line, unless an <h1> says the same, which then stands as the title::

        <!DOCTYPE html>                                       ->  Ann Roe on rivers
        <title>Ann Roe on rivers | The River Review</title>   ->  (blank)
        <script> … </script>                                  ->  (blank)
    """
    out, hidden = list(lines), []
    closing = None  # where the hidden element the line is in ends
    title, first, title_at = "", None, None
    for i, line in enumerate(lines):
        stripped = line.strip()
        if closing is None and (opened := HIDDEN_ELEMENT.match(stripped)):
            closing = f"</{opened['tag'].lower()}>"
        elif closing is None and stripped.startswith("<!--"):
            closing = "-->"
        if closing is None and not PAGE_SCAFFOLD.match(stripped):
            continue
        if not title and (found := HTML_TITLE.search(stripped)):
            title, title_at = html.unescape(found["text"]).strip(), len(hidden)
        hidden.append(stripped)
        out[i] = ""
        first = i if first is None else first
        if closing is not None and closing in stripped.lower():
            closing = None
    title = SITE_SUFFIX.sub("", title)
    h1 = next((m["text"] for line in out if (m := HTML_H1.search(line))), "")
    if title and first is not None and " ".join(HTML_TAG.sub("", html.unescape(h1)).split()) != title:
        out[first] = title  # its words are the title's now, not the discarded line's
        hidden[title_at] = hidden[title_at].replace(title, "", 1)  # the site's name stays discarded
    return out, hidden


# The page's scaffolding lines: "<!DOCTYPE html>", "<html lang="en">", comments.
PAGE_SCAFFOLD = re.compile(r"^(?:<!doctype\b|</?html\b)", re.I)


def html_markup(line: str) -> tuple[str, bool]:
    """A line of an HTML page with its headings and wholly bold paragraphs in Markdown, and
    whether it closes a block (a paragraph ends there)::

        <p><strong>What did you find?</strong></p>   →  **What did you find?**, True
        <h3>Early years</h3>                         →  ### Early years, True
    """
    heading = HTML_HEADING.match(line)
    if heading:
        line = "#" * int(heading[1]) + " " + line[heading.end() :]
    ends = bool(HTML_BLOCK_END.search(line))
    if bold := HTML_BOLD_BLOCK.match(line):  # a whole paragraph in bold; bold inside one is not kept
        line = f"**{bold['text'].strip()}**"
    return line, ends


def clean_line(line: str) -> tuple[str, list[str]]:
    """The line without web and Markdown debris, and what was taken out of it."""
    line = ODD_SPACE.sub(" ", INVISIBLE.sub("", line))  # no-break and thin spaces, tabs
    stripped = line.strip()
    if (
        is_junk(stripped)
        or END_MARKER.match(stripped)
        or STAGE_DIRECTION.fullmatch(stripped)
        or CLOCK_LINE.match(stripped)
        or INLINE_LINK.match(stripped)
        or JUMP_LINE.match(stripped)
        or SHARE_LINE.match(stripped.replace("**", ""))  # "**Share:** Twitter · Email"
        or PROCEDURE_LINE.match(stripped)
        or PULL_QUOTE_CREDIT.match(stripped)
        or IMAGE_CAPTION.match(stripped)
        or REFERENCE_DEFINITION.match(stripped)
    ):
        return "", [stripped]
    removed = []
    if QUOTE_MARK.match(line):
        line = QUOTE_MARK.sub("", line)  # a Markdown block quote: the words stay
    removed.extend(MARKDOWN_IMAGE.findall(line))
    line = MARKDOWN_IMAGE.sub("", line)
    removed.extend(m["url"] for m in MARKDOWN_LINK.finditer(line))
    line = MARKDOWN_LINK.sub(lambda m: m["text"], line)
    removed.extend(m["ref"] for m in REFERENCE_LINK.finditer(line))
    line = REFERENCE_LINK.sub(lambda m: m["text"], line)
    # "**What** **are**" → "**What are**"; "**Masson****,**" → "**Masson,**"; "x****y" keeps two words.
    line = BOLD_SEAM.sub(lambda m: m["gap"] or ("" if m.string[m.end() : m.end() + 1] in ",.;:!?" else " "), line)
    for tag in HTML_TAG.findall(line):
        removed.append(tag)
    line = HTML_TAG.sub("", line)
    if "&" in line and HTML_ENTITY.search(line):
        removed.extend(HTML_ENTITY.findall(line))
        line = html.unescape(line)  # "Bogot&aacute;", "&mdash;", "&#8217;" as a browser shows them
    line = MARKDOWN_ESCAPE.sub(r"\1", line)
    return line.rstrip(), removed


@dataclass
class Paragraph:
    line: int
    lines: list[str]
    label: str | None = None
    # How the text set it apart: "heading" (a Markdown heading) or "bold" (a paragraph wholly
    # in bold, "**How did you start?**"); written Q&As mark their questions so.
    mark: str | None = None

    @property
    def text(self) -> str:
        return " ".join(self.lines)


# A list item's number before a bold paragraph: "1. __Tell us about yourself.__"
LIST_NUMBER = re.compile(r"^\(?\d{1,2}[.)]\s+")
BOLD = ("**", "__")
# A footnote's mark after emphasis: "*Is the diner the counter’s heir?*[2]", "**Why?**[^3]"
FOOTNOTE_MARK = re.compile(r"(?<=[*_])\[\^?\d{1,3}\]$")


def paragraphs(
    lines: list[tuple[int, str]], labels: dict[str, str], discarded: list[str], quoted: frozenset[int] = frozenset()
) -> list[Paragraph]:
    """Blank-line separated paragraphs; a line opening with a speaker label starts a new one,
    and so does a heading. A heading broken over two lines is one heading::

        ## What would be your        ->  Paragraph("What would be your dream setup?", mark="heading")
        ## dream setup?
        **How did you start?**       ->  Paragraph("How did you start?", mark="bold")
    """
    found: list[Paragraph] = []
    canonical = turns.canonical_labels(labels)
    blocks = _split_bold_first_lines(_split_bold_openings(list(_blocks(lines))))
    for block in _split_asked_first_lines(blocks, labels):
        if note := FOOTNOTE_MARK.search(block[-1][1]):
            discarded.append(note.group())
            block[-1] = (block[-1][0], block[-1][1][: note.start()])
        mark = _unbold(block, discarded)
        if mark is None and all(number in quoted for number, _ in block):
            mark = "quote"  # "> 1) What went wrong?": an email reply quoting the questions
            if number := LIST_NUMBER.match(block[0][1]):
                discarded.append(number.group().strip())
                block[0] = (block[0][0], block[0][1][number.end() :])
        current: Paragraph | None = None
        for number, line in block:
            if HEADING.match(line):
                text = " ".join(HEADING.sub("", line).split())
                if prefix := QUESTION_PREFIX.match(text):
                    discarded.append(prefix.group().strip())
                    text = text[prefix.end() :]
                found.append(Paragraph(number, [text], mark="heading"))
                current = None
                continue
            current = _add_line(found, current, number, line, labels, canonical, discarded, mark)
    return _join_broken_headings([p for p in found if p.lines or p.label])


# A thematic break ("---", "***"): it separates, it says nothing.
RULE_LINE = re.compile(r"^(?:-{3,}|\*{3,}|_{3,}|={3,})$")


def _blocks(lines):
    block = []
    for number, line in lines:
        if RULE_LINE.match(line.strip()):
            if len(block) == 1 and line.strip()[0] in "=-" and not HEADING.match(block[0][1]):
                block[0] = (block[0][0], "# " + block[0][1])  # "Overview\n--------": a heading
            line = ""
        if line.strip():
            block.append((number, line.strip()))
        elif block:
            yield block
            block = []
    if block:
        yield block


# A paragraph opening with its question in bold, the answer after it on the same line.
BOLD_OPENING = re.compile(r"^(?P<mark>\*\*|__)(?P<question>[^*_\n]{3,400}?\?)(?P=mark)\s+(?P<rest>[^\s*_].*)$")


def _split_bold_openings(blocks: list[list[tuple[int, str]]]) -> list[list[tuple[int, str]]]:
    """ "**Did you take some?** About sixty.": the bold question a paragraph of its own, the
    answer the next, where at least two paragraphs open so (one is an answer's emphasis)."""
    if sum(1 for block in blocks if BOLD_OPENING.match(block[0][1])) < 2:
        return blocks
    out = []
    for block in blocks:
        if match := BOLD_OPENING.match(block[0][1]):
            number = block[0][0]
            out.extend(
                [[(number, match["mark"] + match["question"] + match["mark"])], [(number, match["rest"])] + block[1:]]
            )
        else:
            out.append(block)
    return out


def _split_bold_first_lines(blocks):
    """A block that opens with a line wholly in bold ("1. __Tell us about yourself.__") and
    goes on below it: the bold line is a paragraph of its own, like a heading."""
    for block in blocks:
        if len(block) > 1 and _unbold([block[0]], []) and not _unbold(list(block), []):
            yield block[:1]
            yield block[1:]
        else:
            yield block


def _split_asked_first_lines(blocks, labels: dict[str, str]) -> list[list[tuple[int, str]]]:
    """A questionnaire's blocks, question on the first line and the answer under it ("What is
    your earliest memory?" / "Being carried through a thunderstorm …"): the question is a
    paragraph of its own, where at least three blocks and half of those over several lines
    are so written (then a request on its first line too: "Describe yourself in three words.")."""
    blocks = list(blocks)

    def asked_first(block, prompts=False):
        first, second = block[0][1], block[1][1]
        found = turns.find_label(first)
        return (
            (ends_with_question(first) or prompts and bool(turns.PROMPT.match(first)))
            and not ends_with_question(second)
            and len(first.split()) <= 30
            and not (found and found[0] in labels)
        )

    several = [b for b in blocks if len(b) > 1]
    asked = sum(1 for b in several if asked_first(b))
    if asked < 3 or 2 * asked < len(several):
        return blocks
    out = []
    for block in blocks:
        if len(block) > 1 and asked_first(block, prompts=True):
            out.extend([block[:1], block[1:]])
        else:
            out.append(block)
    return out


def _unbold(block: list[tuple[int, str]], discarded: list[str]) -> str | None:
    """Take the markers off a paragraph wholly in bold (in place); "bold" if it was."""
    first_number, first = block[0]
    number = LIST_NUMBER.match(first)
    opened = first[number.end() :] if number else first
    last = block[-1][1]
    for marker in BOLD:
        inner = " ".join([opened, *(line for _, line in block[1:])])
        if (
            opened.startswith(marker)
            and last.rstrip(" :").endswith(marker)
            and len(inner) > 2 * len(marker)
            and marker not in inner[len(marker) : inner.rstrip(" :").rfind(marker)]
        ):
            if number:
                discarded.append(number.group().strip())
            block[0] = (first_number, opened[len(marker) :].lstrip())
            closing_number, closing = block[-1]
            cut = closing.rstrip(" :")
            block[-1] = (closing_number, (cut[: -len(marker)] + closing[len(cut) :]).rstrip())
            return "bold"
    return _set_apart_otherwise(block, discarded)


def _set_apart_otherwise(block: list[tuple[int, str]], discarded: list[str]) -> str | None:
    """A paragraph wholly in italics ("_How did you start?_") or opened by a dash, as the
    French and Spanish press set their questions ("— Madame la maire, combien …?"); the
    markers taken off in place."""
    first_number, first = block[0]
    last = block[-1][1]
    if DASH_OPENING.match(first):
        discarded.append(first[0])
        block[0] = (first_number, DASH_OPENING.sub("", first))
        return "dash"
    for marker in ("*", "_"):
        inner = " ".join(line for _, line in block)[1:-1]
        if (
            first.startswith(marker)
            and not first.startswith(marker * 2)
            and first[1:2].strip()
            and last.endswith(marker)
            and not last.endswith(marker * 2)
            and last[-2:-1].strip()
            and marker not in inner
        ):
            block[0] = (first_number, first[1:])
            closing_number, closing = block[-1]
            block[-1] = (closing_number, closing[:-1])
            return "italic"
    return None


# A note set apart in bold: "**Programming note: no issue next Friday.**", "**Update:** …".
NOTE_OPENING = re.compile(
    r"^(?:[\w’']+ )?(?:note|notes|housekeeping|correction|update|disclosure|disclaimer|p\.?s\.?)\s*:", re.I
)
# A question opened by a dash: "— Comment …?", "– ¿Por qué …?".
DASH_OPENING = re.compile(r"^[—–]\s+(?=\S)")
# Notes an editor sets in italics: not questions however short.
EDITORS_NOTE = re.compile(
    r"^(?:this (?:interview|conversation|q&a)|editor|note|interview (?:has|was)|photos?\b|images?\b)", re.I
)


def _add_line(found, current, number, line, labels, canonical, discarded, mark):
    if labels.get(" ".join(line.split())) in ("caps-line", "name-line"):
        found.append(Paragraph(number, [], " ".join(line.split())))
        return found[-1]
    if (alone := turns.colon_line(line)) and labels.get(alone) == "colon-line":
        found.append(Paragraph(number, [], canonical.get(alone, alone)))  # "Marcus Idowu:" alone on its line
        return found[-1]
    if (timed := turns.timed_line(line)) and labels.get(timed[0]) in ("timed-line", "thread", "thread-op"):
        discarded.append(timed[1])  # "Dana Whitfield  00:01": the speaker, then the time
        found.append(Paragraph(number, [], timed[0]))
        return found[-1]
    line, stamp = turns.strip_timestamp(line)
    if stamp:
        discarded.append(stamp)
    label_found = turns.find_label(line) if labels else None
    if label_found and label_found[0] in labels and (question_number := turns.question_number(line)):
        discarded.append(question_number)
    if label_found and not found and current is None and turns.QUOTED_HEADLINE.match(label_found[1].strip()):
        label_found = None  # a headline like `Guterres: “We must act now”`, not a turn
    if label_found and label_found[0] in labels:
        label, rest, form = label_found
        label = canonical.get(label, label)
        rest, stamp = turns.strip_timestamp(rest)
        if stamp:
            discarded.append(stamp)
        if form == "bold-turn":
            rest, mark = turns.unbold_rest(rest), "bold"
        elif turns.wholly_bold(rest):
            rest, mark = turns.unbold_rest(rest.strip()[2:]), "bold"  # "**DW:** **How will it work?**"
        current = Paragraph(number, [" ".join(rest.split())] if rest.strip() else [], label, mark)
        found.append(current)
    elif current is None:
        current = Paragraph(number, [" ".join(line.split())], mark=mark)
        found.append(current)
    else:
        current.lines.append(" ".join(line.split()))
    return current


def _join_broken_headings(found: list[Paragraph]) -> list[Paragraph]:
    joined: list[Paragraph] = []
    for paragraph in found:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and previous.mark == "heading"
            and not previous.label
            and not previous.text.rstrip().endswith((".", "?", "!", ":", "…"))
            and paragraph.text[:1].islower()
            and (
                paragraph.mark == "heading"
                # "### What made you switch, and" over a blank line and "why harpsichords?"
                or paragraph.mark is None
                and not paragraph.label
                and len(paragraph.text.split()) <= 30
                and paragraph.text.rstrip().endswith("?")
            )
        ):
            previous.lines.extend(paragraph.lines)
        else:
            joined.append(paragraph)
    return joined


def asks(text: str) -> bool:
    """A question or a prompt: ends in "?" or opens with "Tell us", "Describe"…"""
    return ends_with_question(text) or bool(turns.PROMPT.match(text.strip()))


SET_APART = ("heading", "bold", "italic", "dash", "quote")


def marked_questions(body: list[Paragraph]) -> set[int] | None:
    """The paragraphs a written Q&A sets apart as its questions, when it does: headings or
    bold paragraphs that ask (or, in bold, stand before plain answer text), at least two of
    them and most of the paragraphs so set apart. None for a text that marks no questions:
    its section headings ("## Links") are not questions, nor is every "?" in it."""
    set_apart = [i for i, p in enumerate(body) if p.mark in SET_APART]

    first_bold = next((i for i in set_apart if body[i].mark == "bold"), None)
    # After the last question, a statement set apart is a note unless it addresses someone.
    last_asked = max((i for i in set_apart if asks(body[i].text)), default=-1)

    def before_plain_text(i):  # a statement set apart in bold, italics or by a dash, then an answer
        return i + 1 < len(body) and body[i + 1].mark is None and (i < last_asked or _addresses(body[i].text))

    asking = {
        i
        for i in set_apart
        if asks(body[i].text)
        or body[i].mark == "bold"
        and before_plain_text(i)
        and not (i == first_bold and _standfirst(body[i].text))
        and not NOTE_OPENING.match(body[i].text)
        or body[i].mark in ("italic", "dash", "quote")
        and before_plain_text(i)
        and len(body[i].text.split()) <= 25
        and not EDITORS_NOTE.match(body[i].text)
    }
    if len([i for i in asking if i - 1 not in asking]) >= 2 and len(asking) >= 0.6 * len(set_apart):
        # One way of setting questions apart per text: with question headings, a bold line
        # ("**The hub will include:**") is emphasis inside an answer.
        kinds = {kind: {i for i in asking if body[i].mark == kind} for kind in SET_APART}
        return max(kinds.values(), key=len)
    return None


SECOND_PERSON = re.compile(r"\b(?:you|your|yours|yourself|yourselves)\b", re.I)


def _addresses(text: str) -> bool:
    """A statement that can prompt an answer: short ("That sounds cold."), or put to someone
    ("Okay, lightning round: your editor, your font."), or a request in any of its sentences;
    not a note about the book ("The Salt Ledger is published by … She appears at …")."""
    return (
        len(text.split()) <= 8
        or bool(SECOND_PERSON.search(text))
        or any(turns.PROMPT.match(sentence) for sentence in split_sentences(text))
    )


def _standfirst(text: str) -> bool:
    """A bold paragraph that introduces rather than prompts: long, or three sentences ("Perch
    is … It has one maintainer … I asked Oye how that works.")."""
    return len(text.split()) > 40 or len(split_sentences(text)) >= 3


def clean(value: str) -> str:
    return " ".join(value.replace("\u00a0", " ").split())


def join(paragraphs: list[str]) -> str:
    return "\n\n".join(p for p in paragraphs if p)


def ends_with_question(paragraph: str) -> bool:
    return paragraph.rstrip(QUOTES + " )").endswith("?")


def split_sentences(paragraph: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?…])\s+(?=[\"“«A-ZÀ-Þ])", paragraph) if s]


def strip_unbalanced_quote(text: str) -> str:
    if text[:1] in '"“«' and not any(q in text[1:] for q in '"”»'):
        return text[1:].lstrip()
    return text
