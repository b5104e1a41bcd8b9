#!/usr/bin/env bash
# Install the package as a user would — `npm pack`, then `npm install -g` of the tarball into a throw-away
# prefix — and run the installed `cpd-credits` from an unrelated folder. Needs the npm registry (for the
# run-time dependencies); leaves nothing behind.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cd "$root"
npm pack --pack-destination "$tmp" >/dev/null
tgz="$(ls "$tmp"/cpd-credits-*.tgz)"
echo "package: $(basename "$tgz"), $(du -k "$tgz" | cut -f1) kB"
npm install -g --prefix "$tmp/prefix" "$tgz" --no-audit --no-fund
export PATH="$tmp/prefix/bin:$PATH"
mkdir "$tmp/elsewhere" && cd "$tmp/elsewhere"
echo "installed: $(command -v cpd-credits), version $(cpd-credits --version)"
cp "$tmp/prefix/lib/node_modules/cpd-credits/assets/samples/hainan.xlsx" .
set +e
cpd-credits check hainan.xlsx --out checked.xlsx > report.txt
code=$?
set -e
[ "$code" = 1 ] || { echo "expected exit 1 (findings), got $code"; exit 1; }
grep -q '教师 36 位' report.txt
[ -s checked.xlsx ]
cpd-credits --help | grep -q '用法：'
echo "ok: the installed cpd-credits checks a roster and writes its copy from any folder"
