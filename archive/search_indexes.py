"""What the search index holds: one document per answer, one per article.

A result is rendered from the stored fields alone, without a database query per row.
"""

from haystack import indexes
from whoosh.analysis import CharsetFilter, LowercaseFilter, RegexTokenizer, StemFilter, StopFilter
from whoosh.lang.porter2 import stem as porter2
from whoosh.support.charset import accent_map

from .models import Article, Pair


def text_analyzer():
    """Words, lower-cased, accents folded (Antonio = António), English stop words dropped,
    Porter2 stems (running = run). Whoosh uses the same chain on the query."""
    return (
        RegexTokenizer(r"\w+(?:\.?\w+)*")
        | LowercaseFilter()
        | CharsetFilter(accent_map)
        | StopFilter()
        | StemFilter(stemfn=porter2)
    )


class PairIndex(indexes.SearchIndex, indexes.Indexable):
    text = indexes.CharField(document=True, use_template=True, analyzer=text_analyzer())
    key = indexes.CharField(model_attr="key", indexed=False)
    position = indexes.IntegerField(model_attr="position", indexed=False)
    question = indexes.CharField(model_attr="question", indexed=False)
    answer = indexes.CharField(model_attr="answer", indexed=False)
    speaker = indexes.FacetCharField(model_attr="speaker__slug", null=True)
    speaker_name = indexes.CharField(model_attr="speaker__name", indexed=False, null=True)
    speaker_role = indexes.CharField(indexed=False)
    article_title = indexes.CharField(model_attr="article__title", indexed=False)
    article_slug = indexes.CharField(model_attr="article__slug", indexed=False)
    outlet = indexes.FacetCharField(model_attr="article__outlet")
    published = indexes.DateField(model_attr="article__published", null=True)
    year = indexes.FacetCharField(null=True)

    def get_model(self):
        return Pair

    def index_queryset(self, using=None):
        return (
            Pair.objects.published()
            .for_display()
            .prefetch_related("speaker__aliases", "article__appearances")
        )

    def prepare_speaker_role(self, obj):
        return obj.role()

    def prepare_year(self, obj):
        return str(obj.article.published.year) if obj.article.published else None


class ArticleIndex(indexes.SearchIndex, indexes.Indexable):
    text = indexes.CharField(document=True, use_template=True, analyzer=text_analyzer())
    title = indexes.CharField(model_attr="title", indexed=False)
    slug = indexes.CharField(model_attr="slug", indexed=False)
    outlet = indexes.FacetCharField(model_attr="outlet")
    published = indexes.DateField(model_attr="published", null=True)

    def get_model(self):
        return Article

    def index_queryset(self, using=None):
        return Article.objects.published().prefetch_related("speakers")
