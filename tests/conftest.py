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
