"""The media library: every picture once, with what readers are told about it.

A story's featured image and the pictures inside its body are entries of this library
(`articles/library/` holds the rules; `articles/admin/library.py` the admin).
"""

from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone

from ..library import featured
from ..uploads import UploadedImageField

CENTRE = 0.5


class PictureQuerySet(models.QuerySet):
    def matching(self, words: str):
        """Pictures whose alt text, caption or credit hold every word of `words`."""
        queryset = self
        for word in words.split()[:8]:
            queryset = queryset.filter(
                Q(alt__icontains=word) | Q(caption__icontains=word) | Q(credit__icontains=word)
            )
        return queryset


class Picture(models.Model):
    """One picture of the library: its file, alt text, caption, credit and focal point."""

    image = UploadedImageField(
        upload_to="library/%Y/%m/",
        width_field="width",
        height_field="height",
        max_length=255,
        unique=True,
        help_text="JPEG, PNG, WebP or GIF. Camera data (place, time, device) is removed.",
    )
    width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    alt = models.CharField(
        "alt text",
        max_length=250,
        help_text="Describe the picture for readers who cannot see it.",
    )
    caption = models.CharField(
        max_length=300,
        blank=True,
        help_text="Shown under the picture unless a story gives its own.",
    )
    credit = models.CharField(max_length=150, blank=True, help_text="Who took or made it.")
    focus_x = models.FloatField(
        "focal point, across",
        default=CENTRE,
        help_text="Where the subject is, from 0 (left edge) to 1 (right edge). Crops keep it in.",
    )
    focus_y = models.FloatField(
        "focal point, down",
        default=CENTRE,
        help_text="Where the subject is, from 0 (top) to 1 (bottom). Crops keep it in.",
    )
    sizes = models.JSONField(
        default=list,
        blank=True,
        editable=False,
        help_text="Widths of the smaller copies made so far.",
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField("uploaded", default=timezone.now, editable=False)

    objects = PictureQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "library picture"
        constraints = [
            models.CheckConstraint(
                condition=Q(focus_x__gte=0, focus_x__lte=1, focus_y__gte=0, focus_y__lte=1),
                name="picture_focus_inside",
            ),
        ]
        indexes = [models.Index(fields=["-created_at", "-id"], name="picture_newest")]

    def __str__(self) -> str:
        text = self.alt or self.caption or self.image.name.rsplit("/", 1)[-1]
        return f"#{self.pk} {text[:80]}" if self.pk else text[:80]

    def save(self, *args, **kwargs) -> None:
        focus_moved = (
            self.pk is not None
            and self._loaded
            and (
                (self._loaded.get("focus_x"), self._loaded.get("focus_y"))
                != (self.focus_x, self.focus_y)
            )
        )
        if self._saved_image is not None and self.image.name != self._saved_image:
            self.sizes = []  # the copies were the last file's
        with transaction.atomic():
            super().save(*args, **kwargs)
            if focus_moved:
                featured.follow_focus(self)
        self._loaded = {"focus_x": self.focus_x, "focus_y": self.focus_y}
        if self.image and self.image.name != self._saved_image:
            self._saved_image = self.image.name
            if self.queue_renditions and not self.sizes:
                featured.queue_renditions(self)

    @classmethod
    def from_db(cls, db, field_names, values):
        picture = super().from_db(db, field_names, values)
        picture._loaded = {k: picture.__dict__.get(k) for k in ("focus_x", "focus_y")}
        image = picture.__dict__.get("image")
        picture._saved_image = getattr(image, "name", image)
        return picture

    _loaded: dict = {}
    _saved_image = None
    # Set by articles.library.featured when a story's own save makes the copies.
    queue_renditions = True

    @property
    def focus_class(self) -> str:
        """CSS classes placing a cropped copy's focal point (site.css, "Library pictures")."""
        return focus_class(self.focus_x, self.focus_y)


def focus_class(x: float | None, y: float | None) -> str:
    """`focus-x-N focus-y-M`, the focal point in 5 % steps; "" for the centre."""
    x = CENTRE if x is None else x
    y = CENTRE if y is None else y
    if (x, y) == (CENTRE, CENTRE):
        return ""
    step = lambda value: round(min(max(value, 0.0), 1.0) * 20) * 5  # noqa: E731
    return f"focus-x-{step(x)} focus-y-{step(y)}"
