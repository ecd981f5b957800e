"""A giveaway: entrants during a window, optional eligibility, and an auditable draw.

The draw is a pure function of a seed and the entrants in log order (`draw_winner`). The
seed comes in the draw command, derived by the adapter from the log (for example the draw
command's own offset and id), and is recorded in `GiveawayDrawn` with the entrant count,
so anyone can re-run the draw from the event log and get the same winner.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import Enum

from livebid_bidding.domain.errors import InvalidCommand

# Named and versioned like the increment tables, so a changed algorithm never re-decides
# an old draw differently.
DRAW_ALGORITHM = "sha256-mod-v1"


def draw_winner(seed: str, entrants: Sequence[str]) -> str:
    """The winner: entrants[SHA-256(seed) mod len(entrants)]; "" when nobody entered.

    To audit a draw: take `seed` and the entrants in the order of their GiveawayEntered
    events; hash the seed's UTF-8 bytes with SHA-256; read the 32-byte digest as a
    big-endian unsigned integer; the winner is the entrant at that number modulo the
    entrant count (0-based). The modulo bias over 2**256 is negligible.
    """
    if not entrants:
        return ""
    digest = hashlib.sha256(seed.encode("utf-8")).digest()
    return entrants[int.from_bytes(digest, "big") % len(entrants)]


# Commands


@dataclass(frozen=True)
class OpenGiveaway:
    command_id: str
    giveaway_id: str
    show_id: str
    seller_id: str
    listing_id: str  # the prize
    duration_ms: int  # entries are taken from at_ms to at_ms + duration_ms, inclusive
    at_ms: int
    followers_only: bool = False
    verified_only: bool = False


@dataclass(frozen=True)
class EnterGiveaway:
    command_id: str
    giveaway_id: str
    entrant_id: str
    at_ms: int
    # Supplied by the caller, which knows the social graph and the account.
    is_follower: bool = False
    verified: bool = False


@dataclass(frozen=True)
class DrawGiveaway:
    """Appended once the window has passed; stale (ignored) before it ends."""

    command_id: str
    giveaway_id: str
    seed: str
    at_ms: int


GiveawayCommand = OpenGiveaway | EnterGiveaway | DrawGiveaway

# Events


class EntryRejectionReason(Enum):
    NOT_FOUND = "not_found"
    CLOSED = "closed"  # the window has passed, or the draw happened
    NOT_A_FOLLOWER = "not_a_follower"
    NOT_VERIFIED = "not_verified"
    ALREADY_ENTERED = "already_entered"
    SELLER_CANNOT_ENTER = "seller_cannot_enter"


@dataclass(frozen=True)
class GiveawayOpened:
    giveaway_id: str
    command_id: str
    show_id: str
    seller_id: str
    listing_id: str
    opened_at_ms: int
    ends_at_ms: int
    followers_only: bool
    verified_only: bool


@dataclass(frozen=True)
class GiveawayEntered:
    giveaway_id: str
    command_id: str
    entrant_id: str
    at_ms: int
    entrant_number: int  # 1-based position in the draw order


@dataclass(frozen=True)
class EntryRejected:
    giveaway_id: str
    command_id: str
    entrant_id: str
    at_ms: int
    reason: EntryRejectionReason


@dataclass(frozen=True)
class GiveawayDrawn:
    giveaway_id: str
    command_id: str
    at_ms: int
    winner_id: str  # "" when nobody entered
    seed: str
    entrant_count: int
    algorithm: str = DRAW_ALGORITHM
    # What was given away, so consumers (catalog, orders) need no other event to act on it.
    listing_id: str = ""
    show_id: str = ""
    seller_id: str = ""


GiveawayEvent = GiveawayOpened | GiveawayEntered | EntryRejected | GiveawayDrawn

# State, decide, evolve


@dataclass(frozen=True)
class Giveaway:
    giveaway_id: str
    seller_id: str
    ends_at_ms: int
    followers_only: bool
    verified_only: bool
    entrants: tuple[str, ...] = ()  # in entry (log) order: the draw depends on it
    winner_id: str = ""
    drawn: bool = False
    seed: str = ""  # recorded by the draw, so anyone can re-run it
    listing_id: str = ""
    show_id: str = ""


def decide(state: Giveaway | None, command: GiveawayCommand) -> list[GiveawayEvent]:
    """The events that `command` causes given `state` (None: no such giveaway)."""
    if isinstance(command, OpenGiveaway):
        return _open(state, command)
    if isinstance(command, EnterGiveaway):
        return _enter(state, command)
    return _draw(state, command)


def _open(state: Giveaway | None, cmd: OpenGiveaway) -> list[GiveawayEvent]:
    if state is not None:
        return []
    if cmd.duration_ms <= 0:
        raise InvalidCommand("a giveaway's window must be positive")
    return [
        GiveawayOpened(
            giveaway_id=cmd.giveaway_id,
            command_id=cmd.command_id,
            show_id=cmd.show_id,
            seller_id=cmd.seller_id,
            listing_id=cmd.listing_id,
            opened_at_ms=cmd.at_ms,
            ends_at_ms=cmd.at_ms + cmd.duration_ms,
            followers_only=cmd.followers_only,
            verified_only=cmd.verified_only,
        )
    ]


def _refusal(state: Giveaway | None, cmd: EnterGiveaway) -> EntryRejectionReason | None:
    if state is None:
        return EntryRejectionReason.NOT_FOUND
    if state.drawn or cmd.at_ms > state.ends_at_ms:
        return EntryRejectionReason.CLOSED
    if cmd.entrant_id == state.seller_id:
        return EntryRejectionReason.SELLER_CANNOT_ENTER
    if state.followers_only and not cmd.is_follower:
        return EntryRejectionReason.NOT_A_FOLLOWER
    if state.verified_only and not cmd.verified:
        return EntryRejectionReason.NOT_VERIFIED
    if cmd.entrant_id in state.entrants:
        return EntryRejectionReason.ALREADY_ENTERED  # one entry each: equal chances
    return None


def _enter(state: Giveaway | None, cmd: EnterGiveaway) -> list[GiveawayEvent]:
    reason = _refusal(state, cmd)
    if reason is not None:
        return [EntryRejected(cmd.giveaway_id, cmd.command_id, cmd.entrant_id, cmd.at_ms, reason)]
    assert state is not None
    number = len(state.entrants) + 1
    return [GiveawayEntered(cmd.giveaway_id, cmd.command_id, cmd.entrant_id, cmd.at_ms, number)]


def _draw(state: Giveaway | None, cmd: DrawGiveaway) -> list[GiveawayEvent]:
    if state is None or state.drawn or cmd.at_ms < state.ends_at_ms:
        return []  # unknown, drawn already, or stale (the window is still open)
    if not cmd.seed:
        raise InvalidCommand("a draw needs a seed, recorded so the draw can be re-run")
    return [
        GiveawayDrawn(
            giveaway_id=state.giveaway_id,
            command_id=cmd.command_id,
            at_ms=cmd.at_ms,
            winner_id=draw_winner(cmd.seed, state.entrants),
            seed=cmd.seed,
            entrant_count=len(state.entrants),
            listing_id=state.listing_id,
            show_id=state.show_id,
            seller_id=state.seller_id,
        )
    ]


def evolve(state: Giveaway | None, event: GiveawayEvent) -> Giveaway | None:
    """The state after `event`."""
    if isinstance(event, GiveawayOpened):
        return Giveaway(
            giveaway_id=event.giveaway_id,
            seller_id=event.seller_id,
            ends_at_ms=event.ends_at_ms,
            followers_only=event.followers_only,
            verified_only=event.verified_only,
            listing_id=event.listing_id,
            show_id=event.show_id,
        )
    if isinstance(event, EntryRejected):
        return state  # a refused entry changes nothing (even for an unknown giveaway)
    assert state is not None
    if isinstance(event, GiveawayEntered):
        return replace(state, entrants=(*state.entrants, event.entrant_id))
    if isinstance(event, GiveawayDrawn):
        return replace(state, drawn=True, winner_id=event.winner_id, seed=event.seed)
    return state  # a refused entry changes nothing


def fold(events: list[GiveawayEvent], state: Giveaway | None = None) -> Giveaway | None:
    """Replay events onto a state."""
    for event in events:
        state = evolve(state, event)
    return state
