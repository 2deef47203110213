"""The newsroom's roles as groups with explicit permissions (DESIGN.md, "States and roles")."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

BYLINES = ["add_articleauthor", "change_articleauthor", "delete_articleauthor", "view_articleauthor"]


def crud(model):
    return [f"{action}_{model}" for action in ("add", "change", "delete", "view")]


ROLES = {
    "Writer": {
        "articles": ["add_article", "change_article", "view_article", "view_section", "view_author"]
        + BYLINES,
        "taggit": ["add_tag", "view_tag"],
    },
    "Editor": {
        "articles": crud("article")
        + ["publish_article"]
        + BYLINES
        + crud("section")
        + crud("author")
        + crud("page")
        + ["view_contactmessage", "change_contactmessage"],
        "taggit": crud("tag"),
    },
    "Administrator": {
        "articles": crud("article")
        + ["publish_article"]
        + BYLINES
        + crud("section")
        + crud("author")
        + crud("page")
        + crud("contactmessage")
        + ["change_sitesettings", "view_sitesettings"],
        "taggit": crud("tag"),
        "accounts": crud("user"),
        "auth": crud("group"),
    },
}


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations; the groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, grants in ROLES.items():
        group, _ = Group.objects.get_or_create(name=role)
        permissions = []
        for app_label, codenames in grants.items():
            found = Permission.objects.filter(
                content_type__app_label=app_label, codename__in=codenames
            )
            missing = set(codenames) - set(found.values_list("codename", flat=True))
            if missing:
                raise RuntimeError(f"{role}: no such permissions in {app_label}: {sorted(missing)}")
            permissions.extend(found)
        group.permissions.set(permissions)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0001_initial"),
        ("accounts", "0001_initial"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
