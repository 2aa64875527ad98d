"""The admin page for the partnership's settings."""

from flask import current_app, url_for

from qa import editing
from qa.partnership import bp, service
from qa.partnership.forms import SettingsForm
from qa.partnership.models import PartnershipSettings
from qa.security import role_required

LABELS = {
    "name": "Partnership name",
    "header_text": "Header text",
    "contact_email": "Contact email",
    "contact_phone": "Contact phone",
    "time_zone": "Time zone",
    "case_audit_years": "Years to keep case audits",
}


@bp.route("", methods=["GET", "POST"])
@role_required("admin")
def settings():
    found = PartnershipSettings.saved(current_app.config["PARTNERSHIP_NAME"])
    return editing.edit_page(
        found,
        SettingsForm(obj=found),
        LABELS,
        "partnership/settings.html",
        done=url_for("partnership.settings"),
        saved="Partnership settings saved",
        save=lambda obj, form: editing.save_form(obj, form, LABELS, write=service.save),
    )
