#!/usr/bin/env bash
# Render and validate the Kubernetes manifests offline: every overlay under
# deploy/k8s/overlays, alone and with every combination of deploy/k8s/components,
# against the Kubernetes JSON schemas (strict), the pod hardening rules and the
# references between objects (scripts/k8s_validate.py does the checking).
#
#   scripts/k8s_validate.sh
#
# Installs its own pinned tools into .local/k8s-tools/ (ignored by git), from the
# Go module proxy, PyPI and npm only; needs no cluster and no network beyond those.
# Exit status: 0 when everything passes, non-zero otherwise.
#
# Environment:
#   K8S_VERSIONS   Kubernetes versions whose schemas to validate against
#                  (default "1.30.0,1.37.0": the oldest and newest this project supports)
set -euo pipefail

KUSTOMIZE_VERSION=v5.8.2  # v5.8.3 needs Go 1.27; the machines have Go 1.26
# kubernetes-validate bundles the Kubernetes JSON schemas (1.25 to 1.37), so validation
# never fetches a schema. Its dependencies are pinned too, for a reproducible venv.
PY_REQUIREMENTS=(
  kubernetes-validate==1.37.0
  attrs==26.1.0
  importlib-resources==7.1.0
  jsonschema==4.26.0
  jsonschema-specifications==2025.9.1
  packaging==26.4
  pyyaml==6.0.4
  referencing==0.37.0
  rpds-py==2026.9.1
  typing-extensions==4.16.0
)
K8S_VERSIONS=${K8S_VERSIONS:-1.30.0,1.37.0}

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TOOLS=$ROOT/.local/k8s-tools
started=$SECONDS
cd "$ROOT"
mkdir -p "$TOOLS/bin"

log() { printf 'k8s_validate: %s\n' "$*" >&2; }

# --- kustomize, pinned, built from the Go module proxy --------------------------------
KUSTOMIZE=$TOOLS/bin/kustomize-$KUSTOMIZE_VERSION
if [[ ! -x $KUSTOMIZE ]]; then
  if command -v go >/dev/null; then
    log "installing kustomize $KUSTOMIZE_VERSION with go install (once)"
    # Go's own module and build caches are kept (shared across clones): a second
    # clone on the same machine builds in seconds.
    GOBIN=$TOOLS/bin/tmp GOTOOLCHAIN=local GOFLAGS=-modcacherw \
      go install "sigs.k8s.io/kustomize/kustomize/v5@$KUSTOMIZE_VERSION"
    mv "$TOOLS/bin/tmp/kustomize" "$KUSTOMIZE"
    rmdir "$TOOLS/bin/tmp"
  fi
fi
if [[ -x $KUSTOMIZE ]]; then
  KUSTOMIZE_CMD="$KUSTOMIZE build"
elif command -v kubectl >/dev/null; then
  # No Go toolchain here: fall back to the kustomize built into kubectl, loudly, since
  # its version is whatever kubectl ships.
  log "WARNING: no Go toolchain; rendering with 'kubectl kustomize' ($(kubectl version --client 2>/dev/null | grep -i kustomize || echo 'unknown version')) instead of the pinned kustomize $KUSTOMIZE_VERSION"
  KUSTOMIZE_CMD="kubectl kustomize"
else
  log "ERROR: need Go (to build kustomize $KUSTOMIZE_VERSION) or kubectl"
  exit 2
fi

# --- the Python checker's venv, pinned, from PyPI -------------------------------------
VENV=$TOOLS/venv
STAMP=$VENV/.requirements
WANT=$(printf '%s\n' "${PY_REQUIREMENTS[@]}")
if [[ ! -f $STAMP || "$(cat "$STAMP")" != "$WANT" ]]; then
  log "installing ${PY_REQUIREMENTS[0]} into $VENV (once)"
  rm -rf "$VENV"
  UV=$(command -v "$ROOT/.local/uv/bin/uv" || command -v uv || true)
  if [[ -n $UV ]]; then
    "$UV" venv --quiet --python python3 "$VENV"
    "$UV" pip install --quiet --python "$VENV/bin/python" --no-deps "${PY_REQUIREMENTS[@]}"
  else
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check --no-deps "${PY_REQUIREMENTS[@]}"
  fi
  printf '%s\n' "$WANT" >"$STAMP"
fi

# --- published schemas (Strimzi, KEDA, Prometheus Operator CRDs; AsyncAPI), pinned, from npm
# scripts/published-schemas/package-lock.json pins every package; `npm ci` installs exactly it.
CRDS=$TOOLS/published-schemas
if [[ ! -f $CRDS/package-lock.json ]] || ! cmp -s "$ROOT/scripts/published-schemas/package-lock.json" "$CRDS/package-lock.json"; then
  command -v npm >/dev/null || { log "ERROR: need Node.js and npm (for the CRD schemas)"; exit 2; }
  log "installing the published schemas (Strimzi, KEDA, Prometheus Operator, AsyncAPI) from npm into $CRDS (once)"
  rm -rf "$CRDS"
  mkdir -p "$CRDS"
  cp "$ROOT/scripts/published-schemas/package.json" "$ROOT/scripts/published-schemas/package-lock.json" "$CRDS/"
  (cd "$CRDS" && npm ci --silent --no-audit --no-fund)
fi
# ES modules resolve packages next to the importing file: run the validator from there.
cp "$ROOT"/scripts/published-schemas/*.mjs "$CRDS/"

# --- checkov, pinned, from PyPI (its own venv: it brings many dependencies) -------------
CHECKOV_VERSION=3.3.30
CHECKOV_VENV=$TOOLS/checkov-$CHECKOV_VERSION
if [[ ! -x $CHECKOV_VENV/bin/checkov ]]; then
  log "installing checkov $CHECKOV_VERSION into $CHECKOV_VENV (once)"
  rm -rf "$CHECKOV_VENV"
  UV=$(command -v "$ROOT/.local/uv/bin/uv" || command -v uv || true)
  if [[ -n $UV ]]; then
    "$UV" venv --quiet --python python3 "$CHECKOV_VENV"
    "$UV" pip install --quiet --python "$CHECKOV_VENV/bin/python" "checkov==$CHECKOV_VERSION"
  else
    python3 -m venv "$CHECKOV_VENV"
    "$CHECKOV_VENV/bin/pip" install --quiet --disable-pip-version-check "checkov==$CHECKOV_VERSION"
  fi
fi

# --- render and check -----------------------------------------------------------------
status=0
"$VENV/bin/python" "$ROOT/scripts/k8s_validate.py" \
  --kustomize "$KUSTOMIZE_CMD" \
  --crd-validator "$CRDS/validate.mjs" \
  --checkov "$CHECKOV_VENV/bin/checkov" \
  --kubernetes-versions "$K8S_VERSIONS" \
  --k8s-dir deploy/k8s \
  --out .local/k8s || status=$?
log "done in $((SECONDS - started)) s (exit $status)"
exit "$status"
