"""The fixed query mix, and how each system spells it.

The words were picked once on the default-seed corpus (10k pairs) by their share of pairs:
``government`` 6.4 % (common), ``telescope`` 0.06 % (rare), ``water city`` 0.6 % (two words,
AND), ``"human rights"`` 1 % (a phrase the generator injects), ``family`` 9 % restricted to
the speaker with most answers, ``music`` 5 % restricted to one year, and ``government`` again
at page 5. The mix is the same for the site, the Whoosh floor and Datasette.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

PER_PAGE = 20  # the site's page size; Datasette is asked for the same
YEAR = "2015"


@dataclass(frozen=True)
class Query:
    kind: str  # a short label for tables
    q: str
    speaker: bool = False  # restricted to the most frequent speaker
    year: bool = False  # restricted to YEAR
    page: int = 1


MIX = (
    Query("common", "government"),
    Query("rare", "telescope"),
    Query("two words", "water city"),
    Query("phrase", '"human rights"'),
    Query("speaker", "family", speaker=True),
    Query("year", "music", year=True),
    Query("page 5", "government", page=5),
)


@dataclass
class Facts:
    """What the mix needs from the corpus once it is served."""

    speaker_slug: str  # for the site (from /speakers/)
    speaker_name: str  # for Datasette's column filter
    year_supported: bool  # whether the site filters by year yet

    def mix(self) -> tuple[Query, ...]:
        return tuple(q for q in MIX if self.year_supported or not q.year)


def site_path(endpoint: str, query: Query, facts: Facts) -> str:
    """``endpoint`` is ``/search/`` or ``/api/search/``."""
    params = {"q": query.q}
    if query.speaker:
        params["speaker"] = facts.speaker_slug
    if query.year:
        params["year"] = YEAR
    if query.page != 1:
        params["page"] = str(query.page)
    return endpoint + "?" + urlencode(params)


def datasette_path(table_path: str, query: Query, facts: Facts, *, json: bool, next_token: str = "") -> str:
    """Datasette's table search: the HTML page with its default counts and facet suggestions,
    or the JSON without count, facets or suggestions. Page 5 needs the ``_next`` token found
    by following pages 1-4 (:func:`bench.peer.next_token`)."""
    params = {"_search": query.q, "_size": str(PER_PAGE)}
    if query.speaker:
        params["speaker"] = facts.speaker_name
    if query.year:
        params["year"] = YEAR
    if json:
        params.update(_nocount="1", _nofacet="1", _nosuggest="1")
    if next_token:
        params["_next"] = next_token
    return table_path + (".json" if json else "") + "?" + urlencode(params)
