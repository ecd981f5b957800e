"""Traces (OpenTelemetry, W3C trace context) from a client's request to the notification a
viewer receives: the edge starts a span per request (continuing the caller's `traceparent`
if it sent one), gRPC calls carry it in metadata, and every Kafka record written while
handling something carries its `traceparent` header. A write side and a consumer take the
context of the record they handle: a command's events carry the command's trace, and an
event's notifications the event's. JSON logs carry `trace_id` (logs.py).

The processor starts no span of its own per command: its events carry exactly the
command's `traceparent`, so replaying a recorded log still yields the same bytes.

Spans are exported only where OTEL_EXPORTER_OTLP_ENDPOINT names a collector and an OTLP
exporter package is installed; without one, ids are still made and propagated.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Iterator
from typing import Any

from opentelemetry import context, trace
from opentelemetry.propagators.textmap import default_setter
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.trace.propagation.tracecontext import TraceContextTextMapPropagator

PROPAGATOR = TraceContextTextMapPropagator()
HEADERS = ("traceparent", "tracestate")
tracer = trace.get_tracer("livebid")


def setup(service: str) -> None:
    """Give this process a tracer provider named after its service."""
    provider = TracerProvider(resource=Resource.create({"service.name": service}))
    if os.environ.get("OTEL_EXPORTER_OTLP_ENDPOINT"):
        _add_otlp_exporter(provider)
    trace.set_tracer_provider(provider)


def _add_otlp_exporter(provider: TracerProvider) -> None:
    try:  # an optional package: production images add it, tests need none
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import (
            OTLPSpanExporter,
        )
        from opentelemetry.sdk.trace.export import BatchSpanProcessor
    except ImportError:
        return
    provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter()))


def current_headers() -> list[tuple[str, bytes]]:
    """The current trace context as Kafka headers (none outside a trace)."""
    carrier: dict[str, str] = {}
    PROPAGATOR.inject(carrier, setter=default_setter)
    return [(name, carrier[name].encode()) for name in HEADERS if name in carrier]


def from_pairs(pairs: Iterable[tuple[str, Any]] | None) -> context.Context:
    """The trace context in Kafka headers or gRPC metadata (an empty one if none)."""
    carrier = {
        key: value.decode(errors="replace") if isinstance(value, bytes) else str(value)
        for key, value in pairs or ()
        if key in HEADERS
    }
    return PROPAGATOR.extract(carrier)


@contextlib.contextmanager
def continued(pairs: Iterable[tuple[str, Any]] | None) -> Iterator[None]:
    """Run a block in the trace of the record or call it handles."""
    token = context.attach(from_pairs(pairs))
    try:
        yield
    finally:
        context.detach(token)


def trace_id() -> str:
    """The current trace id (32 hex digits), or "" outside a trace."""
    span_context = trace.get_current_span().get_span_context()
    return format(span_context.trace_id, "032x") if span_context.is_valid else ""


class RequestSpans:
    """ASGI middleware: a server span per HTTP request, continuing the caller's
    `traceparent` header when it sent one (a client app, a load balancer)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = [(k.decode("latin-1"), v) for k, v in scope.get("headers", ())]
        name = f"{scope['method']} {scope['path']}"
        with tracer.start_as_current_span(name, from_pairs(headers), kind=trace.SpanKind.SERVER):
            await self.app(scope, receive, send)
