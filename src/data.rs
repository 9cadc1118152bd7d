//! The one way Seloste reads its embedded data files (`src/data/*.json`): `embedded!("rights")`
//! parses `src/data/rights.json`, embedded in the binary at build time, into the type the call
//! site expects. The files are part of the build and every one is read by the tests (each
//! module's own, and `current`'s test over the whole folder: provenance — version, verified_on,
//! source — on each), so a file that does not parse is a bug in the build, never user input:
//! this panics naming the file, the same way for every file. Interface strings have one rule
//! for a missing key too (`wizard::ui`, a test keeps them complete in fi/sv/en).

/// `json` (the data file `name`) as `T`; panics naming the file if it does not parse.
pub fn parse<T: serde::de::DeserializeOwned>(name: &str, json: &str) -> T {
    serde_json::from_str(json)
        .unwrap_or_else(|e| panic!("embedded data file src/data/{name}.json is invalid: {e}"))
}

/// The data file `src/data/<name>.json` parsed as the type the caller expects.
macro_rules! embedded {
    ($name:literal) => {
        $crate::data::parse(
            $name,
            include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/src/data/", $name, ".json")),
        )
    };
}
pub(crate) use embedded;
