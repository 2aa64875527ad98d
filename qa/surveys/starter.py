"""Ready-made starter surveys for each age band, from the partnership's priorities."""
SMILEY3 = ["Not good", "OK", "Good"]
SMILEY5 = ["Very unhappy", "Unhappy", "OK", "Happy", "Very happy"]

STARTERS = {
    "8-12": {
        "title": "Feeling safe: what do you think?",
        "introduction": "We want to know if you feel safe, and if adults listen to you.\nIt takes about five minutes.",
        "questions": [
            ("smiley", "How safe do you feel at home?", "", SMILEY3),
            ("smiley", "How safe do you feel at school?", "", SMILEY3),
            ("smiley", "How safe do you feel when you are online?", "Like on games, apps or videos.", SMILEY3),
            ("yes_no", "Do adults listen to you when you tell them something?", "", []),
            ("yes_no", "Do you know who to talk to if you are worried?", "", []),
            ("choose_many", "Who would you talk to if you were worried?", "Choose as many as you like.",
             ["Someone at home", "A teacher", "Another adult at school", "A friend", "Childline", "Someone else"]),
            ("yes_no", "If you told an adult you were worried, did they help?", "Skip this if it has not happened.", []),
            ("anything_else", "Anything else you want to tell us?", "You don't have to write anything.", []),
        ],
    },
    "13-17": {
        "title": "Safe and heard: your views",
        "introduction": "We want to hear how safe you feel and whether the adults around you listen.\nIt takes about five minutes. Skip anything you like.",
        "questions": [
            ("smiley", "How safe do you feel at home?", "", SMILEY5),
            ("smiley", "How safe do you feel at school or college?", "", SMILEY5),
            ("smiley", "How safe do you feel in your local area?", "", SMILEY5),
            ("smiley", "How safe do you feel online?", "Social media, gaming and messaging.", SMILEY5),
            ("yes_no", "Do the adults who work with you listen to what you say?", "", []),
            ("yes_no", "Do you know who to talk to if you or a friend are worried about safety?", "", []),
            ("choose_one", "If you have asked an adult for help, did it make things better?",
             "", ["Yes, a lot", "A bit", "No", "I haven't asked for help"]),
            ("text", "What one thing would make you feel safer?", "", []),
            ("anything_else", "Anything else you want to tell us?", "You don't have to write anything.", []),
        ],
    },
}
