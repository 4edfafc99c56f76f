#!/usr/bin/env bash
# Releases (issue 17, docs/versioning.md): one version in every file that states it.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== one version: Cargo.toml, every crate, pyproject.toml, package.json, cen.h"
version=$(scripts/lib/check_versions.py)
echo "version $version"
grep -q "^## \[$version\]" CHANGELOG.md ||
    { echo "CHANGELOG.md has no section '## [$version]'" >&2; exit 1; }
