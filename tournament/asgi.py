"""The ASGI application for uvicorn (``tournament.asgi:app``), configured from the environment."""

from .app import create_app

app = create_app()
