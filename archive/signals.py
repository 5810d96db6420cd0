"""Keep a deleted answer's permalink answering: it records a tombstone."""

from django.db.models.signals import post_delete
from django.dispatch import receiver

from .models import Pair, RemovedPair


@receiver(post_delete, sender=Pair, dispatch_uid="archive.pair_tombstone")
def remember_removed_pair(sender, instance, **kwargs):
    RemovedPair.objects.update_or_create(
        key=instance.key,
        defaults={"article_slug": instance.article.slug, "article_title": instance.article.title},
    )
