"""The site's other records in the admin: sections, bylines' authors, standing pages,
site settings and what readers sent through Contact Us."""

from django import forms
from django.contrib import admin
from django.db import models
from django.shortcuts import redirect
from django.urls import reverse

from ..models import Author, ContactMessage, Page, Section, SiteSettings
from .body_check import BodyCheckMixin
from .tags import avatar_preview
from .widgets import ImagePreviewInput

# Profiles and social links are typed without a scheme more often than not: assume HTTPS.
URL_FIELDS = {models.URLField: {"assume_scheme": "https"}}
IMAGE_FIELDS = {models.ImageField: {"widget": ImagePreviewInput}}


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
    list_display = ("thumbnail", "name", "is_desk", "user")
    list_display_links = ("thumbnail", "name")
    list_filter = ("is_desk",)
    list_select_related = ("user",)
    search_fields = ("name", "slug", "user__email")
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("user",)
    formfield_overrides = URL_FIELDS | IMAGE_FIELDS
    fieldsets = (
        (None, {"fields": ("name", "slug", "is_desk", "user", "avatar", "bio")}),
        ("Social links", {"fields": ("website", "twitter", "facebook", "instagram", "linkedin")}),
    )

    @admin.display(description="")
    def thumbnail(self, author: Author) -> str:
        return avatar_preview(author, size=32)


class PageAdminForm(BodyCheckMixin, forms.ModelForm):
    """A standing page's form: a body that cleaning would cut is refused, with what would go."""

    class Meta:
        model = Page
        fields = ("title", "slug", "body")


@admin.register(Page)
class PageAdmin(admin.ModelAdmin):
    form = PageAdminForm
    fields = ("title", "slug", "body")  # the accept box shows inside a refusal, not here
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
