//! Laying out the UN/LOCODE and airport tables in their compact form: shared by the build
//! script (`build/main.rs` includes this file), which writes the built-in tables, and by
//! [`build_pack`](crate::build_pack), which writes a table pack, so that a pack holds
//! exactly the bytes the built-in tables would hold for the same rows and is read by the same
//! code (`src/unlocode.rs`, `src/airport.rs`, which document the layouts).
//!
//! This file uses nothing of the crate, so that the build script can include it.

#![allow(dead_code)]

/// One UN/LOCODE entry, as `data/unlocode.tsv` holds it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UnlocodeRow {
    /// Five characters, `^[A-Z]{2}[A-Z2-9]{3}$`.
    pub code: String,
    /// Eight characters of `1234567B-0`.
    pub function: String,
    /// Two upper-case letters or empty.
    pub status: String,
    /// Three upper-case letters or empty.
    pub iata: String,
    /// Up to three upper-case letters or digits.
    pub subdivision: String,
    /// Marked for deletion.
    pub withdrawn: bool,
    /// The name with diacritics.
    pub name: String,
    /// The remarks of a withdrawn entry.
    pub remarks: String,
}

/// The blobs of a UN/LOCODE table.
#[allow(missing_docs)]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UnlocodeBlobs {
    pub bucket: Vec<u8>,
    pub fixed: String,
    pub rec: Vec<u8>,
    pub text: String,
    /// The distinct functions, sorted, 8 characters each.
    pub functions: String,
    /// The distinct statuses, sorted, 2 characters each (`"  "` for none).
    pub statuses: String,
}

/// One airport, as `data/airports.tsv` holds it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AirportRow {
    /// Three upper-case letters or empty.
    pub iata: String,
    /// Four upper-case letters or empty (one of the two codes is given).
    pub icao: String,
    /// ISO 3166-1 alpha-2 as the source writes it.
    pub country: String,
    /// The subdivision's name, or empty.
    pub subdivision: String,
    /// The city served, or empty.
    pub city: String,
    /// The airport's name.
    pub name: String,
}

/// The blobs of an airport table.
#[allow(missing_docs)]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AirportBlobs {
    pub iata: Vec<u8>,
    pub icao_prefix: Vec<u8>,
    pub icao_keys: Vec<u8>,
    pub icao_entries: Vec<u8>,
    pub country: Vec<u8>,
    pub fixed: String,
    pub rec: Vec<u8>,
    pub text: String,
}

/// Index of an upper-case code of `n` letters in a 26ⁿ array.
pub fn alpha_index(code: &str, n: usize) -> Option<usize> {
    let b = code.as_bytes();
    if b.len() != n || !b.iter().all(u8::is_ascii_uppercase) {
        return None;
    }
    Some(b.iter().fold(0, |acc, &c| acc * 26 + usize::from(c - b'A')))
}

/// Country index and 16-bit key of a UN/LOCODE; must match `src/unlocode.rs`.
pub fn unlocode_parts(b: &[u8]) -> Option<(usize, u16)> {
    let &[c0, c1, c2, c3, c4] = b else {
        return None;
    };
    let country = alpha_index(std::str::from_utf8(&[c0, c1]).ok()?, 2)?;
    let digit = |c: u8| match c {
        b'2'..=b'9' => Some(u16::from(c - b'2')),
        b'A'..=b'Z' => Some(u16::from(c - b'A') + 8),
        _ => None,
    };
    Some((country, (digit(c2)? * 34 + digit(c3)?) * 34 + digit(c4)?))
}

fn is_upper_or_empty(s: &str, n: usize) -> bool {
    s.is_empty() || (s.len() == n && s.bytes().all(|b| b.is_ascii_uppercase()))
}

fn pad(out: &mut String, s: &str, width: usize) {
    out.push_str(s);
    for _ in s.len()..width {
        out.push(' ');
    }
}

fn offset(pool: &str) -> Result<u32, String> {
    u32::try_from(pool.len()).map_err(|_| "string pool larger than 4 GiB".to_string())
}

fn len_u8(s: &str) -> Result<u8, String> {
    u8::try_from(s.len()).map_err(|_| format!("text longer than 255 bytes: {s:?}"))
}

/// Little-endian u32 starts (one per index, and the end) from per-index counts.
pub fn starts(counts: &[u32]) -> Vec<u8> {
    let mut out = Vec::with_capacity((counts.len() + 1) * 4);
    let mut acc = 0u32;
    out.extend_from_slice(&acc.to_le_bytes());
    for &c in counts {
        acc += c;
        out.extend_from_slice(&acc.to_le_bytes());
    }
    out
}

/// Lays out UN/LOCODE rows sorted by code, each code once. `names`: keep the texts that
/// validation does not need (names, remarks, IATA, subdivision). An error names the row
/// (0-based) and the reason.
pub fn unlocode(rows: &[UnlocodeRow], names: bool) -> Result<UnlocodeBlobs, (usize, String)> {
    let n = rows.len();
    if u32::try_from(n).is_err() {
        return Err((n, "too many entries".into()));
    }
    let mut counts = vec![0u32; 26 * 26 * 34];
    let mut fixed = String::with_capacity(n * 11);
    let mut functions: Vec<&str> = rows.iter().map(|r| r.function.as_str()).collect();
    functions.sort_unstable();
    functions.dedup();
    let mut statuses: Vec<&str> = rows.iter().map(|r| r.status.as_str()).collect();
    statuses.sort_unstable();
    statuses.dedup();
    if functions.len() > 256 || statuses.len() > 128 {
        return Err((0, "too many distinct functions or statuses".into()));
    }
    let mut rec = Vec::with_capacity(n * 8);
    let mut pool = String::with_capacity(n * 12);
    let mut prev = "";
    for (i, r) in rows.iter().enumerate() {
        let err = |why: &str| Err((i, format!("{}: {why}", r.code)));
        let Some((country, key)) = unlocode_parts(r.code.as_bytes()) else {
            return err("code does not match ^[A-Z]{2}[A-Z2-9]{3}$");
        };
        if r.code.as_str() <= prev {
            return err("not sorted by code, or repeated");
        }
        prev = &r.code;
        counts[country * 34 + usize::from(key / (34 * 34))] += 1;
        let function = r.function.as_str();
        if !(function.len() == 8
            && function
                .bytes()
                .all(|b| b == b'-' || (b'0'..=b'7').contains(&b) || b == b'B'))
        {
            return err("bad function");
        }
        if !is_upper_or_empty(&r.status, 2) {
            return err("bad status");
        }
        if !is_upper_or_empty(&r.iata, 3) {
            return err("bad IATA");
        }
        if !(r.subdivision.len() <= 3
            && r.subdivision
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()))
        {
            return err("bad subdivision");
        }
        if r.name.is_empty() {
            return err("empty name");
        }
        if !r.withdrawn && !r.remarks.is_empty() {
            return err("remarks on a current entry");
        }
        fixed.push_str(&r.code);
        pad(&mut fixed, &r.iata, 3);
        pad(&mut fixed, &r.subdivision, 3);
        rec.extend_from_slice(&offset(&pool).map_err(|e| (i, e))?.to_le_bytes());
        rec.push(len_u8(&r.name).map_err(|e| (i, e))?);
        rec.push(len_u8(&r.remarks).map_err(|e| (i, e))?);
        let f = functions.binary_search(&function).unwrap_or(0);
        let s = statuses.binary_search(&r.status.as_str()).unwrap_or(0);
        rec.push(f as u8);
        rec.push((s as u8) << 1 | u8::from(r.withdrawn));
        pool.push_str(&r.name);
        pool.push_str(&r.remarks);
    }
    if !names {
        rec = rec.chunks(8).flat_map(|r| [r[6], r[7]]).collect();
        pool.clear();
        fixed = fixed
            .as_bytes()
            .chunks(11)
            .map(|r| String::from_utf8_lossy(&r[..5]).into_owned())
            .collect();
    }
    let mut status_text = String::new();
    for s in &statuses {
        pad(&mut status_text, s, 2);
    }
    Ok(UnlocodeBlobs {
        bucket: starts(&counts),
        fixed,
        rec,
        text: pool,
        functions: functions.concat(),
        statuses: status_text,
    })
}

/// Lays out airports sorted by country (fewer than 2¹⁶). `names`: keep name, city and
/// subdivision. An error names the row (0-based) and the reason.
pub fn airports(rows: &[AirportRow], names: bool) -> Result<AirportBlobs, (usize, String)> {
    let m = rows.len();
    if m >= usize::from(u16::MAX) {
        return Err((m, "too many airports for 16-bit indexes".into()));
    }
    let mut iata = vec![0u8; 26 * 26 * 26 * 2];
    let mut icao: Vec<(usize, u16, u16)> = Vec::new();
    let mut counts = vec![0u32; 26 * 26];
    let mut fixed = String::with_capacity(m * 9);
    let mut rec = Vec::with_capacity(m * 8);
    let mut pool = String::with_capacity(m * 40);
    let mut prev_country = 0;
    for (i, r) in rows.iter().enumerate() {
        let err = |why: &str| Err((i, format!("{}{}: {why}", r.iata, r.icao)));
        let entry = i as u16;
        if !r.iata.is_empty() {
            let Some(k) = alpha_index(&r.iata, 3) else {
                return err("bad IATA");
            };
            if iata[k * 2] != 0 || iata[k * 2 + 1] != 0 {
                return err("repeated IATA");
            }
            iata[k * 2..k * 2 + 2].copy_from_slice(&(entry + 1).to_le_bytes());
        }
        if !r.icao.is_empty() {
            let Some(k) = alpha_index(&r.icao, 4) else {
                return err("bad ICAO");
            };
            icao.push((k / (26 * 26), (k % (26 * 26)) as u16, entry));
        }
        if r.iata.is_empty() && r.icao.is_empty() {
            return err("no code");
        }
        let Some(country) = alpha_index(&r.country, 2) else {
            return err("bad country");
        };
        if country < prev_country {
            return err("not sorted by country");
        }
        prev_country = country;
        counts[country] += 1;
        pad(&mut fixed, &r.iata, 3);
        pad(&mut fixed, &r.icao, 4);
        fixed.push_str(&r.country);
        if r.name.is_empty() {
            return err("empty name");
        }
        rec.extend_from_slice(&offset(&pool).map_err(|e| (i, e))?.to_le_bytes());
        rec.push(len_u8(&r.name).map_err(|e| (i, e))?);
        rec.push(len_u8(&r.city).map_err(|e| (i, e))?);
        rec.push(len_u8(&r.subdivision).map_err(|e| (i, e))?);
        rec.push(0);
        pool.push_str(&r.name);
        pool.push_str(&r.city);
        pool.push_str(&r.subdivision);
    }
    if !names {
        rec.clear();
        pool.clear();
    }
    icao.sort_unstable();
    let mut icao_counts = vec![0u32; 26 * 26];
    let mut icao_keys = Vec::with_capacity(icao.len() * 2);
    let mut icao_entries = Vec::with_capacity(icao.len() * 2);
    for w in icao.windows(2) {
        if (w[0].0, w[0].1) == (w[1].0, w[1].1) {
            return Err((usize::from(w[1].2), "repeated ICAO".into()));
        }
    }
    for &(prefix, suffix, entry) in &icao {
        icao_counts[prefix] += 1;
        icao_keys.extend_from_slice(&suffix.to_le_bytes());
        icao_entries.extend_from_slice(&entry.to_le_bytes());
    }
    Ok(AirportBlobs {
        iata,
        icao_prefix: starts(&icao_counts),
        icao_keys,
        icao_entries,
        country: starts(&counts),
        fixed,
        rec,
        text: pool,
    })
}
