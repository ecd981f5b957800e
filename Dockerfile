# syntax=docker/dockerfile:1
# One build target per Livebid process, all on the same runtime stage: its entry point, its
# ports and its health check. The Kubernetes manifests name the same entry points
# (`command:` in deploy/k8s/base/; a test checks the two agree, and hadolint lints this file
# in `make lint`).
#
#   docker build --target bidding-api -t livebid/bidding-api:dev .
#   docker run --rm --read-only --tmpfs /tmp livebid/bidding-api:dev
#
# Both stages must use the same base image: the virtual environment's interpreter is a
# symlink to the base image's /usr/local/bin/python3.11. Pin it by digest in production
# builds, e.g. --build-arg PYTHON_IMAGE=python:3.11-slim@sha256:...
ARG PYTHON_IMAGE=python:3.11-slim

FROM ${PYTHON_IMAGE} AS build
# The same uv as the developers' machines, from PyPI.
RUN pip install --no-cache-dir uv==0.13.9
ENV UV_PROJECT_ENVIRONMENT=/app/.venv \
    UV_PYTHON=/usr/local/bin/python3.11 \
    UV_PYTHON_DOWNLOADS=never \
    UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy
WORKDIR /src
COPY . .
# --frozen: exactly uv.lock, never re-resolved. --no-editable: the workspace packages are
# installed into the venv as ordinary packages, so the runtime stage needs no sources.
# Bytecode is compiled here, because the running containers' root filesystem is read-only.
# --no-dev also leaves out the dev tooling (livebid-devtools, livebid-sim); the last check
# fails the build if it ever creeps back in through a service's dependencies.
RUN --mount=type=cache,target=/root/.cache/uv \
    uv sync --frozen --no-dev --no-editable \
 && /app/.venv/bin/python -c "import livebid_catalog, livebid_bidding, livebid_orders, livebid_notifications, livebid_edge" \
 && ! /app/.venv/bin/python -c "import livebid_devtools" 2>/dev/null

FROM ${PYTHON_IMAGE} AS runtime
# uid/gid 10001: no clash with a host or base-image user; matches runAsUser in the manifests.
RUN groupadd --system --gid 10001 livebid \
 && useradd --system --uid 10001 --gid 10001 --no-create-home --home-dir /tmp \
        --shell /usr/sbin/nologin livebid
# Owned by root and not writable by the app user: nothing is written outside /tmp.
COPY --from=build /app/.venv /app/.venv
ENV PATH=/app/.venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    HOME=/tmp
WORKDIR /app
USER 10001:10001
# Every process serves Prometheus metrics here when LIVEBID_METRICS_BIND=0.0.0.0:9464.
EXPOSE 9464

FROM runtime AS catalog
ENV LIVEBID_CATALOG_GRPC=0.0.0.0:50051
EXPOSE 50051
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s \
  CMD ["python", "-m", "livebid_platform.healthcheck", "grpc", "127.0.0.1:50051"]
CMD ["python", "-m", "livebid_catalog"]

FROM runtime AS bidding-api
ENV LIVEBID_BIDDING_GRPC=0.0.0.0:50052
EXPOSE 50052
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s \
  CMD ["python", "-m", "livebid_platform.healthcheck", "grpc", "127.0.0.1:50052"]
CMD ["python", "-m", "livebid_bidding", "api"]

# The processor serves no API: its health check asks its metrics endpoint (the process is
# up); whether it owns partitions shows in livebid_consumer_lag (docs/operations.md).
FROM runtime AS bidding-processor
ENV LIVEBID_METRICS_BIND=0.0.0.0:9464
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s \
  CMD ["python", "-m", "livebid_platform.healthcheck", "http", "127.0.0.1:9464/metrics"]
CMD ["python", "-m", "livebid_bidding", "processor"]

FROM runtime AS orders
ENV LIVEBID_ORDERS_GRPC=0.0.0.0:50053
EXPOSE 50053
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s \
  CMD ["python", "-m", "livebid_platform.healthcheck", "grpc", "127.0.0.1:50053"]
CMD ["python", "-m", "livebid_orders"]

FROM runtime AS notifications
ENV LIVEBID_NOTIFICATIONS_GRPC=0.0.0.0:50054 \
    LIVEBID_NOTIFICATIONS_HTTP=0.0.0.0:8081
EXPOSE 50054 8081
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s \
  CMD ["python", "-m", "livebid_platform.healthcheck", "http", "127.0.0.1:8081/healthz"]
CMD ["python", "-m", "livebid_notifications"]

FROM runtime AS edge
ENV LIVEBID_EDGE_HTTP=0.0.0.0:8080
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=5s --start-period=15s \
  CMD ["python", "-m", "livebid_platform.healthcheck", "http", "127.0.0.1:8080/healthz"]
CMD ["python", "-m", "livebid_edge"]
