//! Resolving a location code by its length (spec 2.2, CEN-COD-002).

use crate::airport::AirportTable;
use crate::unlocode::UnlocodeTable;
use crate::{Airport, UnLocode};

/// A location code resolved in the airport or UN/LOCODE table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ResolvedLocation<'t> {
    /// A three-letter IATA or four-letter ICAO code of the airport table.
    Airport(Airport<'t>),
    /// A current (not withdrawn) UN/LOCODE.
    UnLocode(UnLocode<'t>),
}

impl<'t> ResolvedLocation<'t> {
    /// The country of the place: the airport's country, or the first two letters of the
    /// UN/LOCODE.
    pub fn country(&self) -> &'t str {
        match self {
            ResolvedLocation::Airport(a) => a.country(),
            ResolvedLocation::UnLocode(l) => l.country(),
        }
    }

    /// The name of the place.
    pub fn name(&self) -> &'t str {
        match self {
            ResolvedLocation::Airport(a) => a.name(),
            ResolvedLocation::UnLocode(l) => l.name(),
        }
    }

    /// Whether the place is an airport (spec 2.2): it came from the airport table, or its
    /// UN/LOCODE function has `4` in position 4.
    pub fn is_airport(&self) -> bool {
        match self {
            ResolvedLocation::Airport(_) => true,
            ResolvedLocation::UnLocode(l) => l.is_airport(),
        }
    }

    /// Whether the place is a seaport (spec 2.2): a UN/LOCODE whose function has `1` in
    /// position 1. An entry of the airport table is never a seaport.
    pub fn is_seaport(&self) -> bool {
        match self {
            ResolvedLocation::Airport(_) => false,
            ResolvedLocation::UnLocode(l) => l.is_seaport(),
        }
    }

    /// The code that was resolved: the UN/LOCODE, or the airport's IATA code when it was
    /// found by IATA and its ICAO code when it was found by ICAO.
    pub fn code(&self) -> &'t str {
        match self {
            ResolvedLocation::Airport(a) => a.code(),
            ResolvedLocation::UnLocode(l) => l.code(),
        }
    }
}

/// Resolves a location code by its length (spec 2.2): 3 → IATA airport, 4 → ICAO airport,
/// 5 → UN/LOCODE (`^[A-Z]{2}[A-Z2-9]{3}$`, not withdrawn). Anything else, or a code that
/// is not in its table, gives `None`. Codes are exact: upper case, no space.
///
/// ```
/// use codes_data::resolve_location;
/// let jea = resolve_location("AEJEA").unwrap();
/// assert!(jea.is_seaport() && !jea.is_airport());
/// assert_eq!((jea.country(), jea.name()), ("AE", "Jebel Ali"));
///
/// // Rotterdam's function "12345---" makes it a seaport and an airport.
/// let rtm = resolve_location("NLRTM").unwrap();
/// assert!(rtm.is_seaport() && rtm.is_airport());
///
/// let lhr = resolve_location("EGLL").unwrap();
/// assert!(lhr.is_airport());
/// assert_eq!((lhr.code(), lhr.country()), ("EGLL", "GB"));
///
/// assert!(resolve_location("CNTLS").is_none()); // withdrawn
/// assert!(resolve_location("NLRT").is_none());
/// ```
pub fn resolve_location(code: &str) -> Option<ResolvedLocation<'static>> {
    resolve_in(&crate::airport::BUILTIN, &crate::unlocode::BUILTIN, code)
}

/// [`resolve_location`] in the given tables (built-in or of a pack).
pub(crate) fn resolve_in<'t>(
    airports: &'t AirportTable,
    unlocodes: &'t UnlocodeTable,
    code: &str,
) -> Option<ResolvedLocation<'t>> {
    match code.len() {
        3 => airports.by_iata(code).map(ResolvedLocation::Airport),
        4 => airports.by_icao(code).map(ResolvedLocation::Airport),
        5 => unlocodes
            .get(code)
            .filter(|l| !l.is_withdrawn())
            .map(ResolvedLocation::UnLocode),
        _ => None,
    }
}
