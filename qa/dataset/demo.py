"""The demo partnership's data set: the starter set with three years of quarterly figures."""


def load(demo):
    pass
