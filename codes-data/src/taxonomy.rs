//! The commodity taxonomy of spec 2.4 (`data/taxonomy.tsv`) and its units
//! (`data/units.tsv`): reference data, so that a later edition may add types without a
//! code change (CEN-COD-006, CEN-COD-007, CEN-QTY-003, CEN-QTY-004).

/// One of the commodity areas of CEN (`drugs`, `tobacco`, `cites`, ...), with its goods types.
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct CommodityArea {
    code: &'static str,
    types: &'static [GoodsType],
}

/// A goods type of a commodity area (`cocaine` in `drugs`), with the units it may be
/// counted in.
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct GoodsType {
    area: &'static str,
    code: &'static str,
    units: &'static [&'static str],
}

/// A unit of quantity (`kg`, `l`, `pieces`, `amount`, ...).
#[derive(Debug, PartialEq)]
pub struct UnitInfo {
    code: &'static str,
    kind: UnitKind,
    kg_per_unit: Option<f64>,
}

/// What a unit measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnitKind {
    /// A mass: `kg`, `g`, `t`.
    Mass,
    /// A volume: `l`, `ml`, `m3`.
    Volume,
    /// A count, which takes whole numbers: `pieces`, `tablets`, `items`, `rounds`,
    /// `heads`, `plants`.
    Count,
    /// A money amount in a currency: `amount`.
    Money,
}

// `static AREA_i: [GoodsType; n]` per area, `static COMMODITY_AREAS: [CommodityArea; 13]`.
include!(concat!(env!("OUT_DIR"), "/taxonomy.rs"));
// `static UNITS: [UnitInfo; 13]`.
include!(concat!(env!("OUT_DIR"), "/units.rs"));

impl CommodityArea {
    /// The area's code, `"drugs"`.
    pub fn code(&self) -> &'static str {
        self.code
    }

    /// The area's goods types, in the taxonomy's order.
    pub fn types(&self) -> &'static [GoodsType] {
        self.types
    }

    /// The goods type of this area with the code `code` (exact).
    pub fn goods_type(&self, code: &str) -> Option<&'static GoodsType> {
        self.types.iter().find(|t| t.code == code)
    }
}

impl GoodsType {
    /// The code of the type's area, `"drugs"`.
    pub fn area(&self) -> &'static str {
        self.area
    }

    /// The type's code within its area, `"cocaine"`.
    pub fn code(&self) -> &'static str {
        self.code
    }

    /// The units allowed for the type, in the taxonomy's order (`["kg", "g", "t"]`).
    pub fn units(&self) -> &'static [&'static str] {
        self.units
    }

    /// Whether `unit` (exact) is allowed for the type.
    pub fn allows_unit(&self, unit: &str) -> bool {
        self.units.contains(&unit)
    }
}

impl UnitInfo {
    /// The unit's code, `"kg"`.
    pub fn code(&self) -> &'static str {
        self.code
    }

    /// What the unit measures.
    pub fn kind(&self) -> UnitKind {
        self.kind
    }

    /// The mass equivalent of one unit in kilograms, for statistics (spec 2.4): kg 1,
    /// g 0.001, t 1000, l 1, ml 0.001 (UNODC counts one litre as one kilogram); `None` for
    /// the other units.
    pub fn kg_per_unit(&self) -> Option<f64> {
        self.kg_per_unit
    }
}

/// The commodity areas, in the taxonomy's order.
///
/// ```
/// let areas = codes_data::commodity_areas();
/// assert_eq!(areas.len(), 13);
/// assert_eq!(areas[0].code(), "drugs");
/// ```
pub fn commodity_areas() -> &'static [CommodityArea] {
    &COMMODITY_AREAS
}

/// The commodity area of a code (exact, lower case).
///
/// ```
/// let cites = codes_data::commodity_area("cites").unwrap();
/// assert!(cites.goods_type("ivory").unwrap().allows_unit("kg"));
/// assert!(codes_data::commodity_area("Drugs").is_none());
/// ```
pub fn commodity_area(code: &str) -> Option<&'static CommodityArea> {
    COMMODITY_AREAS.iter().find(|a| a.code == code)
}

/// The goods type `type_code` of the area `area` (both exact).
///
/// ```
/// let t = codes_data::goods_type("drugs", "captagon").unwrap();
/// assert_eq!(t.units(), ["tablets", "kg"]);
/// assert!(!t.allows_unit("g"));
/// assert!(codes_data::goods_type("tobacco", "cocaine").is_none());
/// ```
pub fn goods_type(area: &str, type_code: &str) -> Option<&'static GoodsType> {
    commodity_area(area)?.goods_type(type_code)
}

/// Every unit of spec 2.4, in the spec's order.
///
/// ```
/// assert_eq!(codes_data::units().len(), 13);
/// ```
pub fn units() -> &'static [UnitInfo] {
    &UNITS
}

/// The unit of a code (exact, lower case).
///
/// ```
/// use codes_data::{unit, UnitKind};
/// assert_eq!(unit("g").unwrap().kg_per_unit(), Some(0.001));
/// assert_eq!(unit("tablets").unwrap().kind(), UnitKind::Count);
/// assert_eq!(unit("m3").unwrap().kg_per_unit(), None);
/// assert!(unit("KG").is_none());
/// ```
pub fn unit(code: &str) -> Option<&'static UnitInfo> {
    UNITS.iter().find(|u| u.code == code)
}
