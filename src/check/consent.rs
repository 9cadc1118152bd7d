//! Consent and marketing: consent read into an action, a child's own consent under 13, consent
//! said to be irrevocable, and e-mail or SMS marketing to private persons on legitimate
//! interest beyond the existing-customer exception (917/2014 200 §).

use super::{Ctx, has, list_re, quote, sentence};
use crate::model::LegalBasis;

impl Ctx<'_> {
    pub(super) fn consent(&mut self) {
        let mut implied = Vec::new();
        let mut irrevocable = Vec::new();
        let mut child = Vec::new();
        // The youngest age a child may consent alone (tietosuojalaki 5 §, in laws.json).
        let age = super::laws::child_consent_age().age;
        for (p, _, s) in &self.strings {
            if let Some(at) = implied_at(s)
                .into_iter()
                .find(|&at| sentence::affirmed(s, at..at + 1))
            {
                implied.push((p.clone(), sentence::quote_sentence(s, at)));
            }
            for m in list_re("consent_not_withdrawable").find_iter(s) {
                let sent = &s[sentence::sentence_at(s, m.start())];
                // "cannot be withdrawn retroactively" only restates Art. 7(3).
                if !has("retroactive", sent) {
                    irrevocable.push((p.clone(), sentence::quote_sentence(s, m.start())));
                    break;
                }
            }
            for r in sentence::split(s).iter().cloned() {
                let sent = &s[r.clone()];
                if has("consent_word", sent)
                    && !has("guardian", sent)
                    && has("own_consent", sent)
                    && youngest_age(sent).is_some_and(|a| a < age)
                    && sentence::affirmed(s, r.start..r.start + 1)
                {
                    child.push((p.clone(), quote(sent)));
                    break;
                }
            }
        }
        for (p, q) in implied {
            self.add("consent.implied", p, &[("phrase", &q)]);
        }
        for (p, q) in irrevocable {
            self.add("consent.not_withdrawable", p, &[("phrase", &q)]);
        }
        let age = age.to_string();
        for (p, q) in child {
            self.add(
                "consent.child_under_13",
                p,
                &[("phrase", &q), ("age", &age)],
            );
        }
    }

    /// E-mail or SMS marketing on legitimate interest to anyone but existing customers (for
    /// similar products) or business contacts: 917/2014 200 § asks for prior consent.
    pub(super) fn marketing(&mut self) {
        let n = self.n;
        let mut hits: Vec<(String, String)> = Vec::new();
        for (i, p) in n.purposes.items.iter().enumerate() {
            if p.basis != Some(LegalBasis::LegitimateInterest) {
                continue;
            }
            let words: Vec<&str> = p
                .text
                .all()
                .chain(p.interest.all())
                .map(|(_, s)| s)
                .collect();
            let marketing = p.direct_marketing || words.iter().any(|s| has("marketing_word", s));
            let electronic = words.iter().any(|s| has("electronic_channel", s));
            let limited = words.iter().any(|s| has("existing_customers", s));
            if marketing && electronic && !limited {
                let name = self.name_of(&p.text, &format!("#{}", i + 1));
                hits.push((format!("/purposes/items/{i}/basis"), name));
            }
        }
        // Free text: one sentence naming electronic marketing and legitimate interest.
        for (p, _, s) in &self.strings {
            for r in sentence::split(s).iter().cloned() {
                let sent = &s[r.clone()];
                if has("marketing_word", sent)
                    && has("electronic_channel", sent)
                    && has("legitimate_interest_words", sent)
                    && !has("existing_customers", sent)
                    && !has("consent_word", sent)
                    && sentence::affirmed(s, r.start..r.start + 1)
                {
                    hits.push((p.clone(), quote(sent)));
                    break;
                }
            }
        }
        if let Some((p, name)) = hits.into_iter().next() {
            self.add(
                "marketing.electronic_without_consent",
                p,
                &[("name", &name)],
            );
        }
    }
}

/// Where `s` reads consent into an action ("Tilaamalla uutiskirjeen hyväksyt …", "By signing up
/// you agree …", "När du blir medlem ger du ditt samtycke …"): the start of each such phrase,
/// whether the text affirms it or not. A sentence that asks for consent as an act of its own —
/// "vain, jos annat siihen nimenomaisen suostumuksen", "om du anmäler dig och ger ditt
/// samtycke", "only if you give your explicit consent" — reads nothing into an action
/// ([`consent_is_the_condition`]).
pub(super) fn implied_at(s: &str) -> Vec<usize> {
    list_re("consent_implied")
        .find_iter(s)
        .filter(|m| !consent_is_the_condition(s, m.range()))
        .map(|m| m.start())
        .collect()
}

/// Is the consent in the phrase `m` of `s` the condition the sentence sets, not a consequence
/// it draws? Read from the verb that gives consent ("annat … suostumuksen", "ger … samtycke",
/// "give … consent", "hyväksyt", "agree"): it is the condition when it is the predicate of a
/// conditional clause ("jos", "om", "if", "only when", "provided that" …) — nothing but a
/// subject and adverbs (closed classes: `condition_light`) between the conditional word and
/// the verb, or another act joined to it by "ja/och/and" ("if you sign up and give consent"),
/// and no clause boundary. Consent after a comma, or after a clause of another act with a
/// subject of its own ("När en person blir medlem ger han …", "If you register you agree"),
/// is the main clause: consent read into the act.
fn consent_is_the_condition(s: &str, m: std::ops::Range<usize>) -> bool {
    let sent = sentence::sentence_at(s, m.start);
    let Some(act) = list_re("consent_act").find(&s[m.clone()]) else {
        return false;
    };
    let act_at = m.start + act.start();
    let before = &s[sent.start.min(act_at)..act_at];
    let Some(cond) = list_re("condition").find_iter(before).last() else {
        return false;
    };
    let lead = &before[cond.end()..];
    if lead.contains([',', ';', ':', '(', ')', '–', '—']) {
        return false;
    }
    // Only the words after the last "and" count: an act joined to the consent is part of the
    // condition too.
    let lead = match list_re("coordination").find_iter(lead).last() {
        Some(j) => &lead[j.end()..],
        None => lead,
    };
    let light = list_re("condition_light");
    lead.split_whitespace().all(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        w.is_empty() || light.find(w).is_some_and(|h| h.range() == (0..w.len()))
    })
}

/// The youngest age a sentence speaks of: "alle 16-vuotiaat" → 0, "yli 12-vuotiaat" → 13,
/// "12 vuotta täyttäneet" → 12, "från 10 års ålder" → 10.
fn youngest_age(sent: &str) -> Option<u32> {
    let re = list_re("child_age");
    if !re.is_match(sent) {
        return None;
    }
    re.regex()
        .captures_iter(sent)
        .filter_map(|c| {
            let n: u32 = c
                .name("n")
                .or_else(|| c.name("n2"))?
                .as_str()
                .parse()
                .ok()?;
            let pre = c.name("pre").map(|m| m.as_str().to_lowercase());
            Some(match pre.as_deref() {
                Some("alle" | "under" | "younger than") => 0,
                Some("yli" | "över" | "over" | "older than") => n + 1,
                _ => n,
            })
        })
        .filter(|&a| a < 19)
        .min()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages() {
        assert_eq!(
            youngest_age("alle 16-vuotiaat voivat itse antaa suostumuksen"),
            Some(0)
        );
        assert_eq!(youngest_age("yli 12-vuotiaat"), Some(13));
        assert_eq!(youngest_age("Children aged 10 years and older"), Some(10));
        assert_eq!(youngest_age("från 15 års ålder"), Some(15));
        assert_eq!(youngest_age("säilytämme 6 vuotta"), None);
    }
}
