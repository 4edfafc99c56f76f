//! The leg of a valid record: its type and date, where it went from and to, and the
//! identifiers of its means of transport, each with a correct check digit (spec 4).

use cen_model::Date;
use serde_json::{Map, Value};

use super::rng::Rng;
use super::story::Story;
use super::world::{AIRLINES, AWB_PREFIXES, COURIERS, OWNER_CODES, SHIPPING_LINES};

/// The one leg of a valid record; `here` is the place of seizure, `there` the place of
/// departure.
pub(super) fn leg(rng: &mut Rng, story: &Story, here: &str, there: &str) -> Map<String, Value> {
    let conveyance = story.conveyance;
    let leg_date =
        Date::from_days_since_epoch(story.seizure.days_since_epoch() - rng.below(4) as i64)
            .unwrap_or(story.seizure);
    let mut leg = Map::new();
    leg.insert("type".into(), conveyance.into());
    leg.insert("date".into(), leg_date.to_string().into());
    if (story.by_air() || story.by_sea())
        && story.procedure != "export"
        && story.departure != story.reporting
    {
        leg.insert("from".into(), there.into());
        leg.insert("to".into(), here.into());
    }
    match conveyance {
        "air_passenger" => {
            let airline = *rng.pick(AIRLINES);
            leg.insert("carrier".into(), airline.into());
            leg.insert(
                "flight".into(),
                format!("{airline}{}", 1 + rng.below(9998)).into(),
            );
        }
        "air_cargo" | "express_courier" => {
            leg.insert("awb".into(), awb(rng).into());
            if conveyance == "express_courier" {
                leg.insert("carrier".into(), (*rng.pick(COURIERS)).into());
            }
        }
        "postal" => {
            leg.insert(
                "postal_item".into(),
                postal_item(rng, story.departure).into(),
            );
        }
        "sea_container" | "rail_freight" => {
            leg.insert("container".into(), container(rng).into());
            if conveyance == "sea_container" {
                leg.insert("carrier".into(), (*rng.pick(SHIPPING_LINES)).into());
                leg.insert("imo".into(), imo(rng).into());
            }
        }
        "sea_cargo" | "sea_small_craft" | "inland_waterway" => {
            leg.insert(
                "vessel_name".into(),
                (*rng.pick(&[
                    "Ocean Star",
                    "Blue Horizon",
                    "Santa Maria",
                    "Nordic Wind",
                    "Al Noor",
                ]))
                .into(),
            );
        }
        "air_general_aviation" => {
            leg.insert(
                "aircraft_registration".into(),
                format!("N{}{}", 100 + rng.below(900), rng.letters(2)).into(),
            );
        }
        "road_private" | "road_commercial" | "road_bus" => {
            leg.insert("registration_country".into(), story.departure.into());
        }
        "rail_passenger" => {
            leg.insert("train".into(), format!("EC {}", 10 + rng.below(390)).into());
        }
        _ => {}
    }
    leg
}

/// An IATA air waybill number: check digit = 7-digit serial mod 7.
fn awb(rng: &mut Rng) -> String {
    let serial = rng.below(10_000_000);
    format!("{}-{serial:07}{}", rng.pick(AWB_PREFIXES), serial % 7)
}

/// A UPU S10 postal item identifier posted in `country`.
fn postal_item(rng: &mut Rng, country: &str) -> String {
    let indicator = format!(
        "{}{}",
        rng.pick(&['R', 'E', 'C', 'L', 'U', 'V']),
        char::from(b'A' + rng.below(26) as u8)
    );
    let serial = rng.digits(8);
    let check = s10_check(&serial);
    format!("{indicator}{serial}{check}{country}")
}

/// An ISO 6346 container number of a known owner.
fn container(rng: &mut Rng) -> String {
    let prefix = format!("{}U{}", rng.pick(OWNER_CODES), rng.digits(6));
    let check = iso6346_check(&prefix);
    format!("{prefix}{check}")
}

/// An IMO ship number: weights 7..2 on the first six digits, sum mod 10.
fn imo(rng: &mut Rng) -> String {
    let digits = format!("9{}", rng.digits(5));
    let sum: u32 = digits
        .bytes()
        .zip([7u32, 6, 5, 4, 3, 2])
        .map(|(d, w)| u32::from(d - b'0') * w)
        .sum();
    format!("{digits}{}", sum % 10)
}

/// The ISO 6346 check digit of an owner code, category and serial.
fn iso6346_check(prefix: &str) -> u8 {
    let value = |c: u8| -> u32 {
        if c.is_ascii_digit() {
            u32::from(c - b'0')
        } else {
            let mut v = 10;
            for _ in b'A'..c {
                v += 1;
                if v % 11 == 0 {
                    v += 1;
                }
            }
            v
        }
    };
    let sum: u32 = prefix.bytes().enumerate().map(|(i, c)| value(c) << i).sum();
    ((sum % 11) % 10) as u8
}

/// The UPU S10 check digit of an 8-digit serial.
fn s10_check(serial: &str) -> u8 {
    let sum: u32 = serial
        .bytes()
        .zip([8u32, 6, 4, 2, 3, 5, 9, 7])
        .map(|(d, w)| u32::from(d - b'0') * w)
        .sum();
    match 11 - sum % 11 {
        10 => 0,
        11 => 5,
        c => c as u8,
    }
}
