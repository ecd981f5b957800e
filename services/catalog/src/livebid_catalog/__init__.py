"""Livebid catalog service."""
