//! The enumerations of the record (spec 2). Each one knows its words, in the spec's order, and
//! the name of its label table in `codes-data` (spec 2.9).

use std::fmt;
use std::str::FromStr;

/// The static description of one enumeration: its label-table name and its words.
#[derive(Debug)]
pub struct EnumInfo {
    /// The name of the enumeration in the label tables (`codes_data::label`).
    pub name: &'static str,
    /// Every allowed word, in the spec's order.
    pub values: &'static [&'static str],
}

/// Implemented by every enumeration of the record.
pub trait Enumeration: Copy + Sized + 'static {
    /// Name and words of the enumeration.
    const INFO: EnumInfo;
    /// Every value, in the spec's order.
    const ALL: &'static [Self];
    /// The word of this value as written in the record.
    fn as_str(self) -> &'static str;
    /// The value of a word, if it is one of the enumeration's words (exact, case-sensitive).
    fn from_word(word: &str) -> Option<Self>;
}

/// The error of [`FromStr`] for the enumerations: the word is not one of the allowed ones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownWord {
    /// The enumeration's name.
    pub enumeration: &'static str,
    /// The word that was given.
    pub word: String,
}

impl fmt::Display for UnknownWord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` is not a {} word", self.word, self.enumeration)
    }
}

impl std::error::Error for UnknownWord {}

macro_rules! enumeration {
    (
        $(#[$meta:meta])*
        $name:ident as $label:literal {
            $( $(#[$vmeta:meta])* $variant:ident = $word:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        pub enum $name {
            $( $(#[$vmeta])* #[doc = concat!("`", $word, "`")] #[serde(rename = $word)] $variant, )+
        }

        impl Enumeration for $name {
            const INFO: EnumInfo = EnumInfo { name: $label, values: &[ $( $word ),+ ] };
            const ALL: &'static [Self] = &[ $( Self::$variant ),+ ];

            fn as_str(self) -> &'static str {
                match self { $( Self::$variant => $word, )+ }
            }

            fn from_word(word: &str) -> Option<Self> {
                match word { $( $word => Some(Self::$variant), )+ _ => None }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = UnknownWord;
            fn from_str(word: &str) -> Result<Self, Self::Err> {
                Self::from_word(word).ok_or_else(|| UnknownWord { enumeration: $label, word: word.to_owned() })
            }
        }
    };
}

enumeration! {
    /// Which form a record follows (spec 2.1): the standard long form or the simplified
    /// statistical form introduced in 2022.
    Form as "form" { Long = "long", Simplified = "simplified" }
}

enumeration! {
    /// The application a record belongs to (spec 2.1).
    Source as "source" { Cen = "cen", Ncen = "ncen", Cencomm = "cencomm" }
}

enumeration! {
    /// The kind of place of a seizure (spec 2.2).
    LocationType as "location_type" {
        Airport = "airport", Seaport = "seaport", LandBorder = "land_border",
        RailTerminal = "rail_terminal", PostalCentre = "postal_centre", ExpressHub = "express_hub",
        InlandDepot = "inland_depot", FreeZone = "free_zone", Inland = "inland", AtSea = "at_sea",
        Other = "other", Unknown = "unknown",
    }
}

enumeration! {
    /// The customs direction of the goods (spec 2.3).
    Procedure as "procedure" {
        Import = "import", Export = "export", Transit = "transit",
        Transhipment = "transhipment", Domestic = "domestic", Unknown = "unknown",
    }
}

enumeration! {
    /// How goods were found (spec 2.3).
    DetectionMethod as "detection_method" {
        RiskProfiling = "risk_profiling", Intelligence = "intelligence",
        IntelligenceInternational = "intelligence_international", RandomCheck = "random_check",
        RoutineControl = "routine_control", WatchList = "watch_list", Behavioural = "behavioural",
        DocumentaryCheck = "documentary_check", ControlledDelivery = "controlled_delivery",
        JointOperation = "joint_operation", Xray = "xray", DetectorDog = "detector_dog",
        TraceDetection = "trace_detection", PhysicalExamination = "physical_examination",
        BodyScan = "body_scan", Other = "other",
    }
}

enumeration! {
    /// The 13 commodity areas of CEN (spec 2.4). Their goods types are reference data in
    /// `codes-data`, not an enumeration, so that a new edition can add types.
    CommodityArea as "commodity_area" {
        Drugs = "drugs", Precursors = "precursors", Tobacco = "tobacco", Alcohol = "alcohol",
        OtherRevenue = "other_revenue", Ipr = "ipr", HealthSafety = "health_safety", Cites = "cites",
        HazardousWaste = "hazardous_waste", Ods = "ods", Weapons = "weapons", Currency = "currency",
        CulturalHeritage = "cultural_heritage",
    }
}

enumeration! {
    /// The unit of a quantity (spec 2.4).
    Unit as "unit" {
        Kg = "kg", G = "g", T = "t", L = "l", Ml = "ml", M3 = "m3", Pieces = "pieces",
        Tablets = "tablets", Items = "items", Rounds = "rounds", Heads = "heads", Plants = "plants",
        Amount = "amount",
    }
}

impl Unit {
    /// Count units take whole numbers (spec 2.4).
    pub fn is_count(self) -> bool {
        matches!(
            self,
            Unit::Pieces | Unit::Tablets | Unit::Items | Unit::Rounds | Unit::Heads | Unit::Plants
        )
    }
}

enumeration! {
    /// How goods were hidden (spec 2.4).
    Concealment as "concealment" {
        BodyInternal = "body_internal", BodyStrapped = "body_strapped", Clothing = "clothing",
        BaggageHold = "baggage_hold", BaggageCabin = "baggage_cabin",
        BaggageFalseBottom = "baggage_false_bottom", InsideGoods = "inside_goods",
        MixedWithGoods = "mixed_with_goods", PostalItem = "postal_item",
        ContainerStructure = "container_structure", RipOnRipOff = "rip_on_rip_off",
        VehicleNaturalVoid = "vehicle_natural_void", VehicleCompartment = "vehicle_compartment",
        FuelTank = "fuel_tank", VesselStructure = "vessel_structure",
        AircraftStructure = "aircraft_structure", NotConcealed = "not_concealed", Other = "other",
    }
}

enumeration! {
    /// The means of transport of one leg (spec 2.5).
    ConveyanceType as "conveyance_type" {
        AirPassenger = "air_passenger", AirCargo = "air_cargo",
        AirGeneralAviation = "air_general_aviation", ExpressCourier = "express_courier",
        Postal = "postal", SeaContainer = "sea_container", SeaCargo = "sea_cargo",
        SeaSmallCraft = "sea_small_craft", RoadPrivate = "road_private",
        RoadCommercial = "road_commercial", RoadBus = "road_bus", RailPassenger = "rail_passenger",
        RailFreight = "rail_freight", Pedestrian = "pedestrian", InlandWaterway = "inland_waterway",
        FixedInstallation = "fixed_installation", Unknown = "unknown",
    }
}

impl ConveyanceType {
    /// The UNECE Recommendation 19 mode of transport code, `None` for `pedestrian`.
    pub fn unece_mode(self) -> Option<u8> {
        use ConveyanceType::*;
        match self {
            AirPassenger | AirCargo | AirGeneralAviation | ExpressCourier => Some(4),
            Postal => Some(5),
            SeaContainer | SeaCargo | SeaSmallCraft => Some(1),
            RoadPrivate | RoadCommercial | RoadBus => Some(3),
            RailPassenger | RailFreight => Some(2),
            Pedestrian => None,
            InlandWaterway => Some(8),
            FixedInstallation => Some(7),
            Unknown => Some(0),
        }
    }
}

enumeration! {
    /// Gender of an offender or person (spec 2.7).
    Gender as "gender" { Female = "female", Male = "male", Other = "other", Unknown = "unknown" }
}

enumeration! {
    /// Role of an offender or person in the case (spec 2.7).
    OffenderRole as "offender_role" {
        Passenger = "passenger", Driver = "driver", Crew = "crew", Sender = "sender",
        Recipient = "recipient", Courier = "courier", Importer = "importer", Exporter = "exporter",
        Other = "other",
    }
}

enumeration! {
    /// Role of a company in the case (spec 2.7).
    CompanyRole as "company_role" {
        Importer = "importer", Exporter = "exporter", Consignor = "consignor",
        Consignee = "consignee", Carrier = "carrier", Forwarder = "forwarder", Broker = "broker",
        Other = "other",
    }
}

enumeration! {
    /// Kind of an identity document (spec 2.7).
    DocumentType as "document_type" {
        Passport = "passport", IdCard = "id_card", ResidencePermit = "residence_permit",
        DrivingLicence = "driving_licence", Other = "other",
    }
}

enumeration! {
    /// What followed the seizure (spec 2.7).
    LegalAction as "legal_action" {
        None = "none", AdministrativePenalty = "administrative_penalty",
        CriminalProsecution = "criminal_prosecution", UnderInvestigation = "under_investigation",
        Unknown = "unknown",
    }
}

enumeration! {
    /// What a photo shows (spec 2.7).
    PhotoKind as "photo_kind" { Goods = "goods", Concealment = "concealment", Xray = "xray", Other = "other" }
}

enumeration! {
    /// CITES appendix of a species (spec 2.4).
    CitesAppendix as "cites_appendix" { I = "I", II = "II", III = "III" }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trips<E: Enumeration + fmt::Debug + PartialEq>() {
        assert_eq!(E::ALL.len(), E::INFO.values.len());
        for (value, word) in E::ALL.iter().zip(E::INFO.values) {
            assert_eq!(value.as_str(), *word);
            assert_eq!(E::from_word(word), Some(*value));
        }
        assert_eq!(E::from_word("not-a-word"), None);
    }

    #[test]
    fn every_enumeration_round_trips_its_words() {
        round_trips::<Form>();
        round_trips::<Source>();
        round_trips::<LocationType>();
        round_trips::<Procedure>();
        round_trips::<DetectionMethod>();
        round_trips::<CommodityArea>();
        round_trips::<Unit>();
        round_trips::<Concealment>();
        round_trips::<ConveyanceType>();
        round_trips::<Gender>();
        round_trips::<OffenderRole>();
        round_trips::<CompanyRole>();
        round_trips::<DocumentType>();
        round_trips::<LegalAction>();
        round_trips::<PhotoKind>();
        round_trips::<CitesAppendix>();
    }

    #[test]
    fn counts_match_the_spec() {
        assert_eq!(LocationType::ALL.len(), 12);
        assert_eq!(DetectionMethod::ALL.len(), 16);
        assert_eq!(CommodityArea::ALL.len(), 13);
        assert_eq!(Unit::ALL.len(), 13);
        assert_eq!(Concealment::ALL.len(), 18);
        assert_eq!(ConveyanceType::ALL.len(), 17);
    }

    #[test]
    fn words_are_case_sensitive() {
        assert_eq!(Procedure::from_word("Import"), None);
        assert_eq!("import".parse::<Procedure>(), Ok(Procedure::Import));
        assert!("IMPORT".parse::<Procedure>().is_err());
    }
}
