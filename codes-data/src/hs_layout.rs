//! Laying out the HS editions and their correlations in their compact form (documented in
//! `src/hs/mod.rs`): shared by the build script (`build/main.rs` includes this file), which writes
//! the built-in tables, and by [`build_pack`](crate::build_pack), which writes a pack with an
//! edition of its own, so that a pack holds exactly the bytes the built-in tables would hold
//! for the same rows and is read by the same code.
//!
//! This file uses nothing of the crate, so that the build script can include it.

#![allow(dead_code)]

use std::collections::HashMap;

/// Bits of the editions in `rec`: 1 HS 2012, 2 HS 2017, 4 HS 2022 (`HsEdition::bit`).
pub const EDITION_BITS: [u8; 3] = [4, 2, 1];

/// The editions of the two correlation tables, as bits of [`EDITION_BITS`]: (newer, older) of
/// HS 2022 → 2017, then of HS 2017 → 2012.
pub const CORRELATED: [(u8, u8); 2] = [(4, 2), (2, 1)];

/// One code of any edition.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HsRow {
    /// 2, 4 or 6 ASCII digits.
    pub code: String,
    /// Index of its section in the 21 sections (0 for section I).
    pub section: u8,
    /// The editions that have it (bits of [`EDITION_BITS`]).
    pub editions: u8,
    /// Its description in HS 2022, 2017 and 2012 (empty where the edition lacks the code).
    pub descriptions: [String; 3],
}

/// One pair of a correlation table: the newer edition's subheading, the older edition's, and
/// the relationship (0 `1:1`, 1 `1:n`, 2 `n:1`, 3 `n:n`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HsPairRow {
    /// The subheading of the newer edition.
    pub newer: String,
    /// The subheading of the older edition.
    pub older: String,
    /// 0 `1:1`, 1 `1:n`, 2 `n:1`, 3 `n:n`.
    pub relationship: u8,
}

/// The blobs of the HS table.
#[allow(missing_docs)]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HsBlobs {
    pub fixed: String,
    pub rec: Vec<u8>,
    pub desc: Vec<u8>,
    pub text: String,
    /// HS 2022 → 2017, then HS 2017 → 2012.
    pub correlations: [Vec<u8>; 2],
}

/// The relationship's bits of `"1:1"`, `"1:n"`, `"n:1"` or `"n:n"`.
pub fn relationship_bits(text: &str) -> Option<u8> {
    match text {
        "1:1" => Some(0),
        "1:n" => Some(1),
        "n:1" => Some(2),
        "n:n" => Some(3),
        _ => None,
    }
}

/// Whether a code has the shape of a table entry: 2, 4 or 6 ASCII digits.
pub fn well_formed(code: &str) -> bool {
    matches!(code.len(), 2 | 4 | 6) && code.bytes().all(|b| b.is_ascii_digit())
}

/// Lays out the codes, sorted by code as text, each once, and the pairs of the correlation
/// tables 2022 → 2017 and 2017 → 2012. `sections`: how many sections there are. `names`: keep
/// the descriptions. An error names what is wrong: the row (0-based) or the pair.
pub fn hs(
    rows: &[HsRow],
    correlations: [&[HsPairRow]; 2],
    sections: usize,
    names: bool,
) -> Result<HsBlobs, String> {
    if rows.len() >= 1 << 14 {
        return Err(format!(
            "{} codes: at most 16,383 fit 14-bit indexes",
            rows.len()
        ));
    }
    let mut b = HsBlobs::default();
    let mut pooled: HashMap<&str, u32> = HashMap::new();
    // code → (index, editions)
    let mut index: HashMap<&str, (u16, u8)> = HashMap::new();
    for (i, r) in rows.iter().enumerate() {
        let at = |why: &str| format!("HS code {} (row {i}): {why}", r.code);
        if !well_formed(&r.code) {
            return Err(at("not 2, 4 or 6 digits"));
        }
        if r.code.starts_with("00") {
            return Err(at("chapter 00 does not exist"));
        }
        if i > 0 && rows[i - 1].code >= r.code {
            return Err(at("not sorted by code, or repeated"));
        }
        if usize::from(r.section) >= sections {
            return Err(at("unknown section"));
        }
        if r.editions == 0 || r.editions & !7 != 0 {
            return Err(at("in no edition"));
        }
        if r.code.len() > 2 {
            match index.get(&r.code[..r.code.len() - 2]) {
                Some(&(_, parent)) if parent & r.editions == r.editions => {}
                _ => {
                    return Err(at(
                        "its heading or chapter is missing in an edition that has it",
                    ))
                }
            }
        }
        index.insert(&r.code, (i as u16, r.editions));
        b.fixed.push_str(&r.code);
        for _ in r.code.len()..6 {
            b.fixed.push(' ');
        }
        b.rec
            .extend_from_slice(&[r.section, r.code.len() as u8, r.editions]);
        for (bit, text) in EDITION_BITS.iter().zip(&r.descriptions) {
            let (start, len) = if r.editions & bit != 0 {
                if text.is_empty() && names {
                    return Err(at("no description"));
                }
                let len = u16::try_from(text.len()).map_err(|_| at("description too long"))?;
                let start = match pooled.get(text.as_str()) {
                    Some(&start) => start,
                    None => {
                        let start = u32::try_from(b.text.len())
                            .map_err(|_| at("descriptions larger than 4 GiB"))?;
                        b.text.push_str(text);
                        pooled.insert(text, start);
                        start
                    }
                };
                (start, len)
            } else if !text.is_empty() {
                return Err(at("a description for an edition without the code"));
            } else {
                (0, 0)
            };
            b.desc.extend_from_slice(&start.to_le_bytes());
            b.desc.extend_from_slice(&len.to_le_bytes());
        }
    }
    if !names {
        b.desc.clear();
        b.text.clear();
    }
    for (slot, (pairs, (newer, older))) in correlations.iter().zip(CORRELATED).enumerate() {
        let mut packed: Vec<(u16, u16)> = Vec::with_capacity(pairs.len());
        for p in pairs.iter() {
            let find = |code: &str, bit: u8| match index.get(code) {
                Some(&(i, editions)) if editions & bit != 0 && code.len() == 6 => Ok(i),
                _ => Err(format!(
                    "correlation pair {} {}: {code} is not a subheading of its edition",
                    p.newer, p.older
                )),
            };
            let (a, c) = (find(&p.newer, newer)?, find(&p.older, older)?);
            if p.relationship > 3 {
                return Err(format!(
                    "correlation pair {} {}: bad relationship",
                    p.newer, p.older
                ));
            }
            // A code's 1:1 pair with itself is left out: a subheading of both editions in no
            // pair is its own 1:1 partner.
            if a == c && p.relationship == 0 {
                continue;
            }
            packed.push((a, c | u16::from(p.relationship) << 14));
        }
        packed.sort_unstable();
        let before = packed.len();
        packed.dedup_by_key(|p| (p.0, p.1 & 0x3fff));
        if packed.len() != before {
            return Err(format!("correlation table {slot}: a pair is repeated"));
        }
        // Column by column (every newer index, then every older one): a third of the gzipped
        // size of pair by pair.
        b.correlations[slot] = packed
            .iter()
            .flat_map(|(a, _)| a.to_le_bytes())
            .chain(packed.iter().flat_map(|(_, c)| c.to_le_bytes()))
            .collect();
    }
    Ok(b)
}

/// One code of an edition as an upstream file gives it (`cen tables build --hs`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HsCodeRow {
    /// 2, 4 or 6 digits.
    pub code: String,
    /// Index of its section (0 for section I), when the file names it; otherwise the section
    /// of its chapter in the other editions.
    pub section: Option<u8>,
    /// Its description in this edition.
    pub description: String,
}

/// Replaces the codes and descriptions of one edition (`slot`: 0 HS 2022, 1 HS 2017, 2 HS
/// 2012) in `rows` (sorted by code) by `codes`, keeps the other editions as they are, and
/// drops the correlation pairs whose codes the edition no longer has.
pub fn replace_edition(
    rows: &mut Vec<HsRow>,
    pairs: &mut [Vec<HsPairRow>; 2],
    slot: usize,
    codes: &[HsCodeRow],
) -> Result<(), String> {
    let bit = *EDITION_BITS.get(slot).ok_or("no such edition")?;
    let mut chapter_sections: HashMap<String, u8> = rows
        .iter()
        .filter(|r| r.code.len() == 2)
        .map(|r| (r.code.clone(), r.section))
        .collect();
    for c in codes {
        if let (2, Some(section)) = (c.code.len(), c.section) {
            chapter_sections.insert(c.code.clone(), section);
        }
    }
    let mut by_code: std::collections::BTreeMap<String, HsRow> = rows
        .drain(..)
        .map(|mut r| {
            r.editions &= !bit;
            r.descriptions[slot].clear();
            (r.code.clone(), r)
        })
        .collect();
    for c in codes {
        if !well_formed(&c.code) {
            return Err(format!("HS code {:?}: not 2, 4 or 6 digits", c.code));
        }
        let section = match c.section {
            Some(s) => s,
            None => *chapter_sections.get(&c.code[..2]).ok_or_else(|| {
                format!(
                    "HS code {}: chapter {} is in no edition, so its section is unknown: give the file a `section` column",
                    c.code,
                    &c.code[..2]
                )
            })?,
        };
        let row = by_code.entry(c.code.clone()).or_insert_with(|| HsRow {
            code: c.code.clone(),
            ..HsRow::default()
        });
        if row.editions & bit != 0 {
            return Err(format!("HS code {}: repeated", c.code));
        }
        row.editions |= bit;
        row.section = section;
        row.descriptions[slot] = c.description.clone();
    }
    rows.extend(by_code.into_values().filter(|r| r.editions != 0));
    let editions: HashMap<&str, u8> = rows
        .iter()
        .filter(|r| r.code.len() == 6)
        .map(|r| (r.code.as_str(), r.editions))
        .collect();
    let has = |code: &str, bit: u8| editions.get(code).is_some_and(|e| e & bit != 0);
    for (table, (newer, older)) in pairs.iter_mut().zip(CORRELATED) {
        table.retain(|p| has(&p.newer, newer) && has(&p.older, older));
    }
    Ok(())
}

/// The pairs of each correlation table as UNSD counts them: the pairs held, and one `1:1` pair
/// for each subheading of both editions that is in no pair held (the pairs left out of the
/// layout).
pub fn correlation_rows(rows: &[HsRow], pairs: &[Vec<HsPairRow>; 2]) -> [usize; 2] {
    let mut out = [0; 2];
    for (k, (table, (newer, older))) in pairs.iter().zip(CORRELATED).enumerate() {
        let paired: std::collections::HashSet<&str> = table
            .iter()
            .flat_map(|p| [p.newer.as_str(), p.older.as_str()])
            .collect();
        let implied = rows
            .iter()
            .filter(|r| {
                r.code.len() == 6
                    && r.editions & newer != 0
                    && r.editions & older != 0
                    && !paired.contains(r.code.as_str())
            })
            .count();
        out[k] = table.len() + implied;
    }
    out
}
