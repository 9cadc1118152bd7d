//! Transfers outside the EU/EEA: a transfer declared anywhere — in the structured recipients or
//! in free text ("may be transferred outside the EU") — must name the recipient, the country
//! and the safeguard; the DPF covers only certified organisations in the United States; an
//! adequacy decision exists only for the countries the Commission named (`countries.json`).

use super::{Ctx, has, list_re, ruleset, sentence};
use crate::catalogue;
use crate::model::Mechanism;
use regex::Regex;
use std::sync::OnceLock;

/// Names of countries outside the EU/EEA, from `countries.json` and the `third_country` list.
fn third_country_re() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
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
        Regex::new(&format!("(?i){}", joined.join("|"))).expect("third-country names compile")
    })
}

impl Ctx<'_> {
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
            || all().any(|s| has("transfer_basis", s));
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
            match r.mechanism {
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
