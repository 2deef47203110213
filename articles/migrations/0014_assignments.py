import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0013_notifications"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="article",
            name="assignee",
            field=models.ForeignKey(
                blank=True,
                help_text="Who works on the story next; it shows on their dashboard.",
                limit_choices_to={"is_active": True, "is_staff": True},
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="assigned_articles",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="article",
            name="deadline",
            field=models.DateTimeField(
                blank=True,
                help_text="When the story is due; past it, the story shows as overdue.",
                null=True,
            ),
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(fields=["assignee", "deadline"], name="article_assignee_deadline"),
        ),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(fields=["deadline"], name="article_deadline"),
        ),
    ]
