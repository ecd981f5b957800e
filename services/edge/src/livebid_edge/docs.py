"""The API docs page (/docs) served with its own Swagger UI, so it works without internet.

FastAPI's default page loads Swagger UI from a CDN; this is FastAPI's "self-hosting
JavaScript and CSS for docs" recipe, with the files of the `swagger-ui-py` package
(Swagger UI 5, which renders the OpenAPI 3.1 that FastAPI writes; `swagger-ui-bundle`
ships 4.x, which does not). Create the app with `docs_url=None, redoc_url=None`.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html, get_swagger_ui_oauth2_redirect_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

ASSETS = "/docs-assets"


def swagger_ui_files() -> Path:
    """The directory of Swagger UI's JavaScript and CSS inside the installed package."""
    return Path(str(files("swagger_ui") / "static"))


def serve_docs(app: FastAPI) -> None:
    """Add /docs, its OAuth2 redirect and its assets to `app`, all from this server."""
    app.mount(ASSETS, StaticFiles(directory=swagger_ui_files()), name="docs-assets")
    redirect = "/docs/oauth2-redirect"

    @app.get("/docs", include_in_schema=False)
    async def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url=app.openapi_url or "/openapi.json",
            title=f"{app.title} - docs",
            oauth2_redirect_url=redirect,
            swagger_js_url=f"{ASSETS}/swagger-ui-bundle.js",
            swagger_css_url=f"{ASSETS}/swagger-ui.css",
            swagger_favicon_url=f"{ASSETS}/favicon-32x32.png",
        )

    @app.get(redirect, include_in_schema=False)
    async def oauth2_redirect() -> HTMLResponse:
        return get_swagger_ui_oauth2_redirect_html()
