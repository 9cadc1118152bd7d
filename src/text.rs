//! Languages and text written in up to three of them.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// An output or interface language.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Fi,
    Sv,
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Fi, Lang::Sv, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Fi => "fi",
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Lang {
    type Err = crate::Error;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim().to_ascii_lowercase().as_str() {
            "fi" | "suomi" | "finnish" => Ok(Lang::Fi),
            "sv" | "svenska" | "swedish" => Ok(Lang::Sv),
            "en" | "english" => Ok(Lang::En),
            other => Err(crate::Error::UnknownLanguage(clip(other).into_owned())),
        }
    }
}

/// How many characters of a value a message quotes.
pub const QUOTE_CHARS: usize = 80;

/// `s` as a message may quote it: at most `QUOTE_CHARS` characters, then "…" (a 10 MB value
/// must not come back whole in an error).
pub fn clip(s: &str) -> std::borrow::Cow<'_, str> {
    clip_chars(s, QUOTE_CHARS)
}

/// `s` cut to `max` characters with "…", owned.
pub fn clip_to(s: &str, max: usize) -> String {
    clip_chars(s, max).into_owned()
}

fn clip_chars(s: &str, max: usize) -> std::borrow::Cow<'_, str> {
    match s.char_indices().nth(max) {
        None => std::borrow::Cow::Borrowed(s),
        Some((at, _)) => std::borrow::Cow::Owned(format!("{}…", &s[..at])),
    }
}

/// Text the user (or the catalogue) wrote, in each language it was written in.
/// An empty string means "not written in this language".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct Text {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub fi: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub sv: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub en: String,
}

impl Text {
    pub fn fi(s: impl Into<String>) -> Self {
        Text {
            fi: s.into(),
            ..Default::default()
        }
    }

    pub fn new(fi: impl Into<String>, sv: impl Into<String>, en: impl Into<String>) -> Self {
        Text {
            fi: fi.into(),
            sv: sv.into(),
            en: en.into(),
        }
    }

    /// The text in exactly this language, if it was written (non-blank).
    pub fn get(&self, lang: Lang) -> Option<&str> {
        let s = match lang {
            Lang::Fi => &self.fi,
            Lang::Sv => &self.sv,
            Lang::En => &self.en,
        };
        let t = s.trim();
        (!t.is_empty()).then_some(t)
    }

    pub fn get_mut(&mut self, lang: Lang) -> &mut String {
        match lang {
            Lang::Fi => &mut self.fi,
            Lang::Sv => &mut self.sv,
            Lang::En => &mut self.en,
        }
    }

    /// The text in `lang`, or else in the first language it exists in, with that language.
    /// Renderers use the returned language to mark a fallback honestly.
    pub fn resolve(&self, lang: Lang) -> Option<(&str, Lang)> {
        if let Some(t) = self.get(lang) {
            return Some((t, lang));
        }
        Lang::ALL.iter().find_map(|&l| self.get(l).map(|t| (t, l)))
    }

    pub fn is_empty(&self) -> bool {
        Lang::ALL.iter().all(|&l| self.get(l).is_none())
    }

    /// Every non-empty language version, for checks that scan all free text.
    pub fn all(&self) -> impl Iterator<Item = (Lang, &str)> {
        Lang::ALL
            .into_iter()
            .filter_map(move |l| self.get(l).map(|t| (l, t)))
    }
}
