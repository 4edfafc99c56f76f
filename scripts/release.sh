#!/usr/bin/env bash
# Builds everything a release of cen publishes into dist/ (issue 17, docs/versioning.md):
#
#   python/cen-VERSION-cp39-abi3-manylinux2014_x86_64.manylinux_2_17_x86_64.whl
#                                                         the abi3 wheel, glibc 2.17 (checked by auditwheel)
#   python/cen-VERSION.tar.gz                             the sdist
#   npm/cen-wasm-VERSION.tgz                              npm pack of bindings-wasm
#   libcen-VERSION-x86_64-linux.tar.gz                    header, libcen.so (SONAME), libcen.a,
#                                                         cen.pc, CMake package, the C example
#   cen-VERSION-x86_64-linux.tar.gz                       the `cen` binary
#   sbom/*.cdx.json                                       CycloneDX: the Rust crates and npm packages
#   SHA256SUMS                                            of every file above
#
# Each package and archive carries the licence texts, LICENSE-MIT and LICENSE-APACHE, and
# NOTICE.md, the notices of the third-party data in the code tables (the wheel in its
# .dist-info/licenses, the others at their top).
#
# It refuses a tree with uncommitted changes, versions that differ between the crates,
# pyproject.toml, package.json and cen.h, and a version that CHANGELOG.md does not describe.
# Everything is written into a temporary folder beside dist/, which replaces dist/ only once
# all of it is written: a failed run leaves the previous dist/ as it was. Idempotent: builds
# that are up to date (target/, as the test steps leave it) are not redone.
#   scripts/release.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

fail() { echo "release: $*" >&2; exit 1; }

# 1. What is released: one version, described, from a clean commit.
version=$(scripts/lib/check_versions.py) || fail "the versions differ (see above); nothing was built"
grep -q "^## \[$version\]" CHANGELOG.md ||
    fail "CHANGELOG.md has no section '## [$version]': describe the release before building it"
if [ -n "$(git status --porcelain --untracked-files=normal)" ]; then
    git status --short >&2
    fail "the work tree has uncommitted changes (above): commit or remove them, so that the release is a commit"
fi
commit=$(git rev-parse HEAD)
echo "== cen $version from $commit"

export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$root/target}
export PATH="$HOME/.cargo/bin:$PATH"
arch=x86_64-linux
[ "$(uname -m)-$(uname -s)" = "x86_64-Linux" ] || fail "this script builds x86_64 Linux artifacts only"

# The staging folder is on the same file system as dist/, so that it replaces dist/ by a rename.
stage=$(mktemp -d "$root/.dist-staging.XXXXXX")
cyclonedx_files=()
cleanup() {
    rm -rf "$stage"
    # npm pack skips symbolic links: the licence texts are copied into the package for it.
    rm -f bindings-wasm/LICENSE-MIT bindings-wasm/LICENSE-APACHE bindings-wasm/NOTICE.md
    # cargo-cyclonedx writes beside each Cargo.toml: never leave those in the tree.
    rm -f "${cyclonedx_files[@]}"
}
trap cleanup EXIT
mkdir -p "$stage/python" "$stage/npm" "$stage/sbom"

echo "== tools"
source scripts/lib/python-venv.sh
"$VENV/bin/python" -m pip install -q --disable-pip-version-check \
    -r bindings-python/requirements-dev.txt -r scripts/release-requirements.txt
CYCLONEDX_VERSION=0.5.9
if [ "$(cargo cyclonedx --version 2>/dev/null)" != "cargo-cyclonedx-cyclonedx $CYCLONEDX_VERSION" ]; then
    echo "cargo install cargo-cyclonedx $CYCLONEDX_VERSION (once)"
    # Unoptimised: it reads Cargo's metadata in well under a second either way, and builds in
    # half the time (as wasm-bindgen-cli in bindings-wasm/scripts/build.sh).
    CARGO_PROFILE_RELEASE_OPT_LEVEL=0 \
        cargo install --quiet --locked --force cargo-cyclonedx --version "$CYCLONEDX_VERSION"
fi

# 2. Python: the code of scripts/test-python.sh's wheel (profile `wheel`, decision 102), linked by zig
# against glibc 2.17 (decision 100): the system's linker on a new system ties the wheel to that
# system's glibc (2.34 on Debian 12), which RHEL 8 or Ubuntu 20.04 do not have.
echo "== Python wheel and sdist"
# maturin finds zig as `python -m ziglang` with the first python on the PATH: the venv's, by an
# absolute path, since zig also compiles mimalloc's C (decision 102) from that crate's folder.
PATH="$root/$VENV/bin:$PATH" "$VENV/bin/maturin" build --quiet --profile wheel --zig \
    --compatibility manylinux2014 -m bindings-python/Cargo.toml --out "$stage/python"
"$VENV/bin/maturin" sdist -m bindings-python/Cargo.toml --out "$stage/python" >/dev/null
wheel=$(ls "$stage"/python/cen-"$version"-cp39-abi3-manylinux*_x86_64.whl) ||
    fail "maturin wrote no manylinux abi3 wheel: $(ls "$stage/python")"
tags=${wheel##*-abi3-}; tags=${tags%.whl}
"$VENV/bin/auditwheel" show "$wheel" >"$stage/auditwheel.txt"
tag=$(tr -s ' \n' ' ' <"$stage/auditwheel.txt" |
    sed -n 's/.*consistent with the following platform tag: "\([^"]*\)".*/\1/p')
[ "$tag" = manylinux_2_17_x86_64 ] && [[ ".$tags." == *".$tag."* ]] ||
    { cat "$stage/auditwheel.txt" >&2; fail "auditwheel gives the wheel ($tags) the tag '$tag', not manylinux_2_17_x86_64"; }
rm "$stage/auditwheel.txt"
ls "$stage/python/cen-$version.tar.gz" >/dev/null || fail "maturin wrote no sdist"
echo "$(basename "$wheel") (auditwheel: $tag), cen-$version.tar.gz"

# 3. npm: bindings-wasm/scripts/build.sh (cargo is fresh after scripts/test-wasm.sh; the
# wasm-bindgen and wasm-opt passes run again, so that the package is never an older build).
echo "== npm package cen-wasm"
bindings-wasm/scripts/build.sh
cp LICENSE-MIT LICENSE-APACHE NOTICE.md bindings-wasm/
(cd bindings-wasm && npm pack --silent --pack-destination "$stage/npm" >/dev/null)
rm bindings-wasm/LICENSE-MIT bindings-wasm/LICENSE-APACHE bindings-wasm/NOTICE.md
tarball="$stage/npm/cen-wasm-$version.tgz"
[ -f "$tarball" ] || fail "npm pack wrote no cen-wasm-$version.tgz"
listing=$(tar -tzf "$tarball")
for file in package/package.json package/js/cen.d.ts package/js/files.d.ts package/js/node.js \
    package/dist/cen_wasm_bg.wasm package/dist/cen_names.txt \
    package/dist/files/cen_wasm_files_bg.wasm package/README.md package/LICENSE-MIT \
    package/LICENSE-APACHE package/NOTICE.md; do
    grep -qx "$file" <<<"$listing" || fail "the npm tarball lacks $file"
done
echo "$(basename "$tarball"): $(grep -c . <<<"$listing") files"

# 4. C: `make install` of bindings-c (the release build of scripts/test-c.sh) into a staging
# prefix, made relocatable: cen.pc and the CMake package find the files from where they are.
echo "== C archive"
cname=libcen-$version-$arch
cdir="$stage/c/$cname"
placeholder=/cen-release-prefix
make --no-print-directory -s -C bindings-c install PREFIX="$placeholder" DESTDIR="$stage/c/destdir"
mv "$stage/c/destdir$placeholder" "$cdir"
sed -i -e "s|^prefix=$placeholder\$|prefix=\${pcfiledir}/../..|" -e "s|$placeholder|\${prefix}|g" \
    "$cdir/lib/pkgconfig/cen.pc"
sed -i -e "s|\"$placeholder/|\"\${_cen_prefix}/|g" \
    -e 's|^set(_cen_libdir |get_filename_component(_cen_prefix "${CMAKE_CURRENT_LIST_DIR}/../../.." ABSOLUTE)\n&|' \
    -e 's|^unset(_cen_libdir)|unset(_cen_prefix)\n&|' \
    "$cdir/lib/cmake/cen/cenConfig.cmake"
! grep -rq "$placeholder" "$cdir" || fail "an absolute path is left in the C archive: $(grep -rl "$placeholder" "$cdir")"
mkdir -p "$cdir/share/cen/examples"
cp examples/c/ncen_transfer.c examples/c/CMakeLists.txt "$cdir/share/cen/examples/"
sed "s/@VERSION@/$version/g" bindings-c/release/README.md >"$cdir/README.md"
cp CHANGELOG.md LICENSE-MIT LICENSE-APACHE NOTICE.md "$cdir/"
tar -C "$stage/c" --owner=0 --group=0 --numeric-owner --sort=name -czf "$stage/$cname.tar.gz" "$cname"
echo "$cname.tar.gz"

# 5. The command line (the release build of `cen`).
echo "== cen binary archive"
cargo build --quiet --release --locked -p cen-cli --bin cen
bname=cen-$version-$arch
mkdir -p "$stage/cli/$bname"
cp "$CARGO_TARGET_DIR/release/cen" "$stage/cli/$bname/cen"
sed "s/@VERSION@/$version/g" cen-cli/release/README.md >"$stage/cli/$bname/README.md"
cp CHANGELOG.md LICENSE-MIT LICENSE-APACHE NOTICE.md "$stage/cli/$bname/"
tar -C "$stage/cli" --owner=0 --group=0 --numeric-owner --sort=name -czf "$stage/$bname.tar.gz" "$bname"
echo "$bname.tar.gz"

# 6. Bills of materials (CycloneDX 1.5 JSON): for each shipped crate (the libraries of
# crates.io, the command line, the C, Python and WebAssembly bindings) every Rust crate it
# depends on, and the npm packages of cen-wasm (its build tools: the package has no dependency).
echo "== SBOM (CycloneDX)"
# cargo-cyclonedx writes PACKAGE.cdx.json beside every Cargo.toml of the workspace.
while read -r dir name; do
    cyclonedx_files+=("$dir/$name.cdx.json")
done < <(cargo metadata --format-version 1 --no-deps --locked | "$VENV/bin/python" -c '
import json, os, sys
for p in json.load(sys.stdin)["packages"]:
    print(os.path.dirname(p["manifest_path"]), p["name"])')
cargo cyclonedx --quiet --format json --spec-version 1.5 --all
for crate in codes-data cen-model cen-rules cen-files cen-cli bindings-c bindings-python bindings-wasm; do
    mv "$crate/$crate.cdx.json" "$stage/sbom/rust-$crate.cdx.json"
done
rm -f "${cyclonedx_files[@]}"
(cd bindings-wasm && npm sbom --sbom-format cyclonedx --sbom-type library) >"$stage/sbom/npm-cen-wasm.cdx.json"
"$VENV/bin/python" - "$stage"/sbom/*.cdx.json <<'PY'
import json, pathlib, sys
for path in map(pathlib.Path, sys.argv[1:]):
    bom = json.loads(path.read_text())
    assert bom["bomFormat"] == "CycloneDX" and bom["metadata"]["component"]["name"], path
    print(f"{path.name}: {len(bom.get('components', []))} components")
PY

# 7. Checksums, then dist/ replaced in one rename.
rm -rf "$stage/c" "$stage/cli"
(cd "$stage" && find . -type f ! -name SHA256SUMS | sed 's|^\./||' | LC_ALL=C sort |
    xargs sha256sum >SHA256SUMS)
chmod 755 "$stage"
if [ -d dist ]; then
    mv dist "$stage.old"
fi
mv "$stage" dist
rm -rf "$stage.old"
echo "== dist/ (cen $version)"
(cd dist && cat SHA256SUMS | awk '{print $2}' | while read -r f; do printf '%10d  %s\n' "$(stat -c %s "$f")" "$f"; done)
