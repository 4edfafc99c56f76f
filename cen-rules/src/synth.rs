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

use cen_model::Date;
use serde_json::{json, Map, Value};

use crate::identifiers::{is_awb, is_container, is_s10};

/// xoshiro256** seeded through splitmix64.
#[derive(Debug, Clone)]
struct Rng([u64; 4]);

impl Rng {
    fn new(seed: u64) -> Rng {
        let mut state = seed;
        let mut next = || {
            state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            z ^ (z >> 31)
        };
        Rng([next(), next(), next(), next()])
    }

    fn next_u64(&mut self) -> u64 {
        let s = &mut self.0;
        let result = s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = s[1] << 17;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = s[3].rotate_left(45);
        result
    }

    /// Uniform in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn weighted<'a, T>(&mut self, items: &'a [(T, u32)]) -> &'a T {
        let total: u32 = items.iter().map(|(_, w)| w).sum();
        let mut roll = self.below(total as usize) as u32;
        for (item, weight) in items {
            if roll < *weight {
                return item;
            }
            roll -= weight;
        }
        &items[items.len() - 1].0
    }

    /// Log-uniform in [low, high]: quantities spread over orders of magnitude.
    fn log_between(&mut self, low: f64, high: f64) -> f64 {
        (low.ln() + self.unit() * (high.ln() - low.ln())).exp()
    }

    fn digits(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| char::from(b'0' + self.below(10) as u8))
            .collect()
    }

    fn letters(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| char::from(b'A' + self.below(26) as u8))
            .collect()
    }
}

/// Countries with their busiest airports (IATA) and seaports (UN/LOCODE), as places of seizure
/// and of departure. A test checks every code against the tables.
const PLACES: &[(&str, &[&str], &[&str])] = &[
    ("BE", &["BRU", "LGG", "CRL"], &["BEANR", "BEZEE"]),
    ("NL", &["AMS", "EIN"], &["NLRTM"]),
    ("DE", &["FRA", "MUC", "LEJ", "CGN"], &["DEHAM", "DEBRV"]),
    ("FR", &["CDG", "ORY", "MRS"], &["FRLEH", "FRMRS"]),
    ("ES", &["MAD", "BCN", "AGP"], &["ESALG", "ESVLC", "ESBCN"]),
    ("IT", &["FCO", "MXP"], &["ITGOA", "ITGIT"]),
    ("PT", &["LIS", "OPO"], &["PTLIS", "PTSIE"]),
    ("GB", &["LHR", "LGW", "EMA"], &["GBFXT", "GBSOU"]),
    ("PL", &["WAW"], &["PLGDN"]),
    ("GR", &["ATH"], &["GRPIR"]),
    ("TR", &["IST", "SAW"], &["TRMER", "TRIST"]),
    (
        "US",
        &["JFK", "MIA", "LAX", "ORD"],
        &["USNYC", "USMIA", "USLAX", "USHOU"],
    ),
    ("MX", &["MEX", "CUN"], &["MXZLO", "MXVER"]),
    ("BR", &["GRU", "GIG"], &["BRSSZ", "BRRIG"]),
    ("CO", &["BOG", "MDE"], &["COCTG", "COBUN"]),
    ("EC", &["UIO", "GYE"], &["ECGYE"]),
    ("PE", &["LIM"], &["PECLL"]),
    ("PA", &["PTY"], &["PAONX"]),
    ("AR", &["EZE"], &["ARBUE"]),
    (
        "CN",
        &["PVG", "CAN", "PEK"],
        &["CNSGH", "CNNBG", "CNYTN", "CNQDG"],
    ),
    ("HK", &["HKG"], &["HKHKG"]),
    ("SG", &["SIN"], &["SGSIN"]),
    ("MY", &["KUL"], &["MYPKG", "MYTPP"]),
    ("TH", &["BKK"], &["THLCH"]),
    ("VN", &["SGN", "HAN"], &["VNSGN"]),
    ("JP", &["NRT", "KIX"], &["JPYOK", "JPTYO"]),
    ("KR", &["ICN"], &["KRPUS"]),
    ("IN", &["DEL", "BOM"], &["INNSA", "INMUN"]),
    ("PK", &["KHI"], &["PKKHI"]),
    ("AE", &["DXB", "AUH", "SHJ"], &["AEJEA", "AEKLF"]),
    ("SA", &["JED", "RUH"], &["SAJED"]),
    ("EG", &["CAI"], &["EGPSD", "EGALY"]),
    ("MA", &["CMN", "RAK"], &["MACAS", "MAPTM"]),
    ("NG", &["LOS"], &["NGAPP", "NGLOS"]),
    ("GH", &["ACC"], &["GHTEM"]),
    ("KE", &["NBO"], &["KEMBA"]),
    ("TZ", &["DAR"], &["TZDAR"]),
    ("ZA", &["JNB", "CPT"], &["ZADUR", "ZACPT"]),
    ("AU", &["SYD", "MEL"], &["AUSYD", "AUMEL"]),
    ("UA", &["KBP"], &["UAODS"]),
];

/// Reporting administrations, by how often they report.
const REPORTERS: &[(&str, u32)] = &[
    ("BE", 6),
    ("NL", 6),
    ("DE", 8),
    ("FR", 7),
    ("ES", 7),
    ("IT", 5),
    ("PT", 3),
    ("GB", 6),
    ("PL", 3),
    ("GR", 2),
    ("TR", 3),
    ("US", 6),
    ("MX", 2),
    ("BR", 3),
    ("CO", 2),
    ("EC", 2),
    ("PA", 1),
    ("CN", 3),
    ("HK", 3),
    ("SG", 2),
    ("MY", 2),
    ("TH", 2),
    ("JP", 2),
    ("KR", 2),
    ("IN", 3),
    ("AE", 3),
    ("SA", 3),
    ("MA", 2),
    ("NG", 2),
    ("KE", 2),
    ("ZA", 2),
    ("AU", 3),
];

fn place(
    country: &str,
) -> (
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
) {
    PLACES
        .iter()
        .find(|(c, _, _)| *c == country)
        .copied()
        .unwrap_or(PLACES[0])
}

/// Source countries by commodity area: where goods of the area typically come from.
fn sources(area: &str) -> &'static [&'static str] {
    match area {
        "drugs" => &[
            "CO", "EC", "PE", "BR", "PA", "MA", "NL", "PK", "IN", "MX", "NG",
        ],
        "precursors" => &["CN", "IN", "NL", "DE"],
        "tobacco" | "alcohol" => &["AE", "CN", "TR", "UA", "PL", "VN"],
        "ipr" | "health_safety" | "ods" | "hazardous_waste" => {
            &["CN", "HK", "IN", "TR", "VN", "MY", "TH", "SG"]
        }
        "cites" => &["NG", "KE", "TZ", "ZA", "VN", "MY", "CN"],
        "weapons" => &["US", "TR", "UA", "DE"],
        "currency" => &["AE", "SA", "NG", "US", "CN", "HK"],
        _ => &["FR", "IT", "EG", "GR", "TR", "PE", "MX"],
    }
}

/// Means of transport, how often, and how many kg (or units) one seizure usually is.
const CONVEYANCES: &[(&str, u32)] = &[
    ("air_passenger", 24),
    ("postal", 14),
    ("express_courier", 14),
    ("sea_container", 12),
    ("road_commercial", 8),
    ("road_private", 7),
    ("air_cargo", 6),
    ("road_bus", 2),
    ("rail_freight", 2),
    ("rail_passenger", 1),
    ("sea_cargo", 2),
    ("sea_small_craft", 2),
    ("air_general_aviation", 1),
    ("pedestrian", 2),
    ("inland_waterway", 1),
    ("fixed_installation", 1),
    ("unknown", 1),
];

fn scale(conveyance: &str) -> f64 {
    match conveyance {
        "air_passenger" | "pedestrian" => 1.0,
        "postal" | "express_courier" => 0.3,
        "sea_container" | "sea_cargo" | "rail_freight" | "inland_waterway" => 400.0,
        "road_commercial" | "air_cargo" | "fixed_installation" => 80.0,
        _ => 10.0,
    }
}

fn concealments(conveyance: &str) -> &'static [&'static str] {
    match conveyance {
        "air_passenger" => &[
            "baggage_hold",
            "baggage_cabin",
            "baggage_false_bottom",
            "body_internal",
            "body_strapped",
            "clothing",
        ],
        "postal" => &["postal_item", "inside_goods"],
        "express_courier" | "air_cargo" => &["inside_goods", "mixed_with_goods", "not_concealed"],
        "sea_container" => &[
            "container_structure",
            "mixed_with_goods",
            "inside_goods",
            "rip_on_rip_off",
        ],
        "sea_cargo" | "sea_small_craft" | "inland_waterway" => {
            &["vessel_structure", "mixed_with_goods", "not_concealed"]
        }
        "road_private" | "road_bus" => &[
            "vehicle_natural_void",
            "vehicle_compartment",
            "fuel_tank",
            "baggage_cabin",
        ],
        "road_commercial" | "rail_freight" => {
            &["mixed_with_goods", "vehicle_compartment", "inside_goods"]
        }
        "air_general_aviation" => &["aircraft_structure", "baggage_cabin"],
        "pedestrian" => &["clothing", "body_strapped"],
        _ => &["other", "not_concealed"],
    }
}

fn location_type(conveyance: &str) -> &'static str {
    match conveyance {
        "air_passenger" | "air_cargo" | "air_general_aviation" => "airport",
        "express_courier" => "express_hub",
        "postal" => "postal_centre",
        "sea_container" | "sea_cargo" | "sea_small_craft" => "seaport",
        "road_private" | "road_commercial" | "road_bus" | "pedestrian" => "land_border",
        "rail_passenger" | "rail_freight" => "rail_terminal",
        "inland_waterway" => "inland",
        _ => "inland_depot",
    }
}

const AIRLINES: &[&str] = &[
    "LH", "AF", "KL", "SN", "TP", "IB", "BA", "EK", "QR", "TK", "ET", "KQ", "LA", "AV", "CM", "UA",
    "DL", "AA", "CA", "SQ", "U2", "FR", "W6",
];
const COURIERS: &[&str] = &[
    "DHL Express",
    "FedEx",
    "UPS",
    "TNT",
    "Aramex",
    "SF Express",
    "EMS",
];
const SHIPPING_LINES: &[&str] = &[
    "MSC",
    "Maersk",
    "CMA CGM",
    "COSCO",
    "Hapag-Lloyd",
    "ONE",
    "Evergreen",
];
const OWNER_CODES: &[&str] = &[
    "MSK", "MSC", "CMA", "CSQ", "HLX", "TEX", "TGH", "ONE", "EGH", "OOL",
];
const AWB_PREFIXES: &[&str] = &[
    "020", "057", "074", "125", "176", "016", "157", "235", "618", "724",
];
const CURRENCIES: &[&str] = &[
    "USD", "EUR", "GBP", "AED", "SAR", "CNY", "JPY", "CHF", "NGN", "ZAR",
];
const METHODS: &[&str] = &[
    "risk_profiling",
    "intelligence",
    "intelligence_international",
    "random_check",
    "routine_control",
    "xray",
    "detector_dog",
    "documentary_check",
    "behavioural",
    "physical_examination",
];

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
        let mut record = self.valid_record();
        let mut intended = Vec::new();
        if self.rng.chance(self.invalid_share) {
            let mut touched: Vec<&str> = Vec::new();
            let count = if self.rng.chance(0.15) { 2 } else { 1 };
            for _ in 0..count {
                if let Some((rule, touches)) = self.mistake(&mut record, &touched) {
                    intended.push(rule);
                    touched.extend_from_slice(touches);
                }
            }
        }
        Generated {
            record: Value::Object(record),
            intended,
        }
    }

    fn date_before(&mut self, day: Date, max_days: usize) -> Date {
        Date::from_days_since_epoch(day.days_since_epoch() - self.rng.below(max_days + 1) as i64)
            .unwrap_or(day)
    }

    fn valid_record(&mut self) -> Map<String, Value> {
        let rng = &mut self.rng;
        let reporting = *rng.weighted(REPORTERS);
        let conveyance = *rng.weighted(CONVEYANCES);
        let area_roll = rng.weighted(&[
            ("drugs", 30),
            ("tobacco", 14),
            ("ipr", 12),
            ("health_safety", 8),
            ("currency", 6),
            ("cites", 6),
            ("alcohol", 5),
            ("precursors", 4),
            ("weapons", 4),
            ("other_revenue", 4),
            ("hazardous_waste", 3),
            ("ods", 2),
            ("cultural_heritage", 2),
        ]);
        let area =
            codes_data::commodity_area(area_roll).unwrap_or(&codes_data::commodity_areas()[0]);
        let goods_type = rng.pick(area.types());
        let unit = *rng.pick(goods_type.units());
        let procedure = *rng.weighted(&[
            ("import", 70),
            ("export", 14),
            ("transit", 8),
            ("transhipment", 4),
            ("domestic", 4),
        ]);
        let source = *rng.weighted(&[("cen", 80), ("ncen", 10), ("cencomm", 10)]);
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

        let seizure = self.date_before(self.today, 3 * 365);
        let rng = &mut self.rng;
        let (_, home_airports, home_ports) = place(reporting);
        let (_, dep_airports, dep_ports) = place(departure);
        let location_type = location_type(conveyance);
        let by_air = matches!(
            conveyance,
            "air_passenger" | "air_cargo" | "air_general_aviation" | "express_courier" | "postal"
        );
        let by_sea = matches!(
            conveyance,
            "sea_container" | "sea_cargo" | "sea_small_craft"
        );
        let here = if by_sea {
            *rng.pick(home_ports)
        } else {
            *rng.pick(home_airports)
        };
        let there = if by_sea {
            *rng.pick(dep_ports)
        } else {
            *rng.pick(dep_airports)
        };

        let mut location = Map::new();
        location.insert("type".into(), location_type.into());
        if by_air || by_sea {
            location.insert("code".into(), here.into());
        }
        if rng.chance(0.3) {
            let name = match location_type {
                "land_border" => "Border crossing, inbound lanes",
                "postal_centre" => "International mail processing centre",
                "express_hub" => "Express courier hub",
                "airport" => "Arrivals hall",
                "seaport" => "Container terminal",
                _ => "Customs office",
            };
            location.insert("name".into(), name.into());
        }

        let leg_date =
            Date::from_days_since_epoch(seizure.days_since_epoch() - rng.below(4) as i64)
                .unwrap_or(seizure);
        let mut leg = Map::new();
        leg.insert("type".into(), conveyance.into());
        leg.insert("date".into(), leg_date.to_string().into());
        if (by_air || by_sea) && procedure != "export" && departure != reporting {
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
                let serial = rng.below(10_000_000);
                leg.insert(
                    "awb".into(),
                    format!("{}-{serial:07}{}", rng.pick(AWB_PREFIXES), serial % 7).into(),
                );
                if conveyance == "express_courier" {
                    leg.insert("carrier".into(), (*rng.pick(COURIERS)).into());
                }
            }
            "postal" => {
                let indicator = format!(
                    "{}{}",
                    rng.pick(&['R', 'E', 'C', 'L', 'U', 'V']),
                    char::from(b'A' + rng.below(26) as u8)
                );
                let serial = rng.digits(8);
                let check = s10_check(&serial);
                leg.insert(
                    "postal_item".into(),
                    format!("{indicator}{serial}{check}{departure}").into(),
                );
            }
            "sea_container" | "rail_freight" => {
                let prefix = format!("{}U{}", rng.pick(OWNER_CODES), rng.digits(6));
                let check = iso6346_check(&prefix);
                leg.insert("container".into(), format!("{prefix}{check}").into());
                if conveyance == "sea_container" {
                    leg.insert("carrier".into(), (*rng.pick(SHIPPING_LINES)).into());
                    let digits = format!("9{}", rng.digits(5));
                    let sum: u32 = digits
                        .bytes()
                        .zip([7u32, 6, 5, 4, 3, 2])
                        .map(|(d, w)| u32::from(d - b'0') * w)
                        .sum();
                    leg.insert("imo".into(), format!("{digits}{}", sum % 10).into());
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
                leg.insert("registration_country".into(), departure.into());
            }
            "rail_passenger" => {
                leg.insert("train".into(), format!("EC {}", 10 + rng.below(390)).into());
            }
            _ => {}
        }

        let quantity = {
            let kind = codes_data::unit(unit).map(|u| u.kind());
            let base = scale(conveyance);
            let raw = match kind {
                Some(codes_data::UnitKind::Mass | codes_data::UnitKind::Volume) => {
                    let kg = rng.log_between(0.05, 20.0) * base;
                    let (low, high) = if area.code() == "drugs" || area.code() == "precursors" {
                        if matches!(conveyance, "air_passenger" | "pedestrian") {
                            (0.05, 45.0)
                        } else {
                            (0.01, 5000.0)
                        }
                    } else if conveyance == "postal" {
                        (0.01, 25.0)
                    } else {
                        (0.01, 20000.0)
                    };
                    let kg = kg.clamp(low, high);
                    match unit {
                        "g" | "ml" => (kg * 1000.0).round().max(1.0),
                        "t" | "m3" => ((kg / 1000.0 * 1000.0).round() / 1000.0).max(0.001),
                        _ => ((kg * 100.0).round() / 100.0).max(0.01),
                    }
                }
                Some(codes_data::UnitKind::Money) => {
                    (rng.log_between(10.0, 2000.0) * base).round() * 10.0
                }
                _ => {
                    let cap = if goods_type.code() == "cigarettes" {
                        40_000_000.0
                    } else {
                        1e7
                    };
                    (rng.log_between(1.0, 500.0)
                        * base
                        * if unit == "pieces" || unit == "tablets" {
                            20.0
                        } else {
                            1.0
                        })
                    .round()
                    .clamp(1.0, cap)
                }
            };
            if raw > 0.0 {
                raw
            } else {
                1.0
            }
        };

        let mut line = Map::new();
        line.insert("commodity".into(), area.code().into());
        line.insert("type".into(), goods_type.code().into());
        line.insert("quantity".into(), json!(quantity));
        line.insert("unit".into(), unit.into());
        if unit == "amount" {
            line.insert("currency".into(), (*rng.pick(CURRENCIES)).into());
        }
        if !simplified {
            line.insert(
                "concealment".into(),
                (*rng.pick(concealments(conveyance))).into(),
            );
            if rng.chance(0.3) {
                line.insert(
                    "value".into(),
                    json!({"amount": (rng.log_between(100.0, 1e6)).round(), "currency": "EUR"}),
                );
            }
            if area.code() == "tobacco" && goods_type.code() == "cigarettes" && rng.chance(0.5) {
                line.insert("hs_code".into(), "240220".into());
            }
            if area.code() == "ipr" && rng.chance(0.6) {
                line.insert(
                    "brand".into(),
                    (*rng.pick(&["Example", "Sample Luxe", "Demo Sport"])).into(),
                );
            }
            if area.code() == "cites" && rng.chance(0.5) {
                line.insert("cites_appendix".into(), (*rng.pick(&["I", "II"])).into());
            }
        }

        let mut record = Map::new();
        if simplified {
            record.insert("form".into(), "simplified".into());
        } else if rng.chance(0.2) {
            record.insert("form".into(), "long".into());
        }
        if source != "cen" || rng.chance(0.2) {
            record.insert("source".into(), source.into());
        }
        if source == "cencomm" {
            record.insert(
                "cug".into(),
                (*rng.pick(&[
                    "OP-NIGHTWATCH",
                    "OP-STORM-2026",
                    "OP-ECO-GUARD",
                    "OP-CASH-FLOW",
                ]))
                .into(),
            );
        }
        if rng.chance(0.6) {
            record.insert(
                "case_ref".into(),
                format!("{reporting}-{}-{}", seizure.year(), rng.digits(5)).into(),
            );
        }
        record.insert("reporting_country".into(), reporting.into());
        record.insert("seizure_date".into(), seizure.to_string().into());
        if rng.chance(0.5) {
            let entry = Date::from_days_since_epoch(
                (seizure.days_since_epoch() + rng.below(20) as i64)
                    .min(self.today.days_since_epoch()),
            )
            .unwrap_or(seizure);
            record.insert("entry_date".into(), entry.to_string().into());
        }
        let rng = &mut self.rng;
        record.insert("location".into(), Value::Object(location));
        record.insert("procedure".into(), procedure.into());
        if !simplified {
            let mut detection = json!({"principal": *rng.pick(METHODS)});
            if rng.chance(0.3) {
                detection["other"] =
                    json!([*rng.pick(&["xray", "detector_dog", "physical_examination"])]);
            }
            record.insert("detection".into(), detection);
        }
        record.insert("goods".into(), json!([Value::Object(line)]));
        record.insert("conveyance".into(), json!([Value::Object(leg)]));
        let mut route = Map::new();
        if rng.chance(0.4) && procedure == "import" {
            route.insert("origin".into(), foreign.into());
        }
        route.insert("departure".into(), departure.into());
        route.insert("destination".into(), destination.into());
        record.insert("route".into(), Value::Object(route));
        if matches!(
            conveyance,
            "air_passenger" | "road_private" | "pedestrian" | "road_bus"
        ) && rng.chance(0.6)
        {
            record.insert(
                "offenders".into(),
                json!([{"nationality": *rng.pick(&[foreign, reporting, "XX"]), "gender": *rng.pick(&["male", "female", "unknown"]), "age": 19 + rng.below(50), "role": *rng.pick(&["passenger", "courier", "driver"])}]),
            );
        }
        if rng.chance(0.4) {
            record.insert("outcome".into(), json!({"legal_action": *rng.pick(&["criminal_prosecution", "administrative_penalty", "under_investigation"]), "arrests": rng.below(3)}));
        }
        if source == "ncen" {
            record.insert(
                "persons".into(),
                json!([{"surname": format!("Surname{}", rng.digits(4)), "given_names": "Given", "birth_date": format!("{}-0{}-1{}", 1960 + rng.below(40), 1 + rng.below(9), rng.below(10)),
                        "nationality": foreign, "role": "courier", "documents": [{"type": "passport", "number": format!("P{}", rng.digits(8)), "issuing_country": foreign}]}]),
            );
            if matches!(conveyance, "road_private" | "road_commercial" | "road_bus") {
                if let Some(Value::Object(leg)) =
                    record.get_mut("conveyance").and_then(|c| c.get_mut(0))
                {
                    leg.insert(
                        "vehicle_registration".into(),
                        format!("{}-{}", rng.letters(3), rng.digits(3)).into(),
                    );
                }
            }
            record.insert(
                "narrative".into(),
                "Found during a targeted examination after a risk alert.".into(),
            );
        }
        record
    }

    /// Introduces one realistic mistake that touches none of the fields in `avoid`; returns the
    /// rule it should trigger and the fields it touched (or relies on).
    fn mistake(
        &mut self,
        record: &mut Map<String, Value>,
        avoid: &[&str],
    ) -> Option<(&'static str, &'static [&'static str])> {
        const KINDS: usize = 21;
        let start = self.rng.below(KINDS);
        for step in 0..KINDS {
            let kind = (start + step) % KINDS;
            if let Some(done) = self.try_mistake(kind, record, avoid) {
                return Some(done);
            }
        }
        None
    }

    fn try_mistake(
        &mut self,
        kind: usize,
        record: &mut Map<String, Value>,
        avoid: &[&str],
    ) -> Option<(&'static str, &'static [&'static str])> {
        let touches: &'static [&'static str] = match kind {
            0..=4 | 16 => &["conveyance"],
            5 | 6 => &["route", "reporting_country", "procedure"],
            7..=11 => &["goods"],
            12 | 13 | 19 => &["seizure_date", "entry_date"],
            14 => &["reporting_country"],
            15 => &["location"],
            17 => &["persons", "source"],
            18 => &["comments"],
            _ => &["goods"],
        };
        if touches.iter().any(|t| avoid.contains(t)) {
            return None;
        }
        let rng = &mut self.rng;
        let leg = record
            .get("conveyance")
            .and_then(|c| c.get(0))
            .cloned()
            .unwrap_or_default();
        let leg_text = |field: &str| leg.get(field).and_then(Value::as_str).map(str::to_owned);
        let leg_type = leg_text("type").unwrap_or_default();
        let line = record
            .get("goods")
            .and_then(|g| g.get(0))
            .cloned()
            .unwrap_or_default();
        let reporting = record
            .get("reporting_country")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned();
        let procedure = record
            .get("procedure")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_owned();
        let seizure = record
            .get("seizure_date")
            .and_then(Value::as_str)
            .and_then(Date::parse);
        let elsewhere = if reporting == "NL" { "DE" } else { "NL" };
        let set = |record: &mut Map<String, Value>, list: &str, field: &str, value: Value| {
            if let Some(Value::Object(item)) = record.get_mut(list).and_then(|c| c.get_mut(0)) {
                item.insert(field.to_owned(), value);
            }
        };
        let rule = match kind {
            0 => {
                let container = leg_text("container")?;
                let last = container.as_bytes()[10] - b'0';
                let wrong = format!(
                    "{}{}",
                    &container[..10],
                    (last + 1 + rng.below(8) as u8) % 10
                );
                (!is_container(&wrong)).then_some(())?;
                set(record, "conveyance", "container", wrong.into());
                "CEN-IDN-001"
            }
            1 => {
                let awb = leg_text("awb")?;
                let wrong = format!(
                    "{}{}",
                    &awb[..awb.len() - 1],
                    if awb.ends_with('9') { '8' } else { '9' }
                );
                (!is_awb(&wrong)).then_some(())?;
                set(record, "conveyance", "awb", wrong.into());
                "CEN-IDN-003"
            }
            2 => {
                let item = leg_text("postal_item")?;
                let check = item.as_bytes()[10] - b'0';
                let wrong = format!("{}{}{}", &item[..10], (check + 1) % 10, &item[11..]);
                (!is_s10(&wrong)).then_some(())?;
                set(record, "conveyance", "postal_item", wrong.into());
                "CEN-IDN-004"
            }
            3 => {
                let flight = leg_text("flight")?;
                set(
                    record,
                    "conveyance",
                    "flight",
                    format!("{} {}", &flight[..2], &flight[2..]).into(),
                );
                "CEN-IDN-005"
            }
            4 => {
                (!matches!(
                    leg_type.as_str(),
                    "air_cargo" | "express_courier" | "unknown"
                ))
                .then_some(())?;
                set(record, "conveyance", "awb", "016-12345675".into());
                "CEN-MOV-009"
            }
            5 => {
                (procedure == "import" && codes_data::country(&reporting).is_some())
                    .then_some(())?;
                record["route"]["destination"] = elsewhere.into();
                "CEN-MOV-001"
            }
            6 => {
                (procedure == "export" && codes_data::country(&reporting).is_some())
                    .then_some(())?;
                record["route"]["departure"] = elsewhere.into();
                "CEN-MOV-002"
            }
            7 => {
                let area = line.get("commodity").and_then(Value::as_str)?;
                let bad_unit = match area {
                    "drugs" => "items",
                    "tobacco" | "alcohol" => "rounds",
                    _ => return None,
                };
                set(record, "goods", "unit", bad_unit.into());
                "CEN-COD-007"
            }
            8 => {
                (line.get("commodity").and_then(Value::as_str) == Some("drugs")).then_some(())?;
                set(record, "goods", "type", "cocain".into());
                "CEN-COD-006"
            }
            9 => {
                let quantity = line.get("quantity")?.to_string();
                set(
                    record,
                    "goods",
                    "quantity",
                    quantity.replace('.', ",").into(),
                );
                "CEN-SCH-002"
            }
            10 => {
                set(record, "goods", "unit", "kgs".into());
                "CEN-SCH-005"
            }
            11 => {
                (record.get("form").and_then(Value::as_str) != Some("simplified")
                    && line.get("concealment").is_some())
                .then_some(())?;
                if let Some(Value::Object(line)) =
                    record.get_mut("goods").and_then(|g| g.get_mut(0))
                {
                    line.remove("concealment");
                }
                "CEN-SCH-004"
            }
            12 => {
                let future = Date::from_days_since_epoch(
                    self.today.days_since_epoch() + 1 + rng.below(300) as i64,
                )?;
                record.insert("seizure_date".into(), future.to_string().into());
                record.remove("entry_date");
                "CEN-DAT-002"
            }
            13 => {
                let date = seizure?.to_string();
                record.insert(
                    "seizure_date".into(),
                    format!("{}/{}/{}", &date[8..10], &date[5..7], &date[..4]).into(),
                );
                "CEN-DAT-001"
            }
            14 => {
                codes_data::country(&reporting)?;
                record.insert("reporting_country".into(), reporting.to_lowercase().into());
                "CEN-COD-001"
            }
            15 => {
                let country = if reporting.len() == 2 {
                    reporting.as_str()
                } else {
                    "BE"
                };
                let code = ["ZZ9", "Q9Z", "9QZ", "ZQ9", "9ZZ"]
                    .iter()
                    .map(|s| format!("{country}{s}"))
                    .find(|c| codes_data::resolve_location(c).is_none())?;
                record["location"]["code"] = code.into();
                "CEN-COD-002"
            }
            16 => {
                (leg_type == "sea_container" || leg_type == "air_passenger").then_some(())?;
                let carrier = "x".repeat(129);
                set(record, "conveyance", "carrier", carrier.into());
                "CEN-SCH-006"
            }
            17 => {
                (record.get("source").and_then(Value::as_str) != Some("ncen")).then_some(())?;
                record.insert("persons".into(), json!([{"surname": "Doe"}]));
                "CEN-NOM-001"
            }
            18 => {
                record.insert("comments".into(), "checked twice".into());
                "CEN-SCH-003"
            }
            19 => {
                let seizure = seizure?;
                let before = Date::from_days_since_epoch(
                    seizure.days_since_epoch() - 1 - rng.below(30) as i64,
                )?;
                record.insert("entry_date".into(), before.to_string().into());
                "CEN-DAT-006"
            }
            _ => {
                line.get("quantity")?;
                set(
                    record,
                    "goods",
                    "quantity",
                    json!(if rng.chance(0.5) { 0.0 } else { -1.0 }),
                );
                "CEN-QTY-001"
            }
        };
        Some((rule, touches))
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
    use super::*;
    use crate::{Options, Validator};

    fn validator() -> Validator {
        Validator::new(Options {
            today: Date::parse("2026-11-28"),
            ..Options::default()
        })
        .unwrap()
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
