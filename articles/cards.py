"""Story cards and teasers: each rendered once per story and kept until the story changes.

A list page the page cache misses (after a change, or never asked for) is mostly cards of
stories that did not change; they come from the cache in one round trip
(`page_cache.fragments`), and only the changed or new ones are rendered. A card shows only
what is the same for every reader (the save button is filled in by the browser), so one copy
serves every page that shows the story the same way.
"""

from __future__ import annotations

from django.template.loader import get_template
from django.utils.safestring import SafeString, mark_safe

from . import page_cache

TEMPLATES = {"card": "includes/article_card.html", "thumb": "includes/story_thumb.html"}


def render(kind: str, stories, **options) -> SafeString:
    """The `kind` part of each story, in order, with the template's `options`."""
    template = get_template(TEMPLATES[kind])
    if hasattr(stories, "pk"):  # one story: the home page's lead
        stories = [stories]
    stories = [story for story in stories if story is not None]
    variant = kind + "".join(f":{name}={options[name]}" for name in sorted(options))
    parts = page_cache.fragments(
        variant, stories, lambda story: template.render({"article": story, **options})
    )
    # Each part is a template's output, escaped where it had to be.
    return mark_safe("".join(parts))
