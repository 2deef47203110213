"""The newsroom's roles: Django groups with explicit permissions (DESIGN.md, "States and roles").

The data migration `0002_roles` creates them from this table; a change here reaches an
existing site only through a new data migration that calls `grant_roles` again.
"""

BYLINES = [
    "add_articleauthor",
    "change_articleauthor",
    "delete_articleauthor",
    "view_articleauthor",
]


def crud(model: str) -> list[str]:
    return [f"{action}_{model}" for action in ("add", "change", "delete", "view")]


# What editors and administrators both manage: every story, the sections, bylines and pages.
NEWSROOM = [
    *crud("article"),
    "publish_article",
    *BYLINES,
    *crud("section"),
    *crud("author"),
    *crud("page"),
    *crud("picture"),
]

# Old WordPress addresses that redirect to imported stories: editors see and remove them.
OLD_ADDRESSES = ["view_legacyurl", "change_legacyurl", "delete_legacyurl"]

ROLES = {
    "Writer": {
        "articles": [
            "add_article",
            "change_article",
            "view_article",
            "view_section",
            "view_author",
            *BYLINES,
            # The media library: writers upload pictures, set their focal point and reuse them.
            "add_picture",
            "change_picture",
            "view_picture",
        ],
        "taggit": ["add_tag", "view_tag"],
    },
    "Editor": {
        "articles": [*NEWSROOM, *OLD_ADDRESSES, "view_contactmessage", "change_contactmessage"],
        "taggit": crud("tag"),
    },
    "Administrator": {
        "articles": [
            *NEWSROOM,
            *OLD_ADDRESSES,
            *crud("contactmessage"),
            "empty_trash",
            "change_sitesettings",
            "view_sitesettings",
        ],
        "taggit": crud("tag"),
        "accounts": crud("user"),
        "auth": crud("group"),
    },
}


def grant_roles(group_model, permission_model, *, missing_ok: bool = False) -> None:
    """Create or update each role's group with exactly its permissions.

    Takes the models as arguments so migrations can pass their historical ones. A permission
    that does not exist is an error, unless `missing_ok` (see `migrate_roles`).
    """
    for role, grants in ROLES.items():
        group, _ = group_model.objects.get_or_create(name=role)
        permissions = []
        for app_label, codenames in grants.items():
            found = permission_model.objects.filter(
                content_type__app_label=app_label, codename__in=codenames
            )
            missing = set(codenames) - set(found.values_list("codename", flat=True))
            if missing and not missing_ok:
                raise RuntimeError(f"{role}: no such permissions in {app_label}: {sorted(missing)}")
            permissions.extend(found)
        group.permissions.set(permissions)


def migrate_roles(apps, schema_editor) -> None:
    """A data migration's body: grant the roles every permission the models have so far.

    Permissions are normally made after all migrations run; make them now. One that a later
    model change adds is granted by the migration that adds it, which calls this again.
    """
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    grant_roles(
        apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"), missing_ok=True
    )
