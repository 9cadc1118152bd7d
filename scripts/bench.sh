#!/usr/bin/env bash
# One table of every speed and size target, measured on release builds:
#   bash scripts/bench.sh            # everything
#   bash scripts/bench.sh pdf app    # only the areas whose names contain these words
# It installs what it needs on a fresh Debian 12 machine, builds the desktop app and its .deb
# (scripts/package.sh: the sizes and the app rows measure exactly what ships), then runs
# `cargo bench --bench bench` under Xvfb with a private D-Bus session, so the app can be
# started and driven. Each row: median, spread (min–max, n runs), the target, met or NO.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

# Xvfb, WebKitWebDriver and D-Bus for the app rows; Chromium for the PDF comparison.
SYSTEM_PACKAGES="$SYSTEM_PACKAGES xvfb xauth webkit2gtk-driver dbus-daemon chromium poppler-utils"
ensure_system_packages
if ! command -v tauri-driver >/dev/null && [ ! -x "${CARGO_HOME:-$HOME/.cargo}/bin/tauri-driver" ]; then
  echo "Installing tauri-driver" >&2
  cargo install tauri-driver --locked --quiet
fi

bash scripts/package.sh >/dev/null

export WEBKIT_DISABLE_COMPOSITING_MODE=1
xvfb-run -a -s "-screen 0 1400x1000x24" \
  dbus-run-session -- \
  cargo bench --locked --bench bench -- "$@"
