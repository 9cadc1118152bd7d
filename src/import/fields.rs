//! Recognising values in lines of text: business IDs, e-mail addresses, phone numbers, street
//! addresses, postal codes, web sites, dates, retention periods and legal bases.

use super::vocab::{Vocab, normalize, vocab};
use crate::model::{EntityKind, Party, Period, Unit};
use regex::Regex;
use std::sync::OnceLock;

struct Res {
    email: Regex,
    /// "nimi(at)yritys.fi", "nimi [at] yritys.fi", "nimi (a) yritys.fi"
    email_at: Regex,
    /// A number after an identifier label: "123.456", "211.089", "2024/123".
    other_id: Regex,
    business_id: Regex,
    phone: Regex,
    postal: Regex,
    street: Regex,
    po_box: Regex,
    website: Regex,
    period: Regex,
}

fn res() -> &'static Res {
    static R: OnceLock<Res> = OnceLock::new();
    R.get_or_init(|| {
        let r = |s: &str| Regex::new(s).expect("valid regex");
        Res {
            email: r(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}"),
            email_at: r(r"(?i)([A-Za-z0-9._%+\-]+)\s*(?:\(at\)|\[at\]|\{at\}|\(a\)|\[a\]|\(ät\)|\s+at\s+)\s*([A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,})\b"),
            other_id: r(r"^[\s:.]*(\d[\d.\-/]{0,14}\d|\d)\b"),
            business_id: r(r"\b(\d{7})-(\d)\b"),
            phone: r(r"(?:\+\d{3}|\b0)[\d \-()]{5,16}\d"),
            postal: r(r"\b(\d{5})\s+(\p{Lu}[\p{L}\-]+(?:\s\p{Lu}[\p{L}\-]+)?)"),
            street: r(r"\b\p{Lu}[\p{L}\-]*(?:katu|tie|polku|kuja|väylä|kaari|rinne|raitti|aukio|tori|ranta|puistikko|gatan|vägen|gränd|gränden|stigen|road|street|avenue|lane)\s+\d+(?:\s*-\s*\d+)?(?:\s?[A-Za-z](?:\s?\d+)?\b)?"),
            po_box: r(r"\b(?:PL|PB|P\.?O\.? ?Box)\s+\d+"),
            website: r(r"\b(?:https?://|www\.)[^\s,;)]+"),
            period: r(r"(?i)\b(\d{1,3}|yksi|yhden|kaksi|kahden|kolme|kolmen|neljä|neljän|viisi|viiden|kuusi|kuuden|seitsemän|kahdeksan|yhdeksän|kymmenen|ett|en|två|tre|fyra|fem|sex|sju|åtta|nio|tio|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:\p{L}+\s+)?(vuotta|vuoden|vuodeksi|vuosi|kalenterivuotta|kuukautta|kuukauden|kuukaudeksi|päivää|päivän|vuorokautta|år|månader|månad|dagar|years?|months?|days?)\b"),
        }
    })
}

/// The Finnish business ID's check digit is right (`validate::business_id`).
pub fn business_id_ok(id: &str) -> bool {
    crate::validate::business_id(id).is_ok()
}

/// What was recognised in the lines of a party (controller, contact, …).
#[derive(Debug, Default)]
pub struct PartyParse {
    pub party: Party,
    /// `(field, value, source line)`, field relative to the party (`name`, `email`, …).
    pub fields: Vec<(String, String, String)>,
    /// Lines (or rests of lines) that held no recognisable field.
    pub leftover: Vec<String>,
}

/// Parse the lines of a party's section. The first free words become the name.
pub fn parse_party(lines: &[&str]) -> PartyParse {
    let v = vocab();
    let r = res();
    let mut out = PartyParse::default();
    // Where the name, street and postal code stood, and the lines that held nothing known:
    // an address over several lines ("c/o …", "3. kerros") is put together from them after.
    let (mut name_at, mut street_at, mut postal_at) = (None, None, None);
    let mut bare: Vec<(usize, usize)> = Vec::new(); // (line index, index in leftover)
    for (at, &line) in lines.iter().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let mut rest = line.to_string();
        let mut found_any = false;
        let take = |re: &Regex, rest: &mut String| -> Option<String> {
            let m = re.find(rest)?;
            let value = m.as_str().trim().to_string();
            rest.replace_range(m.range(), " ");
            Some(value)
        };
        // An obfuscated address ("nimi(at)yritys.fi") is an address; a Cloudflare
        // "[email protected]" hides it, so it stays text and never becomes a name.
        if let Some(c) = r.email_at.captures(&rest.clone()) {
            let e = format!("{}@{}", &c[1], &c[2]);
            if crate::validate::email(&e).is_ok() {
                if out.party.email.is_empty() {
                    out.party.email = e.clone();
                    out.fields.push(("email".into(), e, line.into()));
                }
                rest.replace_range(c.get(0).expect("whole match").range(), " ");
                found_any = true;
            }
        }
        if let Some(id) = other_id(v, r, &mut rest) {
            if out.party.other_id.is_empty() && out.party.business_id.is_empty() {
                out.party.other_id = id.clone();
                out.fields.push(("other_id".into(), id, line.into()));
            }
            found_any = true;
        }
        let hidden = rest.to_lowercase().contains("email protected");
        if let Some(e) = take(&r.email, &mut rest) {
            if out.party.email.is_empty() && crate::validate::email(&e).is_ok() {
                out.party.email = e.clone();
                out.fields.push(("email".into(), e, line.into()));
            }
            found_any = true;
        }
        if let Some(w) = take(&r.website, &mut rest) {
            if out.party.website.is_empty() {
                out.party.website = w.clone();
                out.fields.push(("website".into(), w, line.into()));
            }
            found_any = true;
        }
        if let Some(id) = take(&r.business_id, &mut rest) {
            if out.party.business_id.is_empty() {
                out.party.business_id = id.clone();
                out.fields.push(("business_id".into(), id, line.into()));
            }
            found_any = true;
        }
        let phone = r
            .phone
            .find(&rest)
            .map(|m| (m.range(), m.as_str().trim().to_string()));
        if let Some((range, p)) = phone
            && crate::validate::phone(&p).is_ok()
        {
            rest.replace_range(range, " ");
            if out.party.phone.is_empty() {
                out.party.phone = p.clone();
                out.fields.push(("phone".into(), p, line.into()));
            }
            found_any = true;
        }
        if let Some(c) = r.postal.captures(&rest.clone()) {
            let m = c.get(0).expect("whole match");
            if out.party.address.postal_code.is_empty() {
                postal_at = Some(at);
                out.party.address.postal_code = c[1].to_string();
                out.party.address.city = c[2].to_string();
                out.fields
                    .push(("address/postal_code".into(), c[1].to_string(), line.into()));
                out.fields
                    .push(("address/city".into(), c[2].to_string(), line.into()));
            }
            rest.replace_range(m.range(), " ");
            found_any = true;
        }
        if let Some(s) = take(&r.street, &mut rest).or_else(|| take(&r.po_box, &mut rest)) {
            if out.party.address.street.is_empty() {
                street_at = Some(at);
                out.party.address.street = s.clone();
                out.fields.push(("address/street".into(), s, line.into()));
            }
            found_any = true;
        }
        let (label_field, remainder) = strip_labels(v, &rest);
        let remainder = clean(&remainder);
        if remainder.is_empty() {
            continue;
        }
        let name_ok = !hidden
            && remainder.chars().any(char::is_alphabetic)
            && remainder.split_whitespace().count() <= 8;
        let wants_name =
            label_field.as_deref() == Some("name") || (out.party.name.is_empty() && !found_any);
        let sentence = is_sentence(&remainder);
        if name_ok
            && !sentence
            && out.party.name.is_empty()
            && (wants_name || found_any && remainder.split_whitespace().count() <= 4)
        {
            name_at = Some(at);
            out.party.name = remainder.clone();
            out.fields.push(("name".into(), remainder, line.into()));
        } else if sentence
            && out.party.name.is_empty()
            && let Some(name) = person_in_sentence(&remainder)
        {
            // "Yhteyshenkilömme tietosuoja-asioissa on Gurmann Saini.": the name is read, the
            // sentence stays as it was written.
            out.party.name = name.clone();
            out.fields.push(("name".into(), name, line.into()));
            out.leftover.push(line.to_string());
        } else {
            if !found_any && !sentence && remainder.split_whitespace().count() <= 5 {
                bare.push((at, out.leftover.len()));
            }
            out.leftover.push(if found_any {
                remainder
            } else {
                line.to_string()
            });
        }
    }
    join_address_lines(&mut out, lines, name_at, street_at, postal_at, &bare);
    out.party.kind = kind_of(&out.party.name);
    out
}

/// A line that reads as part of an address, not a name: it has a number, or a word of the
/// vocabulary's `address_parts` ("c/o", "kerros", "våning", "floor").
fn address_part(line: &str) -> bool {
    let words = normalize(line);
    line.chars().any(|c| c.is_ascii_digit())
        || line.to_lowercase().contains("c/o")
        || vocab()
            .labels
            .address_parts
            .iter()
            .any(|p| !super::vocab::find_phrase(&words, p).is_empty())
}

/// An address over several lines: short lines with nothing else on them, between the name and
/// the postal code, around the street line ("c/o Yrityshotelli Kaari" / "Teollisuuskatu 12 A" /
/// "3. kerros" / "00510 Helsinki"), become part of the street, in their order.
fn join_address_lines(
    out: &mut PartyParse,
    lines: &[&str],
    name_at: Option<usize>,
    street_at: Option<usize>,
    postal_at: Option<usize>,
    bare: &[(usize, usize)],
) {
    let (Some(street_at), Some(postal_at)) = (street_at, postal_at) else {
        return;
    };
    let from = name_at.map_or(0, |n| n + 1);
    let to = postal_at.max(street_at);
    let taken: Vec<(usize, usize)> = bare
        .iter()
        .copied()
        .filter(|(at, _)| (from..to).contains(at) && *at != street_at && address_part(lines[*at]))
        .collect();
    if taken.is_empty() {
        return;
    }
    let mut parts: Vec<(usize, String)> = taken
        .iter()
        .map(|(at, _)| (*at, lines[*at].trim().to_string()))
        .collect();
    parts.push((street_at, out.party.address.street.clone()));
    parts.sort_by_key(|p| p.0);
    let street = parts
        .into_iter()
        .map(|p| p.1)
        .collect::<Vec<_>>()
        .join(", ");
    out.party.address.street = street.clone();
    for f in out.fields.iter_mut().filter(|f| f.0 == "address/street") {
        f.1 = street.clone();
    }
    for (at, _) in &taken {
        out.fields.push((
            "address/street".into(),
            street.clone(),
            lines[*at].trim().to_string(),
        ));
    }
    let gone: Vec<usize> = taken.iter().map(|t| t.1).collect();
    let mut i = 0;
    out.leftover.retain(|_| {
        let keep = !gone.contains(&i);
        i += 1;
        keep
    });
}

/// A sentence rather than a name: five words or more, at least half of them in lower case.
fn is_sentence(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    words.len() >= 5
        && words
            .iter()
            .filter(|w| w.starts_with(char::is_lowercase))
            .count()
            * 2
            >= words.len()
}

/// The person a sentence names: two or three capitalised words right after a verb, up to the
/// end of the clause ("… on Gurmann Saini. Voit …", "… är Anna Lind", "… is Jane Doe").
fn person_in_sentence(s: &str) -> Option<String> {
    let words: Vec<&str> = s.split_whitespace().collect();
    let bare = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
            .to_string()
    };
    let verb = words
        .iter()
        .rposition(|w| ["on", "ovat", "är", "is", "are"].contains(&bare(w).as_str()))?;
    let mut run = Vec::new();
    for w in &words[verb + 1..] {
        let b = bare(w);
        let mut cs = b.chars();
        let capitalised =
            cs.next().is_some_and(char::is_uppercase) && cs.all(|c| c.is_lowercase() || c == '-');
        if !capitalised {
            break;
        }
        run.push(b);
        if w.ends_with(['.', ',', ';', ':']) {
            break;
        }
    }
    (2..=3).contains(&run.len()).then(|| run.join(" "))
}

/// Does this line open with a contact person's label ("Yhteyshenkilö:", "Kontaktperson",
/// "Contact person for privacy matters:")? The labels are the contact heading's vocabulary.
pub fn contact_label(line: &str) -> bool {
    contact_label_rest(line).is_some()
}

/// The text after a contact person's label (empty when the label stands alone, a sub-heading
/// for the lines that follow).
pub fn contact_label_rest(line: &str) -> Option<&str> {
    let t = line.trim().trim_start_matches(['*', '_', '-', '•']).trim();
    let (label, rest) = t.split_once(':')?;
    (label.split_whitespace().count() <= 6
        && vocab()
            .heading_targets(label)
            .first()
            .is_some_and(|t| t.0 == super::vocab::Target::Contact))
    .then(|| rest.trim())
}

/// Several controllers in one block ("Tmi A (Y-tunnus …)", "Tmi B (Y-tunnus …)"): the lines
/// before the first of them, and the lines of each. A controller starts at a line with its
/// own business ID and its name (on that line, or on the line just above an ID alone).
/// `None` unless at least two different business IDs stand on lines of their own.
pub fn controller_groups<'a>(lines: &[&'a str]) -> Option<(Vec<&'a str>, Vec<Vec<&'a str>>)> {
    let r = res();
    let v = vocab();
    let with_id: Vec<usize> = (0..lines.len())
        .filter(|&i| r.business_id.is_match(lines[i]))
        .collect();
    let mut ids: Vec<&str> = with_id
        .iter()
        .filter_map(|&i| r.business_id.find(lines[i]).map(|m| m.as_str()))
        .collect();
    ids.sort_unstable();
    ids.dedup();
    if ids.len() < 2 || ids.len() != with_id.len() {
        return None;
    }
    let named = |line: &str| {
        let rest = r.business_id.replace_all(line, " ");
        let (_, rest) = strip_labels(v, &rest);
        clean(&rest).chars().any(char::is_alphabetic)
    };
    let mut starts = Vec::new();
    for &i in &with_id {
        let start = if named(lines[i]) {
            i
        } else if i > 0 && !with_id.contains(&(i - 1)) && starts.last() != Some(&(i - 1)) {
            i - 1
        } else {
            return None;
        };
        starts.push(start);
    }
    let lead = lines[..starts[0]].to_vec();
    let groups = starts
        .iter()
        .enumerate()
        .map(|(k, &a)| lines[a..starts.get(k + 1).copied().unwrap_or(lines.len())].to_vec())
        .collect();
    Some((lead, groups))
}

/// A name that carries a trading name beside the legal one: `(legal, trading)`.
/// "Kampaamo Kultahius (Tmi Anna Virtanen)" — the part with the entity's form (Tmi, Oy, ry …)
/// is the legal name; "Virtanen Oy, aputoiminimi Kultahius" / "bifirma" / "trading as" — the
/// name after the marker is the trading name.
pub fn trading_name(name: &str) -> Option<(String, String)> {
    let v = vocab();
    let lower = name.to_lowercase();
    for marker in &v.labels.trading_name {
        if let Some(at) = lower.find(marker.as_str()) {
            let before = name[..at]
                .trim()
                .trim_end_matches([',', '(', '–', '-'])
                .trim();
            let after = name[at + marker.len()..]
                .trim()
                .trim_start_matches([':', ','])
                .trim()
                .trim_end_matches(')')
                .trim();
            if !before.is_empty() && !after.is_empty() {
                return Some((before.to_string(), after.to_string()));
            }
        }
    }
    let (outer, inner) = name.trim().strip_suffix(')')?.split_once('(')?;
    let (outer, inner) = (outer.trim(), inner.trim());
    // Both parts are names (capitalised words), not "(jäljempänä 'me')".
    let named = |s: &str| {
        !s.is_empty()
            && s.split_whitespace().count() <= 6
            && s.split_whitespace()
                .all(|w| !w.starts_with(char::is_lowercase) || kind_of(w).is_some())
    };
    // "Raision Veneseura ry (RVS)": one capitalised abbreviation is a short form, not a name.
    let abbreviation = !inner.contains(char::is_whitespace)
        && inner
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase);
    if !named(outer) || !named(inner) || abbreviation {
        return None;
    }
    match (kind_of(outer), kind_of(inner)) {
        (None, Some(_)) => Some((inner.to_string(), outer.to_string())),
        (Some(_), None) => Some((outer.to_string(), inner.to_string())),
        _ => None,
    }
}

/// "Yhdistysrekisterinumero: 123.456" → "123.456", taken out of `rest` with its label.
fn other_id(v: &Vocab, r: &Res, rest: &mut String) -> Option<String> {
    let lower = rest.to_lowercase();
    for label in &v.labels.other_id {
        let Some(at) = lower.find(label.as_str()) else {
            continue;
        };
        if lower[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        let after = at + label.len();
        let Some(m) = r.other_id.captures(&rest[after..]) else {
            continue;
        };
        let whole = m.get(0).expect("whole match");
        let id = m[1].trim().to_string();
        rest.replace_range(at..after + whole.end(), " ");
        return Some(id);
    }
    None
}

/// Remove field labels ("Y-tunnus:", "Tel", "p.", "Henkilö:") from a line; returns the field the
/// first label named.
fn strip_labels(v: &Vocab, s: &str) -> (Option<String>, String) {
    let groups: [(&str, &Vec<String>); 6] = [
        ("business_id", &v.labels.business_id),
        ("email", &v.labels.email),
        ("phone", &v.labels.phone),
        ("address", &v.labels.address),
        ("name", &v.labels.name),
        ("website", &v.labels.website),
    ];
    let mut first: Option<String> = None;
    let mut words: Vec<String> = s.split_whitespace().map(str::to_string).collect();
    // Labels are one or two words, compared without their trailing ':' or '.'.
    let mut i = 0;
    while i < words.len() {
        let mut matched = 0;
        for len in [2usize, 1] {
            if i + len > words.len() {
                continue;
            }
            let cand = normalize(&words[i..i + len].join(" ").replace(['(', ')'], " "));
            let cand = cand.trim_end_matches([':', '.']).trim();
            if cand.is_empty() {
                continue;
            }
            // A label is a label only where a value follows (or a colon says so).
            let colon = words[i + len - 1].ends_with(':');
            let short = cand.chars().count() <= 2;
            if short && !(words[i + len - 1].ends_with('.') || colon) {
                continue;
            }
            if let Some((f, _)) = groups.iter().find(|(_, ls)| ls.iter().any(|l| l == cand)) {
                // A name label stands only at the start or before a colon ("Henkilö: …").
                if *f == "name" && !(colon || i == 0 && words.len() > len) {
                    continue;
                }
                if first.is_none() {
                    first = Some(f.to_string());
                }
                matched = len;
                break;
            }
        }
        if matched > 0 {
            words.drain(i..i + matched);
        } else {
            i += 1;
        }
    }
    (first, words.join(" "))
}

/// Trim separators left behind once values are taken out: "( )", "/", ",", ":".
fn clean(s: &str) -> String {
    let mut t = s.replace("()", " ").replace("( )", " ");
    loop {
        let before = t.clone();
        t = t
            .replace("(  )", " ")
            .replace("( )", " ")
            .replace("()", " ");
        if t == before {
            break;
        }
    }
    if t.matches('(').count() != t.matches(')').count() {
        t = t.replace(['(', ')'], " ");
    }
    let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
    t.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | '/' | ':' | ';' | '-' | '|' | '–' | '.')
    })
    .to_string()
}

pub fn kind_of(name: &str) -> Option<EntityKind> {
    let words: Vec<String> = name
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    let has = |xs: &[&str]| words.iter().any(|w| xs.contains(&w.as_str()));
    if has(&[
        "oy", "oyj", "ab", "abp", "ky", "ay", "osk", "ltd", "inc", "llc", "gmbh", "as", "aps", "oü",
    ]) {
        Some(EntityKind::Company)
    } else if has(&[
        "ry",
        "r.y",
        "rf",
        "säätiö",
        "stiftelse",
        "yhdistys",
        "förening",
    ]) {
        Some(EntityKind::Association)
    } else if has(&["tmi", "toiminimi", "enskild"]) {
        Some(EntityKind::SoleTrader)
    } else {
        None
    }
}

pub use super::dates::find_date;

/// A retention period named in the text ("10 vuotta", "kymmenen … kalenterivuotta", "6 months").
pub fn find_period(s: &str) -> Option<Period> {
    let c = res().period.captures(s)?;
    let n = c[1].to_lowercase();
    let amount: u32 = match n.as_str() {
        "yksi" | "yhden" | "ett" | "en" | "one" => 1,
        "kaksi" | "kahden" | "två" | "two" => 2,
        "kolme" | "kolmen" | "tre" | "three" => 3,
        "neljä" | "neljän" | "fyra" | "four" => 4,
        "viisi" | "viiden" | "fem" | "five" => 5,
        "kuusi" | "kuuden" | "sex" | "six" => 6,
        "seitsemän" | "sju" | "seven" => 7,
        "kahdeksan" | "åtta" | "eight" => 8,
        "yhdeksän" | "nio" | "nine" => 9,
        "kymmenen" | "tio" | "ten" => 10,
        d => d.parse().ok()?,
    };
    let u = c[2].to_lowercase();
    let unit = if u.starts_with("kuukau") || u.starts_with("mån") || u.starts_with("month") {
        Unit::Months
    } else if u.starts_with("päiv")
        || u.starts_with("vuoro")
        || u.starts_with("dag")
        || u.starts_with("day")
    {
        Unit::Days
    } else {
        Unit::Years
    };
    (amount > 0).then_some(Period { amount, unit })
}

/// Split text into sentences (on `. `, `? `, `! ` and line breaks).
pub fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let b = text.as_bytes();
    for (i, c) in text.char_indices() {
        let end_here = match c {
            '\n' => true,
            '.' | '?' | '!' => b.get(i + 1).is_none_or(|n| n.is_ascii_whitespace()),
            _ => false,
        };
        if end_here {
            let s = text[start..=i].trim();
            if !s.is_empty() {
                out.push(s);
            }
            start = i + c.len_utf8();
        }
    }
    let s = text[start..].trim();
    if !s.is_empty() {
        out.push(s);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn obfuscated_addresses_and_register_numbers() {
        let table: &[(&[&str], &str, &str, &str)] = &[
            // lines, name, e-mail, other id (made-up details)
            (
                &[
                    "Kuvitteellinen Kerho ry",
                    "Yhdistysrekisterinumero 123.456",
                    "posti(at)kerho.example.fi",
                ],
                "Kuvitteellinen Kerho ry",
                "posti@kerho.example.fi",
                "123.456",
            ),
            (
                &[
                    "Föreningen Påhittad rf, föreningsregisternummer: 98.765",
                    "info [at] pahittad.fi",
                ],
                "Föreningen Påhittad rf",
                "info@pahittad.fi",
                "98.765",
            ),
            (
                &["Keksitty Oy", "anna.esimerkki (a) keksitty.fi"],
                "Keksitty Oy",
                "anna.esimerkki@keksitty.fi",
                "",
            ),
            (
                &["Made-up Club ry", "Email: [email protected]"],
                "Made-up Club ry",
                "",
                "",
            ),
            (&["[email protected]"], "", "", ""),
        ];
        for (lines, name, email, id) in table {
            let p = parse_party(lines);
            assert_eq!(
                (
                    p.party.name.as_str(),
                    p.party.email.as_str(),
                    p.party.other_id.as_str()
                ),
                (*name, *email, *id),
                "{lines:?}"
            );
        }
    }

    #[test]
    fn business_ids() {
        assert!(business_id_ok("3185601-2"));
        assert!(business_id_ok("3147832-2"));
        assert!(business_id_ok("1060493-2"));
        assert!(!business_id_ok("1060493-3"));
    }

    #[test]
    fn parties_of_the_seeds() {
        let p = parse_party(&[
            "Puuha Group Oy (Y-tunnus: 1060493-2)",
            "Teollisuuskatu 28-30",
            "20520 Turku",
        ]);
        assert_eq!(p.party.name, "Puuha Group Oy");
        assert_eq!(p.party.business_id, "1060493-2");
        assert_eq!(p.party.address.street, "Teollisuuskatu 28-30");
        assert_eq!(p.party.address.postal_code, "20520");
        assert_eq!(p.party.address.city, "Turku");
        assert_eq!(p.party.kind, Some(EntityKind::Company));
        assert!(p.leftover.is_empty(), "{:?}", p.leftover);

        let p = parse_party(&[
            "Esa Kemppainen Impivaarantie 25 050 304 4671 esa.kemppainen@proleader.fi",
        ]);
        assert_eq!(p.party.name, "Esa Kemppainen");
        assert_eq!(p.party.address.street, "Impivaarantie 25");
        assert_eq!(p.party.phone, "050 304 4671");
        assert_eq!(p.party.email, "esa.kemppainen@proleader.fi");

        let p = parse_party(&[
            "Productive Software Solutions Oy",
            "Osoite: Pinninkatu 14 A 16, 33100 Tampere",
            "Tel: +358503647798",
            "Y-tunnus: 3185601-2",
        ]);
        assert_eq!(p.party.name, "Productive Software Solutions Oy");
        assert_eq!(p.party.address.street, "Pinninkatu 14 A 16");
        assert_eq!(p.party.phone, "+358503647798");
        assert!(p.leftover.is_empty(), "{:?}", p.leftover);

        let p = parse_party(&[
            "Sähköposti: lauri.alasaukko-oja@cbooker.fi",
            "Henkilö: Lauri Alasaukko-oja",
        ]);
        assert_eq!(p.party.name, "Lauri Alasaukko-oja");
        assert_eq!(p.party.email, "lauri.alasaukko-oja@cbooker.fi");

        let p = parse_party(&[
            "PeisKas Oy\u{a0}",
            "Y-tunnus 3147832-2",
            "Urponpolku 1 C 17, 04600 Mäntsälä",
        ]);
        assert_eq!(p.party.name, "PeisKas Oy");
        assert_eq!(p.party.business_id, "3147832-2");
        assert_eq!(p.party.address.street, "Urponpolku 1 C 17");
        assert_eq!(p.party.address.city, "Mäntsälä");
        assert!(p.leftover.is_empty(), "{:?}", p.leftover);

        let p = parse_party(&[
            "PeisKas IT",
            "Urponpolku 1 C 17, 04600 Mäntsälä",
            "+358 45 7836 4090 / privacy@pkcloud.fi",
        ]);
        assert_eq!(p.party.name, "PeisKas IT");
        assert_eq!(p.party.phone, "+358 45 7836 4090");

        let p = parse_party(&[
            "Jesoy Oy",
            "Sienitie 18 B",
            "00760 Helsinki",
            "p. 044 523 4645",
            "info@jesoy.fi",
            "(jäljempänä ”me”)",
        ]);
        assert_eq!(p.party.phone, "044 523 4645");
        assert_eq!(p.party.address.street, "Sienitie 18 B");
        assert_eq!(p.leftover, ["(jäljempänä ”me”)"]);
    }

    #[test]
    fn dates_periods_bases() {
        assert_eq!(
            find_date("Laatimispäivämäärä 25.5.2018").unwrap().0,
            "2018-05-25"
        );
        assert_eq!(
            find_period("10 vuotta asiakkuuden päättymisestä lukien."),
            Some(Period {
                amount: 10,
                unit: Unit::Years
            })
        );
        assert_eq!(
            find_period("asiakassuhteen ajan ja kymmenen seuraavaa kalenterivuotta"),
            Some(Period {
                amount: 10,
                unit: Unit::Years
            })
        );
    }
}
