# The Tauri CLI for scripts/*.sh (sourced). `ensure_tauri_cli` sets $TAURI to a working
# `tauri` binary, installing @tauri-apps/cli into target/tools/ when it is missing or on a
# different minor version than the tauri crate in Cargo.lock (the two must match).

# The version of a package in Cargo.lock, e.g. `lock_version tauri` -> 2.11.6.
lock_version() {
  awk -v name="$1" '$0 == "name = \"" name "\"" { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

# The version of the workspace (the app's version: tauri.conf.json has none, so Cargo's is used).
cargo_package_version() {
  sed -n '/^\[workspace.package\]/,/^\[/{s/^version = "\(.*\)"/\1/p}' Cargo.toml
}

ensure_tauri_cli() {
  local crate minor prefix have
  crate=$(lock_version tauri)
  minor=${crate%.*}
  prefix="$PWD/target/tools"
  TAURI="$prefix/node_modules/.bin/tauri"
  have=$("$TAURI" --version 2>/dev/null | awk '{print $2}') || true
  if [ "${have%.*}" != "$minor" ]; then
    # npm comes with Debian's npm package, or with a nodejs from elsewhere that bundles it.
    if ! command -v npm >/dev/null; then
      $SUDO apt-get update -qq
      DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq npm >/dev/null
    fi
    echo "Installing the Tauri CLI ~$minor (npm @tauri-apps/cli) into target/tools" >&2
    mkdir -p "$prefix"
    npm install --prefix "$prefix" --no-audit --no-fund --loglevel=error "@tauri-apps/cli@~$minor" >&2
    have=$("$TAURI" --version | awk '{print $2}')
  fi
  echo "Tauri CLI $have, tauri crate $crate" >&2
}
