#!/usr/bin/env bash
# Builds and launches the Seloste desktop app. On a fresh Debian 12 machine it first installs
# WebKitGTK and the other system packages the build needs (Rust must be installed).
# Set RELEASE=1 for an optimised build. It needs a graphical session (DISPLAY or WAYLAND_DISPLAY).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
ensure_system_packages

profile=()
if [ "${RELEASE:-0}" = 1 ]; then profile=(--release); fi
cargo build --locked -p seloste-app "${profile[@]}"
dir=debug
if [ "${RELEASE:-0}" = 1 ]; then dir=release; fi
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "Seloste is built (target/$dir/seloste-app), but there is no graphical session to open its" >&2
  echo "window in. Run this from a desktop session, or on a headless machine: xvfb-run -a bash scripts/run-app.sh" >&2
  exit 1
fi
exec "target/$dir/seloste-app" "$@"
