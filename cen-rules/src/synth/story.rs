//! The story of a seizure, drawn before a record is written: who reports it, how the goods
//! travelled, what they are, under which procedure, where from and where to, on which day.

use cen_model::Date;
use codes_data::{CommodityArea, GoodsType};

use super::rng::Rng;
use super::world::{sources, AREAS, CONVEYANCES, PLACES, PROCEDURES, REPORTERS, SOURCES};

/// What happened, drawn before anything is written.
pub(super) struct Story {
    pub reporting: &'static str,
    pub conveyance: &'static str,
    pub area: &'static CommodityArea,
    pub goods_type: &'static GoodsType,
    pub unit: &'static str,
    pub procedure: &'static str,
    pub source: &'static str,
    /// The simplified form (spec 2.2) rather than the long one.
    pub simplified: bool,
    /// A country the goods typically come from, other than the reporting one.
    pub foreign: &'static str,
    pub departure: &'static str,
    pub destination: &'static str,
    pub seizure: Date,
}

impl Story {
    pub(super) fn draw(rng: &mut Rng, today: Date) -> Story {
        let reporting = *rng.weighted(REPORTERS);
        let conveyance = *rng.weighted(CONVEYANCES);
        let area_roll = rng.weighted(AREAS);
        let area =
            codes_data::commodity_area(area_roll).unwrap_or(&codes_data::commodity_areas()[0]);
        let goods_type = rng.pick(area.types());
        let unit = *rng.pick(goods_type.units());
        let procedure = *rng.weighted(PROCEDURES);
        let source = *rng.weighted(SOURCES);
        let simplified = rng.chance(0.2);

        let foreign = {
            let candidates: Vec<&str> = sources(area.code())
                .iter()
                .copied()
                .filter(|c| *c != reporting)
                .collect();
            *rng.pick(&candidates)
        };
        let other_foreign = {
            let candidates: Vec<&str> = PLACES
                .iter()
                .map(|p| p.0)
                .filter(|c| *c != reporting && *c != foreign)
                .collect();
            *rng.pick(&candidates)
        };
        let (departure, destination) = match procedure {
            "import" => (foreign, reporting),
            "export" => (reporting, foreign),
            "domestic" => (reporting, reporting),
            _ => (foreign, other_foreign),
        };
        let seizure = days_before(rng, today, 3 * 365);
        Story {
            reporting,
            conveyance,
            area,
            goods_type,
            unit,
            procedure,
            source,
            simplified,
            foreign,
            departure,
            destination,
            seizure,
        }
    }

    pub(super) fn by_air(&self) -> bool {
        matches!(
            self.conveyance,
            "air_passenger" | "air_cargo" | "air_general_aviation" | "express_courier" | "postal"
        )
    }

    pub(super) fn by_sea(&self) -> bool {
        matches!(
            self.conveyance,
            "sea_container" | "sea_cargo" | "sea_small_craft"
        )
    }
}

/// A day at most `max_days` before `day`.
fn days_before(rng: &mut Rng, day: Date, max_days: usize) -> Date {
    Date::from_days_since_epoch(day.days_since_epoch() - rng.below(max_days + 1) as i64)
        .unwrap_or(day)
}
