"""Voices: what front-line staff said in the staff surveys.

Set beside each agency's Section 11 self-ratings.
"""
