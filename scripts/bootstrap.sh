#!/usr/bin/env bash
# Installs what Livebid needs on a fresh machine (Python 3.11, Java 17 and Maven are given):
# a pinned uv in .local/, the locked workspace environment, and the Kafka broker's jars.
# Prints the path of the uv binary on its last line, for the Makefile.
set -euo pipefail
cd "$(dirname "$0")/.."
UV_VERSION=0.13.9
UV=.local/uv/bin/uv
if [[ ! -x $UV ]] || ! $UV --version | grep -q "$UV_VERSION"; then
  echo "bootstrap: installing uv $UV_VERSION into .local/uv" >&2
  python3 -m venv .local/uv
  .local/uv/bin/pip install --quiet --disable-pip-version-check "uv==$UV_VERSION"
fi
echo "bootstrap: syncing the locked environment" >&2
$UV sync --frozen --quiet
echo "bootstrap: fetching Kafka's jars (first time only)" >&2
$UV run --frozen python -m livebid_devtools.localkafka fetch >&2
echo "$UV"
