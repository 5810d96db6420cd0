from django import template
from django.utils.html import format_html_join

from ..search import mark

register = template.Library()


@register.filter
def paragraphs(text, query=""):
    """Imported text as HTML paragraphs, escaped, with a search's words marked."""
    return format_html_join(
        "\n", "<p>{}</p>", ((mark(p.strip(), query),) for p in str(text).split("\n\n") if p.strip())
    )
