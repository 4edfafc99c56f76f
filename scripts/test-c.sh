#!/usr/bin/env bash
# The C ABI (bindings-c, issue 6): Rust lints and unit tests of the crate, the committed header
# against a fresh cbindgen run, the C tests (conformance vectors byte for byte, misuse, four
# threads, C++), the same under valgrind memcheck and under ASan+UBSan, an install with
# `make install PREFIX=...`, the example built against that copy with pkg-config and with CMake
# find_package(cen), and a short run of the benchmark. Installs what it needs, idempotently.
set -euo pipefail
cd "$(dirname "$0")/.."

CBINDGEN_VERSION=0.29.4
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$PWD/target}

echo "== tools"
missing=()
for tool in cc:gcc c++:g++ make:make valgrind:valgrind pkg-config:pkg-config cmake:cmake \
    readelf:binutils; do
    command -v "${tool%%:*}" >/dev/null 2>&1 || missing+=("${tool##*:}")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "apt-get install ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if [ "$(cbindgen --version 2>/dev/null)" != "cbindgen $CBINDGEN_VERSION" ]; then
    echo "cargo install cbindgen $CBINDGEN_VERSION"
    cargo install --quiet --locked cbindgen --version "$CBINDGEN_VERSION"
fi
rustup component add rustfmt clippy >/dev/null 2>&1 || true

echo "== cargo fmt, clippy and the Rust unit tests of bindings-c"
cargo fmt -p bindings-c --check
cargo clippy --quiet -p bindings-c --all-targets -- -D warnings
cargo test --quiet --release -p bindings-c

echo "== the committed header is what cbindgen generates"
make --no-print-directory -s -C bindings-c check-header

source scripts/lib/test-packs.sh
build_test_packs
echo "== C tests"
make --no-print-directory -s -C bindings-c test
echo "== C tests under valgrind memcheck"
make --no-print-directory -s -C bindings-c valgrind
echo "== C tests built with AddressSanitizer and UndefinedBehaviorSanitizer (libcen.a)"
make --no-print-directory -s -C bindings-c sanitize

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix="$work/prefix"
echo "== make install PREFIX=$prefix"
make --no-print-directory -s -C bindings-c install PREFIX="$prefix"
for file in include/cen.h lib/libcen.a lib/libcen.so lib/libcen.so.0.1 lib/libcen.so.0.1.0 \
    lib/pkgconfig/cen.pc lib/cmake/cen/cenConfig.cmake lib/cmake/cen/cenConfigVersion.cmake; do
    [ -e "$prefix/$file" ] || { echo "not installed: $file" >&2; exit 1; }
done
readelf -d "$prefix/lib/libcen.so" | grep -q 'SONAME.*\[libcen\.so\.0\.1\]' ||
    { echo "libcen.so has no SONAME libcen.so.0.1" >&2; exit 1; }
export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
version=$(sed -n 's/^#define CEN_VERSION_STRING "\(.*\)"/\1/p' bindings-c/include/cen.h)
[ "$(pkg-config --modversion cen)" = "$version" ] ||
    { echo "cen.pc says $(pkg-config --modversion cen), the header $version" >&2; exit 1; }

# Sample input: the sample records one per line, a blank line, a record given twice
# (CEN-DUP-001) and a line that is not JSON.
input="$work/seizures.ndjson"
{
    for f in examples/records/*.json; do tr -d '\n' <"$f"; echo; done
    echo
    tr -d '\n' <examples/records/long-sea-container.json; echo
    echo '{"reporting_country": "BE",'
} >"$input"
options='{"today": "2026-11-28"}'
records=$(grep -c . "$input")
valid_samples=$(($(ls examples/records/*.json | wc -l) - 1)) # all but invalid-movement.json

# Runs one build of the example and checks what it wrote; its summary goes to $1.summary.
check_transfer() {
    local program=$1 name=$2 status=0
    "$program" "$input" "$work/$name.out" "$options" >"$work/$name.summary" || status=$?
    [ "$status" -eq 1 ] || { echo "$name: exit status $status, expected 1" >&2; exit 1; }
    grep -q "^$records records read, $((valid_samples + 1)) valid, 2 invalid$" "$work/$name.summary" ||
        { echo "$name: wrong summary" >&2; cat "$work/$name.summary" >&2; exit 1; }
    grep -q '^CEN-DUP-001 ' "$work/$name.summary" || { echo "$name: no duplicate" >&2; exit 1; }
    grep -q '^line 10: CEN-SCH-001 ' "$work/$name.summary" || { echo "$name: bad line" >&2; exit 1; }
    [ "$(wc -l <"$work/$name.out")" -eq $((valid_samples + 1)) ] ||
        { echo "$name: wrong number of records written" >&2; exit 1; }
    if grep -E -q '"(persons|companies|narrative|vehicle_registration)"' "$work/$name.out"; then
        echo "$name: nominal data written" >&2; exit 1
    fi
    [ "$(grep -c '"source":"cen"' "$work/$name.out")" -eq $((valid_samples + 1)) ] ||
        { echo "$name: a record without source cen" >&2; exit 1; }
}

echo "== examples/c/ncen_transfer.c with pkg-config --cflags --libs cen"
# shellcheck disable=SC2046 # pkg-config's flags are words
cc -std=c99 -Wall -Wextra -Werror -pedantic -o "$work/ncen_pkgconfig" \
    examples/c/ncen_transfer.c $(pkg-config --cflags --libs cen)
LD_LIBRARY_PATH="$prefix/lib" check_transfer "$work/ncen_pkgconfig" pkgconfig
make --no-print-directory -s -C examples/c OUT="$work" >/dev/null
LD_LIBRARY_PATH="$prefix/lib" check_transfer "$work/ncen_transfer" makefile

echo "== examples/c with CMake find_package(cen), shared and static"
for kind in shared static; do
    cmake -S examples/c -B "$work/cmake-$kind" -DCMAKE_PREFIX_PATH="$prefix" \
        -DCEN_STATIC=$([ $kind = static ] && echo ON || echo OFF) >"$work/cmake-$kind.log" 2>&1 ||
        { cat "$work/cmake-$kind.log" >&2; exit 1; }
    cmake --build "$work/cmake-$kind" >>"$work/cmake-$kind.log" 2>&1 ||
        { cat "$work/cmake-$kind.log" >&2; exit 1; }
    check_transfer "$work/cmake-$kind/ncen_transfer" "cmake-$kind"
    cmp "$work/pkgconfig.out" "$work/cmake-$kind.out"
    # The same summary but for its last line, which names the output file.
    cmp <(head -n -1 "$work/pkgconfig.summary") <(head -n -1 "$work/cmake-$kind.summary")
done
if ldd "$work/cmake-static/ncen_transfer" | grep -q libcen; then
    echo "the static build loads libcen.so" >&2; exit 1
fi
echo "example: 4 builds passed, 0 failed"

echo "== the benchmark runs (2,000 records, one pass: too short for its numbers to mean much;"
echo "   the measurement is bindings-c/bench/run.sh)"
COUNT=2000 TRIALS=1 ROUNDS=1 bindings-c/bench/run.sh
