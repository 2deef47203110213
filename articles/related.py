"""Which stories are related: the one rule every "related" block uses (DESIGN.md).

Stories sharing a tag with the article come first, then stories from its section, each
group newest first; never the article itself, never a story readers may not see.
"""

from __future__ import annotations

from .models import Article, TaggedArticle


def related_articles(article: Article, limit: int) -> list[Article]:
    """Up to `limit` live stories related to `article`, in the order of the rule above.

    Rows come with their sections (`card_fields()`); callers that print bylines prefetch
    them together with their other lists (`byline_prefetch()`).
    """
    live = Article.objects.live().card_fields().newest_first().exclude(pk=article.pk)
    tag_ids = [tag.pk for tag in article.tags.all()]  # prefetched by for_detail()
    found: list[Article] = []
    if tag_ids:
        # A semi-join on the tag links, so the newest-first index still drives the scan.
        sharing = TaggedArticle.objects.filter(tag_id__in=tag_ids).values("content_object_id")
        found = list(live.filter(pk__in=sharing)[:limit])
    if len(found) < limit:
        same_section = live.filter(section_id=article.section_id).exclude(
            pk__in=[story.pk for story in found]
        )
        found += list(same_section[: limit - len(found)])
    return found
