"""The shapes of the HTTP answers, for the OpenAPI document: the same JSON the WebSockets send,
and the one shape of an error (`Problem`), with the statuses each route may answer."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict


class View(BaseModel):
    # A field the routes send but a model lacks is an error here, not a silent drop.
    model_config = ConfigDict(extra="forbid")


class Problem(View):
    """An error answer: what went wrong, in words."""

    detail: str


class Health(View):
    status: Literal["ok"]


class Ready(View):
    status: Literal["ready"]


class NotificationEntry(View):
    """One entry of a user's inbox (also a WebSocket message)."""

    type: Literal["notification"]
    cursor: int
    kind: str
    user_id: str
    auction_id: str
    show_id: str
    amount_cents: int
    currency: str
    text: str
    at_ms: int
    source_event_id: str
    order_id: str
    bundle_id: str


class NotificationsPage(View):
    notifications: list[NotificationEntry]
    cursor: int  # where to continue from


class ShowState(View):
    """What a viewer sees of a show (also the live WebSocket's message)."""

    type: Literal["show_state"]
    seq: int
    now_ms: int
    viewers: int
    show_id: str
    show_status: str
    show_title: str
    stream_url: str
    listing_id: str
    listing_title: str
    auction_id: str
    auction_status: str
    price_cents: int
    currency: str
    leader_id: str
    min_next_bid_cents: int
    deadline_ms: int
    bid_count: int
    winner_id: str
    sale_kind: str  # auction, flash_sale, giveaway, or "" when the item has no sale yet
    sale_id: str
    sale_status: str  # open, sold, unsold, sold_out, closed, drawn
    units_total: int
    units_left: int
    per_buyer_limit: int
    list_price_cents: int
    entrants: int


def problem(description: str) -> dict[str, Any]:
    return {"model": Problem, "description": description}


Responses = dict[int | str, dict[str, Any]]
NO_TOKEN: Responses = {401: problem("No bearer token, or an invalid or expired one")}
STARTING: Responses = {503: problem("The service is still rebuilding its state from the log")}
