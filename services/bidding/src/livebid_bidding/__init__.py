"""Livebid bidding service."""
