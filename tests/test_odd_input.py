"""No query string, however odd, gives a 500: every page and API answer is a 200 or a clear 400.

The fixtures are function-scoped on purpose: hypothesis runs all examples inside one test call,
so the seeds are imported once per test, not once per example."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db(transaction=True)

SYNTAX = st.sampled_from(['"', "(", ")", "[", "]", "{", "}", "*", "?", ":", "-", "+", "~", "^", "\\", "/",
                          "AND", "OR", "NOT", "TO", "speaker:", "from:", "&&", "||", "'", "“", "”", " "])
QUERIES = st.one_of(
    st.text(max_size=250),
    st.lists(st.one_of(SYNTAX, st.text(min_size=1, max_size=8)), max_size=30).map("".join),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=60),
)
PARAMS = st.fixed_dictionaries(
    {"q": QUERIES},
    optional={"page": st.one_of(st.integers(-5, 10**9).map(str), st.text(max_size=5)),
              "speaker": st.text(max_size=40)},
)


@settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
@given(params=PARAMS)
def test_search_page_and_api_never_fail(client, seeds, params):
    for url in ("/search/", "/api/search/"):
        response = client.get(url, params)
        assert response.status_code in (200, 400), (url, params, response.status_code)
        if response.status_code == 400 and url == "/api/search/":
            assert response.json()["errors"]


@settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
@given(q=QUERIES)
def test_article_and_permalink_pages_accept_any_highlight_query(client, seeds, q):
    from archive.models import Article, Pair

    for url in (Article.objects.first().get_absolute_url(), Pair.objects.first().get_absolute_url()):
        assert client.get(url, {"q": q}).status_code == 200
