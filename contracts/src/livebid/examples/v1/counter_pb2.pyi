from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Optional as _Optional

DESCRIPTOR: _descriptor.FileDescriptor

class OpenCounter(_message.Message):
    __slots__ = ("counter_id", "limit", "duration_ms")
    COUNTER_ID_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    DURATION_MS_FIELD_NUMBER: _ClassVar[int]
    counter_id: str
    limit: int
    duration_ms: int
    def __init__(self, counter_id: _Optional[str] = ..., limit: _Optional[int] = ..., duration_ms: _Optional[int] = ...) -> None: ...

class Increment(_message.Message):
    __slots__ = ("counter_id", "by")
    COUNTER_ID_FIELD_NUMBER: _ClassVar[int]
    BY_FIELD_NUMBER: _ClassVar[int]
    counter_id: str
    by: int
    def __init__(self, counter_id: _Optional[str] = ..., by: _Optional[int] = ...) -> None: ...

class CloseCounter(_message.Message):
    __slots__ = ("counter_id",)
    COUNTER_ID_FIELD_NUMBER: _ClassVar[int]
    counter_id: str
    def __init__(self, counter_id: _Optional[str] = ...) -> None: ...

class CounterOpened(_message.Message):
    __slots__ = ("counter_id", "limit", "deadline_ms")
    COUNTER_ID_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    DEADLINE_MS_FIELD_NUMBER: _ClassVar[int]
    counter_id: str
    limit: int
    deadline_ms: int
    def __init__(self, counter_id: _Optional[str] = ..., limit: _Optional[int] = ..., deadline_ms: _Optional[int] = ...) -> None: ...

class Incremented(_message.Message):
    __slots__ = ("counter_id", "by", "total", "at_ms")
    COUNTER_ID_FIELD_NUMBER: _ClassVar[int]
    BY_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    AT_MS_FIELD_NUMBER: _ClassVar[int]
    counter_id: str
    by: int
    total: int
    at_ms: int
    def __init__(self, counter_id: _Optional[str] = ..., by: _Optional[int] = ..., total: _Optional[int] = ..., at_ms: _Optional[int] = ...) -> None: ...

class CounterClosed(_message.Message):
    __slots__ = ("counter_id", "total", "at_ms")
    COUNTER_ID_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    AT_MS_FIELD_NUMBER: _ClassVar[int]
    counter_id: str
    total: int
    at_ms: int
    def __init__(self, counter_id: _Optional[str] = ..., total: _Optional[int] = ..., at_ms: _Optional[int] = ...) -> None: ...
