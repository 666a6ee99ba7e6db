#!/bin/bash
# The README's TUI captures: the built binary in tmux at 80×24 with NO_COLOR, driven key by key.
# usage: scripts/capture-tui.sh zh|en   (after npm run build; needs tmux)
set -euo pipefail
language=${1:-zh}
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'tmux -L nianbao-capture kill-server 2>/dev/null || true; rm -rf "$work"' EXIT
mkdir -p "$work/seeds" "$work/fixtures"
for seed in seed-000-lingwu-justice-2024 seed-001-panzhihua-xiqu-justice-2023 seed-002-emin-justice-2024 seed-003-shapotou-justice-2022 seed-004-lingwu-civil-affairs-2024; do
  cp "$root/fixtures/$seed/report.txt" "$work/seeds/$seed.txt"
done
cp "$root/fixtures/constructed-tab-broken-sums/report.txt" "$work/seeds/broken-sums.txt"
cp "$root/fixtures/pingtan-2021-txt/report.txt" "$work/seeds/pingtan-2021.txt"
tmux=(tmux -L nianbao-capture)
"${tmux[@]}" new-session -d -s capture -x 80 -y 24 \
  "env LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=xterm-256color NO_COLOR=1 NIANBAO_LANG=$language node $root/dist/src/cli/main.js tui $work/seeds --fixtures $work/fixtures; sleep 60"
# Each screen once it has settled, trailing blanks cut.
capture() { sleep "${2:-1.0}"; echo "=== $1"; "${tmux[@]}" capture-pane -p -t capture | sed -e 's/[[:space:]]*$//' | sed -e :a -e '/^\n*$/{$d;N;ba' -e '}'; }
key() { "${tmux[@]}" send-keys -t capture "$@"; sleep 0.3; }
sleep 3; capture list
key o; capture sorted
key '?'; capture help; key '?'; key o; key o; key o
# seed 004: the conflict, its source, then 89 corrected to 92
key j j j j j j Enter; capture report
key Enter; capture source
key PageDown; capture source-scrolled
key Escape
key j j j e; capture edit-prompt 0.5
key 92 Enter; key '后文写的是92条' Enter; capture edited
key a; key '微博发布了多少条？' Enter; capture chat 2
key Escape; key s; capture save
key Escape; key Escape
# broken sums: the tables, a row, an edit that breaks it
key k k k k k k k; key Enter; key t; capture tables
key j j j j j j j Enter; capture row
key e; key 536 Enter; key '核对原件' Enter; capture row-edited
key Escape; key Escape; key Escape
# pingtan 2021: an ambiguous row and a pick
key j Enter; key t; capture pingtan-tables
key j j j j j j j j Enter; capture candidates
key 2; key '只有27能使自然人列合计为63' Enter; capture picked
