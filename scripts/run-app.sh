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
exec "target/$dir/seloste-app" "$@"
