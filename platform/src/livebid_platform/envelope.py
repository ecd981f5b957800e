"""The event envelope: CloudEvents attributes in Kafka headers (binary content mode).

The record value is the protobuf message itself; the record key is the aggregate id; the
headers carry `ce_specversion`, `ce_id`, `ce_type` (the message's full protobuf name, e.g.
`livebid.bidding.v1.HighBidChanged`), `ce_source`, `ce_time`, `ce_subject`,
`content-type` and our extensions `ce_correlationid` and, on events a command caused,
`ce_causationid` (the command's id: how a rebuild knows which commands were decided) and,
on private records, `ce_requestdigest` (a digest of the client request a command came from:
a retry with the same key but another request is recognised).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from google.protobuf import symbol_database
from google.protobuf.message import DecodeError, Message

from livebid_platform import tracing

CONTENT_TYPE = "application/protobuf"
Headers = list[tuple[str, bytes]]


class EnvelopeError(ValueError):
    """A record that is not a well-formed Livebid event (it goes to the dead-letter topic)."""


class UnknownEventType(EnvelopeError):
    """A well-formed envelope of a type this process has no contract for (a newer event)."""


@dataclass(frozen=True)
class Envelope:
    event_id: str
    event_type: str
    source: str
    time_ms: int
    subject: str
    correlation_id: str
    message: Message
    causation_id: str = ""
    request_digest: str = ""

    @property
    def key(self) -> bytes:
        return self.subject.encode()


def ms_to_rfc3339(time_ms: int) -> str:
    return datetime.fromtimestamp(time_ms / 1000, tz=UTC).isoformat(timespec="milliseconds")


def rfc3339_to_ms(text: str) -> int:
    return round(datetime.fromisoformat(text).timestamp() * 1000)


def envelope(
    message: Message,
    *,
    event_id: str,
    source: str,
    subject: str,
    time_ms: int,
    correlation_id: str = "",
    causation_id: str = "",
    request_digest: str = "",
) -> Envelope:
    """Wrap a protobuf message; `subject` is the aggregate id and becomes the record key."""
    return Envelope(
        event_id=event_id,
        event_type=message.DESCRIPTOR.full_name,
        source=source,
        time_ms=time_ms,
        subject=subject,
        correlation_id=correlation_id or event_id,
        message=message,
        causation_id=causation_id,
        request_digest=request_digest,
    )


def to_headers(env: Envelope) -> Headers:
    headers = [
        ("ce_specversion", b"1.0"),
        ("ce_id", env.event_id.encode()),
        ("ce_type", env.event_type.encode()),
        ("ce_source", env.source.encode()),
        ("ce_time", ms_to_rfc3339(env.time_ms).encode()),
        ("ce_subject", env.subject.encode()),
        ("ce_correlationid", env.correlation_id.encode()),
        ("content-type", CONTENT_TYPE.encode()),
    ]
    if env.causation_id:
        headers.append(("ce_causationid", env.causation_id.encode()))
    if env.request_digest:
        headers.append(("ce_requestdigest", env.request_digest.encode()))
    # The trace of whatever this record is written while handling (tracing.py).
    headers.extend(tracing.current_headers())
    return headers


def header_map(headers: Headers | tuple[tuple[str, bytes], ...] | None) -> dict[str, str]:
    return {k: v.decode(errors="replace") for k, v in (headers or ())}


def message_class(event_type: str) -> type[Message]:
    """The generated class for a full protobuf name; its module must have been imported."""
    try:
        cls: type[Message] = symbol_database.Default().GetSymbol(event_type)
    except KeyError:
        raise UnknownEventType(f"unknown event type {event_type!r}") from None
    return cls


def decode(
    value: bytes | None, headers: Headers | tuple[tuple[str, bytes], ...] | None
) -> Envelope:
    """Parse a record back into an Envelope, or raise EnvelopeError saying what is wrong."""
    attrs = header_map(headers)
    missing = [h for h in ("ce_id", "ce_type", "ce_source", "ce_time") if not attrs.get(h)]
    if missing:
        raise EnvelopeError(f"missing CloudEvents headers {missing}")
    if attrs.get("content-type", CONTENT_TYPE) != CONTENT_TYPE:
        raise EnvelopeError(f"unsupported content type {attrs['content-type']!r}")
    message = message_class(attrs["ce_type"])()
    try:
        message.ParseFromString(value or b"")
    except DecodeError as exc:
        raise EnvelopeError(f"cannot parse {attrs['ce_type']}: {exc}") from None
    try:
        time_ms = rfc3339_to_ms(attrs["ce_time"])
    except ValueError:
        raise EnvelopeError(f"bad ce_time {attrs['ce_time']!r}") from None
    return Envelope(
        event_id=attrs["ce_id"],
        event_type=attrs["ce_type"],
        source=attrs["ce_source"],
        time_ms=time_ms,
        subject=attrs.get("ce_subject", ""),
        correlation_id=attrs.get("ce_correlationid", ""),
        message=message,
        causation_id=attrs.get("ce_causationid", ""),
        request_digest=attrs.get("ce_requestdigest", ""),
    )
