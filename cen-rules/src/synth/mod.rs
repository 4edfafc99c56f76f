//! A seeded generator of realistic synthetic seizure records: every commodity area, conveyance
//! type, procedure, source and form, valid, or with a chosen share of the mistakes people make.
//! The same seed gives the same records on every platform (its random numbers are its own, not
//! a library's whose stream could change).
//!
//! ```
//! use cen_rules::synth::Generator;
//! let mut generator = Generator::new(7).invalid_share(0.25);
//! let sample = generator.next_record();
//! assert!(sample.record.is_object());
//! assert_eq!(Generator::new(7).invalid_share(0.25).next_record().record, sample.record);
//! ```
//!
//! The parts: `rng.rs` (the random numbers), `world.rs` (places, routes, conveyances and how
//! often each occurs), `story.rs` (what happened, drawn first), `record.rs` (the valid record
//! written from the story, with `conveyance.rs` for the leg and `goods.rs` for the goods line)
//! and `mistake.rs` (the mistakes, each knowing the rule it provokes).

mod conveyance;
mod goods;
mod mistake;
mod record;
mod rng;
mod story;
mod world;

use cen_model::Date;
use serde_json::{Map, Value};

pub use mistake::Mistake;
use rng::Rng;

/// The default end of the generated dates: the project's reference day, so that the default
/// stream never changes with the day it is generated.
pub const DEFAULT_TODAY: Date = match Date::new(2026, 11, 28) {
    Some(day) => day,
    None => panic!("2026-11-28 is a date"),
};

/// What a generated record is, and which rule its mistake, if any, should trigger.
#[derive(Debug, Clone, PartialEq)]
pub struct Generated {
    /// The record as JSON (a mistake may make it something no Rust type can hold).
    pub record: Value,
    /// The rules that the introduced mistakes should trigger (empty for a valid record).
    pub intended: Vec<&'static str>,
}

/// The generator. Use [`Generator::next_record`] or iterate.
#[derive(Debug, Clone)]
pub struct Generator {
    rng: Rng,
    invalid_share: f64,
    today: Date,
}

impl Generator {
    /// A generator of valid records from this seed, with dates up to 2026-11-28.
    pub fn new(seed: u64) -> Generator {
        Generator {
            rng: Rng::new(seed),
            invalid_share: 0.0,
            today: DEFAULT_TODAY,
        }
    }

    /// The share (0 to 1) of records that carry a realistic mistake.
    pub fn invalid_share(mut self, share: f64) -> Generator {
        self.invalid_share = if share.is_finite() {
            share.clamp(0.0, 1.0)
        } else {
            0.0
        };
        self
    }

    /// The last possible seizure date (records are dated over the three years before it).
    pub fn today(mut self, today: Date) -> Generator {
        self.today = today;
        self
    }

    /// The next record.
    pub fn next_record(&mut self) -> Generated {
        let mut record = record::valid(&mut self.rng, self.today);
        let mut intended = Vec::new();
        if self.rng.chance(self.invalid_share) {
            let mut touched: Vec<&str> = Vec::new();
            let count = if self.rng.chance(0.15) { 2 } else { 1 };
            for _ in 0..count {
                if let Some(mistake) = self.mistake(&mut record, &touched) {
                    intended.push(mistake.rule().id);
                    touched.extend_from_slice(mistake.touches());
                }
            }
        }
        Generated {
            record: Value::Object(record),
            intended,
        }
    }

    /// Makes one mistake that touches none of the fields in `avoid`, trying every mistake in
    /// turn from a random one; the mistake made, if the record had room for any.
    fn mistake(&mut self, record: &mut Map<String, Value>, avoid: &[&str]) -> Option<Mistake> {
        let start = self.rng.below(Mistake::ALL.len());
        (0..Mistake::ALL.len())
            .map(|step| Mistake::ALL[(start + step) % Mistake::ALL.len()])
            .filter(|mistake| !mistake.touches().iter().any(|t| avoid.contains(t)))
            .find(|mistake| mistake.apply(&mut self.rng, record, self.today).is_some())
    }
}

impl Iterator for Generator {
    type Item = Generated;
    fn next(&mut self) -> Option<Generated> {
        Some(self.next_record())
    }
}

#[cfg(test)]
mod tests {
    use super::world::{PLACES, REPORTERS};
    use super::*;
    use crate::{Options, Validator};

    fn validator() -> Validator {
        Validator::new(Options {
            today: Date::parse("2026-11-28"),
            ..Options::default()
        })
        .unwrap()
    }

    /// The stream of a seed is part of the contract (`cen generate --seed`, the sample files,
    /// benchmarks): this is the FNV-1a hash of the first 5,000 records of seed 7 with 30 %
    /// mistakes, each written as its JSON text, a tab, its intended rules joined by commas and
    /// a newline, as the generator made them before it was split into modules.
    #[test]
    fn the_stream_of_a_seed_never_changes() {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        let mut feed = |bytes: &[u8]| {
            for &b in bytes {
                hash = (hash ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
            }
        };
        for generated in Generator::new(7).invalid_share(0.3).take(5000) {
            feed(generated.record.to_string().as_bytes());
            feed(b"\t");
            feed(generated.intended.join(",").as_bytes());
            feed(b"\n");
        }
        assert_eq!(hash, 0x8589_677a_4a1f_425d);
    }

    #[test]
    fn every_mistake_provokes_a_rule_of_the_catalogue_of_its_own() {
        let mut rules: Vec<&str> = Mistake::ALL.iter().map(|m| m.rule().id).collect();
        for id in &rules {
            assert!(crate::rule(id).is_some(), "{id}");
        }
        rules.sort_unstable();
        rules.dedup();
        assert_eq!(rules.len(), Mistake::ALL.len());
    }

    #[test]
    fn every_curated_place_resolves_in_its_country() {
        for (country, airports, seaports) in PLACES {
            assert!(codes_data::country(country).is_some(), "{country}");
            for code in *airports {
                let place = codes_data::resolve_location(code).unwrap_or_else(|| panic!("{code}"));
                assert!(place.is_airport() && place.country() == *country, "{code}");
            }
            for code in *seaports {
                let place = codes_data::resolve_location(code).unwrap_or_else(|| panic!("{code}"));
                assert!(place.is_seaport() && place.country() == *country, "{code}");
            }
        }
        for (country, _) in REPORTERS {
            assert!(PLACES.iter().any(|p| p.0 == *country), "{country}");
        }
    }

    #[test]
    fn valid_records_are_valid_and_cover_every_area_and_conveyance() {
        let validator = validator();
        let mut areas = std::collections::BTreeSet::new();
        let mut conveyances = std::collections::BTreeSet::new();
        for generated in Generator::new(1).take(3000) {
            assert!(generated.intended.is_empty());
            let report = validator.validate_value(&generated.record);
            assert!(
                report.issues.is_empty(),
                "{}\n{:#?}",
                generated.record,
                report.issues
            );
            areas.insert(
                generated.record["goods"][0]["commodity"]
                    .as_str()
                    .unwrap()
                    .to_owned(),
            );
            conveyances.insert(
                generated.record["conveyance"][0]["type"]
                    .as_str()
                    .unwrap()
                    .to_owned(),
            );
        }
        assert_eq!(areas.len(), 13);
        assert_eq!(conveyances.len(), 17);
    }

    #[test]
    fn mistakes_trigger_their_rule() {
        let validator = validator();
        let mut seen = std::collections::BTreeSet::new();
        for generated in Generator::new(2).invalid_share(1.0).take(3000) {
            assert!(!generated.intended.is_empty());
            let report = validator.validate_value(&generated.record);
            for rule in &generated.intended {
                assert!(
                    report.issues.iter().any(|i| i.rule == *rule),
                    "{rule} not reported for {}",
                    generated.record
                );
                seen.insert(*rule);
            }
        }
        assert!(seen.len() >= 18, "{seen:?}");
    }

    #[test]
    fn the_share_of_mistakes_is_about_what_was_asked() {
        let invalid = Generator::new(3)
            .invalid_share(0.1)
            .take(5000)
            .filter(|g| !g.intended.is_empty())
            .count();
        assert!((400..600).contains(&invalid), "{invalid}");
    }
}
