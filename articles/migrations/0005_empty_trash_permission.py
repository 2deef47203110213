"""Only administrators delete stories for good, from the trash: see articles/roles.py."""

from django.db import migrations

from articles.roles import migrate_roles


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0004_editorial_events_and_trash"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="article",
            options={
                "ordering": ["-published_at", "-pk"],
                "permissions": [
                    ("publish_article", "Can publish, schedule and unpublish articles"),
                    ("empty_trash", "Can delete stories in the trash for good"),
                ],
            },
        ),
        migrations.RunPython(migrate_roles, migrations.RunPython.noop),
    ]
