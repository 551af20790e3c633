"""The kinds of staff user and what each may do.

Counselors manage content in the admin: they write descriptions, set the default framework,
link local programmes, manage the quiz, and look at attempts (anonymous) and aggregate results.
They get nothing on users, groups or permissions, so they cannot give themselves more.

Imported catalogue records (occupations, tasks, titles, job zones, programmes of study, ...)
are created and removed by the importer only, so counselors may view them and, where a record
has something they write or link (frameworks, clusters, pathways, occupations), change it;
the admin keeps every imported field read-only for everyone.
"""

from __future__ import annotations

from django.apps import apps as global_apps

COUNSELORS = "Counselors"

ALL = ("add", "change", "delete", "view")
VIEW_CHANGE = ("change", "view")
VIEW = ("view",)

# (app label, model name) -> actions. The single source of the Counselors group's permissions.
COUNSELOR_PERMISSIONS: dict[tuple[str, str], tuple[str, ...]] = {
    # Catalogue: authored descriptions, the default framework, links to local programmes.
    ("clusters", "framework"): VIEW_CHANGE,
    ("clusters", "cluster"): VIEW_CHANGE,
    ("clusters", "pathway"): VIEW_CHANGE,
    ("clusters", "occupation"): VIEW_CHANGE,
    # Imported parts of the catalogue: shown in the admin, never edited there.
    ("clusters", "pathwayoccupation"): VIEW,
    ("clusters", "task"): VIEW,
    ("clusters", "othertitle"): VIEW,
    ("clusters", "relatedoccupation"): VIEW,
    ("clusters", "attribute"): VIEW,
    ("clusters", "educationshare"): VIEW,
    ("clusters", "jobzone"): VIEW,
    ("clusters", "programme"): VIEW,
    ("clusters", "datarelease"): VIEW,
    # What the school writes itself.
    ("clusters", "localprogramme"): ALL,
    # The quiz.
    ("assessments", "assessment"): ALL,
    ("assessments", "item"): ALL,
    ("assessments", "attempt"): VIEW,
    ("assessments", "response"): VIEW,
}


def counselor_permission_codenames() -> set[tuple[str, str]]:
    """(app label, codename) pairs the Counselors group holds, e.g. ("clusters", "view_task")."""
    return {
        (app_label, f"{action}_{model}")
        for (app_label, model), actions in COUNSELOR_PERMISSIONS.items()
        for action in actions
    }


def sync_counselor_group(*, apps=global_apps, using: str = "default", missing_ok: bool = False):
    """Create the Counselors group if needed and give it exactly COUNSELOR_PERMISSIONS.

    Runs after every `migrate` (see core/apps.py), so a change to COUNSELOR_PERMISSIONS needs
    no migration; `manage.py create_counselor` calls it too. Permissions must exist already;
    a missing one raises LookupError rather than silently giving the group less, unless
    `missing_ok`.
    """
    group_model = apps.get_model("auth", "Group")
    permission_model = apps.get_model("auth", "Permission")
    wanted = counselor_permission_codenames()
    found = list(
        permission_model.objects.using(using)
        .filter(
            content_type__app_label__in={app for app, _ in wanted},
            codename__in={codename for _, codename in wanted},
        )
        .values_list("pk", "content_type__app_label", "codename")
    )
    by_key = {(app, codename): pk for pk, app, codename in found}
    missing = sorted(wanted - by_key.keys())
    if missing and not missing_ok:
        names = ", ".join(f"{app}.{codename}" for app, codename in missing)
        raise LookupError(f"These permissions do not exist yet: {names}. Run migrate first.")
    group, _ = group_model.objects.using(using).get_or_create(name=COUNSELORS)
    group.permissions.set([by_key[key] for key in wanted if key in by_key])
    return group


def sync_counselor_group_after_migrate(*, apps=global_apps, using="default", **kwargs) -> None:
    """post_migrate receiver. `missing_ok`: `migrate` to an older migration can leave a model
    without its table and permissions; the group then gets what exists."""
    sync_counselor_group(apps=apps, using=using, missing_ok=True)
