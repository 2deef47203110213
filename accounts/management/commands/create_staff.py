"""`manage.py create_staff EMAIL --role Editor`: a staff account that can sign in at once.

Use it instead of `createsuperuser`: sign-in requires a verified address, and an account
made by `createsuperuser` has none until its owner follows the emailed link.
"""

import getpass
import os

from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from accounts.staff import create_staff
from articles.roles import ROLES


class Command(BaseCommand):
    help = "Create a newsroom staff account (Writer, Editor, Administrator), address verified."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--role", choices=list(ROLES), required=True)
        parser.add_argument("--name", default="")
        parser.add_argument(
            "--password-from-env",
            metavar="VARIABLE",
            help="Read the password from this environment variable instead of asking.",
        )

    def handle(self, *args, email, role, name, password_from_env, **options):
        User = get_user_model()
        email = User.objects.normalize_email(email)
        if User.objects.filter(email__iexact=email).exists():
            raise CommandError(f"There is already an account for {email}.")
        if not Group.objects.filter(name=role).exists():
            raise CommandError(f"The {role} group is missing: run `manage.py migrate` first.")
        password = self._password(password_from_env)
        try:
            password_validation.validate_password(password, User(email=email, name=name))
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        create_staff(email=email, password=password, role=role, name=name)
        self.stdout.write(self.style.SUCCESS(f"{role} {email} can sign in at /admin/ now."))

    @staticmethod
    def _password(variable: str | None) -> str:
        if variable:
            password = os.environ.get(variable, "")
            if not password:
                raise CommandError(f"The environment variable {variable} is empty.")
            return password
        password = getpass.getpass("Password: ")
        if password != getpass.getpass("Password (again): "):
            raise CommandError("The two passwords differ.")
        return password
