from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class FlashSaleRejectionReason(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    FLASH_SALE_REJECTION_REASON_UNSPECIFIED: _ClassVar[FlashSaleRejectionReason]
    FLASH_SALE_REJECTION_REASON_SOLD_OUT: _ClassVar[FlashSaleRejectionReason]
    FLASH_SALE_REJECTION_REASON_NOT_ENOUGH_LEFT: _ClassVar[FlashSaleRejectionReason]
    FLASH_SALE_REJECTION_REASON_OVER_BUYER_LIMIT: _ClassVar[FlashSaleRejectionReason]
    FLASH_SALE_REJECTION_REASON_OVER_SPENDING_LIMIT: _ClassVar[FlashSaleRejectionReason]
    FLASH_SALE_REJECTION_REASON_CLOSED: _ClassVar[FlashSaleRejectionReason]
    FLASH_SALE_REJECTION_REASON_NOT_FOUND: _ClassVar[FlashSaleRejectionReason]
    FLASH_SALE_REJECTION_REASON_SELLER_CANNOT_BID: _ClassVar[FlashSaleRejectionReason]
    FLASH_SALE_REJECTION_REASON_INVALID: _ClassVar[FlashSaleRejectionReason]
FLASH_SALE_REJECTION_REASON_UNSPECIFIED: FlashSaleRejectionReason
FLASH_SALE_REJECTION_REASON_SOLD_OUT: FlashSaleRejectionReason
FLASH_SALE_REJECTION_REASON_NOT_ENOUGH_LEFT: FlashSaleRejectionReason
FLASH_SALE_REJECTION_REASON_OVER_BUYER_LIMIT: FlashSaleRejectionReason
FLASH_SALE_REJECTION_REASON_OVER_SPENDING_LIMIT: FlashSaleRejectionReason
FLASH_SALE_REJECTION_REASON_CLOSED: FlashSaleRejectionReason
FLASH_SALE_REJECTION_REASON_NOT_FOUND: FlashSaleRejectionReason
FLASH_SALE_REJECTION_REASON_SELLER_CANNOT_BID: FlashSaleRejectionReason
FLASH_SALE_REJECTION_REASON_INVALID: FlashSaleRejectionReason

class OpenFlashSale(_message.Message):
    __slots__ = ("command_id", "sale_id", "listing_id", "show_id", "seller_id", "price_cents", "currency", "quantity", "per_buyer_limit", "duration_ms", "list_price_cents")
    COMMAND_ID_FIELD_NUMBER: _ClassVar[int]
    SALE_ID_FIELD_NUMBER: _ClassVar[int]
    LISTING_ID_FIELD_NUMBER: _ClassVar[int]
    SHOW_ID_FIELD_NUMBER: _ClassVar[int]
    SELLER_ID_FIELD_NUMBER: _ClassVar[int]
    PRICE_CENTS_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    PER_BUYER_LIMIT_FIELD_NUMBER: _ClassVar[int]
    DURATION_MS_FIELD_NUMBER: _ClassVar[int]
    LIST_PRICE_CENTS_FIELD_NUMBER: _ClassVar[int]
    command_id: str
    sale_id: str
    listing_id: str
    show_id: str
    seller_id: str
    price_cents: int
    currency: str
    quantity: int
    per_buyer_limit: int
    duration_ms: int
    list_price_cents: int
    def __init__(self, command_id: _Optional[str] = ..., sale_id: _Optional[str] = ..., listing_id: _Optional[str] = ..., show_id: _Optional[str] = ..., seller_id: _Optional[str] = ..., price_cents: _Optional[int] = ..., currency: _Optional[str] = ..., quantity: _Optional[int] = ..., per_buyer_limit: _Optional[int] = ..., duration_ms: _Optional[int] = ..., list_price_cents: _Optional[int] = ...) -> None: ...

class BuyFlashSale(_message.Message):
    __slots__ = ("command_id", "sale_id", "buyer_id", "quantity", "spending_limit_cents", "open_commitments_cents")
    COMMAND_ID_FIELD_NUMBER: _ClassVar[int]
    SALE_ID_FIELD_NUMBER: _ClassVar[int]
    BUYER_ID_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    SPENDING_LIMIT_CENTS_FIELD_NUMBER: _ClassVar[int]
    OPEN_COMMITMENTS_CENTS_FIELD_NUMBER: _ClassVar[int]
    command_id: str
    sale_id: str
    buyer_id: str
    quantity: int
    spending_limit_cents: int
    open_commitments_cents: int
    def __init__(self, command_id: _Optional[str] = ..., sale_id: _Optional[str] = ..., buyer_id: _Optional[str] = ..., quantity: _Optional[int] = ..., spending_limit_cents: _Optional[int] = ..., open_commitments_cents: _Optional[int] = ...) -> None: ...

class CloseFlashSale(_message.Message):
    __slots__ = ("command_id", "sale_id")
    COMMAND_ID_FIELD_NUMBER: _ClassVar[int]
    SALE_ID_FIELD_NUMBER: _ClassVar[int]
    command_id: str
    sale_id: str
    def __init__(self, command_id: _Optional[str] = ..., sale_id: _Optional[str] = ...) -> None: ...

class FlashSaleOpened(_message.Message):
    __slots__ = ("sale_id", "command_id", "listing_id", "show_id", "seller_id", "price_cents", "list_price_cents", "currency", "quantity", "per_buyer_limit", "opened_at_ms", "deadline_ms")
    SALE_ID_FIELD_NUMBER: _ClassVar[int]
    COMMAND_ID_FIELD_NUMBER: _ClassVar[int]
    LISTING_ID_FIELD_NUMBER: _ClassVar[int]
    SHOW_ID_FIELD_NUMBER: _ClassVar[int]
    SELLER_ID_FIELD_NUMBER: _ClassVar[int]
    PRICE_CENTS_FIELD_NUMBER: _ClassVar[int]
    LIST_PRICE_CENTS_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    PER_BUYER_LIMIT_FIELD_NUMBER: _ClassVar[int]
    OPENED_AT_MS_FIELD_NUMBER: _ClassVar[int]
    DEADLINE_MS_FIELD_NUMBER: _ClassVar[int]
    sale_id: str
    command_id: str
    listing_id: str
    show_id: str
    seller_id: str
    price_cents: int
    list_price_cents: int
    currency: str
    quantity: int
    per_buyer_limit: int
    opened_at_ms: int
    deadline_ms: int
    def __init__(self, sale_id: _Optional[str] = ..., command_id: _Optional[str] = ..., listing_id: _Optional[str] = ..., show_id: _Optional[str] = ..., seller_id: _Optional[str] = ..., price_cents: _Optional[int] = ..., list_price_cents: _Optional[int] = ..., currency: _Optional[str] = ..., quantity: _Optional[int] = ..., per_buyer_limit: _Optional[int] = ..., opened_at_ms: _Optional[int] = ..., deadline_ms: _Optional[int] = ...) -> None: ...

class FlashSalePurchased(_message.Message):
    __slots__ = ("sale_id", "command_id", "buyer_id", "quantity", "unit_price_cents", "at_ms", "remaining", "buyer_total", "listing_id", "show_id", "seller_id", "currency")
    SALE_ID_FIELD_NUMBER: _ClassVar[int]
    COMMAND_ID_FIELD_NUMBER: _ClassVar[int]
    BUYER_ID_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    UNIT_PRICE_CENTS_FIELD_NUMBER: _ClassVar[int]
    AT_MS_FIELD_NUMBER: _ClassVar[int]
    REMAINING_FIELD_NUMBER: _ClassVar[int]
    BUYER_TOTAL_FIELD_NUMBER: _ClassVar[int]
    LISTING_ID_FIELD_NUMBER: _ClassVar[int]
    SHOW_ID_FIELD_NUMBER: _ClassVar[int]
    SELLER_ID_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    sale_id: str
    command_id: str
    buyer_id: str
    quantity: int
    unit_price_cents: int
    at_ms: int
    remaining: int
    buyer_total: int
    listing_id: str
    show_id: str
    seller_id: str
    currency: str
    def __init__(self, sale_id: _Optional[str] = ..., command_id: _Optional[str] = ..., buyer_id: _Optional[str] = ..., quantity: _Optional[int] = ..., unit_price_cents: _Optional[int] = ..., at_ms: _Optional[int] = ..., remaining: _Optional[int] = ..., buyer_total: _Optional[int] = ..., listing_id: _Optional[str] = ..., show_id: _Optional[str] = ..., seller_id: _Optional[str] = ..., currency: _Optional[str] = ...) -> None: ...

class FlashSalePurchaseRejected(_message.Message):
    __slots__ = ("sale_id", "command_id", "buyer_id", "quantity", "at_ms", "reason", "remaining")
    SALE_ID_FIELD_NUMBER: _ClassVar[int]
    COMMAND_ID_FIELD_NUMBER: _ClassVar[int]
    BUYER_ID_FIELD_NUMBER: _ClassVar[int]
    QUANTITY_FIELD_NUMBER: _ClassVar[int]
    AT_MS_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    REMAINING_FIELD_NUMBER: _ClassVar[int]
    sale_id: str
    command_id: str
    buyer_id: str
    quantity: int
    at_ms: int
    reason: FlashSaleRejectionReason
    remaining: int
    def __init__(self, sale_id: _Optional[str] = ..., command_id: _Optional[str] = ..., buyer_id: _Optional[str] = ..., quantity: _Optional[int] = ..., at_ms: _Optional[int] = ..., reason: _Optional[_Union[FlashSaleRejectionReason, str]] = ..., remaining: _Optional[int] = ...) -> None: ...

class FlashSaleClosed(_message.Message):
    __slots__ = ("sale_id", "command_id", "at_ms", "sold", "remaining", "sold_out", "listing_id", "show_id")
    SALE_ID_FIELD_NUMBER: _ClassVar[int]
    COMMAND_ID_FIELD_NUMBER: _ClassVar[int]
    AT_MS_FIELD_NUMBER: _ClassVar[int]
    SOLD_FIELD_NUMBER: _ClassVar[int]
    REMAINING_FIELD_NUMBER: _ClassVar[int]
    SOLD_OUT_FIELD_NUMBER: _ClassVar[int]
    LISTING_ID_FIELD_NUMBER: _ClassVar[int]
    SHOW_ID_FIELD_NUMBER: _ClassVar[int]
    sale_id: str
    command_id: str
    at_ms: int
    sold: int
    remaining: int
    sold_out: bool
    listing_id: str
    show_id: str
    def __init__(self, sale_id: _Optional[str] = ..., command_id: _Optional[str] = ..., at_ms: _Optional[int] = ..., sold: _Optional[int] = ..., remaining: _Optional[int] = ..., sold_out: _Optional[bool] = ..., listing_id: _Optional[str] = ..., show_id: _Optional[str] = ...) -> None: ...
