"""Where a story is filed: sections, and the tags it carries (taggit, with our slugs)."""

import hashlib
import re

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.signals import pre_save
from django.dispatch import receiver
from django.urls import reverse
from django.utils.text import slugify
from taggit.models import Tag, TaggedItemBase


def tag_string(names) -> str:
    """Tag names as the admin's tag field writes them (taggit's `parse_tags` reads them back)."""
    return ", ".join(sorted(f'"{name}"' if "," in name or " " in name else name for name in names))


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


class TaggedArticle(TaggedItemBase):
    content_object = models.ForeignKey(
        "Article", on_delete=models.CASCADE, related_name="tagged_items"
    )

    class Meta:
        verbose_name = "article tag"
        constraints = [
            models.UniqueConstraint(fields=["content_object", "tag"], name="tagged_article_once")
        ]


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
