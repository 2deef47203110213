"""Stories in the admin: the change form with its workflow buttons and timeline, the list
with its filters and bulk actions. Who may do what is asked of articles/workflow.py."""

from django.contrib import admin, messages
from django.contrib.admin.actions import delete_selected
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html

from .. import assignments, autosave, workflow
from ..models import Article, ArticleAuthor, Author
from . import buttons
from .autosave import AutosaveAdminMixin
from .calendar import CalendarAdminMixin
from .changelist import EstimatingChangeList, full_text_search
from .csp import NonceMediaMixin
from .filters import (
    AssigneeFilter,
    AuthorFilter,
    DeadlineFilter,
    MineFilter,
    StatusFilter,
    TrashFilter,
)
from .forms import ArticleAdminForm
from .notes import NotesAdminMixin
from .notifications import ReadOnOpenMixin
from .preview_links import PreviewLinksAdminMixin
from .revisions import RevisionsAdminMixin


class BylineInline(admin.TabularInline):
    model = ArticleAuthor
    extra = 1
    autocomplete_fields = ("author",)
    verbose_name = "byline"
    verbose_name_plural = "Bylines (in the order they are printed)"


@admin.register(Article)
class ArticleAdmin(
    CalendarAdminMixin,
    NonceMediaMixin,
    AutosaveAdminMixin,
    RevisionsAdminMixin,
    PreviewLinksAdminMixin,
    NotesAdminMixin,
    ReadOnOpenMixin,
    admin.ModelAdmin,
):
    form = ArticleAdminForm

    class Media:
        # Counters as you type: characters, and the body's words and reading time.
        css = {"all": ("articles/admin/counters.css", "articles/admin/diff.css")}
        js = (
            "articles/admin/counters.js",
            "articles/admin/autosave.js",
            "articles/admin/mark_read.js",
        )

    list_display = (
        "headline",
        "status_badge",
        "section",
        "byline",
        "assignee",
        "deadline",
        "last_updated",
        "live_link",
    )
    list_filter = (
        StatusFilter,
        "section",
        AuthorFilter,
        MineFilter,
        AssigneeFilter,
        DeadlineFilter,
        TrashFilter,
        "is_lead",
    )
    list_select_related = ("section", "assignee")
    # Columns an index orders (migration 0022, Meta.indexes): sorting by another would sort
    # the whole table for every page.
    sortable_by = ("headline", "deadline", "last_updated")
    # Counts beside every filter's choices read the whole list once per filter.
    show_facets = admin.ShowFacets.NEVER
    search_fields = ("headline", "summary", "slug")
    search_help_text = (
        "Words of the headline, summary or text, or the beginning of a word; or a web address."
    )
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ("headline",)}
    autocomplete_fields = ("section", "featured_picture")
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
                    "edit_base",
                )
            },
        ),
        (
            "Featured image",
            {
                "description": (
                    "Choose a picture of the media library, or upload a new one: it goes "
                    "into the library with the alt text, caption and credit below."
                ),
                "fields": (
                    "featured_picture",
                    "featured_image",
                    "featured_image_alt",
                    "featured_image_caption",
                    "featured_image_credit",
                ),
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
        ("Assignment", {"fields": ("assignee", "deadline")}),
        ("Search engines", {"classes": ("collapse",), "fields": ("seo_title", "seo_description")}),
    )

    def get_changelist(self, request, **kwargs):
        return EstimatingChangeList

    def may_estimate_count(self, request) -> bool:
        """Editors' lists of every story may say "about N"."""
        return request.user.has_perm(workflow.PUBLISH)

    def count_is_capped(self, request) -> bool:
        """Lists of someone's own stories are counted up to a cap: "own" is three tests
        (started, assigned, bylined) that no one index answers, so an exact count of a
        prolific writer's stories reads the whole table."""
        return not request.user.has_perm(workflow.PUBLISH) or request.GET.get("mine") == "yes"

    def get_search_results(self, request, queryset, search_term):
        """Full-text on PostgreSQL (articles.search's index): Django's `icontains` over three
        columns reads every story; elsewhere Django's own search."""
        if connection.vendor != "postgresql":
            return super().get_search_results(request, queryset, search_term)
        return full_text_search(queryset, search_term), False

    # Who sees and edits what: the rules live in articles/workflow.py; these hooks ask it.

    def get_queryset(self, request):
        """Editors see every story; writers only their own."""
        queryset = super().get_queryset(request).with_bylines()
        if not request.user.has_perm(workflow.PUBLISH):
            queryset = queryset.owned_by(request.user)
        return queryset

    def get_readonly_fields(self, request, obj=None):
        """Placing a story at the top of the home page is an editor's decision: for anyone
        else the lead flag is shown but not part of the form, so a forged post cannot set it."""
        fields = super().get_readonly_fields(request, obj)
        if not request.user.has_perm(workflow.PUBLISH):
            fields = (*fields, "is_lead")
        if not assignments.may_assign(request.user):
            fields = (*fields, "assignee", "deadline")  # editors assign (articles.assignments)
        return fields

    def has_view_permission(self, request, obj=None) -> bool:
        if obj is None:
            return super().has_view_permission(request)
        return workflow.may_view(request.user, obj)

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

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form.request = request  # who saves, and the byline rows that come with the form
        return form

    def _create_formsets(self, request, obj, change):
        formsets, inline_instances = super()._create_formsets(request, obj, change)
        # The form's merge rewrites the byline rows after someone else's save.
        request.article_formsets = formsets
        return formsets, inline_instances

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk:
            editable = self.has_change_permission(request, obj)
            context["workflow_actions"] = [
                {
                    "name": name,
                    "label": label,
                    "url": reverse("admin:articles_article_workflow", args=[obj.pk, name]),
                    # Pressed on an editable form, the button saves what is on screen first.
                    "with_form": editable and name in buttons.WITH_THE_FORM,
                }
                for name, label in workflow.available_actions(request.user, obj)
            ]
            context["timeline"] = obj.events.select_related("actor")
            context["time_zone"] = timezone.get_current_timezone_name()
            if obj.is_scheduled:
                context["scheduled_local"] = timezone.localtime(obj.published_at)
        if add or (obj is not None and self.has_change_permission(request, obj)):
            context.update(self.autosave_context(request, obj if change else None))
        return super().render_change_form(request, context, add, change, form_url, obj)

    def save_related(self, request, form, formsets, change: bool) -> None:
        """Bylines and tags, then the workflow button's action, if one was pressed.

        A new story with no byline gets the one linked to its writer's account, if any.
        """
        super().save_related(request, form, formsets, change)
        article = form.instance
        # A story made by the add form's first autosave is saved next as a change, but its
        # form is still the new story's (it says so with `_new_story`).
        is_new = not change or bool(form.data.get("_new_story"))
        if is_new and not article.bylines.exists():
            author = Author.objects.filter(user_id=request.user.pk).first()
            if author is not None:
                ArticleAuthor.objects.create(article=article, author=author, order=0)
        if form.merged is not None:
            request.article_saved_note = form.merged.merged_message()
        if form.press is not None:
            # Checked in the form's clean, on the locked row: the action follows the save.
            request.article_done = form.press.take(article=article, by=request.user)

    def response_change(self, request, obj):
        note = getattr(request, "article_saved_note", None)
        if note:
            self.message_user(request, note, messages.INFO)
        done = getattr(request, "article_done", None)
        if done is None:
            return super().response_change(request, obj)
        self.message_user(request, f"Your changes were saved. {done}", messages.SUCCESS)
        return self._after_action(request, obj)

    def _after_action(self, request, article: Article):
        article.refresh_from_db()
        if self.has_view_permission(request, article):
            return redirect("admin:articles_article_change", article.pk)
        return redirect("admin:articles_article_changelist")

    def workflow_view(self, request, object_id, action):
        """One workflow action on one story from its own small form (POST only).

        Used where the change form cannot carry the action: a story the user may only look
        at (a writer's story in review), and the trash buttons.
        """
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        press = buttons.read(action, request.POST)
        if press is None:
            raise Http404("No such action.")
        article = self.get_object(request, unquote(object_id))
        if article is None:
            raise Http404("No such story.")
        if not self.has_view_permission(request, article):
            raise PermissionDenied
        try:
            done = press.take(article=article, by=request.user)
        except workflow.WorkflowError as error:
            self.message_user(request, str(error), messages.ERROR)
        else:
            self.message_user(request, done, messages.SUCCESS)
        return self._after_action(request, article)

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
                buttons.when(article.published_at),
            )
        label = article.get_status_display()
        if article.trashed_at is not None:
            label = f"{label} (in trash)"
        return format_html('<span class="status status--{}">{}</span>', article.status, label)

    @admin.display(description="Byline")
    def byline(self, article: Article) -> str:
        return ", ".join(author.name for author in article.byline_authors)

    @admin.display(description="Last updated", ordering="modified_at")
    def last_updated(self, article: Article):
        """The last save of the story: a scheduled story's publication time is ahead, so it
        is not when the story was last updated."""
        return article.modified_at

    @admin.display(description="On the site")
    def live_link(self, article: Article) -> str:
        if not article.is_live:
            return "—"
        return format_html('<a href="{}" target="_blank">View</a>', article.get_absolute_url())

    def save_model(self, request, obj: Article, form, change: bool) -> None:
        if not change:
            obj.created_by = request.user
        obj.last_edited_by = request.user
        assignment = self._assignment(obj, form)
        if change and obj.is_live and set(form.changed_data) - {"assignee", "deadline"}:
            obj.updated_at = timezone.now()
        super().save_model(request, obj, form, change)
        if assignment is not None:
            assignments.assign(article=obj, by=request.user, **assignment)
        # What this user typed is in the story now: their autosave has served its purpose.
        autosave.discard(user=request.user, article=obj)
        if not change:
            autosave.discard(user=request.user, article=None)

    def _assignment(self, obj: Article, form) -> dict | None:
        """A changed assignee or deadline, taken off `obj` to go through `assignments.assign`
        after the save (which records it and tells the new assignee once)."""
        if not {"assignee", "deadline"} & set(form.changed_data):
            return None
        wanted = {"assignee": obj.assignee, "deadline": obj.deadline}
        stored = Article.objects.filter(pk=obj.pk).values("assignee_id", "deadline").first()
        obj.assignee_id = stored["assignee_id"] if stored else None
        obj.deadline = stored["deadline"] if stored else None
        return wanted
