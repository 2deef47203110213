"""Bylines' people and desks."""

from django.conf import settings
from django.db import models
from django.urls import reverse

from ..uploads import UploadedImageField


class Author(models.Model):
    name = models.CharField("display name", max_length=120, help_text="As printed in the byline.")
    slug = models.SlugField(max_length=120, unique=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="author_profile",
        help_text="The staff account that writes under this byline, if any.",
    )
    bio = models.TextField(blank=True, help_text="A few plain sentences for the author page.")
    avatar = UploadedImageField(upload_to="authors/%Y/", blank=True)
    is_desk = models.BooleanField(
        "desk byline",
        default=False,
        help_text="A shared byline such as “NM Desk” rather than a person.",
    )
    website = models.URLField(blank=True)
    twitter = models.URLField("X / Twitter", blank=True)
    facebook = models.URLField(blank=True)
    instagram = models.URLField(blank=True)
    linkedin = models.URLField("LinkedIn", blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("articles:author", kwargs={"slug": self.slug})

    @property
    def social_links(self) -> list[tuple[str, str]]:
        """(label, url) for each social profile that is filled in, in a fixed order."""
        fields = [("Website", self.website), ("Twitter", self.twitter)]
        fields += [("Facebook", self.facebook), ("Instagram", self.instagram)]
        fields += [("LinkedIn", self.linkedin)]
        return [(label, url) for label, url in fields if url]
