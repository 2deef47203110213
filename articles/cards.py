"""Story cards and teasers: each rendered once per story and kept until the story changes.

A list page the page cache misses (after a change, or never asked for) is mostly cards of
stories that did not change; they come from the cache in one round trip
(`page_cache.fragments`), and only the changed or new ones are rendered. A card shows only
what is the same for every reader (the save button is filled in by the browser), so one copy
serves every page that shows the story the same way.
"""

from __future__ import annotations

import contextvars
from contextlib import contextmanager

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


# The stories of the page being rendered whose cards may need their bylines (`together`).
_page_stories: contextvars.ContextVar[list | None] = contextvars.ContextVar(
    "cards_page_stories", default=None
)


@contextmanager
def together(stories: list):
    """While a page with several lists of cards renders: the first card rendered fetches
    the bylines of every story of the page that has none yet, in one query, not one per
    list; none when every card comes from the cache."""
    reset = _page_stories.set([story for story in stories if story is not None])
    try:
        yield
    finally:
        _page_stories.reset(reset)


def with_bylines(stories: list) -> None:
    """The bylines of `stories`, and of the page's other stories (`together`), in one query;
    stories that have them already are left alone."""
    page = _page_stories.get() or []
    prefetch_related_objects([*stories, *page], byline_prefetch())
