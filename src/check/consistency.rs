//! Consistency of the answers: special categories without an Art. 9(2) condition, the personal
//! identity code without a reason tietosuojalaki 29 § allows, automated decisions without
//! information, joint controllers without the essence of their arrangement, bases that do not
//! fit, pre-GDPR rights wording, and data content left to "a separate document".

use super::{Ctx, has, list_re, quote, sentence};
use crate::catalogue;
use crate::model::{LegalBasis, Role};

impl Ctx<'_> {
    /// Special-category data named in free text when the notice gives no Art. 9(2) condition.
    pub(super) fn special_in_text(&mut self) {
        let n = self.n;
        if !n.data.special.is_empty() {
            return; // the structured list is judged item by item
        }
        if self
            .strings
            .iter()
            .any(|(_, _, s)| has("art9_condition", s))
        {
            return;
        }
        let mut hit: Option<(String, String)> = None;
        'outer: for (p, _, s) in &self.strings {
            for m in list_re("special_data").find_iter(s) {
                let r = sentence::sentence_at(s, m.start());
                let sent = &s[r];
                if has("special_definition", sent) || !sentence::affirmed(s, m.range()) {
                    continue;
                }
                hit = Some((p.clone(), quote(m.as_str())));
                break 'outer;
            }
        }
        if let Some((p, name)) = hit {
            self.add("special.condition_missing", p, &[("name", &name)]);
        }
    }

    /// The personal identity code (or an identity-document number) collected with no reason
    /// given in the sentence that names it or the sentences around it.
    pub(super) fn id_code(&mut self) {
        let mut hit: Option<(String, String)> = None;
        // A data item marked as an identifier is judged by its `code_reason` (`Ctx::data`).
        let marked: Vec<String> = (self.n.data.items.iter().enumerate())
            .filter(|(_, d)| d.identifier.is_some())
            .map(|(i, _)| format!("/data/items/{i}/"))
            .collect();
        'outer: for (p, _, s) in &self.strings {
            if marked.iter().any(|m| p.starts_with(m.as_str())) {
                continue;
            }
            let sents = sentence::split(s);
            for (k, r) in sents.iter().enumerate() {
                let sent = &s[r.clone()];
                let Some(m) = list_re("id_code").find(sent) else {
                    continue;
                };
                let at = r.start + m.start()..r.start + m.end();
                if !sentence::affirmed(s, at) {
                    continue;
                }
                let near = sents[k.saturating_sub(1)..(k + 2).min(sents.len())]
                    .iter()
                    .any(|x| has("id_reason", &s[x.clone()]));
                if !near {
                    hit = Some((p.clone(), quote(m.as_str())));
                    break 'outer;
                }
            }
        }
        if let Some((p, phrase)) = hit {
            self.add("data.id_code_reason_missing", p, &[("phrase", &phrase)]);
        }
    }

    pub(super) fn automated_decisions_info(&mut self) {
        let a = &self.n.automated;
        if a.decisions == Some(true) && a.text.is_empty() {
            self.add("automated.decisions_info_missing", "/automated/text", &[]);
        }
    }

    /// Several controllers, a joint-controller recipient or a pixel, or joint control named in
    /// the text — and no essence of the arrangement (Art. 26(2)).
    pub(super) fn joint(&mut self) {
        let n = self.n;
        let mut why: Option<(String, String)> = None;
        // Several controllers: distinct legal persons, told apart by their identifiers (one
        // business under two names is one controller).
        let mut ids: Vec<&str> = n
            .controllers
            .iter()
            .map(|c| {
                if c.business_id.trim().is_empty() {
                    c.other_id.trim()
                } else {
                    c.business_id.trim()
                }
            })
            .filter(|id| !id.is_empty())
            .collect();
        ids.sort();
        ids.dedup();
        if ids.len() > 1 {
            let names: Vec<String> = n.controllers.iter().map(|c| quote(&c.name)).collect();
            why = Some(("/joint_arrangement".into(), names.join(", ")));
        }
        // In free text: a controller label followed by several business IDs ("Rekisterinpitäjä:
        // Tmi A (Y-tunnus …), Tmi B (Y-tunnus …)").
        if why.is_none() {
            why = self.controllers_in_text();
        }
        for (i, r) in n.recipients.items.iter().enumerate() {
            let catalogued = catalogue::service(&r.key);
            if r.role == Role::Processor
                && let Some(svc) = catalogued
                && svc.role == Role::JointController
                && self.is_pixel(&svc.aliases, &r.key)
            {
                let name = super::recipient_name(self, r, i);
                self.add(
                    "joint.entered_as_processor",
                    format!("/recipients/items/{i}/role"),
                    &[("name", &name)],
                );
            }
            let joint = r.role == Role::JointController
                && catalogued.is_none_or(|svc| self.is_pixel(&svc.aliases, &r.key));
            if joint && why.is_none() {
                why = Some((
                    "/joint_arrangement".into(),
                    super::recipient_name(self, r, i),
                ));
            }
        }
        // Joint control or a pixel named in the text, unless the same passage gives the
        // arrangement (the sentence and the two after it).
        let mut text_hit: Option<(String, String)> = None;
        for (p, _, s) in &self.strings {
            let sents = sentence::split(s);
            for (k, r) in sents.iter().enumerate() {
                let sent = &s[r.clone()];
                let m = list_re("joint_words")
                    .find(sent)
                    .or_else(|| list_re("joint_pixel").find(sent));
                let Some(m) = m else { continue };
                if !sentence::affirmed(s, r.start + m.start()..r.start + m.end()) {
                    continue;
                }
                let explained = sents[k..(k + 3).min(sents.len())]
                    .iter()
                    .any(|x| has("joint_arrangement_words", &s[x.clone()]));
                if explained {
                    return;
                }
                text_hit.get_or_insert((p.clone(), quote(sent)));
            }
        }
        if !n.joint_arrangement.is_empty() {
            return;
        }
        if let Some((p, name)) = why.or(text_hit) {
            self.add("joint.arrangement_missing", p, &[("name", &name)]);
        }
    }

    fn controllers_in_text(&self) -> Option<(String, String)> {
        for (p, _, s) in &self.strings {
            let lines: Vec<&str> = s.lines().collect();
            for (k, line) in lines.iter().enumerate() {
                if line.trim().chars().count() > 60 || !has("controller_label", line) {
                    continue;
                }
                let mut ids: Vec<&str> = lines[k..(k + 8).min(lines.len())]
                    .iter()
                    .flat_map(|l| list_re("business_id").find_iter(l).map(|m| m.as_str()))
                    .collect();
                ids.sort();
                ids.dedup();
                if ids.len() > 1 {
                    return Some((p.clone(), ids.join(", ")));
                }
            }
        }
        None
    }

    /// A catalogue pixel or plug-in (Meta, LinkedIn) counts as one unless the notice only
    /// mentions the platform — an Instagram account or a Facebook link is not a pixel. A service
    /// the owner picked without naming it anywhere in the text counts.
    pub(super) fn is_pixel(&self, aliases: &[String], _key: &str) -> bool {
        let texts: Vec<&str> = self.strings.iter().map(|(_, _, s)| *s).collect();
        let named = |s: &str| {
            let low = s.to_lowercase();
            aliases.iter().any(|a| low.contains(&a.to_lowercase()))
        };
        let mentioned: Vec<&&str> = texts.iter().filter(|s| named(s)).collect();
        mentioned.is_empty() || mentioned.iter().any(|s| has("pixel", s))
    }

    /// Legal bases offered only as examples ("eri oikeusperustein, esimerkiksi suostumuksella"),
    /// and a purpose whose own words name another basis than the one chosen.
    pub(super) fn bases_fit(&mut self) {
        let n = self.n;
        let mut examples: Option<(String, String)> = None;
        for (p, _, s) in &self.strings {
            for r in sentence::split(s).iter().cloned() {
                let sent = &s[r.clone()];
                if has("basis_word", sent)
                    && has("basis_example", sent)
                    && sentence::affirmed(s, r.start..r.start + 1)
                {
                    examples.get_or_insert((p.clone(), quote(sent)));
                }
            }
        }
        if let Some((p, q)) = examples {
            self.add("basis.examples_only", p, &[("phrase", &q)]);
        }
        let lists = [
            (LegalBasis::Consent, list_re("basis_consent")),
            (LegalBasis::Contract, list_re("basis_contract")),
            (
                LegalBasis::LegalObligation,
                list_re("basis_legal_obligation"),
            ),
            (
                LegalBasis::LegitimateInterest,
                list_re("basis_legitimate_interest"),
            ),
        ];
        let mut hits = Vec::new();
        for (i, p) in n.purposes.items.iter().enumerate() {
            let Some(chosen) = p.basis else { continue };
            let words: Vec<&str> = p.text.all().map(|(_, s)| s).collect();
            let named: Vec<LegalBasis> = lists
                .iter()
                .filter(|(_, re)| words.iter().any(|s| re.is_match(s)))
                .map(|(b, _)| *b)
                .collect();
            if !named.is_empty() && !named.contains(&chosen) {
                let name = self.name_of(&p.text, &format!("#{}", i + 1));
                hits.push((format!("/purposes/items/{i}/basis"), name));
            }
        }
        for (p, name) in hits {
            self.add("basis.purpose_names_other", p, &[("name", &name)]);
        }
    }

    /// The owner's own rights text lists only the pre-GDPR set (access and rectification, maybe
    /// the ban on direct marketing) as if it were all the rights.
    pub(super) fn rights_wording(&mut self) {
        let access = self
            .strings
            .iter()
            .find(|(_, _, s)| has("access_right", s))
            .map(|(p, _, _)| p.clone());
        let Some(p) = access else { return };
        let gdpr = self.strings.iter().any(|(_, _, s)| has("gdpr_rights", s));
        if !gdpr {
            self.add("outdated.rights_wording", p, &[]);
        }
    }

    pub(super) fn separate_document(&mut self) {
        let mut hit = None;
        for (p, _, s) in &self.strings {
            if let Some(m) = list_re("separate_document").find(s) {
                let sent = &s[sentence::sentence_at(s, m.start())];
                if has("data_word", sent) && sentence::affirmed(s, m.range()) {
                    hit = Some((p.clone(), quote(sent)));
                    break;
                }
            }
        }
        if let Some((p, q)) = hit {
            self.add("leftover.separate_document", p, &[("phrase", &q)]);
        }
    }
}

/// A word in brackets standing where text should be ("[suoramarkkinointi]", "[Company]"), not a
/// Markdown link or reference ("[text](url)", "[text][ref]", "[ref]: url") or a footnote.
pub(super) fn bracket_slot(s: &str) -> Option<&str> {
    for m in list_re("bracket_slot").find_iter(s) {
        let before = s[..m.start()].chars().next_back();
        let after = s[m.end()..].chars().next();
        let link = matches!(after, Some('(' | '[' | ':'))
            || before.is_some_and(|c| c == ']' || c.is_alphanumeric());
        if !link {
            return Some(m.as_str());
        }
    }
    None
}
