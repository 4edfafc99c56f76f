#!/usr/bin/env bash
# The documentation's shell examples (issue 18): every ```sh block of README.md and docs/*.md
# runs as written, in order, each in a new bash (-e -o pipefail) at the root of a scratch copy
# of the repository, so that a wrong command fails CI. Blocks marked
# `<!-- doc-test: skip: REASON -->` are listed, not run; `<!-- doc-test: exit N -->` expects
# status N (tests/README.md). It builds and installs nothing of its own: the copy shares this
# checkout's target directory ($CARGO_TARGET_DIR) and .venv (made by the earlier steps of
# scripts/test-all.sh: cli, c, python, scale), and the copy keeps the files' times, so cargo
# finds what they built fresh. HOME is a scratch folder (what a block installs under
# $HOME/.local stays in it); cargo and rustup keep their own homes.
#   scripts/test-docs.sh                 every block
#   scripts/test-docs.sh --list          the blocks and their markers, run nothing
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
files=(README.md docs/*.md)

if [ "${1:-}" = --list ]; then
    exec python3 scripts/lib/doc_blocks.py --list "${files[@]}"
fi

export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$root/target}
export CARGO_HOME=${CARGO_HOME:-$HOME/.cargo}
export RUSTUP_HOME=${RUSTUP_HOME:-$HOME/.rustup}
source scripts/lib/python-venv.sh
# What the python step installs (maturin among it), so that this step also runs alone: the
# blocks see the environment's bin/ as it is when the copy is made.
"$VENV/bin/python" -m pip install -q --disable-pip-version-check -r bindings-python/requirements-dev.txt

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
repo="$work/repo"
mkdir -p "$repo" "$work/home"

echo "== a scratch copy of the repository (tracked and new files, times kept): $repo"
git ls-files -z --cached --others --exclude-standard |
    tar --null --ignore-failed-read -T - -cf - 2>/dev/null | tar -xf - -C "$repo"
# What the earlier steps built, shared rather than built again. The virtual environment is a
# shell of the real one: its own pyvenv.cfg and bin/ (so that `python3 -m venv .venv` in a block
# works on it as on an existing environment, and touches nothing of the real one), the real
# one's packages (lib/, whose installs go to the real environment).
mkdir "$repo/.venv"
cp -a "$root/$VENV/pyvenv.cfg" "$root/$VENV/bin" "$repo/.venv/"
for dir in lib lib64 include; do
    if [ -e "$root/$VENV/$dir" ]; then ln -s "$root/$VENV/$dir" "$repo/.venv/$dir"; fi
done
ln -s "$CARGO_TARGET_DIR" "$repo/target" 2>/dev/null || true
if [ -d bindings-wasm/node_modules ]; then
    ln -s "$root/bindings-wasm/node_modules" "$repo/bindings-wasm/node_modules"
fi

echo "== the table sizes README.md states are those cen --version gives"
cargo run --quiet -p cen-cli -- --version >"$work/version.txt"
python3 - "$work/version.txt" <<'PY'
import re, sys
rows = dict(re.findall(r"^  (\w+) .*\((\d+) rows\)$", open(sys.argv[1]).read(), re.M))
readme = open("README.md").read()
for table, said in {"unlocode": r"UN/LOCODE \((\d[\d,]*) entries\)", "airports": r"(\d[\d,]*) airports"}.items():
    found = re.search(said, readme)
    assert found, f"README.md no longer says how many {table} rows it ships"
    assert found.group(1).replace(",", "") == rows[table], \
        f"README.md says {found.group(1)} for {table}, cen --version {rows[table]}"
print(f"README.md: unlocode {rows['unlocode']}, airports {rows['airports']}: as shipped")
PY

echo "== the shell blocks of ${files[*]}"
HOME="$work/home" python3 scripts/lib/doc_blocks.py "$repo" "${files[@]}"
