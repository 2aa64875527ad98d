"""The frameworks settings of each kind answer, beside the schools framework every partnership
starts with (qa.frameworks.seed): section 157 for independent schools, early years, further
education, and a lighter self-assessment for small voluntary organisations. Seeded by migration
0029; a partnership may edit them like any other framework."""

SCHOOLS = "Schools (Education Act 2002 s157/s175)"  # seeded with the first schema
INDEPENDENT = "Independent schools (Education Act 2002 s157)"
EARLY_YEARS = "Early years (EYFS safeguarding and welfare requirements)"
FURTHER_EDUCATION = "Further education (Education Act 2002 s175)"
VOLUNTARY = "Voluntary organisations (light self-assessment)"

# The framework each kind of setting (a key of qa.schools.models.KINDS) answers.
FRAMEWORK_OF_KIND = {
    "school": SCHOOLS,
    "independent": INDEPENDENT,
    "early_years": EARLY_YEARS,
    "further_education": FURTHER_EDUCATION,
    "voluntary": VOLUNTARY,
}

# The sector each kind of setting belongs to: (name, slug), made when first needed.
SECTOR_OF_KIND = {
    "school": ("Education", "education"),
    "independent": ("Independent schools", "independent-schools"),
    "early_years": ("Early years", "early-years"),
    "further_education": ("Further education", "further-education"),
    "voluntary": ("Voluntary, community and faith", "voluntary"),
}

FRAMEWORKS = [
    (
        INDEPENDENT,
        "The self-assessment for independent schools, whose proprietors have the duty of section "
        "157 of the Education Act 2002 and follow Keeping Children Safe in Education.",
        [
            (
                "I1",
                "Proprietor's oversight",
                "The proprietor (or its board) checks that safeguarding arrangements work and "
                "names a member responsible for safeguarding.",
                "How does the proprietor know safeguarding is effective?\nWho on the board "
                "holds safeguarding, and what did they last ask?",
            ),
            (
                "I2",
                "Designated safeguarding lead",
                "A senior designated safeguarding lead has the time, training and authority for "
                "the role, with a trained deputy.",
                "How much time does the lead have for the role?\nWho deputises?",
            ),
            (
                "I3",
                "Safer recruitment and allegations",
                "Checks are made on everyone who works in the school, the single central record "
                "is complete, and allegations are referred to the LADO.",
                "Show us the single central record.\nHow would a concern about staff be handled?",
            ),
            (
                "I4",
                "Boarding and pupils living away from home",
                "Where pupils board or stay with host families, the national minimum standards "
                "are met and pupils know who to talk to.",
                "How do boarders raise a worry out of hours?",
            ),
            (
                "I5",
                "Working with the partnership",
                "The school shares concerns early with children's social care and takes part in "
                "the partnership's training and reviews.",
                "Give an example of a referral and how you followed it up.",
            ),
        ],
    ),
    (
        EARLY_YEARS,
        "The self-assessment for nurseries, pre-schools and childminders, following the "
        "safeguarding and welfare requirements of the Early Years Foundation Stage.",
        [
            (
                "E1",
                "Safeguarding lead and policy",
                "A named practitioner leads on safeguarding, has been trained for it, and the "
                "setting's policy is known to every member of staff.",
                "Who leads on safeguarding, and when were they last trained?",
            ),
            (
                "E2",
                "Suitable people",
                "Everyone looking after children is checked and supervised, and staff know how "
                "to raise a concern about a colleague.",
                "How do you check new staff and volunteers?",
            ),
            (
                "E3",
                "Key person and children's wellbeing",
                "Each child has a key person who knows them well and notices changes in their "
                "behaviour or care.",
                "How would a key person share a worry about a child?",
            ),
            (
                "E4",
                "Mobile phones, cameras and online safety",
                "The setting's policy on phones and cameras keeps children safe and is followed.",
                "How do you make sure photographs of children are taken and kept safely?",
            ),
            (
                "E5",
                "Working with families and partners",
                "Concerns are shared early with parents where safe, and with children's social "
                "care and health visitors.",
                "Give an example of a concern you shared and what happened next.",
            ),
        ],
    ),
    (
        FURTHER_EDUCATION,
        "The self-assessment for further education and sixth-form colleges, whose governing "
        "bodies have the duty of section 175 of the Education Act 2002.",
        [
            (
                "F1",
                "Leadership and governance",
                "The governing body checks safeguarding is effective, with a named governor and "
                "a senior designated safeguarding lead.",
                "What safeguarding information do governors see, and how often?",
            ),
            (
                "F2",
                "Safer recruitment and allegations",
                "Safer recruitment is followed for staff, volunteers and contractors, and "
                "allegations are managed with the LADO.",
                "Show us how you check contractors and agency staff.",
            ),
            (
                "F3",
                "Students aged 16 to 18 and adults at risk",
                "Staff recognise the risks older students face (exploitation, radicalisation, "
                "online harm) and act on them.",
                "How do staff learn about risks outside the college (contextual safeguarding)?",
            ),
            (
                "F4",
                "Work placements and apprenticeships",
                "Students on placements and apprenticeships are kept safe by checks on employers "
                "and a way to raise concerns.",
                "How does a student on placement raise a worry?",
            ),
            (
                "F5",
                "Working with partners",
                "The college shares concerns early and takes part in the partnership's work.",
                "Give an example of a referral and how you followed it up.",
            ),
        ],
    ),
    (
        VOLUNTARY,
        "A shorter self-assessment for small voluntary, community and faith organisations: "
        "clubs, youth groups and charities working with children.",
        [
            (
                "V1",
                "A safeguarding lead and policy",
                "The organisation has a named safeguarding lead and a written policy that "
                "volunteers know.",
                "Who is your safeguarding lead, and how do volunteers know who they are?",
            ),
            (
                "V2",
                "Safe volunteers",
                "Volunteers and staff are checked (DBS where eligible) and given basic "
                "safeguarding training.",
                "How do you check a new volunteer?",
            ),
            (
                "V3",
                "Sharing a worry",
                "Everyone knows what to do if they are worried about a child, and who to call.",
                "What would a volunteer do if a child told them something worrying?",
            ),
        ],
    ),
]
