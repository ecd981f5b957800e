from livebid.common.v1 import money_pb2 as _money_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

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
    __slots__ = ("listing_id", "show_id", "seller_id", "title", "description", "photo_urls", "category", "size", "brand", "condition", "quantity", "starting_price", "buy_now_price", "shipping_profile", "run_order")
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
    STARTING_PRICE_FIELD_NUMBER: _ClassVar[int]
    BUY_NOW_PRICE_FIELD_NUMBER: _ClassVar[int]
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
    starting_price: _money_pb2.Money
    buy_now_price: _money_pb2.Money
    shipping_profile: str
    run_order: int
    def __init__(self, listing_id: _Optional[str] = ..., show_id: _Optional[str] = ..., seller_id: _Optional[str] = ..., title: _Optional[str] = ..., description: _Optional[str] = ..., photo_urls: _Optional[_Iterable[str]] = ..., category: _Optional[str] = ..., size: _Optional[str] = ..., brand: _Optional[str] = ..., condition: _Optional[str] = ..., quantity: _Optional[int] = ..., starting_price: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., buy_now_price: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., shipping_profile: _Optional[str] = ..., run_order: _Optional[int] = ...) -> None: ...

class ListingPinned(_message.Message):
    __slots__ = ("show_id", "listing_id")
    SHOW_ID_FIELD_NUMBER: _ClassVar[int]
    LISTING_ID_FIELD_NUMBER: _ClassVar[int]
    show_id: str
    listing_id: str
    def __init__(self, show_id: _Optional[str] = ..., listing_id: _Optional[str] = ...) -> None: ...

class ListingPutUpForAuction(_message.Message):
    __slots__ = ("show_id", "listing_id", "auction_id")
    SHOW_ID_FIELD_NUMBER: _ClassVar[int]
    LISTING_ID_FIELD_NUMBER: _ClassVar[int]
    AUCTION_ID_FIELD_NUMBER: _ClassVar[int]
    show_id: str
    listing_id: str
    auction_id: str
    def __init__(self, show_id: _Optional[str] = ..., listing_id: _Optional[str] = ..., auction_id: _Optional[str] = ...) -> None: ...

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
    __slots__ = ("show_id", "listing_id", "sale_id", "quantity")
    SHOW_ID_FIELD_NUMBER: _ClassVar[int]
    LISTING_ID_FIELD_NUMBER: _ClassVar[int]
    SALE_ID_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    show_id: str
    listing_id: str
    sale_id: str
    quantity: int
    def __init__(self, show_id: _Optional[str] = ..., listing_id: _Optional[str] = ..., sale_id: _Optional[str] = ..., quantity: _Optional[int] = ...) -> None: ...

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
    __slots__ = ("show_id", "listing_id", "giveaway_id")
    SHOW_ID_FIELD_NUMBER: _ClassVar[int]
    LISTING_ID_FIELD_NUMBER: _ClassVar[int]
    GIVEAWAY_ID_FIELD_NUMBER: _ClassVar[int]
    show_id: str
    listing_id: str
    giveaway_id: str
    def __init__(self, show_id: _Optional[str] = ..., listing_id: _Optional[str] = ..., giveaway_id: _Optional[str] = ...) -> None: ...

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
