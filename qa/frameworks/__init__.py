"""Frameworks of standards: Section 11 and the shorter schools version."""
