from livebid.common.v1 import money_pb2 as _money_pb2
from livebid.orders.v1 import events_pb2 as _events_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class Order(_message.Message):
    __slots__ = ("order_id", "auction_id", "listing_id", "show_id", "seller_id", "buyer_id", "price", "placed_at_ms", "status", "bundle_id", "cancellation_requested", "reason")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    AUCTION_ID_FIELD_NUMBER: _ClassVar[int]
    LISTING_ID_FIELD_NUMBER: _ClassVar[int]
    SHOW_ID_FIELD_NUMBER: _ClassVar[int]
    SELLER_ID_FIELD_NUMBER: _ClassVar[int]
    BUYER_ID_FIELD_NUMBER: _ClassVar[int]
    PRICE_FIELD_NUMBER: _ClassVar[int]
    PLACED_AT_MS_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    BUNDLE_ID_FIELD_NUMBER: _ClassVar[int]
    CANCELLATION_REQUESTED_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    auction_id: str
    listing_id: str
    show_id: str
    seller_id: str
    buyer_id: str
    price: _money_pb2.Money
    placed_at_ms: int
    status: str
    bundle_id: str
    cancellation_requested: bool
    reason: str
    def __init__(self, order_id: _Optional[str] = ..., auction_id: _Optional[str] = ..., listing_id: _Optional[str] = ..., show_id: _Optional[str] = ..., seller_id: _Optional[str] = ..., buyer_id: _Optional[str] = ..., price: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., placed_at_ms: _Optional[int] = ..., status: _Optional[str] = ..., bundle_id: _Optional[str] = ..., cancellation_requested: _Optional[bool] = ..., reason: _Optional[str] = ...) -> None: ...

class Bundle(_message.Message):
    __slots__ = ("bundle_id", "show_id", "seller_id", "buyer_id", "status", "shipping", "order_ids", "carrier", "tracking_number", "held")
    BUNDLE_ID_FIELD_NUMBER: _ClassVar[int]
    SHOW_ID_FIELD_NUMBER: _ClassVar[int]
    SELLER_ID_FIELD_NUMBER: _ClassVar[int]
    BUYER_ID_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    SHIPPING_FIELD_NUMBER: _ClassVar[int]
    ORDER_IDS_FIELD_NUMBER: _ClassVar[int]
    CARRIER_FIELD_NUMBER: _ClassVar[int]
    TRACKING_NUMBER_FIELD_NUMBER: _ClassVar[int]
    HELD_FIELD_NUMBER: _ClassVar[int]
    bundle_id: str
    show_id: str
    seller_id: str
    buyer_id: str
    status: str
    shipping: _money_pb2.Money
    order_ids: _containers.RepeatedScalarFieldContainer[str]
    carrier: str
    tracking_number: str
    held: _money_pb2.Money
    def __init__(self, bundle_id: _Optional[str] = ..., show_id: _Optional[str] = ..., seller_id: _Optional[str] = ..., buyer_id: _Optional[str] = ..., status: _Optional[str] = ..., shipping: _Optional[_Union[_money_pb2.Money, _Mapping]] = ..., order_ids: _Optional[_Iterable[str]] = ..., carrier: _Optional[str] = ..., tracking_number: _Optional[str] = ..., held: _Optional[_Union[_money_pb2.Money, _Mapping]] = ...) -> None: ...

class GetBundleRequest(_message.Message):
    __slots__ = ("bundle_id",)
    BUNDLE_ID_FIELD_NUMBER: _ClassVar[int]
    bundle_id: str
    def __init__(self, bundle_id: _Optional[str] = ...) -> None: ...

class GetBundleResponse(_message.Message):
    __slots__ = ("bundle",)
    BUNDLE_FIELD_NUMBER: _ClassVar[int]
    bundle: Bundle
    def __init__(self, bundle: _Optional[_Union[Bundle, _Mapping]] = ...) -> None: ...

class GetLedgerRequest(_message.Message):
    __slots__ = ("show_id",)
    SHOW_ID_FIELD_NUMBER: _ClassVar[int]
    show_id: str
    def __init__(self, show_id: _Optional[str] = ...) -> None: ...

class GetLedgerResponse(_message.Message):
    __slots__ = ("postings",)
    POSTINGS_FIELD_NUMBER: _ClassVar[int]
    postings: _containers.RepeatedCompositeFieldContainer[_events_pb2.LedgerPosted]
    def __init__(self, postings: _Optional[_Iterable[_Union[_events_pb2.LedgerPosted, _Mapping]]] = ...) -> None: ...

class BundleAction(_message.Message):
    __slots__ = ("accepted", "code", "reason", "bundle")
    ACCEPTED_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    BUNDLE_FIELD_NUMBER: _ClassVar[int]
    accepted: bool
    code: str
    reason: str
    bundle: Bundle
    def __init__(self, accepted: _Optional[bool] = ..., code: _Optional[str] = ..., reason: _Optional[str] = ..., bundle: _Optional[_Union[Bundle, _Mapping]] = ...) -> None: ...

class RetryPaymentRequest(_message.Message):
    __slots__ = ("bundle_id", "buyer_id", "card_ref", "idempotency_key")
    BUNDLE_ID_FIELD_NUMBER: _ClassVar[int]
    BUYER_ID_FIELD_NUMBER: _ClassVar[int]
    CARD_REF_FIELD_NUMBER: _ClassVar[int]
    IDEMPOTENCY_KEY_FIELD_NUMBER: _ClassVar[int]
    bundle_id: str
    buyer_id: str
    card_ref: str
    idempotency_key: str
    def __init__(self, bundle_id: _Optional[str] = ..., buyer_id: _Optional[str] = ..., card_ref: _Optional[str] = ..., idempotency_key: _Optional[str] = ...) -> None: ...

class CancelOrderRequest(_message.Message):
    __slots__ = ("order_id", "seller_id", "reason", "idempotency_key")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    SELLER_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    IDEMPOTENCY_KEY_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    seller_id: str
    reason: str
    idempotency_key: str
    def __init__(self, order_id: _Optional[str] = ..., seller_id: _Optional[str] = ..., reason: _Optional[str] = ..., idempotency_key: _Optional[str] = ...) -> None: ...

class RequestCancellationRequest(_message.Message):
    __slots__ = ("order_id", "buyer_id", "reason", "idempotency_key")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    BUYER_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    IDEMPOTENCY_KEY_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    buyer_id: str
    reason: str
    idempotency_key: str
    def __init__(self, order_id: _Optional[str] = ..., buyer_id: _Optional[str] = ..., reason: _Optional[str] = ..., idempotency_key: _Optional[str] = ...) -> None: ...

class AnswerCancellationRequest(_message.Message):
    __slots__ = ("order_id", "seller_id", "accept", "idempotency_key")
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    SELLER_ID_FIELD_NUMBER: _ClassVar[int]
    ACCEPT_FIELD_NUMBER: _ClassVar[int]
    IDEMPOTENCY_KEY_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    seller_id: str
    accept: bool
    idempotency_key: str
    def __init__(self, order_id: _Optional[str] = ..., seller_id: _Optional[str] = ..., accept: _Optional[bool] = ..., idempotency_key: _Optional[str] = ...) -> None: ...

class MarkShippedRequest(_message.Message):
    __slots__ = ("bundle_id", "seller_id", "carrier", "tracking_number", "idempotency_key")
    BUNDLE_ID_FIELD_NUMBER: _ClassVar[int]
    SELLER_ID_FIELD_NUMBER: _ClassVar[int]
    CARRIER_FIELD_NUMBER: _ClassVar[int]
    TRACKING_NUMBER_FIELD_NUMBER: _ClassVar[int]
    IDEMPOTENCY_KEY_FIELD_NUMBER: _ClassVar[int]
    bundle_id: str
    seller_id: str
    carrier: str
    tracking_number: str
    idempotency_key: str
    def __init__(self, bundle_id: _Optional[str] = ..., seller_id: _Optional[str] = ..., carrier: _Optional[str] = ..., tracking_number: _Optional[str] = ..., idempotency_key: _Optional[str] = ...) -> None: ...

class ConfirmDeliveryRequest(_message.Message):
    __slots__ = ("bundle_id", "confirmed_by", "idempotency_key")
    BUNDLE_ID_FIELD_NUMBER: _ClassVar[int]
    CONFIRMED_BY_FIELD_NUMBER: _ClassVar[int]
    IDEMPOTENCY_KEY_FIELD_NUMBER: _ClassVar[int]
    bundle_id: str
    confirmed_by: str
    idempotency_key: str
    def __init__(self, bundle_id: _Optional[str] = ..., confirmed_by: _Optional[str] = ..., idempotency_key: _Optional[str] = ...) -> None: ...

class ListOrdersRequest(_message.Message):
    __slots__ = ("buyer_id", "seller_id", "show_id")
    BUYER_ID_FIELD_NUMBER: _ClassVar[int]
    SELLER_ID_FIELD_NUMBER: _ClassVar[int]
    SHOW_ID_FIELD_NUMBER: _ClassVar[int]
    buyer_id: str
    seller_id: str
    show_id: str
    def __init__(self, buyer_id: _Optional[str] = ..., seller_id: _Optional[str] = ..., show_id: _Optional[str] = ...) -> None: ...

class ListOrdersResponse(_message.Message):
    __slots__ = ("orders",)
    ORDERS_FIELD_NUMBER: _ClassVar[int]
    orders: _containers.RepeatedCompositeFieldContainer[Order]
    def __init__(self, orders: _Optional[_Iterable[_Union[Order, _Mapping]]] = ...) -> None: ...

class GetOrderRequest(_message.Message):
    __slots__ = ("order_id",)
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    order_id: str
    def __init__(self, order_id: _Optional[str] = ...) -> None: ...

class GetOrderResponse(_message.Message):
    __slots__ = ("order",)
    ORDER_FIELD_NUMBER: _ClassVar[int]
    order: Order
    def __init__(self, order: _Optional[_Union[Order, _Mapping]] = ...) -> None: ...

class RetryPaymentResponse(_message.Message):
    __slots__ = ("action",)
    ACTION_FIELD_NUMBER: _ClassVar[int]
    action: BundleAction
    def __init__(self, action: _Optional[_Union[BundleAction, _Mapping]] = ...) -> None: ...

class CancelOrderResponse(_message.Message):
    __slots__ = ("action",)
    ACTION_FIELD_NUMBER: _ClassVar[int]
    action: BundleAction
    def __init__(self, action: _Optional[_Union[BundleAction, _Mapping]] = ...) -> None: ...

class RequestCancellationResponse(_message.Message):
    __slots__ = ("action",)
    ACTION_FIELD_NUMBER: _ClassVar[int]
    action: BundleAction
    def __init__(self, action: _Optional[_Union[BundleAction, _Mapping]] = ...) -> None: ...

class AnswerCancellationResponse(_message.Message):
    __slots__ = ("action",)
    ACTION_FIELD_NUMBER: _ClassVar[int]
    action: BundleAction
    def __init__(self, action: _Optional[_Union[BundleAction, _Mapping]] = ...) -> None: ...

class MarkShippedResponse(_message.Message):
    __slots__ = ("action",)
    ACTION_FIELD_NUMBER: _ClassVar[int]
    action: BundleAction
    def __init__(self, action: _Optional[_Union[BundleAction, _Mapping]] = ...) -> None: ...

class ConfirmDeliveryResponse(_message.Message):
    __slots__ = ("action",)
    ACTION_FIELD_NUMBER: _ClassVar[int]
    action: BundleAction
    def __init__(self, action: _Optional[_Union[BundleAction, _Mapping]] = ...) -> None: ...
