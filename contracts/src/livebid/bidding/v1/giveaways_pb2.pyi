from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class EntryRejectionReason(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
    __slots__ = ()
    ENTRY_REJECTION_REASON_UNSPECIFIED: _ClassVar[EntryRejectionReason]
    ENTRY_REJECTION_REASON_NOT_FOUND: _ClassVar[EntryRejectionReason]
    ENTRY_REJECTION_REASON_CLOSED: _ClassVar[EntryRejectionReason]
    ENTRY_REJECTION_REASON_NOT_A_FOLLOWER: _ClassVar[EntryRejectionReason]
    ENTRY_REJECTION_REASON_NOT_VERIFIED: _ClassVar[EntryRejectionReason]
    ENTRY_REJECTION_REASON_ALREADY_ENTERED: _ClassVar[EntryRejectionReason]
    ENTRY_REJECTION_REASON_SELLER_CANNOT_ENTER: _ClassVar[EntryRejectionReason]
ENTRY_REJECTION_REASON_UNSPECIFIED: EntryRejectionReason
ENTRY_REJECTION_REASON_NOT_FOUND: EntryRejectionReason
ENTRY_REJECTION_REASON_CLOSED: EntryRejectionReason
ENTRY_REJECTION_REASON_NOT_A_FOLLOWER: EntryRejectionReason
ENTRY_REJECTION_REASON_NOT_VERIFIED: EntryRejectionReason
ENTRY_REJECTION_REASON_ALREADY_ENTERED: EntryRejectionReason
ENTRY_REJECTION_REASON_SELLER_CANNOT_ENTER: EntryRejectionReason

class OpenGiveaway(_message.Message):
    __slots__ = ("command_id", "giveaway_id", "show_id", "seller_id", "listing_id", "duration_ms", "followers_only", "verified_only")
    COMMAND_ID_FIELD_NUMBER: _ClassVar[int]
    GIVEAWAY_ID_FIELD_NUMBER: _ClassVar[int]
    SHOW_ID_FIELD_NUMBER: _ClassVar[int]
    SELLER_ID_FIELD_NUMBER: _ClassVar[int]
    LISTING_ID_FIELD_NUMBER: _ClassVar[int]
    DURATION_MS_FIELD_NUMBER: _ClassVar[int]
    FOLLOWERS_ONLY_FIELD_NUMBER: _ClassVar[int]
    VERIFIED_ONLY_FIELD_NUMBER: _ClassVar[int]
    command_id: str
    giveaway_id: str
    show_id: str
    seller_id: str
    listing_id: str
    duration_ms: int
    followers_only: bool
    verified_only: bool
    def __init__(self, command_id: _Optional[str] = ..., giveaway_id: _Optional[str] = ..., show_id: _Optional[str] = ..., seller_id: _Optional[str] = ..., listing_id: _Optional[str] = ..., duration_ms: _Optional[int] = ..., followers_only: _Optional[bool] = ..., verified_only: _Optional[bool] = ...) -> None: ...

class EnterGiveaway(_message.Message):
    __slots__ = ("command_id", "giveaway_id", "entrant_id", "is_follower", "verified")
    COMMAND_ID_FIELD_NUMBER: _ClassVar[int]
    GIVEAWAY_ID_FIELD_NUMBER: _ClassVar[int]
    ENTRANT_ID_FIELD_NUMBER: _ClassVar[int]
    IS_FOLLOWER_FIELD_NUMBER: _ClassVar[int]
    VERIFIED_FIELD_NUMBER: _ClassVar[int]
    command_id: str
    giveaway_id: str
    entrant_id: str
    is_follower: bool
    verified: bool
    def __init__(self, command_id: _Optional[str] = ..., giveaway_id: _Optional[str] = ..., entrant_id: _Optional[str] = ..., is_follower: _Optional[bool] = ..., verified: _Optional[bool] = ...) -> None: ...

class DrawGiveaway(_message.Message):
    __slots__ = ("command_id", "giveaway_id", "seed")
    COMMAND_ID_FIELD_NUMBER: _ClassVar[int]
    GIVEAWAY_ID_FIELD_NUMBER: _ClassVar[int]
    SEED_FIELD_NUMBER: _ClassVar[int]
    command_id: str
    giveaway_id: str
    seed: str
    def __init__(self, command_id: _Optional[str] = ..., giveaway_id: _Optional[str] = ..., seed: _Optional[str] = ...) -> None: ...

class GiveawayOpened(_message.Message):
    __slots__ = ("giveaway_id", "command_id", "show_id", "seller_id", "listing_id", "opened_at_ms", "ends_at_ms", "followers_only", "verified_only")
    GIVEAWAY_ID_FIELD_NUMBER: _ClassVar[int]
    COMMAND_ID_FIELD_NUMBER: _ClassVar[int]
    SHOW_ID_FIELD_NUMBER: _ClassVar[int]
    SELLER_ID_FIELD_NUMBER: _ClassVar[int]
    LISTING_ID_FIELD_NUMBER: _ClassVar[int]
    OPENED_AT_MS_FIELD_NUMBER: _ClassVar[int]
    ENDS_AT_MS_FIELD_NUMBER: _ClassVar[int]
    FOLLOWERS_ONLY_FIELD_NUMBER: _ClassVar[int]
    VERIFIED_ONLY_FIELD_NUMBER: _ClassVar[int]
    giveaway_id: str
    command_id: str
    show_id: str
    seller_id: str
    listing_id: str
    opened_at_ms: int
    ends_at_ms: int
    followers_only: bool
    verified_only: bool
    def __init__(self, giveaway_id: _Optional[str] = ..., command_id: _Optional[str] = ..., show_id: _Optional[str] = ..., seller_id: _Optional[str] = ..., listing_id: _Optional[str] = ..., opened_at_ms: _Optional[int] = ..., ends_at_ms: _Optional[int] = ..., followers_only: _Optional[bool] = ..., verified_only: _Optional[bool] = ...) -> None: ...

class GiveawayEntered(_message.Message):
    __slots__ = ("giveaway_id", "command_id", "entrant_id", "at_ms", "entrant_number")
    GIVEAWAY_ID_FIELD_NUMBER: _ClassVar[int]
    COMMAND_ID_FIELD_NUMBER: _ClassVar[int]
    ENTRANT_ID_FIELD_NUMBER: _ClassVar[int]
    AT_MS_FIELD_NUMBER: _ClassVar[int]
    ENTRANT_NUMBER_FIELD_NUMBER: _ClassVar[int]
    giveaway_id: str
    command_id: str
    entrant_id: str
    at_ms: int
    entrant_number: int
    def __init__(self, giveaway_id: _Optional[str] = ..., command_id: _Optional[str] = ..., entrant_id: _Optional[str] = ..., at_ms: _Optional[int] = ..., entrant_number: _Optional[int] = ...) -> None: ...

class EntryRejected(_message.Message):
    __slots__ = ("giveaway_id", "command_id", "entrant_id", "at_ms", "reason")
    GIVEAWAY_ID_FIELD_NUMBER: _ClassVar[int]
    COMMAND_ID_FIELD_NUMBER: _ClassVar[int]
    ENTRANT_ID_FIELD_NUMBER: _ClassVar[int]
    AT_MS_FIELD_NUMBER: _ClassVar[int]
    REASON_FIELD_NUMBER: _ClassVar[int]
    giveaway_id: str
    command_id: str
    entrant_id: str
    at_ms: int
    reason: EntryRejectionReason
    def __init__(self, giveaway_id: _Optional[str] = ..., command_id: _Optional[str] = ..., entrant_id: _Optional[str] = ..., at_ms: _Optional[int] = ..., reason: _Optional[_Union[EntryRejectionReason, str]] = ...) -> None: ...

class GiveawayDrawn(_message.Message):
    __slots__ = ("giveaway_id", "command_id", "at_ms", "winner_id", "seed", "entrant_count", "algorithm", "listing_id", "show_id", "seller_id")
    GIVEAWAY_ID_FIELD_NUMBER: _ClassVar[int]
    COMMAND_ID_FIELD_NUMBER: _ClassVar[int]
    AT_MS_FIELD_NUMBER: _ClassVar[int]
    WINNER_ID_FIELD_NUMBER: _ClassVar[int]
    SEED_FIELD_NUMBER: _ClassVar[int]
    ENTRANT_COUNT_FIELD_NUMBER: _ClassVar[int]
    ALGORITHM_FIELD_NUMBER: _ClassVar[int]
    LISTING_ID_FIELD_NUMBER: _ClassVar[int]
    SHOW_ID_FIELD_NUMBER: _ClassVar[int]
    SELLER_ID_FIELD_NUMBER: _ClassVar[int]
    giveaway_id: str
    command_id: str
    at_ms: int
    winner_id: str
    seed: str
    entrant_count: int
    algorithm: str
    listing_id: str
    show_id: str
    seller_id: str
    def __init__(self, giveaway_id: _Optional[str] = ..., command_id: _Optional[str] = ..., at_ms: _Optional[int] = ..., winner_id: _Optional[str] = ..., seed: _Optional[str] = ..., entrant_count: _Optional[int] = ..., algorithm: _Optional[str] = ..., listing_id: _Optional[str] = ..., show_id: _Optional[str] = ..., seller_id: _Optional[str] = ...) -> None: ...
