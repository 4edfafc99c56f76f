//! Arrow columns as the cells of flat rows (spec 5.3), read in place.
//!
//! A column of a record batch is prepared once per slice of rows: text, integer, float and
//! boolean arrays are read where they lie (a text cell borrows the array's bytes); dates,
//! timestamps, decimals and lists of strings are turned into owned cells first, as the day
//! they show, the number they hold or the `;`-separated list cell. Every Arrow type has a
//! meaning, so that no row is ever dropped or refused: a type that no field of the record
//! can hold (binary, times of day, durations, structs, maps, unions, lists of non-strings)
//! makes each of its non-null cells a value of the wrong type (CEN-SCH-002 at its field).

use std::str::FromStr;

use arrow_array::cast::AsArray;
use arrow_array::timezone::Tz;
use arrow_array::types::{
    Date32Type, Date64Type, Float64Type, Int64Type, TimestampMicrosecondType,
    TimestampMillisecondType, TimestampNanosecondType, TimestampSecondType, UInt64Type,
};
use arrow_array::{
    Array, ArrayRef, BooleanArray, Float64Array, Int64Array, LargeStringArray, OffsetSizeTrait,
    StringArray, StringViewArray, UInt64Array,
};
use arrow_buffer::NullBuffer;
use arrow_schema::{DataType, TimeUnit};
use cen_model::flat::{Cell, LIST_SEPARATOR};
use chrono::{NaiveDateTime, Timelike};

/// A cell computed from its Arrow value (a date's text, a decimal's number, a list cell).
#[derive(Debug, Clone, PartialEq)]
pub enum Owned {
    Empty,
    Text(String),
    Number(f64),
    /// A value no field can hold.
    WrongType,
}

/// A column of a slice of a record batch, ready to give one cell per row.
#[derive(Debug)]
pub enum Column {
    /// Every cell is empty (an Arrow `null` column, or a dictionary with no values).
    Empty,
    Utf8(StringArray),
    LargeUtf8(LargeStringArray),
    Utf8View(StringViewArray),
    /// Signed integers of any width, and unsigned ones up to 32 bits.
    Int(Int64Array),
    UInt64(UInt64Array),
    /// Floats of any width.
    Float(Float64Array),
    Bool(BooleanArray),
    /// Cells computed once from their Arrow values.
    Owned(Vec<Owned>),
    /// A dictionary-encoded column: keys into a column of values.
    Dictionary {
        keys: Vec<usize>,
        nulls: Option<NullBuffer>,
        values: Box<Column>,
    },
    /// A type no field can hold: every non-null cell is of the wrong type.
    WrongType(Option<NullBuffer>),
}

/// A value no field of the record can hold, as a cell: a boolean, the one JSON type that no
/// field takes, so that the core reports CEN-SCH-002 at its field (as the pandas path does).
const WRONG_TYPE: Cell<'static> = Cell::Bool(false);

/// A column that cannot be read at all: its name and why (a time zone that is not one).
#[derive(Debug)]
pub struct ColumnError(pub String);

impl Column {
    /// Prepares an Arrow array (a column of a slice of a batch).
    pub fn new(array: &ArrayRef) -> Result<Column, ColumnError> {
        let data_type = array.data_type();
        Ok(match data_type {
            DataType::Null => Column::Empty,
            DataType::Utf8 => Column::Utf8(array.as_string::<i32>().clone()),
            DataType::LargeUtf8 => Column::LargeUtf8(array.as_string::<i64>().clone()),
            DataType::Utf8View => Column::Utf8View(array.as_string_view().clone()),
            DataType::Int8
            | DataType::Int16
            | DataType::Int32
            | DataType::UInt8
            | DataType::UInt16
            | DataType::UInt32 => Column::Int(
                widen(array, &DataType::Int64)?
                    .as_primitive::<Int64Type>()
                    .clone(),
            ),
            DataType::Int64 => Column::Int(array.as_primitive::<Int64Type>().clone()),
            DataType::UInt64 => Column::UInt64(array.as_primitive::<UInt64Type>().clone()),
            DataType::Float16 | DataType::Float32 => Column::Float(
                widen(array, &DataType::Float64)?
                    .as_primitive::<Float64Type>()
                    .clone(),
            ),
            DataType::Float64 => Column::Float(array.as_primitive::<Float64Type>().clone()),
            DataType::Boolean => Column::Bool(array.as_boolean().clone()),
            DataType::Date32 => {
                let days = array.as_primitive::<Date32Type>();
                owned(days, |i| {
                    day_text(arrow_array::temporal_conversions::date32_to_datetime(
                        days.value(i),
                    ))
                })
            }
            DataType::Date64 => {
                let millis = array.as_primitive::<Date64Type>();
                owned(millis, |i| {
                    day_text(arrow_array::temporal_conversions::date64_to_datetime(
                        millis.value(i),
                    ))
                })
            }
            DataType::Timestamp(unit, zone) => timestamps(array, *unit, zone.as_deref())?,
            DataType::Decimal32(..)
            | DataType::Decimal64(..)
            | DataType::Decimal128(..)
            | DataType::Decimal256(..) => decimals(array)?,
            DataType::Dictionary(..) => dictionary(array)?,
            DataType::List(_) => list::<i32>(array)?,
            DataType::LargeList(_) => list::<i64>(array)?,
            DataType::FixedSizeList(_, size) => fixed_size_list(array, *size)?,
            DataType::ListView(item) | DataType::LargeListView(item) => {
                // A list view is a list whose items may be shared or out of order: read as the
                // list it stands for.
                let as_list = DataType::List(item.clone());
                match arrow_cast::cast(array, &as_list) {
                    Ok(list_array) => list::<i32>(&list_array)?,
                    Err(_) => Column::WrongType(array.logical_nulls()),
                }
            }
            DataType::RunEndEncoded(_, values) => {
                // Run-end encoding is a compression of the column: its cells are its values.
                match arrow_cast::cast(array, values.data_type()) {
                    Ok(expanded) => Column::new(&expanded)?,
                    Err(_) => Column::WrongType(array.logical_nulls()),
                }
            }
            // Bytes (JSON has none), times of day, durations, intervals, structs, maps, unions:
            // no field of the record holds them.
            _ => Column::WrongType(array.logical_nulls()),
        })
    }

    /// The cell of row `i` (a row past the column's end is empty).
    pub fn cell(&self, i: usize) -> Cell<'_> {
        match self {
            Column::Empty => Cell::Empty,
            Column::Utf8(a) => text(a, i),
            Column::LargeUtf8(a) => text(a, i),
            Column::Utf8View(a) => {
                if i >= a.len() || a.is_null(i) {
                    Cell::Empty
                } else {
                    Cell::Text(a.value(i))
                }
            }
            Column::Int(a) => {
                if i >= a.len() || a.is_null(i) {
                    Cell::Empty
                } else {
                    Cell::Integer(a.value(i))
                }
            }
            Column::UInt64(a) => {
                if i >= a.len() || a.is_null(i) {
                    Cell::Empty
                } else {
                    let n = a.value(i);
                    // Beyond i64, the number as a double, as Python's int beyond i64 is read.
                    i64::try_from(n).map_or(Cell::Number(n as f64), Cell::Integer)
                }
            }
            Column::Float(a) => {
                if i >= a.len() || a.is_null(i) {
                    Cell::Empty
                } else {
                    // NaN is a value in Arrow (null is the missing marker): the core reads a
                    // number that is not finite as text, CEN-SCH-002 in a number field.
                    Cell::Number(a.value(i))
                }
            }
            Column::Bool(a) => {
                if i >= a.len() || a.is_null(i) {
                    Cell::Empty
                } else {
                    Cell::Bool(a.value(i))
                }
            }
            Column::Owned(cells) => match cells.get(i) {
                None | Some(Owned::Empty) => Cell::Empty,
                Some(Owned::Text(t)) => Cell::Text(t),
                Some(Owned::Number(x)) => Cell::Number(*x),
                Some(Owned::WrongType) => WRONG_TYPE,
            },
            Column::Dictionary {
                keys,
                nulls,
                values,
            } => match keys.get(i) {
                Some(key) if nulls.as_ref().is_none_or(|n| n.is_valid(i)) => values.cell(*key),
                _ => Cell::Empty,
            },
            Column::WrongType(nulls) => {
                if nulls.as_ref().is_some_and(|n| i >= n.len() || n.is_null(i)) {
                    Cell::Empty
                } else {
                    WRONG_TYPE
                }
            }
        }
    }
}

fn text<O: OffsetSizeTrait>(a: &arrow_array::GenericStringArray<O>, i: usize) -> Cell<'_> {
    if i >= a.len() || a.is_null(i) {
        Cell::Empty
    } else {
        Cell::Text(a.value(i))
    }
}

/// A narrow number type widened to 64 bits (lossless: every value fits).
fn widen(array: &ArrayRef, to: &DataType) -> Result<ArrayRef, ColumnError> {
    arrow_cast::cast(array, to)
        .map_err(|e| ColumnError(format!("cannot read {}: {e}", array.data_type())))
}

/// Owned cells of a column, computed row by row (null rows are empty).
fn owned(array: &dyn Array, each: impl Fn(usize) -> Owned) -> Column {
    Column::Owned(
        (0..array.len())
            .map(|i| {
                if array.is_null(i) {
                    Owned::Empty
                } else {
                    each(i)
                }
            })
            .collect(),
    )
}

/// A date or a date and time as the day it shows (decision 45): `YYYY-MM-DD` at midnight,
/// the date and time otherwise (not a day: CEN-DAT-001 in a date field).
fn day_text(when: Option<NaiveDateTime>) -> Owned {
    match when {
        Some(when) => {
            let time = when.time();
            if time.num_seconds_from_midnight() == 0 && time.nanosecond() == 0 {
                Owned::Text(when.format("%Y-%m-%d").to_string())
            } else {
                Owned::Text(when.format("%Y-%m-%dT%H:%M:%S%.f").to_string())
            }
        }
        // Outside the calendar that dates can be written in: not a date.
        None => Owned::Text("(a date out of range)".to_owned()),
    }
}

/// Timestamps as the day they show in their own time zone (UTC offset or IANA name), or as
/// they are written when they have none.
fn timestamps(array: &ArrayRef, unit: TimeUnit, zone: Option<&str>) -> Result<Column, ColumnError> {
    let zone = match zone {
        None => None,
        Some(name) => Some(Tz::from_str(name).map_err(|e| {
            ColumnError(format!(
                "the time zone `{name}` of a timestamp column is not one: {e}"
            ))
        })?),
    };
    fn read<T: arrow_array::types::ArrowTimestampType>(
        array: &ArrayRef,
        zone: Option<Tz>,
    ) -> Column {
        let values = array.as_primitive::<T>();
        owned(values, |i| {
            let v = values.value(i);
            day_text(match zone {
                None => arrow_array::temporal_conversions::as_datetime::<T>(v),
                Some(zone) => {
                    arrow_array::temporal_conversions::as_datetime_with_timezone::<T>(v, zone)
                        .map(|local| local.naive_local())
                }
            })
        })
    }
    Ok(match unit {
        TimeUnit::Second => read::<TimestampSecondType>(array, zone),
        TimeUnit::Millisecond => read::<TimestampMillisecondType>(array, zone),
        TimeUnit::Microsecond => read::<TimestampMicrosecondType>(array, zone),
        TimeUnit::Nanosecond => read::<TimestampNanosecondType>(array, zone),
    })
}

/// Decimals as the numbers they write (`12.30` is 12.3), through their exact text so that the
/// double is the one the text gives, as for a number in a CSV cell.
fn decimals(array: &ArrayRef) -> Result<Column, ColumnError> {
    let texts = arrow_cast::cast(array, &DataType::Utf8)
        .map_err(|e| ColumnError(format!("cannot read {}: {e}", array.data_type())))?;
    let texts = texts.as_string::<i32>();
    Ok(owned(texts, |i| {
        texts
            .value(i)
            .parse::<f64>()
            .map_or(Owned::WrongType, Owned::Number)
    }))
}

fn dictionary(array: &ArrayRef) -> Result<Column, ColumnError> {
    let Some(dictionary) = array.as_any_dictionary_opt() else {
        return Ok(Column::WrongType(array.logical_nulls()));
    };
    if dictionary.values().is_empty() {
        // No values: every key is null.
        return Ok(Column::Empty);
    }
    Ok(Column::Dictionary {
        keys: dictionary.normalized_keys(),
        nulls: dictionary.keys().nulls().cloned(),
        values: Box::new(Column::new(dictionary.values())?),
    })
}

/// Whether the items of a list can be the codes of a list cell: text of any kind (or nulls).
/// A list of anything else, lists of lists included, is a value of the wrong type.
fn is_text(data_type: &DataType) -> bool {
    match data_type {
        DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View | DataType::Null => true,
        DataType::Dictionary(_, values) => is_text(values),
        DataType::RunEndEncoded(_, values) => is_text(values.data_type()),
        _ => false,
    }
}

/// Items of a list cell: texts, joined with `;` (spec 5.3); null items are left out, as empty
/// items are; any other item makes the cell a value of the wrong type.
fn list_cell(items: &Column, range: std::ops::Range<usize>) -> Owned {
    let mut texts: Vec<&str> = Vec::with_capacity(range.len());
    for i in range {
        match items.cell(i) {
            Cell::Empty => {}
            Cell::Text(t) => texts.push(t),
            _ => return Owned::WrongType,
        }
    }
    Owned::Text(texts.join(&LIST_SEPARATOR.to_string()))
}

fn list<O: OffsetSizeTrait>(array: &ArrayRef) -> Result<Column, ColumnError> {
    let Some(list) = array
        .as_list_opt::<O>()
        .filter(|l| is_text(&l.value_type()))
    else {
        return Ok(Column::WrongType(array.logical_nulls()));
    };
    let items = Column::new(list.values())?;
    let offsets = list.value_offsets();
    Ok(owned(list, |i| {
        let (start, end) = (offsets[i].as_usize(), offsets[i + 1].as_usize());
        list_cell(&items, start..end)
    }))
}

fn fixed_size_list(array: &ArrayRef, size: i32) -> Result<Column, ColumnError> {
    let Some(list) = array
        .as_fixed_size_list_opt()
        .filter(|l| is_text(&l.value_type()))
    else {
        return Ok(Column::WrongType(array.logical_nulls()));
    };
    let items = Column::new(list.values())?;
    let size = usize::try_from(size).unwrap_or(0);
    Ok(owned(list, |i| list_cell(&items, i * size..(i + 1) * size)))
}
