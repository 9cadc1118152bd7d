#!/usr/bin/env bash
# Installs the .deb as a user would, starts the installed app the way the applications menu
# does, and checks what a user would see: a "Seloste" window, and the database created in the
# user's data folder (~/.local/share/seloste/seloste.db); and the command-line tool beside it:
# /usr/bin/seloste runs, `man seloste` finds its page, the bash/zsh/fish completions are in place.
# Then quits the app and removes the package again (the user's data stays, as apt leaves home
# folders alone).
#
#   bash scripts/test-deb.sh              # builds the .deb first (scripts/package.sh)
#   bash scripts/test-deb.sh FILE.deb     # tests a .deb that is already built
#
# Needs root or sudo (apt-get install). Part of scripts/test.sh, so CI runs it.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

SYSTEM_PACKAGES="$SYSTEM_PACKAGES xvfb x11-utils dbus-daemon desktop-file-utils binutils man-db"
ensure_system_packages

if [ $# -ge 1 ]; then deb=$1; else deb=$(bash scripts/package.sh | tail -n 1); fi
deb=$(realpath "$deb")
pkg=$(dpkg-deb --field "$deb" Package)
passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok: $*"; }
bad() { failed=$((failed + 1)); echo "FAILED: $*" >&2; }
check() { local what=$1; shift; if "$@"; then ok "$what"; else bad "$what"; fi; }

if dpkg -s "$pkg" >/dev/null 2>&1; then
  echo "test-deb.sh: the package '$pkg' is already installed here; remove it first (apt-get remove $pkg)" >&2
  exit 2
fi

tmp=$(mktemp -d)
xvfb_pid=""
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2>/dev/null || true
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  if dpkg -s "$pkg" >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get remove -y -qq "$pkg" >/dev/null 2>&1 || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

# --- the package itself ---
echo "Testing $deb ($(du -h "$deb" | cut -f1))"
depends=$(dpkg-deb --field "$deb" Depends)
echo "Depends: $depends"
has_dep() { tr ',' '\n' <<<"$depends" | sed 's/^ *//; s/ .*//' | grep -qx "$1"; }
check "the package depends on WebKitGTK 4.1" has_dep libwebkit2gtk-4.1-0
check "the package depends on GTK 3" has_dep libgtk-3-0
check "no dependency is listed twice" \
  test -z "$(tr ',' '\n' <<<"$depends" | sed 's/^ *//; s/ .*//' | sort | uniq -d)"
version=$(sed -n '/^\[workspace.package\]/,/^\[/{s/^version = "\(.*\)"/\1/p}' Cargo.toml)
check "the package version is the Cargo version" test "$(dpkg-deb --field "$deb" Version)" = "$version"
contents=$(dpkg-deb --contents "$deb" | awk '{print $NF}' | sed -E 's|^(\./)?/?|/|')
for f in /usr/bin/seloste /usr/share/man/man1/seloste.1.gz /usr/share/man/man1/seloste-check.1.gz \
  /usr/share/bash-completion/completions/seloste /usr/share/zsh/vendor-completions/_seloste \
  /usr/share/fish/vendor_completions.d/seloste.fish; do
  check "the package contains $f" grep -qx "$f" <<<"$contents"
done

# --- install with apt, as a user would (apt resolves the dependencies) ---
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$deb" >"$tmp/apt.log" 2>&1 \
  || { cat "$tmp/apt.log" >&2; bad "apt-get install $deb"; exit 1; }
ok "apt-get install"

desktop=$(dpkg -L "$pkg" | grep '^/usr/share/applications/.*\.desktop$' | head -n 1)
check "a desktop entry is installed ($desktop)" test -f "$desktop"
check "the desktop entry is valid (desktop-file-validate)" desktop-file-validate "$desktop"
check "the desktop entry is in the Office menu" grep -q '^Categories=.*Office;' "$desktop"
check "the desktop entry has a Finnish comment" grep -q '^Comment\[fi\]=' "$desktop"
icon=$(sed -n 's/^Icon=//p' "$desktop")
check "the menu icon '$icon' is installed" bash -c "dpkg -L '$pkg' | grep -q '/usr/share/icons/hicolor/.*/apps/$icon.png'"
exe=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$desktop")
exe=$(command -v "$exe" || true)
check "the menu's command is on PATH ($exe)" test -x "$exe"
check "the shipped binary has no test seam (SELOSTE_EXPORT_DIR is debug-only)" bash -c "! grep -qa SELOSTE_EXPORT_DIR '$exe'"
check "every shared library of $exe is found" bash -c "! ldd '$exe' | grep -q 'not found'"
# Every library the binary links directly comes from a package the .deb depends on (what
# dpkg-shlibdeps would say), apart from the C runtime every Debian system has.
for bin in "$exe" /usr/bin/seloste; do
  undeclared=""
  for lib in $(objdump -p "$bin" | awk '/NEEDED/ {print $2}'); do
    owner=$(dpkg -S "*/$lib" 2>/dev/null | head -n 1 | cut -d: -f1)
    case "$owner" in libc6 | libgcc-s1) continue ;; esac
    has_dep "$owner" || undeclared="$undeclared $lib($owner)"
  done
  check "the package depends on every library $bin links${undeclared:+ (missing:$undeclared)}" test -z "$undeclared"
done

# --- the command-line tool, as a user's shell finds it ---
check "seloste is on PATH as /usr/bin/seloste" test "$(command -v seloste)" = /usr/bin/seloste
check "seloste --version prints the package version" test "$(seloste --version)" = "seloste $version"
check "seloste works (seloste schema prints the JSON Schema)" \
  bash -c "seloste schema | grep -q json-schema.org"
if grep -rqs '^path-exclude=/usr/share/man' /etc/dpkg/dpkg.cfg.d/; then
  echo "note: this system's dpkg leaves man pages out (/etc/dpkg/dpkg.cfg.d), so man -w cannot find them" >&2
fi
check "man -w seloste finds the installed page" test "$(man -w seloste 2>/dev/null)" = /usr/share/man/man1/seloste.1.gz
check "man -w seloste-drafts-list finds a subcommand's page" \
  test "$(man -w seloste-drafts-list 2>/dev/null)" = /usr/share/man/man1/seloste-drafts-list.1.gz
check "the man page renders, with its FILES section" \
  bash -c "MANWIDTH=80 man -P cat seloste 2>/dev/null | grep -q '^FILES'"
check "the bash completion loads and completes seloste" \
  bash -c "source /usr/share/bash-completion/completions/seloste && complete -p seloste"
check "the zsh completion is installed" grep -q '^#compdef seloste' /usr/share/zsh/vendor-completions/_seloste
check "the fish completion is installed" grep -q 'complete -c seloste' /usr/share/fish/vendor_completions.d/seloste.fish

# --- start it as the menu would, in a fresh home folder, under Xvfb ---
display=""
for n in $(seq 90 140); do
  if [ ! -e "/tmp/.X11-unix/X$n" ] && [ ! -e "/tmp/.X$n-lock" ]; then display=":$n"; break; fi
done
Xvfb "$display" -screen 0 1280x1024x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
for _ in $(seq 100); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done

home="$tmp/home"
mkdir -p "$home"
env -i PATH=/usr/local/bin:/usr/bin:/bin HOME="$home" USER="$(id -un)" LANG=C.UTF-8 \
  DISPLAY="$display" WEBKIT_DISABLE_COMPOSITING_MODE=1 \
  dbus-run-session -- "$exe" >"$tmp/app.log" 2>&1 &
session_pid=$!

window=""
for _ in $(seq 300); do
  window=$(xwininfo -display "$display" -root -tree 2>/dev/null | grep -m1 '"Seloste"' || true)
  [ -n "$window" ] && break
  kill -0 "$session_pid" 2>/dev/null || break
  sleep 0.1
done
app_pid=$(pgrep -P "$session_pid" -x "$(basename "$exe")" || true)
check "a window titled Seloste opens" test -n "$window"
if [ -n "$window" ]; then
  id=$(awk '{print $1}' <<<"$window")
  # The title can be set a moment before the window is mapped: wait for it (up to 10 s).
  check "the window is shown (mapped and viewable)" \
    bash -c "for _ in \$(seq 100); do xwininfo -display '$display' -id $id 2>/dev/null | grep -q 'Map State: IsViewable' && exit 0; sleep 0.1; done; exit 1"
fi
db="$home/.local/share/seloste/seloste.db"
for _ in $(seq 100); do [ -s "$db" ] && break; sleep 0.1; done
check "the database is created in the user's data folder ($db)" test -s "$db"
check "it is an SQLite database" bash -c "head -c 15 '$db' | grep -q 'SQLite format 3'"
sleep 2
check "the app is still running after its start" test -n "$app_pid" -a -d "/proc/$app_pid"
check "the app printed no panic" bash -c "! grep -q 'panicked' '$tmp/app.log'"

# --- quit it (as the window manager's close would end it) ---
if [ -n "$app_pid" ]; then
  kill -TERM "$app_pid" 2>/dev/null || true
  for _ in $(seq 50); do kill -0 "$app_pid" 2>/dev/null || break; sleep 0.1; done
  check "the app quits" bash -c "! kill -0 $app_pid 2>/dev/null"
  app_pid=""
fi
wait "$session_pid" 2>/dev/null || true
if [ "$failed" -gt 0 ]; then
  echo "--- the app's output ---" >&2
  cat "$tmp/app.log" >&2
fi

# --- remove it again ---
DEBIAN_FRONTEND=noninteractive $SUDO apt-get remove -y -qq "$pkg" >"$tmp/apt.log" 2>&1 \
  || { cat "$tmp/apt.log" >&2; bad "apt-get remove"; }
check "apt-get remove takes the program away" test ! -e "$exe"
check "apt-get remove takes the command-line tool and its man page away" \
  test ! -e /usr/bin/seloste -a ! -e /usr/share/man/man1/seloste.1.gz
check "the user's drafts stay after removal" test -s "$db"

echo "deb: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
