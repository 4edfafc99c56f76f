//! Packs the compact tables of `data/` into static blobs in `OUT_DIR`.
//!
//! `scripts/build_tables.py` decides what the tables hold (see SOURCES.md); this script only
//! checks the files' shape and lays them out for look-ups that need no parsing at run time:
//!
//! - `*.txt`: UTF-8 text, read with `include_str!` (so the compiler checks the encoding):
//!   fixed-width ASCII records (codes, flags) and string pools (names, descriptions);
//! - `*.bin`: little-endian integers, read with `include_bytes!`: direct-index arrays
//!   (alpha-2 → 26², alpha-3 and IATA → 26³), range tables (the entries of a country, or of
//!   a country and a letter, are consecutive),
//!   sorted 16- and 32-bit keys for binary search, and per-record offsets into the pools;
//! - `*.rs`: the small tables (countries, currencies, HS sections, taxonomy, units, editions)
//!   as `static` arrays of structs, `include!`d by the modules that define the structs.
//!
//! The layouts are documented next to the code that reads them (`src/*.rs`).
//! Any malformed row stops the build with the file, line and reason.

#[path = "../src/hs_layout.rs"]
mod hs_layout;
mod labels;
#[path = "../src/layout.rs"]
mod layout;
mod support;

use std::collections::{HashMap, HashSet};
use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use labels::pack_labels;
use support::{alpha_index, compact_row, is_word, names, numeric3, parse, write_if_changed, Row};

fn main() {
    let manifest = PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR"));
    let out = PathBuf::from(env::var_os("OUT_DIR").expect("OUT_DIR"));
    println!("cargo:rerun-if-changed=build");
    let mut b = Builder {
        data: manifest.join("data"),
        fixtures: manifest.join("tests").join("fixtures"),
        out,
        rows: HashMap::new(),
        names: env::var_os("CARGO_FEATURE_NAMES").is_some(),
    };
    b.countries();
    b.currencies();
    b.languages();
    b.unlocode();
    b.airports();
    b.hs();
    let units = b.units();
    b.taxonomy(&units);
    b.labels();
    b.editions();
}

struct Builder {
    data: PathBuf,
    fixtures: PathBuf,
    out: PathBuf,
    /// Rows packed per table, for `editions()`.
    rows: HashMap<&'static str, usize>,
    /// Whether to pack the texts that validation does not need (place and airport names,
    /// remarks, subdivisions, HS descriptions): the `names` feature. Without it the records
    /// keep only what look-ups resolve with, so names read `""`.
    names: bool,
}

impl Builder {
    fn read(&self, dir: &Path, name: &str) -> Option<String> {
        let path = dir.join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        match fs::read(&path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                // A byte-order mark, as some editors write, is not part of the header.
                Ok(mut s) => {
                    if s.starts_with('\u{feff}') {
                        s.drain(..'\u{feff}'.len_utf8());
                    }
                    Some(s)
                }
                Err(_) => panic!("{}: not UTF-8", path.display()),
            },
            Err(_) => None,
        }
    }

    fn read_data(&self, name: &str) -> String {
        match self.read(&self.data, name) {
            Some(s) => s,
            None => panic!(
                "codes-data/data/{name} is missing: run `python3 codes-data/scripts/build_tables.py ../shared/codes`"
            ),
        }
    }

    fn write(&self, name: &str, bytes: &[u8]) {
        write_if_changed(&self.out.join(name), bytes);
    }

    // --- ISO 3166-1 -----------------------------------------------------------------

    fn countries(&mut self) {
        let text = self.read_data("countries.tsv");
        let header = [
            "alpha2", "alpha3", "numeric", "name_en", "name_fr", "name_es", "name_ru", "name_ar",
            "name_pt",
        ];
        let rows = parse("countries.tsv", &text, Some(&header));
        let mut a2 = vec![0u8; 26 * 26];
        let mut a3 = vec![0u8; 26 * 26 * 26];
        let mut rs = String::new();
        writeln!(rs, "static COUNTRIES: [Country; {}] = [", rows.len()).unwrap();
        let mut prev = "";
        for (i, r) in rows.iter().enumerate() {
            let c = &r.cells;
            let at = |why: &str| format!("countries.tsv:{}: {why}", r.line);
            let i2 = alpha_index(c[0], 2).unwrap_or_else(|| panic!("{}", at("bad alpha-2")));
            let i3 = alpha_index(c[1], 3).unwrap_or_else(|| panic!("{}", at("bad alpha-3")));
            assert!(c[0] > prev, "{}", at("not sorted by alpha-2"));
            prev = c[0];
            assert!(a2[i2] == 0 && a3[i3] == 0, "{}", at("duplicate code"));
            let index = u8::try_from(i + 1).expect("at most 254 countries");
            a2[i2] = index;
            a3[i3] = index;
            let numeric = numeric3(c[2]).unwrap_or_else(|| panic!("{}", at("bad numeric")));
            names(&c[3..9], &at);
            let (text, ends) = compact_row(&c[..2], &c[3..9]);
            writeln!(
                rs,
                "    Country {{ text: Cow::Borrowed({text:?}), ends: {ends:?}, numeric: {numeric} }},"
            )
            .unwrap();
        }
        rs.push_str("];\n");
        self.write("countries.rs", rs.as_bytes());
        self.rows.insert("countries", rows.len());
    }

    // --- Names of the six languages ----------------------------------------------------

    /// `languages.tsv` holds one row per language of `Lang::ALL`, in that order: the order is
    /// checked here so that `Lang::index` can index the generated array.
    fn languages(&mut self) {
        let text = self.read_data("languages.tsv");
        let header = [
            "code", "name_en", "name_fr", "name_es", "name_ru", "name_ar", "name_pt",
        ];
        let rows = parse("languages.tsv", &text, Some(&header));
        let codes: Vec<&str> = rows.iter().map(|r| r.cells[0]).collect();
        assert!(
            codes == support::LANGS,
            "languages.tsv: the languages must be {:?} in that order, found {codes:?}",
            support::LANGS
        );
        let mut rs = String::new();
        writeln!(rs, "static LANGUAGE_NAMES: [[&str; 6]; {}] = [", rows.len()).unwrap();
        for r in &rows {
            let at = |why: &str| format!("languages.tsv:{}: {why}", r.line);
            writeln!(rs, "    {},", names(&r.cells[1..7], &at)).unwrap();
        }
        rs.push_str("];\n");
        self.write("language_names.rs", rs.as_bytes());
        self.rows.insert("languages", rows.len());
    }

    // --- ISO 4217 -------------------------------------------------------------------

    fn currencies(&mut self) {
        let text = self.read_data("currencies.tsv");
        let header = [
            "alpha3",
            "numeric",
            "minor_units",
            "flags",
            "name_en",
            "name_fr",
            "name_es",
            "name_ru",
            "name_ar",
            "name_pt",
        ];
        let rows = parse("currencies.tsv", &text, Some(&header));
        let mut a3 = vec![0u8; 26 * 26 * 26];
        let mut rs = String::new();
        writeln!(rs, "static CURRENCIES: [Currency; {}] = [", rows.len()).unwrap();
        let mut prev = "";
        for (i, r) in rows.iter().enumerate() {
            let c = &r.cells;
            let at = |why: &str| format!("currencies.tsv:{}: {why}", r.line);
            let i3 = alpha_index(c[0], 3).unwrap_or_else(|| panic!("{}", at("bad alpha-3")));
            assert!(c[0] > prev, "{}", at("not sorted by alpha-3"));
            prev = c[0];
            assert!(a3[i3] == 0, "{}", at("duplicate code"));
            a3[i3] = u8::try_from(i + 1).expect("at most 254 currencies");
            let numeric = numeric3(c[1]).unwrap_or_else(|| panic!("{}", at("bad numeric")));
            let minor = match c[2] {
                "" => "None".to_string(),
                m => {
                    let v: u8 = m
                        .parse()
                        .unwrap_or_else(|_| panic!("{}", at("bad minor units")));
                    assert!(v <= 9, "{}", at("bad minor units"));
                    format!("Some({v})")
                }
            };
            let (fund, special, superseded) = match c[3] {
                "" => (false, false, ""),
                "fund" => (true, false, ""),
                "special" => (false, true, ""),
                f => match f
                    .strip_prefix("superseded(")
                    .and_then(|s| s.strip_suffix(')'))
                {
                    Some(code) if alpha_index(code, 3).is_some() => (false, false, code),
                    _ => panic!("{}", at("unknown flags")),
                },
            };
            names(&c[4..10], &at);
            let (text, ends) = compact_row(&[c[0], superseded], &c[4..10]);
            writeln!(
                rs,
                "    Currency {{ text: Cow::Borrowed({text:?}), ends: {ends:?}, numeric: {numeric}, minor_units: {minor}, fund: {fund}, special: {special} }},"
            )
            .unwrap();
        }
        rs.push_str("];\n");
        self.write("currencies.rs", rs.as_bytes());
        self.rows.insert("currencies", rows.len());
    }

    // --- UN/LOCODE ------------------------------------------------------------------

    /// Layout (N entries, sorted by code; see `src/unlocode.rs`):
    /// `unlocode_bucket.bin` (26² × 34 + 1) × u32 starts per bucket (alpha-2 index × 34 +
    /// the third character's digit in base 34), searched on the codes of
    /// `unlocode_fixed.txt`, N × 11 ASCII
    /// (code 5, IATA 3, subdivision 3, space-padded); `unlocode_rec.bin` N × 8 (text offset
    /// u32, name length u8, remarks length u8, function index u8, status index × 2 +
    /// withdrawn bit); `unlocode_text.txt` name then remarks; `unlocode.rs` the distinct
    /// function and status strings (`FUNCTIONS`, `STATUSES`, sorted).
    fn unlocode(&mut self) {
        let text = self.read_data("unlocode.tsv");
        let header = [
            "code",
            "function",
            "status",
            "iata",
            "subdivision",
            "withdrawn",
            "name",
            "remarks",
        ];
        let rows = parse("unlocode.tsv", &text, Some(&header));
        let entries: Vec<layout::UnlocodeRow> = rows
            .iter()
            .map(|r| {
                let c = &r.cells;
                layout::UnlocodeRow {
                    code: c[0].into(),
                    function: c[1].into(),
                    status: c[2].into(),
                    iata: c[3].into(),
                    subdivision: c[4].into(),
                    withdrawn: match c[5] {
                        "" => false,
                        "X" => true,
                        _ => panic!("unlocode.tsv:{}: withdrawn must be empty or X", r.line),
                    },
                    name: c[6].into(),
                    remarks: c[7].into(),
                }
            })
            .collect();
        let blobs = layout::unlocode(&entries, self.names).unwrap_or_else(|(i, why)| {
            panic!("unlocode.tsv:{}: {why}", rows[i.min(rows.len() - 1)].line)
        });
        self.write("unlocode_bucket.bin", &blobs.bucket);
        self.write("unlocode_fixed.txt", blobs.fixed.as_bytes());
        self.write("unlocode_rec.bin", &blobs.rec);
        self.write("unlocode_text.txt", blobs.text.as_bytes());
        self.write("unlocode_functions.txt", blobs.functions.as_bytes());
        self.write("unlocode_statuses.txt", blobs.statuses.as_bytes());
        self.rows.insert("unlocode", entries.len());
    }

    // --- Airports -------------------------------------------------------------------

    /// Layout (M entries, sorted by country; see `src/airport.rs`): `airport_iata.bin`
    /// 26³ × u16 (entry + 1, 0 = none); `airport_icao_prefix.bin` 677 × u32 starts per
    /// first-two-letters index into `airport_icao_keys.bin` (M' × u16 last-two-letters
    /// key, sorted within a prefix) and `airport_icao_entries.bin` (M' × u16 entry);
    /// `airport_country.bin` 677 × u32 starts per country;
    /// `airport_fixed.txt` M × 9 ASCII (IATA 3, ICAO 4, country 2, space-padded);
    /// `airport_rec.bin` M × 8 (text offset u32, name, city and subdivision lengths u8, 0);
    /// `airport_text.txt` name, city, subdivision.
    fn airports(&mut self) {
        let text = self.read_data("airports.tsv");
        let header = ["iata", "icao", "country", "subdivision", "city", "name"];
        let rows = parse("airports.tsv", &text, Some(&header));
        let entries: Vec<layout::AirportRow> = rows
            .iter()
            .map(|r| {
                let c = &r.cells;
                layout::AirportRow {
                    iata: c[0].into(),
                    icao: c[1].into(),
                    country: c[2].into(),
                    subdivision: c[3].into(),
                    city: c[4].into(),
                    name: c[5].into(),
                }
            })
            .collect();
        let blobs = layout::airports(&entries, self.names).unwrap_or_else(|(i, why)| {
            panic!("airports.tsv:{}: {why}", rows[i.min(rows.len() - 1)].line)
        });
        self.write("airport_iata.bin", &blobs.iata);
        self.write("airport_icao_prefix.bin", &blobs.icao_prefix);
        self.write("airport_icao_keys.bin", &blobs.icao_keys);
        self.write("airport_icao_entries.bin", &blobs.icao_entries);
        self.write("airport_country.bin", &blobs.country);
        self.write("airport_fixed.txt", blobs.fixed.as_bytes());
        self.write("airport_rec.bin", &blobs.rec);
        self.write("airport_text.txt", blobs.text.as_bytes());
        self.rows.insert("airports", entries.len());
    }

    // --- Harmonized System ----------------------------------------------------------

    /// Layout (K codes of any edition, sorted by code as text; see `src/hs/mod.rs`):
    /// `hs_fixed.txt` K × 6 ASCII (code, space-padded), searched in place; `hs_rec.bin` K × 3
    /// (section index u8, level u8, editions bit mask u8); with names `hs_desc.bin` K × 3 ×
    /// (text offset u32, length u16) and `hs_text.txt` the distinct descriptions;
    /// `hs_correlation_*.bin` the pairs. `hs_sections.rs`: the sections as a static.
    fn hs(&mut self) {
        let text = self.read_data("hs_sections.tsv");
        let sections = parse("hs_sections.tsv", &text, Some(&["section", "name"]));
        let mut rs = String::new();
        writeln!(
            rs,
            "static HS_SECTIONS: [HsSection; {}] = [",
            sections.len()
        )
        .unwrap();
        let mut section_index = HashMap::new();
        for (i, r) in sections.iter().enumerate() {
            let (roman, name) = (r.cells[0], r.cells[1]);
            assert!(
                !roman.is_empty() && roman.bytes().all(|b| b"IVX".contains(&b)) && !name.is_empty(),
                "hs_sections.tsv:{}: bad section",
                r.line
            );
            assert!(
                section_index.insert(roman, i).is_none(),
                "hs_sections.tsv:{}: repeated",
                r.line
            );
            // The names are texts that validation does not need (as the descriptions).
            let name = if self.names { name } else { "" };
            writeln!(rs, "    HsSection {{ roman: {roman:?}, name: {name:?} }},").unwrap();
        }
        rs.push_str("];\n");
        self.write("hs_sections.rs", rs.as_bytes());
        self.rows.insert("hs_sections", sections.len());

        let text = self.read_data("hs.tsv");
        let header = [
            "code",
            "section",
            "editions",
            "description",
            "description_2017",
            "description_2012",
        ];
        let tsv = parse("hs.tsv", &text, Some(&header));
        let mut rows = Vec::with_capacity(tsv.len());
        let mut per_edition = [0usize; 3];
        for r in &tsv {
            let c = &r.cells;
            let at = |why: &str| format!("hs.tsv:{}: {why}", r.line);
            let section = *section_index
                .get(c[1])
                .unwrap_or_else(|| panic!("{}", at("unknown section")));
            let mut editions = 0u8;
            for year in c[2].split(' ') {
                editions |= match year {
                    "2012" => 1,
                    "2017" => 2,
                    "2022" => 4,
                    _ => panic!("{}", at("editions must be 2012, 2017 or 2022")),
                };
            }
            // `description` is the newest edition's text; the other columns those of older
            // editions, empty when the edition lacks the code or words it as the next newer
            // edition does.
            let mut descriptions: [String; 3] = Default::default();
            let mut newer: Option<&str> = None;
            for (slot, (bit, cell)) in [(4u8, c[3]), (2, c[4]), (1, c[5])].into_iter().enumerate() {
                if editions & bit == 0 {
                    assert!(
                        slot == 0 || cell.is_empty(),
                        "{}",
                        at("description for an edition without the code")
                    );
                    continue;
                }
                per_edition[slot] += 1;
                let text = match (newer, cell) {
                    (None, own) => {
                        assert!(
                            slot == 0 || own.is_empty(),
                            "{}",
                            at("the newest edition's text belongs in `description`")
                        );
                        c[3]
                    }
                    (Some(text), "") => text,
                    (Some(_), text) => text,
                };
                newer = Some(text);
                descriptions[slot] = text.to_owned();
            }
            rows.push(hs_layout::HsRow {
                code: c[0].to_owned(),
                section: u8::try_from(section).unwrap(),
                editions,
                descriptions,
            });
        }
        let mut correlations: [Vec<hs_layout::HsPairRow>; 2] = Default::default();
        for (slot, table) in ["hs_correlation_2022_2017", "hs_correlation_2017_2012"]
            .into_iter()
            .enumerate()
        {
            let file = format!("{table}.tsv");
            let text = self.read_data(&file);
            let (ya, yb) = (&table[15..19], &table[20..24]);
            let header = [
                format!("hs{ya}"),
                format!("hs{yb}"),
                "relationship".to_owned(),
            ];
            let header: Vec<&str> = header.iter().map(String::as_str).collect();
            for r in parse(&file, &text, Some(&header)) {
                let c = &r.cells;
                correlations[slot].push(hs_layout::HsPairRow {
                    newer: c[0].to_owned(),
                    older: c[1].to_owned(),
                    relationship: hs_layout::relationship_bits(c[2])
                        .unwrap_or_else(|| panic!("{file}:{}: unknown relationship", r.line)),
                });
            }
            self.rows.insert(table, correlations[slot].len());
        }
        let blobs = hs_layout::hs(
            &rows,
            [&correlations[0], &correlations[1]],
            sections.len(),
            self.names,
        )
        .unwrap_or_else(|why| panic!("hs.tsv: {why}"));
        self.write("hs_fixed.txt", blobs.fixed.as_bytes());
        self.write("hs_rec.bin", &blobs.rec);
        self.write("hs_desc.bin", &blobs.desc);
        self.write("hs_text.txt", blobs.text.as_bytes());
        self.write("hs_correlation_2022_2017.bin", &blobs.correlations[0]);
        self.write("hs_correlation_2017_2012.bin", &blobs.correlations[1]);
        self.rows.insert("hs", per_edition[0]);
        self.rows.insert("hs2017", per_edition[1]);
        self.rows.insert("hs2012", per_edition[2]);
    }

    // --- Units and taxonomy (the project's own tables) --------------------------------

    fn units(&mut self) -> Vec<String> {
        let text = self.read_data("units.tsv");
        let rows = parse("units.tsv", &text, None);
        let mut rs = String::new();
        let mut codes = Vec::new();
        writeln!(rs, "static UNITS: [UnitInfo; {}] = [", rows.len()).unwrap();
        for r in &rows {
            let at = |why: &str| format!("units.tsv:{}: {why}", r.line);
            assert!(
                r.cells.len() == 3,
                "{}",
                at("expected 3 columns: unit, kind, kg_per_unit")
            );
            let (code, kind, factor) = (r.cells[0], r.cells[1], r.cells[2]);
            assert!(is_word(code), "{}", at("bad unit code"));
            assert!(!codes.iter().any(|c| c == code), "{}", at("repeated unit"));
            let kind = match kind {
                "mass" => "Mass",
                "volume" => "Volume",
                "count" => "Count",
                "money" => "Money",
                _ => panic!("{}", at("kind must be mass, volume, count or money")),
            };
            let factor = match factor {
                "" => "None".to_string(),
                f => {
                    let v: f64 = f.parse().unwrap_or_else(|_| panic!("{}", at("bad factor")));
                    assert!(v.is_finite() && v > 0.0, "{}", at("bad factor"));
                    format!("Some({v:?})")
                }
            };
            writeln!(
                rs,
                "    UnitInfo {{ code: {code:?}, kind: UnitKind::{kind}, kg_per_unit: {factor} }},"
            )
            .unwrap();
            codes.push(code.to_string());
        }
        rs.push_str("];\n");
        self.write("units.rs", rs.as_bytes());
        self.rows.insert("units", rows.len());
        codes
    }

    fn taxonomy(&mut self, units: &[String]) {
        let text = self.read_data("taxonomy.tsv");
        let rows = parse("taxonomy.tsv", &text, None);
        // Areas in order of appearance; each area's rows must be together.
        let mut areas: Vec<(&str, Vec<&Row>)> = Vec::new();
        for r in &rows {
            let at = |why: &str| format!("taxonomy.tsv:{}: {why}", r.line);
            assert!(
                r.cells.len() == 3,
                "{}",
                at("expected 3 columns: area, type, units")
            );
            let (area, ty, us) = (r.cells[0], r.cells[1], r.cells[2]);
            assert!(
                is_word(area) && is_word(ty),
                "{}",
                at("bad area or type code")
            );
            let list: Vec<&str> = us.split(' ').collect();
            assert!(
                !us.is_empty() && list.iter().all(|u| units.iter().any(|k| k == u)),
                "{}",
                at("unknown unit")
            );
            for (j, u) in list.iter().enumerate() {
                assert!(!list[..j].contains(u), "{}", at("repeated unit"));
            }
            match areas.last_mut() {
                Some((a, v)) if *a == area => {
                    assert!(
                        !v.iter().any(|x| x.cells[1] == ty),
                        "{}",
                        at("repeated type")
                    );
                    v.push(r);
                }
                _ => {
                    assert!(
                        !areas.iter().any(|(a, _)| *a == area),
                        "{}",
                        at("area rows must be together")
                    );
                    areas.push((area, vec![r]));
                }
            }
        }
        let mut rs = String::new();
        for (i, (area, types)) in areas.iter().enumerate() {
            writeln!(rs, "static AREA_{i}: [GoodsType; {}] = [", types.len()).unwrap();
            for r in types {
                let us: Vec<String> = r.cells[2].split(' ').map(|u| format!("{u:?}")).collect();
                writeln!(
                    rs,
                    "    GoodsType {{ area: {area:?}, code: {:?}, units: &[{}] }},",
                    r.cells[1],
                    us.join(", ")
                )
                .unwrap();
            }
            rs.push_str("];\n");
        }
        writeln!(
            rs,
            "static COMMODITY_AREAS: [CommodityArea; {}] = [",
            areas.len()
        )
        .unwrap();
        for (i, (area, _)) in areas.iter().enumerate() {
            writeln!(
                rs,
                "    CommodityArea {{ code: {area:?}, types: &AREA_{i} }},"
            )
            .unwrap();
        }
        rs.push_str("];\n");
        self.write("taxonomy.rs", rs.as_bytes());
        self.rows.insert("taxonomy", rows.len());
    }

    // --- Labels (the project's own table) -------------------------------------------

    fn labels(&mut self) {
        let rows = match self.read(&self.data, "labels.tsv") {
            Some(text) => pack_labels("labels.tsv", &text, &self.out, "labels"),
            None => {
                println!(
                    "cargo:warning=codes-data/data/labels.tsv is missing: label() finds nothing"
                );
                pack_labels("labels.tsv", "", &self.out, "labels")
            }
        };
        self.rows.insert("labels", rows);
        // The words of the project's own texts (template, command line), packed the same way.
        match self.read(&self.data, "words.tsv") {
            Some(text) => pack_labels("words.tsv", &text, &self.out, "words"),
            None => {
                println!(
                    "cargo:warning=codes-data/data/words.tsv is missing: word() finds nothing"
                );
                pack_labels("words.tsv", "", &self.out, "words")
            }
        };
        // A small fixture, packed the same way, for the loader's unit tests.
        let fixture = self.read(&self.fixtures, "labels.tsv").unwrap_or_default();
        pack_labels(
            "tests/fixtures/labels.tsv",
            &fixture,
            &self.out,
            "labels_fixture",
        );
    }

    // --- Editions -------------------------------------------------------------------

    fn editions(&mut self) {
        let text = self.read_data("editions.tsv");
        let header = ["table", "file", "source", "edition", "licence", "rows"];
        let rows = parse("editions.tsv", &text, Some(&header));
        let mut rs = String::new();
        writeln!(
            rs,
            "static EDITIONS: [Edition<'static>; {}] = [",
            rows.len()
        )
        .unwrap();
        let mut seen = HashSet::new();
        for r in &rows {
            let c = &r.cells;
            let at = |why: &str| format!("editions.tsv:{}: {why}", r.line);
            let packed = *self
                .rows
                .get(c[0])
                .unwrap_or_else(|| panic!("{}", at("no such table")));
            assert!(seen.insert(c[0]), "{}", at("repeated table"));
            if !c[5].is_empty() {
                let stated: usize = c[5]
                    .parse()
                    .unwrap_or_else(|_| panic!("{}", at("bad rows")));
                assert!(
                    stated == packed,
                    "{}",
                    at(&format!(
                        "states {stated} rows but {} has {packed}: run `python3 codes-data/scripts/build_tables.py ../shared/codes`",
                        c[1]
                    ))
                );
            }
            writeln!(
                rs,
                "    Edition {{ table: {:?}, source: {:?}, edition: {:?}, licence: {:?}, rows: {packed} }},",
                c[0], c[2], c[3], c[4]
            )
            .unwrap();
        }
        for table in self.rows.keys() {
            assert!(
                seen.contains(table),
                "editions.tsv: table {table} is not listed"
            );
        }
        rs.push_str("];\n");
        self.write("editions.rs", rs.as_bytes());
    }
}
