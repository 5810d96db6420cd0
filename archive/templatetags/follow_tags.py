"""Template tags for following and exporting searches."""

from django import template

from ..exports import MAX_ROWS

register = template.Library()


@register.simple_tag
def export_limit() -> int:
    """The most rows a search's download holds (archive.exports.MAX_ROWS)."""
    return MAX_ROWS
