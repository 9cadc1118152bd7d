//! One walk over every piece of free text in a notice, each with its JSON Pointer
//! (RFC 6901) into the `seloste/2` document. The checker scans these for outdated or wrong
//! wording; the importer reuses the same walk. When the model gains a text field, add it here:
//! `tests` below compares this walk against the serialised notice, so a field left out fails.

use crate::model::{Notice, Party};
use crate::text::{Lang, Text};

/// Every `Text` in the notice (empty ones included), with the pointer to it, in document order.
/// Append `/fi`, `/sv` or `/en` to a pointer to reach one language.
pub fn texts(n: &Notice) -> Vec<(String, &Text)> {
    let mut v: Vec<(String, &Text)> = Vec::new();
    v.push(("/joint_arrangement".into(), &n.joint_arrangement));
    for (i, c) in n.controllers.iter().enumerate() {
        v.push((format!("/controllers/{i}/role"), &c.role));
    }
    for (name, p) in parties(n) {
        v.push((format!("/{name}/role"), &p.role));
    }
    v.push(("/register/name".into(), &n.register.name));
    for (i, s) in n.register.subjects.iter().enumerate() {
        v.push((format!("/register/subjects/{i}/text"), &s.text));
    }
    v.push(("/register/text".into(), &n.register.text));
    for (i, a) in n.register.activities.iter().enumerate() {
        v.push((format!("/register/activities/{i}/name"), &a.name));
        v.push((format!("/register/activities/{i}/text"), &a.text));
    }
    for (i, p) in n.purposes.items.iter().enumerate() {
        v.push((format!("/purposes/items/{i}/text"), &p.text));
        v.push((format!("/purposes/items/{i}/interest"), &p.interest));
    }
    v.push(("/purposes/text".into(), &n.purposes.text));
    for (i, d) in n.data.items.iter().enumerate() {
        v.push((format!("/data/items/{i}/text"), &d.text));
        v.push((
            format!("/data/items/{i}/if_not_provided"),
            &d.if_not_provided,
        ));
    }
    for (i, s) in n.data.special.iter().enumerate() {
        v.push((format!("/data/special/{i}/text"), &s.text));
    }
    v.push(("/data/children_text".into(), &n.data.children_text));
    v.push(("/data/text".into(), &n.data.text));
    for (i, s) in n.sources.items.iter().enumerate() {
        v.push((format!("/sources/items/{i}/text"), &s.text));
    }
    v.push(("/sources/text".into(), &n.sources.text));
    for (i, r) in n.recipients.items.iter().enumerate() {
        v.push((format!("/recipients/items/{i}/description"), &r.description));
        v.push((format!("/recipients/items/{i}/purpose"), &r.purpose));
    }
    v.push(("/recipients/text".into(), &n.recipients.text));
    v.push((
        "/transfers/copy_of_safeguards".into(),
        &n.transfers.copy_of_safeguards,
    ));
    v.push(("/transfers/text".into(), &n.transfers.text));
    for (i, r) in n.retention.items.iter().enumerate() {
        v.push((format!("/retention/items/{i}/applies_to"), &r.applies_to));
        v.push((format!("/retention/items/{i}/criteria"), &r.criteria));
    }
    v.push(("/retention/text".into(), &n.retention.text));
    for (i, s) in n.security.manual.iter().enumerate() {
        v.push((format!("/security/manual/{i}/text"), &s.text));
    }
    for (i, s) in n.security.electronic.iter().enumerate() {
        v.push((format!("/security/electronic/{i}/text"), &s.text));
    }
    v.push(("/security/text".into(), &n.security.text));
    for (i, c) in n.cookies.items.iter().enumerate() {
        v.push((format!("/cookies/items/{i}/purpose"), &c.purpose));
        v.push((format!("/cookies/items/{i}/duration"), &c.duration));
    }
    v.push(("/cookies/text".into(), &n.cookies.text));
    v.push(("/automated/text".into(), &n.automated.text));
    v.push(("/rights/how_to".into(), &n.rights.how_to));
    v.push(("/rights/text".into(), &n.rights.text));
    for (i, c) in n.changes.log.iter().enumerate() {
        v.push((format!("/changes/log/{i}/text"), &c.text));
    }
    v.push(("/changes/text".into(), &n.changes.text));
    for (i, o) in n.other.iter().enumerate() {
        v.push((format!("/other/{i}/heading"), &o.heading));
        v.push((format!("/other/{i}/text"), &o.text));
    }
    v
}

/// Every non-blank language version of every `Text`, as `(pointer, language, text)`;
/// the pointer already ends in the language, e.g. `/rights/text/fi`.
pub fn text_strings(n: &Notice) -> Vec<(String, Lang, &str)> {
    texts(n)
        .into_iter()
        .flat_map(|(p, t)| t.all().map(move |(l, s)| (format!("{p}/{l}"), l, s)))
        .collect()
}

/// The free-text strings that are not language-tagged: names, identifiers, addresses and
/// contact details of the parties, recipients' names, cookies' names and providers.
/// Blank strings are left out.
pub fn plain_strings(n: &Notice) -> Vec<(String, &str)> {
    let mut v: Vec<(String, &str)> = Vec::new();
    for (i, c) in n.controllers.iter().enumerate() {
        party_strings(&mut v, &format!("/controllers/{i}"), c);
    }
    for (name, p) in parties(n) {
        party_strings(&mut v, &format!("/{name}"), p);
    }
    for (i, r) in n.recipients.items.iter().enumerate() {
        v.push((format!("/recipients/items/{i}/name"), &r.name));
    }
    for (i, c) in n.cookies.items.iter().enumerate() {
        v.push((format!("/cookies/items/{i}/name"), &c.name));
        v.push((format!("/cookies/items/{i}/provider"), &c.provider));
    }
    v.retain(|(_, s)| !s.trim().is_empty());
    v
}

fn parties(n: &Notice) -> impl Iterator<Item = (&'static str, &Party)> {
    [
        ("representative", &n.representative),
        ("contact", &n.contact),
        ("dpo", &n.dpo),
    ]
    .into_iter()
    .filter_map(|(name, p)| p.as_ref().map(|p| (name, p)))
}

fn party_strings<'a>(v: &mut Vec<(String, &'a str)>, at: &str, p: &'a Party) {
    v.push((format!("{at}/name"), &p.name));
    v.push((format!("{at}/trading_name"), &p.trading_name));
    v.push((format!("{at}/business_id"), &p.business_id));
    v.push((format!("{at}/other_id"), &p.other_id));
    v.push((format!("{at}/address/street"), &p.address.street));
    v.push((format!("{at}/address/postal_code"), &p.address.postal_code));
    v.push((format!("{at}/address/city"), &p.address.city));
    v.push((format!("{at}/email"), &p.email));
    v.push((format!("{at}/phone"), &p.phone));
    v.push((format!("{at}/website"), &p.website));
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;
    use std::collections::BTreeSet;

    /// A notice with every field that can hold text filled, each with a unique marker.
    fn full() -> Notice {
        let mut counter = 0;
        let mut value = serde_json::to_value(skeleton()).unwrap();
        fill(&mut value, &mut counter);
        serde_json::from_value(value).unwrap()
    }

    /// One of each list element and each optional party, so that every field exists.
    fn skeleton() -> Value {
        let t = serde_json::json!({ "fi": "x", "sv": "x", "en": "x" });
        let party = serde_json::json!({ "name": "x", "trading_name": "x", "business_id": "x", "other_id": "x", "role": t,
            "address": { "street": "x", "postal_code": "x", "city": "x", "country": "x" },
            "email": "x", "phone": "x", "website": "x" });
        let item = serde_json::json!({ "key": "k", "text": t });
        serde_json::json!({
            "format": "seloste/2",
            "controllers": [party], "joint_arrangement": t, "representative": party,
            "contact": party, "dpo": party,
            "register": { "name": t, "subjects": [item], "text": t,
                          "activities": [{ "id": "r1", "name": t, "text": t }] },
            "purposes": { "items": [{ "text": t, "interest": t,
                          "law": { "act": "accounting_act", "section": "2:10" } }], "text": t },
            "data": { "items": [{ "text": t, "if_not_provided": t }],
                      "special": [{ "kind": "health", "text": t }], "children_text": t, "text": t },
            "sources": { "items": [item], "text": t },
            "recipients": { "items": [{ "name": "x", "description": t, "purpose": t }], "text": t },
            "transfers": { "copy_of_safeguards": t, "text": t },
            "retention": { "items": [{ "applies_to": t, "criteria": t }], "text": t },
            "security": { "manual": [item], "electronic": [item], "text": t },
            "cookies": { "items": [{ "name": "x", "provider": "x", "purpose": t, "duration": t }], "text": t },
            "automated": { "text": t },
            "rights": { "how_to": t, "text": t },
            "changes": { "log": [{ "date": "2026-01-01", "text": t }], "text": t },
            "other": [{ "heading": t, "text": t }]
        })
    }

    fn fill(v: &mut Value, counter: &mut u32) {
        match v {
            Value::String(s) if s == "x" => {
                *counter += 1;
                *s = format!("m{counter}");
            }
            Value::Array(a) => a.iter_mut().for_each(|x| fill(x, counter)),
            Value::Object(o) => o.values_mut().for_each(|x| fill(x, counter)),
            _ => {}
        }
    }

    /// Pointers of every string leaf holding a marker.
    fn marked(v: &Value, at: String, out: &mut BTreeSet<String>) {
        match v {
            Value::String(s) if s.starts_with('m') && s[1..].parse::<u32>().is_ok() => {
                out.insert(at);
            }
            Value::Array(a) => a
                .iter()
                .enumerate()
                .for_each(|(i, x)| marked(x, format!("{at}/{i}"), out)),
            Value::Object(o) => o
                .iter()
                .for_each(|(k, x)| marked(x, format!("{at}/{k}"), out)),
            _ => {}
        }
    }

    #[test]
    fn walk_reaches_every_text_and_string_field() {
        let n = full();
        let mut expected = BTreeSet::new();
        marked(
            &serde_json::to_value(&n).unwrap(),
            String::new(),
            &mut expected,
        );
        // Country codes are codes, not free text.
        expected.retain(|p| !p.ends_with("/address/country"));
        let mut found: BTreeSet<String> = text_strings(&n).into_iter().map(|(p, _, _)| p).collect();
        found.extend(plain_strings(&n).into_iter().map(|(p, _)| p));
        assert_eq!(found, expected);
    }

    #[test]
    fn pointers_resolve_to_the_text() {
        let n = full();
        let value = serde_json::to_value(&n).unwrap();
        for (p, _, s) in text_strings(&n) {
            assert_eq!(value.pointer(&p).and_then(Value::as_str), Some(s), "{p}");
        }
        for (p, s) in plain_strings(&n) {
            assert_eq!(value.pointer(&p).and_then(Value::as_str), Some(s), "{p}");
        }
    }
}
