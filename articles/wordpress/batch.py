"""A batch's new stories, written together: a few queries per batch instead of ~30 a post.

A first import is almost all new posts, and saving them one by one spent most of its time
in the database's round trips (a row, its revision, its byline, each tag through taggit's
manager and the revision's tag names after it, each old address). Here each story is made
ready as `Article.save` would make it (the one sanitizer through `clean_body`, the library
picture through `featured.settle_new`) and the batch is written with bulk inserts: stories
with their first revisions, bylines, tags, old addresses, and one rendition job.

Whatever the database refuses here (a slug or an address taken meanwhile) refuses the
batch: the importer then writes it again post by post (`Importer.write`), where a refused
post costs only itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db.models import F
from simple_history.utils import bulk_create_with_history
from taggit.models import Tag

from ..library import featured
from ..models import Article, ArticleAuthor, Author, LegacyURL, TaggedArticle
from ..models.taxonomy import tag_string

if TYPE_CHECKING:
    from .importer import Importer
    from .wxr import Item

CHANGE_REASON = "Imported from WordPress"
# Rows per INSERT on PostgreSQL (Django makes them fewer where a database allows fewer
# parameters in a statement: SQLite).
INSERT_ROWS = 500


@dataclass
class NewStory:
    item: Item
    article: Article
    author: Author
    tags: list[str]
    old_paths: set[str] = field(default_factory=set)


class NewStories:
    """The new stories of one batch, kept until `write()`."""

    def __init__(self, importer: Importer):
        self.importer = importer
        self.stories: list[NewStory] = []

    def add(self, story: NewStory) -> None:
        self.stories.append(story)

    def write(self) -> None:
        if not self.stories:
            return
        importer = self.importer
        self.settle_slugs()
        articles = [story.article for story in self.stories]
        for story in self.stories:
            article = story.article
            article.accept_cleaned_body = True  # fields() reported what cleaning removes
            article.clean_body()
            story.tags = [tag.name for tag in importer.tags_named(story.tags)]
            # What `record_tag_names` would write after the tags: the revision carries them.
            article.tag_names = tag_string(story.tags)
        featured.settle_new(articles)
        bulk_create_with_history(
            articles, Article, batch_size=INSERT_ROWS, default_change_reason=CHANGE_REASON
        )
        # The story as this import left it: a later edit here moves modified_at on.
        Article.objects.filter(pk__in=[a.pk for a in articles]).update(
            wordpress_synced_at=F("modified_at")
        )
        ArticleAuthor.objects.bulk_create(
            [ArticleAuthor(article=s.article, author=s.author, order=0) for s in self.stories],
            batch_size=INSERT_ROWS,
        )
        TaggedArticle.objects.bulk_create(
            [
                TaggedArticle(content_object=s.article, tag=tag)
                for s in self.stories
                for tag in importer.tags_named(s.tags)
            ],
            batch_size=INSERT_ROWS,
        )
        self.write_old_paths()
        pictures = [[a.pk, a.featured_image.name] for a in articles if a.featured_image]
        if pictures:
            from ..tasks import make_stories_renditions  # tasks imports the models

            # One job for the batch: its pictures' copies are made by the worker, in turn.
            make_stories_renditions.enqueue(stories=pictures)

    def settle_slugs(self) -> None:
        """Give each story a slug no other story has (one query for the whole batch)."""
        wanted = {story.article.slug for story in self.stories}
        taken = {
            slug: (headline, wordpress_id)
            for slug, headline, wordpress_id in Article.objects.filter(slug__in=wanted).values_list(
                "slug", "headline", "wordpress_id"
            )
        }
        for story in self.stories:
            article = story.article
            if article.slug in taken:
                headline, wordpress_id = taken[article.slug]
                article.slug = self.importer.slug_taken(
                    story.item, article.slug, article.wordpress_id, headline, wordpress_id
                )
            taken[article.slug] = (article.headline, article.wordpress_id)

    def write_old_paths(self) -> None:
        """Each post's old addresses lead to its story; a later post's claim wins, as it
        would one post at a time."""
        claims = {path: s.article for s in self.stories for path in sorted(s.old_paths)}
        held = dict(LegacyURL.objects.filter(path__in=claims).values_list("path", "article_id"))
        new = [LegacyURL(path=p, article=a) for p, a in claims.items() if p not in held]
        LegacyURL.objects.bulk_create(new, batch_size=INSERT_ROWS)
        self.importer.report.old_urls += len(new)
        for path, article in claims.items():
            if path in held and held[path] != article.pk:
                LegacyURL.objects.filter(path=path).update(article=article)


def find_tags(names: list[str], known: dict[str, Tag]) -> list[Tag]:
    """The tags named `names`, made if need be; `known` (by lower-cased name) remembers them.

    As taggit matches names (TAGGIT_CASE_INSENSITIVE), so "Budget" finds "budget".
    """
    for name in names:
        key = name.lower()
        if key not in known:
            known[key] = Tag.objects.filter(name__iexact=name).first() or Tag.objects.create(
                name=name
            )
    return [known[name.lower()] for name in names]
