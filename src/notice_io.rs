//! Reading and writing notice files (the `seloste/2` interchange format; `seloste/1` files are
//! read and migrated, `model::migrate_v1`).

use crate::model::{FORMAT, FORMAT_V1, Notice};
use crate::text::clip;
use crate::{Error, Result};
use std::io::Read;
use std::path::Path;

/// The largest notice file read: 10 MB. A long real notice is under 100 KB as JSON; even
/// 1,000 controllers stay under 1 MB. The size is checked before reading.
pub const MAX_BYTES: u64 = 10 * 1024 * 1024;

/// Parse a notice from JSON text. `what` names the input in error messages ("notice.json").
/// Checks the format tag first, so a file from another program or version gets a clear
/// sentence rather than a list of unknown fields.
///
/// A UTF-8 byte order mark at the start is skipped; a key given twice in one object is refused
/// (naming it), never silently resolved; values quoted in errors are clipped.
pub fn from_json(json: &str, what: &str) -> Result<Notice> {
    let what = clip(what).into_owned();
    if json.len() as u64 > MAX_BYTES {
        return Err(Error::TooLarge {
            what,
            limit_mb: MAX_BYTES / (1024 * 1024),
        });
    }
    let json = json.strip_prefix('\u{FEFF}').unwrap_or(json);
    let mut value = crate::json_strict::from_str(json).map_err(|e| Error::Json {
        what: what.clone(),
        detail: crate::error::clip_quoted(&e.to_string()),
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
        Some(f) if f != FORMAT && f != FORMAT_V1 => {
            return Err(Error::WrongFormat {
                what: what.to_string(),
                found: clip(f).into_owned(),
                expected: FORMAT,
            });
        }
        Some(_) => {}
    }
    // A version 1 notice becomes version 2 before it is read: every save then writes version 2.
    crate::model::migrate_v1(&mut value);
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = clip(&e.path().to_string()).into_owned();
        Error::BadField {
            what: what.to_string(),
            path,
            detail: crate::error::clip_quoted(&e.into_inner().to_string()),
        }
    })
}

/// Read a notice file: its size is checked (`metadata`) before a byte is read, and the read
/// itself stops after `MAX_BYTES` (a pipe or a device has no size to check).
pub fn read(path: &Path) -> Result<Notice> {
    let text = read_capped(path, MAX_BYTES)?;
    from_json(&text, &path.display().to_string())
}

/// Read a text file of at most `max` bytes, refusing a larger one before reading it.
pub fn read_capped(path: &Path, max: u64) -> Result<String> {
    let read_err = |source| Error::Read {
        path: path.to_path_buf(),
        source,
    };
    let too_large = || Error::TooLarge {
        what: clip(&path.display().to_string()).into_owned(),
        limit_mb: max / (1024 * 1024),
    };
    let file = std::fs::File::open(path).map_err(read_err)?;
    let meta = file.metadata().map_err(read_err)?;
    if meta.is_dir() {
        return Err(read_err(std::io::Error::new(
            std::io::ErrorKind::IsADirectory,
            "it is a folder, not a file",
        )));
    }
    if meta.len() > max {
        return Err(too_large());
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(read_err)?;
    if bytes.len() as u64 > max {
        return Err(too_large());
    }
    String::from_utf8(bytes).map_err(|e| Error::Json {
        what: clip(&path.display().to_string()).into_owned(),
        detail: format!(
            "it is not UTF-8 text (the byte at offset {} is not valid UTF-8); save it as UTF-8",
            e.utf8_error().valid_up_to()
        ),
    })
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
