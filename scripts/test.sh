#!/usr/bin/env bash
# Runs the whole test suite. On a fresh Debian 12 machine it first installs what the tests need.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
ensure_system_packages
cargo test --workspace --locked
