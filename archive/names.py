"""Names as people and the archive match them: the lowest layer, imported by the models
and the parser alike.

    fold("António  GUTERRES")  == "antonio guterres"    (one speaker, any spelling)
    accented("António") > accented("Antonio")          (the spelling to show)
"""

import re
import unicodedata


def fold(name: str) -> str:
    """The matching key of a name: accents, case, punctuation and spacing ignored."""
    decomposed = unicodedata.normalize("NFKD", name)
    letters = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w]+", " ", letters.casefold()).split())


def accented(name: str) -> int:
    """How many letters beyond ASCII a spelling has: the accented spelling is the one to show."""
    return sum(1 for c in name if ord(c) > 127)
