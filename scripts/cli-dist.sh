#!/usr/bin/env bash
# The command-line tool `seloste` as shipped: the release binary with its manual pages and shell
# completions, both made by the binary itself from its clap definition (`seloste man --dir`,
# `seloste completions SHELL`), so they always match the binary.
#
#   bash scripts/cli-dist.sh stage
#       Builds the release binary for this machine and lays it out in src-tauri/gen/cli/ for the
#       .deb (src-tauri/tauri.conf.json `bundle.linux.deb.files` installs it as /usr/bin/seloste,
#       /usr/share/man/man1/seloste*.1.gz and the bash, zsh and fish completions).
#       scripts/package.sh runs it before `tauri build`; so does the release workflow.
#
#   bash scripts/cli-dist.sh archive TARGET OUT_DIR
#       Builds the binary for a Rust TARGET (`universal-apple-darwin`: both Mac targets joined
#       with lipo) and writes OUT_DIR/seloste-cli-<version>-<TARGET>.tar.gz (.zip on Windows)
#       holding the binary, man/ and completions/. Prints the archive's path as its last line.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/tauri-cli.sh # cargo_package_version

target_dir=${CARGO_TARGET_DIR:-$PWD/target}
version=$(cargo_package_version)

# Writes man/ (gzipped pages) and completions/ for the binary $1 into the folder $2.
write_docs() {
  local bin=$1 out=$2
  rm -rf "$out/man" "$out/completions"
  mkdir -p "$out/man" "$out/completions"
  "$bin" man --dir "$out/man"
  # -n: no name or time stamp in the .gz, so the package is the same on every build.
  gzip -n -9 -f "$out"/man/*.1
  "$bin" completions bash >"$out/completions/seloste.bash"
  "$bin" completions zsh >"$out/completions/_seloste"
  "$bin" completions fish >"$out/completions/seloste.fish"
  "$bin" completions powershell >"$out/completions/_seloste.ps1"
}

stage() {
  local out=src-tauri/gen/cli
  echo "Building the seloste command-line tool (release)" >&2
  cargo build --release --locked -p seloste --bin seloste >&2
  rm -rf "$out"
  mkdir -p "$out"
  # A copy, not a link: the shared target folder may be rebuilt by someone else meanwhile.
  install -m 0755 "$target_dir/release/seloste" "$out/seloste"
  write_docs "$out/seloste" "$out"
  # The .deb gets bash, zsh and fish; PowerShell is for the Windows archive.
  rm -f "$out/completions/_seloste.ps1"
  echo "Staged $("$out/seloste" --version) with $(ls "$out/man" | wc -l) man pages in $out" >&2
}

archive() {
  local target=$1 out_dir=$2 exe=seloste bin
  case "$target" in *windows*) exe=seloste.exe ;; esac
  if [ "$target" = universal-apple-darwin ]; then
    for t in aarch64-apple-darwin x86_64-apple-darwin; do
      cargo build --release --locked -p seloste --bin seloste --target "$t" >&2
    done
    mkdir -p "$target_dir/universal-apple-darwin/release"
    bin="$target_dir/universal-apple-darwin/release/seloste"
    lipo -create -output "$bin" \
      "$target_dir/aarch64-apple-darwin/release/seloste" \
      "$target_dir/x86_64-apple-darwin/release/seloste"
  else
    cargo build --release --locked -p seloste --bin seloste --target "$target" >&2
    bin="$target_dir/$target/release/$exe"
  fi
  local name="seloste-cli-$version-$target"
  local stage_dir
  stage_dir=$(mktemp -d)
  mkdir -p "$stage_dir/$name" "$out_dir"
  cp "$bin" "$stage_dir/$name/$exe"
  # The binary runs here: every archive is built on its own system (the Mac one on Apple
  # silicon, which runs the universal binary natively).
  write_docs "$stage_dir/$name/$exe" "$stage_dir/$name"
  cp README.md "$stage_dir/$name/"
  out_dir=$(cd "$out_dir" && pwd)
  case "$target" in
    *windows*)
      (cd "$stage_dir" && 7z a -tzip -bso0 "$out_dir/$name.zip" "$name") >&2
      echo "$out_dir/$name.zip"
      ;;
    *)
      tar -C "$stage_dir" -czf "$out_dir/$name.tar.gz" "$name"
      echo "$out_dir/$name.tar.gz"
      ;;
  esac
  rm -rf "$stage_dir"
}

case "${1:-}" in
  stage) stage ;;
  archive)
    [ $# -eq 3 ] || { echo "usage: $0 archive TARGET OUT_DIR" >&2; exit 2; }
    archive "$2" "$3"
    ;;
  *)
    echo "usage: $0 stage | archive TARGET OUT_DIR" >&2
    exit 2
    ;;
esac
