from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Optional as _Optional

DESCRIPTOR: _descriptor.FileDescriptor

class CommandRejected(_message.Message):
    __slots__ = ("command_id", "aggregate_id", "code", "reason")
    COMMAND_ID_FIELD_NUMBER: _ClassVar[int]
    AGGREGATE_ID_FIELD_NUMBER: _ClassVar[int]
    CODE_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    command_id: str
    aggregate_id: str
    code: str
    reason: str
    def __init__(self, command_id: _Optional[str] = ..., aggregate_id: _Optional[str] = ..., code: _Optional[str] = ..., reason: _Optional[str] = ...) -> None: ...

class CommandHadNoEffect(_message.Message):
    __slots__ = ("command_id", "aggregate_id")
    COMMAND_ID_FIELD_NUMBER: _ClassVar[int]
    AGGREGATE_ID_FIELD_NUMBER: _ClassVar[int]
    command_id: str
    aggregate_id: str
    def __init__(self, command_id: _Optional[str] = ..., aggregate_id: _Optional[str] = ...) -> None: ...
