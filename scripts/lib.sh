# Shared shell helpers for scripts/*.sh.

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi

# Debian packages the build and the tests need; installed only when one is missing.
SYSTEM_PACKAGES="build-essential pkg-config poppler-utils"

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
