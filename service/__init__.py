"""Claim-level timeline and diff service for evolving news stories."""

__version__ = "0.1.0"
