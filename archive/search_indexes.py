"""What the search index holds: one document per answer, one per article.

A result is rendered from the stored fields alone, without a database query per row.

Every answer's text is indexed three ways, so one search finds the forms a reader means:

* ``text``: the answer and the speaker's names; words lower-cased, accents folded (Antonio =
  António), English stop words dropped, English stems (committing = committed);
* ``context``: the question and the role the speaker held, read the same way and weighing
  half as much: an answer that says the words ranks above one whose question asked them.
  (Not the article's title: it names everyone in the article, so "Kennedy" would find every
  answer of a debate; titles are searched as articles, and outlets by ``outlet:``);
* ``text_exact``: the words as written, only lower-cased (the "exact form" switch);
* ``text_<language>``: for an article in a language with a stemmer (``ru``, ``de``, ``fr``…),
  that language's stems, so "экономика" finds "экономики". Other scripts and languages
  without a stemmer (Kazakh) are still found by their words in ``text``.

The analyzers are Whoosh objects: other engines ignore them and analyse with their own
configuration (``build_solr_schema``, an Elasticsearch mapping).
"""

from haystack import indexes
from whoosh.lang import has_stemmer

from .models import Article, Pair
from .search.analysis import (
    STEMMED_LANGUAGES,
    exact_analyzer,
    language_analyzer,
    language_code,
    language_field,
    name_analyzer,
    text_analyzer,
)


def answer_weight(answer: str) -> float:
    """How much an answer's words count: "Yes." or "Mm-hm." answers a question but says
    little, and short texts otherwise rank first for any word they share with a search."""
    words = len(answer.split())
    return 0.25 if words < 4 else 0.6 if words < 15 else 1.0


def _language_fields():
    assert all(has_stemmer(code) for code in STEMMED_LANGUAGES)
    return {
        language_field(code): indexes.CharField(analyzer=language_analyzer(code), stored=False, null=True)
        for code in STEMMED_LANGUAGES
    }


# The per-language fields, declared once for PairIndex (not an index of its own: it is not
# Indexable, so haystack does not register it).
LanguageFields = type("LanguageFields", (indexes.SearchIndex,), _language_fields())


class PairIndex(LanguageFields, indexes.Indexable):
    text = indexes.CharField(document=True, use_template=True, analyzer=text_analyzer())
    context = indexes.CharField(analyzer=text_analyzer(), stored=False, boost=0.5)
    text_exact = indexes.CharField(analyzer=exact_analyzer(), stored=False, null=True)
    key = indexes.CharField(model_attr="key", indexed=False)
    question = indexes.CharField(model_attr="question", indexed=False)
    answer = indexes.CharField(model_attr="answer", indexed=False)
    speaker = indexes.FacetCharField(model_attr="speaker__slug", null=True)
    # "slug name": the speaker facet, counted and shown without asking the database.
    speaker_facet = indexes.FacetCharField(null=True)
    speaker_names = indexes.CharField(analyzer=name_analyzer(), stored=False, null=True)
    speaker_name = indexes.CharField(model_attr="speaker__name", indexed=False, null=True)
    speaker_role = indexes.CharField(indexed=False)
    article = indexes.FacetCharField(model_attr="article__slug")
    article_title = indexes.CharField(model_attr="article__title", indexed=False)
    language = indexes.CharField(indexed=False)
    outlet = indexes.FacetCharField(model_attr="article__outlet")
    outlet_names = indexes.CharField(model_attr="article__outlet", analyzer=name_analyzer(), stored=False)
    published = indexes.DateField(model_attr="article__published", null=True)
    year = indexes.FacetCharField(null=True)

    def get_model(self):
        return Pair

    def index_queryset(self, using=None):
        return Pair.objects.public().for_display().prefetch_related("speaker__aliases", "article__appearances")

    def prepare(self, obj):
        data = super().prepare(obj)
        text = f"{data['context']}\n{data['text']}"
        data["text_exact"] = text
        language = language_code(obj.article.language)
        if language in STEMMED_LANGUAGES:
            data[language_field(language)] = text
        data["boost"] = answer_weight(obj.answer)
        return data

    def similar_text(self, obj):
        """What "related answers" compares: the question and the answer, not the names."""
        return f"{obj.question}\n{obj.answer}"

    def prepare_speaker_facet(self, obj):
        return f"{obj.speaker.slug} {obj.speaker.name}" if obj.speaker_id else None

    def prepare_speaker_names(self, obj):
        return " ".join(obj.speaker.spellings()) if obj.speaker_id else None

    def prepare_speaker_role(self, obj):
        return obj.role()

    def prepare_context(self, obj):
        return f"{obj.question}\n{obj.role()}"

    def prepare_language(self, obj):
        return language_code(obj.article.language)

    def prepare_year(self, obj):
        return str(obj.article.published.year) if obj.article.published else None


class ArticleIndex(indexes.SearchIndex, indexes.Indexable):
    # An article's words (title, outlet, speakers, lead, closing) are in fields of their own,
    # ``about`` and ``about_exact``, and its content field holds the title alone (so that
    # haystack's "every document" query still finds it): in the content fields the answers
    # are searched in, an article's words made every answers search walk them too, and the
    # articles search shown beside the answers walk every answer's (BENCHMARKS.md).
    text = indexes.CharField(document=True, analyzer=text_analyzer())
    about = indexes.CharField(
        use_template=True,
        template_name="search/indexes/archive/article_text.txt",
        analyzer=text_analyzer(),
        stored=False,
    )
    about_exact = indexes.CharField(analyzer=exact_analyzer(), stored=False, null=True)
    title = indexes.CharField(model_attr="title", indexed=False)
    slug = indexes.CharField(model_attr="slug", indexed=False)
    outlet = indexes.FacetCharField(model_attr="outlet")
    published = indexes.DateField(model_attr="published", null=True)

    def get_model(self):
        return Article

    def index_queryset(self, using=None):
        return Article.objects.public().prefetch_related("speakers")

    def prepare_text(self, obj):
        return obj.title

    def prepare(self, obj):
        data = super().prepare(obj)
        data["about_exact"] = data["about"]
        return data
