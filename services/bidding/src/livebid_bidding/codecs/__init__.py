"""Protobuf to domain and back, one module per aggregate; each ends with its `DECIDER`."""
