"""Make the smaller copies of featured images and library pictures: `manage.py make_renditions`.

Safe to rerun: copies that exist are reused, and only `featured_image_sizes` is written,
with `update()`, so no story's "last updated" time moves.
"""

from collections import defaultdict

from django.core.management.base import BaseCommand

from articles import page_cache
from articles.images import ensure_renditions
from articles.models import Article, Picture

BATCH = 500


class Command(BaseCommand):
    help = "Make the missing renditions of featured images and record their widths."

    def add_arguments(self, parser):
        parser.add_argument(
            "--all",
            action="store_true",
            help="Check every story with a featured image, not only those without widths.",
        )

    def handle(self, *args, **options):
        stories = Article.objects.exclude(featured_image="")
        if not options["all"]:
            stories = stories.filter(featured_image_sizes=[])
        # ImageField reads its width/height on load: deferring them costs two queries a row.
        fields = ["featured_image", "featured_image_width", "featured_image_height"]
        stories = stories.only(*fields, "featured_image_sizes").order_by("pk")
        widths_by_name: dict[str, list[int]] = {}
        checked = updated = 0
        last_pk = 0
        # Batches by primary key rather than one open iterator(): SQLite gives no isolation
        # between a cursor being read and updates to the same table on that connection.
        while batch := list(stories.filter(pk__gt=last_pk)[:BATCH]):
            last_pk = batch[-1].pk
            checked += len(batch)
            changes: dict[tuple[int, ...], list[int]] = defaultdict(list)
            for article in batch:
                name = article.featured_image.name
                if name not in widths_by_name:
                    widths_by_name[name] = ensure_renditions(article.featured_image)
                if article.featured_image_sizes != widths_by_name[name]:
                    changes[tuple(widths_by_name[name])].append(article.pk)
            for widths, pks in changes.items():
                updated += Article.objects.filter(pk__in=pks).update(
                    featured_image_sizes=list(widths)
                )
        library = self.library_pictures(widths_by_name, every=options["all"])
        if updated or library:  # update() sends no signal; pages list the sizes in their srcset
            page_cache.invalidate()
        without = sum(1 for widths in widths_by_name.values() if not widths)
        self.stdout.write(
            f"Renditions: {checked} stories checked, {updated} updated, "
            f"{len(widths_by_name)} pictures ({without} too narrow or unreadable), "
            f"{library} library pictures updated."
        )

    def library_pictures(self, widths_by_name: dict[str, list[int]], *, every: bool) -> int:
        """Make the copies of the library's pictures too (those inside bodies); how many changed."""
        pictures = Picture.objects.exclude(image="").only("image", "width", "height", "sizes")
        if not every:
            pictures = pictures.filter(sizes=[])
        updated = 0
        last_pk = 0
        while batch := list(pictures.filter(pk__gt=last_pk).order_by("pk")[:BATCH]):
            last_pk = batch[-1].pk
            for picture in batch:
                name = picture.image.name
                if name not in widths_by_name:
                    widths_by_name[name] = ensure_renditions(picture.image)
                if picture.sizes != widths_by_name[name]:
                    updated += Picture.objects.filter(pk=picture.pk).update(
                        sizes=widths_by_name[name]
                    )
        return updated
