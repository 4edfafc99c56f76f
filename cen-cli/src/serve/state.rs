//! What every request shares: the served profiles, the validators of the options asked for so
//! far, the limits, the metrics.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};
use std::time::Duration;

use cen_rules::{Options, Validator};
use codes_data::Lang;
use serde_json::{Map, Value};
use tokio::sync::Semaphore;

use super::http::ApiError;
use super::metrics::Metrics;
use crate::args::ServeArgs;
use crate::options::read_profile;
use crate::Failure;

/// The limits of `cen serve` (docs/serve.md).
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// The largest request body, in bytes.
    pub max_body: u64,
    /// The most requests served at once.
    pub max_concurrency: usize,
    /// How long a client may take to send its headers, or between two parts of its body.
    pub timeout: Duration,
}

/// How many validators (one per distinct set of options) are kept; past it the cache starts
/// again, so that a client trying every option cannot grow memory.
const MAX_VALIDATORS: usize = 256;

/// What the requests share.
pub struct State {
    /// The default language (`--lang`).
    pub lang: Lang,
    /// The served profiles, by name, in the order given.
    pub profiles: Vec<(String, Value)>,
    pub limits: Limits,
    /// One permit per request being served.
    pub slots: Arc<Semaphore>,
    pub metrics: Metrics,
    /// Origins allowed to call the API from a browser.
    pub cors: Vec<String>,
    /// No access log.
    pub quiet: bool,
    /// The code tables every validator checks against: a pack (`--tables`) or the built-in.
    pub tables: codes_data::Tables,
    /// The pack's file name and bytes (`--tables`), which the served form loads (`/tables.pack`).
    /// Shared by every response that sends it (a clone is a reference count).
    pub pack: Option<(String, axum::body::Bytes)>,
    /// The search index of the pack's places (`None`: the built-in index), built at start so
    /// that no request waits for it.
    pub pack_index: Option<cen_rules::search::PackIndex>,
    validators: RwLock<HashMap<String, Validator>>,
}

/// The options a request may give in its query (spec 8), besides those of one route.
pub const VALIDATION_OPTIONS: [&str; 6] =
    ["form", "source", "lang", "today", "profile", "hs_edition"];

impl State {
    /// The state of a command line: its profiles are read and checked now, so that a bad one
    /// stops the start rather than a request.
    pub fn new(args: &ServeArgs) -> Result<State, Failure> {
        let mut profiles: Vec<(String, Value)> = Vec::new();
        for path in &args.profile {
            let value = read_profile(path)?;
            let options = serde_json::json!({ "profile": value });
            if let Err(error) = Options::from_value(&options) {
                let problem = error.to_string();
                let problem = problem.strip_prefix("profile: ").unwrap_or(&problem);
                return Err(Failure::Message(format!(
                    "the profile {} is refused: {problem}",
                    path.display()
                )));
            }
            let name = value
                .get("name")
                .and_then(Value::as_str)
                .filter(|n| !n.is_empty())
                .map(str::to_owned)
                .ok_or_else(|| {
                    Failure::Message(format!(
                        "the profile {} has no `name`: a served profile is chosen by its name",
                        path.display()
                    ))
                })?;
            if profiles.iter().any(|(n, _)| *n == name) {
                return Err(Failure::Message(format!(
                    "two profiles are named `{name}` (the second is {})",
                    path.display()
                )));
            }
            profiles.push((name, value));
        }
        let (tables, pack) = match args.tables.as_deref() {
            None => (codes_data::Tables::builtin(), None),
            Some(path) => {
                let (tables, bytes) = crate::options::pack_file(path)?;
                let name = path.file_name().map_or_else(
                    || "tables.pack".into(),
                    |n| n.to_string_lossy().into_owned(),
                );
                (tables, Some((name, axum::body::Bytes::from(bytes))))
            }
        };
        if args.max_concurrency == 0 {
            return Err(Failure::Message(
                "--max-concurrency must be at least 1".into(),
            ));
        }
        if args.timeout == 0 {
            return Err(Failure::Message(
                "--timeout must be at least 1 second".into(),
            ));
        }
        Ok(State {
            lang: args.lang.lang(),
            profiles,
            limits: Limits {
                max_body: args.max_body,
                max_concurrency: args.max_concurrency,
                timeout: Duration::from_secs(args.timeout),
            },
            slots: Arc::new(Semaphore::new(args.max_concurrency)),
            metrics: Metrics::new(),
            cors: args.cors.clone(),
            quiet: args.quiet,
            pack_index: cen_rules::search::pack_index(&tables),
            tables,
            pack,
            validators: RwLock::new(HashMap::new()),
        })
    }

    /// A served profile by name.
    pub fn profile(&self, name: &str) -> Option<&Value> {
        self.profiles
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, p)| p)
    }

    /// The JSON options (spec 5.1) of a query's validation options; `lang` defaults to
    /// `--lang`. A name that is no served profile is a 400.
    pub fn options_json(&self, query: &Query) -> Result<Value, ApiError> {
        let mut json = Map::new();
        json.insert("lang".into(), self.lang.code().into());
        for key in VALIDATION_OPTIONS {
            let Some(value) = query.get(key) else {
                continue;
            };
            if key == "profile" {
                let profile = self.profile(value).ok_or_else(|| {
                    ApiError::bad_option(format!(
                        "profile: no served profile is named `{value}` (GET /v1/profiles lists them)"
                    ))
                })?;
                json.insert("profile".into(), profile.clone());
            } else {
                json.insert(key.into(), value.into());
            }
        }
        Ok(Value::Object(json))
    }

    /// The validator of a query's options, made once per distinct options.
    pub fn validator(&self, query: &Query) -> Result<Validator, ApiError> {
        let key = query.key(&VALIDATION_OPTIONS);
        if let Some(found) = self.read_cache().get(&key) {
            return Ok(found.clone());
        }
        let json = self.options_json(query)?;
        let options =
            Options::from_value(&json).map_err(|e| ApiError::bad_option(e.to_string()))?;
        let validator = Validator::new(options)
            .map_err(|e| ApiError::bad_option(e.to_string()))?
            .with_tables(self.tables.clone());
        // `today` absent means the clock's date: such validators follow the clock themselves.
        let mut cache = self.validators.write().unwrap_or_else(|p| p.into_inner());
        if cache.len() >= MAX_VALIDATORS {
            cache.clear();
        }
        cache.insert(key, validator.clone());
        Ok(validator)
    }

    fn read_cache(&self) -> std::sync::RwLockReadGuard<'_, HashMap<String, Validator>> {
        self.validators.read().unwrap_or_else(|p| p.into_inner())
    }
}

/// The parameters of a query string, each name at most once.
#[derive(Debug, Default)]
pub struct Query(Vec<(String, String)>);

impl Query {
    /// Parses a query string; only the names in `allowed` are accepted (a typo is a 400, not a
    /// silently ignored option).
    pub fn parse(raw: Option<&str>, allowed: &[&str]) -> Result<Query, ApiError> {
        let pairs: Vec<(String, String)> = serde_urlencoded::from_str(raw.unwrap_or(""))
            .map_err(|e| ApiError::bad_option(format!("the query string cannot be read: {e}")))?;
        for (i, (name, _)) in pairs.iter().enumerate() {
            if !allowed.contains(&name.as_str()) {
                return Err(ApiError::bad_option(format!(
                    "unknown option `{name}` (this route takes: {})",
                    allowed.join(", ")
                )));
            }
            if pairs[..i].iter().any(|(n, _)| n == name) {
                return Err(ApiError::bad_option(format!(
                    "the option `{name}` is given twice"
                )));
            }
        }
        Ok(Query(pairs))
    }

    /// The value of a parameter.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The parameters among `names` as one string (the cache key of their validator).
    fn key(&self, names: &[&str]) -> String {
        let mut key = String::new();
        for name in names {
            if let Some(value) = self.get(name) {
                key.push_str(name);
                key.push('=');
                key.push_str(value);
                key.push('\0');
            }
        }
        key
    }
}
