"""Livebid orders service."""
