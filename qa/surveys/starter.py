"""Ready-made starter surveys for each age band and for front-line staff.

From the partnership's priorities.

A question is (kind, prompt, hint, options), or for staff (kind, prompt, hint, options, standard
code, positive answers):
the Section 11 standard it informs, and for choose-one questions the answers that count as positive
(kinds.positive_values).
"""

from qa.surveys.kinds import scale_labels

SMILEY3 = ["Not good", "OK", "Good"]
SMILEY5 = ["Very unhappy", "Unhappy", "OK", "Happy", "Very happy"]
# "How safe do you feel …?" is answered in words about feeling safe.
SAFE3 = scale_labels("safe", 3, "8-12")
SAFE5 = scale_labels("safe", 5, "13-17")

STARTERS = {
    "8-12": {
        "title": "Feeling safe: what do you think?",
        "introduction": "We want to know if you feel safe, and if adults listen to you.\n"
        "It takes about five minutes.",
        "questions": [
            ("smiley", "How safe do you feel at home?", "", SAFE3),
            ("smiley", "How safe do you feel at school?", "", SAFE3),
            (
                "smiley",
                "How safe do you feel when you are online?",
                "Like on games, apps or videos.",
                SAFE3,
            ),
            ("yes_no", "Do adults listen to you when you tell them something?", "", []),
            ("yes_no", "Do you know who to talk to if you are worried?", "", []),
            (
                "choose_many",
                "Who would you talk to if you were worried?",
                "Choose as many as you like.",
                [
                    "Someone at home",
                    "A teacher",
                    "Another adult at school",
                    "A friend",
                    "Childline",
                    "Someone else",
                ],
            ),
            (
                "yes_no",
                "If you told an adult you were worried, did they help?",
                "Skip this if it has not happened.",
                [],
            ),
            (
                "anything_else",
                "Anything else you want to tell us?",
                "You don't have to write anything.",
                [],
            ),
        ],
    },
    "13-17": {
        "title": "Safe and heard: your views",
        "introduction": "We want to hear how safe you feel and whether the adults around you "
        "listen.\nIt takes about five minutes. Skip anything you like.",
        "questions": [
            ("smiley", "How safe do you feel at home?", "", SAFE5),
            ("smiley", "How safe do you feel at school or college?", "", SAFE5),
            ("smiley", "How safe do you feel in your local area?", "", SAFE5),
            (
                "smiley",
                "How safe do you feel online?",
                "Social media, gaming and messaging.",
                SAFE5,
            ),
            ("yes_no", "Do the adults who work with you listen to what you say?", "", []),
            (
                "yes_no",
                "Do you know who to talk to if you or a friend are worried about safety?",
                "",
                [],
            ),
            (
                "choose_one",
                "If you have asked an adult for help, did it make things better?",
                "",
                ["Yes, a lot", "A bit", "No", "I haven't asked for help"],
            ),
            ("text", "What one thing would make you feel safer?", "", []),
            (
                "anything_else",
                "Anything else you want to tell us?",
                "You don't have to write anything.",
                [],
            ),
        ],
    },
    "staff": {
        "title": "Working together to keep children safe: staff survey",
        "audience": "staff",
        "introduction": "We want to hear from people who work with children and families in "
        "Northbrook.\nIt takes about three minutes. Skip anything you like.",
        "questions": [
            (
                "yes_no",
                "Do you know the partnership's current safeguarding priorities?",
                "",
                [],
                "2",
                [],
            ),
            (
                "yes_no",
                "If you were worried about a child, do you know how to raise a concern, "
                "including out of hours?",
                "",
                [],
                "9",
                [],
            ),
            (
                "choose_one",
                "Has multi-agency safeguarding training changed how you work?",
                "Think about training in the last two years.",
                ["Yes, a lot", "Yes, a little", "No", "I have not had multi-agency training"],
                "5",
                ["Yes, a lot", "Yes, a little"],
            ),
            (
                "choose_one",
                "How often do you get safeguarding supervision?",
                "Supervision where you talk through your work with children and families.",
                [
                    "Every month or more often",
                    "Every two or three months",
                    "Less often than that",
                    "Never",
                ],
                "6",
                ["Every month or more often", "Every two or three months"],
            ),
            (
                "yes_no",
                "Do findings from audits and case reviews reach you?",
                "For example, learning from a child safeguarding practice review.",
                [],
                "4",
                [],
            ),
            (
                "smiley",
                "How confident are you to challenge another agency when you disagree about a "
                "child?",
                "Using the partnership's escalation procedure.",
                [
                    "Not at all confident",
                    "Not very confident",
                    "Unsure",
                    "Fairly confident",
                    "Very confident",
                ],
                "8",
                [],
            ),
            ("text", "What one thing would help you keep children safer?", "", [], None, []),
        ],
    },
}
