"""WordPress categories as our sections, which nest one level deep.

A post's primary category is its section (the one an SEO plugin marked, else the first
listed); its other categories become tags, so no grouping is lost. A top-level category
is a top-level section; every other category becomes a child of its top-level ancestor
(a grandchild such as Cities > Pune > Kothrud is filed as Cities > Kothrud), so no story
loses its category. A section that already exists with the same
slug is used as it is: editors may have named and placed it already.
"""

from __future__ import annotations

from ..models import Section
from . import wxr
from .content import ascii_slug, plain_text, stable_suffix
from .report import Report

UNCATEGORIZED = "uncategorized"
# Where SEO plugins record a post's primary category (a term id).
PRIMARY_KEYS = ("_yoast_wpseo_primary_category", "rank_math_primary_category")
SLUG_MAX = Section._meta.get_field("slug").max_length
NAME_MAX = Section._meta.get_field("name").max_length


class Sections:
    """The section of each post, making the sections its categories need on the way."""

    def __init__(self, categories: dict[str, wxr.Category], *, default: str, report: Report):
        self.categories = categories
        self.default_slug = default
        self.report = report
        self.made: dict[str, Section] = {}  # by category nicename (or the default's slug)
        self.by_term_id = {c.term_id: c.nicename for c in categories.values() if c.term_id}

    def for_item(self, item: wxr.Item) -> tuple[Section, list[str]]:
        """The post's section, and the names of its other categories (they become tags).

        The section is the primary category an SEO plugin recorded (Yoast's, or Rank
        Math's), else the first listed; uncategorized posts go to the default section.
        """
        categories = [
            (nicename, name)
            for nicename, name in item.categories
            if nicename and nicename.lower() != UNCATEGORIZED
        ]
        if not categories:
            return self.default(), []
        primary = self.primary(item, categories) or categories[0]
        others = [
            plain_text(self.categories[n].name if n in self.categories else name) or n
            for n, name in categories
            if n != primary[0]
        ]
        return self.for_category(*primary), others

    def primary(self, item: wxr.Item, categories: list[tuple[str, str]]):
        term = next((item.meta[key] for key in PRIMARY_KEYS if item.meta.get(key)), "")
        if not term:
            return None
        by_term = self.by_term_id.get(term)
        return next((c for c in categories if c[0] == by_term), None)

    def default(self) -> Section:
        slug = self.default_slug
        if slug not in self.made:
            self.made[slug] = self._get_or_create(slug, slug.replace("-", " ").title(), None)
        return self.made[slug]

    def for_category(self, nicename: str, name: str = "") -> Section:
        if nicename not in self.made:
            category = self.categories.get(nicename)
            name = plain_text(category.name if category else name) or nicename
            top = self.top_ancestor(nicename)
            parent = self.for_category(top) if top != nicename else None
            slug = section_slug(nicename)
            self.made[nicename] = self._get_or_create(slug, name[:NAME_MAX], parent)
        return self.made[nicename]

    def top_ancestor(self, nicename: str) -> str:
        """The nicename of the category's top-level ancestor (its own if it is on top)."""
        seen = {nicename}
        category = self.categories.get(nicename)
        while category and category.parent in self.categories:
            if category.parent in seen:  # a loop in the export: stop where it closes
                break
            seen.add(category.parent)
            nicename, category = category.parent, self.categories[category.parent]
        return nicename

    def _get_or_create(self, slug: str, name: str, parent: Section | None) -> Section:
        section = Section.objects.filter(slug=slug).first()
        if section is None:
            section = Section.objects.create(slug=slug, name=name, parent=parent)
            self.report.sections_created += 1
        else:
            self.report.sections_reused += 1
        return section


def section_slug(nicename: str) -> str:
    """The slug of the section a category becomes, from its nicename as WordPress writes it
    (`articles.redirects` finds the section of a `/category/…/` address by it too)."""
    fallback = f"category-{stable_suffix(nicename)}"
    return ascii_slug(nicename, max_length=SLUG_MAX, fallback=fallback)
