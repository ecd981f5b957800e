from livebid.common.v1 import money_pb2 as _money_pb2
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Format(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    FORMAT_UNSPECIFIED: _ClassVar[Format]
    FORMAT_STANDARD: _ClassVar[Format]
    FORMAT_SUDDEN_DEATH: _ClassVar[Format]

class RejectionReason(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    REJECTION_REASON_UNSPECIFIED: _ClassVar[RejectionReason]
    REJECTION_REASON_BELOW_MINIMUM: _ClassVar[RejectionReason]
    REJECTION_REASON_AUCTION_CLOSED: _ClassVar[RejectionReason]
    REJECTION_REASON_AUCTION_NOT_FOUND: _ClassVar[RejectionReason]
    REJECTION_REASON_SELLER_CANNOT_BID: _ClassVar[RejectionReason]
    REJECTION_REASON_NOT_ELIGIBLE: _ClassVar[RejectionReason]
    REJECTION_REASON_OVER_LIMIT: _ClassVar[RejectionReason]
    REJECTION_REASON_RATE_LIMITED: _ClassVar[RejectionReason]
    REJECTION_REASON_DUPLICATE: _ClassVar[RejectionReason]
    REJECTION_REASON_INVALID: _ClassVar[RejectionReason]
    REJECTION_REASON_AUCTION_NOT_OPEN: _ClassVar[RejectionReason]
    REJECTION_REASON_BUY_NOW_UNAVAILABLE: _ClassVar[RejectionReason]
FORMAT_UNSPECIFIED: Format
FORMAT_STANDARD: Format
FORMAT_SUDDEN_DEATH: Format
REJECTION_REASON_UNSPECIFIED: RejectionReason
REJECTION_REASON_BELOW_MINIMUM: RejectionReason
REJECTION_REASON_AUCTION_CLOSED: RejectionReason
REJECTION_REASON_AUCTION_NOT_FOUND: RejectionReason
REJECTION_REASON_SELLER_CANNOT_BID: RejectionReason
REJECTION_REASON_NOT_ELIGIBLE: RejectionReason
REJECTION_REASON_OVER_LIMIT: RejectionReason
REJECTION_REASON_RATE_LIMITED: RejectionReason
REJECTION_REASON_DUPLICATE: RejectionReason
REJECTION_REASON_INVALID: RejectionReason
REJECTION_REASON_AUCTION_NOT_OPEN: RejectionReason
REJECTION_REASON_BUY_NOW_UNAVAILABLE: RejectionReason

class AuctionStarted(_message.Message):
    __slots__ = ("auction_id", "listing_id", "show_id", "seller_id", "format", "starting_price", "opened_at_ms", "deadline_ms", "counter_time_ms", "increment_table", "has_reserve", "buy_now_price_cents", "opens_at_ms")
    AUCTION_ID_FIELD_NUMBER: _ClassVar[int]
    LISTING_ID_FIELD_NUMBER: _ClassVar[int]
    SHOW_ID_FIELD_NUMBER: _ClassVar[int]
    SELLER_ID_FIELD_NUMBER: _ClassVar[int]
    FORMAT_FIELD_NUMBER: _ClassVar[int]
    STARTING_PRICE_FIELD_NUMBER: _ClassVar[int]
    OPENED_AT_MS_FIELD_NUMBER: _ClassVar[int]
    DEADLINE_MS_FIELD_NUMBER: _ClassVar[int]
    COUNTER_TIME_MS_FIELD_NUMBER: _ClassVar[int]
    INCREMENT_TABLE_FIELD_NUMBER: _ClassVar[int]
    HAS_RESERVE_FIELD_NUMBER: _ClassVar[int]
    BUY_NOW_PRICE_CENTS_FIELD_NUMBER: _ClassVar[int]
    OPENS_AT_MS_FIELD_NUMBER: _ClassVar[int]
    auction_id: str
    listing_id: str
    show_id: str
    seller_id: str
    format: Format
    starting_price: _money_pb2.Money
    opened_at_ms: int
    deadline_ms: int
    counter_time_ms: int
    increment_table: str
    has_reserve: bool
    buy_now_price_cents: int
    opens_at_ms: int
    def __init__(self, auction_id: _Optional[str] = ..., listing_id: _Optional[str] = ..., show_id: _Optional[str] = ..., seller_id: _Optional[str] = ..., format: _Optional[_Union[Format, str]] = ..., starting_price: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., opened_at_ms: _Optional[int] = ..., deadline_ms: _Optional[int] = ..., counter_time_ms: _Optional[int] = ..., increment_table: _Optional[str] = ..., has_reserve: _Optional[bool] = ..., buy_now_price_cents: _Optional[int] = ..., opens_at_ms: _Optional[int] = ...) -> None: ...

class HighBidChanged(_message.Message):
    __slots__ = ("auction_id", "show_id", "price", "leader_id", "deadline_ms", "bid_count", "at_ms", "min_next_bid_cents")
    AUCTION_ID_FIELD_NUMBER: _ClassVar[int]
    SHOW_ID_FIELD_NUMBER: _ClassVar[int]
    PRICE_FIELD_NUMBER: _ClassVar[int]
    LEADER_ID_FIELD_NUMBER: _ClassVar[int]
    DEADLINE_MS_FIELD_NUMBER: _ClassVar[int]
    BID_COUNT_FIELD_NUMBER: _ClassVar[int]
    AT_MS_FIELD_NUMBER: _ClassVar[int]
    MIN_NEXT_BID_CENTS_FIELD_NUMBER: _ClassVar[int]
    auction_id: str
    show_id: str
    price: _money_pb2.Money
    leader_id: str
    deadline_ms: int
    bid_count: int
    at_ms: int
    min_next_bid_cents: int
    def __init__(self, auction_id: _Optional[str] = ..., show_id: _Optional[str] = ..., price: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., leader_id: _Optional[str] = ..., deadline_ms: _Optional[int] = ..., bid_count: _Optional[int] = ..., at_ms: _Optional[int] = ..., min_next_bid_cents: _Optional[int] = ...) -> None: ...

class BidderOutbid(_message.Message):
    __slots__ = ("auction_id", "show_id", "bidder_id", "price", "at_ms")
    AUCTION_ID_FIELD_NUMBER: _ClassVar[int]
    SHOW_ID_FIELD_NUMBER: _ClassVar[int]
    BIDDER_ID_FIELD_NUMBER: _ClassVar[int]
    PRICE_FIELD_NUMBER: _ClassVar[int]
    AT_MS_FIELD_NUMBER: _ClassVar[int]
    auction_id: str
    show_id: str
    bidder_id: str
    price: _money_pb2.Money
    at_ms: int
    def __init__(self, auction_id: _Optional[str] = ..., show_id: _Optional[str] = ..., bidder_id: _Optional[str] = ..., price: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., at_ms: _Optional[int] = ...) -> None: ...

class AuctionEnded(_message.Message):
    __slots__ = ("auction_id", "listing_id", "show_id", "seller_id", "sold", "winner_id", "price", "closed_at_ms", "deadline_ms", "voided", "buy_now")
    AUCTION_ID_FIELD_NUMBER: _ClassVar[int]
    LISTING_ID_FIELD_NUMBER: _ClassVar[int]
    SHOW_ID_FIELD_NUMBER: _ClassVar[int]
    SELLER_ID_FIELD_NUMBER: _ClassVar[int]
    SOLD_FIELD_NUMBER: _ClassVar[int]
    WINNER_ID_FIELD_NUMBER: _ClassVar[int]
    PRICE_FIELD_NUMBER: _ClassVar[int]
    CLOSED_AT_MS_FIELD_NUMBER: _ClassVar[int]
    DEADLINE_MS_FIELD_NUMBER: _ClassVar[int]
    VOIDED_FIELD_NUMBER: _ClassVar[int]
    BUY_NOW_FIELD_NUMBER: _ClassVar[int]
    auction_id: str
    listing_id: str
    show_id: str
    seller_id: str
    sold: bool
    winner_id: str
    price: _money_pb2.Money
    closed_at_ms: int
    deadline_ms: int
    voided: bool
    buy_now: bool
    def __init__(self, auction_id: _Optional[str] = ..., listing_id: _Optional[str] = ..., show_id: _Optional[str] = ..., seller_id: _Optional[str] = ..., sold: _Optional[bool] = ..., winner_id: _Optional[str] = ..., price: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., closed_at_ms: _Optional[int] = ..., deadline_ms: _Optional[int] = ..., voided: _Optional[bool] = ..., buy_now: _Optional[bool] = ...) -> None: ...
