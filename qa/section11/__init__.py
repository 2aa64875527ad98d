"""Section 11 self-assessment.

Each agency's yearly return, its ratings, evidence and action plans, and their scrutiny.
"""
