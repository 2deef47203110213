from django import forms
from django.contrib import admin
from django.db import models
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html

from .models import Article, ArticleAuthor, Author, ContactMessage, Page, Section, SiteSettings

# Profiles and social links are typed without a scheme more often than not: assume HTTPS.
URL_FIELDS = {models.URLField: {"assume_scheme": "https"}}


@admin.register(Section)
class SectionAdmin(admin.ModelAdmin):
    list_display = (
        "name",
        "parent",
        "in_primary_menu",
        "position",
        "in_mobile_menu",
        "mobile_position",
    )
    list_editable = ("in_primary_menu", "position", "in_mobile_menu", "mobile_position")
    list_filter = ("in_primary_menu", "in_mobile_menu", "parent")
    list_select_related = ("parent",)
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Author)
class AuthorAdmin(admin.ModelAdmin):
    list_display = ("name", "is_desk", "user")
    list_filter = ("is_desk",)
    list_select_related = ("user",)
    search_fields = ("name", "slug", "user__email")
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("user",)
    formfield_overrides = URL_FIELDS
    fieldsets = (
        (None, {"fields": ("name", "slug", "is_desk", "user", "avatar", "bio")}),
        ("Social links", {"fields": ("website", "twitter", "facebook", "instagram", "linkedin")}),
    )


class BylineInline(admin.TabularInline):
    model = ArticleAuthor
    extra = 1
    autocomplete_fields = ("author",)
    verbose_name = "byline"
    verbose_name_plural = "Bylines (in the order they are printed)"


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ("headline", "status_badge", "section", "byline", "last_updated", "live_link")
    list_filter = ("status", "section", "bylines__author", "is_lead")
    list_select_related = ("section",)
    search_fields = ("headline", "summary", "slug")
    date_hierarchy = "published_at"
    prepopulated_fields = {"slug": ("headline",)}
    autocomplete_fields = ("section",)
    readonly_fields = ("status", "first_published_at", "updated_at", "reading_minutes")
    inlines = (BylineInline,)
    save_on_top = True
    fieldsets = (
        (None, {"fields": ("headline", "slug", "section", "summary", "dateline", "body", "tags")}),
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
                    "status",
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

    def get_queryset(self, request):
        return super().get_queryset(request).with_bylines()

    def get_form(self, request, obj=None, **kwargs):
        kwargs["widgets"] = {
            "headline": forms.TextInput(attrs={"class": "vLargeTextField"}),
            "slug": forms.TextInput(attrs={"class": "vLargeTextField"}),
            "summary": forms.Textarea(attrs={"rows": 3}),
            "body": forms.Textarea(attrs={"rows": 24}),
        }
        return super().get_form(request, obj, **kwargs)

    @admin.display(description="Status", ordering="status")
    def status_badge(self, article: Article) -> str:
        label = "Scheduled" if article.is_scheduled else article.get_status_display()
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


@admin.register(Page)
class PageAdmin(admin.ModelAdmin):
    list_display = ("title", "slug", "updated_at")
    search_fields = ("title", "body")
    prepopulated_fields = {"slug": ("title",)}


@admin.register(SiteSettings)
class SiteSettingsAdmin(admin.ModelAdmin):
    """One row: administrators edit it, nobody adds a second or deletes it."""

    formfield_overrides = URL_FIELDS

    def has_add_permission(self, request) -> bool:
        return False

    def changelist_view(self, request, extra_context=None):
        """There is no list to choose from: go straight to the one row's form."""
        if not self.has_view_or_change_permission(request):
            return super().changelist_view(request, extra_context)
        site, _ = SiteSettings.objects.get_or_create(pk=1)
        return redirect(reverse("admin:articles_sitesettings_change", args=[site.pk]))

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(ContactMessage)
class ContactMessageAdmin(admin.ModelAdmin):
    """What readers sent through Contact Us: read-only, but for ticking it off."""

    list_display = ("subject", "name", "email", "sent_at", "is_handled")
    list_filter = ("is_handled", "sent_at")
    list_editable = ("is_handled",)
    search_fields = ("subject", "name", "email", "message")
    date_hierarchy = "sent_at"
    readonly_fields = ("name", "email", "subject", "message", "sent_at")
    fields = ("name", "email", "subject", "message", "sent_at", "is_handled")

    def has_add_permission(self, request) -> bool:
        return False
