"""The edge HTTP API that client apps use (OpenAPI docs at /docs). It authenticates callers
and translates HTTP to the services' gRPC APIs; it holds no state of its own."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager

import grpc
from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from pydantic import Field

from livebid_edge import auth
from livebid_edge.bodylimit import BodyLimit
from livebid_edge.clients import Clients, connect
from livebid_edge.docs import serve_docs
from livebid_edge.errors import (
    PROBLEMS,
    UNREADABLE_BODY,
    grpc_error_handler,
    validation_error_handler,
)
from livebid_edge.inputs import Body, Id, Name
from livebid_edge.limits import MAX_CENTS
from livebid_edge.routes_buyer import router as buyer_router
from livebid_edge.routes_catalog import router as catalog_router
from livebid_edge.routes_orders import router as orders_router
from livebid_edge.routes_sales import router as sales_router
from livebid_edge.views import DevToken, Health
from livebid_platform.settings import PlatformSettings
from livebid_platform.tracing import RequestSpans

# Where the app mints its own tokens at /v1/dev/tokens.
DEV_ENVIRONMENTS = frozenset({"development", "test"})


class DevTokenBody(Body):
    user_id: Id
    roles: list[Name] = Field(default=["buyer"], max_length=10)
    verified: bool = True
    follows: list[Id] = Field(default=[], max_length=1_000)
    spending_limit_cents: int = Field(default=0, ge=0, le=MAX_CENTS)


def create_app(
    settings: PlatformSettings,
    connect: Callable[[PlatformSettings], Clients] = connect,
    cors_origins: Sequence[str] = (),
) -> FastAPI:
    """Build the app; its gRPC clients are created by `connect` when it starts, not at
    import (tests pass fakes). `cors_origins`: web pages allowed to call it from a browser."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.clients = connect(settings)
        yield
        await app.state.clients.close()

    # Docs from this server's own files (docs.py); no ReDoc, which would need a CDN.
    app = FastAPI(
        title="Livebid edge API",
        version="0.1.0",
        lifespan=lifespan,
        responses={408: PROBLEMS[408], 413: PROBLEMS[413]},  # any route: see bodylimit.py
        docs_url=None,
        redoc_url=None,
    )
    serve_docs(app)
    app.state.settings = settings
    app.add_middleware(BodyLimit)
    if cors_origins:
        # Bearer tokens, not cookies: no credentials mode, and only the headers we read.
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(cors_origins),
            allow_methods=["GET", "POST", "PUT", "DELETE"],
            allow_headers=["Authorization", "Content-Type", "Idempotency-Key", "traceparent"],
            max_age=600,
        )
    app.add_middleware(RequestSpans)  # outermost: the whole request is in its trace
    app.add_exception_handler(grpc.aio.AioRpcError, grpc_error_handler)
    app.add_exception_handler(RequestValidationError, validation_error_handler)
    app.include_router(catalog_router)
    app.include_router(buyer_router)
    app.include_router(sales_router)
    app.include_router(orders_router)

    @app.get("/healthz", tags=["ops"])
    async def healthz() -> Health:
        return Health(status="ok")

    if settings.environment in DEV_ENVIRONMENTS:
        # Production tokens come from the identity provider: a production app neither
        # serves this route nor lists it in /openapi.json.
        @app.post("/v1/dev/tokens", tags=["dev"], responses=UNREADABLE_BODY)
        async def dev_token(body: DevTokenBody) -> DevToken:
            """Mint a token (development and test only)."""
            token = auth.issue(
                settings.token_secret,
                body.user_id,
                body.roles,
                body.verified,
                follows=body.follows,
                spending_limit_cents=body.spending_limit_cents,
            )
            return DevToken(token=token)

    return app
