//! Reading and writing notice files (the `seloste/1` interchange format).

use crate::model::{FORMAT, Notice};
use crate::{Error, Result};
use std::path::Path;

/// Parse a notice from JSON text. `what` names the input in error messages ("notice.json").
/// Checks the format tag first, so a file from another program or version gets a clear
/// sentence rather than a list of unknown fields.
pub fn from_json(json: &str, what: &str) -> Result<Notice> {
    let value: serde_json::Value = serde_json::from_str(json).map_err(|e| Error::Json {
        what: what.to_string(),
        detail: e.to_string(),
    })?;
    let Some(obj) = value.as_object() else {
        return Err(Error::NotANotice {
            what: what.to_string(),
            expected: FORMAT,
        });
    };
    match obj.get("format").and_then(|f| f.as_str()) {
        None => {
            return Err(Error::NotANotice {
                what: what.to_string(),
                expected: FORMAT,
            });
        }
        Some(f) if f != FORMAT => {
            return Err(Error::WrongFormat {
                what: what.to_string(),
                found: f.to_string(),
                expected: FORMAT,
            });
        }
        Some(_) => {}
    }
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        Error::BadField {
            what: what.to_string(),
            path,
            detail: e.into_inner().to_string(),
        }
    })
}

/// Read a notice file.
pub fn read(path: &Path) -> Result<Notice> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    from_json(&text, &path.display().to_string())
}

/// The notice as pretty JSON, ending in a newline.
pub fn to_json(notice: &Notice) -> String {
    let mut s = serde_json::to_string_pretty(notice).expect("a notice always serialises");
    s.push('\n');
    s
}

/// The JSON Schema of the notice format.
pub fn schema() -> String {
    let schema = schemars::schema_for!(Notice);
    let mut s = serde_json::to_string_pretty(&schema).expect("the schema serialises");
    s.push('\n');
    s
}
