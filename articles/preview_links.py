"""Shareable preview links: who may make and revoke them, and what a token opens.

A link shows a story's current version, as readers will see it, to anyone holding it, with
no account: the token in its address is the link's random id signed with the site's secret,
so it cannot be guessed or altered. A link stops working when it expires (its creator picks
when, from `EXPIRY_CHOICES`), when it is revoked, and while its story is in the trash.
Editors share any story; writers their own. The admin's buttons and tests call these
functions; refusals raise `PreviewLinkError` with a message fit to show the user.
"""

from __future__ import annotations

from datetime import timedelta

from django.core import signing
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .models import Article, PreviewLink
from .workflow import PUBLISH, is_own

# How long a new link lasts, in hours, as offered on the change form.
EXPIRY_CHOICES: dict[int, str] = {1: "1 hour", 24: "24 hours", 48: "48 hours", 168: "7 days"}
DEFAULT_HOURS = 48
SALT = "articles.preview-link"
# Opening a link again within this long does not write its "last opened" time again.
OPENED_RESOLUTION = timedelta(minutes=1)


class PreviewLinkError(Exception):
    """A preview-link request that is not allowed: the message says why, for the user."""


def may_share(user, article: Article) -> bool:
    """Editors share any story not in the trash; writers their own (in any state)."""
    if not user.is_active or not user.has_perm("articles.change_article"):
        return False
    if article.pk is None or article.trashed_at is not None:
        return False
    return user.has_perm(PUBLISH) or is_own(user, article)


def token_for(link: PreviewLink) -> str:
    """The signed token in the link's address."""
    return signing.Signer(salt=SALT).sign(link.pk.hex)


def create(*, article: Article, by, hours: int = DEFAULT_HOURS) -> PreviewLink:
    """A new link to `article`'s preview, lasting `hours` (one of `EXPIRY_CHOICES`)."""
    if not may_share(by, article):
        raise PreviewLinkError("You are not allowed to share a preview of this story.")
    if hours not in EXPIRY_CHOICES:
        raise PreviewLinkError("Pick how long the link lasts from the choices offered.")
    now = timezone.now()
    return PreviewLink.objects.create(
        article=article, created_by=by, created_at=now, expires_at=now + timedelta(hours=hours)
    )


def revoke(*, link: PreviewLink, by) -> PreviewLink:
    """Stop `link` working for good."""
    if not may_share(by, link.article):
        raise PreviewLinkError("You are not allowed to revoke this story's preview links.")
    with transaction.atomic():
        link = PreviewLink.objects.select_for_update().get(pk=link.pk)
        if link.revoked_at is not None:
            raise PreviewLinkError("This link has already been revoked.")
        link.revoked_at, link.revoked_by = timezone.now(), by
        link.save(update_fields=["revoked_at", "revoked_by"])
    return link


def open(token: str) -> Article | None:
    """The story behind a valid token (recording the visit), else None: refusals look alike."""
    try:
        link_id = signing.Signer(salt=SALT).unsign(token)
    except signing.BadSignature:
        return None
    now = timezone.now()
    link = (
        PreviewLink.objects.active()
        .filter(pk=link_id, article__trashed_at__isnull=True)
        .only("pk", "article_id", "last_opened_at")
        .first()
    )
    if link is None:
        return None
    # One UPDATE, and none for the reloads of the same minute.
    if link.last_opened_at is None or now - link.last_opened_at >= OPENED_RESOLUTION:
        PreviewLink.objects.filter(pk=link.pk).update(
            last_opened_at=now, open_count=F("open_count") + 1
        )
    return Article.objects.for_detail().filter(pk=link.article_id).first()
