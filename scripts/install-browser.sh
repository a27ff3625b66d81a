#!/usr/bin/env bash
# Installs what the browser tests (tests/test_web_e2e.py) need, so CI can run
# them instead of skipping them: Debian's chromium and chromium-driver, and
# Selenium in the project's venv when the venv lacks it.
#   bash scripts/install-browser.sh            # then: .venv/bin/python -m pytest tests/test_web_e2e.py
# Idempotent; needs root or sudo for apt-get. PYTHON overrides the venv's python.
set -euo pipefail

cd "$(dirname "$0")/.."
PY="${PYTHON:-.venv/bin/python}"
SELENIUM="selenium==4.51.0"

if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver
fi

# Selenium is pinned in requirements.lock; this only helps a venv made before it was.
if [ -x "$PY" ] && ! "$PY" -c "import selenium" >/dev/null 2>&1; then
  "$PY" -m pip install --quiet "$SELENIUM"
fi

echo "browser: $(chromium --version 2>/dev/null | head -n1)"
echo "driver:  $(chromedriver --version | head -n1)"
[ -x "$PY" ] && echo "selenium: $("$PY" -c 'import selenium; print(selenium.__version__)')"
exit 0
