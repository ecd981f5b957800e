from livebid.bidding.v1 import commands_pb2 as _commands_pb2
from livebid.bidding.v1 import flash_sales_pb2 as _flash_sales_pb2
from livebid.bidding.v1 import giveaways_pb2 as _giveaways_pb2
from livebid.bidding.v1 import public_events_pb2 as _public_events_pb2
from livebid.common.v1 import money_pb2 as _money_pb2
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class BidStatus(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    BID_STATUS_UNSPECIFIED: _ClassVar[BidStatus]
    BID_STATUS_ACCEPTED: _ClassVar[BidStatus]
    BID_STATUS_REJECTED: _ClassVar[BidStatus]
BID_STATUS_UNSPECIFIED: BidStatus
BID_STATUS_ACCEPTED: BidStatus
BID_STATUS_REJECTED: BidStatus

class OpenAuctionRequest(_message.Message):
    __slots__ = ("command",)
    COMMAND_FIELD_NUMBER: _ClassVar[int]
    command: _commands_pb2.OpenAuction
    def __init__(self, command: _Optional[_Union[_commands_pb2.OpenAuction, _Mapping]] = ...) -> None: ...

class OpenAuctionResponse(_message.Message):
    __slots__ = ("auction_id", "deadline_ms")
    AUCTION_ID_FIELD_NUMBER: _ClassVar[int]
    DEADLINE_MS_FIELD_NUMBER: _ClassVar[int]
    auction_id: str
    deadline_ms: int
    def __init__(self, auction_id: _Optional[str] = ..., deadline_ms: _Optional[int] = ...) -> None: ...

class PlaceBidRequest(_message.Message):
    __slots__ = ("auction_id", "bidder_id", "amount_cents", "max_amount_cents", "idempotency_key", "bidder_verified", "spending_limit_cents", "open_commitments_cents")
    AUCTION_ID_FIELD_NUMBER: _ClassVar[int]
    BIDDER_ID_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_CENTS_FIELD_NUMBER: _ClassVar[int]
    MAX_AMOUNT_CENTS_FIELD_NUMBER: _ClassVar[int]
    IDEMPOTENCY_KEY_FIELD_NUMBER: _ClassVar[int]
    BIDDER_VERIFIED_FIELD_NUMBER: _ClassVar[int]
    SPENDING_LIMIT_CENTS_FIELD_NUMBER: _ClassVar[int]
    OPEN_COMMITMENTS_CENTS_FIELD_NUMBER: _ClassVar[int]
    auction_id: str
    bidder_id: str
    amount_cents: int
    max_amount_cents: int
    idempotency_key: str
    bidder_verified: bool
    spending_limit_cents: int
    open_commitments_cents: int
    def __init__(self, auction_id: _Optional[str] = ..., bidder_id: _Optional[str] = ..., amount_cents: _Optional[int] = ..., max_amount_cents: _Optional[int] = ..., idempotency_key: _Optional[str] = ..., bidder_verified: _Optional[bool] = ..., spending_limit_cents: _Optional[int] = ..., open_commitments_cents: _Optional[int] = ...) -> None: ...

class PlaceBidResponse(_message.Message):
    __slots__ = ("status", "reason", "price", "leader_id", "min_next_bid_cents", "deadline_ms", "leading")
    STATUS_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    PRICE_FIELD_NUMBER: _ClassVar[int]
    LEADER_ID_FIELD_NUMBER: _ClassVar[int]
    MIN_NEXT_BID_CENTS_FIELD_NUMBER: _ClassVar[int]
    DEADLINE_MS_FIELD_NUMBER: _ClassVar[int]
    LEADING_FIELD_NUMBER: _ClassVar[int]
    status: BidStatus
    reason: _public_events_pb2.RejectionReason
    price: _money_pb2.Money
    leader_id: str
    min_next_bid_cents: int
    deadline_ms: int
    leading: bool
    def __init__(self, status: _Optional[_Union[BidStatus, str]] = ..., reason: _Optional[_Union[_public_events_pb2.RejectionReason, str]] = ..., price: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., leader_id: _Optional[str] = ..., min_next_bid_cents: _Optional[int] = ..., deadline_ms: _Optional[int] = ..., leading: _Optional[bool] = ...) -> None: ...

class VoidAuctionRequest(_message.Message):
    __slots__ = ("auction_id", "admin_id", "reason", "idempotency_key")
    AUCTION_ID_FIELD_NUMBER: _ClassVar[int]
    ADMIN_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    IDEMPOTENCY_KEY_FIELD_NUMBER: _ClassVar[int]
    auction_id: str
    admin_id: str
    reason: str
    idempotency_key: str
    def __init__(self, auction_id: _Optional[str] = ..., admin_id: _Optional[str] = ..., reason: _Optional[str] = ..., idempotency_key: _Optional[str] = ...) -> None: ...

class VoidAuctionResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class GetAuctionRequest(_message.Message):
    __slots__ = ("auction_id",)
    AUCTION_ID_FIELD_NUMBER: _ClassVar[int]
    auction_id: str
    def __init__(self, auction_id: _Optional[str] = ...) -> None: ...

class GetAuctionResponse(_message.Message):
    __slots__ = ("auction_id", "listing_id", "show_id", "status", "price", "leader_id", "deadline_ms", "bid_count", "min_next_bid_cents", "winner_id")
    AUCTION_ID_FIELD_NUMBER: _ClassVar[int]
    LISTING_ID_FIELD_NUMBER: _ClassVar[int]
    SHOW_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    PRICE_FIELD_NUMBER: _ClassVar[int]
    LEADER_ID_FIELD_NUMBER: _ClassVar[int]
    DEADLINE_MS_FIELD_NUMBER: _ClassVar[int]
    BID_COUNT_FIELD_NUMBER: _ClassVar[int]
    MIN_NEXT_BID_CENTS_FIELD_NUMBER: _ClassVar[int]
    WINNER_ID_FIELD_NUMBER: _ClassVar[int]
    auction_id: str
    listing_id: str
    show_id: str
    status: str
    price: _money_pb2.Money
    leader_id: str
    deadline_ms: int
    bid_count: int
    min_next_bid_cents: int
    winner_id: str
    def __init__(self, auction_id: _Optional[str] = ..., listing_id: _Optional[str] = ..., show_id: _Optional[str] = ..., status: _Optional[str] = ..., price: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., leader_id: _Optional[str] = ..., deadline_ms: _Optional[int] = ..., bid_count: _Optional[int] = ..., min_next_bid_cents: _Optional[int] = ..., winner_id: _Optional[str] = ...) -> None: ...

class BuyNowRequest(_message.Message):
    __slots__ = ("auction_id", "buyer_id", "idempotency_key", "bidder_verified", "spending_limit_cents", "open_commitments_cents")
    AUCTION_ID_FIELD_NUMBER: _ClassVar[int]
    BUYER_ID_FIELD_NUMBER: _ClassVar[int]
    IDEMPOTENCY_KEY_FIELD_NUMBER: _ClassVar[int]
    BIDDER_VERIFIED_FIELD_NUMBER: _ClassVar[int]
    SPENDING_LIMIT_CENTS_FIELD_NUMBER: _ClassVar[int]
    OPEN_COMMITMENTS_CENTS_FIELD_NUMBER: _ClassVar[int]
    auction_id: str
    buyer_id: str
    idempotency_key: str
    bidder_verified: bool
    spending_limit_cents: int
    open_commitments_cents: int
    def __init__(self, auction_id: _Optional[str] = ..., buyer_id: _Optional[str] = ..., idempotency_key: _Optional[str] = ..., bidder_verified: _Optional[bool] = ..., spending_limit_cents: _Optional[int] = ..., open_commitments_cents: _Optional[int] = ...) -> None: ...

class BuyNowResponse(_message.Message):
    __slots__ = ("status", "reason", "price")
    STATUS_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    PRICE_FIELD_NUMBER: _ClassVar[int]
    status: BidStatus
    reason: _public_events_pb2.RejectionReason
    price: _money_pb2.Money
    def __init__(self, status: _Optional[_Union[BidStatus, str]] = ..., reason: _Optional[_Union[_public_events_pb2.RejectionReason, str]] = ..., price: _Optional[_Union[_money_pb2.Money, _Mapping]] = ...) -> None: ...

class OpenFlashSaleRequest(_message.Message):
    __slots__ = ("command",)
    COMMAND_FIELD_NUMBER: _ClassVar[int]
    command: _flash_sales_pb2.OpenFlashSale
    def __init__(self, command: _Optional[_Union[_flash_sales_pb2.OpenFlashSale, _Mapping]] = ...) -> None: ...

class OpenFlashSaleResponse(_message.Message):
    __slots__ = ("sale_id", "deadline_ms")
    SALE_ID_FIELD_NUMBER: _ClassVar[int]
    DEADLINE_MS_FIELD_NUMBER: _ClassVar[int]
    sale_id: str
    deadline_ms: int
    def __init__(self, sale_id: _Optional[str] = ..., deadline_ms: _Optional[int] = ...) -> None: ...

class BuyFlashSaleRequest(_message.Message):
    __slots__ = ("sale_id", "buyer_id", "quantity", "idempotency_key", "spending_limit_cents", "open_commitments_cents")
    SALE_ID_FIELD_NUMBER: _ClassVar[int]
    BUYER_ID_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    IDEMPOTENCY_KEY_FIELD_NUMBER: _ClassVar[int]
    SPENDING_LIMIT_CENTS_FIELD_NUMBER: _ClassVar[int]
    OPEN_COMMITMENTS_CENTS_FIELD_NUMBER: _ClassVar[int]
    sale_id: str
    buyer_id: str
    quantity: int
    idempotency_key: str
    spending_limit_cents: int
    open_commitments_cents: int
    def __init__(self, sale_id: _Optional[str] = ..., buyer_id: _Optional[str] = ..., quantity: _Optional[int] = ..., idempotency_key: _Optional[str] = ..., spending_limit_cents: _Optional[int] = ..., open_commitments_cents: _Optional[int] = ...) -> None: ...

class BuyFlashSaleResponse(_message.Message):
    __slots__ = ("status", "reason", "remaining", "quantity", "unit_price")
    STATUS_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    REMAINING_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    UNIT_PRICE_FIELD_NUMBER: _ClassVar[int]
    status: BidStatus
    reason: _flash_sales_pb2.FlashSaleRejectionReason
    remaining: int
    quantity: int
    unit_price: _money_pb2.Money
    def __init__(self, status: _Optional[_Union[BidStatus, str]] = ..., reason: _Optional[_Union[_flash_sales_pb2.FlashSaleRejectionReason, str]] = ..., remaining: _Optional[int] = ..., quantity: _Optional[int] = ..., unit_price: _Optional[_Union[_money_pb2.Money, _Mapping]] = ...) -> None: ...

class OpenGiveawayRequest(_message.Message):
    __slots__ = ("command",)
    COMMAND_FIELD_NUMBER: _ClassVar[int]
    command: _giveaways_pb2.OpenGiveaway
    def __init__(self, command: _Optional[_Union[_giveaways_pb2.OpenGiveaway, _Mapping]] = ...) -> None: ...

class OpenGiveawayResponse(_message.Message):
    __slots__ = ("giveaway_id", "ends_at_ms")
    GIVEAWAY_ID_FIELD_NUMBER: _ClassVar[int]
    ENDS_AT_MS_FIELD_NUMBER: _ClassVar[int]
    giveaway_id: str
    ends_at_ms: int
    def __init__(self, giveaway_id: _Optional[str] = ..., ends_at_ms: _Optional[int] = ...) -> None: ...

class EnterGiveawayRequest(_message.Message):
    __slots__ = ("giveaway_id", "entrant_id", "is_follower", "verified", "idempotency_key")
    GIVEAWAY_ID_FIELD_NUMBER: _ClassVar[int]
    ENTRANT_ID_FIELD_NUMBER: _ClassVar[int]
    IS_FOLLOWER_FIELD_NUMBER: _ClassVar[int]
    VERIFIED_FIELD_NUMBER: _ClassVar[int]
    IDEMPOTENCY_KEY_FIELD_NUMBER: _ClassVar[int]
    giveaway_id: str
    entrant_id: str
    is_follower: bool
    verified: bool
    idempotency_key: str
    def __init__(self, giveaway_id: _Optional[str] = ..., entrant_id: _Optional[str] = ..., is_follower: _Optional[bool] = ..., verified: _Optional[bool] = ..., idempotency_key: _Optional[str] = ...) -> None: ...

class EnterGiveawayResponse(_message.Message):
    __slots__ = ("status", "reason", "entrant_number")
    STATUS_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    ENTRANT_NUMBER_FIELD_NUMBER: _ClassVar[int]
    status: BidStatus
    reason: _giveaways_pb2.EntryRejectionReason
    entrant_number: int
    def __init__(self, status: _Optional[_Union[BidStatus, str]] = ..., reason: _Optional[_Union[_giveaways_pb2.EntryRejectionReason, str]] = ..., entrant_number: _Optional[int] = ...) -> None: ...

class GetGiveawayRequest(_message.Message):
    __slots__ = ("giveaway_id",)
    GIVEAWAY_ID_FIELD_NUMBER: _ClassVar[int]
    giveaway_id: str
    def __init__(self, giveaway_id: _Optional[str] = ...) -> None: ...

class GetGiveawayResponse(_message.Message):
    __slots__ = ("giveaway_id", "status", "entrant_count", "winner_id", "seed", "algorithm", "ends_at_ms", "seller_id", "followers_only", "verified_only")
    GIVEAWAY_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    ENTRANT_COUNT_FIELD_NUMBER: _ClassVar[int]
    WINNER_ID_FIELD_NUMBER: _ClassVar[int]
    SEED_FIELD_NUMBER: _ClassVar[int]
    ALGORITHM_FIELD_NUMBER: _ClassVar[int]
    ENDS_AT_MS_FIELD_NUMBER: _ClassVar[int]
    SELLER_ID_FIELD_NUMBER: _ClassVar[int]
    FOLLOWERS_ONLY_FIELD_NUMBER: _ClassVar[int]
    VERIFIED_ONLY_FIELD_NUMBER: _ClassVar[int]
    giveaway_id: str
    status: str
    entrant_count: int
    winner_id: str
    seed: str
    algorithm: str
    ends_at_ms: int
    seller_id: str
    followers_only: bool
    verified_only: bool
    def __init__(self, giveaway_id: _Optional[str] = ..., status: _Optional[str] = ..., entrant_count: _Optional[int] = ..., winner_id: _Optional[str] = ..., seed: _Optional[str] = ..., algorithm: _Optional[str] = ..., ends_at_ms: _Optional[int] = ..., seller_id: _Optional[str] = ..., followers_only: _Optional[bool] = ..., verified_only: _Optional[bool] = ...) -> None: ...
