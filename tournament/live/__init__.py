"""The live feed: the event log (outbox), the hub and its topics, each socket's sink,
replays and snapshots, and the PostgreSQL listener that joins several servers."""
