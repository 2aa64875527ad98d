"""Words for the demo's findings.

What visitors typically saw, praised and asked for, standard by standard.
"""

# code: (evidence seen, strengths, areas for development)
TEXT = {
    "1": (
        "Board minutes for the last four quarters, the safeguarding annual report and the "
        "corporate risk register.",
        "The named board lead could describe the last two safeguarding reports and what the "
        "board asked for as a result.",
        "Safeguarding is on the risk register, but the mitigations have not been reviewed for "
        "eighteen months.",
    ),
    "2": (
        "The safeguarding statement, the induction pack and notes from the children's reference "
        "group.",
        "Front-line staff we met knew the statement and could say what it meant for their work.",
        "Children's views are collected but it is not clear what changed because of them.",
    ),
    "3": (
        "The policy register with review dates, and the quality committee's safeguarding "
        "dashboard.",
        "Policies are in date and signed off; the dashboard is discussed at every committee "
        "meeting.",
        "The dashboard counts activity rather than outcomes for children.",
    ),
    "4": (
        "The safeguarding impact check for the new duty service, and the action log from the "
        "last learning review.",
        "The learning review led to a changed referral form within three months.",
        "The audit programme does not yet include multi-agency cases.",
    ),
    "5": (
        "Training records for three teams and the evaluation of the autumn course.",
        "Completion of role-based training is high and tracked monthly by managers.",
        "There is little evidence that training changes practice; evaluation stops at the end of "
        "the course.",
    ),
    "6": (
        "Supervision records for six front-line staff, sampled on the day.",
        "Supervision is regular and has a standing safeguarding item.",
        "Records show discussion but rarely record decisions or reflection.",
    ),
    "7": (
        "The recruitment checklist for five recent appointments and the allegations log.",
        "Every file we sampled was complete, and allegations were referred to the LADO promptly.",
        "Checks on agency staff and contractors rely on the supplier's word.",
    ),
    "8": (
        "Escalation log, strategy meeting attendance figures and two case examples.",
        "Staff described a recent escalation that changed the plan for a child.",
        "Attendance at strategy meetings drops in school holidays.",
    ),
    "9": (
        "The information sharing guidance, training slides and a sample of case notes.",
        "Staff were confident about sharing without consent where a child is at risk.",
        "Decisions not to share are seldom recorded with a reason.",
    ),
    "S1": (
        "Governing body minutes and the safeguarding governor's visit notes.",
        "The safeguarding governor visits each half term and reports in writing.",
        "Governors receive numbers but little about the quality of practice.",
    ),
    "S2": (
        "The designated safeguarding lead's job description and time allocation, and deputies' "
        "training records.",
        "The designated safeguarding lead has protected time and two trained deputies.",
        "Cover arrangements when the designated safeguarding lead is off site are informal.",
    ),
    "S3": (
        "The single central record and three staff files.",
        "The single central record was complete and checked each term.",
        "Volunteers who help on trips are not always on the record.",
    ),
    "S4": (
        "Induction checklist and the September training register.",
        "All staff had read Keeping Children Safe in Education Part 1 and could name the "
        "designated safeguarding lead.",
        "Lunchtime staff have not had the same training as teaching staff.",
    ),
    "S5": (
        "The filtering and monitoring report and the computing curriculum map.",
        "Filtering reports are reviewed weekly and acted on.",
        "Pupils in year 6 said they did not know how to report something upsetting online.",
    ),
    "S6": (
        "Pupil planners, the worry box procedure and an early help referral.",
        "Pupils we spoke to could name a trusted adult.",
        "Follow-up of referrals to other agencies is not recorded consistently.",
    ),
    "default": (
        "Documents provided by the agency and conversations with staff.",
        "Staff were open and reflective about their practice.",
        "Evidence of impact on children is limited.",
    ),
}

NOTES = {
    "G": "",
    "A": "We agreed amber because this is not yet consistent across all teams.",
    "R": "We agreed red because we could not find evidence that this happens reliably.",
}

# code: (recommendation, owner)
RECOMMEND = {
    "1": (
        "Review the safeguarding mitigations on the risk register and report progress to the "
        "board.",
        "Director of nursing",
    ),
    "2": (
        "Publish a 'you said, we did' for children each year showing what changed because of "
        "their views.",
        "Head of participation",
    ),
    "3": ("Add outcome measures for children to the safeguarding dashboard.", "Head of quality"),
    "4": ("Include multi-agency cases in the audit programme from next quarter.", "Audit lead"),
    "5": (
        "Follow up each course with a three-month practice check by the line manager.",
        "Training manager",
    ),
    "6": (
        "Use a supervision template that records decisions and reflection, and audit ten records "
        "a quarter.",
        "Principal social worker",
    ),
    "7": (
        "Check contractors' and agency staff's DBS certificates directly, not through the "
        "supplier.",
        "Head of HR",
    ),
    "8": (
        "Agree cover so the agency is at every strategy meeting, including school holidays.",
        "Safeguarding manager",
    ),
    "9": (
        "Record every decision not to share information with the reason, and audit a sample each "
        "quarter.",
        "Named safeguarding lead",
    ),
    "S1": (
        "Give governors a termly report on the quality of safeguarding practice, not only numbers.",
        "Headteacher",
    ),
    "S2": (
        "Write down who covers the designated safeguarding lead when they are off site.",
        "Headteacher",
    ),
    "S3": (
        "Put every volunteer who helps on trips on the single central record.",
        "School business manager",
    ),
    "S4": (
        "Train lunchtime staff alongside teaching staff each September.",
        "Designated safeguarding lead",
    ),
    "S5": (
        "Teach pupils how to report something upsetting online, and check they can.",
        "Computing lead",
    ),
    "S6": (
        "Record the follow-up of every referral to another agency.",
        "Designated safeguarding lead",
    ),
    "default": (
        "Gather evidence of the difference this makes for children and report it to the sub-group.",
        "Named safeguarding lead",
    ),
}

# What the visitors saw on the day, by the visited agency's sector: added to each standard's
# evidence so agencies read differently.
ON_THE_DAY = {
    "police": [
        "We also sat in on the morning vulnerability briefing.",
        "The custody sergeant walked us through two referrals.",
        "We sampled five domestic abuse cases where children were present.",
    ],
    "health": [
        "We visited the emergency department and spoke to the named nurse.",
        "The maternity safeguarding team showed us their tracker.",
        "We sampled six records where a child was not brought to an appointment.",
    ],
    "education": [
        "We spoke to a group of year 5 pupils.",
        "The designated safeguarding lead showed us the concerns log.",
        "We met the safeguarding governor over lunch.",
    ],
    "housing": [
        "We joined a tenancy officer's briefing.",
        "The repairs team described how they report a concern from a home visit.",
        "We sampled five cases of families in temporary accommodation.",
    ],
    "voluntary": [
        "We met three volunteers from the Friday youth club.",
        "The safeguarding lead showed us how concerns are logged after sessions.",
        "We read the volunteer induction pack.",
    ],
}

SUMMARIES = {
    "Northbrook Constabulary": "The Constabulary's self-assessment was candid, and officers we "
    "met understood the voice of the child. "
    "The vulnerability hub is a real strength; what is not yet clear is how the learning from it "
    "reaches response officers on nights.",
    "Northbrook Hospitals NHS Foundation Trust": "The trust has strong safeguarding leadership "
    "and an experienced named nurse team. "
    "The two learning reviews have led to changes in the emergency department, but children not "
    "brought to outpatient appointments are still followed up inconsistently.",
    "Oak Hill Primary School": "Oak Hill is a caring school where pupils know who to talk to. "
    "Rating every standard green was generous: record keeping for lunchtime staff and volunteers "
    "needs tightening before the school can show it is consistently strong.",
    "Northbrook Homes": "Northbrook Homes has made good progress since joining the "
    "partnership's training programme. "
    "Front-line staff see families other agencies do not, and the recommendations focus on "
    "making sure what they notice is passed on.",
    "Northbrook Youth Trust": "The Youth Trust relies on committed volunteers and has good "
    "basic arrangements. "
    "Supervision of volunteers and the recording of low-level concerns are the areas to "
    "strengthen as the Trust grows.",
}

SUMMARY = (
    "{agency} was open and well prepared, and staff at every level spoke confidently about "
    "keeping children safe. "
    "The self-assessment was honest in most places; where we agreed a different rating it was "
    "because the evidence "
    "showed arrangements on paper that are not yet consistent in practice.\n"
    "The recommendations below focus on showing the difference arrangements make for children, "
    "not only that they exist."
)
