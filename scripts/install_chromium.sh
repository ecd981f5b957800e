#!/usr/bin/env bash
# Installs Chromium from Debian's own packages (never a downloaded browser build), for the
# watch page's headless browser test. Needs root, or sudo without a password. Idempotent.
set -euo pipefail
if command -v chromium >/dev/null; then
  exit 0
fi
as_root=()
if [[ $(id -u) -ne 0 ]]; then
  as_root=(sudo -n)
fi
echo "install_chromium: apt-get install chromium (Debian's package)" >&2
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq >&2 || true  # a stale index still often has chromium
"${as_root[@]}" apt-get install -y -qq --no-install-recommends chromium >&2
command -v chromium
