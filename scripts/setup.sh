#!/usr/bin/env bash
# Installs what CrmSync needs on this machine, or says exactly what to do.
#   - the .NET 10 SDK (checked; install it from your distribution or Microsoft's packages)
#   - PostgreSQL server binaries, used for the embedded database (Debian/Ubuntu: apt-get install postgresql)
#   - Chromium and chromedriver, for the browser tests (Debian/Ubuntu: apt-get install chromium chromium-driver)
set -euo pipefail

say() { echo "setup: $*" >&2; }

if ! command -v dotnet >/dev/null 2>&1 || ! dotnet --list-sdks 2>/dev/null | grep -q '^10\.'; then
  say "the .NET 10 SDK is missing. Install it (https://learn.microsoft.com/dotnet/core/install/linux), then run this again."
  exit 2
fi

have_postgres() {
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null 2>&1 && return 0
  command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1
}

if ! have_postgres; then
  if command -v apt-get >/dev/null 2>&1; then
    sudo_cmd=""
    if [ "$(id -u)" -ne 0 ]; then
      if command -v sudo >/dev/null 2>&1; then sudo_cmd="sudo"; else
        say "PostgreSQL is missing. As root run: apt-get install -y postgresql"; exit 2; fi
    fi
    say "installing PostgreSQL (apt-get install postgresql)..."
    $sudo_cmd apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq postgresql >/dev/null
  else
    say "PostgreSQL is missing. Install its server package (e.g. 'dnf install postgresql-server' or 'brew install postgresql'),"
    say "or set ConnectionStrings:CrmSync to an existing server."
    exit 2
  fi
fi

# Chromium and chromedriver, for the browser tests (tests/CrmSync.Browser.Tests) only.
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  if command -v apt-get >/dev/null 2>&1 && { [ "$(id -u)" -eq 0 ] || command -v sudo >/dev/null 2>&1; }; then
    sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    say "installing Chromium and chromedriver for the browser tests (apt-get install chromium chromium-driver)..."
    $sudo_cmd apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium chromium-driver >/dev/null \
      || say "could not install Chromium: the browser tests will fail until 'apt-get install chromium chromium-driver' succeeds."
  else
    say "Chromium is missing: the browser tests need it. As root run: apt-get install -y chromium chromium-driver"
  fi
fi

say "ready: $(dotnet --version) SDK; PostgreSQL $(ls -d /usr/lib/postgresql/*/ 2>/dev/null | xargs -n1 basename | sort -V | tail -1 || pg_ctl --version)"
