//! Transfers outside the EU/EEA: a transfer declared anywhere — in the structured recipients or
//! in free text ("may be transferred outside the EU") — must name the recipient, the country
//! and the safeguard; the DPF covers only certified organisations in the United States; an
//! adequacy decision exists only for the countries the Commission named (`countries.json`).

use super::pattern::Pattern;
use super::{Ctx, has, list_re, ruleset, sentence};
use crate::catalogue;
use crate::model::Mechanism;
use std::sync::OnceLock;

/// Names of countries outside the EU/EEA, from `countries.json` and the `third_country` list.
fn third_country_re() -> &'static Pattern {
    static R: OnceLock<Pattern> = OnceLock::new();
    R.get_or_init(|| {
        let mut alts: Vec<String> = ruleset().phrase_sources["third_country"].clone();
        for c in &catalogue::countries().countries {
            if c.eea || c.code.eq_ignore_ascii_case("NON_EEA") {
                continue;
            }
            for (_, name) in c.name.all() {
                // Finnish inflects the name ("Kanadassa", "Yhdysvalloissa"): match the stem.
                let stem = name
                    .strip_suffix("at")
                    .or_else(|| name.strip_suffix("ät"))
                    .unwrap_or(name);
                alts.push(format!(r"\b{}\w*", regex::escape(stem)));
            }
        }
        let joined: Vec<String> = alts.iter().map(|p| format!("(?:{p})")).collect();
        Pattern::new(&format!("(?i){}", joined.join("|"))).expect("third-country names compile")
    })
}

/// A safeguard a sentence names for a transfer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Safeguard {
    /// The EU–US Data Privacy Framework.
    Dpf,
    /// An adequacy decision of the Commission.
    Adequacy,
    /// Standard contractual clauses, binding corporate rules, explicit consent — or an invalid
    /// mechanism (Privacy Shield, Safe Harbor), which `laws.rs` flags on its own.
    Other,
}

/// The countries outside the EU/EEA, each with one pattern for every name a notice may use:
/// its names in `countries.json` (Finnish inflects them: "Kanadaan", "Intiassa", so the stem
/// is matched) and the aliases of `rules.json` (`country_aliases`: "USA", "Yhdysvaltoihin").
fn country_patterns() -> &'static [(&'static catalogue::Country, Pattern)] {
    static P: OnceLock<Vec<(&'static catalogue::Country, Pattern)>> = OnceLock::new();
    P.get_or_init(|| {
        let mut out = Vec::new();
        for c in &catalogue::countries().countries {
            if c.eea || c.code.eq_ignore_ascii_case("NON_EEA") {
                continue;
            }
            let mut alts: Vec<String> = Vec::new();
            for (_, name) in c.name.all() {
                let name = name.strip_prefix("the ").unwrap_or(name);
                let stem = name
                    .strip_suffix("at")
                    .or_else(|| name.strip_suffix("ät"))
                    .unwrap_or(name);
                alts.push(format!(r"\b{}\w*", regex::escape(stem)));
            }
            if let Some(more) = ruleset().country_aliases.get(&c.code) {
                alts.extend(more.iter().cloned());
            }
            let joined: Vec<String> = alts.iter().map(|p| format!("(?:{p})")).collect();
            let p = Pattern::new(&format!("(?i){}", joined.join("|")))
                .unwrap_or_else(|e| panic!("country names of {} do not compile: {e}", c.code));
            out.push((c, p));
        }
        out
    })
}

/// The countries outside the EU/EEA a text names, each with where (its first mention).
pub(super) fn countries_named(
    s: &str,
) -> Vec<(&'static catalogue::Country, std::ops::Range<usize>)> {
    country_patterns()
        .iter()
        .filter_map(|(c, p)| p.find(s).map(|m| (*c, m.range())))
        .collect()
}

/// The safeguards a sentence states as true now (not denied, not history), with where.
pub(super) fn safeguards_stated(s: &str, sent: std::ops::Range<usize>) -> Vec<Safeguard> {
    let text = &s[sent.clone()];
    let mut out = Vec::new();
    for (kind, list) in [
        (Safeguard::Dpf, list_re("safeguard_dpf")),
        (Safeguard::Adequacy, list_re("safeguard_adequacy")),
        (Safeguard::Other, list_re("transfer_basis")),
    ] {
        let stated = list.find_iter(text).any(|m| {
            // Privacy Shield and Safe Harbor are no safeguard (`laws.rs` flags them).
            super::laws::cited(m.as_str()).is_empty()
                && sentence::affirmed(s, sent.start + m.start()..sent.start + m.end())
        });
        if stated && !out.contains(&kind) {
            out.push(kind);
        }
    }
    out
}

impl Ctx<'_> {
    /// The safeguards stated in prose for a recipient: in its own description, or in a sentence
    /// anywhere that names it (by name or a catalogue alias).
    pub(super) fn prose_safeguards(&self, r: &crate::model::Recipient) -> Vec<Safeguard> {
        let mut names: Vec<String> = Vec::new();
        if r.name.trim().chars().count() >= 3 {
            names.push(r.name.trim().to_lowercase());
        }
        if let Some(svc) = catalogue::service(&r.key) {
            names.extend(svc.aliases.iter().map(|a| a.to_lowercase()));
        }
        let mut out = Vec::new();
        let mut take = |v: Vec<Safeguard>| {
            for k in v {
                if !out.contains(&k) {
                    out.push(k);
                }
            }
        };
        for (_, own) in r.description.all() {
            for sent in sentence::split(own).iter().cloned() {
                take(safeguards_stated(own, sent));
            }
        }
        if names.is_empty() {
            return out;
        }
        for (_, _, s) in &self.strings {
            let named = |t: &str| {
                let low = t.to_lowercase();
                names.iter().any(|n| low.contains(n.as_str()))
            };
            if !named(s) {
                continue;
            }
            for sent in sentence::split(s).iter().cloned() {
                if named(&s[sent.clone()]) {
                    take(safeguards_stated(s, sent));
                }
            }
        }
        out
    }

    /// Safeguards stated in prose for a country that they cannot cover: the DPF for a country
    /// other than the United States, an adequacy decision for a country without one.
    pub(super) fn prose_mechanisms(&mut self) {
        let lang = self.lang();
        let mut hits: Vec<(&str, String, String, String)> = Vec::new();
        for (p, _, s) in &self.strings {
            if !has("safeguard_dpf", s) && !has("safeguard_adequacy", s) {
                continue;
            }
            for sent in sentence::split(s).iter().cloned() {
                let stated = safeguards_stated(s, sent.clone());
                if !stated.contains(&Safeguard::Dpf) && !stated.contains(&Safeguard::Adequacy) {
                    continue;
                }
                let text = &s[sent.clone()];
                // "EU–USA-tietosuojakehys", "EU-U.S. Data Privacy Framework", "dataskyddsramen
                // EU–USA": the United States in the framework's own name is not a destination.
                let dpf_names: Vec<std::ops::Range<usize>> = list_re("safeguard_dpf")
                    .find_iter(text)
                    .map(|m| m.start().saturating_sub(12)..m.end() + 10)
                    .collect();
                let named: Vec<&catalogue::Country> = countries_named(text)
                    .into_iter()
                    .filter(|(c, r)| {
                        !(c.code.eq_ignore_ascii_case("US")
                            && dpf_names
                                .iter()
                                .any(|d| d.start <= r.start && r.end <= d.end))
                    })
                    .map(|(c, _)| c)
                    .collect();
                let us = named.iter().any(|c| c.code.eq_ignore_ascii_case("US"));
                let quote = super::quote(text);
                // The DPF with the United States named too ("Google (USA) and Zoho (India)")
                // cannot be told apart: judged only when no US destination is named.
                if stated.contains(&Safeguard::Dpf)
                    && !us
                    && let Some(c) = named.first()
                {
                    let country = catalogue::country_name(&c.code, lang);
                    hits.push(("transfer.dpf_outside_us", p.clone(), quote.clone(), country));
                }
                // The US adequacy decision (2023/1795) covers DPF-certified organisations: an
                // "adequacy decision" for a US recipient is not judged false here.
                if stated.contains(&Safeguard::Adequacy)
                    && !stated.contains(&Safeguard::Dpf)
                    && let Some(c) = named
                        .iter()
                        .find(|c| !c.adequacy && !c.code.eq_ignore_ascii_case("US"))
                {
                    let country = catalogue::country_name(&c.code, lang);
                    hits.push(("transfer.no_adequacy_decision", p.clone(), quote, country));
                }
            }
        }
        for (id, at, name, country) in hits {
            self.add(id, at, &[("name", &name), ("country", &country)]);
        }
    }

    pub(super) fn transfers_declared(&mut self) {
        let n = self.n;
        // The first sentence that states a transfer outside the EU/EEA as a fact or possibility.
        let mut declared: Option<(String, String)> = None;
        for (p, _, s) in &self.strings {
            for m in list_re("transfer_outside").find_iter(s) {
                let r = sentence::sentence_at(s, m.start());
                let sent = &s[r.clone()];
                if sent.trim_end().ends_with('?') || !has("transfer_verb", sent) {
                    continue;
                }
                if sentence::affirmed(s, m.range()) {
                    declared = Some((p.clone(), super::quote(sent)));
                    break;
                }
            }
            if declared.is_some() {
                break;
            }
        }
        let Some((path, phrase)) = declared else {
            return;
        };
        let outside: Vec<_> = n
            .recipients
            .items
            .iter()
            .filter(|r| !r.country.trim().is_empty() && !catalogue::is_eea(&r.country))
            .collect();
        let structured_complete = !outside.is_empty()
            && outside.iter().all(|r| {
                !r.country.eq_ignore_ascii_case("NON_EEA")
                    && !matches!(r.mechanism, None | Some(Mechanism::None))
            });
        if structured_complete {
            return;
        }
        let all = || self.strings.iter().map(|(_, _, s)| *s);
        let recipient = !outside.is_empty()
            || all().any(|s| !catalogue::find_services(s).is_empty() || has("company_name", s));
        let country = outside
            .iter()
            .any(|r| !r.country.eq_ignore_ascii_case("NON_EEA"))
            || all().any(|s| {
                third_country_re()
                    .find_iter(s)
                    .any(|m| sentence::affirmed(s, m.range()))
            });
        let basis = outside
            .iter()
            .any(|r| !matches!(r.mechanism, None | Some(Mechanism::None)))
            || all().any(|s| {
                // A safeguard counts unless its clause tells history; an invalid one (Privacy
                // Shield, flagged on its own) only where it is stated as used now.
                [
                    list_re("transfer_basis"),
                    list_re("safeguard_dpf"),
                    list_re("safeguard_adequacy"),
                ]
                .iter()
                .any(|l| {
                    l.find_iter(s).any(|m| {
                        if super::laws::cited(m.as_str()).is_empty() {
                            !sentence::historical(s, m.range())
                        } else {
                            sentence::affirmed(s, m.range())
                        }
                    })
                })
            });
        let lang = self.lang();
        let term = |k: &str| {
            ruleset()
                .terms
                .get(k)
                .and_then(|t| t.resolve(lang))
                .map(|x| x.0.to_string())
                .unwrap_or_else(|| k.to_string())
        };
        let mut missing = Vec::new();
        if !recipient {
            missing.push(term("transfer_recipient"));
        }
        if !country {
            missing.push(term("transfer_country"));
        }
        if !basis {
            missing.push(term("transfer_basis"));
        }
        if !missing.is_empty() {
            self.add(
                "transfer.incomplete",
                path,
                &[("phrase", &phrase), ("missing", &missing.join(", "))],
            );
        }
    }

    /// The DPF for a recipient outside the United States; adequacy for a country without it.
    pub(super) fn transfer_mechanisms(&mut self) {
        let n = self.n;
        let lang = self.lang();
        let mut hits: Vec<(&str, String, String, String)> = Vec::new();
        for (i, r) in n.recipients.items.iter().enumerate() {
            let code = r.country.trim();
            if code.is_empty() || catalogue::is_eea(code) {
                continue;
            }
            let name = super::recipient_name(self, r, i);
            let country = catalogue::country_name(code, lang);
            let at = format!("/recipients/items/{i}/mechanism");
            // No mechanism picked, but the text states one for this recipient.
            let prose = match r.mechanism {
                None | Some(Mechanism::None) => {
                    let stated = self.prose_safeguards(r);
                    if stated.contains(&Safeguard::Dpf) {
                        Some(Mechanism::Dpf)
                    } else if stated.contains(&Safeguard::Adequacy) {
                        Some(Mechanism::Adequacy)
                    } else {
                        None
                    }
                }
                m => m,
            };
            match prose {
                Some(Mechanism::Dpf)
                    if !code.eq_ignore_ascii_case("US")
                        && !code.eq_ignore_ascii_case("NON_EEA") =>
                {
                    hits.push(("transfer.dpf_outside_us", at, name, country))
                }
                Some(Mechanism::Adequacy)
                    if catalogue::country(code).is_none_or(|c| !c.adequacy) =>
                {
                    hits.push(("transfer.no_adequacy_decision", at, name, country))
                }
                _ => {}
            }
        }
        for (id, at, name, country) in hits {
            self.add(id, at, &[("name", &name), ("country", &country)]);
        }
    }
}
