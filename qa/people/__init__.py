"""Sectors, agencies, people, and what people declare about themselves."""
