#!/usr/bin/env bash
# version.sh — print Quoteline's version, [Details] Version in FyneApp.toml,
# the one place it is kept. Fails unless it is x.y.z.
set -euo pipefail
cd "$(dirname "$0")/.."
v=$(sed -n '/^\[Details\]/,/^\[/s/^[[:space:]]*Version[[:space:]]*=[[:space:]]*"\([^"]*\)".*/\1/p' FyneApp.toml)
if ! [[ $v =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]]; then
  echo "FyneApp.toml: [Details] Version is '$v', want x.y.z" >&2
  exit 1
fi
echo "$v"
