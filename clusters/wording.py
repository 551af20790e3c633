"""What the explore pages say about education and preparation, in our own words (the BLS
and O*NET text they stand for is shown beside them as data)."""

from django.utils.translation import gettext_lazy

# BLS "typical education needed for entry", as filter choices: slug -> (BLS value, our label).
# The BLS value is matched against the data, so only our label is translated.
EDUCATION_LEVELS = {
    "none": ("No formal educational credential", gettext_lazy("No diploma needed")),
    "high-school": ("High school diploma or equivalent", gettext_lazy("High school diploma")),
    "some-college": ("Some college, no degree", gettext_lazy("Some college")),
    "certificate": (
        "Postsecondary nondegree award",
        gettext_lazy("Certificate after high school"),
    ),
    "associate": ("Associate's degree", gettext_lazy("Associate's degree (2 years)")),
    "bachelor": ("Bachelor's degree", gettext_lazy("Bachelor's degree (4 years)")),
    "master": ("Master's degree", gettext_lazy("Master's degree")),
    "doctoral": (
        "Doctoral or professional degree",
        gettext_lazy("Doctoral or professional degree"),
    ),
}

# Job zones in our own words (O*NET's own text is shown beside them as data).
JOB_ZONE_WORDS = {
    1: (gettext_lazy("Little or no preparation"), gettext_lazy("You can usually start with no "
        "experience. Someone shows you how to do the work in a few days or months.")),
    2: (gettext_lazy("Some preparation"), gettext_lazy("Usually a high school diploma, then a "
        "few months to a year of learning on the job from experienced workers.")),
    3: (gettext_lazy("Medium preparation"), gettext_lazy("Usually training after high school: a "
        "vocational program, an apprenticeship or an associate's degree, plus some work "
        "experience.")),
    4: (gettext_lazy("A lot of preparation"), gettext_lazy("Most people doing this work have a "
        "four-year bachelor's degree and several years of experience.")),
    5: (gettext_lazy("Extensive preparation"), gettext_lazy("Most need a degree after college (a "
        "master's, a doctorate, or a medical or law degree) and many years of experience.")),
}  # fmt: skip

ZONE_CHOICES = [(number, words[0]) for number, words in JOB_ZONE_WORDS.items()]

# The six RIASEC interest areas as students read them (clusters.riasec keeps O*NET's English
# names, which code uses as field names).
RIASEC_LABELS = {
    "R": gettext_lazy("Realistic"),
    "I": gettext_lazy("Investigative"),
    "A": gettext_lazy("Artistic"),
    "S": gettext_lazy("Social"),
    "E": gettext_lazy("Enterprising"),
    "C": gettext_lazy("Conventional"),
}
