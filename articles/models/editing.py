"""What staff have open in the admin: private autosaves of unsaved edits, and presence."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from .article import Article


class Autosave(models.Model):
    """What one staff member typed in a story's form and has not saved as the story yet.

    Private to its user, never shown to readers and not a revision: `articles.autosave`
    keeps one per user and story (and one per user for a new story not saved yet) and
    deletes it when that user saves the story.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, null=True, blank=True, related_name="autosaves"
    )
    data = models.JSONField(help_text="The form's fields as the browser sent them.")
    saved_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "article"], name="autosave_per_user_story"),
            models.UniqueConstraint(
                fields=["user"], condition=Q(article__isnull=True), name="autosave_one_new_story"
            ),
        ]

    def __str__(self) -> str:
        return f"Unsaved changes by {self.user} to {self.article or 'a new story'}"


class Presence(models.Model):
    """A staff member has a story's form open: refreshed by each autosave and heartbeat."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="presences")
    since = models.DateTimeField(default=timezone.now)
    seen_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "article"], name="presence_per_user_story"),
        ]
        indexes = [models.Index(fields=["article", "-seen_at"], name="presence_by_story")]

    def __str__(self) -> str:
        return f"{self.user} on {self.article}"
