"""Peer-reviewer pairing engine: pure Python in, optimal assignment and plain-English explanations out."""
