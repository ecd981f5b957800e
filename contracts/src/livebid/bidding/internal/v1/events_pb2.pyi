from livebid.bidding.v1 import public_events_pb2 as _public_events_pb2
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class AuctionOpened(_message.Message):
    __slots__ = ("auction_id", "command_id", "listing_id", "show_id", "seller_id", "format", "starting_price_cents", "currency", "opened_at_ms", "deadline_ms", "counter_time_ms", "increment_table", "reserve_price_cents", "buy_now_price_cents", "require_verified_buyers", "opens_at_ms", "bid_rate_limit", "bid_rate_window_ms")
    AUCTION_ID_FIELD_NUMBER: _ClassVar[int]
    COMMAND_ID_FIELD_NUMBER: _ClassVar[int]
    LISTING_ID_FIELD_NUMBER: _ClassVar[int]
    SHOW_ID_FIELD_NUMBER: _ClassVar[int]
    SELLER_ID_FIELD_NUMBER: _ClassVar[int]
    FORMAT_FIELD_NUMBER: _ClassVar[int]
    STARTING_PRICE_CENTS_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    OPENED_AT_MS_FIELD_NUMBER: _ClassVar[int]
    DEADLINE_MS_FIELD_NUMBER: _ClassVar[int]
    COUNTER_TIME_MS_FIELD_NUMBER: _ClassVar[int]
    INCREMENT_TABLE_FIELD_NUMBER: _ClassVar[int]
    RESERVE_PRICE_CENTS_FIELD_NUMBER: _ClassVar[int]
    BUY_NOW_PRICE_CENTS_FIELD_NUMBER: _ClassVar[int]
    REQUIRE_VERIFIED_BUYERS_FIELD_NUMBER: _ClassVar[int]
    OPENS_AT_MS_FIELD_NUMBER: _ClassVar[int]
    BID_RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    BID_RATE_WINDOW_MS_FIELD_NUMBER: _ClassVar[int]
    auction_id: str
    command_id: str
    listing_id: str
    show_id: str
    seller_id: str
    format: _public_events_pb2.Format
    starting_price_cents: int
    currency: str
    opened_at_ms: int
    deadline_ms: int
    counter_time_ms: int
    increment_table: str
    reserve_price_cents: int
    buy_now_price_cents: int
    require_verified_buyers: bool
    opens_at_ms: int
    bid_rate_limit: int
    bid_rate_window_ms: int
    def __init__(self, auction_id: _Optional[str] = ..., command_id: _Optional[str] = ..., listing_id: _Optional[str] = ..., show_id: _Optional[str] = ..., seller_id: _Optional[str] = ..., format: _Optional[_Union[_public_events_pb2.Format, str]] = ..., starting_price_cents: _Optional[int] = ..., currency: _Optional[str] = ..., opened_at_ms: _Optional[int] = ..., deadline_ms: _Optional[int] = ..., counter_time_ms: _Optional[int] = ..., increment_table: _Optional[str] = ..., reserve_price_cents: _Optional[int] = ..., buy_now_price_cents: _Optional[int] = ..., require_verified_buyers: _Optional[bool] = ..., opens_at_ms: _Optional[int] = ..., bid_rate_limit: _Optional[int] = ..., bid_rate_window_ms: _Optional[int] = ...) -> None: ...

class BidAccepted(_message.Message):
    __slots__ = ("auction_id", "command_id", "bidder_id", "amount_cents", "max_amount_cents", "at_ms", "price_cents", "leader_id", "leader_max_cents", "deadline_ms", "previous_leader_id", "bid_count", "runner_up_max_cents")
    AUCTION_ID_FIELD_NUMBER: _ClassVar[int]
    COMMAND_ID_FIELD_NUMBER: _ClassVar[int]
    BIDDER_ID_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_CENTS_FIELD_NUMBER: _ClassVar[int]
    MAX_AMOUNT_CENTS_FIELD_NUMBER: _ClassVar[int]
    AT_MS_FIELD_NUMBER: _ClassVar[int]
    PRICE_CENTS_FIELD_NUMBER: _ClassVar[int]
    LEADER_ID_FIELD_NUMBER: _ClassVar[int]
    LEADER_MAX_CENTS_FIELD_NUMBER: _ClassVar[int]
    DEADLINE_MS_FIELD_NUMBER: _ClassVar[int]
    PREVIOUS_LEADER_ID_FIELD_NUMBER: _ClassVar[int]
    BID_COUNT_FIELD_NUMBER: _ClassVar[int]
    RUNNER_UP_MAX_CENTS_FIELD_NUMBER: _ClassVar[int]
    auction_id: str
    command_id: str
    bidder_id: str
    amount_cents: int
    max_amount_cents: int
    at_ms: int
    price_cents: int
    leader_id: str
    leader_max_cents: int
    deadline_ms: int
    previous_leader_id: str
    bid_count: int
    runner_up_max_cents: int
    def __init__(self, auction_id: _Optional[str] = ..., command_id: _Optional[str] = ..., bidder_id: _Optional[str] = ..., amount_cents: _Optional[int] = ..., max_amount_cents: _Optional[int] = ..., at_ms: _Optional[int] = ..., price_cents: _Optional[int] = ..., leader_id: _Optional[str] = ..., leader_max_cents: _Optional[int] = ..., deadline_ms: _Optional[int] = ..., previous_leader_id: _Optional[str] = ..., bid_count: _Optional[int] = ..., runner_up_max_cents: _Optional[int] = ...) -> None: ...

class BidRejected(_message.Message):
    __slots__ = ("auction_id", "command_id", "bidder_id", "amount_cents", "at_ms", "reason", "min_next_bid_cents")
    AUCTION_ID_FIELD_NUMBER: _ClassVar[int]
    COMMAND_ID_FIELD_NUMBER: _ClassVar[int]
    BIDDER_ID_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_CENTS_FIELD_NUMBER: _ClassVar[int]
    AT_MS_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    MIN_NEXT_BID_CENTS_FIELD_NUMBER: _ClassVar[int]
    auction_id: str
    command_id: str
    bidder_id: str
    amount_cents: int
    at_ms: int
    reason: _public_events_pb2.RejectionReason
    min_next_bid_cents: int
    def __init__(self, auction_id: _Optional[str] = ..., command_id: _Optional[str] = ..., bidder_id: _Optional[str] = ..., amount_cents: _Optional[int] = ..., at_ms: _Optional[int] = ..., reason: _Optional[_Union[_public_events_pb2.RejectionReason, str]] = ..., min_next_bid_cents: _Optional[int] = ...) -> None: ...

class AuctionClosed(_message.Message):
    __slots__ = ("auction_id", "command_id", "at_ms", "winner_id", "price_cents", "reserve_met", "deadline_ms", "buy_now")
    AUCTION_ID_FIELD_NUMBER: _ClassVar[int]
    COMMAND_ID_FIELD_NUMBER: _ClassVar[int]
    AT_MS_FIELD_NUMBER: _ClassVar[int]
    WINNER_ID_FIELD_NUMBER: _ClassVar[int]
    PRICE_CENTS_FIELD_NUMBER: _ClassVar[int]
    RESERVE_MET_FIELD_NUMBER: _ClassVar[int]
    DEADLINE_MS_FIELD_NUMBER: _ClassVar[int]
    BUY_NOW_FIELD_NUMBER: _ClassVar[int]
    auction_id: str
    command_id: str
    at_ms: int
    winner_id: str
    price_cents: int
    reserve_met: bool
    deadline_ms: int
    buy_now: bool
    def __init__(self, auction_id: _Optional[str] = ..., command_id: _Optional[str] = ..., at_ms: _Optional[int] = ..., winner_id: _Optional[str] = ..., price_cents: _Optional[int] = ..., reserve_met: _Optional[bool] = ..., deadline_ms: _Optional[int] = ..., buy_now: _Optional[bool] = ...) -> None: ...

class AuctionVoided(_message.Message):
    __slots__ = ("auction_id", "command_id", "at_ms", "admin_id", "reason")
    AUCTION_ID_FIELD_NUMBER: _ClassVar[int]
    COMMAND_ID_FIELD_NUMBER: _ClassVar[int]
    AT_MS_FIELD_NUMBER: _ClassVar[int]
    ADMIN_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    auction_id: str
    command_id: str
    at_ms: int
    admin_id: str
    reason: str
    def __init__(self, auction_id: _Optional[str] = ..., command_id: _Optional[str] = ..., at_ms: _Optional[int] = ..., admin_id: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...
