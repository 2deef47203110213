"""Notes on a story: the newsroom's internal discussion thread on its change form.

Staff only: never on reader pages, in feeds, in revisions or in a reader's data export. The
rules (who may write one, what a mention is, who hears of it) live in `articles/notes.py`;
this is the row each note is.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from .article import Article


class StoryNote(models.Model):
    """One note in a story's discussion thread, written by `articles.notes.add` only."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    body = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["article", "created_at"], name="note_article_thread")]

    def __str__(self) -> str:
        return f"Note by {self.author or 'someone'} on {self.article}"
