"""Data committed to the test database, for app server processes that share it."""

from urllib.parse import quote

import pytest
from django.core.management import call_command
from django.db import connection


def database_url(host: str = "", port: int | None = None) -> str:
    """The test database's URL, for other processes; optionally through another host:port."""
    db = connection.settings_dict
    password = f":{quote(db['PASSWORD'], safe='')}" if db["PASSWORD"] else ""
    where = f"{host or db['HOST']}:{port or db['PORT']}"
    return f"postgres://{quote(db['USER'], safe='')}{password}@{where}/{db['NAME']}"


@pytest.fixture(scope="module")
def committed_db(django_db_setup, django_db_blocker):
    """Database access with autocommit for the whole module (other processes see every write);
    emptied at the end as a transactional test is."""
    with django_db_blocker.unblock():
        try:
            yield
        finally:
            call_command("flush", interactive=False, verbosity=0)
