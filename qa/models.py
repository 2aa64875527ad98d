"""Every model the application defines, in one list, for migrations and the schema-drift test."""
from qa.audit import AuditEvent
from qa.auth.models import KeptForm, LoginAttempt
from qa.cycles.models import Cycle
from qa.documents import Document
from qa.frameworks.models import Framework, Standard
from qa.people.models import Agency, Conflict, Sector, Unavailability, User

ALL = [
    Sector, Framework, Standard, Agency, User, Conflict, Unavailability, Cycle,
    AuditEvent, LoginAttempt, KeptForm, Document,
]
