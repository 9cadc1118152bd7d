#!/usr/bin/env bash
# Builds the desktop app in release mode and packages it as a .deb (Debian/Ubuntu):
#   bash scripts/package.sh            -> target/release/bundle/deb/Seloste_<version>_amd64.deb
# (under $CARGO_TARGET_DIR when that is set). The package also carries the command-line tool
# /usr/bin/seloste with its man pages and bash/zsh/fish completions, staged first by
# scripts/cli-dist.sh (tauri.conf.json `bundle.linux.deb.files`).
# On a fresh Debian 12 machine it first installs the build packages and the Tauri CLI
# (the npm package @tauri-apps/cli, on the same minor version as the tauri crate, into
# target/tools/; nothing is installed globally). Prints the path of the .deb as its last line.
# Only the deb target is built here: AppImage bundling downloads tools and fails offline, and
# MSI/NSIS/DMG need Windows or macOS (their settings are in src-tauri/tauri.conf.json).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
source scripts/tauri-cli.sh

SYSTEM_PACKAGES="$SYSTEM_PACKAGES libwebkit2gtk-4.1-dev libxdo-dev libssl-dev librsvg2-dev file"
ensure_system_packages
ensure_tauri_cli

version=$(cargo_package_version)
started=$(date +%s)
bash scripts/cli-dist.sh stage >&2
# --ci: no prompts. The CLI runs `cargo build --release --locked` for seloste-app, then bundles.
(cd src-tauri && "$TAURI" build --ci --bundles deb -- --locked) >&2
deb="${CARGO_TARGET_DIR:-target}/release/bundle/deb/Seloste_${version}_amd64.deb"
if [ ! -f "$deb" ]; then
  echo "package.sh: the build finished but $deb is missing" >&2
  ls "$(dirname "$deb")" >&2 || true
  exit 1
fi
echo "Built in $(( $(date +%s) - started )) s: $(du -h "$deb" | cut -f1) $deb" >&2
echo "$deb"
