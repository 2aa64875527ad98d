"""Audit cycles: one a year, e.g. 2026-27."""
