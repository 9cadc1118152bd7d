# Shared shell helpers for scripts/*.sh.

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi

# Debian packages the build and the tests need; installed only when one is missing.
# The desktop app needs WebKitGTK and friends to build; the end-to-end tests need Xvfb,
# WebKitWebDriver (webkit2gtk-driver), a D-Bus session (the single-instance plugin) and xclip
# (to read back what the app copied); the Word export test opens .docx files in LibreOffice
# headless (libreoffice-writer-nogui gives `soffice` without a GUI toolkit).
SYSTEM_PACKAGES="build-essential pkg-config poppler-utils file
  libwebkit2gtk-4.1-dev libxdo-dev libssl-dev libayatana-appindicator3-dev librsvg2-dev
  xvfb xauth webkit2gtk-driver dbus-x11 xclip imagemagick
  libreoffice-writer-nogui"

ensure_system_packages() {
  local missing=""
  for p in $SYSTEM_PACKAGES; do
    dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"
  done
  if [ -n "$missing" ]; then
    echo "Installing system packages:$missing"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
  fi
}

# tauri-driver (the WebDriver bridge for Tauri apps), from crates.io; installed only when missing.
ensure_tauri_driver() {
  local bin="${CARGO_HOME:-$HOME/.cargo}/bin/tauri-driver"
  if [ ! -x "$bin" ]; then
    echo "Installing tauri-driver"
    cargo install tauri-driver --locked --quiet
  fi
}
