"""The demo partnership's settings: its name (the configured one) and contact details."""

from flask import current_app

from qa.partnership.models import PartnershipSettings


def load(demo):
    PartnershipSettings.get_or_create(
        defaults={
            "name": current_app.config["PARTNERSHIP_NAME"],
            "header_text": "",
            "contact_email": "qa@northbrook-scp.example",
            "contact_phone": "01632 960 000",
        }
    )
