"""Pure rules of settings: what a register import would change, whose email domain lets them in
without an admin, and when a setting's account ends. No Flask, no database."""

import hashlib
from dataclasses import dataclass, field
from datetime import date, timedelta

from qa.schools.register import FIELD_LABELS, FIELDS


@dataclass
class Plan:
    """What importing a register file would do, before anything is saved."""

    new: list = field(default_factory=list)  # entries
    changed: list = field(default_factory=list)  # (entry, [field labels], setting id)
    closed: list = field(default_factory=list)  # (entry, setting id): open here, closed there
    unchanged: int = 0
    skipped_closed: list = field(default_factory=list)  # closed on the register, not here
    not_in_file: int = 0  # settings with a URN the file does not have: left as they are
    bad: list = field(default_factory=list)  # (line, what is wrong)

    @property
    def writes(self):
        return len(self.new) + len(self.changed) + len(self.closed)

    def fingerprint(self):
        """A short text naming every write, so an import can check it does what was previewed."""
        parts = [f"n{e['urn']}" for e in self.new]
        parts += [f"c{e['urn']}:{','.join(labels)}" for e, labels, _ in self.changed]
        parts += [f"x{e['urn']}" for e, _ in self.closed]
        return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]


def compare(entries, existing, bad=()):
    """The Plan for `entries` (register.read's) against `existing`: {urn: (setting id, {field:
    value})} of the settings already here."""
    plan = Plan(bad=list(bad))
    seen = set()
    for entry in entries:
        urn = entry["urn"]
        seen.add(urn)
        here = existing.get(urn)
        if here is None:
            if entry["status"] == "closed":
                plan.skipped_closed.append(entry)
            else:
                plan.new.append(entry)
            continue
        setting_id, values = here
        if entry["status"] == "closed" and values.get("status") != "closed":
            plan.closed.append((entry, setting_id))
            continue
        differ = [FIELD_LABELS[f] for f in FIELDS if entry[f] != values.get(f)]
        if differ:
            plan.changed.append((entry, differ, setting_id))
        else:
            plan.unchanged += 1
    plan.not_in_file = len(set(existing) - seen)
    return plan


def unique_name(entry, taken):
    """A name for the setting's agency that no other agency has: its register name, else with its
    town, else with its URN (two schools may share a name, "St Mary's CE Primary School")."""
    name = entry["name"]
    if name.lower() not in taken:
        return name
    town = entry["address"].rsplit(", ", 1)[-1] if entry["address"] else ""
    with_town = f"{name} ({town})" if town else name
    if with_town.lower() not in taken:
        return with_town
    return f"{name} (URN {entry['urn']})"


def domains(text):
    """The email domains written one a line (or separated by commas or spaces), lower case,
    without a leading "@"."""
    words = text.replace(",", " ").split()
    return {word.lstrip("@").lower().rstrip(".") for word in words if word.strip("@.")}


def domain_of(email):
    return email.rsplit("@", 1)[-1].strip().lower() if "@" in email else ""


def domain_allowed(email, *allowed):
    """Whether the email's domain is in one of the `allowed` sets: exactly, or a subdomain of one
    ("oakhill.northbrook.sch.uk" under "northbrook.sch.uk")."""
    domain = domain_of(email)
    if not domain:
        return False
    return any(domain == d or domain.endswith(f".{d}") for each in allowed for d in each)


def expires_on(approved_on, deadlines, days_after):
    """The day a setting's account approved on `approved_on` ends: `days_after` days after the
    first deadline for returns on or after it; None when no such deadline is set."""
    coming = sorted(d for d in deadlines if d and d >= approved_on)
    return coming[0] + timedelta(days=days_after) if coming else None


def expired(approved_on, deadlines, days_after, today: date):
    """Whether the account has ended by `today`."""
    ends = expires_on(approved_on, deadlines, days_after)
    return ends is not None and today > ends
