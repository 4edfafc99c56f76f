//! UNSD's correlation tables between the HS editions (spec 7.1): the pairs of one table, and
//! the codes of one edition that they pair with a code of another.

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::sync::OnceLock;

use super::{HsEdition, HsEditions, HsTable, BUILTIN};

impl HsTable {
    /// The subheadings of edition `to` paired with the subheading at `idx` of the adjacent
    /// edition `from` (2022 and 2017, or 2017 and 2012).
    fn adjacent(&self, idx: usize, from: HsEdition, to: HsEdition) -> Vec<(usize, HsRelationship)> {
        let mut out = Vec::new();
        let Ok(i) = u16::try_from(idx) else {
            return out;
        };
        let [c22_17, c17_12] = &self.correlations;
        match (from, to) {
            (HsEdition::Hs2022, HsEdition::Hs2017) => c22_17.older(i, &mut out),
            (HsEdition::Hs2017, HsEdition::Hs2012) => c17_12.older(i, &mut out),
            (HsEdition::Hs2017, HsEdition::Hs2022) => c22_17.newer(i, &mut out),
            (HsEdition::Hs2012, HsEdition::Hs2017) => c17_12.newer(i, &mut out),
            _ => return out,
        }
        let both = HsEditions(self.rec(idx)[2]);
        if out.is_empty() && both.contains(from) && both.contains(to) {
            // Left out of the packed table: the code is its own 1:1 partner.
            out.push((idx, HsRelationship::OneToOne));
        }
        out
    }

    /// The codes of edition `to` (as indexes) paired with `code` of edition `from`, without
    /// relationships; through HS 2017 between 2012 and 2022; headings through their
    /// subheadings.
    fn targets(&self, idx: usize, from: HsEdition, to: HsEdition) -> BTreeSet<usize> {
        let mut out = BTreeSet::new();
        if !HsEditions(self.rec(idx)[2]).contains(from) {
            return out;
        }
        if from == to {
            out.insert(idx);
            return out;
        }
        match self.rec(idx)[1] {
            6 => {
                let mut frontier = vec![idx];
                let mut at = from;
                let step = if to > from { 1isize } else { -1 };
                while at != to {
                    let next = HsEdition::ALL[(at as isize + step) as usize];
                    let mut reached = BTreeSet::new();
                    for i in frontier {
                        reached.extend(self.adjacent(i, at, next).into_iter().map(|(j, _)| j));
                    }
                    frontier = reached.into_iter().collect();
                    at = next;
                }
                out.extend(frontier);
            }
            4 => {
                // The headings of the codes paired with the heading's subheadings.
                let code = self.code_at(idx);
                for sub in idx + 1..self.len() {
                    let sub_code = self.code_at(sub);
                    if !sub_code.starts_with(code) {
                        break;
                    }
                    for t in self.targets(sub, from, to) {
                        if let Some(h) = self.code_at(t).get(..4).and_then(|c| self.index_of(c)) {
                            out.insert(h);
                        }
                    }
                }
            }
            _ => {
                // Chapters do not change between editions.
                if HsEditions(self.rec(idx)[2]).contains(to) {
                    out.insert(idx);
                }
            }
        }
        out
    }

    /// [`hs_correlate`] in this table.
    pub(crate) fn correlate(&self, code: &str, from: HsEdition, to: HsEdition) -> Vec<HsPair<'_>> {
        let Some(idx) = self.index_of(code) else {
            return Vec::new();
        };
        let adjacent_pair = self.rec(idx)[1] == 6 && (from as isize - to as isize).abs() == 1;
        if adjacent_pair {
            let mut pairs = self.adjacent(idx, from, to);
            if !HsEditions(self.rec(idx)[2]).contains(from) {
                pairs.clear();
            }
            pairs.sort_by_key(|p| p.0);
            return pairs
                .into_iter()
                .map(|(i, relationship)| HsPair {
                    code: self.code_at(i),
                    relationship,
                })
                .collect();
        }
        let found = self.targets(idx, from, to);
        let many_to = found.len();
        found
            .into_iter()
            .map(|i| HsPair {
                code: self.code_at(i),
                relationship: HsRelationship::of_counts(self.targets(i, to, from).len(), many_to),
            })
            .collect()
    }
}

/// How the codes of a correlated pair relate (UNSD's notation, read from the edition of the
/// look-up to the edition asked for): `1:n` means that the code splits into several codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum HsRelationship {
    /// One code for one code.
    OneToOne,
    /// The code is split among several codes.
    OneToMany,
    /// Several codes were merged into this one.
    ManyToOne,
    /// Parts of several codes were regrouped into several codes.
    ManyToMany,
}

impl HsRelationship {
    /// `"1:1"`, `"1:n"`, `"n:1"` or `"n:n"`.
    pub fn as_str(self) -> &'static str {
        match self {
            HsRelationship::OneToOne => "1:1",
            HsRelationship::OneToMany => "1:n",
            HsRelationship::ManyToOne => "n:1",
            HsRelationship::ManyToMany => "n:n",
        }
    }

    fn from_bits(bits: u16) -> HsRelationship {
        match bits & 3 {
            0 => HsRelationship::OneToOne,
            1 => HsRelationship::OneToMany,
            2 => HsRelationship::ManyToOne,
            _ => HsRelationship::ManyToMany,
        }
    }

    fn of_counts(from_side: usize, to_side: usize) -> HsRelationship {
        match (from_side > 1, to_side > 1) {
            (false, false) => HsRelationship::OneToOne,
            (false, true) => HsRelationship::OneToMany,
            (true, false) => HsRelationship::ManyToOne,
            (true, true) => HsRelationship::ManyToMany,
        }
    }

    /// The same relationship read the other way.
    fn reversed(self) -> HsRelationship {
        match self {
            HsRelationship::OneToMany => HsRelationship::ManyToOne,
            HsRelationship::ManyToOne => HsRelationship::OneToMany,
            other => other,
        }
    }
}

/// One code of the edition asked for that the correlation tables pair with the code looked up.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct HsPair<'t> {
    /// The code in the edition asked for.
    pub code: &'t str,
    /// How it relates to the code looked up.
    pub relationship: HsRelationship,
}

/// The pairs of one correlation table, and the same sorted by the older code (built on first
/// use).
#[derive(Clone, Debug)]
pub(crate) struct Correlation {
    pub(crate) bytes: Cow<'static, [u8]>,
    by_older: OnceLock<Vec<(u16, u16)>>,
}

impl Correlation {
    pub(crate) const fn new(bytes: Cow<'static, [u8]>) -> Correlation {
        Correlation {
            bytes,
            by_older: OnceLock::new(),
        }
    }

    pub(super) fn len(&self) -> usize {
        self.bytes.len() / 4
    }

    /// Pair `i`: the newer code's index, and the older code's with the relationship's bits.
    pub(super) fn pair(&self, i: usize) -> (u16, u16) {
        let column = |at: usize| match self.bytes.get(at..at + 2) {
            Some(&[a, b]) => Some(u16::from_le_bytes([a, b])),
            _ => None,
        };
        match (column(i * 2), column(self.len() * 2 + i * 2)) {
            (Some(a), Some(b)) => (a, b),
            _ => (u16::MAX, 0),
        }
    }

    /// The older codes paired with the newer code at `idx`: (index, relationship).
    fn older(&self, idx: u16, out: &mut Vec<(usize, HsRelationship)>) {
        let (mut low, mut high) = (0, self.len());
        while low < high {
            let mid = (low + high) / 2;
            if self.pair(mid).0 < idx {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        for i in low..self.len() {
            let (a, b) = self.pair(i);
            if a != idx {
                break;
            }
            out.push((usize::from(b & 0x3fff), HsRelationship::from_bits(b >> 14)));
        }
    }

    /// The newer codes paired with the older code at `idx`, relationship read from old to new.
    fn newer(&self, idx: u16, out: &mut Vec<(usize, HsRelationship)>) {
        let by_older = self.by_older.get_or_init(|| {
            let mut v: Vec<(u16, u16)> = (0..self.len())
                .map(|i| {
                    let (a, b) = self.pair(i);
                    (b & 0x3fff, a | (b & 0xc000))
                })
                .collect();
            v.sort_unstable();
            v
        });
        let start = by_older.partition_point(|p| p.0 < idx);
        for &(b, a) in by_older[start..].iter().take_while(|p| p.0 == idx) {
            let _ = b;
            out.push((
                usize::from(a & 0x3fff),
                HsRelationship::from_bits(a >> 14).reversed(),
            ));
        }
    }
}

/// The codes of edition `to` that UNSD's correlation tables pair with `code` of edition
/// `from`, sorted, each with its relationship (spec 7.1).
///
/// Between adjacent editions (2022 and 2017, 2017 and 2012) a subheading's pairs and their
/// relationships are UNSD's; between 2012 and 2022 the pairs go through HS 2017, and a
/// heading's are the headings of its subheadings' pairs: their relationships are those that
/// the pairs imply (`n` on a side that has several codes). A code of both editions that UNSD
/// leaves unchanged is its own `1:1` partner; a chapter is its own partner. Empty when `from`
/// lacks the code, or when the code is not a 2-, 4- or 6-digit code.
///
/// ```
/// use codes_data::{hs_correlate, HsEdition};
/// let phones = hs_correlate("851712", HsEdition::Hs2017, HsEdition::Hs2022);
/// let codes: Vec<&str> = phones.iter().map(|p| p.code).collect();
/// assert!(codes.contains(&"851713") && codes.contains(&"851714"));
/// assert_eq!(hs_correlate("851713", HsEdition::Hs2022, HsEdition::Hs2017)[0].relationship.as_str(), "n:1");
/// assert_eq!(hs_correlate("010121", HsEdition::Hs2012, HsEdition::Hs2022)[0].code, "010121");
/// assert!(hs_correlate("851712", HsEdition::Hs2022, HsEdition::Hs2017).is_empty());
/// ```
pub fn hs_correlate(code: &str, from: HsEdition, to: HsEdition) -> Vec<HsPair<'static>> {
    BUILTIN.correlate(code, from, to)
}
