"""Section 11 self-assessment: each agency's yearly return, its ratings, evidence and action plans, and their scrutiny."""
