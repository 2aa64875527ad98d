"""Section 11 challenge events: choose agencies, schedule visits, record findings, report to the board."""
