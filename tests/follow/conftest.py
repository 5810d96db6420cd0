"""Articles the follow, export and check tests add to the seeds: a published one with a
distinctive subject, and an unpublished one that must never show."""

import pytest

from archive.importer import import_text

PENGUINS = """Title: Penguins of the Falklands
Date: 2025-03-01
Outlet: Polar Times
Speaker: Ann Lee
Role: Ecologist

Why do Magellanic penguins return to the same burrow?

Magellanic penguins return to the same burrow each spring because the burrow protects the chicks from skuas, and the colony on the **Falklands** keeps its burrows for decades. See [our survey](https://example.org/survey) for the counts.

How warm is the water near the colony?

The water near the colony warmed by one degree, so the penguins swim farther for anchovies and the chicks wait longer.
"""

SECRET = """Title: Embargoed talk
Outlet: Polar Times
Speaker: Bea Secret
Role: Minister

What will the embargoed treaty say?

The embargoed treaty will say that zanzibarian penguins and the quokka colony get a reserve; nobody may read this before the embargo ends.
"""


def add(text: str, ref: str, publish: bool = True):
    outcome = import_text(text, import_ref=ref, publish=publish)
    assert outcome.ok, outcome.error
    return outcome.article


@pytest.fixture
def penguins(seeds):
    return add(PENGUINS, "penguins.txt")


@pytest.fixture
def secret(seeds):
    return add(SECRET, "secret.txt", publish=False)
