//! What the generated world looks like: where seizures happen and where goods come from, how
//! goods travel and are hidden, who carries them, and how often each case occurs. A test checks
//! every code against the reference tables.

/// Countries with their busiest airports (IATA) and seaports (UN/LOCODE), as places of seizure
/// and of departure. A test checks every code against the tables.
pub(super) const PLACES: &[(&str, &[&str], &[&str])] = &[
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
pub(super) const REPORTERS: &[(&str, u32)] = &[
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

/// Commodity areas, by how often they are seized.
pub(super) const AREAS: &[(&str, u32)] = &[
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
];

/// Customs procedures, by how often a seizure happens under each.
pub(super) const PROCEDURES: &[(&str, u32)] = &[
    ("import", 70),
    ("export", 14),
    ("transit", 8),
    ("transhipment", 4),
    ("domestic", 4),
];

/// Where records come from (spec 2.7), by share.
pub(super) const SOURCES: &[(&str, u32)] = &[("cen", 80), ("ncen", 10), ("cencomm", 10)];

pub(super) fn place(
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
pub(super) fn sources(area: &str) -> &'static [&'static str] {
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
pub(super) const CONVEYANCES: &[(&str, u32)] = &[
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

pub(super) fn scale(conveyance: &str) -> f64 {
    match conveyance {
        "air_passenger" | "pedestrian" => 1.0,
        "postal" | "express_courier" => 0.3,
        "sea_container" | "sea_cargo" | "rail_freight" | "inland_waterway" => 400.0,
        "road_commercial" | "air_cargo" | "fixed_installation" => 80.0,
        _ => 10.0,
    }
}

pub(super) fn concealments(conveyance: &str) -> &'static [&'static str] {
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

pub(super) fn location_type(conveyance: &str) -> &'static str {
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

pub(super) const AIRLINES: &[&str] = &[
    "LH", "AF", "KL", "SN", "TP", "IB", "BA", "EK", "QR", "TK", "ET", "KQ", "LA", "AV", "CM", "UA",
    "DL", "AA", "CA", "SQ", "U2", "FR", "W6",
];
pub(super) const COURIERS: &[&str] = &[
    "DHL Express",
    "FedEx",
    "UPS",
    "TNT",
    "Aramex",
    "SF Express",
    "EMS",
];
pub(super) const SHIPPING_LINES: &[&str] = &[
    "MSC",
    "Maersk",
    "CMA CGM",
    "COSCO",
    "Hapag-Lloyd",
    "ONE",
    "Evergreen",
];
pub(super) const OWNER_CODES: &[&str] = &[
    "MSK", "MSC", "CMA", "CSQ", "HLX", "TEX", "TGH", "ONE", "EGH", "OOL",
];
pub(super) const AWB_PREFIXES: &[&str] = &[
    "020", "057", "074", "125", "176", "016", "157", "235", "618", "724",
];
pub(super) const CURRENCIES: &[&str] = &[
    "USD", "EUR", "GBP", "AED", "SAR", "CNY", "JPY", "CHF", "NGN", "ZAR",
];
pub(super) const METHODS: &[&str] = &[
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
