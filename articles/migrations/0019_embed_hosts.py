from django.db import migrations, models

import articles.models.embeds


class Migration(migrations.Migration):
    dependencies = [("articles", "0018_library_featured")]

    operations = [
        migrations.CreateModel(
            name="EmbedHost",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "host",
                    models.CharField(
                        help_text="The host name frames are loaded from, e.g. “datawrapper.dwcdn.net”. Only https addresses on exactly this host are embedded.",
                        max_length=253,
                        unique=True,
                        validators=[articles.models.embeds.validate_host],
                    ),
                ),
                (
                    "name",
                    models.CharField(
                        help_text="Its name as readers see it on the button: “Load content from Datawrapper”.",
                        max_length=60,
                    ),
                ),
                (
                    "note",
                    models.CharField(
                        blank=True,
                        help_text="Why it is trusted, for other administrators.",
                        max_length=200,
                    ),
                ),
                ("created_at", models.DateTimeField(auto_now_add=True)),
            ],
            options={
                "verbose_name": "embed host",
                "verbose_name_plural": "embed hosts",
                "ordering": ["host"],
            },
        ),
    ]
