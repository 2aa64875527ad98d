"""The demo meetings."""


def load(demo):
    pass
