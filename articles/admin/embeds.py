"""Embeds in the admin: the allow-list of frame hosts (administrators only), and the check
the body editor's Embed button asks before it inserts an embed.

The check is the sanitizer's own rule (`articles.embeds.from_url`), so the editor never
accepts an address the save would refuse. Nothing is fetched from the provider.
"""

from django.contrib import admin
from django.http import HttpRequest, JsonResponse
from django.urls import path
from django.utils.cache import add_never_cache_headers

from .. import embeds
from ..embeds import PROVIDERS
from ..models import EmbedHost

# Short links name nothing until the provider is asked where they lead, which we never do.
SHORT_LINK_HOSTS = {
    "fb.watch": "Facebook",
    "maps.app.goo.gl": "Google Maps",
    "goo.gl": "Google Maps",
    "on.soundcloud.com": "SoundCloud",
    "spotify.link": "Spotify",
    "t.co": "X",
    "vm.tiktok.com": "TikTok",
}
PROVIDER_NAMES = ", ".join(
    dict.fromkeys(provider.label for provider in PROVIDERS.values() if provider.key)
)


def refusal(url: str) -> str:
    """Why `url` cannot be embedded, in words for the writer."""
    split = embeds.providers.split_url(url)
    if split is not None and split[0] in SHORT_LINK_HOSTS:
        return (
            f"This is a short link: open it in your browser and paste the full "
            f"{SHORT_LINK_HOSTS[split[0]]} address it leads to."
        )
    return (
        "This address cannot be embedded. Paste the address of a post, video, track or map on "
        f"{PROVIDER_NAMES}, or of a frame from a host an administrator has allowed "
        "(the admin's list of embed hosts)."
    )


@admin.register(EmbedHost)
class EmbedHostAdmin(admin.ModelAdmin):
    """Hosts whose `<iframe>` a story may embed. Django's permissions: administrators only,
    as no role is granted them (articles/roles.py)."""

    list_display = ("host", "name", "note", "created_at")
    search_fields = ("host", "name", "note")
    fields = ("host", "name", "note")

    def get_urls(self):
        check = self.admin_site.admin_view(self.check_view)
        return [path("check/", check, name="articles_embed_check"), *super().get_urls()]

    def check_view(self, request: HttpRequest) -> JsonResponse:
        """`?url=`: the embed it stands for, or why it cannot be embedded (JSON)."""
        user = request.user
        if not (user.has_perm("articles.add_article") or user.has_perm("articles.change_article")):
            return JsonResponse({"ok": False, "message": "You may not edit stories."}, status=403)
        url = request.GET.get("url", "").strip()
        found = embeds.from_url(url, embeds.Hosts())
        if found is None:
            response = JsonResponse({"ok": False, "message": refusal(url)})
        else:
            response = JsonResponse(
                {
                    "ok": True,
                    "provider": found.provider,
                    "id": found.id,
                    "label": found.label,
                    "noun": found.noun,
                }
            )
        add_never_cache_headers(response)
        return response
