from livebid.common.v1 import money_pb2 as _money_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class AuctionFormat(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    AUCTION_FORMAT_UNSPECIFIED: _ClassVar[AuctionFormat]
    AUCTION_FORMAT_STANDARD: _ClassVar[AuctionFormat]
    AUCTION_FORMAT_SUDDEN_DEATH: _ClassVar[AuctionFormat]
AUCTION_FORMAT_UNSPECIFIED: AuctionFormat
AUCTION_FORMAT_STANDARD: AuctionFormat
AUCTION_FORMAT_SUDDEN_DEATH: AuctionFormat

class ScheduleShowRequest(_message.Message):
    __slots__ = ("seller_id", "title", "stream_url", "scheduled_start_ms", "idempotency_key")
    SELLER_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    STREAM_URL_FIELD_NUMBER: _ClassVar[int]
    SCHEDULED_START_MS_FIELD_NUMBER: _ClassVar[int]
    IDEMPOTENCY_KEY_FIELD_NUMBER: _ClassVar[int]
    seller_id: str
    title: str
    stream_url: str
    scheduled_start_ms: int
    idempotency_key: str
    def __init__(self, seller_id: _Optional[str] = ..., title: _Optional[str] = ..., stream_url: _Optional[str] = ..., scheduled_start_ms: _Optional[int] = ..., idempotency_key: _Optional[str] = ...) -> None: ...

class ScheduleShowResponse(_message.Message):
    __slots__ = ("show_id",)
    SHOW_ID_FIELD_NUMBER: _ClassVar[int]
    show_id: str
    def __init__(self, show_id: _Optional[str] = ...) -> None: ...

class AddListingRequest(_message.Message):
    __slots__ = ("seller_id", "show_id", "title", "description", "photo_urls", "category", "size", "brand", "condition", "quantity", "starting_price", "buy_now_price", "shipping_profile", "idempotency_key")
    SELLER_ID_FIELD_NUMBER: _ClassVar[int]
    SHOW_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    PHOTO_URLS_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    SIZE_FIELD_NUMBER: _ClassVar[int]
    BRAND_FIELD_NUMBER: _ClassVar[int]
    CONDITION_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    STARTING_PRICE_FIELD_NUMBER: _ClassVar[int]
    BUY_NOW_PRICE_FIELD_NUMBER: _ClassVar[int]
    SHIPPING_PROFILE_FIELD_NUMBER: _ClassVar[int]
    IDEMPOTENCY_KEY_FIELD_NUMBER: _ClassVar[int]
    seller_id: str
    show_id: str
    title: str
    description: str
    photo_urls: _containers.RepeatedScalarFieldContainer[str]
    category: str
    size: str
    brand: str
    condition: str
    quantity: int
    starting_price: _money_pb2.Money
    buy_now_price: _money_pb2.Money
    shipping_profile: str
    idempotency_key: str
    def __init__(self, seller_id: _Optional[str] = ..., show_id: _Optional[str] = ..., title: _Optional[str] = ..., description: _Optional[str] = ..., photo_urls: _Optional[_Iterable[str]] = ..., category: _Optional[str] = ..., size: _Optional[str] = ..., brand: _Optional[str] = ..., condition: _Optional[str] = ..., quantity: _Optional[int] = ..., starting_price: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., buy_now_price: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., shipping_profile: _Optional[str] = ..., idempotency_key: _Optional[str] = ...) -> None: ...

class AddListingResponse(_message.Message):
    __slots__ = ("listing_id",)
    LISTING_ID_FIELD_NUMBER: _ClassVar[int]
    listing_id: str
    def __init__(self, listing_id: _Optional[str] = ...) -> None: ...

class StartShowRequest(_message.Message):
    __slots__ = ("seller_id", "show_id")
    SELLER_ID_FIELD_NUMBER: _ClassVar[int]
    SHOW_ID_FIELD_NUMBER: _ClassVar[int]
    seller_id: str
    show_id: str
    def __init__(self, seller_id: _Optional[str] = ..., show_id: _Optional[str] = ...) -> None: ...

class StartShowResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class EndShowRequest(_message.Message):
    __slots__ = ("seller_id", "show_id")
    SELLER_ID_FIELD_NUMBER: _ClassVar[int]
    SHOW_ID_FIELD_NUMBER: _ClassVar[int]
    seller_id: str
    show_id: str
    def __init__(self, seller_id: _Optional[str] = ..., show_id: _Optional[str] = ...) -> None: ...

class EndShowResponse(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class PutUpForAuctionRequest(_message.Message):
    __slots__ = ("seller_id", "listing_id", "format", "duration_ms", "counter_time_ms", "increment_table", "reserve_price_cents", "require_verified_buyers", "idempotency_key", "opens_in_ms")
    SELLER_ID_FIELD_NUMBER: _ClassVar[int]
    LISTING_ID_FIELD_NUMBER: _ClassVar[int]
    FORMAT_FIELD_NUMBER: _ClassVar[int]
    DURATION_MS_FIELD_NUMBER: _ClassVar[int]
    COUNTER_TIME_MS_FIELD_NUMBER: _ClassVar[int]
    INCREMENT_TABLE_FIELD_NUMBER: _ClassVar[int]
    RESERVE_PRICE_CENTS_FIELD_NUMBER: _ClassVar[int]
    REQUIRE_VERIFIED_BUYERS_FIELD_NUMBER: _ClassVar[int]
    IDEMPOTENCY_KEY_FIELD_NUMBER: _ClassVar[int]
    OPENS_IN_MS_FIELD_NUMBER: _ClassVar[int]
    seller_id: str
    listing_id: str
    format: AuctionFormat
    duration_ms: int
    counter_time_ms: int
    increment_table: str
    reserve_price_cents: int
    require_verified_buyers: bool
    idempotency_key: str
    opens_in_ms: int
    def __init__(self, seller_id: _Optional[str] = ..., listing_id: _Optional[str] = ..., format: _Optional[_Union[AuctionFormat, str]] = ..., duration_ms: _Optional[int] = ..., counter_time_ms: _Optional[int] = ..., increment_table: _Optional[str] = ..., reserve_price_cents: _Optional[int] = ..., require_verified_buyers: _Optional[bool] = ..., idempotency_key: _Optional[str] = ..., opens_in_ms: _Optional[int] = ...) -> None: ...

class PutUpForAuctionResponse(_message.Message):
    __slots__ = ("auction_id", "deadline_ms")
    AUCTION_ID_FIELD_NUMBER: _ClassVar[int]
    DEADLINE_MS_FIELD_NUMBER: _ClassVar[int]
    auction_id: str
    deadline_ms: int
    def __init__(self, auction_id: _Optional[str] = ..., deadline_ms: _Optional[int] = ...) -> None: ...

class GetShowRequest(_message.Message):
    __slots__ = ("show_id",)
    SHOW_ID_FIELD_NUMBER: _ClassVar[int]
    show_id: str
    def __init__(self, show_id: _Optional[str] = ...) -> None: ...

class ListingView(_message.Message):
    __slots__ = ("listing_id", "title", "starting_price", "quantity", "status", "auction_id", "run_order", "sale_id", "giveaway_id")
    LISTING_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    STARTING_PRICE_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    AUCTION_ID_FIELD_NUMBER: _ClassVar[int]
    RUN_ORDER_FIELD_NUMBER: _ClassVar[int]
    SALE_ID_FIELD_NUMBER: _ClassVar[int]
    GIVEAWAY_ID_FIELD_NUMBER: _ClassVar[int]
    listing_id: str
    title: str
    starting_price: _money_pb2.Money
    quantity: int
    status: str
    auction_id: str
    run_order: int
    sale_id: str
    giveaway_id: str
    def __init__(self, listing_id: _Optional[str] = ..., title: _Optional[str] = ..., starting_price: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., quantity: _Optional[int] = ..., status: _Optional[str] = ..., auction_id: _Optional[str] = ..., run_order: _Optional[int] = ..., sale_id: _Optional[str] = ..., giveaway_id: _Optional[str] = ...) -> None: ...

class GetShowResponse(_message.Message):
    __slots__ = ("show_id", "seller_id", "title", "status", "pinned_listing_id", "listings", "stream_url")
    SHOW_ID_FIELD_NUMBER: _ClassVar[int]
    SELLER_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    PINNED_LISTING_ID_FIELD_NUMBER: _ClassVar[int]
    LISTINGS_FIELD_NUMBER: _ClassVar[int]
    STREAM_URL_FIELD_NUMBER: _ClassVar[int]
    show_id: str
    seller_id: str
    title: str
    status: str
    pinned_listing_id: str
    listings: _containers.RepeatedCompositeFieldContainer[ListingView]
    stream_url: str
    def __init__(self, show_id: _Optional[str] = ..., seller_id: _Optional[str] = ..., title: _Optional[str] = ..., status: _Optional[str] = ..., pinned_listing_id: _Optional[str] = ..., listings: _Optional[_Iterable[_Union[ListingView, _Mapping]]] = ..., stream_url: _Optional[str] = ...) -> None: ...

class PutUpForFlashSaleRequest(_message.Message):
    __slots__ = ("seller_id", "listing_id", "price_cents", "list_price_cents", "quantity", "per_buyer_limit", "duration_ms", "idempotency_key", "show_id", "currency")
    SELLER_ID_FIELD_NUMBER: _ClassVar[int]
    LISTING_ID_FIELD_NUMBER: _ClassVar[int]
    PRICE_CENTS_FIELD_NUMBER: _ClassVar[int]
    LIST_PRICE_CENTS_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    PER_BUYER_LIMIT_FIELD_NUMBER: _ClassVar[int]
    DURATION_MS_FIELD_NUMBER: _ClassVar[int]
    IDEMPOTENCY_KEY_FIELD_NUMBER: _ClassVar[int]
    SHOW_ID_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    seller_id: str
    listing_id: str
    price_cents: int
    list_price_cents: int
    quantity: int
    per_buyer_limit: int
    duration_ms: int
    idempotency_key: str
    show_id: str
    currency: str
    def __init__(self, seller_id: _Optional[str] = ..., listing_id: _Optional[str] = ..., price_cents: _Optional[int] = ..., list_price_cents: _Optional[int] = ..., quantity: _Optional[int] = ..., per_buyer_limit: _Optional[int] = ..., duration_ms: _Optional[int] = ..., idempotency_key: _Optional[str] = ..., show_id: _Optional[str] = ..., currency: _Optional[str] = ...) -> None: ...

class PutUpForFlashSaleResponse(_message.Message):
    __slots__ = ("sale_id", "deadline_ms")
    SALE_ID_FIELD_NUMBER: _ClassVar[int]
    DEADLINE_MS_FIELD_NUMBER: _ClassVar[int]
    sale_id: str
    deadline_ms: int
    def __init__(self, sale_id: _Optional[str] = ..., deadline_ms: _Optional[int] = ...) -> None: ...

class PutUpForGiveawayRequest(_message.Message):
    __slots__ = ("seller_id", "listing_id", "duration_ms", "followers_only", "verified_only", "idempotency_key", "show_id")
    SELLER_ID_FIELD_NUMBER: _ClassVar[int]
    LISTING_ID_FIELD_NUMBER: _ClassVar[int]
    DURATION_MS_FIELD_NUMBER: _ClassVar[int]
    FOLLOWERS_ONLY_FIELD_NUMBER: _ClassVar[int]
    VERIFIED_ONLY_FIELD_NUMBER: _ClassVar[int]
    IDEMPOTENCY_KEY_FIELD_NUMBER: _ClassVar[int]
    SHOW_ID_FIELD_NUMBER: _ClassVar[int]
    seller_id: str
    listing_id: str
    duration_ms: int
    followers_only: bool
    verified_only: bool
    idempotency_key: str
    show_id: str
    def __init__(self, seller_id: _Optional[str] = ..., listing_id: _Optional[str] = ..., duration_ms: _Optional[int] = ..., followers_only: _Optional[bool] = ..., verified_only: _Optional[bool] = ..., idempotency_key: _Optional[str] = ..., show_id: _Optional[str] = ...) -> None: ...

class PutUpForGiveawayResponse(_message.Message):
    __slots__ = ("giveaway_id", "ends_at_ms")
    GIVEAWAY_ID_FIELD_NUMBER: _ClassVar[int]
    ENDS_AT_MS_FIELD_NUMBER: _ClassVar[int]
    giveaway_id: str
    ends_at_ms: int
    def __init__(self, giveaway_id: _Optional[str] = ..., ends_at_ms: _Optional[int] = ...) -> None: ...

class FollowSellerRequest(_message.Message):
    __slots__ = ("seller_id", "buyer_id")
    SELLER_ID_FIELD_NUMBER: _ClassVar[int]
    BUYER_ID_FIELD_NUMBER: _ClassVar[int]
    seller_id: str
    buyer_id: str
    def __init__(self, seller_id: _Optional[str] = ..., buyer_id: _Optional[str] = ...) -> None: ...

class FollowSellerResponse(_message.Message):
    __slots__ = ("changed",)
    CHANGED_FIELD_NUMBER: _ClassVar[int]
    changed: bool
    def __init__(self, changed: _Optional[bool] = ...) -> None: ...

class UnfollowSellerRequest(_message.Message):
    __slots__ = ("seller_id", "buyer_id")
    SELLER_ID_FIELD_NUMBER: _ClassVar[int]
    BUYER_ID_FIELD_NUMBER: _ClassVar[int]
    seller_id: str
    buyer_id: str
    def __init__(self, seller_id: _Optional[str] = ..., buyer_id: _Optional[str] = ...) -> None: ...

class UnfollowSellerResponse(_message.Message):
    __slots__ = ("changed",)
    CHANGED_FIELD_NUMBER: _ClassVar[int]
    changed: bool
    def __init__(self, changed: _Optional[bool] = ...) -> None: ...
