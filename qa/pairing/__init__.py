"""Peer-reviewer pairing engine.

Pure Python in, optimal assignment and plain-English explanations out.
"""
