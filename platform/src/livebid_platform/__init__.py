"""Shared event platform used by every Livebid service."""
