#!/usr/bin/env bash
# The HTML check (dom-site check site-geldig: src/dom_site/checks/site_valid_html.py) runs the W3C Nu checker, vnu.jar,
# which needs Java 11 or newer. We use the distribution's Java (never one that a
# package downloads). As root we install it with apt-get; otherwise we say what to install.
set -euo pipefail
if command -v java >/dev/null; then
  major="$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)"
  if [ -n "$major" ] && [ "$major" -ge 11 ]; then
    echo "Java: $(command -v java) ($major)"; exit 0
  fi
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Java ontbreekt: installeren met apt-get (Java is missing: installing with apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq openjdk-17-jre-headless >/dev/null
  exit 0
fi
echo "Java 11 of nieuwer ontbreekt — installeer bijvoorbeeld: sudo apt-get install openjdk-17-jre-headless" >&2
echo "(English: Java 11 or newer is missing — install e.g. openjdk-17-jre-headless)" >&2
exit 1
