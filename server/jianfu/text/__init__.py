"""Readers and text analysis: raw sources -> ``Document``."""
