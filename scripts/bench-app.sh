#!/usr/bin/env bash
# Measures the desktop app (release build, under Xvfb): cold start, memory with a draft open,
# preview delay after a keystroke. Results: target/e2e-artifacts/app-bench.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
ensure_system_packages
ensure_tauri_driver
export WEBKIT_DISABLE_COMPOSITING_MODE=1
xvfb-run -a -s "-screen 0 1400x1000x24" \
  dbus-run-session -- \
  cargo test --locked --release -p seloste-app --test app_bench -- --ignored --nocapture
