//! Reading a pack: every check of [`Tables::from_bytes`](super::Tables::from_bytes), in the
//! order docs/packs.md gives (size, magic, version, length, checksum, then the structure of
//! every section), and the tables assembled from the checked sections.

use std::borrow::Cow;

use super::{
    malformed, OwnedEdition, Pack, PackError, FLAG_NAMES, HEADER_BYTES, MAX_PACK_BYTES, PACK_MAGIC,
    PACK_VERSION, PACK_VERSION_OLDEST,
};
use crate::airport::{self, AirportTable};
use crate::country::{self, CountryTable};
use crate::currency::{self, CurrencyTable};
use crate::hs::{self, Correlation, HsTable};
use crate::layout;
use crate::sha256::{hex, sha256};
use crate::unlocode::{self, UnlocodeTable};

pub(super) struct Sections<'a>(Vec<(&'a str, &'a [u8])>);

impl<'a> Sections<'a> {
    pub(super) fn bytes(&self, name: &str) -> Result<&'a [u8], PackError> {
        match self.0.iter().find(|(n, _)| *n == name) {
            Some((_, b)) => Ok(b),
            None => malformed(format!("section {name} is missing")),
        }
    }

    fn text(&self, name: &str) -> Result<&'a str, PackError> {
        std::str::from_utf8(self.bytes(name)?)
            .or_else(|_| malformed(format!("section {name} is not UTF-8")))
    }

    fn ascii(&self, name: &str) -> Result<&'a str, PackError> {
        let t = self.text(name)?;
        if t.is_ascii() {
            Ok(t)
        } else {
            malformed(format!("section {name} is not ASCII"))
        }
    }
}

fn le_u32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(
        b.get(at..at.checked_add(4)?)?.try_into().ok()?,
    ))
}

/// The sections of a pack every check has passed, and what the pack says besides them.
pub(super) struct Checked<'a> {
    pub(super) sections: Sections<'a>,
    /// Where each section's body is in the pack's bytes.
    pub(super) ranges: Vec<(&'static str, std::ops::Range<usize>)>,
    pub(super) meta: PackMeta,
}

impl Checked<'_> {
    /// What the pack says, and where its sections are, without the borrow of its bytes.
    pub(super) fn detach(self) -> (PackMeta, Vec<(&'static str, std::ops::Range<usize>)>) {
        (self.meta, self.ranges)
    }
}

/// What a checked pack says besides its tables' bytes.
pub(super) struct PackMeta {
    editions: Vec<OwnedEdition>,
    countries: CountryTable,
    currencies: CurrencyTable,
    names: bool,
    sha256: [u8; 32],
    version: u32,
}

impl PackMeta {
    /// The pack, its tables made of the sections' bodies that `take` gives by name (each once).
    /// Every section was checked: a text section is UTF-8.
    pub(super) fn assemble(self, mut take: impl FnMut(&str) -> Vec<u8>) -> Pack {
        let mut bytes = |name: &str| Cow::Owned(take(name));
        let text = |bytes: Cow<'static, [u8]>| {
            Cow::Owned(String::from_utf8(bytes.into_owned()).unwrap_or_default())
        };
        let unlocode = UnlocodeTable {
            fixed: text(bytes("unlocode.fixed")),
            text: text(bytes("unlocode.text")),
            functions: text(bytes("unlocode.functions")),
            statuses: text(bytes("unlocode.statuses")),
            bucket: bytes("unlocode.bucket"),
            rec: bytes("unlocode.rec"),
            names: self.names,
        };
        let airports = AirportTable {
            fixed: text(bytes("airport.fixed")),
            text: text(bytes("airport.text")),
            by_iata: bytes("airport.iata"),
            icao_prefix: bytes("airport.icao_prefix"),
            icao_keys: bytes("airport.icao_keys"),
            icao_entries: bytes("airport.icao_entries"),
            country: bytes("airport.country"),
            rec: bytes("airport.rec"),
        };
        // Format versions 1 and 2 have no HS editions: the built-in ones go with them.
        let hs = if self.version >= 3 {
            hs_table(|name| bytes(name))
        } else {
            hs::BUILTIN.clone()
        };
        Pack {
            unlocode,
            airports,
            hs,
            countries: self.countries,
            currencies: self.currencies,
            editions: self.editions,
            sha256: self.sha256,
            version: self.version,
        }
    }
}

/// An HS table of the sections `bytes` gives by name.
fn hs_table(mut bytes: impl FnMut(&str) -> Cow<'static, [u8]>) -> HsTable {
    let text = |bytes: Cow<'static, [u8]>| {
        Cow::Owned(String::from_utf8(bytes.into_owned()).unwrap_or_default())
    };
    HsTable::new(
        text(bytes("hs.fixed")),
        bytes("hs.rec"),
        bytes("hs.desc"),
        text(bytes("hs.text")),
        [
            Correlation::new(bytes("hs.correlation_2022_2017")),
            Correlation::new(bytes("hs.correlation_2017_2012")),
        ],
    )
}

/// The names of the sections, as `write` writes them (`countries` and `currencies` since format
/// version 2, `hs.*` since version 3).
const SECTIONS: [&str; 23] = [
    "editions",
    "unlocode.bucket",
    "unlocode.fixed",
    "unlocode.rec",
    "unlocode.text",
    "unlocode.functions",
    "unlocode.statuses",
    "airport.iata",
    "airport.icao_prefix",
    "airport.icao_keys",
    "airport.icao_entries",
    "airport.country",
    "airport.fixed",
    "airport.rec",
    "airport.text",
    "countries",
    "currencies",
    "hs.fixed",
    "hs.rec",
    "hs.desc",
    "hs.text",
    "hs.correlation_2022_2017",
    "hs.correlation_2017_2012",
];

/// Checks a whole pack: magic, version, size, checksum, sections, and the structure of every
/// table.
pub(super) fn parse(bytes: &[u8]) -> Result<Checked<'_>, PackError> {
    if bytes.len() > MAX_PACK_BYTES {
        return Err(PackError::TooLarge {
            size: bytes.len() as u64,
        });
    }
    if bytes.len() < PACK_MAGIC.len() || bytes[..PACK_MAGIC.len()] != PACK_MAGIC {
        // A short prefix of the magic is a truncated pack; anything else is not a pack.
        if bytes.len() < PACK_MAGIC.len() && PACK_MAGIC.starts_with(bytes) && !bytes.is_empty() {
            return Err(PackError::Truncated {
                expected: HEADER_BYTES as u64,
                actual: bytes.len() as u64,
            });
        }
        return Err(PackError::BadMagic);
    }
    if bytes.len() < HEADER_BYTES {
        return Err(PackError::Truncated {
            expected: HEADER_BYTES as u64,
            actual: bytes.len() as u64,
        });
    }
    let version = le_u32(bytes, 8).unwrap_or(0);
    if !(PACK_VERSION_OLDEST..=PACK_VERSION).contains(&version) {
        return Err(PackError::UnsupportedVersion(version));
    }
    let flags = le_u32(bytes, 12).unwrap_or(0);
    let len = u64::from_le_bytes(bytes[16..24].try_into().unwrap_or([0; 8]));
    let expected = (HEADER_BYTES as u64).saturating_add(len);
    if expected > bytes.len() as u64 {
        return Err(PackError::Truncated {
            expected,
            actual: bytes.len() as u64,
        });
    }
    if expected < bytes.len() as u64 {
        return malformed(format!(
            "{} bytes after the content the header announces",
            bytes.len() as u64 - expected
        ));
    }
    let content = &bytes[HEADER_BYTES..];
    let digest = sha256(content);
    if digest[..] != bytes[24..56] {
        return Err(PackError::ChecksumMismatch {
            expected: hex(&bytes[24..56]),
            actual: hex(&digest),
        });
    }
    if flags & !FLAG_NAMES != 0 {
        return malformed(format!("unknown flags {flags:#x}"));
    }
    let names = flags & FLAG_NAMES != 0;
    let mut sections = Vec::new();
    let mut ranges = Vec::new();
    let mut at = 0usize;
    while at < content.len() {
        let n = usize::from(content[at]);
        let name = content
            .get(at + 1..at + 1 + n)
            .and_then(|b| std::str::from_utf8(b).ok())
            .ok_or_else(|| PackError::Malformed(format!("section name at {at}")))?;
        let len = le_u32(content, at + 1 + n)
            .ok_or_else(|| PackError::Malformed(format!("section {name}: no length")))?
            as usize;
        let start = at + 5 + n;
        let body = start
            .checked_add(len)
            .and_then(|end| content.get(start..end))
            .ok_or_else(|| {
                PackError::Malformed(format!("section {name} points outside the pack"))
            })?;
        if sections.iter().any(|(s, _)| *s == name) {
            return malformed(format!("section {name} is repeated"));
        }
        // Sections of no known name are skipped, as before; the known ones are kept by range.
        if let Some(known) = SECTIONS.iter().find(|s| **s == name) {
            ranges.push((*known, HEADER_BYTES + start..HEADER_BYTES + start + len));
        }
        sections.push((name, body));
        at = start + len;
    }
    let s = Sections(sections);
    let editions = parse_editions(s.text("editions")?)?;
    check_unlocode(&s, names)?;
    check_airports(&s, names)?;
    // Format version 1 has no countries and currencies: the built-in ones go with it.
    let (countries, currencies) = if version >= 2 {
        (
            CountryTable::from_tsv(s.text("countries")?)
                .or_else(|why| malformed(format!("section countries: {why}")))?,
            CurrencyTable::from_tsv(s.text("currencies")?)
                .or_else(|why| malformed(format!("section currencies: {why}")))?,
        )
    } else {
        (country::BUILTIN.clone(), currency::BUILTIN.clone())
    };
    if version >= 3 {
        check_hs(&s, names)?;
    }
    let mut sha = [0u8; 32];
    sha.copy_from_slice(&digest);
    Ok(Checked {
        sections: s,
        ranges,
        meta: PackMeta {
            editions,
            countries,
            currencies,
            names,
            sha256: sha,
            version,
        },
    })
}

fn parse_editions(text: &str) -> Result<Vec<OwnedEdition>, PackError> {
    let mut lines = text.lines();
    if lines.next() != Some("table\tedition\tsource\tlicence\trows") {
        return malformed("section editions: bad header");
    }
    let mut out = Vec::new();
    for line in lines {
        let c: Vec<&str> = line.split('\t').collect();
        let [table, edition, source, licence, rows] = c[..] else {
            return malformed(format!("section editions: bad line {line:?}"));
        };
        let rows = rows
            .parse()
            .or_else(|_| malformed(format!("section editions: bad rows {rows:?}")))?;
        out.push(OwnedEdition {
            table: table.into(),
            source: source.into(),
            edition: edition.into(),
            licence: licence.into(),
            rows,
        });
    }
    Ok(out)
}

/// A table of `n + 1` little-endian `u32` starts, non-decreasing, from 0 to `last`.
fn check_starts(name: &str, b: &[u8], n: usize, last: usize) -> Result<(), PackError> {
    if b.len() != (n + 1) * 4 {
        return malformed(format!(
            "section {name}: {} bytes, expected {}",
            b.len(),
            (n + 1) * 4
        ));
    }
    let mut prev = 0u32;
    for i in 0..=n {
        let v = le_u32(b, i * 4).unwrap_or(u32::MAX);
        if v < prev || (i == 0 && v != 0) {
            return malformed(format!("section {name}: not increasing"));
        }
        prev = v;
    }
    if prev as usize != last {
        return malformed(format!("section {name}: ends at {prev}, expected {last}"));
    }
    Ok(())
}

fn check_unlocode(s: &Sections<'_>, names: bool) -> Result<(), PackError> {
    let (width, rec_width) = unlocode::widths(names);
    let bucket = s.bytes("unlocode.bucket")?;
    let fixed = s.ascii("unlocode.fixed")?;
    let rec = s.bytes("unlocode.rec")?;
    let text = s.text("unlocode.text")?;
    let functions = s.ascii("unlocode.functions")?;
    let statuses = s.ascii("unlocode.statuses")?;
    if rec.len() % rec_width != 0 {
        return malformed("section unlocode.rec: not whole records");
    }
    let n = rec.len() / rec_width;
    if fixed.len() != n * width {
        return malformed("section unlocode.fixed: length does not match the records");
    }
    if functions.len() % 8 != 0 || statuses.len() % 2 != 0 {
        return malformed("sections unlocode.functions/statuses: not whole entries");
    }
    check_starts("unlocode.bucket", bucket, unlocode::BUCKETS, n)?;
    // Every code is well formed, sorted, and in the bucket that says it holds it.
    let mut counts = vec![0u32; unlocode::BUCKETS];
    let mut prev: &[u8] = b"";
    for i in 0..n {
        let code = &fixed.as_bytes()[i * width..i * width + 5];
        let Some((country, key)) = layout::unlocode_parts(code) else {
            return malformed(format!("unlocode entry {i}: bad code"));
        };
        if code <= prev {
            return malformed(format!("unlocode entry {i}: not sorted"));
        }
        prev = code;
        counts[country * 34 + usize::from(key / (34 * 34))] += 1;
        let r = &rec[i * rec_width..(i + 1) * rec_width];
        let (f, st) = (r[rec_width - 2], r[rec_width - 1] >> 1);
        if usize::from(f) * 8 >= functions.len() || usize::from(st) * 2 >= statuses.len() {
            return malformed(format!(
                "unlocode entry {i}: function or status out of range"
            ));
        }
        if names {
            let off = u32::from_le_bytes([r[0], r[1], r[2], r[3]]) as usize;
            if off + usize::from(r[4]) + usize::from(r[5]) > text.len() {
                return malformed(format!("unlocode entry {i}: text outside its section"));
            }
        }
    }
    if layout::starts(&counts) != bucket {
        return malformed("section unlocode.bucket: does not match the codes");
    }
    if !names && !text.is_empty() {
        return malformed("section unlocode.text: present in a pack without names");
    }
    Ok(())
}

fn check_airports(s: &Sections<'_>, names: bool) -> Result<(), PackError> {
    let by_iata = s.bytes("airport.iata")?;
    let icao_prefix = s.bytes("airport.icao_prefix")?;
    let icao_keys = s.bytes("airport.icao_keys")?;
    let icao_entries = s.bytes("airport.icao_entries")?;
    let country = s.bytes("airport.country")?;
    let fixed = s.ascii("airport.fixed")?;
    let rec = s.bytes("airport.rec")?;
    let text = s.text("airport.text")?;
    if fixed.len() % airport::WIDTH != 0 {
        return malformed("section airport.fixed: not whole records");
    }
    let m = fixed.len() / airport::WIDTH;
    if m >= usize::from(u16::MAX) {
        return malformed("too many airports");
    }
    let expected_rec = if names { m * airport::REC_WIDTH } else { 0 };
    if rec.len() != expected_rec {
        return malformed("section airport.rec: length does not match the airports");
    }
    if by_iata.len() != 26 * 26 * 26 * 2 {
        return malformed("section airport.iata: wrong length");
    }
    for c in by_iata.chunks_exact(2) {
        if usize::from(u16::from_le_bytes([c[0], c[1]])) > m {
            return malformed("section airport.iata: entry outside the table");
        }
    }
    if icao_keys.len() % 2 != 0 || icao_keys.len() != icao_entries.len() {
        return malformed("sections airport.icao_keys/entries: lengths differ");
    }
    check_starts(
        "airport.icao_prefix",
        icao_prefix,
        26 * 26,
        icao_keys.len() / 2,
    )?;
    for c in icao_entries.chunks_exact(2) {
        if usize::from(u16::from_le_bytes([c[0], c[1]])) >= m {
            return malformed("section airport.icao_entries: entry outside the table");
        }
    }
    check_starts("airport.country", country, 26 * 26, m)?;
    for r in rec.chunks_exact(airport::REC_WIDTH) {
        let off = u32::from_le_bytes([r[0], r[1], r[2], r[3]]) as usize;
        if off + usize::from(r[4]) + usize::from(r[5]) + usize::from(r[6]) > text.len() {
            return malformed("airport: text outside its section");
        }
    }
    Ok(())
}

/// The HS sections hold a table as the layout writes it (`codes-data/src/hs/mod.rs`): codes of 2,
/// 4 or 6 digits, padded, sorted, each heading and subheading right after its chapter's or
/// heading's rows and in no edition that its parent lacks, a known section, a description of
/// each edition that has the code (inside the text, on character boundaries) and none for the
/// others, and pairs between subheadings of their editions, sorted as written. Checked in one
/// pass without building anything, so that the check stays small in the WebAssembly module.
fn check_hs(s: &Sections<'_>, names: bool) -> Result<(), PackError> {
    let fixed = s.ascii("hs.fixed")?.as_bytes();
    let rec = s.bytes("hs.rec")?;
    let desc = s.bytes("hs.desc")?;
    let text = s.text("hs.text")?;
    let bad = |i: usize, why: &str| malformed(format!("HS row {i}: {why}"));
    if rec.len() % 3 != 0 || rec.len() / 3 >= 1 << 14 || fixed.len() != rec.len() * 2 {
        return malformed("sections hs.rec and hs.fixed: not whole rows of the same count");
    }
    let n = rec.len() / 3;
    if desc.len() != if names { n * 18 } else { 0 } || (!names && !text.is_empty()) {
        return malformed("section hs.desc: length does not match the rows");
    }
    let sections = hs::hs_sections().len();
    // The rows of the last chapter and heading seen: a code's parent.
    let mut parents: [Option<usize>; 2] = [None, None];
    for i in 0..n {
        let [section, level, editions] = [rec[i * 3], rec[i * 3 + 1], rec[i * 3 + 2]];
        let padded = &fixed[i * 6..i * 6 + 6];
        let level = usize::from(level);
        let (code, pad) = padded.split_at(level.min(6));
        if !matches!(level, 2 | 4 | 6)
            || !code.iter().all(u8::is_ascii_digit)
            || pad.iter().any(|&b| b != b' ')
            || code == b"00"
        {
            return bad(i, "not a code of 2, 4 or 6 digits");
        }
        if i > 0 && fixed[i * 6 - 6..i * 6] >= *padded {
            return bad(i, "not sorted by code, or repeated");
        }
        if usize::from(section) >= sections || editions == 0 || editions & !7 != 0 {
            return bad(i, "unknown section or editions");
        }
        if level > 2 {
            let parent = parents[level / 2 - 2].filter(|&p| {
                fixed[p * 6..p * 6 + level - 2] == code[..level - 2]
                    && rec[p * 3 + 2] & editions == editions
            });
            if parent.is_none() {
                return bad(
                    i,
                    "its heading or chapter is missing in an edition that has it",
                );
            }
        }
        if level < 6 {
            parents[level / 2 - 1] = Some(i);
            if level == 2 {
                parents[1] = None;
            }
        }
        for (slot, bit) in [4u8, 2, 1].into_iter().enumerate().filter(|_| names) {
            let o = (i * 3 + slot) * 6;
            let start = le_u32(desc, o).unwrap_or(u32::MAX) as usize;
            let len = usize::from(u16::from_le_bytes([desc[o + 4], desc[o + 5]]));
            let fits = start
                .checked_add(len)
                .is_some_and(|end| text.get(start..end).is_some());
            if editions & bit != 0 && (len == 0 || !fits)
                || editions & bit == 0 && (start, len) != (0, 0)
            {
                return bad(
                    i,
                    "a description outside the text, or of an edition without the code",
                );
            }
        }
    }
    let code_at = |i: usize, bit: u8| {
        (i < n && rec[i * 3 + 1] == 6 && rec[i * 3 + 2] & bit != 0).then_some(i)
    };
    for (name, (newer, older)) in ["hs.correlation_2022_2017", "hs.correlation_2017_2012"]
        .into_iter()
        .zip(crate::hs_layout::CORRELATED)
    {
        let b = s.bytes(name)?;
        if b.len() % 4 != 0 {
            return malformed(format!("section {name}: not whole pairs"));
        }
        let p = b.len() / 4;
        let at = |k: usize| u16::from_le_bytes([b[k * 2], b[k * 2 + 1]]);
        let mut previous = None;
        for k in 0..p {
            let (a, o) = (at(k), at(p + k));
            // The writer's order: by the newer code, then the older with the relationship's bits.
            let key = (a, o);
            let ok = code_at(usize::from(a), newer).is_some()
                && code_at(usize::from(o & 0x3fff), older).is_some()
                && previous < Some(key)
                && !(a == o & 0x3fff && o >> 14 == 0);
            if !ok {
                return malformed(format!("section {name}: pair {k} is not a pair of subheadings of its editions, in order"));
            }
            previous = Some(key);
        }
    }
    Ok(())
}
