"""The demo partnership's settings: its name and contact details."""

from qa.partnership.models import PartnershipSettings


def load(demo):
    PartnershipSettings.get_or_create(
        defaults={
            "name": "Northbrook Safeguarding Children Partnership",
            "contact_email": "qa@northbrook-scp.example",
            "contact_phone": "01632 960 000",
        }
    )
