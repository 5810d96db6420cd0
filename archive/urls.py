from django.contrib import admin
from django.urls import path

from . import views

urlpatterns = [
    path("", views.home, name="home"),
    path("search/", views.search, name="search"),
    path("search/help/", views.search_help, name="search_help"),
    path("api/search/", views.api_search, name="api_search"),
    path("articles/", views.article_list, name="article_list"),
    path("articles/<slug:slug>/", views.article_detail, name="article_detail"),
    path("speakers/", views.speaker_list, name="speaker_list"),
    path("speakers/<slug:slug>/", views.speaker_detail, name="speaker_detail"),
    # The permalink of one answer: short, and never reused.
    path("a/<str:key>/", views.pair_detail, name="pair_detail"),
    path("admin/", admin.site.urls),
]
