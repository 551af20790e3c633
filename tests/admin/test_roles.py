"""The Counselors group: exactly the content permissions, nothing on users or permissions;
create_counselor makes a staff account in it."""

import io
import sys

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.core.management.base import CommandError

from core.roles import (
    COUNSELOR_PERMISSIONS,
    COUNSELORS,
    counselor_permission_codenames,
    sync_counselor_group,
)

pytestmark = pytest.mark.django_db

EXPECTED = {
    # Content we write or link: change (and view).
    *(
        ("clusters", f"{action}_{model}")
        for model in ("framework", "cluster", "pathway", "occupation")
        for action in ("change", "view")
    ),
    # Imported parts: view only.
    *(
        ("clusters", f"view_{model}")
        for model in (
            "pathwayoccupation",
            "task",
            "othertitle",
            "relatedoccupation",
            "attribute",
            "educationshare",
            "jobzone",
            "programme",
            "datarelease",
        )
    ),
    *(
        (app, f"{action}_{model}")
        for app, model in (
            ("clusters", "localprogramme"),
            ("assessments", "assessment"),
            ("assessments", "item"),
        )
        for action in ("add", "change", "delete", "view")
    ),
    ("assessments", "view_attempt"),
    ("assessments", "view_response"),
}


def permissions(group) -> set[tuple[str, str]]:
    return set(group.permissions.values_list("content_type__app_label", "codename"))


def test_migrate_created_the_group_with_exactly_these_permissions():
    group = Group.objects.get(name=COUNSELORS)
    assert permissions(group) == EXPECTED


def test_every_migrate_puts_the_group_back_in_step_with_the_list(monkeypatch):
    """A change to COUNSELOR_PERMISSIONS takes effect at the next migrate, with no migration."""
    group = Group.objects.get(name=COUNSELORS)
    group.permissions.remove(Permission.objects.get(codename="view_task"))
    group.permissions.add(Permission.objects.get(codename="change_user"))
    call_command("migrate", verbosity=0)
    assert permissions(group) == EXPECTED


def test_nothing_on_users_groups_permissions_or_sessions():
    granted = permissions(sync_counselor_group())
    assert not {p for p in granted if p[0] in {"auth", "admin", "contenttypes", "sessions"}}
    assert not {p for p in granted if p[1].split("_", 1)[0] != "view" and "attempt" in p[1]}


def test_sync_removes_extra_permissions_and_is_idempotent():
    group = sync_counselor_group()
    group.permissions.add(Permission.objects.get(codename="change_user"))
    again = sync_counselor_group()
    assert again.pk == group.pk
    assert permissions(again) == EXPECTED == counselor_permission_codenames()
    assert Group.objects.filter(name=COUNSELORS).count() == 1


def test_every_listed_model_exists():
    from django.apps import apps

    for app_label, model in COUNSELOR_PERMISSIONS:
        apps.get_model(app_label, model)


def test_create_counselor_without_a_terminal_sets_an_unusable_password(django_user_model):
    out = io.StringIO()
    call_command("create_counselor", "sam", "--email", "sam@school.example", stdout=out)
    sam = django_user_model.objects.get(username="sam")
    assert sam.is_staff and sam.is_active and not sam.is_superuser
    assert not sam.has_usable_password()
    assert sam.email == "sam@school.example"
    assert list(sam.groups.values_list("name", flat=True)) == [COUNSELORS]
    assert sam.has_perm("clusters.change_pathway") and not sam.has_perm("auth.change_user")
    assert "changepassword sam" in out.getvalue()


def test_create_counselor_prompts_for_a_password_in_a_terminal(django_user_model, monkeypatch):
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    answers = iter(["a-long-test-password-123", "a-long-test-password-123"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    call_command("create_counselor", "robin", stdout=io.StringIO())
    assert django_user_model.objects.get(username="robin").check_password(
        "a-long-test-password-123"
    )


def test_create_counselor_rejects_a_weak_password_three_times(django_user_model, monkeypatch):
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("getpass.getpass", lambda prompt="": "123")
    with pytest.raises(CommandError, match="No password set"):
        call_command("create_counselor", "weak", stdout=io.StringIO(), stderr=io.StringIO())
    assert not django_user_model.objects.filter(username="weak").exists()


def test_create_counselor_makes_an_existing_account_a_counselor(django_user_model):
    user = django_user_model.objects.create_user("lee", password="a-long-test-password-123")
    call_command("create_counselor", "lee", "--no-input", stdout=io.StringIO())
    user.refresh_from_db()
    assert user.is_staff and user.groups.filter(name=COUNSELORS).exists()
    assert user.check_password("a-long-test-password-123")  # kept


def test_create_counselor_rejects_a_bad_email_or_username(django_user_model):
    with pytest.raises(CommandError, match="not a valid email"):
        call_command("create_counselor", "kim", "--email", "not-an-email")
    with pytest.raises(CommandError):
        call_command("create_counselor", "bad name!")
    assert not django_user_model.objects.exists()


def test_create_counselor_hint_names_the_python_that_has_django(tmp_path, monkeypatch):
    """The printed changepassword command must work as written: `python` only when that is
    this interpreter (an activated venv), else the venv's own python (`.venv/bin/python`)."""
    bin_dir = tmp_path / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    venv_python = bin_dir / "python"
    venv_python.symlink_to(sys.executable)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("sys.executable", str(venv_python))

    def hint(username: str) -> str:
        out = io.StringIO()
        call_command("create_counselor", username, "--no-password", stdout=out)
        return next(
            line.strip() for line in out.getvalue().splitlines() if "changepassword" in line
        )

    monkeypatch.setenv("PATH", "/usr/bin:/bin")  # the venv is not activated
    assert hint("sam") == ".venv/bin/python manage.py changepassword sam"
    monkeypatch.setenv("PATH", f"{bin_dir}:/usr/bin:/bin")  # it is
    assert hint("ana") == "python manage.py changepassword ana"
