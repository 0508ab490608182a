#!/bin/sh
# Install Debian's chromium for headless browser tests. Idempotent; works as root or via sudo.
set -eu
if command -v chromium >/dev/null 2>&1; then
  echo "chromium already installed: $(command -v chromium)"; exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1; then
  SUDO="sudo -n"          # -n: fail instead of prompting (CI has no stdin)
else
  echo "need root or sudo to apt-get install chromium" >&2; exit 1
fi
# env after sudo: sudo resets the environment, so pass DEBIAN_FRONTEND explicitly.
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
  chromium fonts-dejavu-core >/dev/null
command -v chromium
