//! Turning the bytes of a file into text: UTF-8 (with or without a byte-order mark), UTF-16 with
//! a byte-order mark (Word's "Unicode text"), or else Windows-1252 (old Windows Notepad files).
//! Binary files and formats we do not read get one clear sentence.

use crate::{Error, Result};

/// The largest input the importer accepts; a privacy notice is a few pages.
pub const MAX_BYTES: usize = 20 * 1024 * 1024;

/// What kind of document the bytes hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Html,
    Docx,
}

/// Recognise the kind from the bytes (and the file name's extension as a hint).
pub fn sniff(bytes: &[u8], what: &str) -> Result<Kind> {
    let ext = what.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
    if bytes.starts_with(b"PK\x03\x04") {
        return Ok(Kind::Docx);
    }
    let unsupported = |detail: &str| Error::ImportFormat {
        what: what.to_string(),
        detail: detail.to_string(),
    };
    if bytes.starts_with(b"%PDF") {
        return Err(unsupported(
            "it is a PDF; copy its text into a .txt file or paste it instead",
        ));
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(unsupported(
            "it is an old Word (.doc) file; save it as .docx or .txt first",
        ));
    }
    if bytes.starts_with(b"{\\rtf") {
        return Err(unsupported(
            "it is an RTF file; save it as .docx or .txt first",
        ));
    }
    if ext == "html" || ext == "htm" || ext == "xhtml" {
        return Ok(Kind::Html);
    }
    Ok(Kind::Text)
}

/// Decode bytes to text, refusing binary data and empty input.
pub fn decode(bytes: &[u8], what: &str) -> Result<String> {
    if bytes.len() > MAX_BYTES {
        return Err(Error::ImportTooLarge {
            what: what.to_string(),
            limit_mb: MAX_BYTES / (1024 * 1024),
        });
    }
    let text = if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        String::from_utf8_lossy(rest).into_owned()
    } else if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        utf16(rest, u16::from_le_bytes)
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        utf16(rest, u16::from_be_bytes)
    } else {
        if looks_binary(bytes) {
            return Err(Error::ImportBinary {
                what: what.to_string(),
            });
        }
        match std::str::from_utf8(bytes) {
            Ok(s) => s.to_string(),
            Err(_) => windows_1252(bytes),
        }
    };
    if looks_binary(text.as_bytes()) {
        return Err(Error::ImportBinary {
            what: what.to_string(),
        });
    }
    if text.trim().is_empty() {
        return Err(Error::ImportEmpty {
            what: what.to_string(),
        });
    }
    Ok(text)
}

fn utf16(bytes: &[u8], f: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks_exact(2).map(|c| f([c[0], c[1]]));
    char::decode_utf16(units)
        .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

/// NUL bytes, or more than 1 % control characters other than tab, newline, carriage return
/// and form feed, in the first 64 KiB.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(64 * 1024)];
    if head.contains(&0) {
        return true;
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C))
        .count();
    control * 100 > head.len().max(1)
}

/// Windows-1252: Latin-1 with typographic characters in 0x80–0x9F.
fn windows_1252(bytes: &[u8]) -> String {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => HIGH[(b - 0x80) as usize],
            _ => b as char,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings() {
        assert_eq!(
            decode("Rekisterinpitäjä".as_bytes(), "x").unwrap(),
            "Rekisterinpitäjä"
        );
        assert_eq!(decode(b"\xEF\xBB\xBFTiedot", "x").unwrap(), "Tiedot");
        assert_eq!(
            decode(b"Rekisterinpit\xe4j\xe4 \x96 \x80", "x").unwrap(),
            "Rekisterinpitäjä – €"
        );
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Säilytys".encode_utf16().flat_map(|u| u.to_le_bytes()))
            .collect();
        assert_eq!(decode(&utf16, "x").unwrap(), "Säilytys");
    }

    #[test]
    fn refusals() {
        assert!(matches!(decode(b"", "x"), Err(Error::ImportEmpty { .. })));
        assert!(matches!(
            decode(b" \n\t ", "x"),
            Err(Error::ImportEmpty { .. })
        ));
        assert!(matches!(
            decode(b"\x7fELF\x02\x01\x01\0\0\0", "x"),
            Err(Error::ImportBinary { .. })
        ));
        assert!(matches!(
            sniff(b"%PDF-1.7", "a.pdf"),
            Err(Error::ImportFormat { .. })
        ));
        assert_eq!(sniff(b"PK\x03\x04", "a.docx").unwrap(), Kind::Docx);
        assert_eq!(sniff(b"<p>", "a.HTML").unwrap(), Kind::Html);
    }
}
