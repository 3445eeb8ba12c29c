"""HTTP and websocket handlers: parse, authorize, call a service, answer."""
