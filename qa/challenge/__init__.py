"""Section 11 challenge events.

Choose agencies, schedule visits, record findings, report to the board.
"""
