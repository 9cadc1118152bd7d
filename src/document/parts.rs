//! The blocks of each section of the notice, one function per section (`Section`), in the
//! order of the notice. `build` in the parent module calls them through `blocks`.

use super::*;
use crate::section::Section;

/// The blocks of section `s` (empty when it has nothing to say, and is then left out).
pub(super) fn blocks(s: Section, c: &Ctx) -> Vec<Block> {
    match s {
        Section::Controller => controller(c),
        Section::Contact => contact(c),
        Section::Dpo => dpo(c),
        Section::Register => register(c),
        Section::Subjects => subjects(c),
        Section::Purposes => purposes(c),
        Section::Data => data(c),
        Section::Sources => sources(c),
        Section::Recipients => recipients(c),
        Section::Transfers => transfers(c),
        Section::Retention => retention(c),
        Section::Security => security(c),
        Section::Cookies => cookies(c),
        Section::Automated => automated(c),
        Section::Rights => rights(c),
        Section::Complaint => complaint(c),
        Section::Laws => laws(c),
        Section::Changes => changes(c),
    }
}

/// The heading of section `s`: from `output.json`, the controller's in the plural when there
/// are several, the complaint's the right's own title.
pub(super) fn heading(s: Section, c: &Ctx) -> String {
    match s {
        Section::Controller if c.notice.controllers.len() > 1 => c.s("h_controllers").to_string(),
        Section::Register if !c.notice.register.activities.is_empty() => {
            c.s("h_registers").to_string()
        }
        Section::Complaint => complaint_right(c)
            .map(|r| r.title(c.lang).to_string())
            .unwrap_or_default(),
        _ => s
            .heading_key()
            .map(|k| c.s(k))
            .unwrap_or_default()
            .to_string(),
    }
}

/// The controller or controllers, their arrangement and the representative.
pub(super) fn controller(c: &Ctx) -> Vec<Block> {
    let notice = c.notice;
    let mut blocks = Vec::new();
    for p in &notice.controllers {
        blocks.extend(c.party_blocks(p, None));
    }
    if notice.controllers.len() > 1 || !notice.joint_arrangement.is_empty() {
        let arr = c.user_blocks(&notice.joint_arrangement);
        if !arr.is_empty() {
            blocks.push(Block::Subheading {
                content: vec![Inline::plain(c.s("h_joint_arrangement"))],
            });
            blocks.extend(arr);
        }
    }
    if let Some(r) = &notice.representative {
        let rb = c.party_blocks(r, None);
        if !rb.is_empty() {
            blocks.push(Block::Subheading {
                content: vec![Inline::plain(c.s("h_representative"))],
            });
            // The representative's own name follows as a plain line, not another heading.
            for b in rb {
                match b {
                    Block::Subheading { content } => blocks.push(Block::Paragraph { content }),
                    other => blocks.push(other),
                }
            }
        }
    }
    blocks
}

/// The contact person for matters of the register.
pub(super) fn contact(c: &Ctx) -> Vec<Block> {
    let notice = c.notice;
    notice
        .contact
        .as_ref()
        .map(|p| c.party_blocks(p, notice.controllers.first()))
        .unwrap_or_default()
}

/// The data protection officer.
pub(super) fn dpo(c: &Ctx) -> Vec<Block> {
    c.notice
        .dpo
        .as_ref()
        .map(|p| c.party_blocks(p, None))
        .unwrap_or_default()
}

/// The register's name; for a notice that covers several registers, each with what it is.
pub(super) fn register(c: &Ctx) -> Vec<Block> {
    let mut blocks: Vec<Block> = c
        .user(&c.notice.register.name)
        .map(|n| vec![Block::Paragraph { content: vec![n] }])
        .unwrap_or_default();
    let acts = &c.notice.register.activities;
    if !acts.is_empty() {
        // Whether items are the registers' own, shared, or both decides how the intro reads.
        let n = c.notice;
        let shared = n.ref_lists().any(|(_, refs)| refs.is_empty());
        let intro = match (n.activity_refs().is_empty(), shared) {
            (true, _) => "l_registers_intro_shared",
            (false, false) => "l_registers_intro_separate",
            (false, true) => "l_registers_intro",
        };
        blocks.push(Block::Paragraph {
            content: vec![Inline::plain(c.s(intro))],
        });
        let items = acts
            .iter()
            .map(|a| {
                let mut v = vec![activity_name(c, a)];
                if let Some(t) = c.user(&a.text) {
                    v.push(Inline::plain(" – "));
                    v.push(t);
                }
                v
            })
            .collect();
        blocks.push(Block::List { items });
    }
    blocks
}

/// A register's name in bold (its id when it has none: the checker asks for a name).
fn activity_name(c: &Ctx, a: &crate::model::Activity) -> Inline {
    match c.user(&a.name) {
        Some(Inline::Text {
            text, lang, note, ..
        }) => Inline::Text {
            text,
            strong: true,
            lang,
            note,
        },
        _ => Inline::strong(a.id.clone()),
    }
}

/// A section's items as lists. When the notice covers one register: one list. When it covers
/// several: first what every register shares (under "All registers" when some item is a
/// register's own), then each register's own items under its name. An item that names a
/// register the notice does not have is shown with what all share, never dropped.
fn lists<T>(
    c: &Ctx,
    items: &[T],
    refs: impl Fn(&T) -> &[String],
    mut line: impl FnMut(&T) -> Option<Vec<Inline>>,
) -> Vec<Block> {
    let acts = &c.notice.register.activities;
    let known = |x: &T| -> bool { refs(x).iter().any(|r| acts.iter().any(|a| a.id == *r)) };
    let lines: Vec<(&T, Vec<Inline>)> = items
        .iter()
        .filter_map(|x| line(x).map(|l| (x, l)))
        .collect();
    let mut blocks = Vec::new();
    // One register (the usual notice): one list, its lines moved, not copied.
    if !lines.iter().any(|(x, _)| known(x)) {
        if !lines.is_empty() {
            blocks.push(Block::List {
                items: lines.into_iter().map(|(_, l)| l).collect(),
            });
        }
        return blocks;
    }
    let common: Vec<Vec<Inline>> = lines
        .iter()
        .filter(|(x, _)| !known(x))
        .map(|(_, l)| l.clone())
        .collect();
    if !common.is_empty() {
        blocks.push(Block::Subheading {
            content: vec![Inline::plain(c.s("h_all_registers"))],
        });
        blocks.push(Block::List { items: common });
    }
    for a in acts {
        let own: Vec<Vec<Inline>> = lines
            .iter()
            .filter(|(x, _)| refs(x).iter().any(|r| *r == a.id))
            .map(|(_, l)| l.clone())
            .collect();
        if !own.is_empty() {
            blocks.push(Block::Subheading {
                content: vec![activity_name(c, a)],
            });
            blocks.push(Block::List { items: own });
        }
    }
    blocks
}

/// The people the data is about.
pub(super) fn subjects(c: &Ctx) -> Vec<Block> {
    let notice = c.notice;
    let mut blocks = lists(
        c,
        &notice.register.subjects,
        |i| &i.activities,
        |i| c.user(&i.text).map(|t| vec![t]),
    );
    blocks.extend(c.user_blocks(&notice.register.text));
    blocks
}

/// Where the data comes from.
pub(super) fn sources(c: &Ctx) -> Vec<Block> {
    let notice = c.notice;
    let items = lists(
        c,
        &notice.sources.items,
        |x| &x.activities,
        |s| {
            let t = c.user(&s.text)?;
            // A source's own words say when it is the reader; other sources say whether
            // they are publicly available (Art. 14(2)(f)).
            if s.from_subject {
                return Some(vec![t]);
            }
            let tag = if s.public {
                "l_public_source"
            } else {
                "l_nonpublic_source"
            };
            Some(vec![t, Inline::plain(format!(" ({})", c.s(tag)))])
        },
    );
    let mut blocks = items;
    blocks.extend(c.user_blocks(&notice.sources.text));
    blocks
}

/// How long the data is kept.
pub(super) fn retention(c: &Ctx) -> Vec<Block> {
    let notice = c.notice;
    let items = lists(
        c,
        &notice.retention.items,
        |x| &x.activities,
        |r| {
            let mut v = Vec::new();
            if let Some(a) = c.user(&r.applies_to) {
                v.push(a);
            }
            let mut rest = Vec::new();
            if let Some(p) = r.period {
                rest.push(Inline::strong(c.period(p)));
            }
            if let Some(cr) = c.user(&r.criteria) {
                // "3 vuotta viimeisestä käynnistäsi", "3 years after your last visit": a
                // criterion that says from when the period runs continues it without a comma.
                let from_when = r
                    .criteria
                    .resolve(c.lang)
                    .is_some_and(|(t, _)| continues_sentence(t, c.s("l_period_from")));
                if !rest.is_empty() {
                    rest.push(Inline::plain(if from_when { " " } else { ", " }));
                }
                rest.push(cr);
            }
            if rest.is_empty() {
                return None;
            }
            if !v.is_empty() {
                v.push(Inline::plain(": "));
            }
            v.extend(rest);
            Some(v)
        },
    );
    let mut blocks = items;
    blocks.extend(c.user_blocks(&notice.retention.text));
    blocks
}

/// How the data is protected: A manual, B electronic.
pub(super) fn security(c: &Ctx) -> Vec<Block> {
    let notice = c.notice;
    let mut blocks = Vec::new();
    for (key, list) in [
        ("h_security_manual", &notice.security.manual),
        ("h_security_electronic", &notice.security.electronic),
    ] {
        let items: Vec<Vec<Inline>> = list
            .iter()
            .filter_map(|i| c.user(&i.text))
            .map(|i| vec![i])
            .collect();
        if !items.is_empty() {
            blocks.push(Block::Subheading {
                content: vec![Inline::plain(c.s(key))],
            });
            blocks.push(Block::List { items });
        }
    }
    blocks.extend(c.user_blocks(&notice.security.text));
    blocks
}

/// Changes and the dated change log, newest first.
pub(super) fn changes(c: &Ctx) -> Vec<Block> {
    let notice = c.notice;
    let mut blocks = c.user_blocks(&notice.changes.text);
    let mut log: Vec<_> = notice.changes.log.iter().collect();
    log.sort_by(|a, b| b.date.cmp(&a.date));
    let items: Vec<Vec<Inline>> = log
        .into_iter()
        .map(|e| {
            let mut v = vec![Inline::strong(format_date(&e.date, c.lang))];
            if let Some(t) = c.user(&e.text) {
                v.push(Inline::plain(": "));
                v.push(t);
            }
            v
        })
        .collect();
    if !items.is_empty() {
        blocks.push(Block::List { items });
    }
    blocks
}

/// The laws that apply, derived from the notice, when the owner wants them listed.
pub(super) fn laws(c: &Ctx) -> Vec<Block> {
    let notice = c.notice;
    if !notice.meta.list_laws {
        return Vec::new();
    }
    let items: Vec<Vec<Inline>> = crate::applicable::applicable(notice)
        .into_iter()
        .filter_map(|a| a.name.get(c.lang))
        .map(|name| vec![Inline::plain(name)])
        .collect();
    let mut blocks = Vec::new();
    if !items.is_empty() {
        blocks.push(Block::Paragraph {
            content: vec![Inline::plain(c.s("laws_intro"))],
        });
        blocks.push(Block::List { items });
    }
    blocks
}

pub(super) fn purposes(c: &Ctx) -> Vec<Block> {
    let n = c.notice;
    let mut blocks = Vec::new();
    // Citations gathered for one note at the end: (what, article).
    let mut refs: Vec<(String, &'static str)> = Vec::new();
    let mut cite = |what: String, article: &'static str| {
        if !refs.iter().any(|(w, a)| *w == what && *a == article) {
            refs.push((what, article));
        }
    };
    let items = lists(
        c,
        &n.purposes.items,
        |x| &x.activities,
        |p| {
            let text = c.user(&p.text)?;
            let gap = sentence_gap(&text);
            let mut v = vec![text, Inline::plain(gap)];
            match p.basis {
                Some(LegalBasis::LegitimateInterest) if c.user(&p.interest).is_some() => {
                    let i = c.user(&p.interest).expect("checked above");
                    let end = sentence_gap(&i).trim_end().to_string();
                    v.extend(fill(c.s("l_basis_interest"), "{i}", i));
                    v.push(Inline::plain(end));
                }
                Some(b) => {
                    let phrase = c.s(basis_phrase_key(b));
                    v.push(Inline::plain(format!(
                        "{}.",
                        c.s("l_basis_of").replace("{b}", phrase)
                    )));
                }
                None => v.push(Inline::plain(c.s("l_basis_missing"))),
            }
            if let Some(law) = p.law.as_ref().and_then(|l| law_ref(l, c.lang)) {
                v.push(Inline::plain(format!(
                    " {}",
                    c.s("l_law_of").replace("{l}", &law)
                )));
            }
            if p.basis == Some(LegalBasis::Consent)
                && let Some(m) = p.consent_method
            {
                v.push(Inline::plain(format!(" {}", c.s(consent_method_key(m)))));
            }
            if let Some(b) = p.basis {
                cite(c.s(basis_key(b)).to_lowercase(), b.article());
            }
            if p.profiling {
                v.push(Inline::plain(format!(" {}", c.s("l_profiling"))));
            }
            Some(v)
        },
    );
    blocks.extend(items);
    blocks.extend(c.user_blocks(&n.purposes.text));

    // Special categories with their Art. 9(2) condition.
    let special: Vec<Vec<Inline>> = n
        .data
        .special
        .iter()
        .map(|s| {
            let kind = c.s(special_key(s.kind));
            let mut chars = kind.chars();
            let kind = match chars.next() {
                Some(f) => f.to_uppercase().chain(chars).collect::<String>(),
                None => String::new(),
            };
            let mut v = vec![Inline::strong(kind), Inline::plain(" – ")];
            match s.condition {
                Some(cond) => {
                    v.push(Inline::plain(
                        c.s("l_condition_of")
                            .replace("{c}", c.s(condition_key(cond))),
                    ));
                    cite(c.s(special_key(s.kind)).to_string(), cond.article());
                }
                None => v.push(Inline::plain(c.s("l_condition_missing"))),
            }
            match c.user(&s.text) {
                Some(t) => {
                    v.push(Inline::plain(". "));
                    let end = sentence_gap(&t).trim_end().to_string();
                    v.push(t);
                    v.push(Inline::plain(end));
                }
                None => v.push(Inline::plain(".")),
            }
            v
        })
        .collect();
    if !special.is_empty() {
        blocks.push(Block::Subheading {
            content: vec![Inline::plain(c.s("h_special"))],
        });
        blocks.push(Block::List { items: special });
    }

    // Children. "Not aimed at children" only when the owner has not said more in own words:
    // a shop cannot promise it never serves a 16-year-old, and two statements would contradict.
    let mut child = Vec::new();
    let own = c.user_blocks(&n.data.children_text);
    // The owner's own words about children say more than "we also process children's data",
    // which would only repeat them.
    match n.data.children {
        Some(true) if own.is_empty() => child.push(Block::Paragraph {
            content: vec![Inline::plain(c.s("ch_yes"))],
        }),
        Some(false) if own.is_empty() => child.push(Block::Paragraph {
            content: vec![Inline::plain(c.s("ch_no"))],
        }),
        _ => {}
    }
    // The age rule, where the notice is about children and something rests on consent, unless
    // the owner's own words already give the age.
    let rule = crate::check::laws::child_consent_age();
    let age = rule.age.to_string();
    let own_says_age = n.data.children_text.all().any(|(_, t)| t.contains(&age));
    let consent = n.has_basis(crate::model::LegalBasis::Consent);
    child.extend(own);
    if n.data.children == Some(true) && consent && !own_says_age {
        child.push(Block::Paragraph {
            content: vec![Inline::plain(c.s("ch_consent_age").replace("{age}", &age))],
        });
    }
    if !child.is_empty() {
        blocks.push(Block::Subheading {
            content: vec![Inline::plain(c.s("h_children"))],
        });
        blocks.extend(child);
    }

    if !refs.is_empty() {
        let list = refs
            .iter()
            .map(|(what, a)| format!("{what} – {}", c.art(a)))
            .collect::<Vec<_>>()
            .join("; ");
        blocks.push(Block::Note {
            content: vec![Inline::plain(format!("{} {list}.", c.s("l_refs")))],
        });
    }
    blocks
}

pub(super) fn data(c: &Ctx) -> Vec<Block> {
    let n = c.notice;
    let items = lists(
        c,
        &n.data.items,
        |x| &x.activities,
        |d| {
            let mut v = vec![c.user(&d.text)?];
            // Observed data is neither "required" nor "optional" (Art. 13(2)(e) is about what
            // the person provides); required data says whether a law or the contract requires it.
            let label = if d.collected_automatically {
                Some("l_collected_automatically")
            } else {
                match (d.required, d.requirement) {
                    (Some(true), Some(Requirement::Statutory)) => Some("l_required_statutory"),
                    (Some(true), Some(Requirement::Contractual)) => Some("l_required_contractual"),
                    (Some(true), None) => Some("l_required"),
                    (Some(false), _) => Some("l_optional"),
                    (None, _) => None,
                }
            };
            if let Some(label) = label {
                v.push(Inline::plain(format!(" ({})", c.s(label))));
            }
            if let Some(t) = c.user(&d.if_not_provided) {
                v.push(Inline::plain(format!(". {} ", c.s("l_if_not_provided"))));
                v.push(t);
            }
            // Why an identity code (tietosuojalaki 29 §) or a document number is needed; "a law
            // provides for it" is already said by "required, because the law requires it".
            let said = d.requirement == Some(Requirement::Statutory)
                && d.code_reason == Some(crate::model::CodeReason::Law);
            if let (Some(id), Some(r), false) = (d.identifier, d.code_reason, said) {
                let template = match id {
                    PersonalId::IdentityCode => "l_id_code_reason",
                    PersonalId::IdentityDocument => "l_id_document_reason",
                };
                let last = v.last().map(|i| sentence_gap(i)).unwrap_or(". ");
                v.push(Inline::plain(format!(
                    "{last}{}",
                    c.s(template).replace("{r}", c.s(code_reason_key(r)))
                )));
            }
            Some(v)
        },
    );
    let mut blocks = items;
    blocks.extend(c.user_blocks(&n.data.text));
    blocks
}

/// The catalogue service a recipient came from, as long as the owner kept its country: then its
/// reviewed wording applies — where it processes data (an EU data boundary with support in the
/// US), its own controllership (a payment institution), its onward transfers (sub-processors).
fn catalogue_service(r: &crate::model::Recipient) -> Option<&'static catalogue::Service> {
    if r.key.trim().is_empty() {
        return None;
    }
    catalogue::service(&r.key).filter(|s| s.country.eq_ignore_ascii_case(r.country.trim()))
}

pub(super) fn recipients(c: &Ctx) -> Vec<Block> {
    let n = c.notice;
    let line = |r: &crate::model::Recipient| -> Option<Vec<Inline>> {
        let mut v = c.recipient_label(&r.name, &r.description);
        if v.is_empty() {
            return None;
        }
        match r.role {
            Role::JointController => {
                v.push(Inline::plain(format!(" ({})", c.s("r_joint_controller"))))
            }
            Role::Authority => v.push(Inline::plain(format!(" ({})", c.s("r_authority")))),
            _ => {}
        }
        if let Some(p) = c.user(&r.purpose) {
            v.push(Inline::plain(": "));
            v.push(p);
        }
        let service = catalogue_service(r);
        if !r.country.trim().is_empty() {
            let place = match service.and_then(|s| s.processing.as_ref()?.get(c.lang)) {
                Some(p) => p.to_string(),
                None => catalogue::country_name(&r.country, c.lang),
            };
            v.push(Inline::plain(format!(" ({place})")));
        }
        if let Some(t) = service.and_then(|s| s.own_controller.as_ref()?.get(c.lang)) {
            v.push(Inline::plain(format!(". {t}")));
        }
        Some(v)
    };
    let disclosures: Vec<Vec<Inline>> = n
        .recipients
        .items
        .iter()
        .filter(|r| r.role != Role::Processor)
        .filter_map(line)
        .collect();
    let processors: Vec<Vec<Inline>> = n
        .recipients
        .items
        .iter()
        .filter(|r| r.role == Role::Processor)
        .filter_map(line)
        .collect();
    let mut blocks = Vec::new();
    if !disclosures.is_empty() {
        blocks.push(Block::Subheading {
            content: vec![Inline::plain(c.s("h_disclosures"))],
        });
        blocks.push(Block::List { items: disclosures });
    }
    if !processors.is_empty() {
        blocks.push(Block::Subheading {
            content: vec![Inline::plain(c.s("h_processors"))],
        });
        blocks.push(Block::List { items: processors });
    }
    blocks.extend(c.user_blocks(&n.recipients.text));
    blocks
}

pub(super) fn transfers(c: &Ctx) -> Vec<Block> {
    let n = c.notice;
    // Every transfer outside the EU/EEA: a recipient's own country, and the onward transfers
    // the catalogue knows for the service it came from (sub-processors elsewhere).
    let mut outside: Vec<(Vec<Inline>, String, Option<Mechanism>)> = Vec::new();
    for r in &n.recipients.items {
        let label = || {
            let mut v = c.recipient_label(&r.name, &r.description);
            if v.is_empty() {
                v.push(Inline::plain("—"));
            }
            v
        };
        if !r.country.trim().is_empty() && !catalogue::is_eea(&r.country) {
            outside.push((
                label(),
                catalogue::country_name(&r.country, c.lang),
                r.mechanism,
            ));
        }
        for t in catalogue_service(r)
            .map(|s| s.further_transfers.as_slice())
            .unwrap_or_default()
        {
            if catalogue::is_eea(&t.country) {
                continue;
            }
            let mut v = label();
            if let Some(what) = t.what.get(c.lang) {
                v.push(Inline::plain(format!(" – {what}")));
            }
            outside.push((
                v,
                catalogue::country_name(&t.country, c.lang),
                Some(t.mechanism),
            ));
        }
    }
    let mut blocks = Vec::new();
    if !outside.is_empty() {
        blocks.push(Block::Paragraph {
            content: vec![Inline::plain(c.s("t_intro"))],
        });
        let items = outside
            .iter()
            .map(|(label, place, mechanism)| {
                let mut v = label.clone();
                v.push(Inline::plain(format!(
                    " ({place}). {}: {}.",
                    c.s("l_mechanism"),
                    c.s(mechanism_key(*mechanism))
                )));
                v
            })
            .collect();
        blocks.push(Block::List { items });
        // How to get a copy (Art. 13(1)(f)): for safeguards that are documents (clauses, rules),
        // not for an adequacy decision.
        let needs_copy = outside
            .iter()
            .any(|(_, _, m)| !matches!(m, Some(Mechanism::Adequacy)));
        if needs_copy {
            match c.user(&n.transfers.copy_of_safeguards) {
                // The owner's words continue a sentence ("pyytämällä sitä…", "by asking…"):
                // Seloste writes its beginning.
                Some(t) if continues_sentence(&t.to_plain(), c.s("l_copy_continues")) => {
                    let end = sentence_gap(&t).trim_end().to_string();
                    blocks.push(Block::Paragraph {
                        content: vec![
                            Inline::plain(format!("{} ", c.s("l_copy_lead"))),
                            t,
                            Inline::plain(end),
                        ],
                    })
                }
                Some(t) => blocks.push(Block::Fields {
                    rows: vec![Field {
                        label: c.s("l_copy").to_string(),
                        value: vec![t],
                    }],
                }),
                None => blocks.push(Block::Paragraph {
                    content: vec![Inline::plain(c.s("l_copy_default"))],
                }),
            }
        }
    } else {
        // Say "no transfers" only when it is consistent with the recipients.
        let all_known_inside = !n.recipients.items.is_empty()
            && n.recipients
                .items
                .iter()
                .all(|r| !r.country.trim().is_empty());
        let declared_none = n.transfers.outside_eea == Some(false);
        let unknown_countries = n
            .recipients
            .items
            .iter()
            .any(|r| r.country.trim().is_empty());
        if (declared_none && !unknown_countries)
            || (n.transfers.outside_eea.is_none() && all_known_inside)
        {
            blocks.push(Block::Paragraph {
                content: vec![Inline::plain(c.s("t_none"))],
            });
        }
    }
    blocks.extend(c.user_blocks(&n.transfers.text));
    blocks
}

pub(super) fn cookies(c: &Ctx) -> Vec<Block> {
    let k = &c.notice.cookies;
    let mut blocks = Vec::new();
    if !k.items.is_empty() {
        let header = [
            "c_name",
            "c_provider",
            "c_purpose",
            "c_duration",
            "c_consent",
        ]
        .iter()
        .map(|h| c.s(h).to_string())
        .collect();
        let rows = k
            .items
            .iter()
            .map(|ck| {
                let name = vec![
                    Inline::strong(ck.name.trim()),
                    Inline::plain(format!(" ({})", c.s(cookie_category_key(ck.category)))),
                ];
                let provider = vec![Inline::plain(ck.provider.trim())];
                let purpose = c.user(&ck.purpose).into_iter().collect();
                let duration = c.user(&ck.duration).into_iter().collect();
                let consent_key = if ck.consent {
                    "c_consent_yes"
                } else if ck.category == CookieCategory::Necessary {
                    "c_consent_no"
                } else {
                    "c_consent_not_asked"
                };
                vec![
                    name,
                    provider,
                    purpose,
                    duration,
                    vec![Inline::plain(c.s(consent_key))],
                ]
            })
            .collect();
        blocks.push(Block::Table { header, rows });
    }
    // "No cookies" in the owner's own words replaces the general sentence.
    let own = c.user_blocks(&k.text);
    if k.used == Some(false) && k.items.is_empty() && own.is_empty() {
        blocks.push(Block::Paragraph {
            content: vec![Inline::plain(c.s("c_none"))],
        });
    }
    blocks.extend(own);
    blocks
}

/// Automated decisions and profiling (Art. 13(2)(f)): plain sentences for the answers given; with
/// decisions, the owner's account of the logic, significance and consequences, or a visible
/// statement that it is missing (the checker flags it), and the Art. 22(3) rights in the rights
/// section.
pub(super) fn automated(c: &Ctx) -> Vec<Block> {
    let a = &c.notice.automated;
    let mut blocks = Vec::new();
    let para = |k: &str| Block::Paragraph {
        content: vec![Inline::plain(c.s(k))],
    };
    let own = c.user_blocks(&a.text);
    if !own.is_empty() {
        // The owner's own account ("if you accept marketing cookies, …") says what the
        // general sentences would, with its conditions; both would repeat and contradict.
        // That decisions are made solely by automated means is still said plainly first.
        if a.decisions == Some(true) {
            blocks.push(para("au_decisions"));
        }
        blocks.extend(own);
        return blocks;
    }
    match (a.decisions, a.profiling) {
        (Some(false), Some(false)) => blocks.push(para("au_none")),
        (d, p) => {
            match d {
                Some(true) => blocks.push(para("au_decisions")),
                Some(false) => blocks.push(para("au_no_decisions")),
                None => {}
            }
            match p {
                Some(true) => blocks.push(para("au_profiling")),
                Some(false) => blocks.push(para("au_no_profiling")),
                None => {}
            }
        }
    }
    if a.decisions == Some(true) {
        blocks.push(Block::Note {
            content: vec![Inline::plain(c.s("au_missing"))],
        });
    }
    blocks
}

pub(super) fn rights(c: &Ctx) -> Vec<Block> {
    let n = c.notice;
    let rights = rights::derive(n);
    let mut blocks = Vec::new();
    let title = |r: &Right| Block::Subheading {
        content: vec![Inline::plain(r.title(c.lang))],
    };
    let mut articles: Vec<u32> = Vec::new();
    let mut cite = |r: &Right| {
        let main: String = r
            .article()
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        if let Ok(a) = main.parse() {
            if !articles.contains(&a) {
                articles.push(a);
            }
        }
    };
    for r in &rights {
        match r.kind {
            RightKind::Complaint => {
                cite(r);
                continue;
            }
            RightKind::ObjectDirectMarketing => continue, // shown on its own below (Art. 21(4))
            _ => {}
        }
        cite(r);
        blocks.push(title(r));
        blocks.push(Block::Paragraph {
            content: vec![Inline::plain(r.text(c.lang))],
        });
        for l in &r.limits {
            let mut text = format!(" {}", l.text(c.lang));
            // The laws that keep the data, when the notice names them.
            let laws: Vec<String> = if *l == rights::Limit::LegalObligation {
                r.laws.iter().filter_map(|x| law_ref(x, c.lang)).collect()
            } else {
                Vec::new()
            };
            if !laws.is_empty() {
                text.push(' ');
                text.push_str(&c.s("l_kept_by_law").replace("{l}", &c.join(&laws)));
            }
            blocks.push(Block::Note {
                content: vec![Inline::strong(c.s("l_limited")), Inline::plain(text)],
            });
        }
    }
    // Objection to direct marketing, set apart (Art. 21(4)); with no direct marketing, one
    // plain sentence saying so.
    if let Some(dm) = rights
        .iter()
        .find(|r| r.kind == RightKind::ObjectDirectMarketing)
    {
        if dm.applies() {
            cite(dm);
            blocks.push(title(dm));
            blocks.push(Block::Paragraph {
                content: vec![Inline::strong(dm.text(c.lang))],
            });
        } else {
            // Under a heading of its own, so it does not read as part of the right above it.
            blocks.push(Block::Subheading {
                content: vec![Inline::plain(c.s("h_direct_marketing"))],
            });
            blocks.push(Block::Paragraph {
                content: vec![Inline::plain(dm.text(c.lang))],
            });
        }
    }
    // Who may use the rights for someone else: a child's guardian, a legal representative.
    let mut for_others = Vec::new();
    for (relation, key) in [
        (crate::model::Relation::Guardian, "rights_by_guardian"),
        (
            crate::model::Relation::LegalRepresentative,
            "rights_by_representative",
        ),
    ] {
        if n.register
            .subjects
            .iter()
            .any(|s| s.relation == Some(relation))
        {
            for_others.push(Block::Paragraph {
                content: vec![Inline::plain(c.s(key))],
            });
        }
    }
    if !for_others.is_empty() {
        blocks.push(Block::Subheading {
            content: vec![Inline::plain(c.s("h_rights_for_others"))],
        });
        blocks.extend(for_others);
    }
    let how = c.user_blocks(&n.rights.how_to);
    if !how.is_empty() {
        blocks.push(Block::Subheading {
            content: vec![Inline::plain(c.s("h_how_to"))],
        });
        blocks.extend(how);
    }
    blocks.extend(c.user_blocks(&n.rights.text));
    articles.sort_unstable();
    let list: Vec<String> = articles.iter().map(u32::to_string).collect();
    blocks.push(Block::Note {
        content: vec![Inline::plain(
            c.s("l_rights_refs").replace("{list}", &c.join(&list)),
        )],
    });
    blocks
}

/// Where to complain: the supervisory authority, with its contact details (Art. 77).
pub(super) fn complaint(c: &Ctx) -> Vec<Block> {
    let Some(r) = complaint_right(c) else {
        return Vec::new();
    };
    {
        let a = catalogue::authority();
        let t = |x: &Text| Inline::plain(x.resolve(c.lang).map(|(s, _)| s).unwrap_or_default());
        let mut blocks = vec![Block::Paragraph {
            content: vec![Inline::plain(r.text(c.lang))],
        }];
        blocks.push(Block::Subheading {
            content: vec![Inline::strong(a.name.get(c.lang).unwrap_or_default())],
        });
        blocks.push(Block::Fields {
            rows: vec![
                Field {
                    label: c.s("l_visiting_address").into(),
                    value: vec![t(&a.visiting_address)],
                },
                Field {
                    label: c.s("l_postal_address").into(),
                    value: vec![t(&a.postal_address)],
                },
                Field {
                    label: c.s("l_switchboard").into(),
                    value: vec![t(&a.switchboard)],
                },
                Field {
                    label: c.s("l_registry").into(),
                    value: vec![t(&a.registry)],
                },
                Field {
                    label: c.s("l_email").into(),
                    value: vec![c.email(&a.email)],
                },
                Field {
                    label: c.s("l_website").into(),
                    value: vec![c.web(&a.website)],
                },
            ],
        });
        blocks
    }
}

/// The right to complain to the supervisory authority, which every notice has.
pub(super) fn complaint_right(c: &Ctx) -> Option<Right> {
    rights::derive(c.notice)
        .into_iter()
        .find(|r| r.kind == RightKind::Complaint)
}
