"""Every citation form is built from one source: an attribution line with the accessed date,
APA, MLA and Chicago through citeproc-py and the official CSL styles, and BibTeX, RIS and
CSL-JSON files; missing details are left out, never printed as "unknown"."""

import json
from datetime import date

from archive import citations
from archive.citations import Source

FULL = Source(
    key="rzhbkyu7",
    url="https://archive.example.org/a/rzhbkyu7/",
    accessed=date(2026, 12, 2),
    question="Last September the Assembly adopted the Pact for the Future. " * 3 + "What comes next?",
    speaker="António Guterres",
    role="UN Secretary General",
    interviewer="Jo Bloggs",
    title="When the superpowers are at odds",
    outlet="Kazinform",
    published=date(2024, 7, 1),
    language="en",
)
BARE = Source(
    key="abcdefgh",
    url="https://archive.example.org/a/abcdefgh/",
    accessed=date(2026, 1, 5),
    question="Why?",
    title="Notes",
)


def test_attribution_names_speaker_role_question_article_outlet_date_link_and_accessed_day():
    assert citations.attribution(FULL) == (
        "António Guterres (UN Secretary General), answer to “Last September the Assembly adopted the Pact "
        "for the Future. Last September the Assembly adopted the Pact for the Future. Last September the "
        "Assembly adopted the Pact for the Future. […]”, in “When the superpowers are at odds”, Kazinform, "
        "1 July 2024. https://archive.example.org/a/rzhbkyu7/ (accessed 2 December 2026)."
    )


def test_attribution_without_speaker_outlet_or_date_leaves_them_out():
    line = citations.attribution(BARE)
    assert line == "Answer to “Why?”, in “Notes”. https://archive.example.org/a/abcdefgh/ (accessed 5 January 2026)."
    for forms in citations.all_formatted(BARE):
        assert "unknown" not in forms.text.lower() and "None" not in forms.text


def test_apa_mla_and_chicago_follow_their_styles():
    styles = {f.id: f for f in citations.all_formatted(FULL)}
    url = FULL.url
    assert styles["apa"].text == (
        f"Guterres, A. (2024, July 1). When the superpowers are at odds (Jo Bloggs, interviewer). Kazinform. {url}"
    )
    assert styles["apa"].html.count("<i>Kazinform</i>") == 1
    # MLA and Chicago give the whole given name (citeproc-py is taught CSL's initialize="false").
    assert styles["mla"].text == (
        f"Guterres, António. “When the Superpowers Are at Odds”. Interview by Jo Bloggs. Kazinform, 1 July 2024, {url}."
    )
    assert styles["chicago"].text == (
        f"Guterres, António. “When the Superpowers Are at Odds”. Interview by Jo Bloggs. Kazinform, July 1, 2024. {url}."
    )


def test_undated_styles_give_the_accessed_day_and_no_empty_labels():
    styles = {f.id: f.text for f in citations.all_formatted(BARE)}
    assert "Retrieved January 5, 2026" in styles["apa"]
    assert "Accessed 5 Jan. 2026" in styles["mla"]
    assert "Accessed January 5, 2026" in styles["chicago"]
    assert "Edition" not in styles["chicago"]  # a label whose variable the item lacks stays out


def test_citation_html_escapes_the_imported_text():
    hostile = Source(**{**BARE.__dict__, "title": "<script>alert(1)</script> \ue000x\ue001", "outlet": "A & B"})
    for form in citations.all_formatted(hostile):
        assert "<script>" not in form.html
        assert "&lt;script&gt;" in form.html
        assert "<i>x</i>" not in form.html  # the italic marks cannot be smuggled in


def test_csl_json_is_one_item_with_what_the_source_says():
    item = json.loads(citations.csl_json(FULL))[0]
    assert item["type"] == "interview"
    assert item["author"] == [{"family": "Guterres", "given": "António"}]
    assert item["interviewer"] == [{"literal": "Jo Bloggs"}]
    assert item["issued"] == {"date-parts": [[2024, 7, 1]]}
    assert item["accessed"] == {"date-parts": [[2026, 12, 2]]}
    assert item["container-title"] == "Kazinform" and item["URL"] == FULL.url
    bare = json.loads(citations.csl_json(BARE))[0]
    assert not {"author", "issued", "container-title", "interviewer"} & set(bare)


def test_names_split_into_family_and_given_only_when_they_can_be():
    assert citations.csl_name("Aaron van Wirdum") == {"family": "van Wirdum", "given": "Aaron"}
    assert citations.csl_name("President Biden") == {"literal": "President Biden"}
    assert citations.csl_name("roasbeef") == {"literal": "roasbeef"}


def test_bibtex_entry_escapes_latex_and_carries_url_and_dates():
    entry = citations.bibtex(Source(**{**FULL.__dict__, "title": "50% of R&D_costs {up}"}))
    assert entry.startswith("@misc{guterres2024rzhbkyu7,\n")
    assert "  author = {Guterres, António},\n" in entry
    assert r"  title = {{50\% of R\&D\_costs \{up\}}}," in entry
    assert "  date = {2024-07-01},\n" in entry and "  urldate = {2026-12-02},\n" in entry
    assert "  url = {https://archive.example.org/a/rzhbkyu7/},\n" in entry
    assert entry.count("{") == entry.count("}") + entry.count(r"\}") - entry.count(r"\{")


def test_ris_record_has_type_author_dates_and_ends_with_er():
    lines = citations.ris(FULL).split("\r\n")
    assert lines[0] == "TY  - GEN" and "AU  - Guterres, António" in lines
    assert "DA  - 2024/07/01/" in lines and "Y2  - 2026/12/02/" in lines and "T2  - Kazinform" in lines
    assert lines[-2:] == ["ER  - ", ""]
    bare = citations.ris(BARE)
    assert "AU  -" not in bare and "PY  -" not in bare
