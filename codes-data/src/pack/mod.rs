//! Table packs (spec 7.2): the code tables as one file, loaded at run time, read by the same
//! code as the built-in tables. The format is documented in `docs/packs.md`.
//!
//! A pack is untrusted input: [`Tables::from_bytes`] checks the size, magic, version,
//! checksum and every offset before it hands out a [`Tables`], and returns a [`PackError`]
//! otherwise; it never panics.

use std::borrow::Cow;
use std::sync::Arc;

use crate::airport::{self, Airport, AirportTable};
use crate::country::{self, Country, CountryTable};
use crate::currency::{self, Currency, CurrencyTable};
use crate::hs::{self, HsEdition, HsEntry, HsPair, HsTable};
use crate::hs_layout::{self, HsCodeRow};
use crate::layout::{self, AirportRow, UnlocodeRow};
use crate::location::{resolve_in, ResolvedLocation};
use crate::sha256::{hex, sha256};
use crate::tsv::clean;
use crate::unlocode::{self, UnLocode, UnlocodeTable};
use crate::Edition;

mod read;
use read::parse;

/// The first 8 bytes of every pack.
pub const PACK_MAGIC: [u8; 8] = *b"CENPACK\0";
/// The format version this library writes. It also reads versions 1 (no countries and
/// currencies) and 2 (no HS editions): the built-in tables stand in for what an older pack
/// lacks.
pub const PACK_VERSION: u32 = 3;
/// The oldest format version this library reads.
pub const PACK_VERSION_OLDEST: u32 = 1;
/// The largest pack accepted (a full pack is about 5 MB): larger input is refused before
/// it is read.
pub const MAX_PACK_BYTES: usize = 64 << 20;
/// Size of the fixed header: magic, version, flags, content length, SHA-256, reserved.
pub const HEADER_BYTES: usize = 64;
const FLAG_NAMES: u32 = 1;

/// Why a pack was refused (the tables in use are unchanged).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PackError {
    /// The file could not be read.
    Io(String),
    /// Larger than [`MAX_PACK_BYTES`].
    TooLarge {
        /// Its size in bytes.
        size: u64,
    },
    /// Shorter than its header says.
    Truncated {
        /// Bytes the header announces (header included).
        expected: u64,
        /// Bytes there are.
        actual: u64,
    },
    /// Does not start with [`PACK_MAGIC`]: not a table pack.
    BadMagic,
    /// A format version this library does not read.
    UnsupportedVersion(u32),
    /// The content does not match its SHA-256 (damaged or altered).
    ChecksumMismatch {
        /// The checksum in the header (hex).
        expected: String,
        /// The checksum of the content (hex).
        actual: String,
    },
    /// The checksum matches but the structure is wrong (a table points outside its bytes,
    /// a section is missing, ...): the pack was not written by `cen tables build`.
    Malformed(String),
    /// Building a pack: an input row is wrong.
    Input(String),
}

impl std::fmt::Display for PackError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PackError::Io(e) => write!(f, "table pack: cannot read: {e}"),
            PackError::TooLarge { size } => write!(
                f,
                "table pack: {size} bytes, more than the {MAX_PACK_BYTES} a pack may have"
            ),
            PackError::Truncated { expected, actual } => write!(
                f,
                "table pack: truncated ({actual} bytes, the header announces {expected})"
            ),
            PackError::BadMagic => write!(f, "table pack: not a table pack (wrong magic)"),
            PackError::UnsupportedVersion(v) => write!(
                f,
                "table pack: format version {v}, this library reads versions {PACK_VERSION_OLDEST} to {PACK_VERSION}"
            ),
            PackError::ChecksumMismatch { expected, actual } => write!(
                f,
                "table pack: checksum mismatch (header {expected}, content {actual}): the file is damaged or was altered"
            ),
            PackError::Malformed(why) => write!(f, "table pack: malformed: {why}"),
            PackError::Input(why) => write!(f, "table pack: bad input: {why}"),
        }
    }
}

impl std::error::Error for PackError {}

fn malformed<T>(why: impl Into<String>) -> Result<T, PackError> {
    Err(PackError::Malformed(why.into()))
}

/// One table's edition as a pack names it.
#[derive(Clone, Debug, PartialEq, Eq)]
struct OwnedEdition {
    table: String,
    source: String,
    edition: String,
    licence: String,
    rows: usize,
}

impl OwnedEdition {
    fn of(e: &Edition<'_>) -> OwnedEdition {
        OwnedEdition {
            table: e.table.into(),
            source: e.source.into(),
            edition: e.edition.into(),
            licence: e.licence.into(),
            rows: e.rows,
        }
    }
}

struct Pack {
    unlocode: UnlocodeTable,
    airports: AirportTable,
    countries: CountryTable,
    currencies: CurrencyTable,
    hs: HsTable,
    editions: Vec<OwnedEdition>,
    sha256: [u8; 32],
    /// The format version the pack was written in.
    version: u32,
}

/// The code tables a validator checks against: the built-in ones ([`Tables::builtin`]) or
/// those of a table pack ([`Tables::load`], [`Tables::from_bytes`]).
///
/// A pack carries the countries, currencies, UN/LOCODE, airport and HS tables (the three HS
/// editions and their correlations); the taxonomy, units and labels are the built-in ones
/// (decisions 77, 98 and 101), and [`Tables::editions`] says which edition of each is in use. Cloning is cheap (a shared pointer), and a `Tables` can be
/// shared between threads.
///
/// ```
/// use codes_data::Tables;
///
/// let builtin = Tables::builtin();
/// // A pack of the built-in tables holds the same bytes, read by the same code.
/// let pack = Tables::from_bytes(&builtin.to_pack_bytes()).unwrap();
/// assert_eq!(pack.unlocode("NLRTM").unwrap().name(), "Rotterdam");
/// assert!(pack.resolve_location("EGLL").unwrap().is_airport());
/// assert_eq!(pack.editions(), builtin.editions());
///
/// // Untrusted bytes give an error, never a panic.
/// assert!(Tables::from_bytes(&[0; 100]).is_err());
/// ```
#[derive(Clone, Default)]
pub struct Tables {
    pack: Option<Arc<Pack>>,
}

impl std::fmt::Debug for Tables {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tables")
            .field("builtin", &self.is_builtin())
            .field("sha256", &self.sha256())
            .finish()
    }
}

impl Tables {
    /// The tables built into the library.
    pub fn builtin() -> Tables {
        Tables { pack: None }
    }

    /// Whether these are the built-in tables (not a pack).
    pub fn is_builtin(&self) -> bool {
        self.pack.is_none()
    }

    /// The bytes of a pack file, unchecked but for their size (at most [`MAX_PACK_BYTES`],
    /// checked before reading), for a host that hands them on ([`Tables::from_bytes`] checks
    /// them).
    pub fn read_file(path: impl AsRef<std::path::Path>) -> Result<Vec<u8>, PackError> {
        use std::io::Read;
        let file = std::fs::File::open(path.as_ref())
            .map_err(|e| PackError::Io(format!("{}: {e}", path.as_ref().display())))?;
        let size = file.metadata().map(|m| m.len()).unwrap_or(0);
        if size > MAX_PACK_BYTES as u64 {
            return Err(PackError::TooLarge { size });
        }
        let mut bytes = Vec::with_capacity(size as usize);
        file.take(MAX_PACK_BYTES as u64 + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| PackError::Io(format!("{}: {e}", path.as_ref().display())))?;
        Ok(bytes)
    }

    /// Reads a pack file (at most [`MAX_PACK_BYTES`], checked before reading).
    pub fn load(path: impl AsRef<std::path::Path>) -> Result<Tables, PackError> {
        let mut bytes = Tables::read_file(path)?;
        let checked = parse(&bytes)?;
        let (meta, mut ranges) = checked.detach();
        // The file's bytes are ours: each section is copied out from the end of the buffer,
        // which is shrunk after each one, so that the file and the tables are never both whole
        // in memory (BENCHMARKS.md, "Table packs").
        ranges.sort_by_key(|(_, range)| std::cmp::Reverse(range.start));
        let mut bodies: Vec<(&'static str, Vec<u8>)> = Vec::with_capacity(ranges.len());
        for (name, range) in ranges {
            if matches!(name, "editions" | "countries" | "currencies") {
                continue; // already read into `meta`
            }
            bodies.push((name, bytes.get(range.clone()).unwrap_or_default().to_vec()));
            bytes.truncate(range.start);
            bytes.shrink_to_fit();
        }
        drop(bytes);
        Ok(Tables::of(meta.assemble(|name| {
            bodies
                .iter()
                .position(|(n, _)| *n == name)
                .map(|i| bodies.swap_remove(i).1)
                .unwrap_or_default()
        })))
    }

    /// Checks and loads a pack held in memory.
    pub fn from_bytes(bytes: &[u8]) -> Result<Tables, PackError> {
        let checked = parse(bytes)?;
        let pack = checked.meta.assemble(|name| {
            checked
                .sections
                .bytes(name)
                .map(<[u8]>::to_vec)
                .unwrap_or_default()
        });
        Ok(Tables::of(pack))
    }

    fn of(pack: Pack) -> Tables {
        Tables {
            pack: Some(Arc::new(pack)),
        }
    }

    /// The format version of the pack (1 or [`PACK_VERSION`]), `None` for the built-in tables.
    pub fn format_version(&self) -> Option<u32> {
        self.pack.as_ref().map(|p| p.version)
    }

    /// The SHA-256 of the pack's content (lower-case hex), `None` for the built-in tables.
    pub fn sha256(&self) -> Option<String> {
        self.pack.as_ref().map(|p| hex(&p.sha256))
    }

    /// The edition, source, licence and rows of every table in use, in the order of
    /// [`editions()`](crate::editions).
    pub fn editions(&self) -> Vec<Edition<'_>> {
        match &self.pack {
            None => crate::editions().to_vec(),
            Some(p) => p
                .editions
                .iter()
                .map(|e| Edition {
                    table: &e.table,
                    source: &e.source,
                    edition: &e.edition,
                    licence: &e.licence,
                    rows: e.rows,
                })
                .collect(),
        }
    }

    fn unlocode_table(&self) -> &UnlocodeTable {
        match &self.pack {
            None => &unlocode::BUILTIN,
            Some(p) => &p.unlocode,
        }
    }

    /// [`crate::country`] in these tables.
    pub fn country(&self, alpha2: &str) -> Option<&Country> {
        match &self.pack {
            None => crate::country(alpha2),
            Some(p) => p.countries.get(alpha2),
        }
    }

    /// [`crate::country_by_alpha3`] in these tables.
    pub fn country_by_alpha3(&self, alpha3: &str) -> Option<&Country> {
        match &self.pack {
            None => crate::country_by_alpha3(alpha3),
            Some(p) => p.countries.get_alpha3(alpha3),
        }
    }

    /// [`crate::countries`] in these tables.
    pub fn countries(&self) -> &[Country] {
        match &self.pack {
            None => crate::countries(),
            Some(p) => p.countries.rows(),
        }
    }

    /// [`crate::currency`] in these tables.
    pub fn currency(&self, alpha3: &str) -> Option<&Currency> {
        match &self.pack {
            None => crate::currency(alpha3),
            Some(p) => p.currencies.get(alpha3),
        }
    }

    /// [`crate::currencies`] in these tables.
    pub fn currencies(&self) -> &[Currency] {
        match &self.pack {
            None => crate::currencies(),
            Some(p) => p.currencies.rows(),
        }
    }

    fn country_table(&self) -> &CountryTable {
        match &self.pack {
            None => &country::BUILTIN,
            Some(p) => &p.countries,
        }
    }

    fn currency_table(&self) -> &CurrencyTable {
        match &self.pack {
            None => &currency::BUILTIN,
            Some(p) => &p.currencies,
        }
    }

    fn airport_table(&self) -> &AirportTable {
        match &self.pack {
            None => &airport::BUILTIN,
            Some(p) => &p.airports,
        }
    }

    /// [`crate::unlocode`] in these tables.
    pub fn unlocode(&self, code: &str) -> Option<UnLocode<'_>> {
        self.unlocode_table().get(code)
    }

    /// [`crate::unlocode_at`] in these tables.
    pub fn unlocode_at(&self, i: usize) -> Option<UnLocode<'_>> {
        self.unlocode_table().at(i)
    }

    /// [`crate::unlocodes_len`] in these tables.
    pub fn unlocodes_len(&self) -> usize {
        self.unlocode_table().len()
    }

    /// [`crate::unlocodes_in_country`] in these tables.
    pub fn unlocodes_in_country(
        &self,
        alpha2: &str,
    ) -> impl DoubleEndedIterator<Item = UnLocode<'_>> + ExactSizeIterator + Clone {
        self.unlocode_table().in_country(alpha2)
    }

    /// [`crate::airport_by_iata`] in these tables.
    pub fn airport_by_iata(&self, code: &str) -> Option<Airport<'_>> {
        self.airport_table().by_iata(code)
    }

    /// [`crate::airport_by_icao`] in these tables.
    pub fn airport_by_icao(&self, code: &str) -> Option<Airport<'_>> {
        self.airport_table().by_icao(code)
    }

    /// [`crate::airport_at`] in these tables.
    pub fn airport_at(&self, i: usize) -> Option<Airport<'_>> {
        self.airport_table().at(i)
    }

    /// [`crate::airports_len`] in these tables.
    pub fn airports_len(&self) -> usize {
        self.airport_table().len()
    }

    /// [`crate::airports_in_country`] in these tables.
    pub fn airports_in_country(
        &self,
        alpha2: &str,
    ) -> impl DoubleEndedIterator<Item = Airport<'_>> + ExactSizeIterator + Clone {
        self.airport_table().in_country(alpha2)
    }

    /// [`crate::resolve_location`] in these tables.
    pub fn resolve_location(&self, code: &str) -> Option<ResolvedLocation<'_>> {
        resolve_in(self.airport_table(), self.unlocode_table(), code)
    }

    fn hs_table(&self) -> &HsTable {
        match &self.pack {
            None => &hs::BUILTIN,
            Some(p) => &p.hs,
        }
    }

    /// [`crate::hs`] in these tables.
    pub fn hs(&self, code: &str) -> Option<HsEntry<'_>> {
        self.hs_table().get_in(code, HsEdition::NEWEST)
    }

    /// [`crate::hs_in`] in these tables.
    pub fn hs_in(&self, code: &str, edition: HsEdition) -> Option<HsEntry<'_>> {
        self.hs_table().get_in(code, edition)
    }

    /// [`crate::hs_at`] in these tables.
    pub fn hs_at(&self, i: usize) -> Option<HsEntry<'_>> {
        self.hs_table().at(i)
    }

    /// [`crate::hs_len`] in these tables.
    pub fn hs_len(&self) -> usize {
        self.hs_table().len()
    }

    /// [`crate::hs_correlate`] in these tables.
    pub fn hs_correlate(&self, code: &str, from: HsEdition, to: HsEdition) -> Vec<HsPair<'_>> {
        self.hs_table().correlate(code, from, to)
    }

    /// These tables as a pack file (the built-in tables give a pack of their own bytes).
    pub fn to_pack_bytes(&self) -> Vec<u8> {
        let editions: Vec<OwnedEdition> = self.editions().iter().map(OwnedEdition::of).collect();
        write(
            self.unlocode_table(),
            self.airport_table(),
            self.country_table(),
            self.currency_table(),
            self.hs_table(),
            &editions,
        )
    }
}

/// What [`build`] puts into a pack: a table given replaces the built-in one.
#[derive(Clone, Debug, Default)]
pub struct PackInput {
    /// UN/LOCODE entries (any order; each code once).
    pub unlocode: Option<Vec<UnlocodeRow>>,
    /// The UN/LOCODE edition (`"2025-1"`) and where it came from.
    pub unlocode_edition: Option<(String, String)>,
    /// Airports (any order).
    pub airports: Option<Vec<AirportRow>>,
    /// The airport table's edition and source.
    pub airports_edition: Option<(String, String)>,
    /// Countries (any order; each code once), as [`upstream::read_countries`](crate::upstream::read_countries) reads them.
    pub countries: Option<Vec<Country>>,
    /// The country table's edition and source.
    pub countries_edition: Option<(String, String)>,
    /// Currencies (any order; each code once), as [`upstream::read_currencies`](crate::upstream::read_currencies) reads them.
    pub currencies: Option<Vec<Currency>>,
    /// The currency table's edition and source.
    pub currencies_edition: Option<(String, String)>,
    /// HS editions that replace the built-in ones (each at most once), as
    /// [`upstream::read_hs`](crate::upstream::read_hs) reads them, with where they came from.
    /// The correlations stay UNSD's built-in tables, without the pairs whose codes a given
    /// edition no longer has.
    pub hs: Vec<(HsEdition, Vec<HsCodeRow>, String)>,
}

/// Builds a pack from `input`, taking from the built-in tables what it does not give.
pub fn build(mut input: PackInput) -> Result<Vec<u8>, PackError> {
    let names = cfg!(feature = "names");
    let mut editions: Vec<OwnedEdition> = crate::editions().iter().map(OwnedEdition::of).collect();
    let set_edition = |editions: &mut Vec<OwnedEdition>,
                       table: &str,
                       e: &Option<(String, String)>,
                       rows: usize| {
        if let Some(row) = editions.iter_mut().find(|x| x.table == table) {
            row.rows = rows;
            match e {
                Some((edition, source)) => {
                    row.edition = edition.clone();
                    row.source = source.clone();
                }
                None => {
                    row.edition = "not stated".into();
                    row.source = "given to cen tables build".into();
                }
            }
        }
    };
    let unlocode_table = match input.unlocode.as_mut() {
        None => unlocode::BUILTIN.clone(),
        Some(rows) => {
            rows.sort_by(|a, b| a.code.cmp(&b.code));
            let blobs = layout::unlocode(rows, names).map_err(|(i, why)| {
                PackError::Input(format!("UN/LOCODE entry {}: {why}", i + 1))
            })?;
            set_edition(
                &mut editions,
                "unlocode",
                &input.unlocode_edition,
                rows.len(),
            );
            UnlocodeTable {
                bucket: Cow::Owned(blobs.bucket),
                fixed: Cow::Owned(blobs.fixed),
                rec: Cow::Owned(blobs.rec),
                text: Cow::Owned(blobs.text),
                functions: Cow::Owned(blobs.functions),
                statuses: Cow::Owned(blobs.statuses),
                names,
            }
        }
    };
    let airport_table = match input.airports.as_mut() {
        None => airport::BUILTIN.clone(),
        Some(rows) => {
            // The built-in order: by country, then ICAO, then IATA code.
            rows.sort_by(|a, b| {
                (&a.country, &a.icao, &a.iata).cmp(&(&b.country, &b.icao, &b.iata))
            });
            let blobs = layout::airports(rows, names)
                .map_err(|(i, why)| PackError::Input(format!("airport entry {}: {why}", i + 1)))?;
            set_edition(
                &mut editions,
                "airports",
                &input.airports_edition,
                rows.len(),
            );
            AirportTable {
                by_iata: Cow::Owned(blobs.iata),
                icao_prefix: Cow::Owned(blobs.icao_prefix),
                icao_keys: Cow::Owned(blobs.icao_keys),
                icao_entries: Cow::Owned(blobs.icao_entries),
                country: Cow::Owned(blobs.country),
                fixed: Cow::Owned(blobs.fixed),
                rec: Cow::Owned(blobs.rec),
                text: Cow::Owned(blobs.text),
            }
        }
    };
    let country_table = match input.countries.take() {
        None => country::BUILTIN.clone(),
        Some(rows) => {
            let n = rows.len();
            let table = CountryTable::new(rows)
                .map_err(|why| PackError::Input(format!("countries: {why}")))?;
            set_edition(&mut editions, "countries", &input.countries_edition, n);
            table
        }
    };
    let currency_table = match input.currencies.take() {
        None => currency::BUILTIN.clone(),
        Some(rows) => {
            let n = rows.len();
            let table = CurrencyTable::new(rows)
                .map_err(|why| PackError::Input(format!("currencies: {why}")))?;
            set_edition(&mut editions, "currencies", &input.currencies_edition, n);
            table
        }
    };
    let hs_table = if input.hs.is_empty() {
        hs::BUILTIN.clone()
    } else {
        let (mut rows, mut pairs) = hs::BUILTIN.to_rows();
        let mut seen = Vec::new();
        for (edition, codes, source) in &input.hs {
            if seen.contains(edition) {
                return Err(PackError::Input(format!("{edition} is given twice")));
            }
            seen.push(*edition);
            hs_layout::replace_edition(&mut rows, &mut pairs, edition.slot(), codes)
                .map_err(|why| PackError::Input(format!("{edition}: {why}")))?;
            let table = edition.table_name();
            let n = rows
                .iter()
                .filter(|r| r.editions & edition.bit() != 0)
                .count();
            set_edition(
                &mut editions,
                table,
                &Some((edition.to_string(), source.clone())),
                n,
            );
        }
        let blobs = hs_layout::hs(
            &rows,
            [&pairs[0], &pairs[1]],
            hs::hs_sections().len(),
            names,
        )
        .map_err(PackError::Input)?;
        let [n22_17, n17_12] = hs_layout::correlation_rows(&rows, &pairs);
        for (table, n) in [
            ("hs_correlation_2022_2017", n22_17),
            ("hs_correlation_2017_2012", n17_12),
        ] {
            if let Some(row) = editions.iter_mut().find(|x| x.table == table) {
                row.rows = n;
            }
        }
        HsTable::from_blobs(blobs)
    };
    Ok(write(
        &unlocode_table,
        &airport_table,
        &country_table,
        &currency_table,
        &hs_table,
        &editions,
    ))
}

// --- Writing ------------------------------------------------------------------------

fn section(out: &mut Vec<u8>, name: &str, bytes: &[u8]) {
    out.push(name.len() as u8);
    out.extend_from_slice(name.as_bytes());
    out.extend_from_slice(&(bytes.len() as u32).to_le_bytes());
    out.extend_from_slice(bytes);
}

fn write(
    u: &UnlocodeTable,
    a: &AirportTable,
    countries: &CountryTable,
    currencies: &CurrencyTable,
    hs: &HsTable,
    editions: &[OwnedEdition],
) -> Vec<u8> {
    let mut ed = String::from("table\tedition\tsource\tlicence\trows\n");
    for e in editions {
        ed.push_str(&format!(
            "{}\t{}\t{}\t{}\t{}\n",
            clean(&e.table),
            clean(&e.edition),
            clean(&e.source),
            clean(&e.licence),
            e.rows
        ));
    }
    let mut content = Vec::with_capacity(8 << 20);
    section(&mut content, "editions", ed.as_bytes());
    section(&mut content, "unlocode.bucket", &u.bucket);
    section(&mut content, "unlocode.fixed", u.fixed.as_bytes());
    section(&mut content, "unlocode.rec", &u.rec);
    section(&mut content, "unlocode.text", u.text.as_bytes());
    section(&mut content, "unlocode.functions", u.functions.as_bytes());
    section(&mut content, "unlocode.statuses", u.statuses.as_bytes());
    section(&mut content, "airport.iata", &a.by_iata);
    section(&mut content, "airport.icao_prefix", &a.icao_prefix);
    section(&mut content, "airport.icao_keys", &a.icao_keys);
    section(&mut content, "airport.icao_entries", &a.icao_entries);
    section(&mut content, "airport.country", &a.country);
    section(&mut content, "airport.fixed", a.fixed.as_bytes());
    section(&mut content, "airport.rec", &a.rec);
    section(&mut content, "airport.text", a.text.as_bytes());
    section(&mut content, "countries", countries.to_tsv().as_bytes());
    section(&mut content, "currencies", currencies.to_tsv().as_bytes());
    section(&mut content, "hs.fixed", hs.fixed.as_bytes());
    section(&mut content, "hs.rec", &hs.rec);
    section(&mut content, "hs.desc", &hs.desc);
    section(&mut content, "hs.text", hs.text.as_bytes());
    section(
        &mut content,
        "hs.correlation_2022_2017",
        &hs.correlations[0].bytes,
    );
    section(
        &mut content,
        "hs.correlation_2017_2012",
        &hs.correlations[1].bytes,
    );
    let mut out = Vec::with_capacity(HEADER_BYTES + content.len());
    out.extend_from_slice(&PACK_MAGIC);
    out.extend_from_slice(&PACK_VERSION.to_le_bytes());
    let flags = if u.names { FLAG_NAMES } else { 0 };
    out.extend_from_slice(&flags.to_le_bytes());
    out.extend_from_slice(&(content.len() as u64).to_le_bytes());
    out.extend_from_slice(&sha256(&content));
    out.extend_from_slice(&[0u8; 8]);
    out.extend_from_slice(&content);
    out
}
