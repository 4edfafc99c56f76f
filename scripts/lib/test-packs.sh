# Shared by scripts/test-c.sh, test-python.sh, test-wasm.sh and test-form.sh: the table packs their tests load
# (spec 7.2), written with the `cen` command line into "$CARGO_TARGET_DIR/test-packs/":
#   builtin.pack        `cen tables build` with no input: the built-in tables as a pack;
#   unece-2099-1.pack   UN/LOCODE from the UNECE-format fixtures of cen-cli/tests/fixtures/unece
#                       (ESQ9Z added, ESALG marked for deletion), the rest built in;
#   hs-2099.pack        HS 2022 written from codes-data/data/hs.tsv with subheading 240210
#                       (cigars) left out and a made-up 010195 ("Horses; live, of a test
#                       edition") added, the rest built in.
# Written again on every run (the same bytes each time; a second or two), from the debug `cen`
# that the same target directory holds or builds.
# Needs CARGO_TARGET_DIR (absolute) set; exports CEN_TEST_PACKS, the folder.

build_test_packs() {
    echo "== table packs for the tests (cen tables build)"
    cargo build --quiet -p cen-cli --bin cen
    local cen="$CARGO_TARGET_DIR/debug/cen" dir="$CARGO_TARGET_DIR/test-packs"
    local unece=cen-cli/tests/fixtures/unece
    mkdir -p "$dir"
    "$cen" tables build -o "$dir/builtin.pack" >/dev/null
    "$cen" tables build -o "$dir/unece-2099-1.pack" \
        --unlocode "$unece/2099-1 UNLOCODE CodeListPart1.csv" \
        --unlocode "$unece/2099-1 UNLOCODE CodeListPart2.csv" \
        --unlocode "$unece/2099-1 UNLOCODE CodeListPart3.csv" >/dev/null
    # HS 2022 as shared/codes/hs.csv holds it (section, hscode, description), made from the
    # shipped copy (docs/updating-tables.md does the same).
    awk -F'\t' 'NR == 2 { print "section,hscode,description" }
        NR > 2 && $3 ~ /2022/ && $1 != "240210" {
            gsub(/"/, "\"\"", $4); printf "%s,%s,\"%s\"\n", $2, $1, $4
            if ($1 == "010190") print "I,010195,\"Horses; live, of a test edition\""
        }' codes-data/data/hs.tsv > "$dir/hs-2099.csv"
    "$cen" tables build -o "$dir/hs-2099.pack" --hs "2022=$dir/hs-2099.csv" >/dev/null
    export CEN_TEST_PACKS="$dir"
}
