"""The live feed: event log (outbox), in-process hub, websocket protocol."""
