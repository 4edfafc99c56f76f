#!/usr/bin/env python3
"""One version everywhere (docs/versioning.md): prints the workspace version, or says which
file disagrees with it and exits 1.

The version is `[workspace.package] version` in Cargo.toml. Every crate of the workspace
inherits it (`version.workspace = true`) or states the same; the path dependencies of
`[workspace.dependencies]` ask for it; the Python package takes it from Cargo (`dynamic =
["version"]` in pyproject.toml, or the same text); the npm package (bindings-wasm/package.json
and its lock file) and the C header's CEN_VERSION_STRING state the same.

    scripts/lib/check_versions.py          prints 0.1.0, or the differences on stderr
"""

import json
import pathlib
import re
import sys
import tomllib

ROOT = pathlib.Path(__file__).resolve().parents[2]


def main() -> int:
    cargo = tomllib.loads((ROOT / "Cargo.toml").read_text())
    version = cargo["workspace"]["package"]["version"]
    wrong: list[str] = []

    def expect(where: str, found: object) -> None:
        if found != version:
            wrong.append(f"{where}: {found!r}")

    for member in cargo["workspace"]["members"]:
        package = tomllib.loads((ROOT / member / "Cargo.toml").read_text())["package"]
        stated = package.get("version")
        if stated != {"workspace": True}:
            expect(f"{member}/Cargo.toml [package] version", stated)
    for name, dep in cargo["workspace"].get("dependencies", {}).items():
        if isinstance(dep, dict) and "path" in dep:
            # A requirement such as "0.1.0" (or "=0.1.0") must name this version.
            expect(f"Cargo.toml [workspace.dependencies] {name} version",
                   str(dep.get("version", "")).lstrip("=^"))

    project = tomllib.loads((ROOT / "bindings-python/pyproject.toml").read_text())["project"]
    if "version" not in project.get("dynamic", []):
        expect("bindings-python/pyproject.toml [project] version", project.get("version"))

    package_json = json.loads((ROOT / "bindings-wasm/package.json").read_text())
    expect("bindings-wasm/package.json version", package_json.get("version"))
    lock = json.loads((ROOT / "bindings-wasm/package-lock.json").read_text())
    expect("bindings-wasm/package-lock.json version", lock.get("version"))
    expect('bindings-wasm/package-lock.json packages[""].version',
           lock.get("packages", {}).get("", {}).get("version"))

    header = (ROOT / "bindings-c/include/cen.h").read_text()
    match = re.search(r'^#define CEN_VERSION_STRING "([^"]*)"', header, re.MULTILINE)
    expect("bindings-c/include/cen.h CEN_VERSION_STRING", match.group(1) if match else None)

    if wrong:
        print(f"version mismatch: Cargo.toml [workspace.package] says {version!r}, but", file=sys.stderr)
        for line in wrong:
            print(f"  {line}", file=sys.stderr)
        print("give every file the same version (docs/versioning.md, 'Making a release')",
              file=sys.stderr)
        return 1
    print(version)
    return 0


if __name__ == "__main__":
    sys.exit(main())
