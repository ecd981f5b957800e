"""Trace context travels in record headers; log lines name the trace and the event."""

from __future__ import annotations

import json
import logging

from livebid_platform import tracing
from livebid_platform.logs import JsonFormatter, event_id

TRACE = "4bf92f3577b34da6a3ce929d0e0e4736"
PARENT = [("traceparent", f"00-{TRACE}-00f067aa0ba902b7-01".encode())]


def test_a_record_written_in_a_trace_carries_it_and_logs_name_it() -> None:
    assert tracing.current_headers() == []  # outside a trace, no header at all
    with tracing.continued(PARENT):
        headers = dict(tracing.current_headers())
        record = logging.LogRecord("t", logging.INFO, __file__, 1, "decided", None, None)
        token = event_id.set("bid:alice:k1")
        line = json.loads(JsonFormatter("bidding").format(record))
        event_id.reset(token)
    assert TRACE in headers["traceparent"].decode()
    assert line["trace_id"] == TRACE and line["event_id"] == "bid:alice:k1"
    assert tracing.trace_id() == ""
