"""Old addresses in the admin: listed and searchable, removable, not typed in by hand.

The WordPress import records them (`articles.wordpress`); `articles.redirects` answers them.
"""

from django.contrib import admin

from ..models import LegacyURL


@admin.register(LegacyURL)
class LegacyURLAdmin(admin.ModelAdmin):
    list_display = ("path", "article")
    list_select_related = ("article",)
    search_fields = ("path", "article__headline", "article__slug")
    readonly_fields = ("path", "article")
    fields = ("path", "article")

    def has_add_permission(self, request) -> bool:
        return False
