"""PDFs built in the background: one at a time for each person, with a page showing progress.

Any capability's large PDF (the board report's own builds aside) goes through `service.start`.
"""

from flask import Blueprint

from qa.capability import Capability

bp = Blueprint("builds", __name__, url_prefix="/pdfs")

capability = Capability(
    "builds",
    blueprints=(bp,),
    routes=("qa.builds.views",),
    models="qa.builds.models:MODELS",
)
