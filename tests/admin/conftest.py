"""The usual cast for admin tests (counselor, superuser, anonymous) and a small catalogue."""

import pytest

from clusters import models as m
from clusters.importer import import_catalogue
from core.roles import sync_counselor_group
from tests.support.admin import PASSWORD
from tests.support.sample_source import write_source


@pytest.fixture
def counselor(django_user_model):
    user = django_user_model.objects.create_user(
        "casey", email="casey@school.example", password=PASSWORD, is_staff=True
    )
    user.groups.add(sync_counselor_group())
    return user


@pytest.fixture
def counselor_client(client, counselor):
    client.force_login(counselor)
    return client


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("root", "root@school.example", PASSWORD)


@pytest.fixture
def superuser_client(client, superuser):
    client.force_login(superuser)
    return client


@pytest.fixture
def imported_sample(tmp_path, db):
    """The importer's small sample source, imported: two frameworks, a few clusters,
    pathways and occupations with tasks, titles, wages and programmes of study."""
    import_catalogue(source=write_source(tmp_path / "data"))
    return {
        "nurse": m.Occupation.objects.get(code="29-1141.00"),
        "actor": m.Occupation.objects.get(code="27-2011.00"),
        "health": m.Cluster.objects.get(
            framework__slug="national-2024", name__startswith="Health"
        ),
        "physical": m.Pathway.objects.get(name="Physical Health"),
        "national": m.Framework.objects.get(slug="national-2024"),
        "classic": m.Framework.objects.get(slug="classic-16"),
    }
