"""The article list's filters in the admin."""

from django.contrib import admin

from ..models import Article


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
