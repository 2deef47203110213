"""Which cached pages a change replaces: the one rule (articles/page_cache.py applies it).

A page is kept with the *keys* of what it shows (`page_cache.depends_on`), and a change
names the keys it touches (`page_cache.record`). A page is replaced when a change touches one
of its keys; every other page stays cached. The keys:

- `story:<id>`: one story as readers see it, on its own page or as a card, a teaser, a feed
  item. Any change to a live story touches it.
- `list:all`, `list:section:<id>`, `list:tag:<id>`, `list:author:<id>`: which live stories a
  list holds and in what order (newest first; the home page's lead first). A change touches
  them only when a story enters or leaves them, or moves in them: it goes live or stops being
  live, changes section, tags, bylines, publication time or lead mark. A list of a section
  holds its child sections' stories too, so the parent's key is touched with the child's.
- `placed:<id>`: where one story stands: touched only when it enters or leaves the lists or
  moves in them (as the lists' keys are), never by an edit. Every page showing the story
  holds it, and holds it at once even in the parts it takes as the site's (the bell, Latest,
  related boxes: `exact`), so a story taken down leaves every page at once.
- `stories:any`: what lists every live story with its last change (sitemaps) or may match any
  of them (search); touched by every change to a live story.
- `*`: everything. Sections (the menus on every page), authors (every card of theirs), tags'
  names, standing pages, the site's settings and the allowed embed hosts change rarely and
  show on many pages, so a change to one of them replaces every page.

Only what readers can see counts: drafts, stories in review and scheduled stories show on no
reader page, so saving one touches nothing (a scheduled story is touched when its time
comes, by the page cache itself).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

EVERYTHING = "*"
ANY_STORY = "stories:any"
ALL_STORIES = "list:all"


def story(pk) -> str:
    return f"story:{pk}"


def placed(pk) -> str:
    return f"placed:{pk}"


def exact(keys: Iterable[str]) -> set[str]:
    """Of `keys` a page takes as the site's (soft: see articles/page_cache.py), those it
    must still take at once: where each story stands, so that a story taken down leaves
    every page at once, its site-wide boxes included."""
    return {key for key in keys if key.startswith("placed:")}


def section_list(pk) -> str:
    return f"list:section:{pk}"


def tag_list(pk) -> str:
    return f"list:tag:{pk}"


def author_list(pk) -> str:
    return f"list:author:{pk}"


def stories(items: Iterable) -> list[str]:
    """The keys of the stories a page shows (cards, teasers, feed items); None skipped."""
    return [key for item in items if item is not None for key in (story(item.pk), placed(item.pk))]


@dataclass(frozen=True)
class Placing:
    """Where a story stands in the lists readers see, as far as its own row says."""

    live: bool
    section_id: int | None
    published_at: object  # a datetime, compared only for equality
    is_lead: bool

    @classmethod
    def of(cls, article) -> Placing:
        return cls(
            live=article.is_live,  # the model's own reading of `Article.objects.live()`
            section_id=article.section_id,
            published_at=article.published_at,
            is_lead=article.is_lead,
        )


def lists_of(section_ids: Iterable[int], tag_ids: Iterable[int], author_ids: Iterable[int]):
    """Every list a story with these sections (a section and its parent), tags and bylines
    belongs to."""
    return {
        ALL_STORIES,
        *(section_list(pk) for pk in section_ids if pk is not None),
        *(tag_list(pk) for pk in tag_ids),
        *(author_list(pk) for pk in author_ids),
    }


def story_saved(pk, before: Placing | None, after: Placing, lists) -> set[str]:
    """What saving a story touches. `before` is its placing before the save (None for a new
    story); `lists()` gives the lists the story belongs to, asked only if it moved."""
    was_live = before is not None and before.live
    if not (was_live or after.live):
        return set()
    keys = {story(pk), ANY_STORY}
    if before != after:
        keys |= {placed(pk), *lists()}
    return keys


def deleted(pk, lists) -> set[str]:
    """What deleting a live story touches: the story, where it stood and every list of it."""
    return {story(pk), placed(pk), ANY_STORY, *lists}


def part_changed(pk, live: bool, list_key: str) -> set[str]:
    """What a byline or a tagging added to or taken from a story touches: it moves the
    story into or out of an author's or a tag's list."""
    return {story(pk), placed(pk), ANY_STORY, list_key} if live else set()


def went_live(pks: Iterable[int], lists) -> set[str]:
    """What scheduled stories reaching their time touch: each story and every list of it."""
    keys: set[str] = set()
    for pk in pks:
        keys |= {story(pk), placed(pk), ANY_STORY, *lists(pk)}
    return keys
