from django.contrib import admin
from django.urls import path, re_path, register_converter

from .views import answers, check, exports, follow, pages, search, sharing


class KeyConverter:
    """An answer's permalink key: letters and digits only (KEY_ALPHABET), so an odd address
    (a NUL byte, a path) is a 404 before any query."""

    regex = "[0-9a-z]{1,16}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(KeyConverter, "key")

urlpatterns = [
    path("", pages.home, name="home"),
    path("search/", search.search, name="search"),
    path("search/help/", search.search_help, name="search_help"),
    path("api/search/", search.api_search, name="api_search"),
    path("articles/", pages.article_list, name="article_list"),
    path("articles/<slug:slug>/", pages.article_detail, name="article_detail"),
    path("speakers/", pages.speaker_list, name="speaker_list"),
    path("speakers/<slug:slug>/", pages.speaker_detail, name="speaker_detail"),
    # The permalink of one answer: short, and never reused.
    path("a/<key:key>/", answers.pair_detail, name="pair_detail"),
    # Share and cite (issue 14): the card, the embeddable quote, oEmbed, citation files.
    path("a/<key:key>/card.png", sharing.card, name="pair_card"),
    path("a/<key:key>/embed/", sharing.embed, name="pair_embed"),
    path("a/<key:key>/cite.bib", sharing.citation_file, {"fmt": "bibtex"}, name="pair_cite_bibtex"),
    path("a/<key:key>/cite.ris", sharing.citation_file, {"fmt": "ris"}, name="pair_cite_ris"),
    path("a/<key:key>/cite.json", sharing.citation_file, {"fmt": "csl"}, name="pair_cite_csl"),
    path("oembed/", sharing.oembed, name="oembed"),
    path("admin/", admin.site.urls),
    # Follow, export, check (issue 14): feeds, sitemap, robots.txt, OpenSearch, downloads.
    path("feeds/interviews/", follow.interviews_feed, name="interviews_feed"),
    path("speakers/<slug:slug>/feed/", follow.speaker_feed, name="speaker_feed"),
    path("search/feed/", follow.search_feed, name="search_feed"),
    re_path(r"^search/export\.(?P<kind>csv|json)$", exports.export, name="search_export"),
    path("check/", check.quote_check, name="quote_check"),
    path("sitemap.xml", follow.sitemap_index, name="sitemap"),
    path("sitemap-<str:section>.xml", follow.sitemap_section, name="sitemap_section"),
    path("robots.txt", follow.robots_txt, name="robots_txt"),
    path("opensearch.xml", follow.opensearch, name="opensearch"),
]
