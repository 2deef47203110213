"""The media library (docs/rich-bodies.md): pictures with alt text, caption, credit and focal
point, and the story's featured image as one of them (its copy for cards kept on the story)."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

import articles.uploads


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0016_story_notes"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Picture",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "image",
                    articles.uploads.UploadedImageField(
                        height_field="height",
                        help_text=(
                            "JPEG, PNG, WebP or GIF. Camera data (place, time, device) is removed."
                        ),
                        max_length=255,
                        unique=True,
                        upload_to="library/%Y/%m/",
                        width_field="width",
                    ),
                ),
                ("width", models.PositiveIntegerField(blank=True, editable=False, null=True)),
                ("height", models.PositiveIntegerField(blank=True, editable=False, null=True)),
                (
                    "alt",
                    models.CharField(
                        help_text="Describe the picture for readers who cannot see it.",
                        max_length=250,
                        verbose_name="alt text",
                    ),
                ),
                (
                    "caption",
                    models.CharField(
                        blank=True,
                        help_text="Shown under the picture unless a story gives its own.",
                        max_length=300,
                    ),
                ),
                (
                    "credit",
                    models.CharField(blank=True, help_text="Who took or made it.", max_length=150),
                ),
                (
                    "focus_x",
                    models.FloatField(
                        default=0.5,
                        help_text=(
                            "Where the subject is, from 0 (left edge) to 1 (right edge). "
                            "Crops keep it in."
                        ),
                        verbose_name="focal point, across",
                    ),
                ),
                (
                    "focus_y",
                    models.FloatField(
                        default=0.5,
                        help_text=(
                            "Where the subject is, from 0 (top) to 1 (bottom). Crops keep it in."
                        ),
                        verbose_name="focal point, down",
                    ),
                ),
                (
                    "sizes",
                    models.JSONField(
                        blank=True,
                        default=list,
                        editable=False,
                        help_text="Widths of the smaller copies made so far.",
                    ),
                ),
                (
                    "created_at",
                    models.DateTimeField(
                        default=django.utils.timezone.now,
                        editable=False,
                        verbose_name="uploaded",
                    ),
                ),
                (
                    "uploaded_by",
                    models.ForeignKey(
                        blank=True,
                        editable=False,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={"verbose_name": "library picture", "ordering": ["-created_at", "-pk"]},
        ),
        migrations.AddIndex(
            model_name="picture",
            index=models.Index(fields=["-created_at", "-id"], name="picture_newest"),
        ),
        migrations.AddConstraint(
            model_name="picture",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("focus_x__gte", 0),
                    ("focus_x__lte", 1),
                    ("focus_y__gte", 0),
                    ("focus_y__lte", 1),
                ),
                name="picture_focus_inside",
            ),
        ),
        migrations.AddField(
            model_name="article",
            name="featured_picture",
            field=models.ForeignKey(
                blank=True,
                help_text="Choose a picture of the media library, or upload a new one below.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="featured_in",
                to="articles.picture",
                verbose_name="from the library",
            ),
        ),
        migrations.AddField(
            model_name="article",
            name="featured_image_focus_x",
            field=models.FloatField(default=0.5, editable=False),
        ),
        migrations.AddField(
            model_name="article",
            name="featured_image_focus_y",
            field=models.FloatField(default=0.5, editable=False),
        ),
    ]
