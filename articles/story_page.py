"""A story's page put together from its parts, each kept until what it shows changes.

A story page shows the story itself (its head tags, headline, byline, picture, body, tags and
share links), its related boxes (Read More, You Might Also Like, You also Like) and the
site's Latest box, inside the frame (base.html's fragments). Each is a part of its own
(`page_cache.parts`), with the keys of what it shows:

- the story: the story; an edit to it renders this part again, and only it;
- its related boxes: the stories they show and the lists they draw from (its tags' and
  section's);
- Latest: the site's newest stories, kept one longer than shown so that every story page
  can leave itself out.

The page takes the related boxes' and Latest's keys as the site's, as the bell's in the
header (articles/page_cache.py, soft keys): an edit to a story they show, or a new story
joining them, reaches a page once it is half an hour old, or a newsroom editing and
publishing every few minutes would render most story pages again each time (the newest
stories of a tag sit in the related boxes of most stories sharing it). A story taken down
leaves them at once (`invalidation.exact`), and site.js brings the bell and Latest up to
date in the browser.

The story's and its related boxes' parts are kept by the story's address, so a page whose
parts are all current is put together without a query; if one is not, the story is loaded
once for the parts to render. A preview renders every part afresh (`fresh`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from . import cards, invalidation, page_cache
from .body import embeds_in
from .models import Article, SiteSettings
from .related import related_articles
from .seo import article_json_ld
from .template_blocks import render_block
from .templatetags.newsroom import article_body

TEMPLATES = "articles/story/"
RELATED = {"read_more": 3, "also_like": 5, "you_also_like": 3}  # stories in each box
LATEST_SIDEBAR = 4
# The story part's pieces that are HTML (its head tags escape the story's text in them).
HTML = frozenset({"head", "top", "body_head", "body_tail", "tail"})


@dataclass(frozen=True)
class StoryParts:
    """What a story page shows besides its frame, as HTML ready to be placed."""

    story: dict
    related: dict
    latest: list[tuple[int, str]]

    def context(self) -> dict:
        """The article template's context: the parts that are HTML marked safe (each is a
        template's output, escaped where it had to be); the rest is text, escaped where
        the page shows it."""
        story = {
            name: mark_safe(value) if name in HTML else value for name, value in self.story.items()
        }
        pk = story["pk"]
        latest = [html for story_pk, html in self.latest if story_pk != pk][:LATEST_SIDEBAR]
        return {
            "story": story,
            "related": {name: mark_safe(html) for name, html in self.related.items()},
            "latest": mark_safe("".join(latest)),
            "latest_size": LATEST_SIDEBAR,
        }


def for_reader(request: HttpRequest, slug: str, load: Callable[[], Article]) -> StoryParts:
    """The parts of the live story at `slug`; `load` finds it (or raises Http404) when a
    part has to be rendered."""
    load = functools.cache(load)
    found = page_cache.parts(
        # Its links to itself are full URLs (share links, structured data, og:image).
        page_cache.Part("story", f"{_site(request)}\x1f{slug}", lambda: story(request, load())),
        # The page takes the boxes' keys as the site's (see the docstring).
        page_cache.Part("related", slug, lambda: related(load()), soft=True),
        latest_part(soft=True),
    )
    return StoryParts(found["story"], found["related"], found["latest"])


def latest_part(*, soft: bool) -> page_cache.Part:
    """Latest, one part for the whole site; `soft` on story pages (see the docstring)."""
    return page_cache.Part("latest", "", latest, soft=soft, own=False)


def latest_thumbs(*, soft: bool) -> list[tuple[int, str]]:
    """(story id, teaser) of the site's newest stories, one more than Latest shows."""
    return page_cache.parts(latest_part(soft=soft))["latest"]


def fresh(request: HttpRequest, article: Article) -> StoryParts:
    """Every part rendered from `article` as it is now (previews: any state)."""
    return StoryParts(story(request, article, preview=True), related(article), latest())


def _site(request: HttpRequest) -> str:
    return f"{request.scheme}://{request.get_host()}"


def story(request: HttpRequest, article: Article, *, preview: bool = False) -> dict:
    """The story's own part: its head tags and its page's pieces around the related boxes."""
    page_cache.depends_on_stories([article])
    share_url = request.build_absolute_uri(article.get_absolute_url())
    json_ld = article_json_ld(
        article,
        absolute=request.build_absolute_uri,
        site=SiteSettings.shown(),
    )
    context = {"article": article, "share_url": share_url, "json_ld": json_ld}
    body_head, body_tail = article_body(article)
    image = article.featured_image
    head = {
        "title": article.seo_title or article.headline,
        "description": article.seo_description or article.summary,
        "image_url": request.build_absolute_uri(image.url) if image else "",
        "meta": _render("meta", context),
    }
    return {
        "pk": article.pk,
        # base.html's head tags with the story's (text escaped there, `meta` HTML).
        "head": render_block(
            f"{TEMPLATES}head.html", "head_tags", {"story": head, "preview": preview}, request
        ),
        "top": _render("top", context),
        "body_head": str(body_head),
        "body_tail": str(body_tail),
        "tail": _render("tail", context),
        "embeds": embeds_in(article.body),
    }


def related(article: Article) -> dict:
    """The story's related boxes, by the one rule of articles/related.py."""
    stories = related_articles(article, sum(RELATED.values()))
    boxes, start = {}, 0
    for name, size in RELATED.items():
        boxes[name] = stories[start : start + size]
        start += size
    # The stories they show and the lists they draw from: the story's tags' and section's,
    # which change with where the story stands (not with an edit to its text).
    page_cache.depends_on(invalidation.placed(article.pk))
    page_cache.depends_on_stories(
        stories,
        *(invalidation.tag_list(tag.pk) for tag in article.tags.all()),
        invalidation.section_list(article.section_id),
    )
    return {name: _render(name, {name: boxes[name]}) for name in RELATED}


def latest() -> list[tuple[int, str]]:
    """The site's newest stories as Latest shows them, one more than it shows."""
    stories = list(Article.objects.live().card_fields().newest_first()[: LATEST_SIDEBAR + 1])
    page_cache.depends_on_stories(stories, invalidation.ALL_STORIES)
    thumbs = cards.parts("thumb", stories, label=True)
    return [(story.pk, html) for story, html in zip(stories, thumbs, strict=True)]


def _render(name: str, context: dict) -> SafeString:
    return render_to_string(f"{TEMPLATES}{name}.html", context)
