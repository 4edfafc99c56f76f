//! The mistakes people make when they enter a seizure, each one a variant that knows the rule
//! it provokes, the fields it touches and how to make itself in a valid record.

use cen_model::Date;
use serde_json::{json, Map, Value};

use super::rng::Rng;
use crate::definition::Rule;
use crate::rules::{dates, movement, nominal, quantity, structure};
use crate::values::identifiers::{is_awb, is_container, is_s10};
use crate::values::{codes, date, identifiers};

/// One realistic mistake. [`Mistake::ALL`] is the order the generator tries them in, starting
/// from a random one: changing that order changes the records of every seed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mistake {
    /// A container number with a wrong check digit (CEN-IDN-001).
    ContainerCheckDigit,
    /// An air waybill with a wrong check digit (CEN-IDN-003).
    AwbCheckDigit,
    /// A postal item identifier with a wrong check digit (CEN-IDN-004).
    PostalItemCheckDigit,
    /// A flight written with a space, `LH 254` (CEN-IDN-005).
    FlightWithSpace,
    /// An air waybill on a leg that carries no air cargo (CEN-MOV-009).
    AwbOnAnotherConveyance,
    /// An import whose destination is not the reporting country (CEN-MOV-001).
    ImportToElsewhere,
    /// An export whose departure is not the reporting country (CEN-MOV-002).
    ExportFromElsewhere,
    /// A unit the goods type does not allow, such as drugs in items (CEN-COD-007).
    UnitNotForTheGoods,
    /// A misspelt goods type, `cocain` (CEN-COD-006).
    MisspeltGoodsType,
    /// A quantity written as text with a decimal comma (CEN-SCH-002).
    DecimalComma,
    /// A unit that is no word of the list, `kgs` (CEN-SCH-005).
    UnitNotAWord,
    /// The concealment left out on the long form (CEN-SCH-004).
    ConcealmentMissing,
    /// A seizure dated after today (CEN-DAT-002).
    SeizureInTheFuture,
    /// A seizure date written day first, `14/03/2024` (CEN-DAT-001).
    DayFirstDate,
    /// The reporting country in lower case (CEN-COD-001).
    LowerCaseCountry,
    /// A location code that resolves nowhere (CEN-COD-002).
    UnknownLocation,
    /// A carrier's name longer than the limit (CEN-SCH-006).
    CarrierTooLong,
    /// Persons in a record that does not come from nCEN (CEN-NOM-001).
    PersonsOutsideNcen,
    /// A field the record does not define, `comments` (CEN-SCH-003).
    UnknownField,
    /// An entry date before the seizure date (CEN-DAT-006).
    EntryBeforeSeizure,
    /// A quantity of zero or below (CEN-QTY-001).
    QuantityNotPositive,
}

/// What a mistake may read of the valid record it goes into.
struct Found {
    leg: Value,
    line: Value,
    reporting: String,
    procedure: String,
    seizure: Option<Date>,
}

impl Found {
    fn of(record: &Map<String, Value>) -> Found {
        let first = |list: &str| {
            record
                .get(list)
                .and_then(|c| c.get(0))
                .cloned()
                .unwrap_or_default()
        };
        let text = |field: &str| {
            record
                .get(field)
                .and_then(Value::as_str)
                .unwrap_or("")
                .to_owned()
        };
        Found {
            leg: first("conveyance"),
            line: first("goods"),
            reporting: text("reporting_country"),
            procedure: text("procedure"),
            seizure: record
                .get("seizure_date")
                .and_then(Value::as_str)
                .and_then(Date::parse),
        }
    }

    fn leg_text(&self, field: &str) -> Option<String> {
        self.leg
            .get(field)
            .and_then(Value::as_str)
            .map(str::to_owned)
    }
}

/// Sets a field of the first item of a list (the one leg, the one goods line).
fn set(record: &mut Map<String, Value>, list: &str, field: &str, value: Value) {
    if let Some(Value::Object(item)) = record.get_mut(list).and_then(|c| c.get_mut(0)) {
        item.insert(field.to_owned(), value);
    }
}

impl Mistake {
    /// Every mistake, in the order the generator tries them.
    pub const ALL: [Mistake; 21] = [
        Mistake::ContainerCheckDigit,
        Mistake::AwbCheckDigit,
        Mistake::PostalItemCheckDigit,
        Mistake::FlightWithSpace,
        Mistake::AwbOnAnotherConveyance,
        Mistake::ImportToElsewhere,
        Mistake::ExportFromElsewhere,
        Mistake::UnitNotForTheGoods,
        Mistake::MisspeltGoodsType,
        Mistake::DecimalComma,
        Mistake::UnitNotAWord,
        Mistake::ConcealmentMissing,
        Mistake::SeizureInTheFuture,
        Mistake::DayFirstDate,
        Mistake::LowerCaseCountry,
        Mistake::UnknownLocation,
        Mistake::CarrierTooLong,
        Mistake::PersonsOutsideNcen,
        Mistake::UnknownField,
        Mistake::EntryBeforeSeizure,
        Mistake::QuantityNotPositive,
    ];

    /// The rule that the mistake provokes.
    ///
    /// ```
    /// use cen_rules::synth::Mistake;
    /// assert_eq!(Mistake::DayFirstDate.rule().id, "CEN-DAT-001");
    /// ```
    pub fn rule(self) -> &'static Rule {
        match self {
            Mistake::ContainerCheckDigit => &identifiers::IDN_001,
            Mistake::AwbCheckDigit => &identifiers::IDN_003,
            Mistake::PostalItemCheckDigit => &identifiers::IDN_004,
            Mistake::FlightWithSpace => &identifiers::IDN_005,
            Mistake::AwbOnAnotherConveyance => &movement::MOV_009,
            Mistake::ImportToElsewhere => &movement::MOV_001,
            Mistake::ExportFromElsewhere => &movement::MOV_002,
            Mistake::UnitNotForTheGoods => &codes::COD_007,
            Mistake::MisspeltGoodsType => &codes::COD_006,
            Mistake::DecimalComma => &structure::SCH_002,
            Mistake::UnitNotAWord => &structure::SCH_005,
            Mistake::ConcealmentMissing => &structure::SCH_004,
            Mistake::SeizureInTheFuture => &dates::DAT_002,
            Mistake::DayFirstDate => &date::DAT_001,
            Mistake::LowerCaseCountry => &codes::COD_001,
            Mistake::UnknownLocation => &codes::COD_002,
            Mistake::CarrierTooLong => &structure::SCH_006,
            Mistake::PersonsOutsideNcen => &nominal::NOM_001,
            Mistake::UnknownField => &structure::SCH_003,
            Mistake::EntryBeforeSeizure => &dates::DAT_006,
            Mistake::QuantityNotPositive => &quantity::QTY_001,
        }
    }

    /// The top-level fields the mistake changes or relies on: two mistakes in one record
    /// touch different fields, so that each provokes its own rule.
    pub fn touches(self) -> &'static [&'static str] {
        match self {
            Mistake::ContainerCheckDigit
            | Mistake::AwbCheckDigit
            | Mistake::PostalItemCheckDigit
            | Mistake::FlightWithSpace
            | Mistake::AwbOnAnotherConveyance
            | Mistake::CarrierTooLong => &["conveyance"],
            Mistake::ImportToElsewhere | Mistake::ExportFromElsewhere => {
                &["route", "reporting_country", "procedure"]
            }
            Mistake::UnitNotForTheGoods
            | Mistake::MisspeltGoodsType
            | Mistake::DecimalComma
            | Mistake::UnitNotAWord
            | Mistake::ConcealmentMissing
            | Mistake::QuantityNotPositive => &["goods"],
            Mistake::SeizureInTheFuture | Mistake::DayFirstDate | Mistake::EntryBeforeSeizure => {
                &["seizure_date", "entry_date"]
            }
            Mistake::LowerCaseCountry => &["reporting_country"],
            Mistake::UnknownLocation => &["location"],
            Mistake::PersonsOutsideNcen => &["persons", "source"],
            Mistake::UnknownField => &["comments"],
        }
    }

    /// Makes the mistake in a valid record; `None`, with the record unchanged, when the
    /// record has no place for it (no container to get wrong, not an import, ...).
    pub(super) fn apply(
        self,
        rng: &mut Rng,
        record: &mut Map<String, Value>,
        today: Date,
    ) -> Option<()> {
        let found = Found::of(record);
        let elsewhere = if found.reporting == "NL" { "DE" } else { "NL" };
        match self {
            Mistake::ContainerCheckDigit => {
                let container = found.leg_text("container")?;
                let last = container.as_bytes()[10] - b'0';
                let wrong = format!(
                    "{}{}",
                    &container[..10],
                    (last + 1 + rng.below(8) as u8) % 10
                );
                (!is_container(&wrong)).then_some(())?;
                set(record, "conveyance", "container", wrong.into());
            }
            Mistake::AwbCheckDigit => {
                let awb = found.leg_text("awb")?;
                let wrong = format!(
                    "{}{}",
                    &awb[..awb.len() - 1],
                    if awb.ends_with('9') { '8' } else { '9' }
                );
                (!is_awb(&wrong)).then_some(())?;
                set(record, "conveyance", "awb", wrong.into());
            }
            Mistake::PostalItemCheckDigit => {
                let item = found.leg_text("postal_item")?;
                let check = item.as_bytes()[10] - b'0';
                let wrong = format!("{}{}{}", &item[..10], (check + 1) % 10, &item[11..]);
                (!is_s10(&wrong)).then_some(())?;
                set(record, "conveyance", "postal_item", wrong.into());
            }
            Mistake::FlightWithSpace => {
                let flight = found.leg_text("flight")?;
                set(
                    record,
                    "conveyance",
                    "flight",
                    format!("{} {}", &flight[..2], &flight[2..]).into(),
                );
            }
            Mistake::AwbOnAnotherConveyance => {
                let leg_type = found.leg_text("type").unwrap_or_default();
                (!matches!(
                    leg_type.as_str(),
                    "air_cargo" | "express_courier" | "unknown"
                ))
                .then_some(())?;
                set(record, "conveyance", "awb", "016-12345675".into());
            }
            Mistake::ImportToElsewhere => {
                (found.procedure == "import" && codes_data::country(&found.reporting).is_some())
                    .then_some(())?;
                record["route"]["destination"] = elsewhere.into();
            }
            Mistake::ExportFromElsewhere => {
                (found.procedure == "export" && codes_data::country(&found.reporting).is_some())
                    .then_some(())?;
                record["route"]["departure"] = elsewhere.into();
            }
            Mistake::UnitNotForTheGoods => {
                let area = found.line.get("commodity").and_then(Value::as_str)?;
                let bad_unit = match area {
                    "drugs" => "items",
                    "tobacco" | "alcohol" => "rounds",
                    _ => return None,
                };
                set(record, "goods", "unit", bad_unit.into());
            }
            Mistake::MisspeltGoodsType => {
                (found.line.get("commodity").and_then(Value::as_str) == Some("drugs"))
                    .then_some(())?;
                set(record, "goods", "type", "cocain".into());
            }
            Mistake::DecimalComma => {
                let quantity = found.line.get("quantity")?.to_string();
                set(
                    record,
                    "goods",
                    "quantity",
                    quantity.replace('.', ",").into(),
                );
            }
            Mistake::UnitNotAWord => {
                set(record, "goods", "unit", "kgs".into());
            }
            Mistake::ConcealmentMissing => {
                (record.get("form").and_then(Value::as_str) != Some("simplified")
                    && found.line.get("concealment").is_some())
                .then_some(())?;
                if let Some(Value::Object(line)) =
                    record.get_mut("goods").and_then(|g| g.get_mut(0))
                {
                    line.remove("concealment");
                }
            }
            Mistake::SeizureInTheFuture => {
                let future = Date::from_days_since_epoch(
                    today.days_since_epoch() + 1 + rng.below(300) as i64,
                )?;
                record.insert("seizure_date".into(), future.to_string().into());
                record.remove("entry_date");
            }
            Mistake::DayFirstDate => {
                let date = found.seizure?.to_string();
                record.insert(
                    "seizure_date".into(),
                    format!("{}/{}/{}", &date[8..10], &date[5..7], &date[..4]).into(),
                );
            }
            Mistake::LowerCaseCountry => {
                codes_data::country(&found.reporting)?;
                record.insert(
                    "reporting_country".into(),
                    found.reporting.to_lowercase().into(),
                );
            }
            Mistake::UnknownLocation => {
                let country = if found.reporting.len() == 2 {
                    found.reporting.as_str()
                } else {
                    "BE"
                };
                let code = ["ZZ9", "Q9Z", "9QZ", "ZQ9", "9ZZ"]
                    .iter()
                    .map(|s| format!("{country}{s}"))
                    .find(|c| codes_data::resolve_location(c).is_none())?;
                record["location"]["code"] = code.into();
            }
            Mistake::CarrierTooLong => {
                let leg_type = found.leg_text("type").unwrap_or_default();
                (leg_type == "sea_container" || leg_type == "air_passenger").then_some(())?;
                let carrier = "x".repeat(129);
                set(record, "conveyance", "carrier", carrier.into());
            }
            Mistake::PersonsOutsideNcen => {
                (record.get("source").and_then(Value::as_str) != Some("ncen")).then_some(())?;
                record.insert("persons".into(), json!([{"surname": "Doe"}]));
            }
            Mistake::UnknownField => {
                record.insert("comments".into(), "checked twice".into());
            }
            Mistake::EntryBeforeSeizure => {
                let seizure = found.seizure?;
                let before = Date::from_days_since_epoch(
                    seizure.days_since_epoch() - 1 - rng.below(30) as i64,
                )?;
                record.insert("entry_date".into(), before.to_string().into());
            }
            Mistake::QuantityNotPositive => {
                found.line.get("quantity")?;
                set(
                    record,
                    "goods",
                    "quantity",
                    json!(if rng.chance(0.5) { 0.0 } else { -1.0 }),
                );
            }
        }
        Some(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::{record, DEFAULT_TODAY};
    use super::*;
    use crate::{Options, Validator};

    #[test]
    fn every_mistake_can_be_made_and_provokes_its_rule() {
        let validator = Validator::new(Options {
            today: Some(DEFAULT_TODAY),
            ..Options::default()
        })
        .unwrap();
        let mut rng = Rng::new(5);
        for mistake in Mistake::ALL {
            let record = (0..2000)
                .find_map(|_| {
                    let mut record = record::valid(&mut rng, DEFAULT_TODAY);
                    mistake
                        .apply(&mut rng, &mut record, DEFAULT_TODAY)
                        .map(|()| record)
                })
                .unwrap_or_else(|| panic!("{mistake:?} found no record to go into"));
            let report = validator.validate_value(&Value::Object(record));
            assert!(
                report.issues.iter().any(|i| i.rule == mistake.rule().id),
                "{mistake:?}: {:?}",
                report.issues
            );
        }
    }
}
