"""Errors shared by the aggregates of the bidding domain.

`auction.InvalidCommand` is this same class, re-exported where it was first defined.
"""


class InvalidCommand(ValueError):
    """A command that no state could accept (malformed input): it is dead-lettered."""
