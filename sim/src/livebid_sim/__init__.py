"""Simulated sellers and bidders that drive Livebid through its public API."""
