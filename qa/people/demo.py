"""The demo people: Northbrook's sectors, agencies, admins, reviewers and agency leads."""

from datetime import date

from qa.frameworks.models import Framework
from qa.people.models import Agency, Conflict, Sector, Unavailability, User

SECTORS = [
    ("Police", "police"),
    ("Health", "health"),
    ("Children's social care", "childrens-social-care"),
    ("Education", "education"),
    ("Probation", "probation"),
    ("Youth justice", "youth-justice"),
    ("Housing", "housing"),
    ("Early years", "early-years"),
    ("Voluntary, community and faith", "voluntary"),
    ("Fire and rescue", "fire-and-rescue"),
]

# (agency, sector slug, email domain, lead's name)
AGENCIES = [
    ("Northbrook Constabulary", "police", "northbrook-police", "Det Insp Sarah Okafor"),
    ("Northbrook Fire and Rescue Service", "fire-and-rescue", "northbrook-fire", "Gareth Pryce"),
    ("Northbrook Integrated Care Board", "health", "northbrook-icb", "Dr Helen Marsh"),
    ("Northbrook Hospitals NHS Foundation Trust", "health", "nbh-nhs", "Amara Nwosu"),
    ("Northbrook Community Health NHS Trust", "health", "nch-nhs", "Claire Donnelly"),
    ("Northbrook Mental Health Partnership NHS Trust", "health", "nmhp-nhs", "Rajesh Iyer"),
    ("Northbrook GP Federation", "health", "nb-gpfed", "Dr Tom Whitfield"),
    ("Northbrook Ambulance Service", "health", "nb-ambulance", "Lucy Fairbairn"),
    (
        "Northbrook Council Children's Services",
        "childrens-social-care",
        "northbrook-council",
        "Marcus Bell",
    ),
    ("Northbrook Council Family Help", "childrens-social-care", "nbc-familyhelp", "Joanne Pike"),
    ("Oak Hill Primary School", "education", "oakhill-school", "Fiona McLeod"),
    ("St Anne's CE Primary School", "education", "stannes-school", "David Osei"),
    ("Millbrook Academy", "education", "millbrook-academy", "Hannah Lowe"),
    ("Riverside High School", "education", "riverside-high", "Imran Qureshi"),
    ("Ashgrove Special School", "education", "ashgrove-school", "Beth Kowalski"),
    ("Northbrook College", "education", "northbrook-college", "Simon Adeyemi"),
    ("Northbrook Probation Delivery Unit", "probation", "nb-probation", "Karen Holt"),
    ("Northbrook Youth Justice Service", "youth-justice", "nb-yjs", "Leon Campbell"),
    ("Northbrook Homes", "housing", "northbrook-homes", "Sue Radcliffe"),
    ("Riverside Housing Association", "housing", "riverside-ha", "Paul Mensah"),
    ("Little Acorns Nursery Group", "early-years", "little-acorns", "Gemma Shaw"),
    ("Northbrook Children's Centres", "early-years", "nb-childrenscentres", "Nadia Rahman"),
    ("Bright Start Childminding Network", "early-years", "brightstart", "Alison Carter"),
    ("Northbrook Youth Trust", "voluntary", "nb-youthtrust", "Jamal Hussain"),
    ("Safe Harbour Domestic Abuse Service", "voluntary", "safeharbour", "Ruth Adler"),
    ("St Michael's Church Youth Group", "voluntary", "stmichaels-youth", "Rev Peter Lang"),
    ("Northbrook Sports Partnership", "voluntary", "nb-sports", "Chris Doyle"),
    ("Kinship Carers Northbrook", "voluntary", "kinship-nb", "Mary O'Brien"),
    ("Greenfields Scout District", "voluntary", "greenfields-scouts", "Owen Griffiths"),
    ("Northbrook Council Housing Options", "housing", "nbc-housing", "Tariq Aziz"),
]

# (name, agency, sub-group member?) — reviewers: sub-group members lead visits, the rest are peer
# reviewers.
REVIEWERS = [
    ("Angela Brooks", "Northbrook Council Children's Services", True),
    ("Dr Samir Patel", "Northbrook Integrated Care Board", True),
    ("DS Kate Harrison", "Northbrook Constabulary", True),
    ("Yvonne Clarke", "Northbrook Probation Delivery Unit", True),
    ("Michael Grant", "Riverside High School", True),
    ("Precious Adebayo", "Northbrook Hospitals NHS Foundation Trust", True),
    ("Eleanor Watts", "Northbrook Youth Trust", True),
    ("Neil Foster", "Northbrook Homes", True),
    ("Sophie Turner", "Northbrook Children's Centres", True),
    ("Darren Kaur", "Northbrook Youth Justice Service", True),
    ("Louise Bennett", "Northbrook Council Family Help", True),
    ("Graham Lewis", "Northbrook College", True),
    ("Olivia Chen", "Northbrook Community Health NHS Trust", False),
    ("Ben Ashworth", "Northbrook Mental Health Partnership NHS Trust", False),
    ("Zara Ahmed", "Northbrook GP Federation", False),
    ("Ryan Doherty", "Northbrook Fire and Rescue Service", False),
    ("Insp Joy Mbeki", "Northbrook Constabulary", False),
    ("Rachel Green", "Oak Hill Primary School", False),
    ("Tom Jenkins", "Millbrook Academy", False),
    ("Harriet Cole", "Ashgrove Special School", False),
    ("Victor Nunes", "Riverside Housing Association", False),
    ("Emma Price", "Little Acorns Nursery Group", False),
    ("Faisal Malik", "Bright Start Childminding Network", False),
    ("Grace Okoye", "Safe Harbour Domestic Abuse Service", False),
    ("Sean Murphy", "Northbrook Sports Partnership", False),
    ("Anita Desai", "Northbrook Ambulance Service", False),
    ("Colin Hughes", "Northbrook Council Housing Options", False),
]

ADMINS = [
    ("Priya Shah", "admin@northbrook-scp.example"),
    ("James Whitaker", "qa.officer@northbrook-scp.example"),
]

SCHOOL_FRAMEWORK = "Schools (Education Act 2002 s157/s175)"


def _email(name, domain):
    parts = [
        p
        for p in name.replace("'", "").split()
        if p.lower().rstrip(".") not in ("dr", "det", "insp", "ds", "pc", "rev")
    ]
    return f"{parts[0].lower()}.{parts[-1].lower()}@{domain}.example"


def load(demo):
    """Sectors, agencies and people (each signing in with the demo's password), and their
    declarations."""
    sectors = {
        slug: Sector.get_or_create(slug=slug, defaults={"name": name})[0] for name, slug in SECTORS
    }
    schools = Framework.get_or_none(Framework.name == SCHOOL_FRAMEWORK)
    agencies, domains = {}, {}
    for name, slug, domain, _ in AGENCIES:
        framework = schools if slug == "education" else None
        agencies[name] = Agency.get_or_create(
            name=name,
            defaults={
                "sector": sectors[slug],
                "framework": framework,
                "parent_organisation": PARENTS.get(name, ""),
            },
        )[0]
        domains[name] = domain

    def person(name, email, role, agency=None, subgroup=False):
        user, _ = User.get_or_create(
            email=email,
            defaults={"name": name, "role": role, "agency": agency, "subgroup_member": subgroup},
        )
        User.update(password_hash=demo.password_hash, active=True).where(
            User.id == user.id
        ).execute()
        label = user.role_label.lower() + (
            (" (sub-group)" if subgroup else " (peer)") if role == "reviewer" else ""
        )
        demo.logins.append((label, agency.name if agency else "(partnership)", email))
        return user

    for name, email in ADMINS:
        person(name, email, "admin", subgroup=True)
    reviewers = {}
    for name, agency_name, subgroup in REVIEWERS:
        reviewers[name] = person(
            name, _email(name, domains[agency_name]), "reviewer", agencies[agency_name], subgroup
        )
    for agency_name, _, domain, lead in AGENCIES:
        person(lead, _email(lead, domain), "agency_lead", agencies[agency_name])
    _declarations(reviewers, agencies)


# Northbrook Council runs several agencies: as their parent organisation it keeps every council
# reviewer away from the council's other agencies (pairing's own-organisation rule), with nothing
# for each reviewer to declare.
COUNCIL = (
    "Northbrook Council Children's Services",
    "Northbrook Council Family Help",
    "Northbrook Council Housing Options",
)
PARENTS = {name: "Northbrook Council" for name in COUNCIL}


def _declarations(reviewers, agencies):
    """Conflicts and unavailable dates that make pairing and scheduling interesting."""
    conflicts = [
        (
            "Olivia Chen",
            "Northbrook Hospitals NHS Foundation Trust",
            "commissioning",
            "My service is commissioned by the trust.",
        ),
        (
            "Ben Ashworth",
            "Northbrook Community Health NHS Trust",
            "line-management",
            "I manage a team seconded to the trust.",
        ),
        (
            "Zara Ahmed",
            "Northbrook Hospitals NHS Foundation Trust",
            "family",
            "My sister is a ward manager there.",
        ),
        ("Rachel Green", "Millbrook Academy", "family", "My children attend the academy."),
        (
            "Angela Brooks",
            "Northbrook Council Family Help",
            "line-management",
            "Family Help reports to me.",
        ),
    ]
    for name, agency_name, kind, detail in conflicts:
        Conflict.get_or_create(
            user=reviewers[name],
            agency=agencies[agency_name],
            defaults={"kind": kind, "detail": detail},
        )
    for name, day in [
        ("Anita Desai", date(2027, 2, 10)),
        ("Olivia Chen", date(2027, 2, 10)),
        ("Dr Samir Patel", date(2027, 3, 3)),
        ("Tom Jenkins", date(2027, 1, 20)),
    ]:
        Unavailability.get_or_create(
            user=reviewers[name], date=day, defaults={"note": "Annual leave"}
        )
