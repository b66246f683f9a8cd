#!/usr/bin/env bash
# The browser tests need Chromium. We only ever use the distribution's package
# (never a browser downloaded by a test tool). As root we install it with apt-get;
# otherwise we say exactly what to install.
set -euo pipefail
for candidate in "${CHROMIUM:-}" /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome; do
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then
    echo "Chromium: $candidate"; exit 0
  fi
done
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Chromium ontbreekt: installeren met apt-get (Chromium is missing: installing with apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "Chromium ontbreekt — installeer het pakket 'chromium' (Debian) of 'chromium-browser' (Ubuntu), bijvoorbeeld: sudo apt-get install chromium" >&2
echo "(English: Chromium is missing — install the 'chromium' package, e.g. sudo apt-get install chromium)" >&2
exit 1
