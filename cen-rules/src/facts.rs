//! What the rules compare: the values of a decoded record that passed their own checks.
//!
//! Building the facts runs the checks of single values (DAT-001, COD, IDN) and keeps only what
//! passed them, so that a value that failed takes part in no other rule (spec 3, "No
//! cascades"). `XX` and `unknown` are kept here as valid values; rules that compare use
//! [`known`] to leave them out ("Unknown is not wrong").

use cen_model::shape::CodeKind;
use cen_model::*;
use codes_data::{Currency, GoodsType, HsEdition, ResolvedLocation, Tables};

use crate::sink::Sink;
use crate::values::{codes, date, identifiers};

/// A country code that is present, valid and not `XX`.
pub(crate) fn known(code: Option<&str>) -> Option<&str> {
    code.filter(|c| *c != "XX")
}

/// The facts of one leg.
#[derive(Debug, Default)]
pub(crate) struct LegFacts<'r> {
    /// False for a placeholder of an item that was not an object.
    pub present: bool,
    pub leg: Option<&'r Leg>,
    pub kind: Option<ConveyanceType>,
    pub date: Option<Date>,
    pub from: Option<(&'r str, ResolvedLocation<'r>)>,
    pub to: Option<(&'r str, ResolvedLocation<'r>)>,
    pub flight: Option<&'r str>,
    pub awb: Option<&'r str>,
    pub postal_item: Option<&'r str>,
    pub container: Option<&'r str>,
}

/// The facts of one goods line.
#[derive(Debug, Default)]
pub(crate) struct GoodsFacts<'r> {
    pub line: Option<&'r GoodsLine>,
    pub area: Option<CommodityArea>,
    pub goods_type: Option<&'static GoodsType>,
    pub unit: Option<Unit>,
    pub quantity: Option<f64>,
    pub currency: Option<&'r Currency>,
    pub value_currency: Option<&'r Currency>,
}

/// The facts of a record.
pub(crate) struct Facts<'r> {
    pub decoded: &'r Decoded,
    pub form: Form,
    pub source: Source,
    pub today: Date,
    /// A real ISO country (never a pseudo-code).
    pub reporting: Option<&'r str>,
    pub seizure_date: Option<Date>,
    pub entry_date: Option<Date>,
    pub location_type: Option<LocationType>,
    pub location: Option<(&'r str, ResolvedLocation<'r>)>,
    pub procedure: Option<Procedure>,
    pub departure: Option<&'r str>,
    pub destination: Option<&'r str>,
    /// Valid transit codes by index (`None` where the entry failed its checks).
    pub transit: Vec<Option<&'r str>>,
    pub legs: Vec<LegFacts<'r>>,
    pub goods: Vec<GoodsFacts<'r>>,
    pub birth_dates: Vec<(usize, Date)>,
    pub penalty_currency: Option<&'r Currency>,
}

fn country<'r>(
    sink: &mut Sink,
    tables: &Tables,
    value: &'r Option<String>,
    pseudo: bool,
    path: impl FnOnce() -> String,
) -> Option<&'r str> {
    value
        .as_deref()
        .and_then(|code| codes::country(sink, tables, code, pseudo, path))
}

fn date(sink: &mut Sink, value: &Option<String>, path: impl FnOnce() -> String) -> Option<Date> {
    value
        .as_deref()
        .and_then(|text| date::date(sink, text, path))
}

/// `/a/b` for a field, with an index when the field is in an array item.
pub(crate) fn at(list: &str, index: usize, field: &str) -> String {
    format!("/{list}/{index}/{field}")
}

impl<'r> Facts<'r> {
    pub(crate) fn build(
        decoded: &'r Decoded,
        form: Form,
        source: Source,
        today: Date,
        hs_edition: Option<HsEdition>,
        tables: &'r Tables,
        sink: &mut Sink,
    ) -> Facts<'r> {
        let record = &decoded.record;
        // Placeholders of array items that were not objects take no part in anything.
        let item_present = |list: &str, index: usize| {
            decoded.invalid.is_empty() || !decoded.is_invalid(&format!("/{list}/{index}"))
        };

        let reporting = country(sink, tables, &record.reporting_country, false, || {
            "/reporting_country".into()
        });
        let seizure_date = date(sink, &record.seizure_date, || "/seizure_date".into());
        let entry_date = date(sink, &record.entry_date, || "/entry_date".into());
        // Spec 3, "The HS edition in force": the option, else the seizure date's, else the
        // newest (no date, or a date that is not one).
        let hs_edition = hs_edition.unwrap_or_else(|| {
            seizure_date.map_or(HsEdition::NEWEST, |d| {
                HsEdition::in_force_on(i32::from(d.year()), d.month(), d.day())
            })
        });

        let location = record.location.as_ref();
        let location_type = location.and_then(|l| l.r#type);
        let location_code = location.and_then(|l| l.code.as_deref()).and_then(|code| {
            codes::location(sink, tables, code, || "/location/code".to_owned()).map(|r| (code, r))
        });

        let route = record.route.as_ref();
        if let Some(route) = route {
            country(sink, tables, &route.origin, true, || "/route/origin".into());
        }
        let departure = route.and_then(|r| {
            country(sink, tables, &r.departure, true, || {
                "/route/departure".into()
            })
        });
        let destination = route.and_then(|r| {
            country(sink, tables, &r.destination, true, || {
                "/route/destination".into()
            })
        });
        let transit = route
            .and_then(|r| r.transit.as_ref())
            .map(|codes_list| {
                codes_list
                    .iter()
                    .enumerate()
                    .map(|(i, code)| {
                        if !item_present("route/transit", i) {
                            return None;
                        }
                        codes::country(sink, tables, code, true, || format!("/route/transit/{i}"))
                    })
                    .collect()
            })
            .unwrap_or_default();

        let legs = record
            .conveyance
            .iter()
            .flatten()
            .enumerate()
            .map(|(i, leg)| {
                if !item_present("conveyance", i) {
                    return LegFacts::default();
                }
                let mut identifier =
                    |kind: CodeKind, value: &'r Option<String>, field: &str| -> Option<&'r str> {
                        value.as_deref().filter(|v| {
                            identifiers::check(sink, kind, v, || at("conveyance", i, field))
                        })
                    };
                let flight = identifier(CodeKind::Flight, &leg.flight, "flight");
                let awb = identifier(CodeKind::Awb, &leg.awb, "awb");
                let postal_item = identifier(CodeKind::PostalItem, &leg.postal_item, "postal_item");
                let container = identifier(CodeKind::Container, &leg.container, "container");
                identifier(CodeKind::Imo, &leg.imo, "imo");
                let mut place = |value: &'r Option<String>, field: &str| {
                    value.as_deref().and_then(|code| {
                        codes::location(sink, tables, code, || at("conveyance", i, field))
                            .map(|r| (code, r))
                    })
                };
                let from = place(&leg.from, "from");
                let to = place(&leg.to, "to");
                country(sink, tables, &leg.registration_country, true, || {
                    at("conveyance", i, "registration_country")
                });
                LegFacts {
                    present: true,
                    leg: Some(leg),
                    kind: leg.r#type,
                    date: date(sink, &leg.date, || at("conveyance", i, "date")),
                    from,
                    to,
                    flight,
                    awb,
                    postal_item,
                    container,
                }
            })
            .collect();

        let goods = record
            .goods
            .iter()
            .flatten()
            .enumerate()
            .map(|(i, line)| {
                if !item_present("goods", i) {
                    return GoodsFacts::default();
                }
                let goods_type = line
                    .commodity
                    .zip(line.r#type.as_deref())
                    .and_then(|(area, code)| codes::goods_type(sink, area, code, i));
                if let (Some(goods_type), Some(unit)) = (goods_type, line.unit) {
                    codes::unit(sink, goods_type, unit, i);
                }
                let currency = line
                    .currency
                    .as_deref()
                    .and_then(|c| codes::currency(sink, tables, c, || at("goods", i, "currency")));
                let value_currency = line
                    .value
                    .as_ref()
                    .and_then(|v| v.currency.as_deref())
                    .and_then(|c| {
                        codes::currency(sink, tables, c, || format!("/goods/{i}/value/currency"))
                    });
                if let Some(hs) = line.hs_code.as_deref() {
                    codes::hs(sink, tables, hs, hs_edition, || at("goods", i, "hs_code"));
                }
                GoodsFacts {
                    line: Some(line),
                    area: line.commodity,
                    goods_type,
                    unit: line.unit,
                    quantity: line.quantity,
                    currency,
                    value_currency,
                }
            })
            .collect();

        for (i, offender) in record.offenders.iter().flatten().enumerate() {
            country(sink, tables, &offender.nationality, true, || {
                at("offenders", i, "nationality")
            });
        }
        let mut birth_dates = Vec::new();
        for (i, person) in record.persons.iter().flatten().enumerate() {
            country(sink, tables, &person.nationality, true, || {
                at("persons", i, "nationality")
            });
            if let Some(birth) = date(sink, &person.birth_date, || at("persons", i, "birth_date")) {
                birth_dates.push((i, birth));
            }
            for (j, document) in person.documents.iter().flatten().enumerate() {
                country(sink, tables, &document.issuing_country, true, || {
                    format!("/persons/{i}/documents/{j}/issuing_country")
                });
                date(sink, &document.expiry, || {
                    format!("/persons/{i}/documents/{j}/expiry")
                });
            }
        }
        for (i, company) in record.companies.iter().flatten().enumerate() {
            country(sink, tables, &company.country, false, || {
                at("companies", i, "country")
            });
        }
        let penalty_currency = record
            .outcome
            .as_ref()
            .and_then(|o| o.penalty.as_ref())
            .and_then(|p| p.currency.as_deref())
            .and_then(|c| {
                codes::currency(sink, tables, c, || "/outcome/penalty/currency".to_owned())
            });

        Facts {
            decoded,
            form,
            source,
            today,
            reporting,
            seizure_date,
            entry_date,
            location_type,
            location: location_code,
            procedure: record.procedure,
            departure,
            destination,
            transit,
            legs,
            goods,
            birth_dates,
            penalty_currency,
        }
    }

    pub(crate) fn record(&self) -> &'r Record {
        &self.decoded.record
    }

    /// True when every leg is present and of a known type (so that "every leg" and "no leg"
    /// can be decided); false when there is no leg.
    pub(crate) fn leg_types_known(&self) -> bool {
        !self.legs.is_empty() && self.legs.iter().all(|l| l.present && l.kind.is_some())
    }

    /// The types of the legs, when [`Facts::leg_types_known`].
    pub(crate) fn leg_types(&self) -> impl Iterator<Item = ConveyanceType> + '_ {
        self.legs.iter().filter_map(|l| l.kind)
    }
}
