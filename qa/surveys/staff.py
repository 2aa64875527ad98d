"""Pure: the "about your work" screen of a staff survey.

The agency and role group a practitioner may choose.
"""

from qa.ids import parse_id
from qa.surveys.kinds import AnswerRefused

# Not on the agency list: either works somewhere else, or would rather not say.
OTHER_AGENCY = {"other": "Another organisation", "not-said": "Prefer not to say"}
ROLE_GROUPS = {
    "social-care": "Social worker or family support worker",
    "health": "Health practitioner, for example health visitor, school nurse, midwife or GP",
    "education": "Teacher or other school or college staff",
    "police": "Police officer or police staff",
    "youth": "Youth worker or youth justice worker",
    "early-years": "Early years practitioner or childminder",
    "other": "Something else",
    "not-said": "Prefer not to say",
}


def clean_about(agency_sent, role_sent, agency_ids):
    """{"agency": id or None, "agency_answer": "listed"|"other"|"not-said", "role_group": key} from
    what was sent.

    Leaving either question blank is the same as "prefer not to say". Anything not offered (a
    made-up agency id, an inactive agency, a role group not on the list) raises AnswerRefused.
    """
    agency_sent = (agency_sent or "").strip()
    role_sent = (role_sent or "").strip()
    if role_sent and role_sent not in ROLE_GROUPS:
        raise AnswerRefused("Choose your role from the list.")
    about = {"agency": None, "agency_answer": "not-said", "role_group": role_sent or "not-said"}
    if agency_sent in OTHER_AGENCY:
        about["agency_answer"] = agency_sent
    elif agency_sent:
        agency_id = parse_id(agency_sent)
        if agency_id is None or agency_id not in set(agency_ids):
            raise AnswerRefused("Choose your organisation from the list.")
        about.update(agency=agency_id, agency_answer="listed")
    return about


def agency_label(agency_name, agency_answer):
    """How a response's agency reads in results and the CSV."""
    return (
        agency_name
        if agency_answer == "listed" and agency_name
        else OTHER_AGENCY.get(agency_answer, "")
    )
