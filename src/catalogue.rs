//! The clause catalogue and reference data: data files in `src/data/`, embedded in the binary
//! and parsed once. Each file carries a `version` and a `verified_on` date.
//!
//! Nothing here is legal logic; it is the vocabulary the wizard offers, the renderer prints and
//! the checker and importer compare against.

use crate::text::{Lang, Text};
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// When and from where a data file was last checked.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Provenance {
    pub version: u32,
    pub verified_on: String,
    #[serde(default)]
    pub source: String,
}

/// The supervisory authority (Tietosuojavaltuutetun toimisto), in three languages.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Authority {
    #[serde(flatten)]
    pub provenance: Provenance,
    pub name: Text,
    pub visiting_address: Text,
    pub postal_address: Text,
    pub switchboard: Text,
    pub registry: Text,
    pub email: String,
    pub website: String,
    /// Addresses the authority no longer uses; the checker flags them in free text.
    pub outdated_addresses: Vec<String>,
}

pub fn authority() -> &'static Authority {
    static A: OnceLock<Authority> = OnceLock::new();
    A.get_or_init(|| parse("authority.json", include_str!("data/authority.json")))
}

fn parse<T: serde::de::DeserializeOwned>(name: &str, json: &str) -> T {
    // The data files are part of the build and covered by tests; a broken one is a bug.
    serde_json::from_str(json)
        .unwrap_or_else(|e| panic!("embedded data file {name} is invalid: {e}"))
}

/// A country (or the placeholders `EEA` / `NON_EEA`) and its standing for transfers.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Country {
    pub code: String,
    /// In the EU/EEA: no transfer safeguard needed.
    pub eea: bool,
    /// The Commission has found its protection adequate (Art. 45). For the US this is false:
    /// only DPF-certified organisations are covered, see `Mechanism::Dpf`.
    pub adequacy: bool,
    pub name: Text,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Countries {
    #[serde(flatten)]
    pub provenance: Provenance,
    pub countries: Vec<Country>,
}

pub fn countries() -> &'static Countries {
    static C: OnceLock<Countries> = OnceLock::new();
    C.get_or_init(|| parse("countries.json", include_str!("data/countries.json")))
}

/// Look a country up by its code (case-insensitive).
pub fn country(code: &str) -> Option<&'static Country> {
    let code = code.trim();
    countries()
        .countries
        .iter()
        .find(|c| c.code.eq_ignore_ascii_case(code))
}

/// Is the data kept inside the EU/EEA? Unknown codes count as outside (the safe answer).
pub fn is_eea(code: &str) -> bool {
    country(code).is_some_and(|c| c.eea)
}

/// The country's name in `lang`, or the code itself when it is not in the list.
pub fn country_name(code: &str, lang: Lang) -> String {
    country(code)
        .and_then(|c| c.name.get(lang).map(str::to_string))
        .unwrap_or_else(|| code.trim().to_string())
}
