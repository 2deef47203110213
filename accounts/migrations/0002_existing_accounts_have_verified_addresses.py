"""Accounts made before allauth signed in without verifying their address: keep them able to.

Mandatory verification would otherwise lock out every existing reader and editor until
they followed an emailed link.
"""

from django.db import migrations


def verify_existing(apps, schema_editor):
    User = apps.get_model("accounts", "User")
    EmailAddress = apps.get_model("account", "EmailAddress")
    has_address = EmailAddress.objects.values_list("user_id", flat=True)
    EmailAddress.objects.bulk_create(
        EmailAddress(user_id=user.pk, email=user.email, verified=True, primary=True)
        for user in User.objects.exclude(pk__in=has_address).only("pk", "email")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        ("account", "0009_emailaddress_unique_primary_email"),
    ]

    operations = [migrations.RunPython(verify_existing, migrations.RunPython.noop)]
