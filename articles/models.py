import hashlib
import math
import re

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.db.models.signals import m2m_changed, pre_save
from django.dispatch import Signal, receiver
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from simple_history.models import HistoricalRecords
from taggit.managers import TaggableManager
from taggit.models import Tag, TaggedItemBase

from .images import ensure_renditions
from .querysets import ArticleQuerySet
from .sanitize import clean_html, html_to_text
from .uploads import UploadedImageField

WORDS_PER_MINUTE = 200
SITE_SETTINGS_TTL = 60  # seconds

# Sent when a story's image sizes are recorded, which happens after its save, by an update.
renditions_recorded = Signal()


def tag_string(names) -> str:
    """Tag names as the admin's tag field writes them (taggit's `parse_tags` reads them back)."""
    return ", ".join(sorted(f'"{name}"' if "," in name or " " in name else name for name in names))


def reading_minutes(text: str) -> int:
    """Minutes an average reader needs for `text`: ceil(words / 200), at least 1."""
    return max(1, math.ceil(len(text.split()) / WORDS_PER_MINUTE))


class Section(models.Model):
    name = models.CharField(max_length=80, help_text="As readers see it in menus and labels.")
    slug = models.SlugField(max_length=80, unique=True, help_text="The section's web address.")
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        limit_choices_to={"parent__isnull": True},
        help_text="Leave empty for a top-level section. Sections nest one level deep.",
    )
    description = models.TextField(
        blank=True,
        help_text="One or two sentences shown on the section page and to search engines.",
    )
    position = models.PositiveSmallIntegerField(
        default=0, help_text="The header menu lists sections from the lowest number up."
    )
    mobile_position = models.PositiveSmallIntegerField(
        default=0,
        help_text="The mobile menu's order, lowest number first (it differs from the header's).",
    )
    in_primary_menu = models.BooleanField(
        "in primary menu", default=False, help_text="Show in the header's main navigation."
    )
    in_mobile_menu = models.BooleanField(
        "in mobile menu", default=False, help_text="Show in the mobile menu's list of sections."
    )

    class Meta:
        ordering = ["position", "name"]
        indexes = [models.Index(fields=["position", "name"], name="section_menu_order")]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("articles:section", kwargs={"slug": self.slug})

    def clean(self) -> None:
        if self.parent_id and self.parent_id == self.pk:
            raise ValidationError({"parent": "A section cannot be its own parent."})
        if self.parent and self.parent.parent_id:
            raise ValidationError({"parent": "Sections nest one level deep: pick a top-level one."})
        if self.parent and self.pk and self.children.exists():
            raise ValidationError({"parent": "This section has sub-sections, so it stays on top."})


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


class TaggedArticle(TaggedItemBase):
    content_object = models.ForeignKey(
        "Article", on_delete=models.CASCADE, related_name="tagged_items"
    )

    class Meta:
        verbose_name = "article tag"
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="tagged_article_once")
        ]


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        IN_REVIEW = "in_review", "In review"
        CHANGES_REQUESTED = "changes_requested", "Changes requested"
        PUBLISHED = "published", "Published"
        ARCHIVED = "archived", "Archived"

    headline = models.CharField(max_length=200)
    slug = models.SlugField(
        max_length=200, unique=True, help_text="The story's web address; keep it once published."
    )
    summary = models.TextField(
        blank=True, help_text="One or two sentences under the headline, in lists and in search."
    )
    dateline = models.CharField(
        max_length=80, blank=True, help_text="Where the story was filed, e.g. “Seoul”."
    )
    body = models.TextField(
        blank=True,
        help_text="The story. Scripts, styles and unsafe links are removed when it is saved.",
    )
    featured_image = UploadedImageField(
        upload_to="articles/%Y/%m/",
        blank=True,
        width_field="featured_image_width",
        height_field="featured_image_height",
    )
    featured_image_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    featured_image_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    featured_image_alt = models.CharField(
        "alt text",
        max_length=250,
        blank=True,
        help_text="Describe the picture for readers who cannot see it.",
    )
    featured_image_caption = models.CharField("caption", max_length=300, blank=True)
    featured_image_credit = models.CharField("credit", max_length=150, blank=True)
    section = models.ForeignKey(Section, on_delete=models.PROTECT, related_name="articles")
    authors = models.ManyToManyField(Author, through="ArticleAuthor", related_name="articles")
    tags = TaggableManager(through=TaggedArticle, blank=True)
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.DRAFT, editable=False
    )
    published_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When the story goes live. A time in the future schedules it.",
    )
    first_published_at = models.DateTimeField(null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(
        "last updated",
        null=True,
        blank=True,
        editable=False,
        help_text="The “Last updated” time readers see; moves when a live story's content changes.",
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    modified_at = models.DateTimeField(auto_now=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    last_edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    trashed_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="When the story was moved to the trash; editors can restore it.",
    )
    is_lead = models.BooleanField(
        "home page lead",
        default=False,
        help_text="Lead the home page with this story (the newest live lead wins).",
    )
    seo_title = models.CharField(
        "SEO title",
        max_length=70,
        blank=True,
        help_text="For search results; the headline if empty.",
    )
    seo_description = models.CharField(
        "SEO description",
        max_length=160,
        blank=True,
        help_text="For search results; the summary if empty.",
    )
    body_text = models.TextField(
        blank=True, editable=False, help_text="The body's plain text, for search and word counts."
    )
    reading_minutes = models.PositiveSmallIntegerField(default=1, editable=False)
    featured_image_sizes = models.JSONField(
        default=list,
        blank=True,
        editable=False,
        help_text="Widths of the smaller copies of the featured image made so far.",
    )
    tag_names = models.TextField(
        blank=True,
        editable=False,
        help_text="The tags as saved, so that each revision records them (the admin fills it).",
    )
    wordpress_id = models.PositiveBigIntegerField(
        "WordPress post ID",
        null=True,
        blank=True,
        unique=True,
        editable=False,
        help_text="The WordPress post this story was imported from; a second import updates it.",
    )

    objects = ArticleQuerySet.as_manager()
    # Every save keeps a revision of the content and state; derived and bookkeeping fields
    # are left out. The admin's revisions page compares and restores them.
    history = HistoricalRecords(
        excluded_fields=[
            "featured_image_width",
            "featured_image_height",
            "featured_image_sizes",
            "body_text",
            "reading_minutes",
            "first_published_at",
            "updated_at",
            "created_at",
            "modified_at",
            "created_by",
            "last_edited_by",
            "wordpress_id",
        ]
    )

    class Meta:
        ordering = ["-published_at", "-pk"]
        permissions = [
            ("publish_article", "Can publish, schedule and unpublish articles"),
            ("empty_trash", "Can delete stories in the trash for good"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="published") | Q(published_at__isnull=False),
                name="article_published_has_time",
            ),
        ]
        indexes = [
            # Each ends in -id, the tie-breaker of every listing's order. The live ones then
            # carry trashed_at, the last test of `live()`, so a listing's COUNT and the joins
            # of tag and author pages read the index alone, never the table (bench/plans.py).
            models.Index(
                fields=["status", "-published_at", "-id", "trashed_at"], name="article_live_order"
            ),
            models.Index(
                fields=["section", "status", "-published_at", "-id", "trashed_at"],
                name="article_section_order",
            ),
            # The article sitemap's lastmod, Max(Coalesce(updated_at, published_at)): one row.
            models.Index(Coalesce("updated_at", "published_at").desc(), name="article_last_change"),
            models.Index(
                fields=["status", "-is_lead", "-published_at", "-id"], name="article_lead_order"
            ),
        ]

    def __str__(self) -> str:
        return self.headline

    def save(self, *args, **kwargs) -> None:
        self.clean_body()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "body" in update_fields:
            kwargs["update_fields"] = {*update_fields, "body_text", "reading_minutes"}
        super().save(*args, **kwargs)
        # After the save, because an uploaded file only reaches the storage during it.
        if self.featured_image.name != self._saved_image or (
            self.featured_image and not self.featured_image_sizes
        ):
            self.update_renditions()

    def get_absolute_url(self) -> str:
        return reverse("articles:detail", kwargs={"slug": self.slug})

    @classmethod
    def from_db(cls, db, field_names, values):
        article = super().from_db(db, field_names, values)
        image = article.__dict__.get("featured_image")
        article._saved_image = getattr(image, "name", image)
        return article

    _saved_image = None  # the featured image's name as loaded, to notice a new upload

    def update_renditions(self) -> None:
        """Make the smaller copies of the featured image and record their widths."""
        sizes = ensure_renditions(self.featured_image) if self.featured_image else []
        self._saved_image = self.featured_image.name
        if sizes != self.featured_image_sizes:
            self.featured_image_sizes = sizes
            Article.objects.filter(pk=self.pk).update(featured_image_sizes=sizes)
            # A plain update sends no post_save: say so, for the page cache.
            renditions_recorded.send(sender=Article, instance=self)

    def clean_body(self) -> None:
        """Sanitize the body and derive its plain text and reading time.

        `save()` calls this; code that writes rows without `save()` (bulk inserts) must too.
        """
        self.body = clean_html(self.body)
        self.body_text = html_to_text(self.body)
        self.reading_minutes = reading_minutes(self.body_text)

    @property
    def is_live(self) -> bool:
        """Whether readers may see the story; agrees with `Article.objects.live()`."""
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at <= timezone.now()
            and self.trashed_at is None
        )

    @property
    def is_scheduled(self) -> bool:
        return (
            self.status == self.Status.PUBLISHED
            and self.published_at is not None
            and self.published_at > timezone.now()
        )

    @property
    def last_updated(self):
        """The time printed as “Last updated”: the last change to a live story."""
        return self.updated_at or self.published_at

    @property
    def byline_authors(self) -> list[Author]:
        """Authors in byline order (uses the `for_cards`/`for_detail` prefetch)."""
        return [byline.author for byline in self.bylines.all()]


@receiver(m2m_changed, sender=TaggedArticle)
def record_tag_names(sender, instance, action: str, reverse: bool, **kwargs) -> None:
    """Keep `tag_names`, and the latest revision's, in step with the tags (DEPENDENCIES trap 6).

    Tags are saved after the row, so the revision that save made has the old names. The admin
    sets them before saving; this covers every other writer (seed_demo, the shell, tests)
    without making a second revision.
    """
    if reverse or action not in {"post_add", "post_remove", "post_clear"}:
        return
    names = tag_string(instance.tags.names())
    instance.tag_names = names
    Article.objects.filter(pk=instance.pk).exclude(tag_names=names).update(tag_names=names)
    latest = instance.history.values_list("history_id", flat=True).first()
    instance.history.filter(history_id=latest).exclude(tag_names=names).update(tag_names=names)


# What `<slug:slug>` in the tag pages' URLs accepts; taggit's own slugs may hold more.
URL_SLUG = re.compile(r"[-a-zA-Z0-9_]+")


@receiver(pre_save, sender=Tag)
def give_tag_an_address(sender, instance: Tag, **kwargs) -> None:
    """Give a tag a slug its page's URL can carry: ASCII letters, digits, `-` and `_`.

    taggit keeps Unicode letters in slugs ("日本") and leaves nothing of a name made of
    symbols ("🔥", "<!--"); `/tag/<slug:slug>/` reverses neither, so every page, feed and
    sitemap listing such a tag answered 500. Such a tag gets the ASCII part of its name
    and a hash of the whole name (names are unique, so the slug is too). So does one that
    taggit made too long for its column by numbering it ("<100 characters>_1").
    """
    slug = instance.slug or ""
    if URL_SLUG.fullmatch(slug) and len(slug) <= Tag._meta.get_field("slug").max_length:
        return
    digest = hashlib.sha256(instance.name.encode()).hexdigest()[:8]
    instance.slug = f"{slugify(instance.name)[:80] or 'tag'}-{digest}"


class EditorialEvent(models.Model):
    """One step of a story's editorial life, written by `articles.workflow` only."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    action = models.CharField(max_length=30)
    from_status = models.CharField(max_length=20, choices=Article.Status.choices)
    to_status = models.CharField(max_length=20, choices=Article.Status.choices)
    note = models.TextField(blank=True)
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["article", "-at"], name="event_article_timeline")]

    def __str__(self) -> str:
        return f"{self.get_action_display()} by {self.actor or 'someone'}"

    def get_action_display(self) -> str:
        return self.action.replace("_", " ").capitalize()


class ArticleAuthor(models.Model):
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="bylines")
    author = models.ForeignKey(Author, on_delete=models.PROTECT, related_name="bylines")
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = "byline"
        constraints = [
            models.UniqueConstraint(fields=["article", "author"], name="byline_author_once"),
        ]
        indexes = [models.Index(fields=["author", "article"], name="byline_by_author")]

    def __str__(self) -> str:
        return f"{self.author} on {self.article}"


class LegacyURL(models.Model):
    """An old address of a story (its WordPress permalink), answered with a 301 to its page.

    `articles.redirects` looks a path up only when nothing else answered it, for live stories.
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

    def save(self, *args, **kwargs) -> None:
        self.body = clean_html(self.body)
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
