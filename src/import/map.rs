//! Sections onto the model. Each heading names one or more targets (vocabulary in
//! `src/data/import.json`); a heading that names several ("Tietojen suojaus ja säilyttäminen")
//! has each paragraph routed by keywords. Values are recognised into structured fields; all other
//! text is kept as the section's own words, or in an `other` section — never dropped.

use super::basis;
use super::fields::{self, PartyParse};
use super::report::{Confidence, Kept, Note, Recognised, Report, SectionMap, Suggestion};
use super::sections::{Block, Doc, Section};
use super::services;
use super::vocab::{Target, contains_phrase, vocab};
use crate::model::{
    Art9Condition, ChangeEntry, DataCategory, ExtraSection, Item, LegalBasis, Mechanism, Notice,
    Purpose, Recipient, Retention, Source,
};
use crate::section::Section as NoticeSection;
use crate::text::{Lang, Text};
use regex::Regex;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The free-text fields an import fills: a section's own text (`Section::text_mut`), or how
/// to use the rights, which the rights section holds beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Slot {
    Text(NoticeSection),
    RightsHowTo,
}

impl Slot {
    fn pointer(self) -> String {
        match self {
            Slot::Text(s) => format!("/{}/text", s.fields()[0]),
            Slot::RightsHowTo => "/rights/how_to".into(),
        }
    }

    fn field(self, n: &mut Notice) -> &mut Text {
        match self {
            Slot::Text(s) => s
                .text_mut(n)
                .expect("an import keeps text only in a section that has its own"),
            Slot::RightsHowTo => &mut n.rights.how_to,
        }
    }
}

/// Paragraphs kept for one free-text field, grouped by the heading they came from.
type Groups = Vec<(String, Vec<String>)>;

struct Mapper {
    /// The language of the notice as a whole.
    doc_lang: Lang,
    /// The language of the section being mapped: a bilingual notice (Finnish, then Swedish)
    /// fills each language's fields from its own sections.
    lang: Lang,
    /// Every language some section was written in.
    langs: Vec<Lang>,
    notice: Notice,
    report: Report,
    texts: BTreeMap<(Slot, Lang), Groups>,
    /// Purpose paragraphs: (heading, paragraph, the heading speaks only of purposes, language).
    purpose_paras: Vec<(String, String, bool, Lang)>,
    interest: Vec<(String, String, Lang)>,
    /// Every basis the purpose sections name, in any form.
    bases: Vec<LegalBasis>,
    /// Bases named by a sentence about all the processing ("Henkilötietojen käsittely perustuu
    /// suostumukseen."), with the sentence's paragraph.
    blanket: Vec<(LegalBasis, String)>,
    /// Items of a list of bases ("Suostumus (uutiskirje)"): the item, the basis it opens with.
    basis_items: Vec<(String, Option<LegalBasis>)>,
    /// The block being mapped is an item of a list of bases, not a purpose.
    in_basis_list: bool,
    /// Art. 9(2) conditions the notice cites, with the line.
    art9: Vec<(Art9Condition, String)>,
}

impl Mapper {
    fn text(&self, s: &str) -> Text {
        let mut t = Text::default();
        *t.get_mut(self.lang) = s.to_string();
        t
    }

    fn keep(&mut self, slot: Slot, heading: &str, para: &str) {
        let groups = self.texts.entry((slot, self.lang)).or_default();
        match groups.last_mut() {
            // Consecutive list items stay one block, a line each.
            Some((h, paras))
                if h == heading
                    && para.starts_with("- ")
                    && paras.last().is_some_and(|p| p.starts_with("- ")) =>
            {
                let last = paras.last_mut().expect("checked");
                last.push('\n');
                last.push_str(para);
            }
            Some((h, paras)) if h == heading => paras.push(para.to_string()),
            _ => groups.push((heading.to_string(), vec![para.to_string()])),
        }
    }

    fn recognise(&mut self, field: String, value: impl Into<String>, source: &str) {
        self.recognise_as(field, value, source, Confidence::Certain);
    }

    fn recognise_as(
        &mut self,
        field: String,
        value: impl Into<String>,
        source: &str,
        confidence: Confidence,
    ) {
        self.report.recognised.push(Recognised {
            field,
            value: value.into(),
            source: source.to_string(),
            confidence,
        });
    }

    /// What a purpose-section text says about bases: every basis it names is noted, a
    /// sentence about all the processing is remembered, Art. 9 references are kept.
    fn note_bases(&mut self, text: &str) -> basis::Reading {
        let r = basis::read(text);
        for b in &r.bases {
            push_basis(self, *b);
        }
        // "consent of the individual" on a line of its own after "The legal basis is".
        if text.split_whitespace().count() <= 12
            && let Some(b) = basis::leads_with_basis(text)
        {
            push_basis(self, b);
        }
        // "Oikeusperusteet: sopimus (jäsenyys), suostumus (uutiskirje)".
        for item in basis::inline_list(text) {
            let lead = basis::leads_with_basis(item);
            if let Some(b) = lead {
                push_basis(self, b);
            }
            self.basis_items.push((item.to_string(), lead));
        }
        if r.blanket {
            self.blanket.push((r.bases[0], text.to_string()));
        }
        for c in &r.art9 {
            if !self.art9.iter().any(|(x, _)| x == c) {
                self.art9.push((*c, text.to_string()));
            }
        }
        r
    }

    fn other(&mut self, heading: &str, text: &str) {
        if text.trim().is_empty() {
            return;
        }
        // The translation of a section kept before ("Dataskydd" then "Tietosuojalauseke"):
        // one section in both languages.
        let lang = self.lang;
        let pair = self.notice.other.iter().position(|o| {
            let mut langs = o.text.all();
            match (langs.next(), langs.next()) {
                (Some((l, t)), None) => l != lang && super::bilingual::translations(t, text),
                _ => false,
            }
        });
        if let Some(i) = pair {
            let o = &mut self.notice.other[i];
            *o.text.get_mut(lang) = text.to_string();
            if o.heading.get(lang).is_none() {
                *o.heading.get_mut(lang) = heading.to_string();
            }
            self.report.kept_as_text.push(Kept {
                field: format!("/other/{i}/text/{lang}"),
                heading: heading.to_string(),
                chars: text.chars().count(),
            });
            self.report
                .notes
                .push(Note::new("translation_paired", vec![heading.to_string()]));
            return;
        }
        let i = self.notice.other.len();
        self.notice.other.push(ExtraSection {
            heading: self.text(heading),
            text: self.text(text),
        });
        self.report.kept_as_text.push(Kept {
            field: format!("/other/{i}/text/{}", self.lang),
            heading: heading.to_string(),
            chars: text.chars().count(),
        });
    }
}

/// Map a split document (in language `lang`) onto a new notice, with the report.
pub fn map(doc: Doc, lang: Lang) -> (Notice, Report) {
    let mut m = Mapper {
        doc_lang: lang,
        lang,
        langs: vec![lang],
        notice: Notice::default(),
        report: Report {
            lang: Some(lang),
            dropped: doc.dropped.clone(),
            ..Default::default()
        },
        texts: BTreeMap::new(),
        purpose_paras: Vec::new(),
        interest: Vec::new(),
        bases: Vec::new(),
        blanket: Vec::new(),
        basis_items: Vec::new(),
        in_basis_list: false,
        art9: Vec::new(),
    };
    let v = vocab();

    if doc.sections.is_empty() {
        let all = join_blocks(&doc.preamble);
        if !all.trim().is_empty() {
            let h = v.msg("imported", lang);
            m.report.sections.push(SectionMap {
                heading: h.clone(),
                to: Vec::new(),
            });
            m.other(&h, &all);
            m.report.notes.push(Note::new("no_headings", Vec::new()));
        }
    } else {
        preamble(&mut m, &doc.preamble);
    }

    for s in &doc.sections {
        section(&mut m, s);
    }
    finish_purposes(&mut m);
    for s in &doc.sections {
        let mut all = s.heading.clone();
        for b in &s.blocks {
            all.push('\n');
            all.push_str(b.text());
        }
        add_services(&mut m, &all);
    }
    add_services(&mut m, &join_blocks(&doc.preamble));
    if !m.notice.recipients.items.iter().all(|r| r.key.is_empty()) {
        m.report.notes.push(Note::new("services", Vec::new()));
    }
    registers_from_name(&mut m);
    finish_texts(&mut m);
    (m.notice, m.report)
}

/// A register name that lists several registers ("jäsen-, asukas- ja kameravalvontarekisteri")
/// gives the notice as many registers (`super::registers`). Nothing is assigned to them: the
/// notice said only their names, so all it says stays shared, and the report asks the owner.
fn registers_from_name(m: &mut Mapper) {
    if !m.notice.register.activities.is_empty() {
        return;
    }
    let Some((name, shown)) = m
        .notice
        .register
        .name
        .resolve(m.doc_lang)
        .map(|(n, l)| (n.to_string(), l))
    else {
        return;
    };
    let names = super::registers::split(&name, shown);
    for (i, n) in names.iter().enumerate() {
        let mut t = Text::default();
        *t.get_mut(shown) = n.clone();
        m.notice.register.activities.push(crate::model::Activity {
            id: format!("r{}", i + 1),
            name: t,
            text: Text::default(),
        });
        m.recognise(
            format!("/register/activities/{i}/name/{}", shown.code()),
            n.clone(),
            &name,
        );
    }
    if !names.is_empty() {
        m.report
            .notes
            .push(Note::new("registers", vec![names.join(", ")]));
    }
}

fn join_blocks(blocks: &[Block]) -> String {
    let mut out = String::new();
    for b in blocks {
        if !out.is_empty() {
            out.push_str(if matches!(b, Block::Bullet(_)) {
                "\n"
            } else {
                "\n\n"
            });
        }
        match b {
            Block::Para(p) => out.push_str(p),
            Block::Bullet(t) => {
                out.push_str("- ");
                out.push_str(t);
            }
        }
    }
    out
}

/// Lines before the first heading: dates ("Laatimispäivämäärä 25.5.2018") become the notice's
/// dates; other text is kept in an `other` section.
fn preamble(m: &mut Mapper, blocks: &[Block]) {
    let v = vocab();
    let rest = without_date_lines(m, blocks, true);
    let text = join_blocks(&rest);
    let h = v.msg("preamble", m.lang);
    m.other(&h, &text);
}

/// `blocks` without their date lines ("Laatimispäivämäärä: 22.5.2018"), which set the notice's
/// dates instead. A date line is one wherever it stands: before the first heading, under the
/// document's title heading, or at the end, as many notices put it.
/// At the `top` of the notice (before the first heading) a date alone, or after the title, is
/// the notice's date too ("Tietosuojaseloste 22.3.2023", "3.4.2023").
fn without_date_lines(m: &mut Mapper, blocks: &[Block], top: bool) -> Vec<Block> {
    let mut rest: Vec<Block> = Vec::new();
    for b in blocks {
        let mut kept_lines: Vec<String> = Vec::new();
        for line in b.text().lines() {
            match date_line(m, line, top) {
                None => kept_lines.push(line.to_string()),
                Some(left) if !left.trim().is_empty() => kept_lines.push(left),
                Some(_) => {}
            }
        }
        if !kept_lines.is_empty() {
            let t = kept_lines.join("\n");
            rest.push(match b {
                Block::Para(_) => Block::Para(t),
                Block::Bullet(_) => Block::Bullet(t),
            });
        }
    }
    rest
}

fn separators() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| Regex::new(r"\s+[·|–—]\s+").expect("valid regex"))
}

/// A line that states the notice's date sets it: "Laatimispäivä 3.10.2019", "Päivitetty:
/// tammikuu 2025", "Voimassa 1.1.2025 alkaen", "Last updated: 2 June 2026", "Tämä seloste on
/// viimeksi päivitetty 19.2.2026.", or one part of "Tietosuojaseloste · Päivitetty 16.7.2026".
/// The words just before the date say which date it is (the vocabulary of the drafted and
/// updated headings); after it may stand only a word like "alkaen". Returns what is left of the
/// line to keep as text (empty when the line was nothing but the date), or `None` when the line
/// is not a date line and stays as it is.
fn date_line(m: &mut Mapper, line: &str, top: bool) -> Option<String> {
    fields::find_date(line)?;
    let parts: Vec<&str> = separators().split(line).collect();
    let mut kept: Vec<String> = Vec::new();
    let mut any = false;
    for part in &parts {
        match date_statement(m, part, line, top) {
            Some(left) => {
                any = true;
                if !left.is_empty() {
                    kept.push(left);
                }
            }
            None => kept.push(part.trim().to_string()),
        }
    }
    any.then(|| kept.join(" · "))
}

/// One part of a line as a date statement: sets the date and returns the words to keep (a
/// title before it), or `None` when it is not one.
fn date_statement(m: &mut Mapper, part: &str, line: &str, top: bool) -> Option<String> {
    let (date, matched) = fields::find_date(part)?;
    let at = part.find(&matched)?;
    let clean = |s: &str| {
        s.trim_matches(|c: char| c.is_whitespace() || "*_:,.;()[]-–".contains(c))
            .to_string()
    };
    let before = clean(&part[..at]);
    let after = clean(&part[at + matched.len()..]).to_lowercase();
    let v = vocab();
    if !after.is_empty() && !v.date_after.iter().any(|w| *w == after) {
        return None;
    }
    // The label: the last one to four words before the date ("päivitetty", "viimeksi
    // päivitetty", "gäller från och med").
    let words: Vec<&str> = before.split_whitespace().collect();
    let labelled = (1..=words.len().min(4)).find_map(|k| {
        let label = words[words.len() - k..].join(" ");
        let target = v
            .heading_targets(&label)
            .into_iter()
            .map(|t| t.0)
            .find(|t| matches!(t, Target::Drafted | Target::Updated))?;
        Some((target, clean(&words[..words.len() - k].join(" "))))
    });
    // At the top, a date alone or after the title is the date the notice was drawn up.
    let unlabelled = || {
        (top && after.is_empty() && (before.is_empty() || v.is_bare_title(&before)))
            .then(|| (Target::Drafted, before.clone()))
    };
    let (target, prefix) = labelled.or_else(unlabelled)?;
    let field = match target {
        Target::Drafted => &mut m.notice.meta.drafted,
        _ => &mut m.notice.meta.updated,
    };
    if !field.is_empty() && *field != date {
        // A second, different date ("Päivitetty 1.2.2024" in a change log) stays as text.
        return None;
    }
    *field = date.clone();
    // Every line that dates the notice is accounted for, the second "Effective from" too.
    m.recognise(target.pointer().into(), date, line);
    let prefix_words = prefix.split_whitespace().count();
    if prefix.is_empty() || prefix_words <= 4 || v.is_bare_title(&prefix) {
        // "Päivitetty 1.2.2024", "Tämä seloste on viimeksi päivitetty 1.2.2024.",
        // "TIETOSUOJASELOSTE päivitetty 1.2.2023" (Seloste writes the title itself): the date
        // was all the line said.
        Some(String::new())
    } else {
        // A longer sentence that also dates the notice stays whole.
        Some(part.trim().to_string())
    }
}

fn section(m: &mut Mapper, s: &Section) {
    let v = vocab();
    let dated = Section {
        heading: s.heading.clone(),
        blocks: without_date_lines(m, &s.blocks, false),
    };
    let s = &dated;
    // A section's own language, when it has enough words to tell.
    // A section's language: its text's if that has enough common words, else its heading's.
    let heading_lang = v.heading_targets(&s.heading).first().map(|t| t.1);
    m.lang = super::lang_of(s.blocks.iter().map(|b| b.text()), 3)
        .or(heading_lang)
        .unwrap_or(m.doc_lang);
    if !m.langs.contains(&m.lang) {
        m.langs.push(m.lang);
    }
    let mut targets: Vec<Target> = v
        .heading_targets(&s.heading)
        .into_iter()
        .map(|t| t.0)
        .collect();
    if targets
        .iter()
        .any(|t| matches!(t, Target::SecurityManual | Target::SecurityElectronic))
    {
        targets.retain(|t| !matches!(t, Target::Security));
    }
    if targets.contains(&Target::Contact) && targets.contains(&Target::Dpo) {
        targets.retain(|t| *t != Target::Dpo);
        m.report
            .notes
            .push(Note::new("heading_dpo", vec![s.heading.clone()]));
    }
    let Some(&primary) = targets.first() else {
        m.report.sections.push(SectionMap {
            heading: s.heading.clone(),
            to: Vec::new(),
        });
        // A section of its own on the basis ("Mihin käsittelymme perustuu?") still names it.
        for b in &s.blocks {
            m.note_bases(b.text());
        }
        let text = join_blocks(&s.blocks);
        m.other(&s.heading, &text);
        return;
    };
    m.report.sections.push(SectionMap {
        heading: s.heading.clone(),
        to: targets.iter().map(|t| t.pointer().to_string()).collect(),
    });
    if targets.contains(&Target::Interest) {
        push_basis(m, LegalBasis::LegitimateInterest);
    }
    match primary {
        Target::Controller | Target::Contact | Target::Dpo | Target::Representative => {
            party(m, primary, s);
            return;
        }
        Target::Drafted | Target::Updated => {
            let mut rest = Vec::new();
            for b in &s.blocks {
                let line = format!("{} {}", s.heading, b.text());
                let dated = fields::find_date(b.text()).is_some()
                    && date_line(m, &line, false)
                        .is_some_and(|left| left.trim() == s.heading.trim() || left.is_empty());
                if !dated {
                    rest.push(b.clone());
                }
            }
            let text = join_blocks(&rest);
            m.other(&s.heading, &text);
            return;
        }
        Target::Register => {
            let mut blocks = s.blocks.iter();
            if let Some(first) = blocks.next() {
                let mut lines = first.text().lines();
                let name = lines.next().unwrap_or("").trim().to_string();
                if m.notice.register.name.is_empty()
                    && !name.is_empty()
                    && name.chars().count() <= 120
                {
                    m.notice.register.name = m.text(&name);
                    m.recognise(format!("/register/name/{}", m.lang), name.clone(), &name);
                    let rest: Vec<&str> = lines.collect();
                    if !rest.is_empty() {
                        m.keep(
                            Slot::Text(NoticeSection::Register),
                            &s.heading,
                            &rest.join("\n"),
                        );
                    }
                } else {
                    m.keep(
                        Slot::Text(NoticeSection::Register),
                        &s.heading,
                        first.text(),
                    );
                }
            }
            for b in blocks {
                m.keep(Slot::Text(NoticeSection::Register), &s.heading, b.text());
            }
            return;
        }
        _ => {}
    }
    let purpose_only = targets == [Target::Purposes]
        && !v
            .bases
            .triggers
            .iter()
            .any(|t| contains_phrase(&s.heading, t))
        && !contains_phrase(&s.heading, "oikeusperuste*");
    let basis_list = basis_list_items(&s.heading, &s.blocks);
    for (b, in_list) in s.blocks.iter().zip(basis_list) {
        let t = route(&targets, b.text());
        m.in_basis_list = in_list && t == Target::Purposes;
        block(m, t, &s.heading, b, purpose_only);
        m.in_basis_list = false;
    }
}

/// Which blocks are items of a list of bases rather than of purposes: a run of list items
/// after a line that introduces bases ("Oikeusperusteet:") when one of them opens with a
/// basis, or a run whose items mostly open with a basis ("Suostumus (markkinointi)").
fn basis_list_items(heading: &str, blocks: &[Block]) -> Vec<bool> {
    let mut out = vec![false; blocks.len()];
    let mut label = basis::is_basis_label(heading);
    let mut i = 0;
    while i < blocks.len() {
        match &blocks[i] {
            Block::Para(p) => {
                label = basis::is_basis_label(p.lines().last().unwrap_or(""));
                i += 1;
            }
            Block::Bullet(_) => {
                let start = i;
                while i < blocks.len() && matches!(blocks[i], Block::Bullet(_)) {
                    i += 1;
                }
                let leads = blocks[start..i]
                    .iter()
                    .filter(|b| basis::leads_with_basis(b.text()).is_some())
                    .count();
                let n = i - start;
                if (label && leads >= 1) || (leads >= 2 && leads * 3 >= n * 2) {
                    out[start..i].iter_mut().for_each(|x| *x = true);
                }
            }
        }
    }
    out
}

/// The target among a heading's targets whose keywords the text hits most; ties go to the first.
fn route(targets: &[Target], text: &str) -> Target {
    if targets.len() == 1 {
        return targets[0];
    }
    let v = vocab();
    let lower = text.to_lowercase();
    let mut best = (0usize, targets[0]);
    for &t in targets {
        let hits = v
            .keywords(t)
            .iter()
            .filter(|k| lower.contains(k.as_str()))
            .count();
        if hits > best.0 {
            best = (hits, t);
        }
    }
    best.1
}

fn push_basis(m: &mut Mapper, b: LegalBasis) {
    if !m.bases.contains(&b) {
        m.bases.push(b);
    }
}

fn block(m: &mut Mapper, target: Target, heading: &str, b: &Block, purpose_only: bool) {
    let text = b.text().trim();
    if text.is_empty() {
        return;
    }
    let bullet = matches!(b, Block::Bullet(_));
    // A list item kept as free text keeps its dash, so the list stays a list.
    let kept = if bullet {
        format!("- {text}")
    } else {
        text.to_string()
    };
    let kept = kept.as_str();
    match target {
        Target::Purposes => {
            let reading = m.note_bases(text);
            if bullet && !m.in_basis_list && reading.blanket {
                // A purpose item's own basis ("Kirjanpito; peruste: lakisääteinen velvoite")
                // is that purpose's, never a statement about all the processing.
                m.blanket.pop();
            }
            if m.in_basis_list {
                // A list of bases is a list of bases: kept as written, each item remembered
                // for the purposes its words point to.
                let lead = basis::leads_with_basis(text);
                m.basis_items.push((text.to_string(), lead));
                m.keep(Slot::Text(NoticeSection::Purposes), heading, kept);
            } else if bullet {
                let i = m.notice.purposes.items.len();
                m.notice.purposes.items.push(purpose(m, text));
                m.recognise(format!("/purposes/items/{i}/text/{}", m.lang), text, text);
            } else {
                m.purpose_paras
                    .push((heading.to_string(), text.to_string(), purpose_only, m.lang));
            }
        }
        Target::Interest => {
            m.note_bases(text);
            m.interest
                .push((heading.to_string(), text.to_string(), m.lang));
        }
        Target::Subjects => {
            if bullet {
                let i = m.notice.register.subjects.len();
                m.notice.register.subjects.push(Item {
                    activities: Vec::new(),
                    key: String::new(),
                    text: m.text(text),
                    relation: None,
                });
                m.recognise(
                    format!("/register/subjects/{i}/text/{}", m.lang),
                    text,
                    text,
                );
            } else {
                m.keep(Slot::Text(NoticeSection::Register), heading, kept);
            }
        }
        Target::Data => {
            if bullet && !is_prose(text) {
                let i = m.notice.data.items.len();
                let required = text.contains('*').then_some(true);
                m.notice.data.items.push(DataCategory {
                    text: m.text(text),
                    required,
                    ..Default::default()
                });
                m.recognise(format!("/data/items/{i}/text/{}", m.lang), text, text);
            } else {
                m.keep(Slot::Text(NoticeSection::Data), heading, kept);
            }
        }
        Target::Sources => {
            if bullet && !is_prose(text) {
                let i = m.notice.sources.items.len();
                let from_subject = [
                    "itseltään",
                    "itseltäsi",
                    "själv",
                    "yourself",
                    "themselves",
                    "suoraan sinulta",
                ]
                .iter()
                .any(|k| text.to_lowercase().contains(k));
                let public = [
                    "julkis",
                    "kaupparekister",
                    "offentlig",
                    "handelsregist",
                    "public",
                ]
                .iter()
                .any(|k| text.to_lowercase().contains(k));
                m.notice.sources.items.push(Source {
                    text: m.text(text),
                    from_subject,
                    public,
                    ..Default::default()
                });
                m.recognise(format!("/sources/items/{i}/text/{}", m.lang), text, text);
            } else {
                m.keep(Slot::Text(NoticeSection::Sources), heading, kept);
            }
        }
        Target::Recipients => {
            if bullet && !is_prose(text) {
                let i = m.notice.recipients.items.len();
                m.notice.recipients.items.push(Recipient {
                    description: m.text(text),
                    ..Default::default()
                });
                m.recognise(
                    format!("/recipients/items/{i}/description/{}", m.lang),
                    text,
                    text,
                );
            } else {
                m.keep(Slot::Text(NoticeSection::Recipients), heading, kept);
            }
        }
        Target::Transfers => {
            m.keep(Slot::Text(NoticeSection::Transfers), heading, kept);
        }
        Target::Retention => {
            if let Some(period) = fields::find_period(text) {
                let i = m.notice.retention.items.len();
                m.notice.retention.items.push(Retention {
                    period: Some(period),
                    criteria: m.text(text),
                    ..Default::default()
                });
                let unit = match period.unit {
                    crate::model::Unit::Days => "days",
                    crate::model::Unit::Months => "months",
                    crate::model::Unit::Years => "years",
                };
                m.recognise(
                    format!("/retention/items/{i}/period"),
                    format!("{} {unit}", period.amount),
                    text,
                );
                m.recognise(
                    format!("/retention/items/{i}/criteria/{}", m.lang),
                    text,
                    text,
                );
            } else {
                m.keep(Slot::Text(NoticeSection::Retention), heading, kept);
            }
        }
        Target::Security | Target::SecurityManual | Target::SecurityElectronic => {
            security(m, target, heading, text, kept)
        }
        Target::Cookies => {
            if m.notice.cookies.used.is_none() {
                let neg = [
                    "emme käytä evästeitä",
                    "ei käytetä evästeitä",
                    "ei käytä evästeitä",
                    "använder inte kakor",
                    "inga kakor",
                    "do not use cookies",
                    "does not use cookies",
                ];
                let lower = text.to_lowercase();
                let used = !neg.iter().any(|n| lower.contains(n));
                m.notice.cookies.used = Some(used);
                m.recognise("/cookies/used".into(), used.to_string(), text);
            }
            m.keep(Slot::Text(NoticeSection::Cookies), heading, kept);
        }
        Target::Automated => {
            m.keep(Slot::Text(NoticeSection::Automated), heading, kept);
        }
        Target::Rights => m.keep(Slot::Text(NoticeSection::Rights), heading, kept),
        Target::RightsHowTo => m.keep(Slot::RightsHowTo, heading, kept),
        Target::Changes => {
            let mut rest = Vec::new();
            for line in text.lines() {
                match change_entry(line) {
                    Some((date, what)) => {
                        let i = m.notice.changes.log.len();
                        m.notice.changes.log.push(ChangeEntry {
                            date: date.clone(),
                            text: m.text(&what),
                        });
                        m.recognise(format!("/changes/log/{i}/date"), date, line);
                        m.recognise(format!("/changes/log/{i}/text/{}", m.lang), what, line);
                    }
                    None => rest.push(line),
                }
            }
            if !rest.is_empty() {
                m.keep(
                    Slot::Text(NoticeSection::Changes),
                    heading,
                    &rest.join("\n"),
                );
            }
        }
        // Party and date targets are handled per section; a paragraph routed here stays text.
        Target::Controller
        | Target::Contact
        | Target::Dpo
        | Target::Representative
        | Target::Register
        | Target::Drafted
        | Target::Updated => m.keep(Slot::Text(NoticeSection::Register), heading, kept),
    }
}

/// A bullet that is really prose (several sentences) stays in the free text.
fn is_prose(text: &str) -> bool {
    fields::sentences(text).len() > 1 && text.chars().count() > 120
}

fn purpose(m: &Mapper, text: &str) -> Purpose {
    let lower = text.to_lowercase();
    Purpose {
        text: m.text(text),
        direct_marketing: [
            "suoramarkkinoin",
            "sähköinen markkinointi",
            "direktmarknadsföring",
            "direct marketing",
        ]
        .iter()
        .any(|k| lower.contains(k)),
        profiling: ["profiloin", "profilering", "profiling"]
            .iter()
            .any(|k| lower.contains(k)),
        ..Default::default()
    }
}

fn security(m: &mut Mapper, target: Target, heading: &str, text: &str, kept: &str) {
    let v = vocab();
    // "A. Manuaalinen aineisto…" / "B: ATK:lla käsiteltävät…": a sub-heading glued to its text.
    let (kind, body) = match target {
        Target::SecurityManual => (Some(Target::SecurityManual), text),
        Target::SecurityElectronic => (Some(Target::SecurityElectronic), text),
        _ => {
            let head: String = text.chars().take(60).collect();
            let sub = v
                .heading_targets(&head)
                .into_iter()
                .map(|t| t.0)
                .find(|t| matches!(t, Target::SecurityManual | Target::SecurityElectronic));
            let lettered = text.len() > 3
                && text.as_bytes()[0].is_ascii_uppercase()
                && matches!(text.as_bytes()[1], b'.' | b':' | b')');
            match sub {
                Some(t) if lettered => (Some(t), text),
                _ => (None, text),
            }
        }
    };
    match kind {
        Some(k) => {
            // "B. Sähköisesti käsiteltävät tiedotPääsy …": the sub-heading ends where a
            // lower-case letter runs into an upper-case one; the item keeps the text after it.
            let body = if target == Target::Security {
                strip_glued_heading(body)
            } else {
                body
            };
            let item = Item {
                activities: Vec::new(),
                key: String::new(),
                text: m.text(body),
                relation: None,
            };
            let (list, name) = if k == Target::SecurityManual {
                (&mut m.notice.security.manual, "manual")
            } else {
                (&mut m.notice.security.electronic, "electronic")
            };
            let i = list.len();
            list.push(item);
            let lang = m.lang;
            m.recognise(format!("/security/{name}/{i}/text/{lang}"), body, text);
        }
        None => m.keep(Slot::Text(NoticeSection::Security), heading, kept),
    }
}

fn strip_glued_heading(text: &str) -> &str {
    let chars: Vec<(usize, char)> = text.char_indices().take(80).collect();
    for w in chars.windows(2) {
        let ((_, a), (j, b)) = (w[0], w[1]);
        if a.is_lowercase() && b.is_uppercase() {
            return &text[j..];
        }
    }
    // "A. Manuaalinen aineisto: Manuaalista …" or a sub-heading on its own line.
    if let Some((head, rest)) = text.split_once('\n')
        && head.chars().count() <= 60
        && !rest.trim().is_empty()
    {
        return rest.trim_start();
    }
    text
}

/// "22.1.2019 Julkaistu …": a dated change-log line.
fn change_entry(line: &str) -> Option<(String, String)> {
    let (date, matched) = fields::find_date(line)?;
    let rest = line.trim().strip_prefix(matched.as_str())?.trim();
    (!rest.is_empty()).then(|| {
        (
            date,
            rest.trim_start_matches([':', '-', '–']).trim().to_string(),
        )
    })
}

fn party(m: &mut Mapper, target: Target, s: &Section) {
    let lines: Vec<&str> = s.blocks.iter().flat_map(|b| b.text().lines()).collect();
    // A contact person inside the controller's block ("Yhteyshenkilö: Anna Virtanen, puh. …")
    // is the contact, not more of the controller: the labelled line is the contact's (unless
    // the notice has a contact section of its own); the lines around it, the address and the
    // e-mail of the business, stay the controller's.
    let split = (target == Target::Controller && m.notice.contact.is_none())
        .then(|| {
            lines
                .iter()
                .position(|l| fields::contact_label(l))
                .filter(|&i| i > 0)
        })
        .flatten();
    let business: Vec<&str> = match split {
        // "Yhteydet rekisteriasioissa:" alone on its line heads the contact's lines below it.
        Some(i) if fields::contact_label_rest(lines[i]).is_some_and(str::is_empty) => {
            party_lines(m, Target::Contact, &s.heading, &lines[i..]);
            lines[..i].to_vec()
        }
        Some(i) => {
            party_lines(m, Target::Contact, &s.heading, &lines[i..=i]);
            lines[..i].iter().chain(&lines[i + 1..]).copied().collect()
        }
        None => lines,
    };
    // Several controllers in one block (three sole traders sharing a salon): each its own;
    // a line above them (the salon's name) stays as the notice wrote it.
    if target == Target::Controller
        && let Some((lead, groups)) = fields::controller_groups(&business)
    {
        for g in &groups {
            party_lines(m, target, &s.heading, g);
        }
        m.other(&s.heading, &lead.join("\n"));
        return;
    }
    party_lines(m, target, &s.heading, &business);
}

fn party_lines(m: &mut Mapper, target: Target, heading: &str, lines: &[&str]) {
    let PartyParse {
        mut party,
        mut fields,
        leftover,
    } = fields::parse_party(lines);
    // "Kampaamo Kultahius (Tmi Anna Virtanen)", "Virtanen Oy, aputoiminimi Kultahius": the
    // legal name and the trading name apart.
    if let Some((legal, trading)) = fields::trading_name(&party.name) {
        let source = fields
            .iter()
            .find(|f| f.0 == "name")
            .map(|f| f.2.clone())
            .unwrap_or_default();
        fields.retain(|f| f.0 != "name");
        fields.push(("name".into(), legal.clone(), source.clone()));
        fields.push(("trading_name".into(), trading.clone(), source));
        party.kind = fields::kind_of(&legal).or(party.kind);
        party.name = legal;
        party.trading_name = trading;
    }
    let taken = match target {
        Target::Controller => false,
        Target::Contact => m.notice.contact.is_some(),
        Target::Dpo => m.notice.dpo.is_some(),
        _ => m.notice.representative.is_some(),
    };
    // A second contact section keeps its words as text rather than overwrite the first.
    let found = !fields.is_empty() && !taken;
    let prefix = match target {
        Target::Controller => format!("/controllers/{}", m.notice.controllers.len()),
        Target::Contact => "/contact".to_string(),
        Target::Dpo => "/dpo".to_string(),
        _ => "/representative".to_string(),
    };
    if found {
        if !party.business_id.is_empty() && !fields::business_id_ok(&party.business_id) {
            m.report.notes.push(Note::new(
                "business_id_invalid",
                vec![party.business_id.clone()],
            ));
        }
        if target != Target::Controller && party.kind.is_none() && looks_like_person(&party.name) {
            party.kind = Some(crate::model::EntityKind::Person);
        }
        for (f, value, source) in fields {
            m.recognise(format!("{prefix}/{f}"), value, &source);
        }
        match target {
            Target::Controller => m.notice.controllers.push(party),
            Target::Contact => m.notice.contact = Some(party),
            Target::Dpo => m.notice.dpo = Some(party),
            _ => m.notice.representative = Some(party),
        }
    }
    let rest = if found {
        leftover.join("\n")
    } else {
        lines.join("\n")
    };
    m.other(heading, &rest);
}

/// "Elina Laukkanen": two or three capitalised words and nothing else.
fn looks_like_person(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    (2..=3).contains(&words.len())
        && words.iter().all(|w| {
            let mut cs = w.chars();
            cs.next().is_some_and(char::is_uppercase) && cs.all(|c| c.is_lowercase() || c == '-')
        })
}

/// Choose the purpose items, give them the legal basis if the notice names exactly one, and
/// keep the other purpose paragraphs as text.
fn finish_purposes(m: &mut Mapper) {
    let paras = std::mem::take(&mut m.purpose_paras);
    let mut chosen: Option<usize> = None;
    if m.notice.purposes.items.is_empty() && !paras.is_empty() {
        let keywords = [
            "tarkoitu",
            "käyttötarkoitu",
            "käytetään",
            "ändamål",
            "används",
            "purpose",
            "we use",
        ];
        let v = vocab();
        // Paragraphs under a heading that names purposes first ("Syfte med behandling och
        // rättslig grund"), not text routed here from a combined heading of another kind.
        let own = |h: &str| v.heading_targets(h).first().map(|t| t.0) == Some(Target::Purposes);
        let has_kw = |p: &str| keywords.iter().any(|k| p.to_lowercase().contains(k));
        chosen = paras
            .iter()
            .position(|(h, p, _, _)| own(h) && has_kw(p))
            .or_else(|| {
                paras
                    .iter()
                    .position(|(h, p, _, _)| own(h) && !basis::read(p).bases.is_empty())
            })
            .or_else(|| paras.iter().position(|(_, p, _, _)| has_kw(p)))
            .or_else(|| paras.iter().position(|(_, _, only, _)| *only))
            .or(Some(0));
    }
    for (i, (heading, p, _, lang)) in paras.iter().enumerate() {
        m.lang = *lang;
        if Some(i) == chosen {
            let n = m.notice.purposes.items.len();
            let item = purpose(m, p);
            m.notice.purposes.items.push(item);
            m.recognise(format!("/purposes/items/{n}/text/{lang}"), p.clone(), p);
        } else {
            m.keep(Slot::Text(NoticeSection::Purposes), heading, p);
        }
    }
    m.bases.sort();
    assign_bases(m);
    assign_laws(m);
    m.lang = m.doc_lang;
}

/// A purpose whose own words name the law that requires it ("kirjanpitolain 2 luvun 10 §:n
/// mukainen kirjanpito", "föreningslagen 11 §") records that law with the provision cited. One
/// whose basis is not given is suggested the legal obligation (the owner confirms it); a
/// purpose on another basis that mentions a law keeps its words and gets no law.
fn assign_laws(m: &mut Mapper) {
    for i in 0..m.notice.purposes.items.len() {
        let item = &m.notice.purposes.items[i];
        let basis = item.basis;
        if !matches!(
            basis,
            None | Some(LegalBasis::LegalObligation | LegalBasis::PublicTask)
        ) {
            continue;
        }
        let Some((text, _)) = item.text.resolve(m.doc_lang) else {
            continue;
        };
        let text = text.to_string();
        let Some((act, section)) = crate::check::laws::duty_act(&text) else {
            continue;
        };
        m.notice.purposes.items[i].law = Some(crate::model::LawRef {
            act: act.to_string(),
            section: section.clone(),
        });
        let shown = if section.is_empty() {
            act.to_string()
        } else {
            format!("{act} {section}")
        };
        m.recognise(format!("/purposes/items/{i}/law"), shown, &text);
        if basis.is_none() {
            m.report.suggestions.push(Suggestion {
                field: format!("/purposes/items/{i}/basis"),
                value: "legal_obligation".into(),
                code: "basis_law".into(),
                source: text.chars().take(120).collect(),
            });
        }
    }
}

/// Each purpose gets the basis its own words name. A purpose whose words name none gets the
/// basis of a sentence about all the processing, when that is the only basis the notice names
/// (marked for a look). A list of bases never stamps purposes: where an item's words point to
/// exactly one purpose ("Suostumus (uutiskirje)"), that is a suggestion in the report.
fn assign_bases(m: &mut Mapper) {
    let blanket = match m.blanket.first() {
        Some((b, text)) if m.bases == [*b] => Some((*b, text.clone())),
        _ => None,
    };
    let mut without = Vec::new();
    for i in 0..m.notice.purposes.items.len() {
        let item = &m.notice.purposes.items[i];
        let (text, lang) = match item.text.resolve(m.doc_lang) {
            Some((t, l)) => (t.to_string(), l),
            None => continue,
        };
        let own = basis::read(&text);
        let value = |b: LegalBasis| {
            serde_json::to_value(b)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default()
        };
        if let Some(b) = own.single() {
            m.notice.purposes.items[i].basis = Some(b);
            m.recognise(format!("/purposes/items/{i}/basis"), value(b), &text);
        } else if own.bases.is_empty()
            && !own.unclear
            && let Some((b, source)) = &blanket
        {
            m.notice.purposes.items[i].basis = Some(*b);
            m.recognise_as(
                format!("/purposes/items/{i}/basis"),
                value(*b),
                source,
                Confidence::Check,
            );
        } else {
            if !own.bases.is_empty() || own.unclear {
                m.report.notes.push(Note::new(
                    "basis_unclear",
                    vec![text.chars().take(80).collect()],
                ));
            }
            without.push((i, text, lang));
        }
    }
    if let Some((b, _)) = &blanket
        && m.notice.purposes.items.iter().any(|p| p.basis == Some(*b))
    {
        let name = basis_name(*b, m.doc_lang);
        m.report.notes.push(Note::new("basis_blanket", vec![name]));
    }
    // A list item's words ("Suostumus (markkinointiviestintä, uutiskirje)") pointing to
    // exactly one purpose without a basis.
    for (item, lead) in &m.basis_items {
        let (Some(b), Some(q)) = (lead, basis::qualifier(item)) else {
            continue;
        };
        for part in q.split([',', ';']) {
            let hits: Vec<usize> = without
                .iter()
                .filter(|(_, t, _)| basis::shares_stem(part, t) > 0)
                .map(|x| x.0)
                .collect();
            if let [i] = hits[..] {
                let field = format!("/purposes/items/{i}/basis");
                let value = serde_json::to_value(b)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default();
                if !m.report.suggestions.iter().any(|s| s.field == field) {
                    m.report.suggestions.push(Suggestion {
                        field,
                        value,
                        code: "basis_list".into(),
                        source: item.clone(),
                    });
                }
            }
        }
    }
    for (c, source) in std::mem::take(&mut m.art9) {
        m.report.suggestions.push(Suggestion {
            field: "/data/special".into(),
            value: serde_json::to_value(c)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default(),
            code: "art9".into(),
            source,
        });
    }
    // The legitimate interest described goes on the purposes that rest on it.
    let interest = std::mem::take(&mut m.interest);
    let mut interest_text = Text::default();
    for (_, t, lang) in &interest {
        let field = interest_text.get_mut(*lang);
        if !field.is_empty() {
            field.push_str("\n\n");
        }
        field.push_str(t);
    }
    let on_items = !interest_text.is_empty()
        && m.notice
            .purposes
            .items
            .iter()
            .any(|p| p.basis == Some(LegalBasis::LegitimateInterest));
    if on_items {
        for p in &mut m.notice.purposes.items {
            if p.basis == Some(LegalBasis::LegitimateInterest) {
                p.interest = interest_text.clone();
            }
        }
    } else {
        for (h, t, lang) in &interest {
            m.lang = *lang;
            m.keep(Slot::Text(NoticeSection::Purposes), h, t);
        }
    }
    if !m.bases.is_empty() && !without.is_empty() {
        let names: Vec<String> = m.bases.iter().map(|b| basis_name(*b, m.doc_lang)).collect();
        m.report
            .notes
            .push(Note::new("bases_unassigned", vec![names.join(", ")]));
    }
}

fn basis_name(b: LegalBasis, lang: Lang) -> String {
    let (fi, sv, en) = match b {
        LegalBasis::Consent => ("suostumus", "samtycke", "consent"),
        LegalBasis::Contract => ("sopimus", "avtal", "contract"),
        LegalBasis::LegalObligation => (
            "lakisääteinen velvoite",
            "rättslig förpliktelse",
            "legal obligation",
        ),
        LegalBasis::VitalInterests => (
            "elintärkeät edut",
            "grundläggande intressen",
            "vital interests",
        ),
        LegalBasis::PublicTask => ("yleinen etu", "allmänt intresse", "public task"),
        LegalBasis::LegitimateInterest => (
            "oikeutettu etu",
            "berättigat intresse",
            "legitimate interest",
        ),
    };
    let name = match lang {
        Lang::Fi => fi,
        Lang::Sv => sv,
        Lang::En => en,
    };
    format!("{name} {}", b.article())
}

/// Services named in a section become recipients with the catalogue's details; where the notice
/// itself names Privacy Shield for the service, that is what the draft records.
fn add_services(m: &mut Mapper, text: &str) {
    for found in services::recognise(text) {
        if m.notice
            .recipients
            .items
            .iter()
            .any(|r| !r.key.is_empty() && r.key == found.recipient.key)
        {
            continue;
        }
        // A service seen only in an e-mail address or a web address ("…@gmail.com") is an
        // inference, not the notice's word: a suggestion for the owner, not a recipient.
        if !named_in_words(&found.sentence, &found.recipient.key) {
            if !m
                .report
                .suggestions
                .iter()
                .any(|g| g.value == found.recipient.key)
            {
                m.report.suggestions.push(Suggestion {
                    field: "/recipients/items".into(),
                    value: found.recipient.key.clone(),
                    code: "email_service".into(),
                    source: found.sentence.clone(),
                });
            }
            continue;
        }
        let mut r = found.recipient;
        if found.privacy_shield {
            r.mechanism = Some(Mechanism::PrivacyShield);
            m.report.notes.push(Note::new(
                "notice_mechanism",
                vec![r.name.clone(), "Privacy Shield".into()],
            ));
        }
        let i = m.notice.recipients.items.len();
        m.recognise(
            format!("/recipients/items/{i}/key"),
            r.key.clone(),
            &found.sentence,
        );
        m.recognise(
            format!("/recipients/items/{i}/name"),
            r.name.clone(),
            &found.sentence,
        );
        if !r.country.is_empty() {
            // The country is the catalogue's, not the notice's: for a look.
            m.recognise_as(
                format!("/recipients/items/{i}/country"),
                r.country.clone(),
                &found.sentence,
                Confidence::Check,
            );
        }
        m.notice.recipients.items.push(r);
    }
}

/// Does the sentence name the service in its words, not only inside an e-mail or web address?
fn named_in_words(sentence: &str, key: &str) -> bool {
    let words: String = sentence
        .split_whitespace()
        .filter(|w| !(w.contains('@') || w.contains("://") || w.starts_with("www.")))
        .collect::<Vec<_>>()
        .join(" ");
    crate::catalogue::find_services(&words)
        .iter()
        .any(|s| s.key == key)
}

/// Write the kept paragraphs into their fields: the first group as it is, each later group under
/// its own heading so the original's structure stays visible.
fn finish_texts(m: &mut Mapper) {
    let texts = std::mem::take(&mut m.texts);
    for ((slot, lang), groups) in texts {
        let mut out: Vec<String> = Vec::new();
        let mut headings: Vec<String> = Vec::new();
        for (gi, (heading, paras)) in groups.iter().enumerate() {
            if gi > 0 && !heading.is_empty() && !headings.contains(heading) {
                out.push(heading.clone());
            }
            if !heading.is_empty() && !headings.contains(heading) {
                headings.push(heading.clone());
            }
            out.extend(paras.iter().cloned());
        }
        let text = out.join("\n\n");
        if text.trim().is_empty() {
            continue;
        }
        let field = slot.field(&mut m.notice);
        *field.get_mut(lang) = text.clone();
        m.report.kept_as_text.push(Kept {
            field: format!("{}/{}", slot.pointer(), lang),
            heading: headings.join(" | "),
            chars: text.chars().count(),
        });
    }
    if m.langs.len() > 1 {
        let names: Vec<String> = m.langs.iter().map(|l| l.code().to_string()).collect();
        m.report
            .notes
            .push(Note::new("languages", vec![names.join(", ")]));
    }
}
