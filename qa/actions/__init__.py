"""The action register: every improvement action, whatever raised it.

(Section 11, challenge, survey, manual).
"""
