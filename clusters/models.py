"""The career catalogue: frameworks, clusters, pathways, occupations and their imported data.

Imported fields come from public data sets (see DataRelease); `description` fields on
frameworks, clusters and pathways are written by us and never overwritten by the importer.
"""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext, gettext_lazy

from clusters.riasec import scores_of
from core.i18n import SPANISH_HELP


class DataRelease(models.Model):
    """One published data set we import, with what users must be told about it."""

    key = models.SlugField(unique=True, help_text="Stable identifier, e.g. onet.")
    name = models.CharField(max_length=200)
    version = models.CharField(max_length=100)
    published = models.DateField(help_text="When the publisher released this version.")
    publisher = models.CharField(max_length=200)
    licence = models.CharField(max_length=200)
    url = models.URLField(blank=True)
    attribution = models.TextField(help_text="The credit line shown with the data.")
    facts = models.JSONField(
        default=dict,
        blank=True,
        help_text=(
            "Figures read from the release that pages need: the OEWS wage cap (wage_cap), "
            "the projection years (start, end)."
        ),
    )
    imported_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.name} {self.version}"


class Framework(models.Model):
    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=200)
    name_es = models.CharField(
        "name in Spanish", max_length=200, blank=True, help_text=SPANISH_HELP
    )
    description = models.TextField(blank=True, help_text="Written by us; shown to students.")
    description_es = models.TextField("description in Spanish", blank=True, help_text=SPANISH_HELP)
    is_default = models.BooleanField(
        default=False, help_text="The framework the site shows unless a student picks the other."
    )
    position = models.PositiveSmallIntegerField(default=0)
    release = models.ForeignKey(DataRelease, on_delete=models.PROTECT)

    class Meta:
        ordering = ["position", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"], condition=Q(is_default=True), name="one_default_framework"
            )
        ]

    def __str__(self) -> str:
        return self.name


class Cluster(models.Model):
    framework = models.ForeignKey(Framework, on_delete=models.CASCADE, related_name="clusters")
    slug = models.SlugField(unique=True, help_text="Unique across frameworks: /clusters/<slug>/.")
    name = models.CharField(max_length=200)
    name_es = models.CharField(
        "name in Spanish", max_length=200, blank=True, help_text=SPANISH_HELP
    )
    description = models.TextField(blank=True, help_text="Written by us; shown to students.")
    description_es = models.TextField("description in Spanish", blank=True, help_text=SPANISH_HELP)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("clusters:cluster", args=[self.slug])


class Pathway(models.Model):
    cluster = models.ForeignKey(Cluster, on_delete=models.CASCADE, related_name="pathways")
    slug = models.SlugField()
    name = models.CharField(max_length=200)
    name_es = models.CharField(
        "name in Spanish", max_length=200, blank=True, help_text=SPANISH_HELP
    )
    description = models.TextField(blank=True, help_text="Written by us; shown to students.")
    description_es = models.TextField("description in Spanish", blank=True, help_text=SPANISH_HELP)
    occupations = models.ManyToManyField(
        "Occupation", related_name="pathways", blank=True, through="PathwayOccupation"
    )
    programmes = models.ManyToManyField("Programme", related_name="pathways", blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["cluster", "slug"], name="pathway_slug_per_cluster")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.cluster.name})"

    def get_absolute_url(self) -> str:
        return reverse("clusters:pathway", args=[self.cluster.slug, self.slug])


class PathwayOccupation(models.Model):
    """An occupation in a pathway (and so in its cluster), as the framework's data puts it."""

    pathway = models.ForeignKey(Pathway, on_delete=models.CASCADE)
    occupation = models.ForeignKey("Occupation", on_delete=models.CASCADE)
    is_weak = models.BooleanField(
        default=False,
        help_text=(
            "In this pathway only because the crosswalk lists an 'All Other' SOC group "
            "that this O*NET occupation is one of; never used as an example of the cluster."
        ),
    )
    """True when the only evidence for this membership is a crosswalk row for an "All Other"
    SOC code (such as 15-1299, Computer Occupations, All Other) and the occupation is one of
    the specific O*NET occupations O*NET files under it (15-1299.01, Web Administrators):
    the crosswalk says where the whole catch-all group goes, not where this job goes. Weak
    members stay in the pathway's lists but do not count in quiz matching and are never
    shown as examples there (see clusters.importer.read_frameworks.weak_memberships)."""

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["pathway", "occupation"], name="unique_pathway_occ")
        ]

    def __str__(self) -> str:
        return f"{self.occupation_id} in {self.pathway_id}"


class JobZone(models.Model):
    """O*NET's five levels of preparation, with O*NET's own text shown as data."""

    number = models.PositiveSmallIntegerField(primary_key=True)
    name = models.CharField(max_length=200)
    education = models.TextField()
    experience = models.TextField()
    training = models.TextField()
    examples = models.TextField()

    def __str__(self) -> str:
        return self.name


class Occupation(models.Model):
    code = models.CharField(
        max_length=10, unique=True, help_text="O*NET-SOC code, e.g. 29-1141.00"
    )
    title = models.CharField(max_length=200)
    title_es = models.CharField(
        "title in Spanish",
        max_length=200,
        blank=True,
        help_text="Our translation of the O*NET title. " + SPANISH_HELP,
    )
    keywords_es = models.TextField(
        "Spanish search words",
        blank=True,
        help_text="Other Spanish words students type for this career, separated by ; "
        "(search on Spanish pages finds them).",
    )
    description = models.TextField()
    release = models.ForeignKey(DataRelease, on_delete=models.PROTECT, related_name="+")

    # O*NET interest profile, 1-7 per RIASEC area; null when O*NET has none.
    realistic = models.FloatField(null=True, blank=True)
    investigative = models.FloatField(null=True, blank=True)
    artistic = models.FloatField(null=True, blank=True)
    social = models.FloatField(null=True, blank=True)
    enterprising = models.FloatField(null=True, blank=True)
    conventional = models.FloatField(null=True, blank=True)
    interest_code = models.CharField(
        max_length=3, blank=True, help_text="O*NET's first, second and third high points."
    )
    job_zone = models.ForeignKey(
        JobZone, null=True, blank=True, on_delete=models.PROTECT, related_name="occupations"
    )

    # BLS figures; `bls_code` says which BLS occupation they describe (sometimes a broader group).
    bls_code = models.CharField(max_length=7, blank=True)
    bls_title = models.CharField(max_length=200, blank=True)
    entry_education = models.CharField(max_length=100, blank=True)
    work_experience = models.CharField(max_length=100, blank=True)
    job_training = models.CharField(max_length=100, blank=True)
    wage_p10 = models.PositiveIntegerField(null=True, blank=True)
    wage_p25 = models.PositiveIntegerField(null=True, blank=True)
    wage_median = models.PositiveIntegerField(null=True, blank=True)
    wage_p75 = models.PositiveIntegerField(null=True, blank=True)
    wage_p90 = models.PositiveIntegerField(null=True, blank=True)
    wage_top_coded = models.BooleanField(
        default=False, help_text="Some percentiles are at BLS's top figure (wage_cap)."
    )
    wage_cap = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text="BLS's top published yearly figure, when some of this job's pay is at it.",
    )
    hourly_only = models.BooleanField(
        default=False, help_text="BLS publishes only hourly wages (work that is not year-round)."
    )
    employment_2024 = models.PositiveIntegerField(null=True, blank=True)
    employment_2034 = models.PositiveIntegerField(null=True, blank=True)
    employment_change_pct = models.FloatField(null=True, blank=True)
    annual_openings = models.PositiveIntegerField(null=True, blank=True)
    wage_hourly_median = models.DecimalField(
        max_digits=6,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="Median hourly pay, kept for jobs BLS publishes only hourly pay for.",
    )
    bright_outlook = models.BooleanField(
        "growing demand",
        default=False,
        help_text=(
            "Our rule: projected to grow at least twice as fast as all jobs together, or "
            "not shrinking and at least 10,000 openings a year."
        ),
    )
    figures_for_group = models.BooleanField(
        default=False,
        help_text=(
            "The BLS figures (pay, jobs, outlook, entry education) describe a group of jobs "
            "that includes this one (BLS code and title above), not this job alone."
        ),
    )
    figures_group = models.CharField(
        max_length=250,
        blank=True,
        help_text="Whom the figures describe, in plain words: 'all registered nurses'.",
    )

    is_retired = models.BooleanField(
        default=False,
        help_text=(
            "The latest data release no longer lists this occupation: it is left out of "
            "lists, search and matching, and its page points to related careers."
        ),
    )

    # Lower-cased titles, alternate titles and tasks, kept for search.
    search_titles = models.TextField(blank=True, editable=False)
    search_body = models.TextField(blank=True, editable=False)

    related = models.ManyToManyField(
        "self", through="RelatedOccupation", symmetrical=False, related_name="+"
    )
    programmes = models.ManyToManyField("Programme", related_name="occupations", blank=True)

    class Meta:
        ordering = ["title"]
        indexes = [
            models.Index(fields=["job_zone"]),
            models.Index(fields=["wage_median"]),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.code})"

    def get_absolute_url(self) -> str:
        return reverse("clusters:occupation", args=[self.code])

    @property
    def riasec_scores(self) -> dict[str, float | None]:
        return scores_of(self)

    @property
    def has_interests(self) -> bool:
        return self.realistic is not None


class Task(models.Model):
    occupation = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="tasks")
    text = models.TextField()
    is_core = models.BooleanField(default=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["occupation", "-is_core", "position"]

    def __str__(self) -> str:
        return self.text


class OtherTitle(models.Model):
    ALTERNATE = "alternate"
    REPORTED = "reported"
    KINDS = [(ALTERNATE, "Alternate title"), (REPORTED, "Title reported by workers")]

    occupation = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="titles")
    title = models.CharField(max_length=300)
    short_title = models.CharField(max_length=100, blank=True)
    kind = models.CharField(max_length=10, choices=KINDS)
    featured = models.BooleanField(default=False, help_text="O*NET shows it in My Next Move.")

    class Meta:
        ordering = ["occupation", "-featured", "title"]

    def __str__(self) -> str:
        return self.title


class RelatedOccupation(models.Model):
    occupation = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="+")
    related = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="+")
    tier = models.CharField(max_length=30)
    rank = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["occupation", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["occupation", "related"], name="unique_related")
        ]

    def __str__(self) -> str:
        return f"{self.related_id} ({self.tier}, {self.rank})"


class Attribute(models.Model):
    """One of an occupation's most important skills or knowledge areas (O*NET importance 1-5)."""

    SKILL = "skill"
    KNOWLEDGE = "knowledge"
    KINDS = [(SKILL, "Skill"), (KNOWLEDGE, "Knowledge")]

    occupation = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="attributes")
    kind = models.CharField(max_length=10, choices=KINDS)
    name = models.CharField(max_length=200)
    importance = models.FloatField()

    class Meta:
        ordering = ["occupation", "kind", "-importance", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.importance:.1f})"


class EducationShare(models.Model):
    """Share of workers who say a level of education is needed (O*NET RL scale)."""

    occupation = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="education")
    category = models.PositiveSmallIntegerField()
    label = models.TextField()
    percent = models.FloatField()

    class Meta:
        ordering = ["occupation", "category"]

    def __str__(self) -> str:
        return f"{self.label}: {self.percent:.0f}%"


class Programme(models.Model):
    """A program of study (CIP 2020). Code names keep the old spelling; the words are US."""

    cip_code = models.CharField(max_length=7, unique=True)
    title = models.CharField(max_length=300)

    class Meta:
        ordering = ["title"]
        verbose_name = "program of study"
        verbose_name_plural = "programs of study"

    def __str__(self) -> str:
        return f"{self.title} ({self.cip_code})"


class LocalProgramme(models.Model):
    """Something a school offers locally, entered by counselors ("At our school")."""

    class Kind(models.TextChoices):
        COURSE = "course", gettext_lazy("Course")
        CTE_PROGRAMME = "cte", gettext_lazy("CTE program")
        DUAL_CREDIT = "dual-credit", gettext_lazy("Dual-credit option")
        CERTIFICATION = "certification", gettext_lazy("Certification")
        INTERNSHIP = "internship", gettext_lazy("Internship")
        JOB_SHADOWING = "job-shadowing", gettext_lazy("Job shadowing")
        APPRENTICESHIP = "apprenticeship", gettext_lazy("Apprenticeship")
        OTHER_WORK_BASED = "work-based", gettext_lazy("Other work-based learning")

    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    description = models.TextField(blank=True)
    link = models.URLField(blank=True)
    grade_from = models.PositiveSmallIntegerField(null=True, blank=True)
    grade_to = models.PositiveSmallIntegerField(null=True, blank=True)
    pathways = models.ManyToManyField(Pathway, related_name="local_programmes", blank=True)
    occupations = models.ManyToManyField(Occupation, related_name="local_programmes", blank=True)
    is_published = models.BooleanField(default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "local program"
        verbose_name_plural = "local programs"
        constraints = [
            models.CheckConstraint(
                condition=Q(grade_from__isnull=True)
                | Q(grade_to__isnull=True)
                | Q(grade_from__lte=models.F("grade_to")),
                name="grades_in_order",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def grades(self) -> str:
        if self.grade_from and self.grade_to:
            return gettext("Grades %(start)s–%(end)s") % {
                "start": self.grade_from,
                "end": self.grade_to,
            }
        if self.grade_from:
            return gettext("Grade %(start)s and up") % {"start": self.grade_from}
        if self.grade_to:
            return gettext("Up to grade %(end)s") % {"end": self.grade_to}
        return ""
