from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class AuctionTerms(_message.Message):
    __slots__ = ("standard", "duration_ms", "counter_time_ms", "increment_table", "reserve_price_cents", "require_verified_buyers", "opens_at_ms", "bid_rate_limit", "bid_rate_window_ms")
    STANDARD_FIELD_NUMBER: _ClassVar[int]
    DURATION_MS_FIELD_NUMBER: _ClassVar[int]
    COUNTER_TIME_MS_FIELD_NUMBER: _ClassVar[int]
    INCREMENT_TABLE_FIELD_NUMBER: _ClassVar[int]
    RESERVE_PRICE_CENTS_FIELD_NUMBER: _ClassVar[int]
    REQUIRE_VERIFIED_BUYERS_FIELD_NUMBER: _ClassVar[int]
    OPENS_AT_MS_FIELD_NUMBER: _ClassVar[int]
    BID_RATE_LIMIT_FIELD_NUMBER: _ClassVar[int]
    BID_RATE_WINDOW_MS_FIELD_NUMBER: _ClassVar[int]
    standard: bool
    duration_ms: int
    counter_time_ms: int
    increment_table: str
    reserve_price_cents: int
    require_verified_buyers: bool
    opens_at_ms: int
    bid_rate_limit: int
    bid_rate_window_ms: int
    def __init__(self, standard: _Optional[bool] = ..., duration_ms: _Optional[int] = ..., counter_time_ms: _Optional[int] = ..., increment_table: _Optional[str] = ..., reserve_price_cents: _Optional[int] = ..., require_verified_buyers: _Optional[bool] = ..., opens_at_ms: _Optional[int] = ..., bid_rate_limit: _Optional[int] = ..., bid_rate_window_ms: _Optional[int] = ...) -> None: ...

class ScheduleShow(_message.Message):
    __slots__ = ("show_id", "seller_id", "title", "stream_url", "scheduled_start_ms")
    SHOW_ID_FIELD_NUMBER: _ClassVar[int]
    SELLER_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    STREAM_URL_FIELD_NUMBER: _ClassVar[int]
    SCHEDULED_START_MS_FIELD_NUMBER: _ClassVar[int]
    show_id: str
    seller_id: str
    title: str
    stream_url: str
    scheduled_start_ms: int
    def __init__(self, show_id: _Optional[str] = ..., seller_id: _Optional[str] = ..., title: _Optional[str] = ..., stream_url: _Optional[str] = ..., scheduled_start_ms: _Optional[int] = ...) -> None: ...

class AddListing(_message.Message):
    __slots__ = ("listing_id", "show_id", "seller_id", "title", "description", "photo_urls", "category", "size", "brand", "condition", "quantity", "starting_price_cents", "currency", "buy_now_price_cents", "shipping_profile")
    LISTING_ID_FIELD_NUMBER: _ClassVar[int]
    SHOW_ID_FIELD_NUMBER: _ClassVar[int]
    SELLER_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    PHOTO_URLS_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    SIZE_FIELD_NUMBER: _ClassVar[int]
    BRAND_FIELD_NUMBER: _ClassVar[int]
    CONDITION_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    STARTING_PRICE_CENTS_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    BUY_NOW_PRICE_CENTS_FIELD_NUMBER: _ClassVar[int]
    SHIPPING_PROFILE_FIELD_NUMBER: _ClassVar[int]
    listing_id: str
    show_id: str
    seller_id: str
    title: str
    description: str
    photo_urls: _containers.RepeatedScalarFieldContainer[str]
    category: str
    size: str
    brand: str
    condition: str
    quantity: int
    starting_price_cents: int
    currency: str
    buy_now_price_cents: int
    shipping_profile: str
    def __init__(self, listing_id: _Optional[str] = ..., show_id: _Optional[str] = ..., seller_id: _Optional[str] = ..., title: _Optional[str] = ..., description: _Optional[str] = ..., photo_urls: _Optional[_Iterable[str]] = ..., category: _Optional[str] = ..., size: _Optional[str] = ..., brand: _Optional[str] = ..., condition: _Optional[str] = ..., quantity: _Optional[int] = ..., starting_price_cents: _Optional[int] = ..., currency: _Optional[str] = ..., buy_now_price_cents: _Optional[int] = ..., shipping_profile: _Optional[str] = ...) -> None: ...

class StartShow(_message.Message):
    __slots__ = ("show_id", "seller_id")
    SHOW_ID_FIELD_NUMBER: _ClassVar[int]
    SELLER_ID_FIELD_NUMBER: _ClassVar[int]
    show_id: str
    seller_id: str
    def __init__(self, show_id: _Optional[str] = ..., seller_id: _Optional[str] = ...) -> None: ...

class EndShow(_message.Message):
    __slots__ = ("show_id", "seller_id")
    SHOW_ID_FIELD_NUMBER: _ClassVar[int]
    SELLER_ID_FIELD_NUMBER: _ClassVar[int]
    show_id: str
    seller_id: str
    def __init__(self, show_id: _Optional[str] = ..., seller_id: _Optional[str] = ...) -> None: ...

class PutUpForAuction(_message.Message):
    __slots__ = ("show_id", "seller_id", "listing_id", "idempotency_key", "terms")
    SHOW_ID_FIELD_NUMBER: _ClassVar[int]
    SELLER_ID_FIELD_NUMBER: _ClassVar[int]
    LISTING_ID_FIELD_NUMBER: _ClassVar[int]
    IDEMPOTENCY_KEY_FIELD_NUMBER: _ClassVar[int]
    TERMS_FIELD_NUMBER: _ClassVar[int]
    show_id: str
    seller_id: str
    listing_id: str
    idempotency_key: str
    terms: AuctionTerms
    def __init__(self, show_id: _Optional[str] = ..., seller_id: _Optional[str] = ..., listing_id: _Optional[str] = ..., idempotency_key: _Optional[str] = ..., terms: _Optional[_Union[AuctionTerms, _Mapping]] = ...) -> None: ...

class PutUpForFlashSale(_message.Message):
    __slots__ = ("show_id", "seller_id", "listing_id", "idempotency_key", "price_cents", "list_price_cents", "quantity", "per_buyer_limit", "duration_ms", "currency")
    SHOW_ID_FIELD_NUMBER: _ClassVar[int]
    SELLER_ID_FIELD_NUMBER: _ClassVar[int]
    LISTING_ID_FIELD_NUMBER: _ClassVar[int]
    IDEMPOTENCY_KEY_FIELD_NUMBER: _ClassVar[int]
    PRICE_CENTS_FIELD_NUMBER: _ClassVar[int]
    LIST_PRICE_CENTS_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    PER_BUYER_LIMIT_FIELD_NUMBER: _ClassVar[int]
    DURATION_MS_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    show_id: str
    seller_id: str
    listing_id: str
    idempotency_key: str
    price_cents: int
    list_price_cents: int
    quantity: int
    per_buyer_limit: int
    duration_ms: int
    currency: str
    def __init__(self, show_id: _Optional[str] = ..., seller_id: _Optional[str] = ..., listing_id: _Optional[str] = ..., idempotency_key: _Optional[str] = ..., price_cents: _Optional[int] = ..., list_price_cents: _Optional[int] = ..., quantity: _Optional[int] = ..., per_buyer_limit: _Optional[int] = ..., duration_ms: _Optional[int] = ..., currency: _Optional[str] = ...) -> None: ...

class PutUpForGiveaway(_message.Message):
    __slots__ = ("show_id", "seller_id", "listing_id", "idempotency_key", "duration_ms", "followers_only", "verified_only")
    SHOW_ID_FIELD_NUMBER: _ClassVar[int]
    SELLER_ID_FIELD_NUMBER: _ClassVar[int]
    LISTING_ID_FIELD_NUMBER: _ClassVar[int]
    IDEMPOTENCY_KEY_FIELD_NUMBER: _ClassVar[int]
    DURATION_MS_FIELD_NUMBER: _ClassVar[int]
    FOLLOWERS_ONLY_FIELD_NUMBER: _ClassVar[int]
    VERIFIED_ONLY_FIELD_NUMBER: _ClassVar[int]
    show_id: str
    seller_id: str
    listing_id: str
    idempotency_key: str
    duration_ms: int
    followers_only: bool
    verified_only: bool
    def __init__(self, show_id: _Optional[str] = ..., seller_id: _Optional[str] = ..., listing_id: _Optional[str] = ..., idempotency_key: _Optional[str] = ..., duration_ms: _Optional[int] = ..., followers_only: _Optional[bool] = ..., verified_only: _Optional[bool] = ...) -> None: ...

class EndListingAuction(_message.Message):
    __slots__ = ("show_id", "listing_id", "auction_id", "sold")
    SHOW_ID_FIELD_NUMBER: _ClassVar[int]
    LISTING_ID_FIELD_NUMBER: _ClassVar[int]
    AUCTION_ID_FIELD_NUMBER: _ClassVar[int]
    SOLD_FIELD_NUMBER: _ClassVar[int]
    show_id: str
    listing_id: str
    auction_id: str
    sold: bool
    def __init__(self, show_id: _Optional[str] = ..., listing_id: _Optional[str] = ..., auction_id: _Optional[str] = ..., sold: _Optional[bool] = ...) -> None: ...

class EndListingFlashSale(_message.Message):
    __slots__ = ("show_id", "listing_id", "sale_id", "units_sold")
    SHOW_ID_FIELD_NUMBER: _ClassVar[int]
    LISTING_ID_FIELD_NUMBER: _ClassVar[int]
    SALE_ID_FIELD_NUMBER: _ClassVar[int]
    UNITS_SOLD_FIELD_NUMBER: _ClassVar[int]
    show_id: str
    listing_id: str
    sale_id: str
    units_sold: int
    def __init__(self, show_id: _Optional[str] = ..., listing_id: _Optional[str] = ..., sale_id: _Optional[str] = ..., units_sold: _Optional[int] = ...) -> None: ...

class EndListingGiveaway(_message.Message):
    __slots__ = ("show_id", "listing_id", "giveaway_id", "winner_id")
    SHOW_ID_FIELD_NUMBER: _ClassVar[int]
    LISTING_ID_FIELD_NUMBER: _ClassVar[int]
    GIVEAWAY_ID_FIELD_NUMBER: _ClassVar[int]
    WINNER_ID_FIELD_NUMBER: _ClassVar[int]
    show_id: str
    listing_id: str
    giveaway_id: str
    winner_id: str
    def __init__(self, show_id: _Optional[str] = ..., listing_id: _Optional[str] = ..., giveaway_id: _Optional[str] = ..., winner_id: _Optional[str] = ...) -> None: ...

class AbandonSale(_message.Message):
    __slots__ = ("show_id", "listing_id", "sale_id", "reason")
    SHOW_ID_FIELD_NUMBER: _ClassVar[int]
    LISTING_ID_FIELD_NUMBER: _ClassVar[int]
    SALE_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    show_id: str
    listing_id: str
    sale_id: str
    reason: str
    def __init__(self, show_id: _Optional[str] = ..., listing_id: _Optional[str] = ..., sale_id: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class RelistUnit(_message.Message):
    __slots__ = ("show_id", "listing_id", "order_id")
    SHOW_ID_FIELD_NUMBER: _ClassVar[int]
    LISTING_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    show_id: str
    listing_id: str
    order_id: str
    def __init__(self, show_id: _Optional[str] = ..., listing_id: _Optional[str] = ..., order_id: _Optional[str] = ...) -> None: ...

class ShowScheduled(_message.Message):
    __slots__ = ("show_id", "seller_id", "title", "stream_url", "scheduled_start_ms")
    SHOW_ID_FIELD_NUMBER: _ClassVar[int]
    SELLER_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    STREAM_URL_FIELD_NUMBER: _ClassVar[int]
    SCHEDULED_START_MS_FIELD_NUMBER: _ClassVar[int]
    show_id: str
    seller_id: str
    title: str
    stream_url: str
    scheduled_start_ms: int
    def __init__(self, show_id: _Optional[str] = ..., seller_id: _Optional[str] = ..., title: _Optional[str] = ..., stream_url: _Optional[str] = ..., scheduled_start_ms: _Optional[int] = ...) -> None: ...

class ShowStarted(_message.Message):
    __slots__ = ("show_id", "seller_id")
    SHOW_ID_FIELD_NUMBER: _ClassVar[int]
    SELLER_ID_FIELD_NUMBER: _ClassVar[int]
    show_id: str
    seller_id: str
    def __init__(self, show_id: _Optional[str] = ..., seller_id: _Optional[str] = ...) -> None: ...

class ShowEnded(_message.Message):
    __slots__ = ("show_id", "seller_id")
    SHOW_ID_FIELD_NUMBER: _ClassVar[int]
    SELLER_ID_FIELD_NUMBER: _ClassVar[int]
    show_id: str
    seller_id: str
    def __init__(self, show_id: _Optional[str] = ..., seller_id: _Optional[str] = ...) -> None: ...

class ListingAdded(_message.Message):
    __slots__ = ("listing_id", "show_id", "seller_id", "title", "description", "photo_urls", "category", "size", "brand", "condition", "quantity", "starting_price_cents", "currency", "buy_now_price_cents", "shipping_profile", "run_order")
    LISTING_ID_FIELD_NUMBER: _ClassVar[int]
    SHOW_ID_FIELD_NUMBER: _ClassVar[int]
    SELLER_ID_FIELD_NUMBER: _ClassVar[int]
    TITLE_FIELD_NUMBER: _ClassVar[int]
    DESCRIPTION_FIELD_NUMBER: _ClassVar[int]
    PHOTO_URLS_FIELD_NUMBER: _ClassVar[int]
    CATEGORY_FIELD_NUMBER: _ClassVar[int]
    SIZE_FIELD_NUMBER: _ClassVar[int]
    BRAND_FIELD_NUMBER: _ClassVar[int]
    CONDITION_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    STARTING_PRICE_CENTS_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    BUY_NOW_PRICE_CENTS_FIELD_NUMBER: _ClassVar[int]
    SHIPPING_PROFILE_FIELD_NUMBER: _ClassVar[int]
    RUN_ORDER_FIELD_NUMBER: _ClassVar[int]
    listing_id: str
    show_id: str
    seller_id: str
    title: str
    description: str
    photo_urls: _containers.RepeatedScalarFieldContainer[str]
    category: str
    size: str
    brand: str
    condition: str
    quantity: int
    starting_price_cents: int
    currency: str
    buy_now_price_cents: int
    shipping_profile: str
    run_order: int
    def __init__(self, listing_id: _Optional[str] = ..., show_id: _Optional[str] = ..., seller_id: _Optional[str] = ..., title: _Optional[str] = ..., description: _Optional[str] = ..., photo_urls: _Optional[_Iterable[str]] = ..., category: _Optional[str] = ..., size: _Optional[str] = ..., brand: _Optional[str] = ..., condition: _Optional[str] = ..., quantity: _Optional[int] = ..., starting_price_cents: _Optional[int] = ..., currency: _Optional[str] = ..., buy_now_price_cents: _Optional[int] = ..., shipping_profile: _Optional[str] = ..., run_order: _Optional[int] = ...) -> None: ...

class ListingPinned(_message.Message):
    __slots__ = ("show_id", "listing_id")
    SHOW_ID_FIELD_NUMBER: _ClassVar[int]
    LISTING_ID_FIELD_NUMBER: _ClassVar[int]
    show_id: str
    listing_id: str
    def __init__(self, show_id: _Optional[str] = ..., listing_id: _Optional[str] = ...) -> None: ...

class ListingPutUpForAuction(_message.Message):
    __slots__ = ("show_id", "listing_id", "auction_id", "idempotency_key", "seller_id", "starting_price_cents", "currency", "buy_now_price_cents", "terms")
    SHOW_ID_FIELD_NUMBER: _ClassVar[int]
    LISTING_ID_FIELD_NUMBER: _ClassVar[int]
    AUCTION_ID_FIELD_NUMBER: _ClassVar[int]
    IDEMPOTENCY_KEY_FIELD_NUMBER: _ClassVar[int]
    SELLER_ID_FIELD_NUMBER: _ClassVar[int]
    STARTING_PRICE_CENTS_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    BUY_NOW_PRICE_CENTS_FIELD_NUMBER: _ClassVar[int]
    TERMS_FIELD_NUMBER: _ClassVar[int]
    show_id: str
    listing_id: str
    auction_id: str
    idempotency_key: str
    seller_id: str
    starting_price_cents: int
    currency: str
    buy_now_price_cents: int
    terms: AuctionTerms
    def __init__(self, show_id: _Optional[str] = ..., listing_id: _Optional[str] = ..., auction_id: _Optional[str] = ..., idempotency_key: _Optional[str] = ..., seller_id: _Optional[str] = ..., starting_price_cents: _Optional[int] = ..., currency: _Optional[str] = ..., buy_now_price_cents: _Optional[int] = ..., terms: _Optional[_Union[AuctionTerms, _Mapping]] = ...) -> None: ...

class ListingAuctionEnded(_message.Message):
    __slots__ = ("show_id", "listing_id", "auction_id", "sold")
    SHOW_ID_FIELD_NUMBER: _ClassVar[int]
    LISTING_ID_FIELD_NUMBER: _ClassVar[int]
    AUCTION_ID_FIELD_NUMBER: _ClassVar[int]
    SOLD_FIELD_NUMBER: _ClassVar[int]
    show_id: str
    listing_id: str
    auction_id: str
    sold: bool
    def __init__(self, show_id: _Optional[str] = ..., listing_id: _Optional[str] = ..., auction_id: _Optional[str] = ..., sold: _Optional[bool] = ...) -> None: ...

class ListingPutUpForFlashSale(_message.Message):
    __slots__ = ("show_id", "listing_id", "sale_id", "quantity", "idempotency_key", "seller_id", "price_cents", "list_price_cents", "currency", "per_buyer_limit", "duration_ms")
    SHOW_ID_FIELD_NUMBER: _ClassVar[int]
    LISTING_ID_FIELD_NUMBER: _ClassVar[int]
    SALE_ID_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    IDEMPOTENCY_KEY_FIELD_NUMBER: _ClassVar[int]
    SELLER_ID_FIELD_NUMBER: _ClassVar[int]
    PRICE_CENTS_FIELD_NUMBER: _ClassVar[int]
    LIST_PRICE_CENTS_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    PER_BUYER_LIMIT_FIELD_NUMBER: _ClassVar[int]
    DURATION_MS_FIELD_NUMBER: _ClassVar[int]
    show_id: str
    listing_id: str
    sale_id: str
    quantity: int
    idempotency_key: str
    seller_id: str
    price_cents: int
    list_price_cents: int
    currency: str
    per_buyer_limit: int
    duration_ms: int
    def __init__(self, show_id: _Optional[str] = ..., listing_id: _Optional[str] = ..., sale_id: _Optional[str] = ..., quantity: _Optional[int] = ..., idempotency_key: _Optional[str] = ..., seller_id: _Optional[str] = ..., price_cents: _Optional[int] = ..., list_price_cents: _Optional[int] = ..., currency: _Optional[str] = ..., per_buyer_limit: _Optional[int] = ..., duration_ms: _Optional[int] = ...) -> None: ...

class ListingFlashSaleEnded(_message.Message):
    __slots__ = ("show_id", "listing_id", "sale_id", "units_sold")
    SHOW_ID_FIELD_NUMBER: _ClassVar[int]
    LISTING_ID_FIELD_NUMBER: _ClassVar[int]
    SALE_ID_FIELD_NUMBER: _ClassVar[int]
    UNITS_SOLD_FIELD_NUMBER: _ClassVar[int]
    show_id: str
    listing_id: str
    sale_id: str
    units_sold: int
    def __init__(self, show_id: _Optional[str] = ..., listing_id: _Optional[str] = ..., sale_id: _Optional[str] = ..., units_sold: _Optional[int] = ...) -> None: ...

class ListingPutUpForGiveaway(_message.Message):
    __slots__ = ("show_id", "listing_id", "giveaway_id", "idempotency_key", "seller_id", "duration_ms", "followers_only", "verified_only")
    SHOW_ID_FIELD_NUMBER: _ClassVar[int]
    LISTING_ID_FIELD_NUMBER: _ClassVar[int]
    GIVEAWAY_ID_FIELD_NUMBER: _ClassVar[int]
    IDEMPOTENCY_KEY_FIELD_NUMBER: _ClassVar[int]
    SELLER_ID_FIELD_NUMBER: _ClassVar[int]
    DURATION_MS_FIELD_NUMBER: _ClassVar[int]
    FOLLOWERS_ONLY_FIELD_NUMBER: _ClassVar[int]
    VERIFIED_ONLY_FIELD_NUMBER: _ClassVar[int]
    show_id: str
    listing_id: str
    giveaway_id: str
    idempotency_key: str
    seller_id: str
    duration_ms: int
    followers_only: bool
    verified_only: bool
    def __init__(self, show_id: _Optional[str] = ..., listing_id: _Optional[str] = ..., giveaway_id: _Optional[str] = ..., idempotency_key: _Optional[str] = ..., seller_id: _Optional[str] = ..., duration_ms: _Optional[int] = ..., followers_only: _Optional[bool] = ..., verified_only: _Optional[bool] = ...) -> None: ...

class ListingGiveawayEnded(_message.Message):
    __slots__ = ("show_id", "listing_id", "giveaway_id", "winner_id")
    SHOW_ID_FIELD_NUMBER: _ClassVar[int]
    LISTING_ID_FIELD_NUMBER: _ClassVar[int]
    GIVEAWAY_ID_FIELD_NUMBER: _ClassVar[int]
    WINNER_ID_FIELD_NUMBER: _ClassVar[int]
    show_id: str
    listing_id: str
    giveaway_id: str
    winner_id: str
    def __init__(self, show_id: _Optional[str] = ..., listing_id: _Optional[str] = ..., giveaway_id: _Optional[str] = ..., winner_id: _Optional[str] = ...) -> None: ...

class ListingSaleAbandoned(_message.Message):
    __slots__ = ("show_id", "listing_id", "sale_id", "reason")
    SHOW_ID_FIELD_NUMBER: _ClassVar[int]
    LISTING_ID_FIELD_NUMBER: _ClassVar[int]
    SALE_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    show_id: str
    listing_id: str
    sale_id: str
    reason: str
    def __init__(self, show_id: _Optional[str] = ..., listing_id: _Optional[str] = ..., sale_id: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class FollowSeller(_message.Message):
    __slots__ = ("seller_id", "buyer_id")
    SELLER_ID_FIELD_NUMBER: _ClassVar[int]
    BUYER_ID_FIELD_NUMBER: _ClassVar[int]
    seller_id: str
    buyer_id: str
    def __init__(self, seller_id: _Optional[str] = ..., buyer_id: _Optional[str] = ...) -> None: ...

class UnfollowSeller(_message.Message):
    __slots__ = ("seller_id", "buyer_id")
    SELLER_ID_FIELD_NUMBER: _ClassVar[int]
    BUYER_ID_FIELD_NUMBER: _ClassVar[int]
    seller_id: str
    buyer_id: str
    def __init__(self, seller_id: _Optional[str] = ..., buyer_id: _Optional[str] = ...) -> None: ...

class SellerFollowed(_message.Message):
    __slots__ = ("seller_id", "buyer_id", "at_ms")
    SELLER_ID_FIELD_NUMBER: _ClassVar[int]
    BUYER_ID_FIELD_NUMBER: _ClassVar[int]
    AT_MS_FIELD_NUMBER: _ClassVar[int]
    seller_id: str
    buyer_id: str
    at_ms: int
    def __init__(self, seller_id: _Optional[str] = ..., buyer_id: _Optional[str] = ..., at_ms: _Optional[int] = ...) -> None: ...

class SellerUnfollowed(_message.Message):
    __slots__ = ("seller_id", "buyer_id", "at_ms")
    SELLER_ID_FIELD_NUMBER: _ClassVar[int]
    BUYER_ID_FIELD_NUMBER: _ClassVar[int]
    AT_MS_FIELD_NUMBER: _ClassVar[int]
    seller_id: str
    buyer_id: str
    at_ms: int
    def __init__(self, seller_id: _Optional[str] = ..., buyer_id: _Optional[str] = ..., at_ms: _Optional[int] = ...) -> None: ...

class ListingUnitRelisted(_message.Message):
    __slots__ = ("show_id", "listing_id", "order_id", "quantity")
    SHOW_ID_FIELD_NUMBER: _ClassVar[int]
    LISTING_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    show_id: str
    listing_id: str
    order_id: str
    quantity: int
    def __init__(self, show_id: _Optional[str] = ..., listing_id: _Optional[str] = ..., order_id: _Optional[str] = ..., quantity: _Optional[int] = ...) -> None: ...
