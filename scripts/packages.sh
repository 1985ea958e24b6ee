#!/usr/bin/env bash
# Installs Debian packages the tests need, sourced by scripts/test.sh and scripts/postgres.sh:
#   source scripts/packages.sh; install_packages chromium postgresql
# One apt-get update for everything missing, as root directly or through sudo for any other user.

install_packages() {
  [ "$#" -gt 0 ] || return 0
  local as_root=()
  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null 2>&1; then
      echo "The tests need the Debian packages $*, which are missing; install them as root, or install sudo." >&2
      return 1
    fi
    as_root=(sudo)
  fi
  echo "Installing the Debian packages the tests need: $*"
  "${as_root[@]}" apt-get update \
    && "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@" \
    || { echo "apt-get could not install $*." >&2; return 1; }
}
