"""Spelling suggestions that work on the archive's schema: asked whenever a search wants one
(haystack's come only with ``INCLUDE_SPELLING`` and never for a search that found nothing),
for words the index lacks or holds rarely beside a common near spelling::

    "Gutteres climate" → "guterres climate"
"""

from django.utils.encoding import force_str
from whoosh.support.charset import accent_map
from whoosh.support.levenshtein import distance as edit_distance

from .reading import retried

RARE = 3  # a word in this many documents or fewer may be a misspelling of a common one
# Where spelling suggestions look for near words: the field of words as written, lower-cased
# (search_indexes.py). Its words are folded here as the content field folds them.
SPELLING_SOURCE = "text_exact"


class SpellingMixin:
    @retried
    def create_spelling_suggestion(self, query_string):
        """``query_string`` with each word the index lacks, or holds only a few times next to
        a far more common near spelling (Gutteres beside Guterres), replaced by that nearest
        word (fewest edits, then the most documents); the words stay in order, one for one.
        None when nothing needs or finds a correction."""
        searcher = self._searcher()
        reader = searcher.reader()
        name = self.content_field_name
        field = self.schema[name]
        if SPELLING_SOURCE not in self.schema.names():
            return None

        def documents(word):
            return max((reader.doc_frequency(name, t.text) for t in field.analyzer(word)), default=0)

        words = force_str(query_string).split()
        corrected = list(words)
        for i, word in enumerate(words):
            folded = [t.text for t in field.analyzer(word, no_morph=True)]
            if len(folded) != 1 or len(folded[0]) < 3:
                continue  # a stop word, or a word split in two
            have = documents(word)
            if have > RARE:
                continue
            wanted = 1 if have == 0 else 3 * have
            near = self._near_words(reader, SPELLING_SOURCE, folded[0], 2 if len(folded[0]) > 4 else 1)
            scored = [(-distance, n, c) for c, distance in near.items() if (n := documents(c)) >= wanted]
            if scored:
                corrected[i] = max(scored, key=lambda dnc: (dnc[0], dnc[1], [-ord(ch) for ch in dnc[2]]))[2]
        return " ".join(corrected) if corrected != words else None

    def _near_words(self, reader, fieldname, word, most):
        """Words of ``fieldname`` within ``most`` edits of ``word`` and with its first letter
        (misspellings rarely touch it), accents folded, with their distance. One pass over the
        words with that letter, skipping by length first: Whoosh's terms_within computes the
        distance to every one of them, once per distance asked."""
        field = self.schema[fieldname]
        found = {}
        for raw in reader.expand_prefix(fieldname, word[:1]):
            candidate = field.from_bytes(raw)
            if abs(len(candidate) - len(word)) > most:
                continue
            candidate = candidate.translate(accent_map)
            if candidate == word or candidate in found:
                continue
            distance = edit_distance(candidate, word, limit=most)
            if distance <= most:
                found[candidate] = distance
        return found
