"""Story cards and teasers: each rendered once per story and kept until the story changes.

A list page the page cache misses (after a change, or never asked for) is mostly cards of
stories that did not change; they come from the cache in one round trip
(`page_cache.fragments`), and only the changed or new ones are rendered. A card shows only
what is the same for every reader (the save button is filled in by the browser), so one copy
serves every page that shows the story the same way.
"""

from __future__ import annotations

from django.db.models import prefetch_related_objects
from django.template.loader import get_template
from django.utils.safestring import SafeString, mark_safe

from . import page_cache
from .querysets import byline_prefetch

TEMPLATES = {"card": "includes/article_card.html", "thumb": "includes/story_thumb.html"}


def render(kind: str, stories, **options) -> SafeString:
    """The `kind` part of each story, in order, with the template's `options`."""
    if hasattr(stories, "pk"):  # one story: the home page's lead
        stories = [stories]
    # Each part is a template's output, escaped where it had to be.
    return mark_safe("".join(parts(kind, stories, **options)))


def parts(kind: str, stories, **options) -> list[str]:
    """The `kind` part of each story (None left out), one by one."""
    template = get_template(TEMPLATES[kind])
    stories = [story for story in stories if story is not None]
    variant = kind + "".join(f":{name}={options[name]}" for name in sorted(options))
    return page_cache.fragments(
        variant,
        stories,
        lambda story: template.render({"article": story, **options}),
        # Only the cards rendered need their bylines (none when all come from the cache).
        prepare=with_bylines if kind == "card" else None,
    )


def with_bylines(stories: list) -> None:
    """The bylines of `stories` (None left out), in one query. A page with several lists of
    cards fetches them for all at once; otherwise each list fetches those of its cards
    that are rendered, none when they all come from the cache."""
    prefetch_related_objects([story for story in stories if story], byline_prefetch())
