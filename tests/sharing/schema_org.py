"""The part of the schema.org vocabulary the archive's JSON-LD uses, as schema.org defines it
(https://schema.org/<Type>: each type's parent; each property's domainIncludes and
rangeIncludes), and a check of a JSON-LD object against it."""

import re

PARENT = {
    "Thing": None,
    "CreativeWork": "Thing",
    "Article": "CreativeWork",
    "Quotation": "CreativeWork",
    "WebPage": "CreativeWork",
    "ProfilePage": "WebPage",
    "Person": "Thing",
    "Organization": "Thing",
}
# property: (types it may describe, types or data types its value may have)
PROPERTIES = {
    "name": ({"Thing"}, {"Text"}),
    "alternateName": ({"Thing"}, {"Text"}),
    "url": ({"Thing"}, {"URL"}),
    "text": ({"CreativeWork"}, {"Text"}),
    "headline": ({"CreativeWork"}, {"Text"}),
    "genre": ({"CreativeWork"}, {"Text", "URL"}),
    "inLanguage": ({"CreativeWork"}, {"Text", "Language"}),
    "datePublished": ({"CreativeWork"}, {"Date", "DateTime"}),
    "creator": ({"CreativeWork"}, {"Person", "Organization"}),
    "contributor": ({"CreativeWork"}, {"Person", "Organization"}),
    "publisher": ({"CreativeWork"}, {"Person", "Organization"}),
    "isPartOf": ({"CreativeWork"}, {"CreativeWork", "URL"}),
    "isBasedOn": ({"CreativeWork"}, {"CreativeWork", "URL"}),
    "mainEntity": ({"CreativeWork"}, {"Thing"}),
    "spokenByCharacter": ({"Quotation"}, {"Person", "Organization"}),
    "jobTitle": ({"Person"}, {"Text", "DefinedTerm"}),
}
DATA_TYPES = {
    "Text": lambda v: isinstance(v, str) and v.strip() != "",
    "URL": lambda v: isinstance(v, str) and re.fullmatch(r"https?://[^\s]+", v) is not None,
    "Date": lambda v: isinstance(v, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", v) is not None,
}


def is_a(type_: str, ancestor: str) -> bool:
    while type_ is not None:
        if type_ == ancestor:
            return True
        type_ = PARENT[type_]
    return False


def problems(node: dict, path: str = "$") -> list[str]:
    """What in ``node`` the vocabulary does not allow: unknown types and properties, properties
    on types outside their domain, values outside their range. Empty when it is valid."""
    found = []
    type_ = node.get("@type")
    if type_ not in PARENT:
        return [f"{path}: unknown type {type_!r}"]
    for prop, value in node.items():
        if prop in ("@type", "@context"):
            continue
        if prop not in PROPERTIES:
            found.append(f"{path}.{prop}: not a property the check knows")
            continue
        domain, range_ = PROPERTIES[prop]
        if not any(is_a(type_, d) for d in domain):
            found.append(f"{path}.{prop}: not a property of {type_}")
        for i, item in enumerate(value if isinstance(value, list) else [value]):
            where = f"{path}.{prop}[{i}]"
            if isinstance(item, dict):
                if not any(is_a(item.get("@type"), r) for r in range_ if r in PARENT):
                    found.append(f"{where}: a {item.get('@type')} is not in the range {sorted(range_)}")
                found += problems(item, where)
            elif not any(DATA_TYPES[r](item) for r in range_ if r in DATA_TYPES):
                found.append(f"{where}: {item!r} is not {' or '.join(sorted(range_))}")
    return found
