"""Structured JSON logs that carry the current correlation id.

The correlation id lives in a context variable: set it when a request or an event comes in
(from the event's ce_id or the request's header) and every log line written while handling
it carries it, without threading it through every call.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from contextvars import ContextVar

from livebid_platform import tracing

correlation_id: ContextVar[str] = ContextVar("correlation_id", default="")
# The id (ce_id) of the record being handled: a command a write side decides, an event a
# consumer handles. Every log line written meanwhile names it.
event_id: ContextVar[str] = ContextVar("event_id", default="")


class JsonFormatter(logging.Formatter):
    def __init__(self, service: str) -> None:
        super().__init__()
        self.service = service

    def format(self, record: logging.LogRecord) -> str:
        line = {
            "ts": time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created))
            + f".{int(record.msecs):03d}Z",
            "level": record.levelname,
            "service": self.service,
            "logger": record.name,
            "msg": record.getMessage(),
        }
        if cid := correlation_id.get():
            line["correlation_id"] = cid
        if handling := event_id.get():
            line["event_id"] = handling
        if trace := tracing.trace_id():
            line["trace_id"] = trace
        extra = getattr(record, "fields", None)
        if isinstance(extra, dict):
            line.update(extra)
        if record.exc_info:
            line["exc"] = self.formatException(record.exc_info)
        return json.dumps(line, default=str)


def configure(service: str, level: str = "INFO") -> None:
    """Route all logging to stderr as one JSON object per line."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter(service))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    logging.getLogger("aiokafka").setLevel("WARNING")
