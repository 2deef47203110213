"""A reader's saved stories and follows: the reads and writes every view goes through.

Visibility is `Article.objects.live()` and nothing else (DESIGN.md): a saved or followed
story that is not live is never listed.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Exists, F, OuterRef, Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from taggit.models import Tag

from articles.models import Article, ArticleAuthor, Author, Section, TaggedArticle
from articles.querysets import ArticleQuerySet

from .models import Follow, SavedStory

POPULAR_TAGS = 8


# Saved stories


def save_story(*, user, article: Article) -> None:
    """Keep `article` in the reader's saved stories; saving it again changes nothing."""
    SavedStory.objects.get_or_create(user=user, article=article)


def remove_saved_story(*, user, article: Article) -> None:
    """Take `article` out of the reader's saved stories, if it was there."""
    SavedStory.objects.filter(user=user, article=article).delete()


def is_saved(*, user, article: Article) -> bool:
    return SavedStory.objects.filter(user=user, article=article).exists()


def saved_stories(user) -> ArticleQuerySet:
    """The reader's saved stories that are live, most recently saved first (with `saved_at`)."""
    return (
        Article.objects.live()
        .filter(saves__user=user)
        # Reuses the filter's join: the time this reader saved the story.
        .annotate(saved_at=F("saves__saved_at"))
        .order_by("-saved_at", "-pk")
    )


def saved_among(user, ids: list[int]) -> list[int]:
    """Which of the article `ids` the reader has saved, in ascending order."""
    if not ids:
        return []
    rows = SavedStory.objects.filter(user=user, article_id__in=ids)
    return sorted(rows.values_list("article_id", flat=True))


# Follows


@dataclass(frozen=True)
class FollowKind:
    """How one kind of followable thing is found and linked."""

    name: str
    model: type

    def get(self, slug: str):
        """The section, tag or author with `slug`, or 404."""
        if "\x00" in slug:  # no slug holds NUL (%00), and PostgreSQL refuses one: a 500
            raise Http404("No such slug.")
        return get_object_or_404(self.model, slug=slug)

    def url(self, target) -> str:
        """The reader page of `target`."""
        if self.name == Follow.Kind.TAG:
            return reverse("articles:tag", args=[target.slug])
        return target.get_absolute_url()


KINDS = {
    Follow.Kind.SECTION: FollowKind(Follow.Kind.SECTION, Section),
    Follow.Kind.TAG: FollowKind(Follow.Kind.TAG, Tag),
    Follow.Kind.AUTHOR: FollowKind(Follow.Kind.AUTHOR, Author),
}


def follow_kind(kind: str) -> FollowKind | None:
    return KINDS.get(kind)


def follow(*, user, kind: str, target) -> None:
    """Follow a section, tag or author (`kind` names which); following twice changes nothing."""
    Follow.objects.get_or_create(user=user, **{kind: target})


def unfollow(*, user, kind: str, target) -> None:
    """Stop following a section, tag or author, if the reader did."""
    Follow.objects.filter(user=user, **{kind: target}).delete()


def is_following(*, user, kind: str, target) -> bool:
    return Follow.objects.filter(user=user, **{kind: target}).exists()


def follows_of(user):
    """The reader's follows with what they point at, most recent first (one query)."""
    return Follow.objects.filter(user=user).select_related("section", "tag", "author")


def followed_slugs(user) -> dict[str, list[str]]:
    """{"section": [slugs], "tag": [slugs], "author": [slugs]}, from one query."""
    slugs: dict[str, list[str]] = {kind: [] for kind in KINDS}
    rows = Follow.objects.filter(user=user).values_list(
        "section__slug", "tag__slug", "author__slug"
    )
    for section, tag, author in rows:
        for kind, slug in zip(KINDS, (section, tag, author), strict=True):
            if slug:
                slugs[kind].append(slug)
    return {kind: sorted(values) for kind, values in slugs.items()}


def for_you(user) -> ArticleQuerySet:
    """Live stories from what the reader follows, newest first, each once.

    A story matches when its section or that section's parent is followed, or any of its
    tags, or any of its byline authors. Subqueries, not joins, so nothing is repeated and
    the query count does not grow with the follows.
    """
    follows = Follow.objects.filter(user=user)
    sections = follows.filter(section__isnull=False).values("section_id")
    tags = follows.filter(tag__isnull=False).values("tag_id")
    authors = follows.filter(author__isnull=False).values("author_id")
    family = Section.objects.filter(Q(pk__in=sections) | Q(parent_id__in=sections))
    tagged = TaggedArticle.objects.filter(content_object_id=OuterRef("pk"), tag_id__in=tags)
    bylined = ArticleAuthor.objects.filter(article_id=OuterRef("pk"), author_id__in=authors)
    return (
        Article.objects.live()
        .filter(Q(section_id__in=family.values("pk")) | Exists(tagged) | Exists(bylined))
        .newest_first()
    )


def popular_tags(limit: int = POPULAR_TAGS):
    """The tags on the most live stories: suggestions for a reader who follows nothing."""
    live = Article.objects.live().values("pk")
    return (
        Tag.objects.filter(articles_taggedarticle_items__content_object__in=live)
        .annotate(stories=Count("articles_taggedarticle_items"))
        .order_by("-stories", "name")[:limit]
    )


def suggested_sections():
    """The primary menu's top-level sections, in menu order: what to follow first."""
    return Section.objects.filter(in_primary_menu=True, parent=None).order_by("position", "name")
