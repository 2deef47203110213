"""Newsroom staff accounts, made ready to sign in (their address counts as verified)."""

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction


def mark_verified(user) -> None:
    """The account's address is its verified, primary address (an administrator vouches)."""
    EmailAddress.objects.filter(user=user).exclude(email__iexact=user.email).update(primary=False)
    address, _ = EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    if not (address.verified and address.primary):
        address.verified = address.primary = True
        address.save(update_fields=["verified", "primary"])


@transaction.atomic
def create_staff(*, email: str, password: str, role: str, name: str = ""):
    """A staff account in `role` ("Writer", "Editor" or "Administrator"), ready to sign in.

    Administrators are superusers (users, groups and site settings); the others get the
    permissions of their group.
    """
    group = Group.objects.get(name=role)
    users = get_user_model().objects
    make = users.create_superuser if role == "Administrator" else users.create_user
    user = make(email=email, password=password, name=name, is_staff=True)
    user.groups.add(group)
    mark_verified(user)
    return user
