"""Writing a WordPress export into the newsroom: stories, bylines, sections, tags, old URLs.

Two streaming passes over the file (`wxr`): the first collects the authors, categories and
attachments that posts refer to (attachments may come after the posts that use them); the
second writes the posts in batches, each batch one transaction. Stopping an import (Ctrl-C,
a killed process) keeps the batches already committed, and running it again resumes: each
story records a digest of the post it came from, so a post imported before and unchanged
since costs nothing, and the result is the same as one uninterrupted run.

Nothing in the export stops the import. A post that cannot be taken as it is gets a
documented fix or is skipped (`report.DECISIONS`), and every decision goes to the report
file. A batch's new stories are written together (`batch`), made ready as `save()` makes
them, so every body meets the one sanitizer; changed stories go through `save()`. The page
cache is invalidated once per batch (`page_cache.held`), not once per story.

On a rerun the stories follow their posts: a post no longer published in WordPress is
taken off the site here through the workflow (`workflow.follow_source`), with an editorial
event naming the import; `keep_local_changes` leaves stories edited here since alone.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from django.db import DatabaseError, reset_queries, transaction
from django.db.models import F
from django.utils import timezone
from taggit.models import Tag

from .. import page_cache, workflow
from ..models import Article, ArticleAuthor, LegacyURL, Picture
from ..redirects import ID_FORMS, attachment_id_path, legacy_path, post_id_path
from ..sanitize import clean_html, removals, sanitize_body
from ..slugs import unicode_slug
from . import wxr
from .batch import CHANGE_REASON, NewStories, NewStory, find_tags
from .content import GALLERY_MARK, body_text, convert, plain_text, summary_from
from .media import MediaDir, MediaStore
from .people import People
from .report import ImportFailed, Report
from .sections import Sections

Status = Article.Status

STATUSES = {
    "publish": Status.PUBLISHED,
    "future": Status.PUBLISHED,  # "scheduled": published with a time ahead
    "draft": Status.DRAFT,
    "pending": Status.IN_REVIEW,
    "private": Status.DRAFT,
}
# Statuses whose posts are not imported; a story imported from such a post before is taken
# off the site (its post was trashed in WordPress since).
GONE_STATUSES = {
    "trash": "in WordPress's trash",
    "auto-draft": "an auto-draft WordPress made, never saved by a writer",
    "inherit": "a copy that belongs to another post",
}
NOT_IMPORTED_TYPES = {
    "attachment": "read only as the posts' featured images",
    "revision": "an earlier version of a post: only the current one is imported",
    "page": "pages are not imported (write standing pages in the admin)",
    "nav_menu_item": "menus are not imported (the site's menus come from its sections)",
}
NO_DATE = "0000-00-00 00:00:00"
DATE_FORMAT = "%Y-%m-%d %H:%M:%S"
HEADLINE_MAX = Article._meta.get_field("headline").max_length
SLUG_MAX = Article._meta.get_field("slug").max_length
TAG_MAX = 100  # taggit's Tag.name
ALT_MAX = Picture._meta.get_field("alt").max_length
CAPTION_MAX = Picture._meta.get_field("caption").max_length
UNTITLED_WORDS = 8
ATTACHMENT_PARENTS_AT_ONCE = 500
BATCH_SIZE = 200
# Part of every post's digest: a new version of the importer writes every story once more.
DIGEST_VERSION = "2"
SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([.,;:!?…)])")


class Importer:
    """One import of one export file; `run()` does it and returns the report."""

    def __init__(
        self,
        path: Path | str,
        *,
        media_dir: Path | None = None,
        default_section: str = "news",
        dry_run: bool = False,
        keep_local_changes: bool = False,
        report_path: Path | None = None,
        batch_size: int = BATCH_SIZE,
        progress: Callable[[str, int, int], None] | None = None,
    ):
        self.path = Path(path)
        self.media = MediaDir(media_dir)
        storage = Article._meta.get_field("featured_image").storage
        self.store = MediaStore(storage, dry_run=dry_run)
        self.default_section = default_section
        self.dry_run = dry_run
        self.keep_local_changes = keep_local_changes
        self.report_path = Path(report_path) if report_path else None
        self.batch_size = max(1, batch_size)
        self.progress = progress or (lambda phase, done, total: None)
        self.report = Report(source=self.path.name, dry_run=dry_run, path=self.report_path)
        self.site = wxr.Site()
        self.new: NewStories | None = None  # the batch's new stories, if written together
        self.forget()

    def forget(self) -> None:
        """Drop what was looked up or made so far (after a rollback it may no longer exist)."""
        self.sections = Sections(
            self.site.categories, default=self.default_section, report=self.report
        )
        self.people = People(self.site.authors, self.report)
        self.tags: dict[str, Tag] = {}  # by lower-cased name (find_tags)

    def run(self) -> Report:
        """Import the file batch by batch (each rolled back for a dry run)."""
        try:
            self.site = wxr.read_site(
                self.path, progress=lambda done: self.progress("Reading", done, 0)
            )
        except wxr.WxrError as error:
            raise ImportFailed(f"{self.path.name}, {error}") from error
        except OSError as error:
            raise ImportFailed(f"{self.path.name}: cannot be read: {error}") from error
        self.forget()
        total = self.site.items
        out = self.report_path.open("w", encoding="utf-8") if self.report_path else None
        self.report.out = out
        try:
            batch: list[wxr.Item] = []
            for done, item in enumerate(wxr.iter_items(self.path), start=1):
                batch.append(item)
                if len(batch) >= self.batch_size:
                    self.write(batch)
                    batch = []
                    self.progress("Importing", done, total)
            if batch:
                self.write(batch)
            self.progress("Importing", total, total)
            self.write_attachment_pages()
        finally:
            if out is not None:
                out.close()
        self.report.items = total
        return self.report

    def write(self, items: list[wxr.Item]) -> None:
        """One batch, in one transaction; its files and decisions kept only once it commits.

        Its new stories are written together; if the database refuses that, the batch is
        written again post by post, where a post the database refuses is skipped alone.
        """
        counts = self.report.counts()
        try:
            self.write_batch(items, together=True)
        except DatabaseError:
            self.report.restore(counts)
            self.write_batch(items, together=False)
        # With DEBUG on, Django keeps the last 9,000 queries' SQL, and a batch's inserts
        # hold its bodies: hundreds of megabytes by the end of a large import.
        reset_queries()

    def write_batch(self, items: list[wxr.Item], *, together: bool) -> None:
        try:
            with page_cache.held(), transaction.atomic():
                existing = self.existing(items)
                self.new = NewStories(self) if together else None
                for item in items:
                    self.import_item(item, existing)
                if self.new is not None:
                    self.new.write()
                if self.dry_run:
                    transaction.set_rollback(True)
        except BaseException:
            self.store.discard()
            self.forget()
            self.report.rolled_back()
            raise
        finally:
            self.new = None
        self.report.batches += 1
        if self.dry_run:
            self.forget()
            self.report.rolled_back()
        else:
            self.store.keep()
            self.report.committed()

    def existing(self, items: list[wxr.Item]) -> dict[int, Article]:
        """The stories this batch's posts were imported as before, by post id."""
        ids = [int(i.post_id) for i in items if i.post_id.isascii() and i.post_id.isdigit()]
        return {a.wordpress_id: a for a in Article.objects.filter(wordpress_id__in=ids)}

    # Items ---------------------------------------------------------------------------

    def import_item(self, item: wxr.Item, existing: dict[int, Article]) -> None:
        if item.post_type != "post":
            why = NOT_IMPORTED_TYPES.get(item.post_type, "a post type that is not imported")
            self.report.decide(item, "not-imported", why, outcome="left out")
            return
        if not (item.post_id.isascii() and item.post_id.isdigit()):
            self.report.decide(
                item, "bad-post-id", f"wp:post_id “{item.post_id}” is not a number", "skipped"
            )
            return
        post_id = int(item.post_id)
        article = existing.get(post_id)
        if item.undefined_entities:
            self.report.decide(
                item,
                "undefined-entity",
                f"it uses {', '.join(item.undefined_entities)}, which the file does not "
                "define, so its text cannot be read whole; the story here is left as it was",
                "skipped",
            )
            return
        if item.status in GONE_STATUSES:
            if article is not None and article.status == Status.PUBLISHED:
                self.take_down(item, article, GONE_STATUSES[item.status])
            else:
                self.report.decide(item, "not-imported", GONE_STATUSES[item.status], "left out")
            return
        if item.status not in STATUSES:
            self.report.decide(
                item, "unknown-status", f"wp:status “{item.status}” is not WordPress's", "skipped"
            )
            return
        digest = self.digest(item)
        if article is not None and article.wordpress_digest == digest:
            self.report.unchanged += 1
            return
        if article is not None and self.keep_local_changes and edited_here(article):
            self.report.decide(
                item,
                "local-changes-kept",
                f"story #{article.pk} was edited here since it was imported",
                "kept",
            )
            self.report.unchanged += 1
            return
        if article is None and self.new is not None:
            # Written with the batch's other new stories: a refusal writes the batch again.
            self.import_post(item, post_id, None, digest)
            return
        try:
            # A savepoint: a post the database refuses costs that post, not its batch.
            with transaction.atomic():
                self.import_post(item, post_id, article, digest)
        except DatabaseError as error:
            self.forget()  # what the savepoint made (a section, a byline) is gone
            self.report.decide(item, "database-refused", str(error).strip(), "skipped")

    def import_post(
        self, item: wxr.Item, post_id: int, article: Article | None, digest: str
    ) -> None:
        values = self.fields(item, post_id)
        values["section"], other_categories = self.sections.for_item(item)
        image = self.featured_image(item)
        author = self.people.for_item(item)
        if other_categories:
            self.report.decide(
                item,
                "categories-as-tags",
                f"filed under “{values['section'].name}”; also tagged "
                + ", ".join(f"“{name}”" for name in other_categories),
            )
        tags = self.tag_names([*item.tags, *other_categories])
        self.report.comments += item.comments
        if article is None and self.new is not None:
            story = Article(wordpress_id=post_id, wordpress_digest=digest, **values, **image)
            self.new.add(NewStory(item, story, author, tags, self.old_paths(item, post_id)))
            self.report.created += 1
            return
        values["slug"] = self.unique_slug(item, values["slug"], post_id, article)
        if article is None:
            article = Article(wordpress_id=post_id, **values, **image)
            article.accept_cleaned_body = True  # fields() reported what cleaning removes
            article._change_reason = CHANGE_REASON
            article.save()
            self.report.created += 1
        elif self.update(item, article, {**values, **image}):
            self.report.updated += 1
        else:
            self.report.unchanged += 1
        self.set_byline(article, author)
        self.set_tags(article, tags)
        # Our own address, if the slug changed, was recorded by the save (Article.save).
        self.record_old_paths(article, self.old_paths(item, post_id))
        # The story as this import left it: a later edit here moves modified_at on.
        Article.objects.filter(pk=article.pk).update(
            wordpress_digest=digest, wordpress_synced_at=F("modified_at")
        )

    def digest(self, item: wxr.Item) -> str:
        """What the story is made from: the post, its author's entry and its picture."""
        author = self.site.authors.get(item.creator)
        thumbnail = item.meta.get("_thumbnail_id", "")
        attachment = (
            self.site.attachments.get(int(thumbnail))
            if thumbnail.isascii() and thumbnail.isdigit()
            else None
        )
        found = self.media.find(attachment).path is not None if attachment else False
        source = [
            DIGEST_VERSION,
            self.default_section,
            {k: v for k, v in vars(item).items() if k not in {"line", "meta", "comments"}},
            {k: item.meta.get(k, "") for k in sorted(item.meta) if not k.startswith("_edit")},
            vars(author) if author else None,
            vars(attachment) if attachment else None,
            found,
        ]
        encoded = json.dumps(source, sort_keys=True, default=str, ensure_ascii=False)
        return hashlib.sha1(encoded.encode(), usedforsecurity=False).hexdigest()

    def fields(self, item: wxr.Item, post_id: int) -> dict:
        """The story's own fields from the post (not bylines, tags or the image)."""
        status = STATUSES[item.status]
        if item.status == "private":
            self.report.decide(item, "private", "imported as a draft: hidden from readers")
        elif item.password and status == Status.PUBLISHED:
            status = Status.DRAFT
            self.report.decide(item, "password", "imported as a draft")
        body, notes = convert(item.content)
        for decision, detail in notes:
            self.report.decide(item, decision, detail)
        body = GALLERY_MARK.sub(lambda m: self.gallery(item, post_id, m.group(1)), body)
        text = body_text(clean_html(body))
        headline = self.headline(item, text)
        if not plain_text(item.title):
            status = Status.DRAFT
        date = self.date(item, item.post_date_gmt, item.post_date, "wp:post_date")
        modified = self.date(item, item.modified_gmt, item.modified, "wp:post_modified")
        published_at = updated_at = None
        if status == Status.PUBLISHED:
            if date is None:
                status = Status.DRAFT
                self.report.decide(
                    item, "bad-date", "a published post without a date: imported as a draft"
                )
            else:
                published_at = date
                updated_at = max(modified, date) if modified else date
        if removed := removals(body):
            self.report.decide(item, "body-cleaned", "; ".join(removed))
        summary = plain_text(item.excerpt) or summary_from(text)
        values = {
            "headline": headline,
            "slug": self.slug(item, headline, post_id),
            "summary": SPACE_BEFORE_PUNCTUATION.sub(r"\1", summary),
            "body": body,
            "status": status,
            "published_at": published_at,
            "first_published_at": published_at,
            "updated_at": updated_at,
        }
        if date is not None:  # else the story's own default: when it was imported
            values["created_at"] = date
        return values

    def headline(self, item: wxr.Item, text: str) -> str:
        headline = plain_text(item.title)
        if not headline:
            words = text.split()
            headline = " ".join(words[:UNTITLED_WORDS]) + ("…" if len(words) > 8 else "")
            headline = headline or f"Untitled WordPress post {item.post_id}"
            self.report.decide(
                item, "untitled", f"imported as a draft titled “{headline}”: give it a headline"
            )
        if len(headline) > HEADLINE_MAX:
            cut = headline[: HEADLINE_MAX - 1].rsplit(" ", 1)[0] + "…"
            self.report.decide(item, "title-too-long", f"cut to “{cut}”")
            headline = cut
        return headline

    def date(self, item: wxr.Item, gmt: str, local: str, name: str) -> datetime | None:
        """The UTC time if WordPress recorded one, else the local time in our time zone."""
        for value, aware in ((gmt, True), (local, False)):
            if not value or value == NO_DATE:
                continue
            try:
                moment = datetime.strptime(value, DATE_FORMAT)  # noqa: DTZ007 (zone set below)
            except ValueError:
                field = f"{name}_gmt" if aware else name
                self.report.decide(item, "bad-date", f"its {field} “{value}” is not a date")
                continue
            return moment.replace(tzinfo=UTC) if aware else timezone.make_aware(moment)
        return None

    def slug(self, item: wxr.Item, headline: str, post_id: int) -> str:
        """The post's slug, in its own script (Hindi stays Hindi); from the title if it has
        none."""
        source = unquote(item.post_name) or headline
        return unicode_slug(source, SLUG_MAX) or f"post-{post_id}"

    def unique_slug(self, item: wxr.Item, slug: str, post_id: int, article: Article | None) -> str:
        """`slug`, or with the post id after it if another story has it (reported)."""
        clash = Article.objects.filter(slug=slug)
        if article is not None:
            clash = clash.exclude(pk=article.pk)
        other = clash.only("headline", "wordpress_id").first()
        if other is None:
            return slug
        return self.slug_taken(item, slug, post_id, other.headline, other.wordpress_id)

    def slug_taken(
        self, item: wxr.Item, slug: str, post_id: int, headline: str, wordpress_id: int | None
    ) -> str:
        """The slug for a post whose `slug` another story (`headline`) has: the post id
        after it (reported)."""
        suffix = f"-{post_id}"
        unique = slug[: SLUG_MAX - len(suffix)] + suffix
        origin = f"WordPress post {wordpress_id}" if wordpress_id else "a story made here"
        self.report.decide(
            item,
            "slug-taken",
            f"“{slug}” is taken by “{headline}” ({origin}): this one is “{unique}”, "
            "and its old address still leads to it",
        )
        return unique

    def update(self, item: wxr.Item, article: Article, values: dict) -> bool:
        """Set the changed fields and save, only if something changed (one new revision).

        A change of status (published here, no longer in WordPress, or the other way
        round) goes through the workflow, so the timeline says the import did it.
        """
        if (values["status"] == Status.PUBLISHED) != (article.status == Status.PUBLISHED):
            if values["status"] == Status.PUBLISHED:
                workflow.follow_source(
                    article=article,
                    published=True,
                    at=values["published_at"],
                    note=f"Published again by the WordPress import of {self.path.name}: "
                    "the post is published there.",
                )
                self.report.decide(item, "republished", f"story #{article.pk}")
            else:
                self.take_down(item, article, f"“{item.status}” in WordPress")
            values = {k: v for k, v in values.items() if k not in {"status", "published_at"}}
        changed = []
        for name, value in values.items():
            current = getattr(article, name)
            if name == "body":  # compared as saved; fields() reported what cleaning removes
                value = sanitize_body(value, accept_cleaned=True)
            elif name == "featured_image":
                current = current.name
            elif name == "first_published_at":
                # The first publication stays the first, whatever WordPress says now.
                value = current or value
            if current != value:
                setattr(article, name, value)
                changed.append(name)
        if changed:
            article._change_reason = CHANGE_REASON
            article.save()
        return bool(changed)

    def take_down(self, item: wxr.Item, article: Article, why: str) -> None:
        """Unpublish a story whose post is no longer published in WordPress."""
        if self.keep_local_changes and edited_here(article):
            self.report.decide(
                item,
                "local-changes-kept",
                f"story #{article.pk} was edited here since it was imported: left published",
                "kept",
            )
            return
        workflow.follow_source(
            article=article,
            published=False,
            note=f"Unpublished by the WordPress import of {self.path.name}: the post is {why}.",
        )
        Article.objects.filter(pk=article.pk).update(wordpress_synced_at=F("modified_at"))
        self.report.decide(item, "unpublished", f"story #{article.pk}: the post is {why}")

    # What a post refers to -----------------------------------------------------------

    def featured_image(self, item: wxr.Item) -> dict:
        """The image fields for the post's featured image, or {} if it has none or it is
        missing (a missing image is reported and leaves the story's as it is)."""
        thumbnail = item.meta.get("_thumbnail_id", "")
        if not thumbnail:
            return {}
        attachment = (
            self.site.attachments.get(int(thumbnail))
            if thumbnail.isascii() and thumbnail.isdigit()
            else None
        )
        if attachment is None:
            self.report.decide(
                item, "image-missing", f"attachment {thumbnail} is not in the export"
            )
            return {}
        found = self.media.find(attachment)
        if found.path is None:
            self.report.decide(item, "image-missing", found.problem)
            return {}
        self.report.images_imported += 1
        name = self.store.store(found.path, attachment)
        if name is None:  # a dry run
            return {}
        alt_max = Article._meta.get_field("featured_image_alt").max_length
        caption_max = Article._meta.get_field("featured_image_caption").max_length
        return {
            "featured_image": name,
            "featured_image_alt": plain_text(attachment.alt)[:alt_max],
            "featured_image_caption": plain_text(attachment.caption)[:caption_max],
        }

    def gallery(self, item: wxr.Item, post_id: int, ids: str) -> str:
        """A `[gallery]`'s pictures, each a picture of the library inside the body."""
        if ids == "attached":
            wanted = [a for a in self.site.attachments.values() if a.parent == post_id]
        else:
            wanted = [self.site.attachments.get(int(n)) for n in ids.split(",")]
        figures = []
        for attachment in wanted:
            if attachment is None:
                self.report.decide(item, "image-missing", "a gallery picture not in the export")
                continue
            picture = self.library_picture(item, attachment)
            if picture is not None:
                figures.append(f'<figure data-picture="{picture.pk}"></figure>')
        if not figures:
            self.report.decide(item, "shortcode-removed", "[gallery]: none of its pictures found")
        return "".join(figures)

    def library_picture(self, item: wxr.Item, attachment: wxr.Attachment):
        """The library's picture of an attachment, copied in from the media dir if need be."""
        found = self.media.find(attachment)
        if found.path is None:
            self.report.decide(item, "image-missing", found.problem)
            return None
        name = self.store.store(found.path, attachment)
        if name is None:  # a dry run
            return None
        picture = Picture.objects.filter(image=name).first()
        if picture is None:
            alt = plain_text(attachment.alt) or plain_text(attachment.caption)
            picture = Picture(
                image=name,
                alt=(alt or "A picture from the WordPress archive")[:ALT_MAX],
                caption=plain_text(attachment.caption)[:CAPTION_MAX],
            )
            picture.save()
            self.report.images_imported += 1
        return picture

    def set_byline(self, article: Article, author) -> None:
        if list(article.bylines.values_list("author_id", flat=True)) == [author.pk]:
            return
        article.bylines.all().delete()
        ArticleAuthor.objects.create(article=article, author=author, order=0)

    def tag_names(self, tags: list[str]) -> list[str]:
        """The post's tags as names, each once (as taggit compares them: any case)."""
        names: dict[str, str] = {}
        for tag in tags:
            name = plain_text(tag)[:TAG_MAX]
            if name:
                names.setdefault(name.lower(), name)
        return list(names.values())

    def tags_named(self, names: list[str]) -> list[Tag]:
        return find_tags(names, self.tags)

    def set_tags(self, article: Article, names: list[str]) -> None:
        current = {name.lower() for name in article.tags.names()}
        if current != {name.lower() for name in names}:
            article.tags.set(self.tags_named(names))

    def old_paths(self, item: wxr.Item, post_id: int) -> set[str]:
        """The post's old addresses: its permalink's path and WordPress's `/?p=ID`."""
        return {post_id_path(post_id), *link_paths(item.link)}

    def write_attachment_pages(self) -> None:
        """Each attachment's page (its permalink, `/?attachment_id=ID`) leads to the story
        of the post it was uploaded to; after the posts, which may come later in the file.

        An address something else has already is left to it.
        """
        pages: dict[int, set[str]] = {}
        for attachment in self.site.attachments.values():
            if attachment.parent:
                pages.setdefault(attachment.parent, set()).update(
                    {attachment_id_path(attachment.id), *link_paths(attachment.link)}
                )
        parents = sorted(pages)
        for start in range(0, len(parents), ATTACHMENT_PARENTS_AT_ONCE):
            chunk = parents[start : start + ATTACHMENT_PARENTS_AT_ONCE]
            with transaction.atomic():
                stories = Article.objects.filter(wordpress_id__in=chunk)
                claims = {
                    path: article_id
                    for post_id, article_id in stories.values_list("wordpress_id", "pk")
                    for path in sorted(pages[post_id])
                }
                held = set(LegacyURL.objects.filter(path__in=claims).values_list("path", flat=True))
                new = [LegacyURL(path=p, article_id=a) for p, a in claims.items() if p not in held]
                LegacyURL.objects.bulk_create(new)
                self.report.old_urls += len(new)
                if self.dry_run:
                    transaction.set_rollback(True)

    def record_old_paths(self, article: Article, paths: set[str]) -> None:
        existing = dict(LegacyURL.objects.filter(path__in=paths).values_list("path", "article_id"))
        for path in sorted(paths):
            if path not in existing:
                LegacyURL.objects.create(path=path, article=article)
                self.report.old_urls += 1
            elif existing[path] != article.pk:
                LegacyURL.objects.filter(path=path).update(article=article)


def link_paths(link: str) -> set[str]:
    """The old addresses a WordPress permalink gives: its path, or its `?p=`/`?attachment_id=`."""
    if not link:
        return set()
    parts = urlsplit(link)
    query = parse_qs(parts.query)
    for name, form in ID_FORMS.items():
        if query.get(name, [""])[0].isdigit():
            return {form(int(query[name][0]))}
    if parts.query:
        return set()
    path = legacy_path(unquote(parts.path))
    return {path} if path != "/" else set()


def edited_here(article: Article) -> bool:
    """Whether the story changed here after the import last wrote it."""
    synced = article.wordpress_synced_at
    return synced is not None and article.modified_at != synced
