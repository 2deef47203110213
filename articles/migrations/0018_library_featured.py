"""Existing featured images move into the media library: one picture per stored file (stories
sharing a file share the picture), with the first story's alt text, caption and credit; the
roles get the library's permissions."""

from django.db import migrations

from articles.roles import migrate_roles

BATCH = 500


def featured_images_into_library(apps, schema_editor) -> None:
    Article = apps.get_model("articles", "Article")
    Picture = apps.get_model("articles", "Picture")
    pictures = dict(Picture.objects.values_list("image", "pk"))
    stories = (
        Article.objects.exclude(featured_image="")
        .filter(featured_picture__isnull=True)
        .order_by("pk")
    )
    last_pk = 0
    # Batches by primary key: SQLite gives no isolation between a cursor and updates.
    while batch := list(stories.filter(pk__gt=last_pk)[:BATCH]):
        last_pk = batch[-1].pk
        for story in batch:
            name = story.featured_image.name
            if name not in pictures:
                picture = Picture(
                    width=story.featured_image_width,
                    height=story.featured_image_height,
                    alt=story.featured_image_alt,
                    caption=story.featured_image_caption,
                    credit=story.featured_image_credit,
                    sizes=story.featured_image_sizes or [],
                    uploaded_by_id=story.created_by_id,
                    created_at=story.created_at,
                )
                # The name as it is stored, past the field's descriptor, which would open the
                # file to measure it (a file missing from the storage must not stop the move).
                picture.__dict__["image"] = name
                picture.save()
                pictures[name] = picture.pk
            Article.objects.filter(pk=story.pk).update(featured_picture_id=pictures[name])


def featured_images_out_of_library(apps, schema_editor) -> None:
    """Back: the stories keep their files; the library's entries go."""
    Article = apps.get_model("articles", "Article")
    Picture = apps.get_model("articles", "Picture")
    Article.objects.update(featured_picture=None)
    Picture.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("articles", "0017_library")]

    operations = [
        migrations.RunPython(featured_images_into_library, featured_images_out_of_library),
        migrations.RunPython(migrate_roles, migrations.RunPython.noop),
    ]
