from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Optional as _Optional

DESCRIPTOR: _descriptor.FileDescriptor

class PaymentSucceeded(_message.Message):
    __slots__ = ("bundle_id", "charge_id", "provider_ref")
    BUNDLE_ID_FIELD_NUMBER: _ClassVar[int]
    CHARGE_ID_FIELD_NUMBER: _ClassVar[int]
    PROVIDER_REF_FIELD_NUMBER: _ClassVar[int]
    bundle_id: str
    charge_id: str
    provider_ref: str
    def __init__(self, bundle_id: _Optional[str] = ..., charge_id: _Optional[str] = ..., provider_ref: _Optional[str] = ...) -> None: ...

class PaymentDeclined(_message.Message):
    __slots__ = ("bundle_id", "charge_id", "reason")
    BUNDLE_ID_FIELD_NUMBER: _ClassVar[int]
    CHARGE_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    bundle_id: str
    charge_id: str
    reason: str
    def __init__(self, bundle_id: _Optional[str] = ..., charge_id: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class RefundSucceeded(_message.Message):
    __slots__ = ("bundle_id", "refund_id", "provider_ref")
    BUNDLE_ID_FIELD_NUMBER: _ClassVar[int]
    REFUND_ID_FIELD_NUMBER: _ClassVar[int]
    PROVIDER_REF_FIELD_NUMBER: _ClassVar[int]
    bundle_id: str
    refund_id: str
    provider_ref: str
    def __init__(self, bundle_id: _Optional[str] = ..., refund_id: _Optional[str] = ..., provider_ref: _Optional[str] = ...) -> None: ...

class RetryPayment(_message.Message):
    __slots__ = ("bundle_id", "buyer_id", "card_ref")
    BUNDLE_ID_FIELD_NUMBER: _ClassVar[int]
    BUYER_ID_FIELD_NUMBER: _ClassVar[int]
    CARD_REF_FIELD_NUMBER: _ClassVar[int]
    bundle_id: str
    buyer_id: str
    card_ref: str
    def __init__(self, bundle_id: _Optional[str] = ..., buyer_id: _Optional[str] = ..., card_ref: _Optional[str] = ...) -> None: ...

class EndShow(_message.Message):
    __slots__ = ("bundle_id",)
    BUNDLE_ID_FIELD_NUMBER: _ClassVar[int]
    bundle_id: str
    def __init__(self, bundle_id: _Optional[str] = ...) -> None: ...

class CancelOrder(_message.Message):
    __slots__ = ("bundle_id", "order_id", "seller_id", "reason")
    BUNDLE_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    SELLER_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    bundle_id: str
    order_id: str
    seller_id: str
    reason: str
    def __init__(self, bundle_id: _Optional[str] = ..., order_id: _Optional[str] = ..., seller_id: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class RequestCancellation(_message.Message):
    __slots__ = ("bundle_id", "order_id", "buyer_id", "reason")
    BUNDLE_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    BUYER_ID_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    bundle_id: str
    order_id: str
    buyer_id: str
    reason: str
    def __init__(self, bundle_id: _Optional[str] = ..., order_id: _Optional[str] = ..., buyer_id: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class AnswerCancellation(_message.Message):
    __slots__ = ("bundle_id", "order_id", "seller_id", "accept")
    BUNDLE_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    SELLER_ID_FIELD_NUMBER: _ClassVar[int]
    ACCEPT_FIELD_NUMBER: _ClassVar[int]
    bundle_id: str
    order_id: str
    seller_id: str
    accept: bool
    def __init__(self, bundle_id: _Optional[str] = ..., order_id: _Optional[str] = ..., seller_id: _Optional[str] = ..., accept: _Optional[bool] = ...) -> None: ...

class MarkShipped(_message.Message):
    __slots__ = ("bundle_id", "seller_id", "carrier", "tracking_number")
    BUNDLE_ID_FIELD_NUMBER: _ClassVar[int]
    SELLER_ID_FIELD_NUMBER: _ClassVar[int]
    CARRIER_FIELD_NUMBER: _ClassVar[int]
    TRACKING_NUMBER_FIELD_NUMBER: _ClassVar[int]
    bundle_id: str
    seller_id: str
    carrier: str
    tracking_number: str
    def __init__(self, bundle_id: _Optional[str] = ..., seller_id: _Optional[str] = ..., carrier: _Optional[str] = ..., tracking_number: _Optional[str] = ...) -> None: ...

class ConfirmDelivery(_message.Message):
    __slots__ = ("bundle_id", "confirmed_by")
    BUNDLE_ID_FIELD_NUMBER: _ClassVar[int]
    CONFIRMED_BY_FIELD_NUMBER: _ClassVar[int]
    bundle_id: str
    confirmed_by: str
    def __init__(self, bundle_id: _Optional[str] = ..., confirmed_by: _Optional[str] = ...) -> None: ...

class ChargeRequested(_message.Message):
    __slots__ = ("bundle_id", "charge_id", "order_id", "amount_cents", "currency", "card_ref", "attempt", "buyer_id")
    BUNDLE_ID_FIELD_NUMBER: _ClassVar[int]
    CHARGE_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_CENTS_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    CARD_REF_FIELD_NUMBER: _ClassVar[int]
    ATTEMPT_FIELD_NUMBER: _ClassVar[int]
    BUYER_ID_FIELD_NUMBER: _ClassVar[int]
    bundle_id: str
    charge_id: str
    order_id: str
    amount_cents: int
    currency: str
    card_ref: str
    attempt: int
    buyer_id: str
    def __init__(self, bundle_id: _Optional[str] = ..., charge_id: _Optional[str] = ..., order_id: _Optional[str] = ..., amount_cents: _Optional[int] = ..., currency: _Optional[str] = ..., card_ref: _Optional[str] = ..., attempt: _Optional[int] = ..., buyer_id: _Optional[str] = ...) -> None: ...

class ChargeSucceeded(_message.Message):
    __slots__ = ("bundle_id", "charge_id", "provider_ref")
    BUNDLE_ID_FIELD_NUMBER: _ClassVar[int]
    CHARGE_ID_FIELD_NUMBER: _ClassVar[int]
    PROVIDER_REF_FIELD_NUMBER: _ClassVar[int]
    bundle_id: str
    charge_id: str
    provider_ref: str
    def __init__(self, bundle_id: _Optional[str] = ..., charge_id: _Optional[str] = ..., provider_ref: _Optional[str] = ...) -> None: ...

class RefundRequested(_message.Message):
    __slots__ = ("bundle_id", "refund_id", "order_id", "amount_cents", "currency", "buyer_id", "kind")
    BUNDLE_ID_FIELD_NUMBER: _ClassVar[int]
    REFUND_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_CENTS_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    BUYER_ID_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    bundle_id: str
    refund_id: str
    order_id: str
    amount_cents: int
    currency: str
    buyer_id: str
    kind: str
    def __init__(self, bundle_id: _Optional[str] = ..., refund_id: _Optional[str] = ..., order_id: _Optional[str] = ..., amount_cents: _Optional[int] = ..., currency: _Optional[str] = ..., buyer_id: _Optional[str] = ..., kind: _Optional[str] = ...) -> None: ...

class RefundCompleted(_message.Message):
    __slots__ = ("bundle_id", "refund_id", "provider_ref")
    BUNDLE_ID_FIELD_NUMBER: _ClassVar[int]
    REFUND_ID_FIELD_NUMBER: _ClassVar[int]
    PROVIDER_REF_FIELD_NUMBER: _ClassVar[int]
    bundle_id: str
    refund_id: str
    provider_ref: str
    def __init__(self, bundle_id: _Optional[str] = ..., refund_id: _Optional[str] = ..., provider_ref: _Optional[str] = ...) -> None: ...

class BundleClosed(_message.Message):
    __slots__ = ("bundle_id", "at_ms")
    BUNDLE_ID_FIELD_NUMBER: _ClassVar[int]
    AT_MS_FIELD_NUMBER: _ClassVar[int]
    bundle_id: str
    at_ms: int
    def __init__(self, bundle_id: _Optional[str] = ..., at_ms: _Optional[int] = ...) -> None: ...
