#!/usr/bin/env bash
# The packed tarball, installed as a user installs it: `npm pack`, then `npm install` of the
# tarball into an empty project and `npm install -g` into a prefix of its own, each resolving its
# dependencies from the registry and building better-sqlite3 as a user's machine does (no
# repository node_modules linked). From an unrelated folder, both copies run the main jobs
# offline, and `npx nianbao` finds each; their result for a seed report must equal the
# repository's own. Needs the npm registry (as `npm ci` does): CI runs it after the tests.
# Usage: scripts/check-install.sh [WORK_DIR]   (prints "install check passed" or exits 1)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="${1:-$(mktemp -d)}"
mkdir -p "$work"
cd "$work"

fail() { echo "install check failed: $*" >&2; exit 1; }

tarball="$(cd "$root" && npm pack --silent --pack-destination "$work" | tail -1)"
[ -f "$work/$tarball" ] || fail "npm pack wrote no tarball"

report="$work/report.txt"
cp "$root/fixtures/seed-004-lingwu-civil-affairs-2024/report.txt" "$report"
# The repository's own result, the yardstick (paths and timings taken out).
normalise() { node -e '
  const result = JSON.parse(require("node:fs").readFileSync(0, "utf8"));
  delete result.source.path;
  if (result.narrative) result.narrative.usage.latencyMs = 0;
  process.stdout.write(JSON.stringify(result));
'; }
node "$root/dist/src/cli/main.js" extract "$report" --json 2>/dev/null | normalise > "$work/expected.json" || true
[ -s "$work/expected.json" ] || fail "the repository's extract gave no result"

# Every command a newcomer runs, from a folder that is neither the repository nor the install.
exercise() {
  local name="$1"; shift
  local run=("$@")
  local here="$work/$name-run"
  mkdir -p "$here"
  (
    cd "$here"
    # No key, no model, no network: the embedded offline rules, as the quick start promises.
    env -u OPENAI_API_KEY -u OPENAI_BASE_URL -u NIANBAO_MODEL "${run[@]}" --version > /dev/null || fail "$name: --version"
    env -u OPENAI_API_KEY -u OPENAI_BASE_URL -u NIANBAO_MODEL "${run[@]}" extract "$report" --json 2>/dev/null | normalise > "$here/result.json" || true
    cmp -s "$here/result.json" "$work/expected.json" || fail "$name: extract differs from the repository's"
    "${run[@]}" batch "$report" --out "$here/batch" > /dev/null 2>&1 || fail "$name: batch"
    for file in reports.csv results.xlsx results.sqlite reports.parquet cells.parquet overview.html; do
      [ -s "$here/batch/$file" ] || fail "$name: batch wrote no $file"
    done
    "${run[@]}" view "$report" --out "$here/view.html" > /dev/null 2>&1 || fail "$name: view"
    grep -q '<html lang="zh-CN">' "$here/view.html" || fail "$name: view is not the Chinese page"
    "${run[@]}" eval --provider rules --dir "$root/fixtures" --fixtures "seed-*" --out "$here/evals" > /dev/null 2>&1 || fail "$name: eval"
    "${run[@]}" tui --help > "$here/tui-help.txt" 2>&1 || fail "$name: tui --help"
    grep -q '用法' "$here/tui-help.txt" || fail "$name: tui --help is not in Chinese"
  )
  echo "$name: extract, batch, view, eval and tui --help work; extract equals the repository's"
}

# A project that depends on nianbao: `npx nianbao` finds its node_modules/.bin.
mkdir -p "$work/project"
(cd "$work/project" && npm init -y > /dev/null && npm install --no-audit --no-fund --prefer-offline "$work/$tarball" > "$work/project-install.log" 2>&1) \
  || { tail -20 "$work/project-install.log" >&2; fail "npm install of the tarball into a project"; }
exercise project sh -c "cd '$work/project' && exec npx --no-install nianbao \"\$@\"" nianbao
# A global install: the bin on PATH, and `npx nianbao` from anywhere finds the global copy.
(npm install -g --prefix "$work/global" --no-audit --no-fund --prefer-offline "$work/$tarball" > "$work/global-install.log" 2>&1) \
  || { tail -20 "$work/global-install.log" >&2; fail "npm install -g of the tarball"; }
exercise global "$work/global/bin/nianbao"
exercise global-npx env "npm_config_prefix=$work/global" "PATH=$work/global/bin:$PATH" npx --no-install nianbao
echo "install check passed"
