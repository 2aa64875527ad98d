"""Every model the application defines, in one list, for migrations and the schema-drift test."""

from qa.actions.models import Action, ActionDocument, ActionUpdate
from qa.audit import AuditEvent
from qa.auth.models import KeptForm, LoginAttempt
from qa.challenge.models import ChallengeEvent, ClashOverride, Finding, Recommendation, Visitor
from qa.cycles.models import Cycle
from qa.documents import Document
from qa.frameworks.models import Framework, Standard
from qa.pairing.models import NeverPair, PairingPin
from qa.people.models import Agency, Conflict, Sector, Unavailability, User
from qa.reports.models import ReportBuild
from qa.section11.models import Rating, RatingDocument, Return
from qa.surveys.models import MODELS as SURVEY_MODELS

ALL = [
    Sector,
    Framework,
    Standard,
    Agency,
    User,
    Conflict,
    Unavailability,
    Cycle,
    AuditEvent,
    LoginAttempt,
    KeptForm,
    Document,
    Return,
    Rating,
    RatingDocument,
    Action,
    ActionUpdate,
    ActionDocument,
    ReportBuild,
    *SURVEY_MODELS,
    ChallengeEvent,
    Visitor,
    Finding,
    Recommendation,
    ClashOverride,
    NeverPair,
    PairingPin,
]
