"""Helpers for the admin tests: rows to fill lists, and reading change forms."""

from clusters import models as m

PASSWORD = "a-long-test-password-123"


def add_rows(n: int) -> None:
    """n more of every catalogue row type (each occupation in a new pathway, with a task, a
    title, a related occupation, a skill, an education share and a local programme), so list
    pages can be measured at two sizes."""
    release = m.DataRelease.objects.get(key="onet")
    framework = m.Framework.objects.get(slug="national-2024")
    zone = m.JobZone.objects.get(number=3)
    nurse = m.Occupation.objects.get(code="29-1141.00")
    start = m.Cluster.objects.filter(slug__startswith="x-cluster-").count()
    prefix = "x"
    for i in range(start, start + n):
        cluster = m.Cluster.objects.create(
            framework=framework, slug=f"{prefix}-cluster-{i}", name=f"{prefix} cluster {i}"
        )
        pathway = m.Pathway.objects.create(
            cluster=cluster, slug=f"p{i}", name=f"{prefix} pathway {i}", description="Ours."
        )
        occupation = m.Occupation.objects.create(
            code=f"99-{i:04d}.00",
            title=f"{prefix} occupation {i}",
            description="Does things.",
            release=release,
            job_zone=zone,
            search_titles=f"{prefix} occupation {i}",
        )
        m.PathwayOccupation.objects.create(pathway=pathway, occupation=occupation)
        m.Task.objects.create(occupation=occupation, text=f"Task {i}")
        m.OtherTitle.objects.create(occupation=occupation, title=f"Alt {i}", kind="alternate")
        m.RelatedOccupation.objects.create(occupation=occupation, related=nurse, tier="x", rank=1)
        m.Attribute.objects.create(
            occupation=occupation, kind="skill", name="Speaking", importance=3
        )
        m.EducationShare.objects.create(occupation=occupation, category=1, label="None", percent=5)
        m.Programme.objects.create(cip_code=f"99.{i:04d}", title=f"{prefix} programme {i}")
        programme = m.LocalProgramme.objects.create(name=f"{prefix} local {i}", kind="course")
        programme.pathways.add(pathway)
        programme.occupations.add(occupation)


def add_quiz_rows(n: int, assessment=None) -> None:
    """n more assessments' worth of quiz rows: an assessment with an item, and attempts
    (one finished, one not) each with a response."""
    from assessments.models import Assessment, Attempt, Item, Response

    start = Assessment.objects.filter(slug__startswith="x-quiz-").count()
    for i in range(start, start + n):
        quiz = assessment or Assessment.objects.create(slug=f"x-quiz-{i}", name=f"Quiz {i}")
        item = Item.objects.create(assessment=quiz, order=100 + i, area="R", text=f"Do {i}")
        for finished in (True, False):
            attempt = Attempt.objects.create(assessment=quiz)
            if finished:
                Attempt.objects.filter(pk=attempt.pk).update(
                    completed_at=attempt.created_at, code="RIA", realistic=6, investigative=5,
                    artistic=4, social=2, enterprising=2, conventional=1,
                )  # fmt: skip
            Response.objects.create(attempt=attempt, item=item, value=4)


def change_form_data(response) -> dict:
    """What a browser would post back from an admin change form, unchanged."""
    data = {}

    def add(form):
        for name in form.fields:
            value = form[name].value()
            key = form.add_prefix(name)
            if value is None or value is False:
                continue
            if value is True:
                data[key] = "on"
            elif isinstance(value, (list, tuple)):
                data[key] = [getattr(v, "pk", v) for v in value]
            else:
                data[key] = getattr(value, "pk", value)

    add(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        add(formset.management_form)
        for form in formset.initial_forms:
            add(form)
    return data


def inline_prefix(response, inline_class_name: str) -> str:
    for inline in response.context["inline_admin_formsets"]:
        if type(inline.opts).__name__ == inline_class_name:
            return inline.formset.prefix
    raise LookupError(inline_class_name)
