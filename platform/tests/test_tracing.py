"""Trace context travels in record headers and shows in every log line written in it."""

from __future__ import annotations

import json
import logging

from livebid_platform import tracing
from livebid_platform.logs import JsonFormatter

TRACE = "4bf92f3577b34da6a3ce929d0e0e4736"
PARENT = [("traceparent", f"00-{TRACE}-00f067aa0ba902b7-01".encode())]


def test_a_record_written_in_a_trace_carries_it_and_logs_name_it() -> None:
    assert tracing.current_headers() == []  # outside a trace, no header at all
    with tracing.continued(PARENT):
        headers = dict(tracing.current_headers())
        record = logging.LogRecord("t", logging.INFO, __file__, 1, "decided", None, None)
        line = json.loads(JsonFormatter("bidding").format(record))
    assert TRACE in headers["traceparent"].decode()
    assert line["trace_id"] == TRACE
    assert tracing.trace_id() == ""
