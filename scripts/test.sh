#!/usr/bin/env bash
# Runs the whole test suite. On a fresh Debian 12 machine it first installs what the tests need.
#  0. the GitHub Actions workflows: actionlint and the release pipeline's checks
#     (scripts/lint-workflows.sh), first, so a broken workflow fails here before a push;
#  1. the core's unit and integration tests (no GUI);
#  2. the desktop shell's unit tests;
#  3. the end-to-end tests: the real app under Xvfb, driven through tauri-driver and
#     WebKitWebDriver (screenshots land in target/e2e-artifacts/);
#  4. the package: a release build of the .deb, installed with apt, the installed app started
#     under Xvfb, then removed (scripts/test-deb.sh). SELOSTE_SKIP_DEB=1 skips this step, the
#     slowest (a release build), for a quicker run while developing; CI always runs it.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
ensure_system_packages
bash scripts/lint-workflows.sh
ensure_tauri_driver
ensure_html_validator

cargo test --workspace --locked

# The e2e tests are #[ignore]d in plain `cargo test`; here they must run, one at a time.
# Each test gives the app its own XDG data/config folders; dbus-run-session gives the
# single-instance plugin a private bus so no other copy interferes.
export WEBKIT_DISABLE_COMPOSITING_MODE=1
rm -rf target/e2e-artifacts
xvfb-run -a -s "-screen 0 1400x1000x24" \
  dbus-run-session -- \
  cargo test --locked -p seloste-app --test e2e -- --ignored --test-threads=1
echo "End-to-end screenshots: target/e2e-artifacts/"

if [ "${SELOSTE_SKIP_DEB:-0}" = 1 ] && [ "${CI:-}" != true ]; then
  echo "Skipped the .deb install test (SELOSTE_SKIP_DEB=1)"
else
  bash scripts/test-deb.sh
fi
