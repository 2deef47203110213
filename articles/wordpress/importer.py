"""Writing a WordPress export into the newsroom: stories, bylines, sections, tags, old URLs.

Two streaming passes over the file (`wxr`): the first collects the authors, categories and
attachments that posts refer to (attachments may come after the posts that use them); the
second writes each post. Everything is written in one transaction, so a bad item leaves the
database as it was. Rows go through `save()`, so every body meets the one sanitizer; a body
that cleaning cuts is imported cleaned, and the report lists what went, post by post.

A second import of the same export updates the stories it made (found by `wordpress_id`)
and writes a new revision only for a story whose content changed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

from django.db import IntegrityError, transaction
from django.utils import timezone

from ..models import Article, ArticleAuthor, Author, LegacyURL
from ..redirects import legacy_path, post_id_path
from ..sanitize import clean_html, removals, sanitize_body
from . import wxr
from .content import (
    ascii_slug,
    body_text,
    convert_body,
    plain_text,
    stable_suffix,
    summary_from,
)
from .media import MediaDir, MediaStore
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
SKIPPED_STATUSES = {
    "trash": "in WordPress's trash",
    "auto-draft": "an auto-draft WordPress made, never saved by a writer",
    "inherit": "a copy that belongs to another post",
}
SKIPPED_TYPES = {
    "attachment": "read only as the posts' featured images",
    "revision": "an earlier version of a post: only the current one is imported",
    "page": "pages are not imported (write standing pages in the admin)",
    "nav_menu_item": "menus are not imported (the site's menus come from its sections)",
}
NO_DATE = "0000-00-00 00:00:00"
DATE_FORMAT = "%Y-%m-%d %H:%M:%S"
HEADLINE_MAX = Article._meta.get_field("headline").max_length
SLUG_MAX = Article._meta.get_field("slug").max_length
CHANGE_REASON = "Imported from WordPress"


class Importer:
    """One import of one export file; `run()` does it and returns the report."""

    def __init__(
        self,
        path: Path | str,
        *,
        media_dir: Path | None = None,
        default_section: str = "news",
        dry_run: bool = False,
        progress: Callable[[str, int, int], None] | None = None,
    ):
        self.path = Path(path)
        self.media = MediaDir(media_dir)
        storage = Article._meta.get_field("featured_image").storage
        self.store = MediaStore(storage, dry_run=dry_run)
        self.default_section = default_section
        self.dry_run = dry_run
        self.progress = progress or (lambda phase, done, total: None)
        self.report = Report(source=self.path.name, dry_run=dry_run)
        self.site = wxr.Site()
        self.authors: dict[str, Author] = {}
        self.sections = Sections({}, default=default_section, report=self.report)
        self.slugs: dict[str, str] = {}  # slug → the item that took it in this import

    def run(self) -> Report:
        """Import the whole file in one transaction (rolled back on error or for a dry run)."""
        try:
            self.site = wxr.read_site(
                self.path, progress=lambda done: self.progress("Reading", done, 0)
            )
        except wxr.WxrError as error:
            raise ImportFailed(f"{self.path.name}, {error}") from error
        except OSError as error:
            raise ImportFailed(f"{self.path.name}: cannot be read: {error}") from error
        self.sections = Sections(
            self.site.categories, default=self.default_section, report=self.report
        )
        total = self.site.items
        try:
            with transaction.atomic():
                for done, item in enumerate(wxr.iter_items(self.path), start=1):
                    self.import_item(item)
                    self.progress("Importing", done, total)
                if self.dry_run:
                    transaction.set_rollback(True)
        except BaseException:
            self.store.discard()
            raise
        self.report.items = total
        return self.report

    # Items ---------------------------------------------------------------------------

    def skip(self, item: wxr.Item, why: str) -> None:
        self.report.skipped[item.post_type or "(no post type)", why] += 1
        self.report.skipped_items.append(f"{item}: {why}")

    def import_item(self, item: wxr.Item) -> None:
        if item.post_type != "post":
            self.skip(item, SKIPPED_TYPES.get(item.post_type, "a post type that is not imported"))
            return
        if item.status in SKIPPED_STATUSES:
            self.skip(item, SKIPPED_STATUSES[item.status])
            return
        try:
            self.import_post(item)
        except IntegrityError as error:
            raise ImportFailed(f"{item}: the database refused it: {error}") from error

    def import_post(self, item: wxr.Item) -> None:
        post_id = self.post_id(item)
        values = self.fields(item, post_id)
        article = Article.objects.filter(wordpress_id=post_id).first()
        self.check_slug(item, values["slug"], article)
        image = self.featured_image(item)
        if article is None:
            article = Article(wordpress_id=post_id, **values, **image)
            article.accept_cleaned_body = True  # fields() reported what cleaning removes
            article._change_reason = CHANGE_REASON
            article.save()
            changed = created = True
        else:
            created = False
            changed = self.update(article, {**values, **image})
        changed |= self.set_byline(article, self.author(item))
        changed |= self.set_tags(article, item)
        # Our own address, if the slug changed, was recorded by the save (Article.save).
        changed |= self.record_old_paths(article, self.old_paths(item, post_id))
        self.report.comments += item.comments
        if created:
            self.report.created += 1
        elif changed:
            self.report.updated += 1
        else:
            self.report.unchanged += 1

    def post_id(self, item: wxr.Item) -> int:
        if not item.post_id.isascii() or not item.post_id.isdigit():
            raise ImportFailed(f"{item}: its wp:post_id “{item.post_id}” is not a number.")
        return int(item.post_id)

    def fields(self, item: wxr.Item, post_id: int) -> dict:
        """The story's own fields from the post (not bylines, tags or the image)."""
        if item.status not in STATUSES:
            raise ImportFailed(f"{item}: unknown wp:status “{item.status}”.")
        status = STATUSES[item.status]
        if item.status == "private":
            self.report.private.append(str(item))
        elif item.password and status == Status.PUBLISHED:
            status = Status.DRAFT
            self.report.protected.append(str(item))
        headline = plain_text(item.title)
        if not headline:
            raise ImportFailed(f"{item}: it has no title.")
        if len(headline) > HEADLINE_MAX:
            raise ImportFailed(f"{item}: its title is longer than {HEADLINE_MAX} characters.")
        date = self.date(item, item.post_date_gmt, item.post_date, "wp:post_date")
        modified = self.date(item, item.modified_gmt, item.modified, "wp:post_modified")
        published_at = updated_at = None
        if status == Status.PUBLISHED:
            if date is None:
                raise ImportFailed(f"{item}: a published post needs its wp:post_date.")
            published_at = date
            updated_at = max(modified, date) if modified else date
        body = convert_body(item.content)
        if removed := removals(body):
            self.report.bodies_cleaned.append(f"{item}: {'; '.join(removed)}")
        summary = plain_text(item.excerpt) or summary_from(body_text(clean_html(body)))
        values = {
            "headline": headline,
            "slug": self.slug(item, headline, post_id),
            "summary": summary,
            "body": body,
            "section": self.sections.for_item(item),
            "status": status,
            "published_at": published_at,
            "first_published_at": published_at,
            "updated_at": updated_at,
        }
        if date is not None:  # else the story's own default: when it was imported
            values["created_at"] = date
        return values

    def date(self, item: wxr.Item, gmt: str, local: str, name: str) -> datetime | None:
        """The UTC time if WordPress recorded one, else the local time in our time zone."""
        for value, aware in ((gmt, True), (local, False)):
            if not value or value == NO_DATE:
                continue
            try:
                moment = datetime.strptime(value, DATE_FORMAT)  # noqa: DTZ007 (zone set below)
            except ValueError:
                field = f"{name}_gmt" if aware else name
                raise ImportFailed(f"{item}: its {field} “{value}” is not a date.") from None
            return moment.replace(tzinfo=UTC) if aware else timezone.make_aware(moment)
        return None

    def slug(self, item: wxr.Item, headline: str, post_id: int) -> str:
        """The post's slug; from the title if it has none; with the post id if not ASCII."""
        source = unquote(item.post_name) or headline
        slug = ascii_slug(source, max_length=SLUG_MAX, fallback="")
        if not source.isascii():
            # Most of a Hindi or Tamil slug is lost in ASCII: the id keeps it unique.
            slug = f"{slug[: SLUG_MAX - 12]}-{post_id}" if slug else f"post-{post_id}"
        return slug or f"post-{post_id}"

    def check_slug(self, item: wxr.Item, slug: str, article: Article | None) -> None:
        if slug in self.slugs:
            raise ImportFailed(
                f"{item} and {self.slugs[slug]} have the same slug “{slug}”: "
                "change one of them in WordPress and export again."
            )
        self.slugs[slug] = str(item)
        clash = Article.objects.filter(slug=slug)
        if article is not None:
            clash = clash.exclude(pk=article.pk)
        other = clash.only("headline", "wordpress_id").first()
        if other is not None:
            origin = (
                f"imported from WordPress post {other.wordpress_id}"
                if other.wordpress_id
                else "not from this import"
            )
            raise ImportFailed(
                f"{item}: its slug “{slug}” is taken by the story “{other.headline}” "
                f"(#{other.pk}, {origin})."
            )

    def update(self, article: Article, values: dict) -> bool:
        """Set the changed fields and save, only if something changed (one new revision)."""
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

    # What a post refers to -----------------------------------------------------------

    def author(self, item: wxr.Item) -> Author:
        login = item.creator
        if login in self.authors:
            return self.authors[login]
        entry = self.site.authors.get(login)
        if entry is None:
            raise ImportFailed(
                f"{item}: its author “{login}” (dc:creator) has no <wp:author> entry in the export."
            )
        max_length = Author._meta.get_field("slug").max_length
        slug = ascii_slug(login, max_length=max_length, fallback=f"author-{stable_suffix(login)}")
        name = plain_text(entry.display_name)[: Author._meta.get_field("name").max_length]
        author = Author.objects.filter(slug=slug).first()
        if author is None:
            author = Author.objects.create(slug=slug, name=name or login)
            self.report.authors_created += 1
        elif name and author.name != name:
            author.name = name
            author.save(update_fields=["name"])
            self.report.authors_updated += 1
        self.authors[login] = author
        return author

    def featured_image(self, item: wxr.Item) -> dict:
        """The image fields for the post's featured image, or {} if it has none or it is
        missing (a missing image is listed in the report and leaves the story's as it is)."""
        thumbnail = item.meta.get("_thumbnail_id", "")
        if not thumbnail:
            return {}
        attachment = (
            self.site.attachments.get(int(thumbnail))
            if thumbnail.isascii() and thumbnail.isdigit()
            else None
        )
        if attachment is None:
            self.report.images_missing.append(
                f"{item}: attachment {thumbnail} is not in the export"
            )
            return {}
        found = self.media.find(attachment)
        if found.path is None:
            self.report.images_missing.append(f"{item}: {found.problem}")
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

    def set_byline(self, article: Article, author: Author) -> bool:
        if list(article.bylines.values_list("author_id", flat=True)) == [author.pk]:
            return False
        article.bylines.all().delete()
        ArticleAuthor.objects.create(article=article, author=author, order=0)
        return True

    def set_tags(self, article: Article, item: wxr.Item) -> bool:
        max_length = 100  # taggit's Tag.name
        names: dict[str, str] = {}
        for tag in item.tags:
            name = plain_text(tag)[:max_length]
            if name:
                names.setdefault(name.lower(), name)
        current = {name.lower() for name in article.tags.names()}
        if current == set(names):
            return False
        article.tags.set(list(names.values()))
        return True

    def old_paths(self, item: wxr.Item, post_id: int) -> set[str]:
        """The post's old addresses: its permalink's path and WordPress's `/?p=ID`."""
        paths = {post_id_path(post_id)}
        if item.link:
            link = urlsplit(item.link)
            query = parse_qs(link.query)
            if query.get("p", [""])[0].isdigit():
                paths.add(post_id_path(int(query["p"][0])))
            elif not link.query:
                path = legacy_path(unquote(link.path))
                if path != "/":
                    paths.add(path)
        return paths

    def record_old_paths(self, article: Article, paths: set[str]) -> bool:
        existing = dict(LegacyURL.objects.filter(path__in=paths).values_list("path", "article_id"))
        changed = False
        for path in sorted(paths):
            if path not in existing:
                LegacyURL.objects.create(path=path, article=article)
                self.report.old_urls += 1
                changed = True
            elif existing[path] != article.pk:
                LegacyURL.objects.filter(path=path).update(article=article)
                changed = True
        return changed
