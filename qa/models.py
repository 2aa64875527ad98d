"""Every model the application defines, the core's and each capability's, for migrations."""

from qa.capability import all_models
from qa.documents import Document

ALL = all_models(core=[Document])
