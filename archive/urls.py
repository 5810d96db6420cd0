from django.contrib import admin
from django.urls import path

from .views import answers, pages, search

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
    path("a/<str:key>/", answers.pair_detail, name="pair_detail"),
    path("admin/", admin.site.urls),
]
