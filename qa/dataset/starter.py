"""The starter set of indicators: publicly defined measures, described in our own words.

Each is (code, name, definition, unit, polarity, supplying sector's slug, frequency, cohort,
related standard or audit topic, broken down by locality?). Targets are left for the
partnership to set: they are its own to agree.
"""

CSC = "childrens-social-care"

STARTER = [
    (
        "referrals-rate",
        "Referrals to children's social care",
        "How many referrals children's social care accepted in the period, for every 10,000 "
        "children living in the area.",
        "rate",
        "neither",
        CSC,
        "quarterly",
        "All children",
        "Early help and the front door",
        True,
    ),
    (
        "re-referrals",
        "Re-referrals within 12 months",
        "Of the referrals in the period, the share about a child who had been referred before in "
        "the previous twelve months.",
        "percent",
        "lower",
        CSC,
        "quarterly",
        "All children",
        "Early help and the front door",
        False,
    ),
    (
        "cp-plans-rate",
        "Children on a child protection plan",
        "Children subject to a child protection plan on the last day of the period, for every "
        "10,000 children living in the area.",
        "rate",
        "neither",
        CSC,
        "quarterly",
        "Children in need of protection",
        "Child protection",
        True,
    ),
    (
        "second-plans",
        "Second or later child protection plans",
        "Of the child protection plans that started in the period, the share for a child who had "
        "been on a plan before.",
        "percent",
        "lower",
        CSC,
        "quarterly",
        "Children in need of protection",
        "Child protection",
        False,
    ),
    (
        "cla-rate",
        "Children looked after",
        "Children in the council's care on the last day of the period, for every 10,000 children "
        "living in the area.",
        "rate",
        "neither",
        CSC,
        "quarterly",
        "Children looked after",
        "Children looked after",
        True,
    ),
    (
        "cla-out-of-area",
        "Children looked after placed out of area",
        "Of the children in care on the last day of the period, the share living more than 20 "
        "miles from home.",
        "percent",
        "lower",
        CSC,
        "quarterly",
        "Children looked after placed out of area",
        "Children looked after",
        False,
    ),
    (
        "private-fostering",
        "Private fostering notifications",
        "How many times the council was told in the period that a child is living with someone "
        "who is not a close relative for 28 days or more.",
        "count",
        "higher",
        CSC,
        "quarterly",
        "Privately fostered children",
        "Private fostering",
        False,
    ),
    (
        "homeless-16-17",
        "Homeless 16 and 17 year olds",
        "Young people aged 16 or 17 who came to the council as homeless or at risk of "
        "homelessness in the period.",
        "count",
        "lower",
        "housing",
        "quarterly",
        "Homeless 16 and 17 year olds",
        "Adolescents at risk",
        False,
    ),
    (
        "missing-episodes",
        "Missing episodes",
        "Times a child was reported missing from home or care to the police in the period.",
        "count",
        "lower",
        "police",
        "quarterly",
        "Children missing from home or care",
        "Exploitation and missing children",
        True,
    ),
    (
        "ehe",
        "Children in elective home education",
        "Children known to be educated at home by their parents' choice on the last day of the "
        "period.",
        "count",
        "neither",
        CSC,  # the council keeps the register
        "quarterly",
        "Children educated at home",
        "Children not in school",
        False,
    ),
    (
        "early-help",
        "Early help assessments",
        "Early help assessments started by any agency in the period.",
        "count",
        "higher",
        CSC,
        "quarterly",
        "Children and families needing early help",
        "Early help and the front door",
        True,
    ),
    (
        "da-children-present",
        "Domestic abuse incidents with children present",
        "Domestic abuse incidents the police attended in the period at which a child was present.",
        "count",
        "neither",
        "police",
        "quarterly",
        "Children living with domestic abuse",
        "Domestic abuse",
        True,
    ),
    (
        "hv-new-birth",
        "New birth visits by a health visitor within 14 days",
        "Of the babies born in the period, the share visited at home by a health visitor within "
        "14 days of birth.",
        "percent",
        "higher",
        "health",
        "quarterly",
        "Babies and under fives",
        "Neglect",
        False,
    ),
    (
        "school-nurse-contacts",
        "School nurse safeguarding contacts",
        "Contacts a school nurse had with a child about a safeguarding concern in the period.",
        "count",
        "neither",
        "health",
        "quarterly",
        "School-age children",
        "Information sharing",
        False,
    ),
]
FIELDS = (
    "code",
    "name",
    "definition",
    "unit",
    "polarity",
    "sector",
    "frequency",
    "cohort",
    "standard",
    "by_locality",
)


def starter_rows():
    """The starter set as dicts of the Indicator's fields (the sector as its slug)."""
    return [dict(zip(FIELDS, row, strict=True)) for row in STARTER]
