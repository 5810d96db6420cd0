from django import template
from django.utils.html import format_html_join

from ..search.highlight import mark

register = template.Library()


@register.filter
def paragraphs(text, marker=""):
    """Imported text as HTML paragraphs, escaped, with a search's words marked.

    ``marker`` is a search (a string) or a :class:`~archive.search.highlight.Marker` from the
    view, which also knows the exact-form switch and the article's language."""
    return format_html_join(
        "\n", "<p>{}</p>", ((mark(p.strip(), marker),) for p in str(text).split("\n\n") if p.strip())
    )
