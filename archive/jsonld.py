"""schema.org JSON-LD for answer, article and speaker pages, and its safe place in HTML.

An answer is a ``Quotation`` spoken by a ``Person`` (``spokenByCharacter`` and ``creator``),
part of the interview's ``Article``; an article page is that ``Article`` with its speakers as
contributors; a speaker page is a ``ProfilePage`` about the ``Person``::

    {"@context": "https://schema.org", "@type": "Quotation", "text": "…", "url": "…/a/rzhbkyu7/",
     "spokenByCharacter": {"@type": "Person", "name": "António Guterres", "jobTitle": "…"},
     "isPartOf": {"@type": "Article", "headline": "…", "publisher": {"@type": "Organization", …}}}

``url_for`` turns a site path into the full address (``views.absolute_url``). Every function
returns plain data; :func:`script` writes it into a page.
"""

import json

from django.utils.html import format_html
from django.utils.safestring import mark_safe

from .sentences import shorten

CONTEXT = "https://schema.org"
# As django.utils.html.json_script escapes: no "</script>", "<!--" or "&" can end the block.
_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def _compact(data: dict) -> dict:
    """``data`` without empty values: schema.org reads a missing property, not an empty one."""
    return {k: v for k, v in data.items() if v not in ("", None, [], {})}


def person(speaker, url_for, role: str = "") -> dict:
    return _compact(
        {
            "@type": "Person",
            "name": speaker.name,
            "jobTitle": role or speaker.role,
            "url": url_for(speaker.get_absolute_url()),
        }
    )


def organization(name: str) -> dict:
    return {"@type": "Organization", "name": name} if name else {}


def article(article, url_for, speakers=()) -> dict:
    """The interview as an ``Article``; ``speakers`` are ``(speaker, role)`` pairs."""
    return _compact(
        {
            "@type": "Article",
            "genre": "interview",
            "headline": shorten(article.title, 110, hard=True),
            "name": article.title,
            "url": url_for(article.get_absolute_url()),
            "datePublished": article.published.isoformat() if article.published else "",
            "publisher": organization(article.outlet),
            "inLanguage": article.language,
            "isBasedOn": article.source_url,
            "contributor": [person(s, url_for, role) for s, role in speakers],
        }
    )


def quotation(pair, url_for, role: str = "") -> dict:
    """One answer (with article and speaker loaded) as a ``Quotation``."""
    speaker = person(pair.speaker, url_for, role) if pair.speaker_id else {}
    return {
        "@context": CONTEXT,
        **_compact(
            {
                "@type": "Quotation",
                "text": pair.answer or pair.question,
                "url": url_for(pair.get_absolute_url()),
                "spokenByCharacter": speaker,
                "creator": speaker,
                "isPartOf": article(pair.article, url_for),
                "inLanguage": pair.article.language,
                "datePublished": pair.article.published.isoformat() if pair.article.published else "",
            }
        ),
    }


def article_page(article_, url_for, appearances) -> dict:
    return {"@context": CONTEXT, **article(article_, url_for, [(a.speaker, a.role) for a in appearances])}


def speaker_page(speaker, url_for) -> dict:
    entity = person(speaker, url_for)
    entity["alternateName"] = [a.name for a in speaker.aliases.all()]
    return {
        "@context": CONTEXT,
        "@type": "ProfilePage",
        "url": entity["url"],
        "mainEntity": _compact(entity),
    }


def script(data: dict) -> str:
    """``data`` as a ``<script type="application/ld+json">`` block, escaped like json_script."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))
