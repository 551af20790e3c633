"""A counselor's flow in a real browser: log in, edit a pathway description, add a local
programme for that pathway, and see both on the public pathway page."""

import pytest

from clusters import models as m
from clusters.importer import import_catalogue
from core.roles import sync_counselor_group
from tests.support.sample_source import write_source

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a-long-test-password-123"


@pytest.fixture
def counselor(django_user_model, tmp_path):
    import_catalogue(source=write_source(tmp_path / "data"))
    user = django_user_model.objects.create_user("casey", password=PASSWORD, is_staff=True)
    user.groups.add(sync_counselor_group())
    return user


def watch_csp(page) -> list[str]:
    errors: list[str] = []
    page.on(
        "console",
        lambda message: (
            errors.append(message.text)
            if "Content Security Policy" in message.text
            or "Content-Security-Policy" in message.text
            else None
        ),
    )
    return errors


def test_counselor_edits_a_pathway_and_adds_a_local_programme(page, live_server, counselor):
    csp_errors = watch_csp(page)
    pathway = m.Pathway.objects.select_related("cluster").get(name="Physical Health")

    page.goto(f"{live_server.url}/admin/clusters/pathway/")
    page.get_by_label("Username").fill("casey")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/admin/clusters/pathway/")
    assert page.locator("#site-name").inner_text() == "Career Clusters admin"

    page.get_by_role("link", name="Physical Health").first.click()
    page.locator("#id_description").fill("Help people stay well: nursing, dentistry and more.")
    page.locator("input[name=_save]").click()
    page.wait_for_url("**/admin/clusters/pathway/")
    assert "was changed successfully" in page.locator(".messagelist").inner_text()

    page.goto(f"{live_server.url}/admin/clusters/localprogramme/add/")
    page.get_by_label("Name").fill("Health Careers I")
    page.get_by_label("Kind").select_option("course")
    page.get_by_label("Description").fill("A year-long class about jobs in health care.")
    page.locator("#id_grade_from").select_option("10")
    page.locator("#id_grade_to").select_option("12")
    # Pathways: the search-as-you-type box (select2), driven like a person would.
    page.locator("#id_pathways").locator("xpath=following-sibling::span[1]").click()
    page.locator(".select2-search__field").first.fill("Physical")
    page.locator(".select2-results__option", has_text="Physical Health").click()
    page.locator("input[name=_save]").click()
    page.wait_for_url("**/admin/clusters/localprogramme/")
    assert "Health Careers I" in page.locator("#result_list").inner_text()

    page.goto(f"{live_server.url}/clusters/{pathway.cluster.slug}/{pathway.slug}/")
    assert page.locator("h1").inner_text() == "Physical Health"
    assert page.get_by_text("Help people stay well: nursing, dentistry and more.").is_visible()
    school = page.locator("#at-our-school")
    assert school.is_visible()
    offers = page.locator(".local-programmes").inner_text()
    assert "Health Careers I" in offers and "Grades 10–12" in offers
    assert csp_errors == []


def test_results_and_import_pages_have_no_axe_violations(
    page, live_server, counselor, assert_no_axe_violations
):
    csp_errors = watch_csp(page)
    page.goto(f"{live_server.url}/admin/login/?next=/admin/assessments/attempt/results/")
    page.get_by_label("Username").fill("casey")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/results/")
    assert page.locator("svg[role=img]").count() >= 1
    assert_no_axe_violations(page)
    page.goto(f"{live_server.url}/admin/clusters/localprogramme/import/")
    assert_no_axe_violations(page)
    assert csp_errors == []
