from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class NotificationKind(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    NOTIFICATION_KIND_UNSPECIFIED: _ClassVar[NotificationKind]
    NOTIFICATION_KIND_OUTBID: _ClassVar[NotificationKind]
    NOTIFICATION_KIND_WON: _ClassVar[NotificationKind]
    NOTIFICATION_KIND_ORDER_PLACED: _ClassVar[NotificationKind]
    NOTIFICATION_KIND_SHOW_STARTED: _ClassVar[NotificationKind]
    NOTIFICATION_KIND_PAYMENT_FAILED: _ClassVar[NotificationKind]
    NOTIFICATION_KIND_ORDER_PAID: _ClassVar[NotificationKind]
    NOTIFICATION_KIND_ORDER_CANCELLED: _ClassVar[NotificationKind]
    NOTIFICATION_KIND_SHIPPED: _ClassVar[NotificationKind]
    NOTIFICATION_KIND_DELIVERED: _ClassVar[NotificationKind]
    NOTIFICATION_KIND_PAYOUT_SENT: _ClassVar[NotificationKind]
NOTIFICATION_KIND_UNSPECIFIED: NotificationKind
NOTIFICATION_KIND_OUTBID: NotificationKind
NOTIFICATION_KIND_WON: NotificationKind
NOTIFICATION_KIND_ORDER_PLACED: NotificationKind
NOTIFICATION_KIND_SHOW_STARTED: NotificationKind
NOTIFICATION_KIND_PAYMENT_FAILED: NotificationKind
NOTIFICATION_KIND_ORDER_PAID: NotificationKind
NOTIFICATION_KIND_ORDER_CANCELLED: NotificationKind
NOTIFICATION_KIND_SHIPPED: NotificationKind
NOTIFICATION_KIND_DELIVERED: NotificationKind
NOTIFICATION_KIND_PAYOUT_SENT: NotificationKind

class Notification(_message.Message):
    __slots__ = ("user_id", "cursor", "kind", "auction_id", "show_id", "amount_cents", "currency", "text", "at_ms", "source_event_id", "order_id", "bundle_id")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    CURSOR_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    AUCTION_ID_FIELD_NUMBER: _ClassVar[int]
    SHOW_ID_FIELD_NUMBER: _ClassVar[int]
    AMOUNT_CENTS_FIELD_NUMBER: _ClassVar[int]
    CURRENCY_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    AT_MS_FIELD_NUMBER: _ClassVar[int]
    SOURCE_EVENT_ID_FIELD_NUMBER: _ClassVar[int]
    ORDER_ID_FIELD_NUMBER: _ClassVar[int]
    BUNDLE_ID_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    cursor: int
    kind: NotificationKind
    auction_id: str
    show_id: str
    amount_cents: int
    currency: str
    text: str
    at_ms: int
    source_event_id: str
    order_id: str
    bundle_id: str
    def __init__(self, user_id: _Optional[str] = ..., cursor: _Optional[int] = ..., kind: _Optional[_Union[NotificationKind, str]] = ..., auction_id: _Optional[str] = ..., show_id: _Optional[str] = ..., amount_cents: _Optional[int] = ..., currency: _Optional[str] = ..., text: _Optional[str] = ..., at_ms: _Optional[int] = ..., source_event_id: _Optional[str] = ..., order_id: _Optional[str] = ..., bundle_id: _Optional[str] = ...) -> None: ...

class ListInboxRequest(_message.Message):
    __slots__ = ("user_id", "after_cursor", "limit")
    USER_ID_FIELD_NUMBER: _ClassVar[int]
    AFTER_CURSOR_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    user_id: str
    after_cursor: int
    limit: int
    def __init__(self, user_id: _Optional[str] = ..., after_cursor: _Optional[int] = ..., limit: _Optional[int] = ...) -> None: ...

class ListInboxResponse(_message.Message):
    __slots__ = ("notifications",)
    NOTIFICATIONS_FIELD_NUMBER: _ClassVar[int]
    notifications: _containers.RepeatedCompositeFieldContainer[Notification]
    def __init__(self, notifications: _Optional[_Iterable[_Union[Notification, _Mapping]]] = ...) -> None: ...
