"""Livebid notifications service."""
