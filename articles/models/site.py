"""The site around the stories: old addresses, standing pages, settings, contact messages."""

from django.core.cache import cache
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from ..sanitize import sanitize_body
from .article import Article

SITE_SETTINGS_TTL = 60  # seconds


class LegacyURL(models.Model):
    """An old address of a story (its WordPress permalink, or its own before a slug change),
    answered with a 301 to its page.

    `articles.redirects` looks a path up only when nothing else answered it, for live stories.
    `Article.save` records the story's own; the WordPress import records the permalinks.
    """

    path = models.CharField(
        max_length=500,
        unique=True,
        help_text="The old path, no domain, no trailing slash: “/2024/05/title” or “/?p=12”.",
    )
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="legacy_urls")

    class Meta:
        ordering = ["path"]
        verbose_name = "old address"
        verbose_name_plural = "old addresses"

    def __str__(self) -> str:
        return self.path


class Page(models.Model):
    """A standing page such as About Us or Privacy Policy, written in the admin."""

    title = models.CharField(max_length=120)
    slug = models.SlugField(max_length=120, unique=True, help_text="The page's web address.")
    body = models.TextField(
        help_text="Scripts, styles and unsafe links are removed when it is saved."
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    # Set to save a body even though cleaning removes what readers see (listed by removals).
    accept_cleaned_body = False

    def save(self, *args, **kwargs) -> None:
        self.body = sanitize_body(self.body, accept_cleaned=self.accept_cleaned_body)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("articles:page", kwargs={"slug": self.slug})


class SiteSettings(models.Model):
    """The site's identity, edited by administrators; one row, read through `current()`."""

    CACHE_KEY = "articles:site-settings"

    site_name = models.CharField(max_length=80, default="IndiaPost Live")
    publisher = models.CharField(
        max_length=80, default="NM Media", help_text="Printed in “© year NM Media”."
    )
    tagline = models.CharField(max_length=160, blank=True, default="News from India and the world")
    cookie_notice = models.TextField(
        default=(
            "This website uses cookie or similar technologies, to enhance your browsing "
            "experience and provide personalised recommendations. By continuing to use our "
            "website, you agree to our Privacy Policy and Terms of Use."
        ),
        help_text="The consent bar's text. “Privacy Policy” and “Terms of Use” become links.",
    )
    facebook_url = models.URLField("Facebook", blank=True, default="https://www.facebook.com/")
    twitter_url = models.URLField("Twitter", blank=True, default="https://twitter.com/")
    instagram_url = models.URLField("Instagram", blank=True, default="https://www.instagram.com/")
    youtube_url = models.URLField("YouTube", blank=True, default="https://www.youtube.com/")
    telegram_url = models.URLField("Telegram", blank=True, default="https://t.me/")

    class Meta:
        verbose_name = "site settings"
        verbose_name_plural = "site settings"
        constraints = [models.CheckConstraint(condition=Q(pk=1), name="site_settings_single_row")]

    def __str__(self) -> str:
        return self.site_name

    def save(self, *args, **kwargs) -> None:
        self.pk = 1
        super().save(*args, **kwargs)
        cache.delete(self.CACHE_KEY)

    @classmethod
    def current(cls) -> "SiteSettings":
        """The settings row, from the cache when possible; the defaults if none was saved."""
        site = cache.get(cls.CACHE_KEY)
        if site is None:
            site = cls.objects.filter(pk=1).first() or cls(pk=1)
            # Saving clears the key, but only in this process's cache when the cache is not
            # shared (no REDIS_URL): the timeout bounds how long another worker stays stale.
            cache.set(cls.CACHE_KEY, site, timeout=SITE_SETTINGS_TTL)
        return site

    @classmethod
    def shown(cls) -> "SiteSettings":
        """`current()`, kept in this process until content changes everywhere (saving the
        settings does: articles.page_cache.per_version): what pages render with."""
        from articles import page_cache

        return page_cache.per_version("site-settings", cls.current)

    @property
    def social_links(self) -> list[tuple[str, str]]:
        links = [("Facebook", self.facebook_url), ("Twitter", self.twitter_url)]
        links += [("Instagram", self.instagram_url), ("YouTube", self.youtube_url)]
        links += [("Telegram", self.telegram_url)]
        return [(label, url) for label, url in links if url]


class ContactMessage(models.Model):
    """A message sent through the Contact Us form, for the editors to read in the admin."""

    name = models.CharField(max_length=120)
    email = models.EmailField()
    subject = models.CharField(max_length=150)
    message = models.TextField(max_length=5000)
    sent_at = models.DateTimeField(default=timezone.now, editable=False, db_index=True)
    is_handled = models.BooleanField(
        "dealt with", default=False, help_text="Tick once someone has answered or acted on it."
    )

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = "contact message"

    def __str__(self) -> str:
        return f"{self.subject} — {self.name}"
