"""The story itself: its fields and state, its bylines and its editorial timeline."""

import math

from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.db.models.signals import m2m_changed
from django.dispatch import Signal, receiver
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords
from taggit.managers import TaggableManager

from ..images import ensure_renditions
from ..library import featured
from ..querysets import ArticleQuerySet
from ..sanitize import html_to_text, sanitize_body
from ..slugs import validate_slug
from ..uploads import UploadedImageField
from .authors import Author
from .library import focus_class
from .taxonomy import Section, TaggedArticle, tag_string

WORDS_PER_MINUTE = 200

# Sent when a story's image sizes are recorded, which happens after its save, by an update.
renditions_recorded = Signal()


def reading_minutes(text: str) -> int:
    """Minutes an average reader needs for `text`: ceil(words / 200), at least 1."""
    return max(1, math.ceil(len(text.split()) / WORDS_PER_MINUTE))


class StorySlugField(models.SlugField):
    """A slug in any script, Indian scripts' vowel signs included (articles.slugs): Django's
    unicode slugs (`\\w` only) would refuse "हिंदी"."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # SlugField put Django's slug check first in the (already built) list: ours instead.
        self.default_validators = [validate_slug]
        self.validators[0] = validate_slug

    def formfield(self, **kwargs):
        return models.CharField.formfield(self, **{"validators": [validate_slug], **kwargs})


class Article(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        IN_REVIEW = "in_review", "In review"
        CHANGES_REQUESTED = "changes_requested", "Changes requested"
        PUBLISHED = "published", "Published"
        ARCHIVED = "archived", "Archived"

    headline = models.CharField(max_length=200)
    slug = StorySlugField(
        max_length=200,
        unique=True,
        allow_unicode=True,
        help_text="The story's web address (any script); keep it once published.",
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
    # The featured image is a picture of the library (reused by other stories and bodies),
    # and the story keeps a copy of what its cards need of it: the file's name, size,
    # renditions' widths and focal point above and below. Cards, lists, feeds and the
    # article page then read the story's own row, with no join and no query more, and a
    # listing's query stays on its index. articles.library.featured keeps the copy in step
    # (on the story's save, and when the picture's focal point or renditions change). Alt
    # text, caption and credit are the story's own, filled from the library when a picture
    # is chosen: the story form edits and merges them (articles.merge).
    featured_picture = models.ForeignKey(
        "Picture",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="featured_in",
        verbose_name="from the library",
        help_text="Choose a picture of the media library, or upload a new one below.",
    )
    featured_image_focus_x = models.FloatField(default=0.5, editable=False)
    featured_image_focus_y = models.FloatField(default=0.5, editable=False)
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
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_articles",
        limit_choices_to={"is_staff": True, "is_active": True},
        help_text="Who works on the story next; it shows on their dashboard.",
    )
    deadline = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When the story is due; past it, the story shows as overdue.",
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
    wordpress_digest = models.CharField(
        max_length=40,
        blank=True,
        editable=False,
        help_text="A digest of the WordPress post as last imported: a rerun skips it unchanged.",
    )
    wordpress_synced_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="The story's modified time as the last import left it (later: edited here).",
    )

    objects = ArticleQuerySet.as_manager()
    # Every save keeps a revision of the content and state; derived and bookkeeping fields
    # are left out. The admin's revisions page compares and restores them.
    history = HistoricalRecords(
        excluded_fields=[
            "featured_image_width",
            "featured_image_height",
            "featured_image_sizes",
            # The picture follows the file's name, which is kept: restoring a revision finds
            # the picture again by it (articles.library.featured.settle).
            "featured_picture",
            "featured_image_focus_x",
            "featured_image_focus_y",
            "body_text",
            "reading_minutes",
            "first_published_at",
            "updated_at",
            "created_at",
            "modified_at",
            "created_by",
            "last_edited_by",
            "wordpress_id",
            "wordpress_digest",
            "wordpress_synced_at",
            # Set by articles.assignments, which records each change on the timeline.
            "assignee",
            "deadline",
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
            # The dashboard's "Assigned to me" and "Overdue", and the list's deadline filter.
            models.Index(fields=["assignee", "deadline"], name="article_assignee_deadline"),
            models.Index(fields=["deadline"], name="article_deadline"),
            # The admin's list: newest first (drafts, with no time yet, at the top, as
            # PostgreSQL sorts NULL first going down; trashed_at for the trash filter, read
            # from the index), and its two other sortable columns, so a page of 100 reads
            # 100 index entries, not the whole table sorted. The story's starter and assignee
            # close the order's index: a list of the stories of someone who owns many (a
            # writer's list, "Mine") then walks the order in the index alone, reading a
            # story's row only for the page shown (ArticleQuerySet.owned_by).
            models.Index(
                fields=["-published_at", "-id", "trashed_at", "created_by", "assignee"],
                name="article_admin_order",
            ),
            models.Index(fields=["headline", "-id"], name="article_admin_headline"),
            models.Index(fields=["-modified_at", "-id"], name="article_admin_modified"),
        ]

    def __str__(self) -> str:
        return self.headline

    def save(self, *args, **kwargs) -> None:
        update_fields = kwargs.get("update_fields")
        # A save that does not write the body (a workflow step) leaves it as stored.
        if update_fields is None or "body" in update_fields:
            self.clean_body()
        if update_fields is not None and "body" in update_fields:
            kwargs["update_fields"] = {*update_fields, "body_text", "reading_minutes"}
        if self.featured_image.name != self._saved_image:
            # The widths were those of the last picture's copies, which this one does not have.
            self.featured_image_sizes = []
        settles = featured.needs_settling(self, update_fields)
        left = self._public_slug_left(update_fields)
        if left is None and not settles:
            super().save(*args, **kwargs)
        else:
            with transaction.atomic():
                if settles:
                    # The picture of the library this image is (made for a new upload).
                    featured.settle(self)
                    if update_fields is not None:
                        kwargs["update_fields"] = {*kwargs["update_fields"], *featured.COPIED}
                super().save(*args, **kwargs)
                if left is not None:
                    self._keep_old_address(left)
        self._saved_picture = self.featured_picture_id
        # After the save, because an uploaded file only reaches the storage during it.
        image_changed = self.featured_image.name != self._saved_image
        if image_changed or (self.featured_image and not self.featured_image_sizes):
            self._saved_image = self.featured_image.name
            if self.featured_image and not self.featured_image_sizes:
                self._queue_renditions()

    def get_absolute_url(self) -> str:
        return reverse("articles:detail", kwargs={"slug": self.slug})

    def _public_slug_left(self, update_fields) -> str | None:
        """The slug this save replaces, if readers may have seen the story at it."""
        if self.pk is None or (update_fields is not None and "slug" not in update_fields):
            return None
        stored = (
            Article.objects.filter(pk=self.pk)
            .values_list("slug", "status", "first_published_at")
            .first()
        )
        if stored is None or stored[0] == self.slug:
            return None
        slug, status, first_published_at = stored
        # Published (live or scheduled), or once was: a draft's address was never public.
        was_public = status == self.Status.PUBLISHED or first_published_at is not None
        return slug if was_public else None

    def _keep_old_address(self, old_slug: str) -> None:
        """Answer the address at `old_slug` with a 301 here; forget the one being taken back.

        The one place a story's own old addresses are recorded: every writer (admin, merge,
        revision restore, WordPress import) saves through here.
        """
        # Both modules import this one.
        from ..redirects import legacy_path
        from .site import LegacyURL

        old = legacy_path(reverse("articles:detail", kwargs={"slug": old_slug}))
        # The address's newest holder wins: another story may have had it before us.
        LegacyURL.objects.update_or_create(path=old, defaults={"article": self})
        # Renamed back to an old slug: that row would point the page at itself.
        self.legacy_urls.filter(path=legacy_path(self.get_absolute_url())).delete()

    @classmethod
    def from_db(cls, db, field_names, values):
        article = super().from_db(db, field_names, values)
        image = article.__dict__.get("featured_image")
        article._saved_image = getattr(image, "name", image)
        article._saved_picture = article.__dict__.get("featured_picture_id")
        return article

    _saved_image = None  # the featured image's name as loaded, to notice a new upload
    _saved_picture = None  # the library picture's id as loaded, to notice another choice

    def _queue_renditions(self) -> None:
        """Have the background worker make the picture's smaller copies.

        Queued inside the save's transaction, so the job exists exactly when the story does.
        Until it has run, pages show the picture itself (`{% picture %}` without widths).
        """
        from ..tasks import make_renditions  # tasks imports the models

        job = make_renditions.enqueue(article_id=self.pk, name=self.featured_image.name)
        if job.is_finished:  # run at once (development, tests): this copy learns the widths
            self.refresh_from_db(fields=["featured_image_sizes"])

    def update_renditions(self) -> None:
        """Make the smaller copies of the featured image and record their widths."""
        sizes = ensure_renditions(self.featured_image) if self.featured_image else []
        self._saved_image = self.featured_image.name
        if sizes != self.featured_image_sizes:
            self.featured_image_sizes = sizes
            Article.objects.filter(pk=self.pk).update(featured_image_sizes=sizes)
            # A plain update sends no post_save: say so, for the page cache.
            renditions_recorded.send(sender=Article, instance=self)
        # The library's entry, and the other stories it is the picture of, learn them too.
        featured.record_sizes(self.featured_picture_id, self.featured_image.name, sizes)

    # Set to save a body even though cleaning removes what readers see (listed by removals).
    accept_cleaned_body = False

    def clean_body(self) -> None:
        """Sanitize the body and derive its plain text and reading time.

        Raises BodyWouldLoseContent if cleaning would remove what a reader sees, unless
        `accept_cleaned_body`. `save()` calls this; code that writes rows without `save()`
        (bulk inserts) must too.
        """
        self.body = sanitize_body(self.body, accept_cleaned=self.accept_cleaned_body)
        self.body_text = html_to_text(self.body)
        self.reading_minutes = reading_minutes(self.body_text)

    @property
    def featured_focus_class(self) -> str:
        """CSS classes that keep the featured image's focal point in a card's crop."""
        return focus_class(self.featured_image_focus_x, self.featured_image_focus_y)

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
    scheduled_for = models.DateTimeField(
        null=True, blank=True, help_text="For a scheduling: the time the story was set to go live."
    )

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
