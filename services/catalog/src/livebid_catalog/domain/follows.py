"""Who follows a seller: one aggregate per seller, keyed by seller id.

Following is a set: following twice, or unfollowing someone not followed, decides nothing.
A seller's profile is the catalog's, so its followers are too (bidding's followers-only
giveaways and notifications' "show starting" both read them from the public events).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import singledispatch


@dataclass(frozen=True)
class FollowSeller:
    seller_id: str
    buyer_id: str
    at_ms: int  # the command's log time


@dataclass(frozen=True)
class UnfollowSeller:
    seller_id: str
    buyer_id: str
    at_ms: int


@dataclass(frozen=True)
class SellerFollowed:
    seller_id: str
    buyer_id: str
    at_ms: int


@dataclass(frozen=True)
class SellerUnfollowed:
    seller_id: str
    buyer_id: str
    at_ms: int


Command = FollowSeller | UnfollowSeller
Event = SellerFollowed | SellerUnfollowed


@dataclass(frozen=True)
class Followers:
    seller_id: str
    buyer_ids: frozenset[str] = field(default_factory=frozenset)


class CannotFollowSelf(Exception):
    """A seller cannot follow their own profile."""


def decide(state: Followers | None, command: Command) -> list[Event]:
    """The events a follow or an unfollow causes (none when it changes nothing)."""
    if not (command.seller_id and command.buyer_id):
        raise ValueError("seller_id and buyer_id are required")
    following = state is not None and command.buyer_id in state.buyer_ids
    if isinstance(command, FollowSeller):
        if command.buyer_id == command.seller_id:
            raise CannotFollowSelf("a seller cannot follow themselves")
        return [] if following else [SellerFollowed(*_ids(command), command.at_ms)]
    return [SellerUnfollowed(*_ids(command), command.at_ms)] if following else []


def _ids(command: Command) -> tuple[str, str]:
    return command.seller_id, command.buyer_id


def evolve(state: Followers | None, event: Event) -> Followers:
    return _apply(event, state or Followers(event.seller_id))


@singledispatch
def _apply(event: Event, state: Followers) -> Followers:
    raise TypeError(f"not a follow event: {type(event).__name__}")


@_apply.register
def _(event: SellerFollowed, state: Followers) -> Followers:
    return replace(state, buyer_ids=state.buyer_ids | {event.buyer_id})


@_apply.register
def _(event: SellerUnfollowed, state: Followers) -> Followers:
    return replace(state, buyer_ids=state.buyer_ids - {event.buyer_id})
