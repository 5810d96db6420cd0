"""The sitemap (contrib.sitemaps): every public article, speaker and answer.

``/sitemap.xml`` is an index of the sections' sitemaps; a section longer than 50,000 URLs
(the protocol's limit) is split into pages (``/sitemap-answers.xml?p=2``), each listed in
the index. Only what the public can read is listed (``.public()``).
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max

from .models import Article, Pair, Speaker


class ArchiveSitemap(Sitemap):
    def get_protocol(self, protocol=None):
        # ARCHIVE_SITE_URL, when set, is the public address (behind a proxy).
        return urlsplit(settings.SITE_URL).scheme if settings.SITE_URL else super().get_protocol(protocol)

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc if settings.SITE_URL else super().get_domain(site)


class ArticleSitemap(ArchiveSitemap):
    def items(self):
        return Article.objects.public().only("slug", "updated").order_by("id")

    def lastmod(self, article):
        return article.updated

    def get_latest_lastmod(self):
        return Article.objects.public().aggregate(latest=Max("updated"))["latest"]


class SpeakerSitemap(ArchiveSitemap):
    def items(self):
        return Speaker.objects.public().only("slug").order_by("id")


class AnswerSitemap(ArchiveSitemap):
    def items(self):
        return Pair.objects.public().select_related("article").only("key", "article__updated").order_by("id")

    def location(self, pair):
        return pair.get_absolute_url()

    def lastmod(self, pair):
        return pair.article.updated

    def get_latest_lastmod(self):
        return Article.objects.public().filter(pairs__isnull=False).aggregate(latest=Max("updated"))["latest"]


SITEMAPS = {"articles": ArticleSitemap, "speakers": SpeakerSitemap, "answers": AnswerSitemap}
