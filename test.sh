#!/usr/bin/env bash
# Runs every test suite: every .NET test project in Touchpoint.slnx (unit and integration tests on SQLite, the PostgreSQL
# suite, the browser end-to-end tests) and the web app's unit tests (Vitest). Ends with one line "N passed, N failed, N skipped".
# PostgreSQL tests need TOUCHPOINT_TEST_POSTGRES (eval "$(.ci/postgres.sh start)" starts a throw-away server); browser
# tests need Chromium. Without them those tests are skipped, except with CI=true, where they fail.
set -u
cd "$(dirname "$0")"
results=$(mktemp -d -t touchpoint-tests.XXXX)
trap 'rm -rf "$results"' EXIT
passed=0 failed=0 skipped=0

if [ -z "${TOUCHPOINT_TEST_POSTGRES:-}" ]; then
  echo "note: TOUCHPOINT_TEST_POSTGRES is not set: the PostgreSQL suite is skipped. Install PostgreSQL (apt-get install postgresql postgresql-contrib) and run: eval \"\$(.ci/postgres.sh start)\"; ./test.sh"
fi
if [ ! -x /usr/bin/chromium ] && [ -z "${TOUCHPOINT_CHROMIUM:-}" ]; then
  echo "note: Chromium is not installed: the browser tests are skipped. Install it with: apt-get install chromium fonts-noto-cjk"
fi

echo "== build (server, web app, tests)"
if ! dotnet build Touchpoint.slnx -nologo -clp:ErrorsOnly; then
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi

echo "== .NET tests"
dotnet test Touchpoint.slnx --no-build -nologo --logger "console;verbosity=minimal" --logger trx --results-directory "$results" || true
trx_files=$(find "$results" -name '*.trx')
if [ -n "$trx_files" ]; then
  for trx in $trx_files; do
    counter() { grep -o "<Counters [^>]*" "$trx" | sed -E "s/.* $1=\"([0-9]+)\".*/\1/"; }
    passed=$((passed + $(counter passed))); failed=$((failed + $(counter failed) + $(counter error) + $(counter timeout) + $(counter aborted)))
    # The TRX counters leave skipped tests out; count their results instead.
    skipped=$((skipped + $(grep -o '<UnitTestResult [^>]*outcome="NotExecuted"' "$trx" | wc -l)))
  done
else
  echo "the .NET test run wrote no results"; failed=$((failed + 1))
fi

echo "== web unit tests (Vitest)"
if (cd web && npx vitest run --reporter=default --reporter=json --outputFile="$results/vitest.json"); then :; fi
if [ -f "$results/vitest.json" ]; then
  read -r p f s < <(node -e 'const r=require(process.argv[1]);console.log(r.numPassedTests,r.numFailedTests,r.numPendingTests+r.numTodoTests)' "$results/vitest.json")
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
else
  echo "Vitest wrote no results"; failed=$((failed + 1))
fi

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
