#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with a freshly unlocked gnome-keyring, so tests and
# benchmarks get a real Secret Service without touching your own keychain. Where one was arranged
# already (CLIQNSHIP_PRIVATE_KEYRING=1, as .ci/run does) or on macOS/Windows, it just runs the command.
set -euo pipefail
if [ "${CLIQNSHIP_PRIVATE_KEYRING:-}" = "1" ] || [ "$(uname)" != "Linux" ]; then
  exec "$@"
fi
for tool in dbus-run-session gnome-keyring-daemon; do
  command -v "$tool" >/dev/null || {
    echo "[keyring] $tool is missing: apt-get install -y dbus-x11 gnome-keyring" >&2
    exit 1
  }
done
export CLIQNSHIP_PRIVATE_KEYRING=1
# The daemon keeps its keyring files under XDG_DATA_HOME: a temp folder, never your real keyrings.
keyring_data=$(mktemp -d)
trap 'rm -rf "$keyring_data"' EXIT
export XDG_DATA_HOME="$keyring_data"
dbus-run-session -- sh -c \
  'echo -n private-keyring | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"' \
  sh "$@"
