//! The canonical seizure record of spec 2, as Rust types.
//!
//! Every field is optional in the types: whether a field is required depends on the form, the
//! profile and the source, and is checked by the rules (CEN-SCH-004), not by the type system.
//! Codes, dates and identifiers are kept as the strings that were sent, so that a record
//! round-trips unchanged; their formats are checked by the rules (DAT, COD, IDN).

use crate::enums::*;
use crate::shape::{model_object, CodeKind, IntegerRange, Kind, NumberRange, MAX_SAFE_INTEGER};

const NON_NEGATIVE: NumberRange = NumberRange {
    min: Some(0.0),
    max: None,
};

model_object! {
    /// One seizure case (spec 2.1).
    ///
    /// ```
    /// use cen_model::Record;
    /// let record: Record = serde_json::from_str(r#"{"reporting_country": "BE", "procedure": "import"}"#).unwrap();
    /// assert_eq!(record.reporting_country.as_deref(), Some("BE"));
    /// ```
    pub struct Record as RECORD_SHAPE {
        /// Which form the record follows; `long` when absent.
        "form" form: Form = Kind::Enum(&Form::INFO),
        /// The application the record belongs to; `cen` when absent.
        "source" source: Source = Kind::Enum(&Source::INFO),
        /// CENcomm closed user group (operation) identifier.
        "cug" cug: String = Kind::Text(64),
        /// The reporting administration's own reference.
        "case_ref" case_ref: String = Kind::Text(64),
        /// ISO 3166-1 alpha-2 code of the country that made the seizure.
        "reporting_country" reporting_country: String = Kind::Code(CodeKind::Country),
        /// The day of the seizure, `YYYY-MM-DD`.
        "seizure_date" seizure_date: String = Kind::Code(CodeKind::Date),
        /// The day the record was entered, `YYYY-MM-DD`.
        "entry_date" entry_date: String = Kind::Code(CodeKind::Date),
        /// Where the seizure was made.
        "location" location: Location = Kind::Object(&LOCATION_SHAPE),
        /// The customs direction of the goods.
        "procedure" procedure: Procedure = Kind::Enum(&Procedure::INFO),
        /// How the goods were found.
        "detection" detection: Detection = Kind::Object(&DETECTION_SHAPE),
        /// What was seized: 1 to 100 goods lines.
        "goods" goods: Vec<GoodsLine> = Kind::List(&Kind::Object(&GOODS_LINE_SHAPE), 100),
        /// How the goods moved, in order: 1 to 20 legs.
        "conveyance" conveyance: Vec<Leg> = Kind::List(&Kind::Object(&LEG_SHAPE), 20),
        /// The countries of the movement.
        "route" route: Route = Kind::Object(&ROUTE_SHAPE),
        /// Non-nominal facts about the persons involved.
        "offenders" offenders: Vec<Offender> = Kind::List(&Kind::Object(&OFFENDER_SHAPE), 100),
        /// Nominal data on persons (nCEN only).
        "persons" persons: Vec<Person> = Kind::List(&Kind::Object(&PERSON_SHAPE), 100),
        /// Nominal data on companies (nCEN only).
        "companies" companies: Vec<Company> = Kind::List(&Kind::Object(&COMPANY_SHAPE), 100),
        /// What followed.
        "outcome" outcome: Outcome = Kind::Object(&OUTCOME_SHAPE),
        /// References to pictures.
        "photos" photos: Vec<Photo> = Kind::List(&Kind::Object(&PHOTO_SHAPE), 50),
        /// Free text on the modus operandi; may name people, so it is dropped on export to CEN.
        "narrative" narrative: String = Kind::Text(10_000),
    }
}

model_object! {
    /// Where the seizure was made (spec 2.2).
    pub struct Location as LOCATION_SHAPE {
        /// Kind of place.
        "type" r#type: LocationType = Kind::Enum(&LocationType::INFO),
        /// IATA (3 letters) or ICAO (4 letters) airport code, or UN/LOCODE (5 characters).
        "code" code: String = Kind::Code(CodeKind::Location),
        /// Free text.
        "name" name: String = Kind::Text(256),
    }
}

model_object! {
    /// How the goods were found (spec 2.3).
    pub struct Detection as DETECTION_SHAPE {
        /// The principal method.
        "principal" principal: DetectionMethod = Kind::Enum(&DetectionMethod::INFO),
        /// Other methods that contributed, at most 16.
        "other" other: Vec<DetectionMethod> = Kind::List(&Kind::Enum(&DetectionMethod::INFO), 16),
    }
}

model_object! {
    /// One commodity seized (spec 2.4).
    pub struct GoodsLine as GOODS_LINE_SHAPE {
        /// One of the 13 commodity areas.
        "commodity" commodity: CommodityArea = Kind::Enum(&CommodityArea::INFO),
        /// A goods type of the area (reference data in `codes-data`).
        "type" r#type: String = Kind::Code(CodeKind::GoodsType),
        /// How much: a finite number above zero.
        "quantity" quantity: f64 = Kind::Number(NumberRange { min: None, max: None }),
        /// The unit of the quantity; must be allowed for the type.
        "unit" unit: Unit = Kind::Enum(&Unit::INFO),
        /// ISO 4217 currency of a cash amount (required when `unit` is `amount`).
        "currency" currency: String = Kind::Code(CodeKind::Currency),
        /// Estimated value.
        "value" value: Money = Kind::Object(&MONEY_SHAPE),
        /// Harmonized System code of 2, 4, 6, 8 or 10 digits.
        "hs_code" hs_code: String = Kind::Code(CodeKind::Hs),
        /// How the goods were hidden.
        "concealment" concealment: Concealment = Kind::Enum(&Concealment::INFO),
        /// Free text.
        "description" description: String = Kind::Text(1_000),
        /// CITES species.
        "scientific_name" scientific_name: String = Kind::Text(256),
        /// CITES appendix.
        "cites_appendix" cites_appendix: CitesAppendix = Kind::Enum(&CitesAppendix::INFO),
        /// IPR: the brand infringed.
        "brand" brand: String = Kind::Text(256),
        /// Drugs: purity in percent, 0 to 100.
        "purity_percent" purity_percent: f64 = Kind::Number(NumberRange { min: Some(0.0), max: Some(100.0) }),
    }
}

model_object! {
    /// An amount of money: an estimated value or a penalty (spec 2.4, 2.7).
    pub struct Money as MONEY_SHAPE {
        /// The amount, zero or more.
        "amount" amount: f64 = Kind::Number(NON_NEGATIVE),
        /// ISO 4217 currency code.
        "currency" currency: String = Kind::Code(CodeKind::Currency),
    }
}

model_object! {
    /// One movement of the goods by one means of conveyance (spec 2.5).
    pub struct Leg as LEG_SHAPE {
        /// Means of transport.
        "type" r#type: ConveyanceType = Kind::Enum(&ConveyanceType::INFO),
        /// Airline, courier company, shipping line or operator.
        "carrier" carrier: String = Kind::Text(128),
        /// Day the leg started, `YYYY-MM-DD`.
        "date" date: String = Kind::Code(CodeKind::Date),
        /// Where the leg started: a location code as in `location.code`.
        "from" from: String = Kind::Code(CodeKind::Location),
        /// Where the leg ended: a location code as in `location.code`.
        "to" to: String = Kind::Code(CodeKind::Location),
        /// Flight designator, e.g. `LH254`.
        "flight" flight: String = Kind::Code(CodeKind::Flight),
        /// IATA air waybill, e.g. `016-12345675`.
        "awb" awb: String = Kind::Code(CodeKind::Awb),
        /// Carrier tracking number.
        "tracking" tracking: String = Kind::Text(64),
        /// UPU S10 postal item identifier, e.g. `RR473124829GB`.
        "postal_item" postal_item: String = Kind::Code(CodeKind::PostalItem),
        /// ISO 6346 freight container number, e.g. `CSQU3054383`.
        "container" container: String = Kind::Code(CodeKind::Container),
        /// IMO ship number, e.g. `9074729` or `IMO 9074729`.
        "imo" imo: String = Kind::Code(CodeKind::Imo),
        /// Name of the ship or boat.
        "vessel_name" vessel_name: String = Kind::Text(128),
        /// Vehicle plate (nominal: nCEN only).
        "vehicle_registration" vehicle_registration: String = Kind::Text(32),
        /// Country of the plate or of the aircraft.
        "registration_country" registration_country: String = Kind::Code(CodeKind::Country),
        /// Aircraft registration, e.g. `N123AB`.
        "aircraft_registration" aircraft_registration: String = Kind::Text(16),
        /// Train number.
        "train" train: String = Kind::Text(32),
    }
}

model_object! {
    /// The countries of the movement (spec 2.6).
    pub struct Route as ROUTE_SHAPE {
        /// Where the goods were produced.
        "origin" origin: String = Kind::Code(CodeKind::Country),
        /// Where this consignment began its journey (`XX` when unknown).
        "departure" departure: String = Kind::Code(CodeKind::Country),
        /// The countries passed through, in order, at most 20.
        "transit" transit: Vec<String> = Kind::List(&Kind::Code(CodeKind::Country), 20),
        /// Where the consignment was going (`XX` when unknown).
        "destination" destination: String = Kind::Code(CodeKind::Country),
    }
}

model_object! {
    /// Non-nominal facts about a person involved (spec 2.7).
    pub struct Offender as OFFENDER_SHAPE {
        /// Nationality (ISO 3166-1 alpha-2, `XX` when unknown).
        "nationality" nationality: String = Kind::Code(CodeKind::Country),
        /// Gender.
        "gender" gender: Gender = Kind::Enum(&Gender::INFO),
        /// Age in whole years, 0 to 120.
        "age" age: u64 = Kind::Integer(IntegerRange { min: 0, max: 120 }),
        /// Role in the case.
        "role" role: OffenderRole = Kind::Enum(&OffenderRole::INFO),
    }
}

model_object! {
    /// Nominal data on a person (spec 2.7; nCEN only).
    pub struct Person as PERSON_SHAPE {
        /// Surname.
        "surname" surname: String = Kind::Text(128),
        /// Given names.
        "given_names" given_names: String = Kind::Text(128),
        /// Date of birth, `YYYY-MM-DD`.
        "birth_date" birth_date: String = Kind::Code(CodeKind::Date),
        /// Nationality.
        "nationality" nationality: String = Kind::Code(CodeKind::Country),
        /// Gender.
        "gender" gender: Gender = Kind::Enum(&Gender::INFO),
        /// Role in the case.
        "role" role: OffenderRole = Kind::Enum(&OffenderRole::INFO),
        /// Identity documents, at most 10.
        "documents" documents: Vec<Document> = Kind::List(&Kind::Object(&DOCUMENT_SHAPE), 10),
        /// Address.
        "address" address: String = Kind::Text(512),
    }
}

model_object! {
    /// An identity document of a person (spec 2.7).
    pub struct Document as DOCUMENT_SHAPE {
        /// Kind of document.
        "type" r#type: DocumentType = Kind::Enum(&DocumentType::INFO),
        /// Document number.
        "number" number: String = Kind::Text(32),
        /// Issuing country.
        "issuing_country" issuing_country: String = Kind::Code(CodeKind::Country),
        /// Expiry date, `YYYY-MM-DD`.
        "expiry" expiry: String = Kind::Code(CodeKind::Date),
    }
}

model_object! {
    /// Nominal data on a company (spec 2.7; nCEN only).
    pub struct Company as COMPANY_SHAPE {
        /// Company name.
        "name" name: String = Kind::Text(256),
        /// Registration number.
        "registration_number" registration_number: String = Kind::Text(64),
        /// Country of registration (ISO 3166-1 alpha-2).
        "country" country: String = Kind::Code(CodeKind::Country),
        /// Address.
        "address" address: String = Kind::Text(512),
        /// Role in the case.
        "role" role: CompanyRole = Kind::Enum(&CompanyRole::INFO),
    }
}

model_object! {
    /// What followed the seizure (spec 2.7).
    pub struct Outcome as OUTCOME_SHAPE {
        /// Legal action taken.
        "legal_action" legal_action: LegalAction = Kind::Enum(&LegalAction::INFO),
        /// Number of arrests.
        "arrests" arrests: u64 = Kind::Integer(IntegerRange { min: 0, max: MAX_SAFE_INTEGER }),
        /// Penalty imposed.
        "penalty" penalty: Money = Kind::Object(&MONEY_SHAPE),
    }
}

model_object! {
    /// A reference to a picture (spec 2.7).
    pub struct Photo as PHOTO_SHAPE {
        /// A URI or file name.
        "ref" r#ref: String = Kind::Text(1_024),
        /// What the photo shows.
        "kind" kind: PhotoKind = Kind::Enum(&PhotoKind::INFO),
        /// Caption.
        "caption" caption: String = Kind::Text(512),
    }
}
