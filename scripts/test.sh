#!/usr/bin/env bash
# `npm test`: lint, typecheck, unit + integration (vitest), build, bundle/security checks, e2e.
# The keychain tests need a Secret Service: unless one was arranged already (CI does it in .ci/run),
# this runs everything inside a private D-Bus session with a freshly unlocked gnome-keyring, so
# the tests never touch your own keychain.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${CLIQNSHIP_PRIVATE_KEYRING:-}" != "1" ] && [ "$(uname)" = "Linux" ]; then
  exec bash scripts/with-private-keyring.sh bash scripts/test.sh
fi

mkdir -p test-results
rm -f test-results/vitest.json test-results/playwright.json

failed=()
# Every step runs even after a failure, so one run reports everything; the exit code says it all.
step() {
  local name=$1
  shift
  echo
  echo "[test] $name"
  "$@" || failed+=("$name")
}
step lint npm run -s lint
step typecheck npm run -s typecheck
# Build before vitest: the bundle tests (scripts/bundle-*.test.ts) read out/.
step build npm run -s build
step "unit and integration (vitest)" npx vitest run
step "security (electronegativity, bundle secrets)" npx tsx scripts/security.ts
step "e2e (playwright)" npx playwright test

if [ ${#failed[@]} -gt 0 ]; then
  echo
  echo "[test] failed: ${failed[*]}"
  exit 1
fi
echo
echo "[test] all steps passed"
