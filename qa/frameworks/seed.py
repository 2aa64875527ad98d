"""The two frameworks every partnership starts with.

Section 11 and the schools version (s157/s175).
"""

SECTION_11 = (
    "Section 11 (Children Act 2004)",
    "The duty on partner agencies to make arrangements to safeguard and promote the welfare of "
    "children.",
    [
        (
            "1",
            "Leadership",
            "Senior managers lead a clear commitment to safeguarding. A named board-level lead "
            "is accountable, and safeguarding is part of the organisation's plans and reports.",
            "Who at board level is accountable for safeguarding, and how do they know it is "
            "working?\nShow us where safeguarding appears in your business plan or risk "
            "register.\nWhat has leadership changed in the last year because of a safeguarding "
            "concern?",
        ),
        (
            "2",
            "Commitment",
            "A clear statement of the organisation's responsibilities towards children is "
            "available to all staff, and children's views shape how services are planned and "
            "delivered.",
            "How do staff at every level know their safeguarding responsibilities?\nHow do "
            "children and families' views change what you do? Give a recent example.\nHow do you "
            "make sure your commitment reaches volunteers and contractors?",
        ),
        (
            "3",
            "Accountability & Governance",
            "Lines of accountability for safeguarding are clear, safeguarding policies are "
            "current, and governance arrangements scrutinise safeguarding performance.",
            "When were your safeguarding policies last reviewed, and who signed them off?\nWhat "
            "safeguarding information does your board or governing body see, and how often?\nHow "
            "do you respond to findings from case reviews and audits?",
        ),
        (
            "4",
            "Service Development/Review",
            "Services are developed and reviewed with safeguarding in mind, using data, audit, "
            "case reviews and the voice of children and families.",
            "How did safeguarding shape the last service you designed or changed?\nWhat does "
            "your audit programme tell you about practice?\nHow do learning reviews lead to "
            "changes in your service?",
        ),
        (
            "5",
            "Training",
            "All staff receive safeguarding training suited to their role, including "
            "multi-agency training, and the organisation checks that training changes practice.",
            "What proportion of staff are up to date with safeguarding training for their "
            "role?\nHow do you know training has changed practice, not just been attended?\nHow "
            "do staff take part in the partnership's multi-agency training?",
        ),
        (
            "6",
            "Supervision",
            "Staff working with children have regular safeguarding supervision and support, and "
            "managers can recognise and respond to concerns.",
            "How often do front-line staff receive safeguarding supervision, and how is it "
            "recorded?\nWhat do staff tell you about the quality of their supervision?\nHow do "
            "you support staff after a distressing case?",
        ),
        (
            "7",
            "Safe Recruitment",
            "Safer recruitment practice is followed for all staff and volunteers, including DBS "
            "checks, references, and managing allegations against staff.",
            "Show us how you check that every appointment followed safer recruitment "
            "practice.\nHow are allegations against staff or volunteers managed and referred to "
            "the LADO?\nHow do you make sure contractors and volunteers are checked?",
        ),
        (
            "8",
            "Interagency Working",
            "The organisation works effectively with partners, shares concerns early, and uses "
            "the partnership's escalation procedure when it disagrees.",
            "How do staff raise a concern with another agency, and how do they know it was acted "
            "on?\nWhen did you last use the escalation procedure, and what happened?\nHow do you "
            "take part in multi-agency meetings and plans?",
        ),
        (
            "9",
            "Information Sharing",
            "Staff share information appropriately and promptly to safeguard children, in line "
            "with the law and national guidance, and know they may share without consent where a "
            "child is at risk.",
            "Do staff know when they can share information without consent?\nHow do you check "
            "that information is shared promptly and recorded?\nWhat gets in the way of sharing "
            "information, and what are you doing about it?",
        ),
    ],
)

SCHOOLS = (
    "Schools (Education Act 2002 s157/s175)",
    "The shorter self-assessment for schools and colleges, following Keeping Children Safe in "
    "Education.",
    [
        (
            "S1",
            "Leadership and governance",
            "Governors and proprietors ensure safeguarding arrangements are effective, with a "
            "named governor for safeguarding.",
            "How does the governing body check safeguarding is effective?\nWhen did the "
            "safeguarding governor last meet the designated safeguarding lead?",
        ),
        (
            "S2",
            "Designated safeguarding lead",
            "A designated safeguarding lead from the senior leadership team has the time, "
            "training and authority to carry out the role.",
            "How much time does the designated safeguarding lead have for the role?\nWho "
            "deputises, and how are they trained?",
        ),
        (
            "S3",
            "Safer recruitment and allegations",
            "Safer recruitment is followed and the single central record is complete; "
            "allegations are managed with the LADO.",
            "Show us your single central record and how you check it.\nHow would a concern about "
            "a member of staff be handled?",
        ),
        (
            "S4",
            "Training and induction",
            "All staff read Keeping Children Safe in Education Part 1 and receive regular "
            "safeguarding training and updates.",
            "How do new staff learn your safeguarding procedures in their first week?\nHow do "
            "you know staff can recognise signs of abuse?",
        ),
        (
            "S5",
            "Online safety and filtering",
            "Pupils are taught to stay safe online and appropriate filtering and monitoring is "
            "in place and reviewed.",
            "Who reviews what the filtering and monitoring shows?\nHow do pupils learn about "
            "staying safe online?",
        ),
        (
            "S6",
            "Pupils' voice and working with partners",
            "Pupils know who to talk to, their views shape safeguarding, and the school works "
            "with partners and shares concerns early.",
            "How do pupils know who to talk to if they are worried?\nGive an example of a "
            "referral to another agency and how you followed it up.",
        ),
    ],
)

FRAMEWORKS = [SECTION_11, SCHOOLS]


def seed(database, frameworks=FRAMEWORKS):
    """Insert any of `frameworks` (name, description, [(code, title, guidance, prompts)]) that
    are missing (safe to run again)."""
    for name, description, standards in frameworks:
        cursor = database.execute_sql("SELECT id FROM framework WHERE name = ?", (name,))
        if cursor.fetchone():
            continue
        framework_id = database.execute_sql(
            "INSERT INTO framework (name, description, active, version) VALUES (?, ?, 1, 1)",
            (name, description),
        ).lastrowid
        for position, (code, title, guidance, prompts) in enumerate(standards, start=1):
            database.execute_sql(
                "INSERT INTO standard (framework_id, position, code, title, guidance, "
                "challenge_prompts, version) VALUES (?, ?, ?, ?, ?, ?, 1)",
                (framework_id, position, code, title, guidance, prompts),
            )
