"""The catalog's pure domain: shows, listings, their commands and events."""
