"""RSS 2.0 and Atom feeds of live stories: the whole site, and each section, tag and author.

Built on Django's syndication framework. Every item carries the summary, the full cleaned
body (its relative links made absolute), every byline, the section and tags as categories,
both dates, the featured image as an enclosure, and an id no edit changes (a tag: URI, not
the story's address). Feeds are cached like reader pages (`public_page`) and dated by the
last content change (`last_modified`), never by their newest item.
"""

from __future__ import annotations

import hashlib
import mimetypes
import re
from html import escape
from urllib.parse import urljoin, urlsplit

import lxml.html
from django.contrib.syndication.views import Feed
from django.core.cache import cache
from django.http.request import split_domain_port
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed, rfc3339_date
from taggit.models import Tag

from . import invalidation, page_cache
from .body import feed_html
from .images import rendition_name
from .last_modified import last_change_dated
from .library import render as library
from .models import Article, Author, Section, SiteSettings
from .views import public_page

FEED_ITEMS = 30
FEED_LANGUAGE = "en-in"
# A stored file's size never changes under the same name (a new upload gets a new name), so
# it is remembered rather than asked of the storage (a request each, on S3) for every feed.
FILE_SIZE_TTL = 7 * 24 * 60 * 60
# The date in each story's tag: URI (RFC 4151): one on which the site held its host name.
# Fixed, so that an item's id never changes, whatever happens to the story.
TAG_DATE = "2026"

_XML_INVALID = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _xml_text(value):
    """`value` without the control characters XML 1.0 cannot carry, strings in lists too."""
    if isinstance(value, str):
        return _XML_INVALID.sub("", value)
    if isinstance(value, list | tuple):
        return [_xml_text(v) for v in value]
    return value


class _XmlSafeItems:
    """Drop stray control characters (a headline pasted from a word processor can hold one)
    instead of failing the whole feed, as Django's XML writer would."""

    def add_item(self, **kwargs) -> None:
        super().add_item(**{key: _xml_text(value) for key, value in kwargs.items()})


class NewsroomRssFeed(_XmlSafeItems, Rss201rev2Feed):
    """RSS 2.0 with the full story in `content:encoded`, one `dc:creator` per byline and
    the last update in `dcterms:modified`."""

    def rss_attributes(self) -> dict[str, str]:
        return {
            **super().rss_attributes(),
            "xmlns:content": "http://purl.org/rss/1.0/modules/content/",
            "xmlns:dc": "http://purl.org/dc/elements/1.1/",
            "xmlns:dcterms": "http://purl.org/dc/terms/",
        }

    def add_item_elements(self, handler, item) -> None:
        super().add_item_elements(handler, item)
        for name in item["authors"]:
            handler.addQuickElement("dc:creator", name)
        if item["updateddate"] is not None:
            # RSS 2.0 has no "updated"; Dublin Core's `modified` is what readers look for.
            handler.addQuickElement("dcterms:modified", rfc3339_date(item["updateddate"]))
        handler.addQuickElement("content:encoded", item["content"])


class NewsroomAtomFeed(_XmlSafeItems, Atom1Feed):
    """Atom 1.0 with the full story in `<content type="html">` and one author per byline."""

    def add_item_elements(self, handler, item) -> None:
        super().add_item_elements(handler, item)
        for name in item["authors"]:
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            handler.endElement("author")
        handler.addQuickElement("content", item["content"], {"type": "html"})


def enclosure_file(article: Article) -> tuple[str, str] | None:
    """(storage name, MIME type) of the featured image a feed attaches, or None.

    The largest JPEG rendition when there is one (every reader can show it, and it is far
    lighter than a camera original), else the original upload.
    """
    image = article.featured_image
    if not image:
        return None
    if article.featured_image_sizes:
        width = max(article.featured_image_sizes)
        return rendition_name(image.name, width, "jpg"), "image/jpeg"
    return image.name, mimetypes.guess_type(image.name)[0] or "application/octet-stream"


def _size_key(name: str) -> str:
    return "articles:file-size:" + hashlib.sha256(name.encode()).hexdigest()


def attach_enclosures(articles: list[Article]) -> None:
    """Set `feed_enclosure` on each story: its image's Enclosure (real length), or None.

    Sizes come from the cache in one round trip; only new files are asked of the storage.
    A file missing from the storage gives no enclosure rather than a made-up length.
    """
    files = {article.pk: enclosure_file(article) for article in articles}
    keys = {name: _size_key(name) for name, _ in filter(None, files.values())}
    sizes = cache.get_many(keys.values())
    found = {}
    for article in articles:
        article.feed_enclosure = None
        if files[article.pk] is None:
            continue
        name, mime_type = files[article.pk]
        storage = article.featured_image.storage
        size = sizes.get(keys[name])
        if size is None:
            try:
                size = storage.size(name)
            except OSError:
                continue
            found[keys[name]] = size
        article.feed_enclosure = Enclosure(
            url=storage.url(name), length=str(size), mime_type=mime_type
        )
    if found:
        cache.set_many(found, timeout=FILE_SIZE_TTL)


def absolute_links(body: str, base: str) -> str:
    """`body` with relative `href`s and `src`s made absolute against `base`, the rest as it was.

    A feed reader shows the body away from the story's page, where `/media/...` leads
    nowhere. Fragments (`#notes`) and addresses with a scheme (https:, mailto:, tel:) stay.
    """
    if not body:
        return body
    root = lxml.html.fragment_fromstring(body, create_parent="div")
    changed = False
    for element in root.iter("a", "img"):
        attribute = "href" if element.tag == "a" else "src"
        url = (element.get(attribute) or "").strip()
        if not url or url.startswith("#"):
            continue
        try:
            if urlsplit(url).scheme:
                continue
            element.set(attribute, urljoin(base, url))
        except ValueError:  # not a URL at all (`//[`): a browser would not follow it either
            continue
        changed = True
    if not changed:
        return body
    return lxml.html.tostring(root, encoding="unicode")[len("<div>") : -len("</div>")]


def story_id(host: str, article_id: int | str) -> str:
    """The feed id of a story: a tag: URI that no edit (slug, headline, dates) changes."""
    return f"tag:{host},{TAG_DATE}:article:{article_id}"


@public_page
@last_change_dated
class StoryFeed(Feed):
    """The site's RSS feed: its newest live stories. Subclasses narrow `stories()`."""

    feed_type = NewsroomRssFeed
    language = FEED_LANGUAGE
    # The guid is an id, not the story's address, which changes with its slug.
    item_guid_is_permalink = False

    # The syndication framework calls the feed object; `public_page` decorates `dispatch`,
    # as on the reader pages' views, so route the call through one.
    def __call__(self, request, *args, **kwargs):
        return self.dispatch(request, *args, **kwargs)

    def dispatch(self, request, *args, **kwargs):
        return super().__call__(request, *args, **kwargs)

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        host = split_domain_port(request.get_host())[0]
        # Library pictures inside the bodies, all the feed's in one query (docs/rich-bodies.md).
        shown = (library.picture_ids(item["content"]) for item in feed.items)
        pictures = library.load(set().union(*shown))
        # Storages give media URLs without a host (FileSystemStorage) but feeds need full ones.
        for item in feed.items:
            item["content"] = library.render_pictures(
                item["content"], absolute=True, pictures=pictures, base_url=item["link"]
            )
            for enclosure in item["enclosures"]:
                enclosure.url = request.build_absolute_uri(enclosure.url)
            item["content"] = absolute_links(item["content"], base=item["link"])
            item["unique_id"] = story_id(host, item["unique_id"])
        if issubclass(self.feed_type, Rss201rev2Feed):
            # As for item titles: RSS readers may show the channel's text as HTML, and names
            # and bios are typed by staff, so they go in as escaped text (Atom's are text).
            for field in ("title", "description"):
                feed.feed[field] = escape(feed.feed[field], quote=False)
        return feed

    def stories(self, obj):
        return Article.objects.live()

    def list_key(self, obj) -> str:
        """The list the feed draws from (articles/invalidation.py)."""
        return invalidation.ALL_STORIES

    def items(self, obj) -> list[Article]:
        articles = list(self.stories(obj).for_detail().newest_first()[:FEED_ITEMS])
        page_cache.depends_on_stories(articles, self.list_key(obj))
        attach_enclosures(articles)
        return articles

    # The feed.

    def title(self, obj) -> str:
        return SiteSettings.current().site_name

    def link(self, obj) -> str:
        return reverse("articles:home")

    def description(self, obj) -> str:
        site = SiteSettings.current()
        return site.tagline or f"The latest stories from {site.site_name}."

    def author_name(self, obj) -> str:
        # Atom wants an author for the feed when an entry has none (RSS ignores it).
        return SiteSettings.current().publisher

    # Each story.

    def item_title(self, item: Article) -> str:
        # Many RSS readers render titles as HTML, so the headline goes in HTML-escaped, as
        # Django does by default (ticket #6533): it is text, never markup. Quotes stay as
        # they are (harmless in text), so "India's" reads right in readers that show text.
        return escape(item.headline, quote=False)

    def item_description(self, item: Article) -> str:
        # <description> and Atom's <summary type="html"> hold HTML; the summary is plain text.
        return escape(item.summary, quote=False)

    def item_guid(self, item: Article) -> str:
        # Made a tag: URI in get_feed, which has the request and so the site's host name.
        return str(item.pk)

    def item_updateddate(self, item: Article):
        return item.last_updated

    def item_pubdate(self, item: Article):
        return item.published_at

    def item_categories(self, item: Article) -> list[str]:
        names = [item.section.name, *(tag.name for tag in item.tags.all())]
        return list(dict.fromkeys(names))

    def item_enclosures(self, item: Article) -> list[Enclosure]:
        return [item.feed_enclosure] if item.feed_enclosure else []

    def item_extra_kwargs(self, item: Article) -> dict:
        # The body was cleaned by articles.sanitize when it was saved; the XML writer
        # escapes it, and readers unescape it back to that HTML.
        return {
            "authors": [author.name for author in item.byline_authors],
            # Embeds as links to the originals: a feed reader loads no player.
            "content": feed_html(item.body),
        }


class AtomMixin:
    """The same feed in Atom 1.0."""

    feed_type = NewsroomAtomFeed

    def subtitle(self, obj) -> str:
        return self.description(obj)

    def item_title(self, item: Article) -> str:
        # Atom's <title> is type="text": readers show it as text, so no HTML escaping.
        return item.headline


class SectionFeed(StoryFeed):
    """A section's newest live stories, its child sections' included."""

    def get_object(self, request, slug: str) -> Section:
        return Section.objects.get(slug=slug)

    def stories(self, obj: Section):
        return Article.objects.live().in_section(obj)

    def list_key(self, obj: Section) -> str:
        return invalidation.section_list(obj.pk)

    def title(self, obj: Section) -> str:
        return f"{obj.name} — {SiteSettings.current().site_name}"

    def link(self, obj: Section) -> str:
        return obj.get_absolute_url()

    def description(self, obj: Section) -> str:
        site_name = SiteSettings.current().site_name
        return obj.description or f"The latest {obj.name} stories from {site_name}."


class TagFeed(StoryFeed):
    """The newest live stories with a tag."""

    def get_object(self, request, slug: str) -> Tag:
        return Tag.objects.get(slug=slug)

    def stories(self, obj: Tag):
        return Article.objects.live().tagged(obj)

    def list_key(self, obj: Tag) -> str:
        return invalidation.tag_list(obj.pk)

    def title(self, obj: Tag) -> str:
        return f"{obj.name} — {SiteSettings.current().site_name}"

    def link(self, obj: Tag) -> str:
        return reverse("articles:tag", kwargs={"slug": obj.slug})

    def description(self, obj: Tag) -> str:
        return f"Stories tagged “{obj.name}” from {SiteSettings.current().site_name}."


class AuthorFeed(StoryFeed):
    """The newest live stories with an author's byline."""

    def get_object(self, request, slug: str) -> Author:
        return Author.objects.get(slug=slug)

    def stories(self, obj: Author):
        return Article.objects.live().by_author(obj)

    def list_key(self, obj: Author) -> str:
        return invalidation.author_list(obj.pk)

    def title(self, obj: Author) -> str:
        return f"{obj.name} — {SiteSettings.current().site_name}"

    def link(self, obj: Author) -> str:
        return obj.get_absolute_url()

    def description(self, obj: Author) -> str:
        site_name = SiteSettings.current().site_name
        return obj.bio or f"Stories by {obj.name} from {site_name}."


class StoryAtomFeed(AtomMixin, StoryFeed):
    pass


class SectionAtomFeed(AtomMixin, SectionFeed):
    pass


class TagAtomFeed(AtomMixin, TagFeed):
    pass


class AuthorAtomFeed(AtomMixin, AuthorFeed):
    pass
