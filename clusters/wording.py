"""What the explore pages say about education and preparation, in our own words (the BLS
and O*NET text they stand for is shown beside them as data)."""

# BLS "typical education needed for entry", as filter choices: slug -> (BLS value, our label).
EDUCATION_LEVELS = {
    "none": ("No formal educational credential", "No diploma needed"),
    "high-school": ("High school diploma or equivalent", "High school diploma"),
    "some-college": ("Some college, no degree", "Some college"),
    "certificate": ("Postsecondary nondegree award", "Certificate after high school"),
    "associate": ("Associate's degree", "Associate's degree (2 years)"),
    "bachelor": ("Bachelor's degree", "Bachelor's degree (4 years)"),
    "master": ("Master's degree", "Master's degree"),
    "doctoral": ("Doctoral or professional degree", "Doctoral or professional degree"),
}

# Job zones in our own words (O*NET's own text is shown beside them as data).
JOB_ZONE_WORDS = {
    1: ("Little or no preparation", "You can usually start with no experience. Someone shows you "
        "how to do the work in a few days or months."),
    2: ("Some preparation", "Usually a high school diploma, then a few months to a year of "
        "learning on the job from experienced workers."),
    3: ("Medium preparation", "Usually training after high school: a vocational program, an "
        "apprenticeship or an associate's degree, plus some work experience."),
    4: ("A lot of preparation", "Most people doing this work have a four-year bachelor's degree "
        "and several years of experience."),
    5: ("Extensive preparation", "Most need a degree after college (a master's, a doctorate, or "
        "a medical or law degree) and many years of experience."),
}  # fmt: skip

ZONE_CHOICES = [(number, words[0]) for number, words in JOB_ZONE_WORDS.items()]
