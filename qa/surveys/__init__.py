"""Surveys: the engine for children's and staff questionnaires, the child's /s/<code> journey, and the results."""
