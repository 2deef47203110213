"""Editors see and remove the old WordPress addresses: see articles/roles.py."""

from django.db import migrations

from articles.roles import migrate_roles


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0007_wordpress_import_and_old_addresses"),
    ]

    operations = [migrations.RunPython(migrate_roles, migrations.RunPython.noop)]
