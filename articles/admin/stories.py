"""Stories in the admin: the change form with its workflow buttons and timeline, the list
with its filters and bulk actions. Who may do what is asked of articles/workflow.py."""

from datetime import datetime

from django.contrib import admin, messages
from django.contrib.admin.actions import delete_selected
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.html import format_html

from .. import workflow
from ..models import Article, ArticleAuthor, Author
from .csp import NonceMediaMixin
from .filters import MineFilter, StatusFilter, TrashFilter
from .forms import ArticleAdminForm
from .revisions import RevisionsAdminMixin


class BylineInline(admin.TabularInline):
    model = ArticleAuthor
    extra = 1
    autocomplete_fields = ("author",)
    verbose_name = "byline"
    verbose_name_plural = "Bylines (in the order they are printed)"


def when(moment: datetime) -> str:
    """A time as editors read it, in the site's time zone: "27 November, 2026 9:00 AM"."""
    return format_date(timezone.localtime(moment), "j F, Y g:i A")


# What each workflow button says once it has worked (schedule says when).
DONE = {
    "submit": "Submitted for review.",
    "withdraw": "Withdrawn from review: the story is a draft again.",
    "request_changes": "Sent back to the writer with your note.",
    "approve": "Approved and published.",
    "publish": "Published.",
    "unpublish": "Unpublished: the story is a draft again.",
    "archive": "Archived.",
    "trash": "Moved to the trash.",
    "restore": "Restored from the trash.",
}


@admin.register(Article)
class ArticleAdmin(NonceMediaMixin, RevisionsAdminMixin, admin.ModelAdmin):
    form = ArticleAdminForm
    list_display = ("headline", "status_badge", "section", "byline", "last_updated", "live_link")
    list_filter = (StatusFilter, "section", "bylines__author", MineFilter, TrashFilter, "is_lead")
    list_select_related = ("section",)
    search_fields = ("headline", "summary", "slug")
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ("headline",)}
    autocomplete_fields = ("section",)
    # The publication time is set by the Publish and Schedule buttons (articles.workflow).
    readonly_fields = (
        "status_badge",
        "published_at",
        "first_published_at",
        "updated_at",
        "reading_minutes",
    )
    inlines = (BylineInline,)
    save_on_top = True
    actions = (
        "submit_selected",
        "publish_selected",
        "unpublish_selected",
        "archive_selected",
        "trash_selected",
        "restore_selected",
    )
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "headline",
                    "slug",
                    "section",
                    "summary",
                    "dateline",
                    "body",
                    "tags",
                    "edit_version",
                )
            },
        ),
        (
            "Featured image",
            {
                "fields": (
                    "featured_image",
                    "featured_image_alt",
                    "featured_image_caption",
                    "featured_image_credit",
                )
            },
        ),
        (
            "Publication",
            {
                "fields": (
                    "status_badge",
                    "published_at",
                    "is_lead",
                    "first_published_at",
                    "updated_at",
                    "reading_minutes",
                )
            },
        ),
        ("Search engines", {"classes": ("collapse",), "fields": ("seo_title", "seo_description")}),
    )

    # Who sees and edits what: the rules live in articles/workflow.py; these hooks ask it.

    def get_queryset(self, request):
        """Editors see every story; writers only their own."""
        queryset = super().get_queryset(request).with_bylines()
        if not request.user.has_perm(workflow.PUBLISH):
            queryset = queryset.owned_by(request.user)
        return queryset

    def has_view_permission(self, request, obj=None) -> bool:
        if not super().has_view_permission(request, obj):
            return False
        if obj is None or request.user.has_perm(workflow.PUBLISH):
            return True
        return workflow.is_own(request.user, obj)

    def has_change_permission(self, request, obj=None) -> bool:
        if obj is None:
            return super().has_change_permission(request)
        return workflow.may_edit(request.user, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        """Deleting for good is emptying the trash; "delete" otherwise is "Move to trash"."""
        if not request.user.has_perm("articles.empty_trash"):
            return False
        return obj is None or obj.trashed_at is not None

    def has_publish_permission(self, request) -> bool:
        return request.user.has_perm(workflow.PUBLISH)

    def has_trash_permission(self, request) -> bool:
        return request.user.has_perm(workflow.DELETE)

    def get_actions(self, request):
        actions = super().get_actions(request)
        if "delete_selected" in actions:
            actions["delete_selected"] = (
                ArticleAdmin.delete_from_trash,
                "delete_selected",
                "Delete selected stories in the trash for good",
            )
        return actions

    def delete_from_trash(self, request, queryset):
        """Django's delete, for stories in the trash only; the others are left alone."""
        kept = queryset.not_trashed()
        if kept and not request.POST.get("post"):
            for article in kept:
                self.message_user(
                    request,
                    f"“{article.headline}”: only stories in the trash can be deleted for good.",
                    messages.WARNING,
                )
        trashed = queryset.in_trash()
        if not trashed:
            return None
        return delete_selected(self, request, trashed)

    # The change form: workflow buttons and the story's timeline.

    def get_urls(self):
        workflow_url = path(
            "<path:object_id>/workflow/<str:action>/",
            self.admin_site.admin_view(self.workflow_view),
            name="articles_article_workflow",
        )
        return [workflow_url, *super().get_urls()]

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk:
            context["workflow_actions"] = [
                {
                    "name": name,
                    "label": label,
                    "url": reverse("admin:articles_article_workflow", args=[obj.pk, name]),
                }
                for name, label in workflow.available_actions(request.user, obj)
            ]
            context["timeline"] = obj.events.select_related("actor")
            context["time_zone"] = timezone.get_current_timezone_name()
        return super().render_change_form(request, context, add, change, form_url, obj)

    def workflow_view(self, request, object_id, action):
        """Take one workflow action on one story (a button on the change form), POST only."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        if action not in workflow.ACTIONS:
            raise Http404("No such action.")
        article = self.get_object(request, unquote(object_id))
        if article is None:
            raise Http404("No such story.")
        if not self.has_view_permission(request, article):
            raise PermissionDenied
        try:
            done = self._take(request, article, action)
        except workflow.WorkflowError as error:
            self.message_user(request, str(error), messages.ERROR)
        else:
            self.message_user(request, done, messages.SUCCESS)
        article.refresh_from_db()
        if self.has_view_permission(request, article):
            return redirect("admin:articles_article_change", article.pk)
        return redirect("admin:articles_article_changelist")

    def _take(self, request, article: Article, action: str) -> str:
        """Call the workflow function for `action` with what the form sent; say what was done."""
        function = workflow.ACTIONS[action]
        note = request.POST.get("note", "")
        if action == "schedule":
            at = self._scheduled_time(request)
            function(article=article, by=request.user, at=at)
            return f"Scheduled for {when(at)}."
        if action in {"request_changes", "approve", "unpublish", "archive"}:
            function(article=article, by=request.user, note=note)
        else:
            function(article=article, by=request.user)
        return DONE[action]

    @staticmethod
    def _scheduled_time(request) -> datetime:
        """The date and time the form sent, read in the site's time zone."""
        text = f"{request.POST.get('date', '').strip()} {request.POST.get('time', '').strip()}"
        try:
            naive = datetime.strptime(text, "%Y-%m-%d %H:%M")  # noqa: DTZ007 (made aware below)
        except ValueError:
            raise workflow.WorkflowError(
                "Give a date and a time (hours and minutes) to schedule the story."
            ) from None
        # workflow.schedule refuses a time that is not ahead.
        return timezone.make_aware(naive, timezone.get_current_timezone())

    # Bulk actions: each story goes through the workflow; refusals are reported one by one.

    def _bulk(self, request, queryset, action: str, done: str) -> None:
        function = workflow.ACTIONS[action]
        succeeded = []
        for article in queryset:
            try:
                function(article=article, by=request.user)
            except workflow.WorkflowError as error:
                self.message_user(request, f"“{article.headline}”: {error}", messages.WARNING)
            else:
                succeeded.append(f"“{article.headline}”")
        if succeeded:
            self.message_user(request, f"{done}: {', '.join(succeeded)}.", messages.SUCCESS)

    @admin.action(description="Submit selected stories for review")
    def submit_selected(self, request, queryset):
        self._bulk(request, queryset, "submit", "Submitted for review")

    @admin.action(description="Publish selected stories now", permissions=["publish"])
    def publish_selected(self, request, queryset):
        self._bulk(request, queryset, "publish", "Published")

    @admin.action(description="Unpublish selected stories", permissions=["publish"])
    def unpublish_selected(self, request, queryset):
        self._bulk(request, queryset, "unpublish", "Unpublished")

    @admin.action(description="Archive selected stories", permissions=["publish"])
    def archive_selected(self, request, queryset):
        self._bulk(request, queryset, "archive", "Archived")

    @admin.action(description="Move selected stories to the trash", permissions=["trash"])
    def trash_selected(self, request, queryset):
        self._bulk(request, queryset, "trash", "Moved to the trash")

    @admin.action(description="Restore selected stories from the trash", permissions=["trash"])
    def restore_selected(self, request, queryset):
        self._bulk(request, queryset, "restore", "Restored from the trash")

    @admin.display(description="Status", ordering="status")
    def status_badge(self, article: Article) -> str:
        if article.is_scheduled:
            return format_html(
                '<span class="status status--scheduled">Scheduled for {}</span>',
                when(article.published_at),
            )
        label = article.get_status_display()
        if article.trashed_at is not None:
            label = f"{label} (in trash)"
        return format_html('<span class="status status--{}">{}</span>', article.status, label)

    @admin.display(description="Byline")
    def byline(self, article: Article) -> str:
        return ", ".join(author.name for author in article.byline_authors)

    @admin.display(description="Last updated", ordering="updated_at")
    def last_updated(self, article: Article):
        return article.last_updated

    @admin.display(description="On the site")
    def live_link(self, article: Article) -> str:
        if not article.is_live:
            return "—"
        return format_html('<a href="{}" target="_blank">View</a>', article.get_absolute_url())

    def save_model(self, request, obj: Article, form, change: bool) -> None:
        if not change:
            obj.created_by = request.user
        obj.last_edited_by = request.user
        if change and obj.is_live and form.has_changed():
            obj.updated_at = timezone.now()
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change: bool) -> None:
        """A new story with no byline gets the one linked to its writer's account, if any."""
        super().save_related(request, form, formsets, change)
        article = form.instance
        if change or article.bylines.exists():
            return
        author = Author.objects.filter(user_id=request.user.pk).first()
        if author is not None:
            ArticleAuthor.objects.create(article=article, author=author, order=0)
