import json

from django.core.management.base import BaseCommand, CommandError

from assessments.matching import match_profile
from assessments.scoring import AREAS, interest_code, is_flat, validate_profile
from assessments.selectors import matching_catalogue


class Command(BaseCommand):
    help = (
        "Rank the Career Clusters and occupations for a RIASEC interest profile on O*NET's "
        "1-7 scale, e.g. --riasec 2,6,3,5,2,3 (Realistic, Investigative, Artistic, Social, "
        "Enterprising, Conventional)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--riasec",
            required=True,
            help="Six scores from 1 to 7 separated by commas, in the order R,I,A,S,E,C.",
        )
        parser.add_argument("--framework", help="Framework slug (default: the site's default).")
        parser.add_argument(
            "--plan",
            type=int,
            choices=range(1, 6),
            metavar="ZONE",
            help="Education plan as a job zone 1-5: only suggest occupations near it.",
        )
        parser.add_argument(
            "--top", type=int, default=10, help="How many occupations to list (default 10)."
        )
        parser.add_argument("--json", action="store_true", help="Print JSON instead of text.")

    def handle(self, *args, riasec: str, framework, plan, top: int, json: bool, **options):
        profile = self.parse_profile(riasec)
        if top < 1:
            raise CommandError("--top must be 1 or more.")
        if len(set(profile.values())) == 1:
            raise CommandError(
                "All six scores are the same, so there is nothing to match: a profile needs "
                "some areas higher than others."
            )
        catalogue = matching_catalogue()
        if not catalogue.frameworks:
            raise CommandError(
                "No occupations with interest profiles are loaded. "
                "Run: python manage.py import_career_data"
            )
        try:
            match = match_profile(
                profile=profile,
                catalogue=catalogue,
                framework=framework,
                education_plan=plan,
                top_occupations=top,
            )
        except LookupError:
            known = ", ".join(catalogue.frameworks)
            raise CommandError(f"Unknown framework {framework!r}. Known: {known}.") from None
        flat = is_flat(profile=profile)
        if json:
            self.stdout.write(self.as_json(match, flat))
            return
        if flat:
            self.stderr.write(
                "Warning: this profile is nearly flat (the areas hardly differ), so the "
                "ranking below says little."
            )
        self.stdout.write(
            f"Profile {', '.join(f'{a} {profile[a]:g}' for a in AREAS)}; "
            f"interest code {interest_code(profile=profile)}; framework {match.framework.slug}"
            + (f"; education plan: job zone {plan} (+/- 1)" if plan else "")
        )
        self.stdout.write("\nClusters, best match first (score = mean of the 5 best fits):")
        for c in match.clusters:
            self.stdout.write(f"  {c.rank:2}. {c.score:6.3f}  {c.cluster.slug}  {c.cluster.name}")
        self.stdout.write("\nTop occupations (fit = Pearson correlation of the profiles):")
        for f in match.top_occupations:
            self.stdout.write(f"  {f.fit:6.3f}  {f.occupation.code}  {f.occupation.title}")

    def parse_profile(self, raw: str) -> dict[str, float]:
        parts = [p.strip() for p in raw.replace(" ", ",").split(",") if p.strip()]
        try:
            values = [float(p) for p in parts]
        except ValueError:
            raise CommandError(
                f"--riasec needs six numbers separated by commas (R,I,A,S,E,C), not {raw!r}."
            ) from None
        try:
            return validate_profile(values=values)
        except ValueError as error:
            raise CommandError(f"--riasec: {error}") from None

    def as_json(self, match, flat: bool) -> str:
        return json.dumps(
            {
                "profile": match.profile,
                "code": match.code,
                "flat": flat,
                "framework": match.framework.slug,
                "education_plan": match.education_plan,
                "clusters": [
                    {
                        "rank": c.rank,
                        "slug": c.cluster.slug,
                        "name": c.cluster.name,
                        "score": round(c.score, 4),
                    }
                    for c in match.clusters
                ],
                "occupations": [
                    {
                        "code": f.occupation.code,
                        "title": f.occupation.title,
                        "fit": round(f.fit, 4),
                        "job_zone": f.occupation.job_zone,
                    }
                    for f in match.top_occupations
                ],
            },
            indent=2,
        )
