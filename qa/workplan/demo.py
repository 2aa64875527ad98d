"""The demo work plan (written with the meetings)."""


def load(demo):
    pass
