"""The headers of a page that shows embeds: its players' origins and nothing more.

Content-Security-Policy: the reader policy has `frame-src 'none'` (newsroom/settings.py); a
page with embeds replaces it with exactly the origins its players load from, so a player
can load there after the click and nothing else can ever be framed.

Permissions-Policy: the site turns powerful features off for itself and anything it
embeds. A player needs a few to work as readers expect, so a page with players grants
each of them (`Provider.features`: autoplay, encrypted-media, fullscreen, picture-in-
picture) to the origins of the players that ask for it, and to no one else (not to us
either: our pages use none of them). Autoplay is among them because the frame only exists
once the reader clicked "Load video": the player's `autoplay=1` then starts what they asked
for, instead of making them press play a second time. Everything else stays off.

Both travel as attributes of the response that django-csp and django-permissions-policy
read (`_csp_replace`, `_permissions_policy_override`); the page cache keeps the headers made
from them with the page, and a 304 keeps them too (newsroom/security.py), so a page served
from the cache carries the same headers as the one that was rendered.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpResponseBase
from django_permissions_policy import PermissionsPolicyMiddleware

from .providers import Embed


def frame_origins(found: list[Embed]) -> list[str]:
    return sorted({origin for item in found for origin in item.frame_origins})


def permissions_policy(found: list[Embed]) -> str:
    """The Permissions-Policy header of a page showing `found`."""
    granted: dict[str, set[str]] = {}
    for item in found:
        for feature in item.features:
            granted.setdefault(feature, set()).update(item.frame_origins)
    policy = dict(settings.PERMISSIONS_POLICY) | {
        feature: sorted(origins) for feature, origins in granted.items()
    }
    return PermissionsPolicyMiddleware.compute_header_value(policy, name="embeds")


def apply(response: HttpResponseBase, found: list[Embed]) -> HttpResponseBase:
    """Allow `found`'s players on this response (nothing changes for a page without any)."""
    if found:
        response._csp_replace = {"frame-src": frame_origins(found)}
        response._permissions_policy_override = permissions_policy(found)
    return response
