//! QTY: quantities (spec 3).

use cen_model::{CommodityArea, ConveyanceType, Enumeration, ParamValue, Params, Unit};
use codes_data::Currency;

use crate::definition::{Param, Rule, Severity};
use crate::facts::Facts;
use crate::sink::Sink;

/// CEN-QTY-001: a quantity that is zero or negative.
pub static QTY_001: Rule = Rule {
    id: "CEN-QTY-001",
    severity: Severity::Error,
    params: &[],
    summary: "A quantity is zero or negative.",
};
/// CEN-QTY-002: a money amount with more decimals than its currency has.
pub static QTY_002: Rule = Rule {
    id: "CEN-QTY-002",
    severity: Severity::Error,
    params: &[Param::as_is("currency"), Param::as_is("digits")],
    summary: "A money amount has more decimals than its currency's minor unit (counted on the shortest decimal form of the number).",
};
/// CEN-QTY-003: an implausible quantity for the conveyance.
pub static QTY_003: Rule = Rule {
    id: "CEN-QTY-003",
    severity: Severity::Warning,
    params: &[Param::as_is("limit")],
    summary: "Implausible quantity: over 50 kg of drugs or precursors with passengers or pedestrians only, over 30 kg by post only, over 50,000,000 cigarettes in one line.",
};
/// CEN-QTY-004: a count unit with a non-whole quantity.
pub static QTY_004: Rule = Rule {
    id: "CEN-QTY-004",
    severity: Severity::Error,
    params: &[],
    summary: "A count unit has a quantity that is not a whole number.",
};

/// Limits of CEN-QTY-003.
pub const CARRIED_DRUGS_KG: f64 = 50.0;
/// Limits of CEN-QTY-003.
pub const POSTAL_KG: f64 = 30.0;
/// Limits of CEN-QTY-003.
pub const CIGARETTES_PER_LINE: f64 = 50_000_000.0;

/// The number of decimals of the shortest decimal form of a finite number (`0.1` → 1,
/// `1.5e-7` → 8, `100` → 0): what a person reads, the same in every language's number printing.
///
/// ```
/// assert_eq!(cen_rules::quantity::decimals(12.345), 3);
/// assert_eq!(cen_rules::quantity::decimals(0.1 + 0.2), 17);
/// assert_eq!(cen_rules::quantity::decimals(1e21), 0);
/// ```
pub fn decimals(value: f64) -> u32 {
    // A whole number has no decimals in its shortest form either (`1e21` included): most
    // quantities and amounts are whole, and formatting costs a thousand instructions.
    if !value.is_finite() || value.fract() == 0.0 {
        return 0;
    }
    let mut buffer = ryu::Buffer::new();
    let text = buffer.format_finite(value);
    let (mantissa, exponent) = match text.split_once('e') {
        Some((m, e)) => (m, e.parse::<i32>().unwrap_or(0)),
        None => (text, 0),
    };
    let fraction = mantissa
        .split_once('.')
        .map_or("", |(_, f)| f)
        .trim_end_matches('0');
    (fraction.len() as i32 - exponent).max(0) as u32
}

/// The mass equivalent in kg of a quantity (spec 2.4), if its unit has one.
pub fn mass_equivalent_kg(quantity: f64, unit: Unit) -> Option<f64> {
    codes_data::unit(unit.as_str())
        .and_then(|u| u.kg_per_unit())
        .map(|factor| quantity * factor)
}

fn money(
    sink: &mut Sink,
    amount: Option<f64>,
    currency: Option<&Currency>,
    path: impl FnOnce() -> String,
) {
    let (Some(amount), Some(currency)) = (amount, currency) else {
        return;
    };
    let Some(digits) = currency.minor_units() else {
        return;
    };
    if decimals(amount) > u32::from(digits) {
        let params = Params::new()
            .with("currency", currency.alpha3())
            .with("digits", ParamValue::Int(i64::from(digits)));
        sink.emit(&QTY_002, path(), params);
    }
}

/// Every QTY rule.
pub(crate) fn check(facts: &Facts, sink: &mut Sink) {
    let legs_all = |types: &[ConveyanceType]| {
        facts.leg_types_known() && facts.leg_types().all(|t| types.contains(&t))
    };
    let carried = legs_all(&[ConveyanceType::AirPassenger, ConveyanceType::Pedestrian]);
    let postal = legs_all(&[ConveyanceType::Postal]);
    for (i, line) in facts.goods.iter().enumerate() {
        let Some(goods) = line.line else {
            continue;
        };
        if let Some(quantity) = line.quantity {
            if quantity <= 0.0 {
                sink.emit(&QTY_001, format!("/goods/{i}/quantity"), Params::new());
            } else {
                if line.unit.is_some_and(Unit::is_count) && quantity.fract() != 0.0 {
                    sink.emit(&QTY_004, format!("/goods/{i}/quantity"), Params::new());
                }
                if line.unit == Some(Unit::Amount) {
                    money(sink, Some(quantity), line.currency, || {
                        format!("/goods/{i}/quantity")
                    });
                }
                plausible(sink, line, quantity, carried, postal, i);
            }
        }
        if let Some(value) = &goods.value {
            money(sink, value.amount, line.value_currency, || {
                format!("/goods/{i}/value/amount")
            });
        }
    }
    if let Some(penalty) = facts
        .record()
        .outcome
        .as_ref()
        .and_then(|o| o.penalty.as_ref())
    {
        money(sink, penalty.amount, facts.penalty_currency, || {
            "/outcome/penalty/amount".to_owned()
        });
    }
}

fn plausible(
    sink: &mut Sink,
    line: &crate::facts::GoodsFacts,
    quantity: f64,
    carried: bool,
    postal: bool,
    i: usize,
) {
    let mass = line.unit.and_then(|u| mass_equivalent_kg(quantity, u));
    let drugs = matches!(
        line.area,
        Some(CommodityArea::Drugs | CommodityArea::Precursors)
    );
    let cigarettes = line
        .goods_type
        .is_some_and(|t| t.area() == "tobacco" && t.code() == "cigarettes");
    let (limit, variant) = if drugs && carried && mass.is_some_and(|m| m > CARRIED_DRUGS_KG) {
        (CARRIED_DRUGS_KG, "carried")
    } else if postal && mass.is_some_and(|m| m > POSTAL_KG) {
        (POSTAL_KG, "postal")
    } else if cigarettes && line.unit == Some(Unit::Pieces) && quantity > CIGARETTES_PER_LINE {
        (CIGARETTES_PER_LINE, "cigarettes")
    } else {
        return;
    };
    sink.emit_variant(
        &QTY_003,
        format!("/goods/{i}/quantity"),
        Params::new().with("limit", ParamValue::number(limit)),
        Some(variant),
    );
}

#[cfg(test)]
mod tests {
    use super::decimals;
    use crate::testing::{base, issues};
    use serde_json::json;

    #[test]
    fn decimals_follow_the_shortest_form() {
        assert_eq!(decimals(1.0), 0);
        assert_eq!(decimals(1.5), 1);
        assert_eq!(decimals(0.05), 2);
        assert_eq!(decimals(1.5e-7), 8);
        assert_eq!(decimals(123456789.125), 3);
        assert_eq!(decimals(-0.0), 0);
    }

    #[test]
    fn whole_numbers_have_no_decimals_in_their_shortest_form() {
        // The shortcut for whole numbers against what the shortest form says, at every scale
        // a double reaches: small, around 2^53 where the spacing passes 1, and beyond.
        let mut wholes: Vec<f64> = (0..2_000).map(f64::from).collect();
        for exponent in 0..=308 {
            let scale = 10f64.powi(exponent);
            wholes.extend([
                scale,
                scale * 1.5,
                scale * 9.999_999_999_999_9,
                -scale * 7.25,
            ]);
        }
        for power in 50..=60 {
            let two = 2f64.powi(power);
            wholes.extend([two - 3.0, two - 1.0, two, two + 2.0, two + 6.0]);
        }
        let mut checked = 0;
        for value in wholes.into_iter().filter(|v| v.fract() == 0.0) {
            let text = ryu::Buffer::new().format_finite(value).to_owned();
            let (mantissa, exponent) = match text.split_once('e') {
                Some((m, e)) => (m.to_owned(), e.parse::<i32>().unwrap()),
                None => (text.clone(), 0),
            };
            let fraction = mantissa
                .split_once('.')
                .map_or("", |(_, f)| f)
                .trim_end_matches('0');
            assert!(fraction.len() as i32 <= exponent, "{value}: {text}");
            assert_eq!(decimals(value), 0, "{text}");
            checked += 1;
        }
        assert!(checked > 3_000);
    }

    #[test]
    fn qty_001_and_004() {
        let mut r = base();
        r["goods"][0]["quantity"] = json!(0);
        assert_eq!(issues(&r), ["CEN-QTY-001 /goods/0/quantity"]);
        r["goods"][0]["quantity"] = json!(-0.5);
        r["goods"][0]["type"] = json!("captagon");
        r["goods"][0]["unit"] = json!("tablets");
        assert_eq!(
            issues(&r),
            ["CEN-QTY-001 /goods/0/quantity"],
            "one mistake, one issue"
        );
        r["goods"][0]["quantity"] = json!(10.5);
        assert_eq!(issues(&r), ["CEN-QTY-004 /goods/0/quantity"]);
        r["goods"][0]["quantity"] = json!(10.0);
        assert!(issues(&r).is_empty());
    }

    #[test]
    fn qty_002_counts_decimals_against_the_minor_unit() {
        let mut r = base();
        r["goods"][0] = json!({"commodity": "currency", "type": "banknotes", "quantity": 1000.5, "unit": "amount", "currency": "JPY", "concealment": "baggage_hold", "value": {"amount": 10.125, "currency": "BHD"}});
        r["outcome"] = json!({"penalty": {"amount": 99.999, "currency": "EUR"}});
        assert_eq!(
            issues(&r),
            [
                "CEN-QTY-002 /goods/0/quantity",
                "CEN-QTY-002 /outcome/penalty/amount"
            ]
        );
    }

    #[test]
    fn qty_003_plausibility_by_conveyance() {
        let mut r = base();
        r["goods"][0]["quantity"] = json!(50.5);
        assert_eq!(issues(&r), ["CEN-QTY-003 /goods/0/quantity"]);
        r["goods"][0]["quantity"] = json!(50);
        assert!(issues(&r).is_empty(), "the limit itself is plausible");
        r["goods"][0]["quantity"] = json!(50500);
        r["goods"][0]["unit"] = json!("g");
        assert_eq!(
            issues(&r),
            ["CEN-QTY-003 /goods/0/quantity"],
            "grams count by mass equivalent"
        );
    }
}
