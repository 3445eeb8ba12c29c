"""Pure bracket logic: plain data in, plain data out.

Nothing in this package imports a database, web framework, asyncio or does I/O, so
every format is unit- and property-tested without a server.
"""
