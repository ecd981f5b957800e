from livebid.bidding.v1 import public_events_pb2 as _public_events_pb2
from livebid.common.v1 import money_pb2 as _money_pb2
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class OpenAuction(_message.Message):
    __slots__ = ("command_id", "auction_id", "listing_id", "show_id", "seller_id", "format", "starting_price", "duration_ms", "counter_time_ms", "increment_table", "reserve_price_cents", "buy_now_price_cents", "require_verified_buyers", "opens_at_ms", "bid_rate_limit", "bid_rate_window_ms")
    COMMAND_ID_FIELD_NUMBER: _ClassVar[int]
    AUCTION_ID_FIELD_NUMBER: _ClassVar[int]
    LISTING_ID_FIELD_NUMBER: _ClassVar[int]
    SHOW_ID_FIELD_NUMBER: _ClassVar[int]
    SELLER_ID_FIELD_NUMBER: _ClassVar[int]
    FORMAT_FIELD_NUMBER: _ClassVar[int]
    STARTING_PRICE_FIELD_NUMBER: _ClassVar[int]
    DURATION_MS_FIELD_NUMBER: _ClassVar[int]
    COUNTER_TIME_MS_FIELD_NUMBER: _ClassVar[int]
    INCREMENT_TABLE_FIELD_NUMBER: _ClassVar[int]
    RESERVE_PRICE_CENTS_FIELD_NUMBER: _ClassVar[int]
    BUY_NOW_PRICE_CENTS_FIELD_NUMBER: _ClassVar[int]
    REQUIRE_VERIFIED_BUYERS_FIELD_NUMBER: _ClassVar[int]
    OPENS_AT_MS_FIELD_NUMBER: _ClassVar[int]
    BID_RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    BID_RATE_WINDOW_MS_FIELD_NUMBER: _ClassVar[int]
    command_id: str
    auction_id: str
    listing_id: str
    show_id: str
    seller_id: str
    format: _public_events_pb2.Format
    starting_price: _money_pb2.Money
    duration_ms: int
    counter_time_ms: int
    increment_table: str
    reserve_price_cents: int
    buy_now_price_cents: int
    require_verified_buyers: bool
    opens_at_ms: int
    bid_rate_limit: int
    bid_rate_window_ms: int
    def __init__(self, command_id: _Optional[str] = ..., auction_id: _Optional[str] = ..., listing_id: _Optional[str] = ..., show_id: _Optional[str] = ..., seller_id: _Optional[str] = ..., format: _Optional[_Union[_public_events_pb2.Format, str]] = ..., starting_price: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., duration_ms: _Optional[int] = ..., counter_time_ms: _Optional[int] = ..., increment_table: _Optional[str] = ..., reserve_price_cents: _Optional[int] = ..., buy_now_price_cents: _Optional[int] = ..., require_verified_buyers: _Optional[bool] = ..., opens_at_ms: _Optional[int] = ..., bid_rate_limit: _Optional[int] = ..., bid_rate_window_ms: _Optional[int] = ...) -> None: ...

class PlaceBid(_message.Message):
    __slots__ = ("command_id", "auction_id", "bidder_id", "amount_cents", "max_amount_cents", "bidder_verified", "spending_limit_cents", "open_commitments_cents")
    COMMAND_ID_FIELD_NUMBER: _ClassVar[int]
    AUCTION_ID_FIELD_NUMBER: _ClassVar[int]
    BIDDER_ID_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_CENTS_FIELD_NUMBER: _ClassVar[int]
    MAX_AMOUNT_CENTS_FIELD_NUMBER: _ClassVar[int]
    BIDDER_VERIFIED_FIELD_NUMBER: _ClassVar[int]
    SPENDING_LIMIT_CENTS_FIELD_NUMBER: _ClassVar[int]
    OPEN_COMMITMENTS_CENTS_FIELD_NUMBER: _ClassVar[int]
    command_id: str
    auction_id: str
    bidder_id: str
    amount_cents: int
    max_amount_cents: int
    bidder_verified: bool
    spending_limit_cents: int
    open_commitments_cents: int
    def __init__(self, command_id: _Optional[str] = ..., auction_id: _Optional[str] = ..., bidder_id: _Optional[str] = ..., amount_cents: _Optional[int] = ..., max_amount_cents: _Optional[int] = ..., bidder_verified: _Optional[bool] = ..., spending_limit_cents: _Optional[int] = ..., open_commitments_cents: _Optional[int] = ...) -> None: ...

class BuyNow(_message.Message):
    __slots__ = ("command_id", "auction_id", "buyer_id", "bidder_verified", "spending_limit_cents", "open_commitments_cents")
    COMMAND_ID_FIELD_NUMBER: _ClassVar[int]
    AUCTION_ID_FIELD_NUMBER: _ClassVar[int]
    BUYER_ID_FIELD_NUMBER: _ClassVar[int]
    BIDDER_VERIFIED_FIELD_NUMBER: _ClassVar[int]
    SPENDING_LIMIT_CENTS_FIELD_NUMBER: _ClassVar[int]
    OPEN_COMMITMENTS_CENTS_FIELD_NUMBER: _ClassVar[int]
    command_id: str
    auction_id: str
    buyer_id: str
    bidder_verified: bool
    spending_limit_cents: int
    open_commitments_cents: int
    def __init__(self, command_id: _Optional[str] = ..., auction_id: _Optional[str] = ..., buyer_id: _Optional[str] = ..., bidder_verified: _Optional[bool] = ..., spending_limit_cents: _Optional[int] = ..., open_commitments_cents: _Optional[int] = ...) -> None: ...

class CloseAuction(_message.Message):
    __slots__ = ("command_id", "auction_id")
    COMMAND_ID_FIELD_NUMBER: _ClassVar[int]
    AUCTION_ID_FIELD_NUMBER: _ClassVar[int]
    command_id: str
    auction_id: str
    def __init__(self, command_id: _Optional[str] = ..., auction_id: _Optional[str] = ...) -> None: ...

class VoidAuction(_message.Message):
    __slots__ = ("command_id", "auction_id", "admin_id", "reason")
    COMMAND_ID_FIELD_NUMBER: _ClassVar[int]
    AUCTION_ID_FIELD_NUMBER: _ClassVar[int]
    ADMIN_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    command_id: str
    auction_id: str
    admin_id: str
    reason: str
    def __init__(self, command_id: _Optional[str] = ..., auction_id: _Optional[str] = ..., admin_id: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...
