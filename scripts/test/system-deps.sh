#!/usr/bin/env bash
# Installs what the tests need and npm cannot: Debian's chromium (Playwright cannot download a
# browser here), postgresql (the second database every integration test runs on) and epubcheck
# (the EPUB validator the sample-ebook tests run, a Java program), varnish with varnish-modules
# (xkey), redis-server, prometheus and its Varnish and Redis exporters (npm run stack and its e2e
# project; promtool checks /metrics and the alerting rules). Does nothing when all are present.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || missing+=(postgresql postgresql-contrib)
command -v varnishd >/dev/null 2>&1 || missing+=(varnish)
ls /usr/lib/*/varnish/vmods/libvmod_xkey.so >/dev/null 2>&1 || missing+=(varnish-modules)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
command -v promtool >/dev/null 2>&1 || missing+=(prometheus)
command -v prometheus-varnish-exporter >/dev/null 2>&1 || missing+=(prometheus-varnish-exporter)
command -v prometheus-redis-exporter >/dev/null 2>&1 || missing+=(prometheus-redis-exporter)
[ -f /usr/share/java/epubcheck.jar ] && command -v java >/dev/null 2>&1 || missing+=(epubcheck)
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing Debian packages: ${missing[*]}"
SUDO=()
[ "$(id -u)" = 0 ] || SUDO=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
