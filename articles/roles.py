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
]

ROLES = {
    "Writer": {
        "articles": [
            "add_article",
            "change_article",
            "view_article",
            "view_section",
            "view_author",
            *BYLINES,
        ],
        "taggit": ["add_tag", "view_tag"],
    },
    "Editor": {
        "articles": [*NEWSROOM, "view_contactmessage", "change_contactmessage"],
        "taggit": crud("tag"),
    },
    "Administrator": {
        "articles": [
            *NEWSROOM,
            *crud("contactmessage"),
            "change_sitesettings",
            "view_sitesettings",
        ],
        "taggit": crud("tag"),
        "accounts": crud("user"),
        "auth": crud("group"),
    },
}


def grant_roles(group_model, permission_model) -> None:
    """Create or update each role's group with exactly its permissions.

    Takes the models as arguments so the migration can pass its historical ones.
    """
    for role, grants in ROLES.items():
        group, _ = group_model.objects.get_or_create(name=role)
        permissions = []
        for app_label, codenames in grants.items():
            found = permission_model.objects.filter(
                content_type__app_label=app_label, codename__in=codenames
            )
            missing = set(codenames) - set(found.values_list("codename", flat=True))
            if missing:
                raise RuntimeError(f"{role}: no such permissions in {app_label}: {sorted(missing)}")
            permissions.extend(found)
        group.permissions.set(permissions)
