"""Outbound sinks: adapters behind one port (`Sink`), fed by the dispatcher."""
