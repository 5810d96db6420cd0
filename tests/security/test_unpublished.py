"""An unpublished article and its answers reach no public surface: every public URL pattern
of archive/urls.py (feeds, sitemaps, exports, checks… whatever is added later) is walked with
the article's identifiers and the words it shares with published answers, and its own words
appear nowhere; its permalinks answer 404, not 410."""

import pytest
from django.test import Client

from archive.importer import import_text
from archive.models import Article, Pair, Speaker

from .walk import addresses, crawl, public_patterns

pytestmark = pytest.mark.django_db(transaction=True)
SECRET = "zorblatt"  # in every field of the unpublished articles, and in no request
# Words the unpublished answers share with the published seeds: searches, related answers and
# quote checks that find the seeds would find these too if visibility leaked.
SHARED = "Regional organizations play a crucial role in promoting and maintaining peace in various parts of the world."

UNPUBLISHED = [
    f"""Title: Zorblatt briefing on regional organizations
Date: 2024-06-01
Outlet: Zorblatt Gazette
Source: https://zorblatt.example/briefing
Speaker: Quentin Zorblatt
Role: Zorblatt envoy
Photo credit: Zorblatt Photo

What is the role of regional organizations, such as the SCO, in the current geopolitical dynamics?

{SHARED} Zorblatt said so first.

Could you share your thoughts on climate action in Kazakhstan and Azerbaijan?

The climate crisis and water scarcity in Central Asia, zorblattine, call for climate action.
""",
    # The published seeds' own speaker, in an unpublished article: his counts must not move.
    f"""Title: Zorblatt notes, unpublished
Speaker: António Guterres
Role: UN Secretary General

Is peace possible in various parts of the world?

{SHARED} Zorblattist diplomacy helps Kazakhstan.
""",
]


def query_strings(permalink: str) -> list[str]:
    words = "regional organizations peace"
    return [
        "",
        f"?q={words}",
        f'?q="{SHARED[:60]}"',
        "?q=climate&sort=newest",
        "?q=speaker:guterres peace",
        "?q=Quentin",
        "?q=speaker:quentin",
        f"?text={SHARED}",
        f"?quote={SHARED}",
        f"?url={permalink}",
        f"?url=http://testserver{permalink}",
        "?page=1",
        "?section=answers",
    ]


@pytest.fixture
def unpublished(seeds):
    for n, text in enumerate(UNPUBLISHED):
        outcome = import_text(text, import_ref=f"zorblatt-{n}.txt", publish=False)
        assert outcome.ok and outcome.article and not outcome.article.is_published, outcome.error
    return Article.objects.filter(is_published=False)


def identifiers() -> dict[str, list[str]]:
    """Every identifier a public URL could take, of the unpublished articles and the seeds."""
    return {
        "slug": sorted(
            set(Article.objects.values_list("slug", flat=True)) | set(Speaker.objects.values_list("slug", flat=True))
        ),
        "key": sorted(Pair.objects.values_list("key", flat=True)),
        "pk": sorted(str(pk) for pk in Article.objects.values_list("pk", flat=True)),
    }


def test_public_url_patterns_are_named_so_they_can_be_walked():
    assert public_patterns() and all(p.name for p in public_patterns())


def test_no_public_address_shows_a_word_of_an_unpublished_article(unpublished):
    client = Client(raise_request_exception=False)
    secret_pair = Pair.objects.filter(article__in=unpublished).first()
    queries = query_strings(secret_pair.get_absolute_url())
    start = []
    for name, paths in addresses(identifiers()).items():
        # Every query on the pages without identifiers (search, feeds, exports, checks); the
        # pages of one article, speaker or answer with and without a search to mark.
        with_identifiers = any(p.name == name and p.pattern.regex.groupindex for p in public_patterns())
        start += [path + q for path in paths for q in (queries[:2] if with_identifiers else queries)]
    pages = crawl(client, start, limit=900)
    assert len(pages) > 100
    leaks = [path for path, r in pages.items() if SECRET in r.text_body.lower()]
    errors = [(path, r.status_code) for path, r in pages.items() if r.status_code >= 500]
    assert leaks == [] and errors == []


def test_unpublished_answers_and_articles_answer_404_not_410(client, unpublished):
    for pair in Pair.objects.filter(article__in=unpublished):
        assert client.get(pair.get_absolute_url()).status_code == 404
    for article in unpublished:
        assert client.get(article.get_absolute_url()).status_code == 404
    assert client.get(Speaker.objects.get(name="Quentin Zorblatt").get_absolute_url()).status_code == 404


def test_lists_and_counts_are_the_same_as_without_the_unpublished_articles(seeds):
    guterres = Speaker.objects.get(name="António Guterres").get_absolute_url()
    pages = ["/", "/speakers/", guterres, "/articles/"]
    before = {p: Client().get(p).content for p in pages}
    for n, text in enumerate(UNPUBLISHED):
        assert import_text(text, import_ref=f"zorblatt-{n}.txt", publish=False).ok
    after = {p: Client().get(p).content for p in pages}
    assert after == before


def test_editors_still_see_the_unpublished_article(staff_client, unpublished):
    article = unpublished.first()
    assert staff_client.get(article.get_absolute_url()).status_code == 200
