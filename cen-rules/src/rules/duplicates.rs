//! DUP: duplicates within a batch (spec 3). Each record gives a few keys; a later record that
//! shares a key with an earlier one of the same batch is a possible duplicate of the earliest.

use std::collections::HashMap;

use crate::definition::{Param, Rule, Severity};
use crate::facts::Facts;
use crate::values::identifiers::awb_digits;

/// CEN-DUP-001: a possible duplicate of an earlier record of the batch.
pub static DUP_001: Rule = Rule {
    id: "CEN-DUP-001",
    severity: Severity::Warning,
    params: &[Param::as_is("first")],
    summary: "An earlier record of the same batch has the same reporting_country and seizure_date and shares an awb, container or postal_item, or the same flight and goods type.",
};

/// The duplicate keys of one record: 64-bit fingerprints of (reporting country, seizure date,
/// kind of identifier, identifier). Fingerprints keep memory small on long streams; two
/// different keys share one with a probability of about 2^-64 per pair.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DuplicateKeys(Vec<u64>);

impl DuplicateKeys {
    /// True when the record gives no key (no valid country, date or identifier).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The 64-bit fingerprints of the keys, for engines that find duplicates across partitions
    /// with a shuffle of their own (two records are duplicates when they share one).
    pub fn fingerprints(&self) -> &[u64] {
        &self.0
    }
}

/// FNV-1a with a final avalanche: stable across platforms, builds and versions, unlike the
/// standard library's hasher.
fn fingerprint(parts: &[&[u8]]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &byte in part.iter().chain(std::iter::once(&0x1f)) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    hash ^= hash >> 33;
    hash = hash.wrapping_mul(0xff51_afd7_ed55_8ccd);
    hash ^= hash >> 33;
    hash = hash.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    hash ^ (hash >> 33)
}

/// The keys of a record; only valid values take part.
pub(crate) fn keys(facts: &Facts) -> DuplicateKeys {
    let (Some(country), Some(date)) = (facts.reporting, facts.seizure_date) else {
        return DuplicateKeys::default();
    };
    let day = date.days_since_epoch().to_le_bytes();
    let (country, day) = (country.as_bytes(), &day[..]);
    let mut keys = Vec::new();
    for leg in &facts.legs {
        if let Some(awb) = leg.awb.and_then(awb_digits) {
            keys.push(fingerprint(&[country, day, b"awb", &awb]));
        }
        if let Some(container) = leg.container {
            keys.push(fingerprint(&[
                country,
                day,
                b"container",
                container.as_bytes(),
            ]));
        }
        if let Some(item) = leg.postal_item {
            keys.push(fingerprint(&[
                country,
                day,
                b"postal_item",
                item.as_bytes(),
            ]));
        }
        if let Some(flight) = leg.flight {
            for goods_type in facts.goods.iter().filter_map(|g| g.goods_type) {
                keys.push(fingerprint(&[
                    country,
                    day,
                    b"flight",
                    flight.as_bytes(),
                    goods_type.code().as_bytes(),
                ]));
            }
        }
    }
    keys.sort_unstable();
    keys.dedup();
    DuplicateKeys(keys)
}

/// Fingerprints are already well mixed: hashing them again would only cost time.
#[derive(Default, Clone, Copy)]
struct Unmixed(u64);

impl std::hash::Hasher for Unmixed {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, value: u64) {
        self.0 = value;
    }
}

/// The keys seen so far in a batch, each with the index of the first record that gave it:
/// about 13 bytes per distinct key (a 64-bit fingerprint and a 32-bit index in an open
/// table), the only memory of a batch that grows with its length.
#[derive(Clone, Default)]
pub struct DuplicateIndex {
    first: HashMap<u64, u32, std::hash::BuildHasherDefault<Unmixed>>,
}

impl std::fmt::Debug for DuplicateIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DuplicateIndex")
            .field("keys", &self.first.len())
            .finish()
    }
}

impl DuplicateIndex {
    /// An empty index.
    pub fn new() -> DuplicateIndex {
        DuplicateIndex::default()
    }

    /// Looks up the keys of record `index` and then remembers them: the index of the earliest
    /// earlier record sharing a key, if any. Records past index 2^32 − 1 of one batch are still
    /// checked against earlier keys but add none of their own.
    pub fn observe(&mut self, index: usize, keys: &DuplicateKeys) -> Option<usize> {
        let earliest = keys
            .0
            .iter()
            .filter_map(|k| self.first.get(k).copied())
            .min();
        if let Ok(index) = u32::try_from(index) {
            for key in &keys.0 {
                self.first.entry(*key).or_insert(index);
            }
        }
        earliest.map(|i| i as usize)
    }

    /// How many keys are remembered.
    pub fn len(&self) -> usize {
        self.first.len()
    }

    /// True when no key is remembered.
    pub fn is_empty(&self) -> bool {
        self.first.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::fingerprint;
    use crate::testing::base;
    use crate::{Options, Validator};
    use serde_json::json;

    fn batch(records: &[serde_json::Value]) -> Vec<Vec<String>> {
        let validator = Validator::new(Options {
            today: cen_model::Date::parse("2026-11-28"),
            ..Options::default()
        })
        .unwrap();
        let texts: Vec<String> = records.iter().map(|r| r.to_string()).collect();
        validator
            .validate_many(texts.iter().map(String::as_str))
            .iter()
            .map(|report| {
                report
                    .issues
                    .iter()
                    .map(|i| {
                        format!(
                            "{} {} {}",
                            i.rule,
                            i.path,
                            serde_json::to_string(&i.params).unwrap()
                        )
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn the_same_flight_and_goods_type_on_the_same_day_is_a_duplicate_of_the_first() {
        let r = base();
        let mut other_day = base();
        other_day["seizure_date"] = json!("2026-02-27");
        let got = batch(&[r.clone(), other_day, r.clone(), r]);
        assert_eq!(got[0], Vec::<String>::new());
        assert_eq!(got[1], Vec::<String>::new());
        assert_eq!(got[2], [r#"CEN-DUP-001  {"first":0}"#]);
        assert_eq!(got[3], [r#"CEN-DUP-001  {"first":0}"#]);
    }

    #[test]
    fn awb_matches_with_or_without_its_hyphen_and_invalid_ones_do_not_take_part() {
        let mut a = base();
        a["conveyance"][0] = json!({"type": "air_cargo", "awb": "016-12345675"});
        let mut b = a.clone();
        b["conveyance"][0]["awb"] = json!("01612345675");
        let mut c = a.clone();
        c["conveyance"][0]["awb"] = json!("016-12345676");
        let got = batch(&[c.clone(), a, b, c]);
        assert_eq!(got[2], [r#"CEN-DUP-001  {"first":1}"#]);
        assert_eq!(got[3], [r#"CEN-IDN-003 /conveyance/0/awb {}"#]);
    }

    #[test]
    fn with_the_rule_off_a_record_has_no_keys_and_the_index_stays_empty() {
        let record = base().to_string();
        let validator = |profile: Option<&str>| {
            Validator::new(Options {
                today: cen_model::Date::parse("2026-11-28"),
                profile: profile.map(|p| crate::Profile::from_json(p).unwrap()),
                ..Options::default()
            })
            .unwrap()
        };
        let on = validator(None).check(crate::Input::Json(&record));
        assert!(!on.duplicate_keys().is_empty());
        assert!(!on.duplicate_keys().fingerprints().is_empty());
        let off = validator(Some(r#"{"severity": {"CEN-DUP-001": "off"}}"#))
            .check(crate::Input::Json(&record));
        assert!(off.duplicate_keys().is_empty());
        assert_eq!(off.duplicate_keys().fingerprints(), &[] as &[u64]);
        let mut index = super::DuplicateIndex::new();
        for position in 0..3 {
            assert_eq!(index.observe(position, off.duplicate_keys()), None);
        }
        assert!(index.is_empty());
    }

    #[test]
    fn fingerprints_are_stable() {
        // Pinned: a change of the function would change which records every surface pairs.
        assert_eq!(
            fingerprint(&[b"BE", b"x", b"awb", b"01612345675"]),
            17_663_141_990_928_902_808
        );
        assert_ne!(fingerprint(&[b"BE", b"2026"]), fingerprint(&[b"BE2026"]));
    }
}
