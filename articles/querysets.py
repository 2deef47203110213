"""Reads of articles: every public filter and display shape, as chainable methods."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import models
from django.db.models import F, Prefetch, Q
from django.utils import timezone

if TYPE_CHECKING:
    from taggit.models import Tag

    from .models import Author, Section


# Up to this many stories (started, assigned and bylined counted apart), a user's own
# stories are listed by their ids, and the planner chooses between looking them up and
# walking the list's order; past it, by walking the order. At 100,000 stories the two cost
# the same near 3,000 own stories (bench/admin_scale.py, "list: mine").
OWNS_MANY = 2_000


def byline_prefetch() -> Prefetch:
    """Bylines in print order with their authors: for querysets and for lists of stories."""
    from .models import ArticleAuthor

    return Prefetch(
        "bylines",
        queryset=ArticleAuthor.objects.select_related("author").order_by("order", "pk"),
    )


class ArticleQuerySet(models.QuerySet):
    def live(self) -> ArticleQuerySet:
        """Stories readers may see: published, and their publication time has come.

        This is the only place that decides visibility (DESIGN.md): a scheduled story is
        a published one whose time is still ahead, so it appears by itself.
        """
        return self.filter(
            status=self.model.Status.PUBLISHED,
            published_at__lte=timezone.now(),
            trashed_at__isnull=True,
        )

    def in_state(self, *statuses: str) -> ArticleQuerySet:
        """Stories in any of the editorial `statuses` (visible or not: see `live()`)."""
        return self.filter(status__in=statuses)

    def scheduled(self) -> ArticleQuerySet:
        """Published stories whose time is still ahead: they go live by themselves."""
        return self.filter(status=self.model.Status.PUBLISHED, published_at__gt=timezone.now())

    def reaching_readers(self) -> ArticleQuerySet:
        """Live or scheduled stories (trashed ones too): a change to any other story is seen
        only in the admin and in previews, now and later, as nothing makes it live by itself."""
        return self.filter(status=self.model.Status.PUBLISHED)

    def owned_by(self, user) -> ArticleQuerySet:
        """Stories `user` started, that are assigned to them or that carry their byline.

        The same rule as `workflow.is_own`, for lists. Reads the ids of the user's stories
        now, up to OWNS_MANY of them, in one query of three index lookups.
        """
        from .models import ArticleAuthor

        # The three tests OR-ed together are one no index answers (the byline is another
        # table's), and the planner cannot tell a user who owns a handful of stories from
        # one who owns a fifth of them: the plan that suits one reads the whole table for
        # the other (issue 17). So the stories are looked up first. A few are then listed by
        # their ids, which the planner counts exactly; many by the three tests, met by
        # walking the list's order (article_admin_order holds the starter and assignee)
        # until the page is full.
        started = self.model.objects.filter(created_by_id=user.pk).order_by()
        assigned = self.model.objects.filter(assignee_id=user.pk).order_by()
        bylined = ArticleAuthor.objects.filter(author__user_id=user.pk).order_by()
        bylined = bylined.values_list("article_id", flat=True)
        found = started.values_list("pk", flat=True).union(
            assigned.values_list("pk", flat=True), bylined, all=True
        )
        ids = list(found[: OWNS_MANY + 1])  # a story both started and bylined comes twice
        if len(ids) <= OWNS_MANY:
            return self.filter(pk__in=sorted(set(ids)))
        return self.filter(Q(created_by_id=user.pk) | Q(assignee_id=user.pk) | Q(pk__in=bylined))

    def assigned_to(self, user) -> ArticleQuerySet:
        """Stories assigned to `user`, soonest deadline first (none last)."""
        return self.filter(assignee_id=user.pk).order_by(F("deadline").asc(nulls_last=True), "pk")

    def overdue(self) -> ArticleQuerySet:
        """Stories past their deadline and not yet published (nor scheduled)."""
        return self.filter(deadline__lt=timezone.now()).exclude(
            status__in=[self.model.Status.PUBLISHED, self.model.Status.ARCHIVED]
        )

    def published_between(self, start, end) -> ArticleQuerySet:
        """Published stories, live or scheduled, going live from `start` up to `end`."""
        return self.reaching_readers().filter(published_at__gte=start, published_at__lt=end)

    def due_between(self, start, end) -> ArticleQuerySet:
        """Stories with a deadline from `start` up to (not including) `end`."""
        return self.filter(deadline__gte=start, deadline__lt=end)

    def in_trash(self) -> ArticleQuerySet:
        return self.filter(trashed_at__isnull=False)

    def not_trashed(self) -> ArticleQuerySet:
        return self.filter(trashed_at__isnull=True)

    def in_section(self, section: Section) -> ArticleQuerySet:
        """Stories filed in `section` or in one of its child sections."""
        # A subquery of section ids, not a join: the (section, status, published_at) index
        # then serves the filter and the order.
        family = type(section).objects.filter(Q(pk=section.pk) | Q(parent_id=section.pk))
        return self.filter(section_id__in=family.values("pk"))

    def tagged(self, tag: Tag) -> ArticleQuerySet:
        return self.filter(tagged_items__tag_id=tag.pk)

    def by_author(self, author: Author) -> ArticleQuerySet:
        return self.filter(bylines__author_id=author.pk)

    def newest_first(self) -> ArticleQuerySet:
        return self.order_by("-published_at", "-pk")

    def lead_first(self) -> ArticleQuerySet:
        """Stories an editor marked as the home page's lead first, then newest first."""
        return self.order_by("-is_lead", "-published_at", "-pk")

    def with_bylines(self) -> ArticleQuerySet:
        return self.prefetch_related(byline_prefetch())

    def card_fields(self) -> ArticleQuerySet:
        """A card's own row: the story and its section, without the body."""
        return self.select_related("section").defer("body", "body_text")

    def for_cards(self) -> ArticleQuerySet:
        """What a card or a list row draws: section and bylines; never the body."""
        return self.card_fields().with_bylines()

    def for_detail(self) -> ArticleQuerySet:
        """What the article page draws: section and its parent, bylines, tags."""
        return (
            self.select_related("section", "section__parent")
            .with_bylines()
            .prefetch_related("tags")
        )
