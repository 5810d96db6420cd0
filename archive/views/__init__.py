"""Public pages, each module short and with its own templates:

pages.py    home, articles, speakers             templates/archive/{home,article_*,speaker_*}.html
answers.py  one answer's permalink               templates/archive/pair_*.html
search.py   the search page, its help, the API   templates/archive/search*.html
"""

from django.conf import settings


def absolute_url(request, path: str) -> str:
    """A full URL for sharing: ARCHIVE_SITE_URL when set (behind a proxy), else this request's."""
    return settings.SITE_URL + path if settings.SITE_URL else request.build_absolute_uri(path)
