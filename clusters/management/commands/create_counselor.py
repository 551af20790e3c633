import getpass
import os
import shutil
import sys

from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.core.validators import validate_email
from django.db import transaction

from core.roles import COUNSELORS, sync_counselor_group


class Command(BaseCommand):
    help = (
        "Make a counselor: a staff account in the Counselors group, which may manage content "
        "and see quiz results in the admin but not users or permissions. Asks for a password "
        "when run in a terminal; otherwise (or with --no-password) the account gets no usable "
        "password and the command says how to set one. An existing account is made a counselor "
        "and keeps its password."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--email", default="", help="The counselor's email address.")
        parser.add_argument(
            "--no-password",
            action="store_true",
            help="Do not ask for a password; set one later with changepassword.",
        )
        parser.add_argument(
            "--no-input",
            "--noinput",
            action="store_false",
            dest="interactive",
            help="Never prompt (same as --no-password for a new account).",
        )

    def handle(self, *args, username: str, email: str, no_password: bool, interactive: bool, **o):
        User = get_user_model()
        if email:
            try:
                validate_email(email)
            except ValidationError:
                raise CommandError(f"{email!r} is not a valid email address.") from None
        username = username.strip()
        if not username:
            raise CommandError("The username cannot be blank.")
        user = User.objects.filter(**{User.USERNAME_FIELD: username}).first()
        created = user is None
        if created:
            user = User(**{User.USERNAME_FIELD: username})
            try:
                user.full_clean(exclude=["password"])
            except ValidationError as error:
                raise CommandError(
                    "; ".join(f"{k}: {' '.join(v)}" for k, v in error.message_dict.items())
                ) from None
        password = None
        if created and interactive and not no_password and sys.stdin.isatty():
            password = self._ask_password(user)

        with transaction.atomic():
            group = sync_counselor_group()
            user.is_staff = True
            user.is_active = True
            if email:
                user.email = email
            if created:
                if password:
                    user.set_password(password)
                else:
                    user.set_unusable_password()
            user.save()
            user.groups.add(group)

        verb = "Created" if created else "Updated"
        self.stdout.write(
            self.style.SUCCESS(
                f"{verb} counselor {username!r} (staff, in the {COUNSELORS} group)."
            )
        )
        if created and not password:
            self.stdout.write(
                "The account has no password yet, so nobody can log in with it. Set one with:\n"
                f"  {python_command()} manage.py changepassword {username}\n"
                "or, as a superuser, open the user in the admin and use “Set password”."
            )

    def _ask_password(self, user) -> str | None:
        for _ in range(3):
            first = getpass.getpass("Password (leave blank to set one later): ")
            if not first:
                return None
            if first != getpass.getpass("Password (again): "):
                self.stderr.write("The passwords did not match. Try again.")
                continue
            try:
                validate_password(first, user)
            except ValidationError as error:
                self.stderr.write(" ".join(error.messages))
                continue
            return first
        raise CommandError("No password set after three tries; nothing was changed.")


def python_command() -> str:
    """How to run this same Python from here: `python` when that is it (an activated venv, a
    container), else its path, e.g. `.venv/bin/python` (a bare `python` would lack Django)."""
    on_path = shutil.which("python")
    if on_path and os.path.abspath(on_path) == sys.executable:
        return "python"
    relative = os.path.relpath(sys.executable)
    return sys.executable if relative.startswith("..") else relative
