"""Shareable preview links: a story as readers will see it, for someone without an account.

The rules (who may make one, how long it lasts, what a token opens) live in
`articles/preview_links.py`; this is the row each link is.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone

from .article import Article


class PreviewLinkQuerySet(models.QuerySet):
    def active(self):
        """Links that still open: not revoked, not expired."""
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())


class PreviewLink(models.Model):
    """One shareable link to a story's preview, signed, expiring and revocable."""

    # Random, so a link's id says nothing about the story or about other links.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="preview_links")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField(help_text="After this the link shows nothing.")
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    last_opened_at = models.DateTimeField(null=True, blank=True)
    # Opens of the same minute count once (articles.preview_links.open).
    open_count = models.PositiveIntegerField(default=0)

    objects = PreviewLinkQuerySet.as_manager()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_at__gt=F("created_at")), name="preview_link_expires_later"
            ),
        ]
        indexes = [models.Index(fields=["article", "-created_at"], name="preview_link_by_story")]

    def __str__(self) -> str:
        return f"Preview link to {self.article}"

    @property
    def status(self) -> str:
        """Active, Expired or Revoked, as the change form lists it."""
        if self.revoked_at is not None:
            return "Revoked"
        if self.expires_at <= timezone.now():
            return "Expired"
        return "Active"

    @property
    def is_active(self) -> bool:
        return self.status == "Active"
