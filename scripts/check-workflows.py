"""What the release pipeline must do, checked on the workflow files and the bundle config
(actionlint checks that they are valid; this checks that they do what issue 20 asks):

- .github/workflows/release.yml runs on a version tag; its build matrix names the four Rust
  targets (Linux x86-64, Windows x86-64, macOS Apple silicon and Intel joined as a universal
  build) and the bundles .deb, AppImage, MSI, NSIS and DMG, built by the official Tauri action;
  the CLI is staged for the .deb before the Tauri build and archived per platform; every signing
  step that reads a secret runs only when it exists, and a step says so when it is skipped; the
  release job downloads every file, writes SHA-256 checksums and uploads them.
- .github/workflows/test.yml runs scripts/test.sh on pushes, on Debian 12.
- src-tauri/tauri.conf.json: the Windows installers bootstrap WebView2 and speak fi/sv/en; the
  .deb carries /usr/bin/seloste, its man pages and bash/zsh/fish completions.

Usage: python3 scripts/check-workflows.py (from the repository root; needs PyYAML).
Prints one "ok:" or "FAILED:" line per check and "workflows: N passed, N failed".
"""

import json
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
passed = 0
failed = 0


def check(what, ok):
    global passed, failed
    if ok:
        passed += 1
        print(f"ok: {what}")
    else:
        failed += 1
        print(f"FAILED: {what}", file=sys.stderr)


def load(rel):
    with open(ROOT / rel, encoding="utf-8") as f:
        return yaml.safe_load(f)


def triggers(workflow):
    # YAML 1.1 reads the key `on` as the boolean true.
    on = workflow.get("on", workflow.get(True))
    return {on: None} if isinstance(on, str) else on or {}


def runs(steps):
    return [s.get("run", "") for s in steps]


def step_index(steps, pred):
    return next((i for i, s in enumerate(steps) if pred(s)), None)


# --- the release workflow ---
release = load(".github/workflows/release.yml")
on = triggers(release)
tags = ((on.get("push") or {}).get("tags")) or []
check("release.yml runs on pushed version tags (v*)", "v*" in tags)
check("release.yml may write releases", (release.get("permissions") or {}).get("contents") == "write")

jobs = release.get("jobs", {})
build = jobs.get("build", {})
include = build.get("strategy", {}).get("matrix", {}).get("include", [])
rust_targets = set()
for entry in include:
    rust_targets.update(t.strip() for t in str(entry.get("rust-targets", "")).split(","))
for target in [
    "x86_64-unknown-linux-gnu",
    "x86_64-pc-windows-msvc",
    "aarch64-apple-darwin",
    "x86_64-apple-darwin",
]:
    check(f"the build matrix names the Rust target {target}", target in rust_targets)
targets = {e.get("target") for e in include}
check("the macOS build is universal (universal-apple-darwin)", "universal-apple-darwin" in targets)
bundles = set()
for entry in include:
    bundles.update(b.strip() for b in str(entry.get("bundles", "")).split(","))
for bundle in ["deb", "appimage", "msi", "nsis", "dmg"]:
    check(f"the build matrix makes the {bundle} bundle", bundle in bundles)
oses = " ".join(str(e.get("os", "")) for e in include)
for runner in ["ubuntu", "windows", "macos"]:
    check(f"a {runner} runner is in the matrix", runner in oses)

steps = build.get("steps", [])
tauri = step_index(steps, lambda s: str(s.get("uses", "")).startswith("tauri-apps/tauri-action@"))
check("the installers are built by the official Tauri action", tauri is not None)
if tauri is not None:
    args = str(steps[tauri].get("with", {}).get("args", ""))
    check("the Tauri action builds the matrix's target and bundles",
          "${{ matrix.target }}" in args and "${{ matrix.bundles }}" in args)
    check("the Tauri action attaches to the draft release",
          "releaseId" in steps[tauri].get("with", {}))
stage = step_index(steps, lambda s: "scripts/cli-dist.sh stage" in s.get("run", ""))
check("the CLI is staged for the .deb before the Tauri build",
      stage is not None and tauri is not None and stage < tauri)
check("the CLI is archived and uploaded for every platform",
      any("scripts/cli-dist.sh archive" in r and "gh release upload" in r for r in runs(steps)))

# Signing: a step that reads a signing secret runs only on its system and only when the secret
# exists (or, on macOS, decides in its script); each system says when signing is skipped.
secret_steps = [s for s in steps if "secrets." in json.dumps(s.get("env", {}))
                and "GITHUB_TOKEN" not in json.dumps(s.get("env", {}))]
check("there are signing steps", len(secret_steps) >= 3)
for s in secret_steps:
    name = s.get("name", "?")
    cond = str(s.get("if", ""))
    guarded = "steps.signing.outputs" in cond or "steps.signing.outputs" in s.get("run", "") \
        or s.get("id") == "signing"
    check(f"the step '{name}' runs only when its secret exists", guarded)
all_runs = "\n".join(runs(steps))
check("Windows signing says when it is skipped", "Windows code signing: SKIPPED" in all_runs)
check("macOS signing says when it is skipped", "macOS code signing: SKIPPED" in all_runs)
check("macOS notarisation says when it is skipped", "macOS notarisation: SKIPPED" in all_runs)

sums = jobs.get("checksums", {})
needs = sums.get("needs", [])
check("the checksum job waits for every build", "build" in (needs if isinstance(needs, list) else [needs]))
sum_runs = "\n".join(runs(sums.get("steps", [])))
check("the release job downloads every file of the release", "gh release download" in sum_runs)
check("the release job writes SHA-256 checksums", re.search(r"sha256sum .*SHA256SUMS\.txt", sum_runs) is not None)
check("the release job uploads the checksums",
      re.search(r"gh release upload .*SHA256SUMS\.txt", sum_runs) is not None)
check("the release is published after the checksums", "--draft=false" in sum_runs)

# --- the test workflow ---
test = load(".github/workflows/test.yml")
check("test.yml runs on pushes", "push" in triggers(test))
suite_runs = [r for job in test.get("jobs", {}).values() for r in runs(job.get("steps", []))]
check("test.yml runs scripts/test.sh", any(r.strip() == "bash scripts/test.sh" for r in suite_runs))
check("the suite runs on Debian 12",
      any(job.get("container") == "debian:12" for job in test.get("jobs", {}).values()))

# --- the bundle config ---
with open(ROOT / "src-tauri/tauri.conf.json", encoding="utf-8") as f:
    conf = json.load(f)
windows = conf["bundle"]["windows"]
check("the Windows installers bootstrap the WebView2 runtime",
      windows.get("webviewInstallMode", {}).get("type")
      in ("embedBootstrapper", "downloadBootstrapper", "offlineInstaller"))
check("the MSI installers are Finnish, Swedish and English",
      {"fi-FI", "sv-SE", "en-US"} <= set(windows.get("wix", {}).get("language", [])))
nsis = windows.get("nsis", {})
check("the NSIS installer is Finnish, Swedish and English",
      {"Finnish", "Swedish", "English"} <= set(nsis.get("languages", [])))
for lang, path in (nsis.get("customLanguageFiles") or {}).items():
    text = (ROOT / "src-tauri" / path).read_text(encoding="utf-8")
    check(f"the NSIS {lang} strings exist and use the {lang} table",
          f"${{LANG_{lang.upper()}}}" in text and "{{" not in text)
files = conf["bundle"]["linux"]["deb"].get("files", {})
for dest in [
    "/usr/bin/seloste",
    "/usr/share/man/man1",
    "/usr/share/bash-completion/completions/seloste",
    "/usr/share/zsh/vendor-completions/_seloste",
    "/usr/share/fish/vendor_completions.d/seloste.fish",
]:
    check(f"the .deb installs {dest}", dest in files)

print(f"workflows: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
