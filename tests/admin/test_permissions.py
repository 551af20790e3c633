"""What a counselor may and may not do, and what an anonymous visitor gets."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from clusters import models as m
from core.roles import COUNSELORS

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path",
    [
        "/admin/auth/user/",
        "/admin/auth/user/add/",
        "/admin/auth/group/",
        "/admin/auth/group/add/",
        "/admin/auth/permission/",
    ],
)
def test_counselor_gets_403_on_users_groups_and_permissions(counselor_client, path):
    assert counselor_client.get(path).status_code == 403


def test_counselor_cannot_grant_themselves_more(counselor_client, counselor):
    own = f"/admin/auth/user/{counselor.pk}/change/"
    assert counselor_client.get(own).status_code == 403
    response = counselor_client.post(
        own,
        {
            "username": counselor.username,
            "is_active": "on",
            "is_staff": "on",
            "is_superuser": "on",
            "user_permissions": [Permission.objects.get(codename="change_user").pk],
            "date_joined_0": "2025-01-01",
            "date_joined_1": "00:00:00",
        },
    )
    assert response.status_code == 403
    group = Group.objects.get(name=COUNSELORS)
    response = counselor_client.post(
        f"/admin/auth/group/{group.pk}/change/",
        {"name": COUNSELORS, "permissions": list(Permission.objects.values_list("pk", flat=True))},
    )
    assert response.status_code == 403
    counselor.refresh_from_db()
    assert not counselor.is_superuser
    assert not counselor.user_permissions.exists()
    assert not group.permissions.filter(content_type__app_label="auth").exists()
    # Nor through the autocomplete endpoint, which would list users or permissions.
    response = counselor_client.get(
        "/admin/autocomplete/",
        {"app_label": "auth", "model_name": "user", "field_name": "groups"},
    )
    assert response.status_code == 403


def test_admin_index_lists_content_but_not_users(counselor_client):
    html = counselor_client.get("/admin/").content.decode()
    assert "Career Clusters admin" in html
    assert "/admin/clusters/occupation/" in html and "/admin/assessments/item/" in html
    assert "/admin/auth/user/" not in html and "/admin/auth/group/" not in html
    assert reverse("admin:assessments_attempt_results") in html


def test_counselor_can_only_view_imported_records(counselor_client, imported_sample):
    release = m.DataRelease.objects.get(key="onet")
    page = f"/admin/clusters/datarelease/{release.pk}/change/"
    assert counselor_client.get(page).status_code == 200
    assert counselor_client.post(page, {"name": "Changed"}).status_code == 403
    task = m.Task.objects.first()
    assert counselor_client.post(f"/admin/clusters/task/{task.pk}/change/", {}).status_code == 403
    assert counselor_client.get("/admin/clusters/occupation/add/").status_code == 403
    nurse = imported_sample["nurse"]
    assert (
        counselor_client.get(f"/admin/clusters/occupation/{nurse.pk}/delete/").status_code == 403
    )
    release.refresh_from_db()
    assert release.name == "O*NET Database"


@pytest.mark.parametrize(
    "path",
    [
        "/admin/",
        "/admin/clusters/occupation/",
        "/admin/clusters/occupation/export/",
        "/admin/clusters/cluster/import/",
        "/admin/clusters/localprogramme/import/",
        "/admin/assessments/attempt/results/",
        "/admin/assessments/item/",
    ],
)
def test_anonymous_visitors_are_sent_to_the_login_page(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert "next=" in response["Location"]


def test_students_without_staff_status_cannot_use_admin(client, django_user_model):
    user = django_user_model.objects.create_user("student", password="a-long-test-password-123")
    client.force_login(user)
    response = client.get("/admin/clusters/occupation/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


def test_counselor_can_log_in_with_a_password(client, counselor):
    from tests.support.admin import PASSWORD

    response = client.post(
        "/admin/login/?next=/admin/",
        {"username": "casey", "password": PASSWORD, "next": "/admin/"},
    )
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
