//! Field validation: is each value well-formed (business ID, e-mail, postal code, phone,
//! website, dates, country codes), and are the items every notice needs present?
//!
//! `validate` returns every problem as a [`FieldError`] whose `path` is a JSON Pointer into the
//! notice (`/controllers/0/business_id`), whose `code` is stable (`business_id.check_digit`) and
//! whose `message(lang)` names the field in plain Finnish, Swedish or English. `blocking` tells
//! a malformed value (true) from a required item that is still missing (false): drafts may be
//! incomplete, but a wrong value is always wrong.
//!
//! The single-field validators (`business_id`, `email`, `phone`, …) serve the app's inline
//! validation; their errors have an empty `path` and their messages do not name a party.
//!
//! This is not the legal checker: whether the notice says what the law asks (Privacy Shield,
//! missing complaint right, …) is judged elsewhere. Messages live in `src/data/validation.json`.

use crate::catalogue::{self, Provenance};
use crate::model::{Notice, Party};
use crate::text::{Lang, Text};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// One problem with one field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    /// JSON Pointer into the notice, e.g. `/controllers/0/business_id`; empty for a lone value.
    pub path: String,
    /// Stable identifier, e.g. `business_id.check_digit`.
    pub code: &'static str,
    /// True: the value is malformed. False: a required item is missing.
    pub blocking: bool,
    /// Values for the message's placeholders (`value`, `expected`, `index`); `field_key` names
    /// the field for a lone value whose path cannot.
    pub args: BTreeMap<&'static str, String>,
}

impl FieldError {
    fn new(code: &'static str, blocking: bool) -> Self {
        FieldError {
            path: String::new(),
            code,
            blocking,
            args: BTreeMap::new(),
        }
    }

    fn arg(mut self, name: &'static str, value: impl Into<String>) -> Self {
        let value = value.into();
        // A message quotes at most a short piece of the value.
        let value = match crate::text::clip(&value) {
            std::borrow::Cow::Borrowed(_) => value,
            std::borrow::Cow::Owned(c) => c,
        };
        self.args.insert(name, value);
        self
    }

    fn at(mut self, path: impl Into<String>) -> Self {
        self.path = path.into();
        self
    }

    /// The message in `lang`, naming the field (and whose field it is, from the path).
    pub fn message(&self, lang: Lang) -> String {
        let data = messages();
        let template = data
            .messages
            .get(self.code)
            .and_then(|t| t.get(lang).or_else(|| t.resolve(lang).map(|(s, _)| s)))
            .unwrap_or(self.code);
        let party = party_of(&self.path)
            .and_then(|p| data.parties.get(p))
            .and_then(|t| t.get(lang))
            .map(|s| format!("{s} "))
            .unwrap_or_default();
        let field = field_of(&self.path)
            .or_else(|| self.args.get("field_key").map(String::as_str))
            .and_then(|f| data.fields.get(f))
            .and_then(|t| t.get(lang))
            .unwrap_or("");
        let mut out = template
            .replace("{party}", &party)
            .replace("{field}", field);
        for (k, v) in &self.args {
            out = out.replace(&format!("{{{k}}}"), v);
        }
        capitalise(out.trim())
    }
}

impl std::fmt::Display for FieldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.message(Lang::En))
        } else {
            write!(f, "{}: {}", self.path, self.message(Lang::En))
        }
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Whose field a path points into: a key of `parties` in the data file.
fn party_of(path: &str) -> Option<&'static str> {
    let first = path.split('/').nth(1)?;
    Some(match first {
        "controllers" => "controller",
        "contact" => "contact",
        "dpo" => "dpo",
        "representative" => "representative",
        "recipients" => "recipient",
        _ => return None,
    })
}

/// The field's own name, where the message needs one: a key of `fields` in the data file.
fn field_of(path: &str) -> Option<&'static str> {
    if path == "/meta/drafted" {
        Some("drafted")
    } else if path == "/meta/updated" {
        Some("updated")
    } else if path.starts_with("/changes/log/") {
        Some("change_date")
    } else if path.ends_with("/address/country") {
        Some("address_country")
    } else if path.ends_with("/country") {
        Some("country")
    } else {
        None
    }
}

#[derive(Debug, Deserialize)]
struct Messages {
    #[serde(flatten)]
    #[allow(dead_code)]
    provenance: Provenance,
    parties: BTreeMap<String, Text>,
    fields: BTreeMap<String, Text>,
    messages: BTreeMap<String, Text>,
}

fn messages() -> &'static Messages {
    static M: OnceLock<Messages> = OnceLock::new();
    M.get_or_init(|| crate::data::embedded!("validation"))
}

/// Every message code the validator can produce (the data file must have each in fi, sv, en).
pub const CODES: &[&str] = &[
    "business_id.format",
    "business_id.check_digit",
    "business_id.impossible",
    "email.format",
    "phone.format",
    "postal_code.format",
    "website.format",
    "website.scheme",
    "notice_url.format",
    "notice_url.scheme",
    "date.format",
    "date.invalid",
    "country.unknown",
    "controller.missing",
    "controller.name_missing",
    "controller.contact_missing",
    "purpose.missing",
    "purpose.text_missing",
    "purpose.interest_missing",
    "special.condition_missing",
    "text.control",
    "text.noncharacter",
    "text.too_long",
];

/// The most characters one field of a notice may hold. A long section of a real notice is a
/// few thousand characters; this only stops a runaway paste or a damaged import.
pub const MAX_FIELD_CHARS: usize = 100_000;

/// A character that must not reach a published notice: a control character other than tab,
/// line feed and carriage return (C0, DEL, C1 — HTML forbids them, and they are invisible),
/// or a Unicode noncharacter (U+FDD0–U+FDEF, U+xFFFE, U+xFFFF).
pub fn forbidden_char(c: char) -> Option<&'static str> {
    if c.is_control() && !matches!(c, '\t' | '\n' | '\r') {
        Some("text.control")
    } else if is_noncharacter(c) {
        Some("text.noncharacter")
    } else {
        None
    }
}

fn is_noncharacter(c: char) -> bool {
    let cp = c as u32;
    (0xFDD0..=0xFDEF).contains(&cp) || cp & 0xFFFE == 0xFFFE
}

/// Check one text value: no forbidden characters, not over the length cap.
pub fn text(value: &str) -> Result<(), FieldError> {
    if let Some((code, c)) = value
        .chars()
        .find_map(|c| forbidden_char(c).map(|code| (code, c)))
    {
        return Err(FieldError::new(code, true).arg("value", format!("U+{:04X}", c as u32)));
    }
    let n = value.chars().count();
    if n > MAX_FIELD_CHARS {
        return Err(FieldError::new("text.too_long", true)
            .arg("value", n.to_string())
            .arg("expected", MAX_FIELD_CHARS.to_string()));
    }
    Ok(())
}

/// Every string in the notice (whatever its field), checked with `text`.
fn check_texts(out: &mut Vec<FieldError>, n: &Notice) {
    fn walk(out: &mut Vec<FieldError>, v: &serde_json::Value, at: &mut String) {
        match v {
            serde_json::Value::String(s) => {
                if let Err(e) = text(s) {
                    out.push(e.at(at.clone()));
                }
            }
            serde_json::Value::Array(items) => {
                for (i, x) in items.iter().enumerate() {
                    let len = at.len();
                    at.push_str(&format!("/{i}"));
                    walk(out, x, at);
                    at.truncate(len);
                }
            }
            serde_json::Value::Object(m) => {
                for (k, x) in m {
                    let len = at.len();
                    at.push('/');
                    at.push_str(&k.replace('~', "~0").replace('/', "~1"));
                    walk(out, x, at);
                    at.truncate(len);
                }
            }
            _ => {}
        }
    }
    if let Ok(v) = serde_json::to_value(n) {
        walk(out, &v, &mut String::new());
    }
}

// ------------------------------------------------------------------------------------------
// Single-field validators
// ------------------------------------------------------------------------------------------

const BID_WEIGHTS: [u32; 7] = [7, 9, 10, 5, 8, 4, 2];

/// The check digit of a Y-tunnus's seven digits, or `None` when none exists (remainder 1).
pub fn business_id_check_digit(digits: &[u32; 7]) -> Option<u32> {
    let sum: u32 = digits.iter().zip(BID_WEIGHTS).map(|(d, w)| d * w).sum();
    match sum % 11 {
        0 => Some(0),
        1 => None,
        r => Some(11 - r),
    }
}

/// Check a Finnish business ID (Y-tunnus), `1234567-8`. Returns it in canonical form.
///
/// The old six-digit form (`123456-7`, from before 1991 numbering was widened) is accepted by
/// padding a leading zero, so `123456-7` is checked and returned as `0123456-7`.
pub fn business_id(value: &str) -> Result<String, FieldError> {
    let v = value.trim();
    let bad_format = || FieldError::new("business_id.format", true).arg("value", v);
    let (body, check) = v.split_once('-').ok_or_else(bad_format)?;
    let body_ok = (body.len() == 7 || body.len() == 6) && body.bytes().all(|b| b.is_ascii_digit());
    if !body_ok || check.len() != 1 || !check.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad_format());
    }
    let body = if body.len() == 6 {
        format!("0{body}")
    } else {
        body.to_string()
    };
    let mut digits = [0u32; 7];
    for (d, c) in digits.iter_mut().zip(body.chars()) {
        *d = c.to_digit(10).unwrap_or(0);
    }
    let given = check
        .chars()
        .next()
        .and_then(|c| c.to_digit(10))
        .unwrap_or(0);
    match business_id_check_digit(&digits) {
        None => Err(FieldError::new("business_id.impossible", true).arg("value", v)),
        Some(expected) if expected != given => {
            Err(FieldError::new("business_id.check_digit", true)
                .arg("value", v)
                .arg("expected", expected.to_string()))
        }
        Some(_) => Ok(format!("{body}-{given}")),
    }
}

fn domain_ok(domain: &str) -> bool {
    let labels: Vec<&str> = domain.split('.').collect();
    labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
        && labels.last().is_some_and(|tld| tld.chars().count() >= 2)
}

/// Check an e-mail address: one `@`, a non-empty local part, a dotted domain, no spaces.
pub fn email(value: &str) -> Result<(), FieldError> {
    let v = value.trim();
    let err = || FieldError::new("email.format", true).arg("value", v);
    if v.chars().any(char::is_whitespace) || v.matches('@').count() != 1 {
        return Err(err());
    }
    let (local, domain) = v.split_once('@').ok_or_else(err)?;
    let local_ok = !local.is_empty()
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local
            .chars()
            .any(|c| "<>()[]\\,;:\"".contains(c) || c.is_control());
    if local_ok && domain_ok(domain) {
        Ok(())
    } else {
        Err(err())
    }
}

/// Check a Finnish postal code: five digits.
pub fn postal_code(value: &str) -> Result<(), FieldError> {
    let v = value.trim();
    if v.len() == 5 && v.bytes().all(|b| b.is_ascii_digit()) {
        Ok(())
    } else {
        Err(FieldError::new("postal_code.format", true).arg("value", v))
    }
}

/// Check a phone number in a common Finnish form (`040 123 4567`, `040-1234567`,
/// `(09) 1234 567`, `029 566 6700`, `+358 40 123 4567`, `+358 (0)40 123 4567`) or another
/// international number (`+46 8 123 456`, `0046 8 123 456`).
pub fn phone(value: &str) -> Result<(), FieldError> {
    let v = value.trim();
    let err = || FieldError::new("phone.format", true).arg("value", v);
    if v.is_empty()
        || !v
            .chars()
            .all(|c| c.is_ascii_digit() || " -()+./".contains(c))
    {
        return Err(err());
    }
    if v.matches('+').count() > 1 || (v.contains('+') && !v.starts_with('+')) {
        return Err(err());
    }
    // Brackets must pair up and hold digits only.
    let mut open = false;
    for c in v.chars() {
        match c {
            '(' if open => return Err(err()),
            '(' => open = true,
            ')' if !open => return Err(err()),
            ')' => open = false,
            c if open && !c.is_ascii_digit() => return Err(err()),
            _ => {}
        }
    }
    if open {
        return Err(err());
    }
    let international = v.starts_with('+');
    // "+358 (0)40 …": the bracketed trunk zero is dropped.
    let stripped = v.replace("(0)", "");
    let digits: String = stripped.chars().filter(char::is_ascii_digit).collect();
    let ok = if international {
        if let Some(rest) = digits.strip_prefix("358") {
            (5..=12).contains(&rest.len()) && !rest.starts_with('0')
        } else {
            (7..=15).contains(&digits.len()) && !digits.starts_with('0')
        }
    } else if let Some(rest) = digits.strip_prefix("00") {
        // 00 + country code: an international number dialled from Finland.
        (7..=15).contains(&rest.len()) && !rest.starts_with('0')
    } else {
        // Domestic: trunk 0 + area or mobile code + subscriber number.
        digits.starts_with('0') && (6..=12).contains(&digits.len())
    };
    if ok { Ok(()) } else { Err(err()) }
}

/// Check a website address: `http://` or `https://` with a domain, or a bare domain
/// (`www.yritys.fi`, `yritys.fi/tietosuoja`). Other schemes (`javascript:`, `data:`, `ftp:`)
/// are refused.
pub fn website(value: &str) -> Result<(), FieldError> {
    let v = value.trim();
    let err = |code| FieldError::new(code, true).arg("value", v);
    if v.is_empty() || v.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(err("website.format"));
    }
    let lower = v.to_ascii_lowercase();
    let rest = if let Some(r) = lower.strip_prefix("https://") {
        r
    } else if let Some(r) = lower.strip_prefix("http://") {
        r
    } else {
        // A colon before the first '/' that is not a port ("yritys.fi:8080") is a scheme.
        let head = lower.split('/').next().unwrap_or("");
        if let Some((before, after)) = head.split_once(':') {
            let is_port = !after.is_empty() && after.bytes().all(|b| b.is_ascii_digit());
            if !is_port || before.is_empty() {
                return Err(err("website.scheme"));
            }
        }
        if lower.contains("://") {
            return Err(err("website.scheme"));
        }
        lower.as_str()
    };
    let host_port = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = match host_port.rsplit_once(':') {
        Some((h, port)) if !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit()) => h,
        Some(_) => return Err(err("website.format")),
        None => host_port,
    };
    if host.contains('@') || !domain_ok(host) {
        return Err(err("website.format"));
    }
    Ok(())
}

/// Check the address where the notice is published: a website address (see [`website`]),
/// reported as the notice's address rather than a party's website.
pub fn notice_url(value: &str) -> Result<(), FieldError> {
    website(value).map_err(|e| {
        let code = if e.code == "website.scheme" {
            "notice_url.scheme"
        } else {
            "notice_url.format"
        };
        FieldError::new(code, true).arg("value", value.trim())
    })
}

/// Check a date written `YYYY-MM-DD` that exists in the calendar, or a month `YYYY-MM`.
pub fn date(value: &str) -> Result<(), FieldError> {
    let v = value.trim();
    // A month alone (`2024-03`): an imported notice that says only "updated in March 2024".
    if v.len() == 7 && crate::document::parse_date(v).is_some() {
        return Ok(());
    }
    let bytes = v.as_bytes();
    let shape = bytes.len() == 10
        && bytes[4] == b'-'
        && bytes[7] == b'-'
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    if !shape {
        return Err(FieldError::new("date.format", true)
            .arg("value", v)
            .arg("field_key", "date"));
    }
    let year: i32 = v[0..4].parse().unwrap_or(0);
    let month: u8 = v[5..7].parse().unwrap_or(0);
    let day: u8 = v[8..10].parse().unwrap_or(0);
    let real = time::Month::try_from(month)
        .ok()
        .and_then(|m| time::Date::from_calendar_date(year, m, day).ok())
        .is_some();
    if real {
        Ok(())
    } else {
        Err(FieldError::new("date.invalid", true)
            .arg("value", v)
            .arg("field_key", "date"))
    }
}

/// Check a country code against the catalogue (ISO alpha-2, or `EEA` / `NON_EEA`).
pub fn country(value: &str) -> Result<(), FieldError> {
    let v = value.trim();
    if catalogue::country(v).is_some() {
        Ok(())
    } else {
        Err(FieldError::new("country.unknown", true)
            .arg("value", v)
            .arg("field_key", "country"))
    }
}

// ------------------------------------------------------------------------------------------
// The whole notice
// ------------------------------------------------------------------------------------------

fn check(
    out: &mut Vec<FieldError>,
    path: String,
    value: &str,
    f: fn(&str) -> Result<(), FieldError>,
) {
    if !value.trim().is_empty()
        && let Err(e) = f(value)
    {
        out.push(e.at(path));
    }
}

fn check_party(out: &mut Vec<FieldError>, base: &str, p: &Party) {
    if !p.business_id.trim().is_empty()
        && let Err(e) = business_id(&p.business_id)
    {
        out.push(e.at(format!("{base}/business_id")));
    }
    check(out, format!("{base}/email"), &p.email, email);
    check(out, format!("{base}/phone"), &p.phone, phone);
    check(out, format!("{base}/website"), &p.website, website);
    let country_code = p.address.country.trim();
    check(
        out,
        format!("{base}/address/country"),
        country_code,
        country,
    );
    if country_code.is_empty() || country_code.eq_ignore_ascii_case("FI") {
        check(
            out,
            format!("{base}/address/postal_code"),
            &p.address.postal_code,
            postal_code,
        );
    }
}

/// Validate every field of the notice. Malformed values come first in document order, each
/// with `blocking: true`; missing required items have `blocking: false`.
pub fn validate(n: &Notice) -> Vec<FieldError> {
    let mut out = Vec::new();

    check(&mut out, "/meta/drafted".into(), &n.meta.drafted, date);
    check(&mut out, "/meta/updated".into(), &n.meta.updated, date);
    check(&mut out, "/meta/url".into(), &n.meta.url, notice_url);

    if n.controllers.is_empty() {
        out.push(FieldError::new("controller.missing", false).at("/controllers"));
    }
    for (i, c) in n.controllers.iter().enumerate() {
        let base = format!("/controllers/{i}");
        if c.name.trim().is_empty() {
            out.push(FieldError::new("controller.name_missing", false).at(format!("{base}/name")));
        }
        let reachable =
            !c.email.trim().is_empty() || !c.phone.trim().is_empty() || !c.address.is_empty();
        if !reachable {
            out.push(FieldError::new("controller.contact_missing", false).at(base.clone()));
        }
        check_party(&mut out, &base, c);
    }
    if let Some(p) = &n.representative {
        check_party(&mut out, "/representative", p);
    }
    if let Some(p) = &n.contact {
        check_party(&mut out, "/contact", p);
    }
    if let Some(p) = &n.dpo {
        check_party(&mut out, "/dpo", p);
    }

    if n.purposes.items.is_empty() {
        out.push(FieldError::new("purpose.missing", false).at("/purposes/items"));
    }
    for (i, p) in n.purposes.items.iter().enumerate() {
        let base = format!("/purposes/items/{i}");
        let label = p.text.resolve(Lang::Fi).map(|(t, _)| t.to_string());
        if label.is_none() {
            out.push(
                FieldError::new("purpose.text_missing", false)
                    .arg("index", (i + 1).to_string())
                    .at(format!("{base}/text")),
            );
        }
        if p.basis == Some(crate::model::LegalBasis::LegitimateInterest) && p.interest.is_empty() {
            out.push(
                FieldError::new("purpose.interest_missing", false)
                    .arg("value", label.unwrap_or_else(|| format!("{}", i + 1)))
                    .at(format!("{base}/interest")),
            );
        }
    }

    for (i, s) in n.data.special.iter().enumerate() {
        if s.condition.is_none() {
            let kind = serde_json::to_value(s.kind)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default();
            out.push(
                FieldError::new("special.condition_missing", false)
                    .arg("value", kind)
                    .at(format!("/data/special/{i}/condition")),
            );
        }
    }

    for (i, r) in n.recipients.items.iter().enumerate() {
        check(
            &mut out,
            format!("/recipients/items/{i}/country"),
            &r.country,
            country,
        );
    }
    for (i, e) in n.changes.log.iter().enumerate() {
        let path = format!("/changes/log/{i}/date");
        if e.date.trim().is_empty() {
            out.push(
                FieldError::new("date.format", true)
                    .arg("value", "")
                    .at(path),
            );
        } else {
            check(&mut out, path, &e.date, date);
        }
    }

    check_texts(&mut out, n);

    out.sort_by_key(|e| !e.blocking);
    out
}

/// Only the malformed values (the errors that must be fixed even in a draft).
pub fn blocking(n: &Notice) -> Vec<FieldError> {
    validate(n).into_iter().filter(|e| e.blocking).collect()
}

/// `Ok` when no value is malformed; otherwise `Error::Invalid` naming the first (in English),
/// for callers such as the CLI that need one error.
pub fn ensure_no_blocking(n: &Notice) -> crate::Result<()> {
    let errors = blocking(n);
    match errors.first() {
        None => Ok(()),
        Some(first) => Err(crate::Error::Invalid {
            count: errors.len(),
            // The error's own sentence adds the final full stop.
            first: first.to_string().trim_end_matches('.').to_string(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_a_message_in_every_language() {
        let m = messages();
        for code in CODES {
            let t = m
                .messages
                .get(*code)
                .unwrap_or_else(|| panic!("no message for {code}"));
            for lang in Lang::ALL {
                assert!(t.get(lang).is_some(), "{code} has no {lang} message");
            }
        }
        for t in m.parties.values().chain(m.fields.values()) {
            for lang in Lang::ALL {
                assert!(t.get(lang).is_some(), "{t:?} lacks {lang}");
            }
        }
    }

    #[test]
    fn check_digit_follows_the_modulus_11_rule() {
        assert_eq!(business_id_check_digit(&[3, 1, 8, 5, 6, 0, 1]), Some(2));
        assert_eq!(business_id_check_digit(&[0, 0, 0, 0, 0, 0, 0]), Some(0));
    }

    #[test]
    fn ensure_no_blocking_names_the_first_error() {
        let mut n = Notice::default();
        assert!(
            ensure_no_blocking(&n).is_ok(),
            "missing items alone do not block"
        );
        n.meta.drafted = "2019-02-30".into();
        let e = ensure_no_blocking(&n).unwrap_err();
        assert_eq!(e.code(), "invalid");
        assert_eq!(
            e.to_string(),
            "/meta/drafted: The date drafted 2019-02-30 is not a real date: the month has no such day."
        );
    }

    #[test]
    fn party_and_field_come_from_the_path() {
        assert_eq!(party_of("/controllers/3/email"), Some("controller"));
        assert_eq!(party_of("/dpo/phone"), Some("dpo"));
        assert_eq!(party_of("/meta/drafted"), None);
        assert_eq!(field_of("/changes/log/0/date"), Some("change_date"));
        assert_eq!(
            field_of("/contact/address/country"),
            Some("address_country")
        );
    }
}
