"""Voices: what front-line staff said in the staff surveys, set beside each agency's Section 11 self-ratings."""
