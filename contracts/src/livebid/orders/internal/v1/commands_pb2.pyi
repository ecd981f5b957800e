from livebid.common.v1 import money_pb2 as _money_pb2
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class PlaceOrder(_message.Message):
    __slots__ = ("order_id", "auction_id", "listing_id", "show_id", "seller_id", "buyer_id", "price", "placed_at_ms", "bundle_id", "shipping_profile")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    AUCTION_ID_FIELD_NUMBER: _ClassVar[int]
    LISTING_ID_FIELD_NUMBER: _ClassVar[int]
    SHOW_ID_FIELD_NUMBER: _ClassVar[int]
    SELLER_ID_FIELD_NUMBER: _ClassVar[int]
    BUYER_ID_FIELD_NUMBER: _ClassVar[int]
    PRICE_FIELD_NUMBER: _ClassVar[int]
    PLACED_AT_MS_FIELD_NUMBER: _ClassVar[int]
    BUNDLE_ID_FIELD_NUMBER: _ClassVar[int]
    SHIPPING_PROFILE_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    auction_id: str
    listing_id: str
    show_id: str
    seller_id: str
    buyer_id: str
    price: _money_pb2.Money
    placed_at_ms: int
    bundle_id: str
    shipping_profile: str
    def __init__(self, order_id: _Optional[str] = ..., auction_id: _Optional[str] = ..., listing_id: _Optional[str] = ..., show_id: _Optional[str] = ..., seller_id: _Optional[str] = ..., buyer_id: _Optional[str] = ..., price: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., placed_at_ms: _Optional[int] = ..., bundle_id: _Optional[str] = ..., shipping_profile: _Optional[str] = ...) -> None: ...
