# Shared by the scripts that build WebAssembly: Debian's rustc-web toolchain with the standard
# library sources (so that std is built for wasm32 with -Zbuild-std) and the wasm-ld linker.

ensure_wasm_toolchain() {
    if ! { [ -x /usr/bin/rustc ] && /usr/bin/rustc --print target-list 2>/dev/null | grep -qx wasm32-unknown-unknown \
        && [ -d /usr/lib/rustlib/src/rust/library ] && [ -x /usr/bin/wasm-ld ]; }; then
        echo "== installing Debian's rustc-web toolchain (once)"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq rustc-web cargo-web rust-web-src lld >/dev/null
    fi
}

# cargo for wasm32-unknown-unknown, in its own target directory.
wasm_cargo() {
    local command=$1
    shift
    RUSTC_BOOTSTRAP=1 RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc \
        CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=/usr/bin/wasm-ld \
        CARGO_TARGET_DIR="${CARGO_TARGET_DIR_WASM:-target/wasm}" \
        /usr/bin/cargo "$command" --target wasm32-unknown-unknown -Zbuild-std=std,panic_abort "$@"
}
