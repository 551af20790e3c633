import pytest
from axe_playwright_python.sync_playwright import Axe


@pytest.fixture(scope="session")
def axe():
    return Axe()


@pytest.fixture
def assert_no_axe_violations(axe):
    """Run axe-core on the current page and fail with a readable report of what it found."""

    def check(page):
        results = axe.run(page)
        assert results.violations_count == 0, results.generate_report()

    return check


@pytest.fixture(scope="module")
def shipped_catalogue(django_db_setup, django_db_blocker):
    """The real shipped data set, imported once per test module and rolled back after it.

    Tests that use it also need the `db` fixture (each test then runs in a savepoint).
    Costs ~7 s per module, so group the tests that need it.
    """
    from django.db import transaction

    from clusters.importer import import_catalogue

    with django_db_blocker.unblock(), transaction.atomic():
        import_catalogue()
        yield
        transaction.set_rollback(True)
