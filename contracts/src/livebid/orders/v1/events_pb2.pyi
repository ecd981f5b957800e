from livebid.common.v1 import money_pb2 as _money_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class OrderPlaced(_message.Message):
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

class PaymentRequested(_message.Message):
    __slots__ = ("bundle_id", "charge_id", "order_id", "buyer_id", "amount_cents", "currency", "attempt")
    BUNDLE_ID_FIELD_NUMBER: _ClassVar[int]
    CHARGE_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    BUYER_ID_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_CENTS_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    ATTEMPT_FIELD_NUMBER: _ClassVar[int]
    bundle_id: str
    charge_id: str
    order_id: str
    buyer_id: str
    amount_cents: int
    currency: str
    attempt: int
    def __init__(self, bundle_id: _Optional[str] = ..., charge_id: _Optional[str] = ..., order_id: _Optional[str] = ..., buyer_id: _Optional[str] = ..., amount_cents: _Optional[int] = ..., currency: _Optional[str] = ..., attempt: _Optional[int] = ...) -> None: ...

class PaymentFailed(_message.Message):
    __slots__ = ("bundle_id", "charge_id", "order_id", "buyer_id", "show_id", "amount_cents", "currency", "reason", "what_to_do", "retry_until")
    BUNDLE_ID_FIELD_NUMBER: _ClassVar[int]
    CHARGE_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    BUYER_ID_FIELD_NUMBER: _ClassVar[int]
    SHOW_ID_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_CENTS_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    WHAT_TO_DO_FIELD_NUMBER: _ClassVar[int]
    RETRY_UNTIL_FIELD_NUMBER: _ClassVar[int]
    bundle_id: str
    charge_id: str
    order_id: str
    buyer_id: str
    show_id: str
    amount_cents: int
    currency: str
    reason: str
    what_to_do: str
    retry_until: str
    def __init__(self, bundle_id: _Optional[str] = ..., charge_id: _Optional[str] = ..., order_id: _Optional[str] = ..., buyer_id: _Optional[str] = ..., show_id: _Optional[str] = ..., amount_cents: _Optional[int] = ..., currency: _Optional[str] = ..., reason: _Optional[str] = ..., what_to_do: _Optional[str] = ..., retry_until: _Optional[str] = ...) -> None: ...

class OrderPaid(_message.Message):
    __slots__ = ("bundle_id", "order_id", "buyer_id", "seller_id", "show_id", "amount_cents", "currency")
    BUNDLE_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    BUYER_ID_FIELD_NUMBER: _ClassVar[int]
    SELLER_ID_FIELD_NUMBER: _ClassVar[int]
    SHOW_ID_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_CENTS_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    bundle_id: str
    order_id: str
    buyer_id: str
    seller_id: str
    show_id: str
    amount_cents: int
    currency: str
    def __init__(self, bundle_id: _Optional[str] = ..., order_id: _Optional[str] = ..., buyer_id: _Optional[str] = ..., seller_id: _Optional[str] = ..., show_id: _Optional[str] = ..., amount_cents: _Optional[int] = ..., currency: _Optional[str] = ...) -> None: ...

class OrderCancelled(_message.Message):
    __slots__ = ("bundle_id", "order_id", "buyer_id", "seller_id", "show_id", "listing_id", "cancelled_by", "reason", "refund_cents", "currency", "relisted")
    BUNDLE_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    BUYER_ID_FIELD_NUMBER: _ClassVar[int]
    SELLER_ID_FIELD_NUMBER: _ClassVar[int]
    SHOW_ID_FIELD_NUMBER: _ClassVar[int]
    LISTING_ID_FIELD_NUMBER: _ClassVar[int]
    CANCELLED_BY_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    REFUND_CENTS_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    RELISTED_FIELD_NUMBER: _ClassVar[int]
    bundle_id: str
    order_id: str
    buyer_id: str
    seller_id: str
    show_id: str
    listing_id: str
    cancelled_by: str
    reason: str
    refund_cents: int
    currency: str
    relisted: bool
    def __init__(self, bundle_id: _Optional[str] = ..., order_id: _Optional[str] = ..., buyer_id: _Optional[str] = ..., seller_id: _Optional[str] = ..., show_id: _Optional[str] = ..., listing_id: _Optional[str] = ..., cancelled_by: _Optional[str] = ..., reason: _Optional[str] = ..., refund_cents: _Optional[int] = ..., currency: _Optional[str] = ..., relisted: _Optional[bool] = ...) -> None: ...

class CancellationRequested(_message.Message):
    __slots__ = ("bundle_id", "order_id", "buyer_id", "seller_id", "reason")
    BUNDLE_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    BUYER_ID_FIELD_NUMBER: _ClassVar[int]
    SELLER_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    bundle_id: str
    order_id: str
    buyer_id: str
    seller_id: str
    reason: str
    def __init__(self, bundle_id: _Optional[str] = ..., order_id: _Optional[str] = ..., buyer_id: _Optional[str] = ..., seller_id: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class CancellationDeclined(_message.Message):
    __slots__ = ("bundle_id", "order_id", "buyer_id", "seller_id")
    BUNDLE_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    BUYER_ID_FIELD_NUMBER: _ClassVar[int]
    SELLER_ID_FIELD_NUMBER: _ClassVar[int]
    bundle_id: str
    order_id: str
    buyer_id: str
    seller_id: str
    def __init__(self, bundle_id: _Optional[str] = ..., order_id: _Optional[str] = ..., buyer_id: _Optional[str] = ..., seller_id: _Optional[str] = ...) -> None: ...

class ShippingChanged(_message.Message):
    __slots__ = ("bundle_id", "buyer_id", "seller_id", "show_id", "items", "shipping_cents", "currency")
    BUNDLE_ID_FIELD_NUMBER: _ClassVar[int]
    BUYER_ID_FIELD_NUMBER: _ClassVar[int]
    SELLER_ID_FIELD_NUMBER: _ClassVar[int]
    SHOW_ID_FIELD_NUMBER: _ClassVar[int]
    ITEMS_FIELD_NUMBER: _ClassVar[int]
    SHIPPING_CENTS_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    bundle_id: str
    buyer_id: str
    seller_id: str
    show_id: str
    items: int
    shipping_cents: int
    currency: str
    def __init__(self, bundle_id: _Optional[str] = ..., buyer_id: _Optional[str] = ..., seller_id: _Optional[str] = ..., show_id: _Optional[str] = ..., items: _Optional[int] = ..., shipping_cents: _Optional[int] = ..., currency: _Optional[str] = ...) -> None: ...

class BundleShipped(_message.Message):
    __slots__ = ("bundle_id", "buyer_id", "seller_id", "show_id", "carrier", "tracking_number", "order_ids")
    BUNDLE_ID_FIELD_NUMBER: _ClassVar[int]
    BUYER_ID_FIELD_NUMBER: _ClassVar[int]
    SELLER_ID_FIELD_NUMBER: _ClassVar[int]
    SHOW_ID_FIELD_NUMBER: _ClassVar[int]
    CARRIER_FIELD_NUMBER: _ClassVar[int]
    TRACKING_NUMBER_FIELD_NUMBER: _ClassVar[int]
    ORDER_IDS_FIELD_NUMBER: _ClassVar[int]
    bundle_id: str
    buyer_id: str
    seller_id: str
    show_id: str
    carrier: str
    tracking_number: str
    order_ids: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, bundle_id: _Optional[str] = ..., buyer_id: _Optional[str] = ..., seller_id: _Optional[str] = ..., show_id: _Optional[str] = ..., carrier: _Optional[str] = ..., tracking_number: _Optional[str] = ..., order_ids: _Optional[_Iterable[str]] = ...) -> None: ...

class BundleDelivered(_message.Message):
    __slots__ = ("bundle_id", "buyer_id", "seller_id", "show_id", "confirmed_by", "at_ms")
    BUNDLE_ID_FIELD_NUMBER: _ClassVar[int]
    BUYER_ID_FIELD_NUMBER: _ClassVar[int]
    SELLER_ID_FIELD_NUMBER: _ClassVar[int]
    SHOW_ID_FIELD_NUMBER: _ClassVar[int]
    CONFIRMED_BY_FIELD_NUMBER: _ClassVar[int]
    AT_MS_FIELD_NUMBER: _ClassVar[int]
    bundle_id: str
    buyer_id: str
    seller_id: str
    show_id: str
    confirmed_by: str
    at_ms: int
    def __init__(self, bundle_id: _Optional[str] = ..., buyer_id: _Optional[str] = ..., seller_id: _Optional[str] = ..., show_id: _Optional[str] = ..., confirmed_by: _Optional[str] = ..., at_ms: _Optional[int] = ...) -> None: ...

class PayoutReleased(_message.Message):
    __slots__ = ("bundle_id", "seller_id", "show_id", "gross_cents", "fee_cents", "net_cents", "currency")
    BUNDLE_ID_FIELD_NUMBER: _ClassVar[int]
    SELLER_ID_FIELD_NUMBER: _ClassVar[int]
    SHOW_ID_FIELD_NUMBER: _ClassVar[int]
    GROSS_CENTS_FIELD_NUMBER: _ClassVar[int]
    FEE_CENTS_FIELD_NUMBER: _ClassVar[int]
    NET_CENTS_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    bundle_id: str
    seller_id: str
    show_id: str
    gross_cents: int
    fee_cents: int
    net_cents: int
    currency: str
    def __init__(self, bundle_id: _Optional[str] = ..., seller_id: _Optional[str] = ..., show_id: _Optional[str] = ..., gross_cents: _Optional[int] = ..., fee_cents: _Optional[int] = ..., net_cents: _Optional[int] = ..., currency: _Optional[str] = ...) -> None: ...

class LedgerEntry(_message.Message):
    __slots__ = ("account", "amount_cents")
    ACCOUNT_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_CENTS_FIELD_NUMBER: _ClassVar[int]
    account: str
    amount_cents: int
    def __init__(self, account: _Optional[str] = ..., amount_cents: _Optional[int] = ...) -> None: ...

class LedgerPosted(_message.Message):
    __slots__ = ("bundle_id", "show_id", "posting_id", "kind", "currency", "entries")
    BUNDLE_ID_FIELD_NUMBER: _ClassVar[int]
    SHOW_ID_FIELD_NUMBER: _ClassVar[int]
    POSTING_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    ENTRIES_FIELD_NUMBER: _ClassVar[int]
    bundle_id: str
    show_id: str
    posting_id: str
    kind: str
    currency: str
    entries: _containers.RepeatedCompositeFieldContainer[LedgerEntry]
    def __init__(self, bundle_id: _Optional[str] = ..., show_id: _Optional[str] = ..., posting_id: _Optional[str] = ..., kind: _Optional[str] = ..., currency: _Optional[str] = ..., entries: _Optional[_Iterable[_Union[LedgerEntry, _Mapping]]] = ...) -> None: ...
