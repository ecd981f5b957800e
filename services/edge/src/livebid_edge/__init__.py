"""Livebid edge service."""
