# syntax=docker/dockerfile:1
# One image for every Livebid process; the Kubernetes manifests pick the process with
# `command: [python, -m, livebid_<service>, ...]` (see deploy/k8s/base/).
#
#   docker build -t livebid:dev .
#   docker run --rm --read-only --tmpfs /tmp livebid:dev python -m livebid_bidding api
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
# A default for `docker run`; the manifests always name the process explicitly.
CMD ["python", "-m", "livebid_edge"]
