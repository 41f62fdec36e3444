#!/usr/bin/env bash
# The project's test command. `npm test` (the CI run): unit + integration (vitest) against a
# throwaway PostgreSQL cluster while the production build is made beside it, then the
# Playwright e2e suite (less its load and fault specs) and the production dependency audit
# (run in the background from the start). `npm run test:full` (FULL=1) adds the load and
# fault specs (see playwright.config.ts), the benchmark's smoke run and the soak test's
# short run. What each runs and how long it takes: docs/testing.md.
# The very last line printed is "N passed, N failed, N skipped" (CI parses it).
#   FULL=1        the full run (what `npm run test:full` sets)
#   SKIP_E2E=1    skip the build and e2e (quick developer run)
#   SKIP_BUILD=1  reuse an existing .next build for e2e
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.." || exit 1

FULL=${FULL:-0}
SKIP_E2E=${SKIP_E2E:-0}
SKIP_BUILD=${SKIP_BUILD:-0}
export FULL
export NEXT_TELEMETRY_DISABLED=1
is_root() { [ "$(id -u)" -eq 0 ]; }
# Infrastructure failure: explain, still end with a closing line CI can parse.
abort() { echo "test.sh: $*" >&2; echo "0 passed, 1 failed, 0 skipped"; exit 1; }

# ---- prerequisites -------------------------------------------------------------------
apt_updated=0
apt_install() { # apt_install PACKAGE... (root only); waits for any other apt/dpkg run first
  local waited=0
  while pgrep -x apt-get >/dev/null || pgrep -x dpkg >/dev/null || pgrep -x apt >/dev/null; do
    [ $waited -eq 0 ] && echo "test.sh: waiting for another apt/dpkg run to finish..." >&2
    waited=$((waited + 5)); [ $waited -gt 1200 ] && break; sleep 5
  done
  if [ $apt_updated -eq 0 ]; then apt-get update -qq || return 1; apt_updated=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=600 "$@"
}
need_pkg() { # need_pkg PACKAGE PATH PURPOSE: install as root, otherwise explain and stop
  if is_root; then
    echo "test.sh: installing Debian package $1 ($2) for the $3" >&2
    apt_install "$1" >&2 || abort "apt-get install $1 failed"
  else
    abort "Debian package $1 ($2) is needed for the $3: sudo apt-get install $1"
  fi
}

if [ ! -d node_modules ]; then npm ci --no-audit --no-fund || abort "npm ci failed"; fi
if [ "$SKIP_E2E" != 1 ] && [ ! -x /usr/bin/chromium ]; then
  need_pkg chromium /usr/bin/chromium "e2e tests"
  [ -x /usr/bin/chromium ] || abort "/usr/bin/chromium still missing after installing chromium"
fi
if ! compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then
  # Debian may start its own cluster on 5432 after installing; we don't use it.
  need_pkg postgresql "/usr/lib/postgresql/*/bin/initdb" "integration tests"
fi

# ---- throwaway database ---------------------------------------------------------------
mkdir -p reports && rm -f reports/*.json
tmp=$(mktemp -d) || abort "mktemp failed"
background=() # pids of the steps started in the background, until waited for
forget() { local keep=() pid; for pid in "${background[@]}"; do [ "$pid" = "$1" ] || keep+=("$pid"); done; background=("${keep[@]}"); }
cleanup() {
  # Silenced so that the summary stays the last line of output.
  for pid in "${background[@]}"; do kill -- "-$pid" 2>/dev/null; done
  bash scripts/pg-test-cluster.sh stop "$tmp" >/dev/null 2>&1
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

url=$(bash scripts/pg-test-cluster.sh start "$tmp") || abort "could not start the test PostgreSQL cluster"
export TEST_DATABASE_URL=$url
echo "test.sh: TEST_DATABASE_URL=$TEST_DATABASE_URL (FULL=$FULL)"
started=$SECONDS
step_started=$SECONDS
stamp() { echo "test.sh: $1 took $((SECONDS - step_started)) s (total $((SECONDS - started)) s)"; step_started=$SECONDS; }

# ---- test steps (each step's exit code is recorded; we carry on) -------------------------
reports=(reports/vitest.json)
exits=()

# The production dependencies: no high or critical advisory (npm audit --omit=dev, or our
# list of known advisories when npm's audit endpoint cannot be reached). Mostly waiting on
# the network, so it runs beside everything else; its output is shown at the end.
echo "test.sh: starting npm run audit in the background"
# Each background step is a process group of its own (setsid), so that it can be ended whole.
setsid npm run audit -- --test-report reports/audit.json >"$tmp/audit.log" 2>&1 &
audit_pid=$!
background+=("$audit_pid")

# The production build is made beside vitest: the two share the CPU better than either
# alone (vitest's last files and the build's type check each keep only one core busy).
# At a lower priority (nice), so that it takes only the CPU that vitest leaves: tests have
# time limits, the build has none.
build_pid=
if [ "$SKIP_E2E" != 1 ] && [ "$SKIP_BUILD" != 1 ]; then
  echo "test.sh: starting next build in the background (its output follows vitest's)"
  setsid nice -n 10 bash -c 'npm run build; rc=$?; echo "test.sh: next build finished after $SECONDS s"; exit $rc' >"$tmp/build.log" 2>&1 &
  build_pid=$!
  background+=("$build_pid")
fi

echo "test.sh: running vitest"
npx vitest run --reporter=default --reporter=json --outputFile.json=reports/vitest.json
exits+=(--exit "vitest=$?")
stamp vitest

if [ "$SKIP_E2E" = 1 ]; then
  echo "test.sh: SKIP_E2E=1 — skipping the production build and the e2e tests"
else
  build_rc=0
  if [ "$SKIP_BUILD" = 1 ]; then
    echo "test.sh: SKIP_BUILD=1 — using the existing .next build"
  else
    echo "test.sh: waiting for next build"
    wait "$build_pid"; build_rc=$?; forget "$build_pid"
    cat "$tmp/build.log"
    exits+=(--exit "build=$build_rc")
    stamp "next build (after vitest)"
  fi
  if [ $build_rc -ne 0 ]; then
    echo "test.sh: FAILED: next build exited with $build_rc — e2e tests not run (counted as 1 failure)"
  else
    echo "test.sh: running playwright"
    npx playwright test
    exits+=(--exit "playwright=$?")
    reports+=(reports/playwright.json)
    stamp playwright
    if [ "$FULL" = 1 ]; then
      # The national benchmark's short run on the same build: a smoke test (no budgets: CI
      # machines are noisy), one test per page, API endpoint and import size.
      echo "test.sh: running npm run bench -- --smoke"
      npm run bench -- --smoke --out reports/bench-smoke --test-report reports/bench-smoke.json
      exits+=(--exit "bench-smoke=$?")
      reports+=(reports/bench-smoke.json)
      stamp "bench smoke"
      # The soak test's short run: 20 signed-in users browsing and editing on PostgreSQL
      # for a minute after a warm-up; fails on any error or a steep memory trend.
      echo "test.sh: running npm run soak -- --ci"
      npm run soak -- --ci --out reports/soak-ci --test-report reports/soak-ci.json
      exits+=(--exit "soak-ci=$?")
      reports+=(reports/soak-ci.json)
      stamp "soak"
    else
      echo "test.sh: the load and fault specs, the benchmark smoke run and the soak run are left out (npm run test:full runs them)"
    fi
  fi
fi

echo "test.sh: npm run audit (started in the background):"
wait "$audit_pid"
exits+=(--exit "audit=$?")
forget "$audit_pid"
cat "$tmp/audit.log"
reports+=(reports/audit.json)
stamp "audit (waited for)"

# ---- summary: the summariser prints the closing line and fails on any failure ----------
echo
node scripts/summarise-test-reports.mjs "${exits[@]}" "${reports[@]}"
exit $?
