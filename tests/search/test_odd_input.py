"""No query string, however odd, gives a 500: every page and API answer is a 200 or a clear 400.

Over a thousand generated searches (unbalanced quotes and brackets, lone operators, wildcards,
field syntax with bad values, control characters, very long input, characters of every
Unicode category, invalid UTF-8 in the URL) go to the search page and the API, with odd
pages, dates, sorts and filters beside them; hypothesis adds its own. The fixtures are
function-scoped on purpose: hypothesis runs all examples inside one test call, so the seeds
are imported once per test, not once per example."""

import random
import sys
import unicodedata
from urllib.parse import urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archive.search import MAX_PAGE, MAX_QUERY_CHARS, MAX_QUERY_WORDS

pytestmark = pytest.mark.django_db(transaction=True)

SYNTAX = [
    '"',
    "“",
    "”",
    "«",
    "»",
    "'",
    "’",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "*",
    "?",
    ":",
    "-",
    "--",
    "+",
    "~",
    "^",
    "\\",
    "/",
    "!",
    "&&",
    "||",
    "AND",
    "OR",
    "NOT",
    "TO",
    "and",
    "or",
    "speaker:",
    "outlet:",
    "from:",
    "to:",
    "title:",
    "text:",
    "id:",
    "django_ct:",
    " ",
    "  ",
]
WORDS = [
    "climate",
    "Guterres",
    "António",
    "one",
    "world",
    "Kazakhstan",
    "peace",
    "the",
    "of",
    "экономика",
    "Қазақстан",
    "café",
    "U.S.",
    "don't",
    "2020",
    "2021-05",
    "x",
    "ab",
    "committing",
    "🙂",
]
DATES = [
    "2020",
    "2020-05",
    "2020-05-17",
    "2020-13",
    "2021-02-29",
    "0000",
    "9999-12-31",
    "yesterday",
    "-1",
    "2020-05-17T10:00",
    "",
    "２０２０",
    "20200517",
    "2020/05/17",
    "1e9",
]


def characters_by_category():
    """Some characters of each of Unicode's 30 general categories (Cs: lone surrogates)."""
    found = {}
    for code in range(sys.maxunicode + 1):
        found.setdefault(unicodedata.category(chr(code)), []).append(chr(code))
    return found


def odd_queries(seed=4) -> list[str]:
    rng = random.Random(seed)
    queries = []

    def soup(n, pieces):
        return "".join(rng.choice(pieces) for _ in range(n))

    for _ in range(300):  # syntax and words run together
        queries.append(soup(rng.randint(1, 12), SYNTAX + WORDS + [" "] * 6))
    for _ in range(120):  # unbalanced quotes and brackets around real words
        words = " ".join(rng.choices(WORDS, k=rng.randint(1, 4)))
        opener, closer = rng.choice(
            [
                ('"', ""),
                ("", '"'),
                ("(", ""),
                ("", ")"),
                ("((", ")"),
                ("“", ""),
                ("[", "}"),
                ('"', '""'),
                ('("', ")"),
                ("-(", ""),
            ]
        )
        queries.append(rng.choice([f"{opener}{words}{closer}", f"{words} {opener}", f"{closer} {words}"]))
    for _ in range(120):  # field syntax, good and bad values
        field = rng.choice(["speaker:", "outlet:", "from:", "to:", "-speaker:", "NOT outlet:", "SPEAKER:", "from: "])
        value = rng.choice(DATES + WORDS + ['"antonio guterres"', '"unclosed', "", ":", "::", "*", "(x)"])
        queries.append(f"{rng.choice(WORDS)} {field}{value} {rng.choice(['', 'OR', 'AND', '-'])}".strip())
    for pattern in [
        "*",
        "?",
        "clim*",
        "*ate",
        "c?imate",
        "a~2",
        "climate~",
        "climate^3",
        "title:(",
        "[a TO b]",
        "{x TO}",
        "/regex/",
        "\\*",
        "%",
        "%%",
        "_",
        "\\",
        "&&",
        "||",
        "!",
        "-",
        "+",
        "NOT NOT",
        "AND OR NOT",
        "OR OR",
        "(",
        ")",
        "()",
        '""',
        '" "',
        "'",
        "''",
    ]:
        queries.append(pattern)
        queries.append(f"climate {pattern} peace")
    for _ in range(80):  # control characters among words
        queries.append(
            soup(
                rng.randint(1, 8),
                WORDS
                + [chr(rng.randint(0, 31)), "\x7f", "\x85", "\u200b", "\u202e", "\ufeff", "\u2028", "\u2029", " "],
            )
        )
    by_category = characters_by_category()
    assert len(by_category) == 30
    for _category, chars in sorted(by_category.items()):  # every Unicode category
        for _ in range(12):
            queries.append("".join(rng.choices(chars, k=rng.randint(1, 20))))
        queries.append("climate " + rng.choice(chars))
    for length in (MAX_QUERY_CHARS - 1, MAX_QUERY_CHARS, MAX_QUERY_CHARS + 1, 1000, 10_000):  # very long
        queries.append(("x" * 7 + " ") * (length // 8) + "x" * (length % 8))
        queries.append("a" * length)
        queries.append('"' + "climate " * (length // 8))
    for words in (MAX_QUERY_WORDS, MAX_QUERY_WORDS + 1, 200):
        queries.append(" ".join(rng.choices(WORDS, k=words)))
    return queries


def odd_params(rng, q) -> dict:
    """The search with, now and then, odd values for the other parameters too."""
    params = {"q": q}
    for name, values in (
        (
            "page",
            [
                "1",
                "2",
                "0",
                "-1",
                str(MAX_PAGE),
                str(MAX_PAGE + 1),
                "10000000000000000000",
                "abc",
                "1.5",
                "",
                "٣",
                "1e3",
            ],
        ),
        ("sort", ["relevance", "newest", "oldest", "", "random", "-published"]),
        ("view", ["speakers", "answers", "", "map"]),
        ("exact", ["1", "on", "0", "", "yes"]),
        ("from", DATES),
        ("to", DATES),
        ("year", ["2020", "20", "abcd", "", "1960"]),
        ("speaker", ["antonio-guterres", "nobody", "", "-", "a" * 150, "ünïcode"]),
        ("outlet", ["Kazinform", 'Kaz"inform', "", "x" * 300]),
        ("article", ["nope", "", "a b"]),
    ):
        if rng.random() < 0.15:
            params[name] = rng.choice(values)
    return params


def url(path, params) -> str:
    # surrogatepass: a lone surrogate becomes bytes that are not UTF-8, as a broken client sends.
    return path + "?" + urlencode(params, encoding="utf-8", errors="surrogatepass")


def test_a_thousand_odd_searches_get_a_page_or_a_clear_400(client, seeds):
    queries = odd_queries()
    assert len(set(queries)) >= 1000
    rng = random.Random(5)
    statuses = {}
    for q in queries:
        params = odd_params(rng, q)
        page = client.get(url("/search/", params))
        api = client.get(url("/api/search/", params))
        assert page.status_code in (200, 400), params
        assert api.status_code == page.status_code, params
        if api.status_code == 400:
            assert api.json()["errors"], params
            assert 'class="error" role="alert"' in page.text, params
        statuses[page.status_code] = statuses.get(page.status_code, 0) + 1
    assert statuses.get(200, 0) > len(queries) / 2  # most odd input is searched, not refused


def test_limits_are_explained(client, seeds):
    too_long = client.get("/api/search/", {"q": "x" * (MAX_QUERY_CHARS + 1)}).json()
    assert too_long["errors"]["q"] == [f"Searches are limited to {MAX_QUERY_CHARS} characters; shorten the query."]
    too_many = client.get("/api/search/", {"q": " ".join(["peace"] * (MAX_QUERY_WORDS + 1))}).json()
    assert too_many["errors"]["q"] == [f"Searches are limited to {MAX_QUERY_WORDS} words; shorten the query."]
    too_far = client.get("/api/search/", {"q": "peace", "page": MAX_PAGE + 1}).json()
    assert too_far["errors"]["page"] == [f"Only the first {MAX_PAGE} pages are shown; narrow the search instead."]


def test_highlight_query_on_article_and_permalink_pages_is_never_an_error(client, seeds):
    from archive.models import Article, Pair

    pages = (Article.objects.first().get_absolute_url(), Pair.objects.first().get_absolute_url())
    for q in odd_queries()[::5]:
        for path in pages:
            assert client.get(url(path, {"q": q, "exact": "1"})).status_code == 200, q


QUERIES = st.one_of(
    st.text(max_size=250),
    st.lists(st.one_of(st.sampled_from(SYNTAX), st.text(min_size=1, max_size=8)), max_size=30).map("".join),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=60),
)
PARAMS = st.fixed_dictionaries(
    {"q": QUERIES},
    optional={
        "page": st.one_of(st.integers(-5, 10**9).map(str), st.text(max_size=5)),
        "speaker": st.text(max_size=40),
        "from": st.text(max_size=12),
        "to": st.text(max_size=12),
        "sort": st.text(max_size=10),
        "year": st.text(max_size=5),
        "exact": st.text(max_size=2),
    },
)


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(params=PARAMS)
def test_search_page_and_api_never_fail(client, seeds, params):
    for path in ("/search/", "/api/search/"):
        response = client.get(path, params)
        assert response.status_code in (200, 400), (path, params, response.status_code)
        if response.status_code == 400 and path == "/api/search/":
            assert response.json()["errors"]
