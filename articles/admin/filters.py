"""The article list's filters in the admin."""

from datetime import datetime, time, timedelta

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.utils import timezone

from ..models import Article, ArticleAuthor, Author


class StatusFilter(admin.SimpleListFilter):
    """The statuses, with "Scheduled" apart from "Published" (it is not live yet)."""

    title = "status"
    parameter_name = "status"

    def lookups(self, request, model_admin):
        choices = dict(Article.Status.choices)
        return [
            (Article.Status.DRAFT, choices[Article.Status.DRAFT]),
            (Article.Status.IN_REVIEW, choices[Article.Status.IN_REVIEW]),
            (Article.Status.CHANGES_REQUESTED, choices[Article.Status.CHANGES_REQUESTED]),
            ("scheduled", "Scheduled"),
            (Article.Status.PUBLISHED, choices[Article.Status.PUBLISHED]),
            (Article.Status.ARCHIVED, choices[Article.Status.ARCHIVED]),
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "scheduled":
            return queryset.scheduled()
        if value == Article.Status.PUBLISHED:
            return queryset.live()
        if value in Article.Status.values:
            return queryset.in_state(value)
        return queryset


class AuthorFilter(admin.SimpleListFilter):
    """Stories carrying one author's byline.

    Django's filter on `bylines__author` joins the bylines, so its list is made DISTINCT over
    every column, sorting the author's every story; a subquery of ids needs neither."""

    title = "author"
    parameter_name = "author"

    def lookups(self, request, model_admin):
        return [(str(author.pk), author.name) for author in Author.objects.order_by("name")]

    def queryset(self, request, queryset):
        value = self.value()
        if value and value.isdigit():
            bylined = ArticleAuthor.objects.filter(author_id=int(value)).values("article_id")
            return queryset.filter(pk__in=bylined)
        return queryset


class MineFilter(admin.SimpleListFilter):
    title = "whose"
    parameter_name = "mine"

    def lookups(self, request, model_admin):
        return [("yes", "Mine")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.owned_by(request.user)
        return queryset


class TrashFilter(admin.SimpleListFilter):
    """Trashed stories stay out of the list unless "In trash" is chosen."""

    title = "trash"
    parameter_name = "trash"

    def lookups(self, request, model_admin):
        return [("yes", "In trash")]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.in_trash()
        return queryset.not_trashed()

    def choices(self, changelist):
        yield {
            "selected": self.value() != "yes",
            "query_string": changelist.get_query_string(remove=[self.parameter_name]),
            "display": "Not in trash",
        }
        yield {
            "selected": self.value() == "yes",
            "query_string": changelist.get_query_string({self.parameter_name: "yes"}),
            "display": "In trash",
        }


class AssigneeFilter(admin.SimpleListFilter):
    """Stories assigned to me, or to one member of the staff."""

    title = "assignee"
    parameter_name = "assignee"

    def lookups(self, request, model_admin):
        staff = get_user_model().objects.filter(is_staff=True, is_active=True).order_by("email")
        return [("me", "Me"), *((str(user.pk), str(user)) for user in staff)]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "me":
            return queryset.assigned_to(request.user)
        if value and value.isdigit():
            return queryset.assigned_to(get_user_model()(pk=int(value)))
        return queryset


class DeadlineFilter(admin.SimpleListFilter):
    """Overdue, due today or due this week (Monday to Sunday), in the site's time zone."""

    title = "deadline"
    parameter_name = "deadline"

    def lookups(self, request, model_admin):
        return [("overdue", "Overdue"), ("today", "Due today"), ("week", "Due this week")]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "overdue":
            return queryset.overdue()
        today = timezone.localdate()
        if value == "today":
            return queryset.due_between(_midnight(today), _midnight(today + timedelta(days=1)))
        if value == "week":
            monday = today - timedelta(days=today.weekday())
            return queryset.due_between(_midnight(monday), _midnight(monday + timedelta(days=7)))
        return queryset


def _midnight(day):
    return timezone.make_aware(datetime.combine(day, time.min))
