"""Use cases: load, decide (with ``formats``), persist, publish. Handlers only call these."""
