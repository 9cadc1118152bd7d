//! The short first layer of a notice (Art. 12; WP260 rev.01 §§ 35–38): who we are, what we
//! collect and why, how long, who else gets it, your rights and how to use them — one line
//! each, built from the model, each label linking to its full section. It opens every notice
//! and can be copied on its own (a booking form, a newsletter sign-up) with a link to the whole.

use super::{Block, Ctx, DocSection, Inline, collapse_lines};
use crate::model::{Period, Unit};
use crate::rights::{self, Right};
use crate::text::Text;

/// About how many words a listing row may take before it ends in "ym." / "and more".
const ROW_WORDS: usize = 16;

/// One row: the label (a link to the full section when there is one) and the value.
struct Row {
    label: &'static str,
    target: &'static str,
    value: Vec<Inline>,
}

/// The first layer for `c`'s notice. `sections` are the ids the full document has, so a label
/// links only to a section that exists; `base` is prefixed to the links (empty inside the
/// notice itself, the notice's address for a copy placed elsewhere).
pub(super) fn section(c: &Ctx, sections: &[&str], base: &str) -> Option<DocSection> {
    let rows = rows(c);
    // A first layer needs someone and something: who we are, or why we process data.
    if !rows
        .iter()
        .any(|r| r.label == "sum_who" || r.label == "sum_why")
    {
        return None;
    }
    let items = rows
        .into_iter()
        .map(|r| {
            let label = c.s(r.label).to_string();
            let mut v = if sections.contains(&r.target) {
                vec![Inline::Link {
                    text: label,
                    href: format!("{base}#seloste-{}", r.target),
                }]
            } else {
                vec![Inline::strong(label)]
            };
            v.push(Inline::plain(": "));
            v.extend(r.value);
            v
        })
        .collect();
    Some(DocSection {
        id: "summary".into(),
        heading: c.s("h_summary").into(),
        heading_lang: None,
        heading_note: None,
        blocks: vec![Block::List { items }],
    })
}

fn rows(c: &Ctx) -> Vec<Row> {
    let n = c.notice;
    let mut rows = Vec::new();
    let mut row = |label, target, value: Option<Vec<Inline>>| {
        if let Some(value) = value.filter(|v| !v.is_empty()) {
            rows.push(Row {
                label,
                target,
                value,
            });
        }
    };

    let names: Vec<String> = n
        .controllers
        .iter()
        .map(|p| {
            // The name customers know the business by goes with the legal name.
            let (name, trading) = (p.name.trim(), p.trading_name.trim());
            if trading.is_empty() || name.is_empty() || trading.eq_ignore_ascii_case(name) {
                name.to_string()
            } else {
                format!("{name} ({trading})")
            }
        })
        .filter(|s| !s.is_empty())
        .collect();
    row(
        "sum_who",
        "controller",
        (!names.is_empty()).then(|| vec![Inline::plain(c.join(&names))]),
    );

    // What a reader most needs to know comes first, so a shortened list ("… ym.") never drops
    // it, in any language: special categories and identity codes, then the rest in order.
    let mut what: Vec<String> = Vec::new();
    let mut add = |e: String| {
        if !what.contains(&e) {
            what.push(e);
        }
    };
    for s in &n.data.special {
        add(c.s(super::special_key(s.kind)).to_string());
    }
    let (ids, rest): (Vec<_>, Vec<_>) = n.data.items.iter().partition(|d| d.identifier.is_some());
    for d in ids.into_iter().chain(rest) {
        if let Some(e) = short(c, &d.text, !d.key.is_empty()) {
            add(e);
        }
    }
    row("sum_what", "data", listing(c, what));

    let why: Vec<String> = n
        .purposes
        .items
        .iter()
        .filter_map(|p| short(c, &p.text, !p.key.is_empty()))
        .collect();
    row("sum_why", "purposes", listing(c, why));

    row("sum_how_long", "retention", how_long(c));

    let mut who: Vec<String> = Vec::new();
    for r in &n.recipients.items {
        let name = if r.name.trim().is_empty() {
            // An authority is a name ("Verohallinto", "Kela") and keeps its capital.
            short(
                c,
                &r.description,
                !r.key.is_empty() && r.role != crate::model::Role::Authority,
            )
        } else {
            Some(collapse_lines(&r.name))
        };
        if let Some(name) = name
            && !who.contains(&name)
        {
            who.push(name);
        }
    }
    let mut others = listing(c, who);
    let outside: Vec<String> = {
        let mut v: Vec<String> = n
            .recipients
            .items
            .iter()
            .filter(|r| !r.country.trim().is_empty() && !crate::catalogue::is_eea(&r.country))
            .map(|r| crate::catalogue::country_name(&r.country, c.lang))
            .collect();
        v.dedup();
        v
    };
    if !outside.is_empty() {
        let v = others.get_or_insert_with(Vec::new);
        if !v.is_empty() {
            v.push(Inline::plain("; "));
        }
        v.push(Inline::plain(
            c.s("sum_outside").replace("{c}", &c.join(&outside)),
        ));
    }
    row("sum_who_else", "recipients", others);

    let shorts: Vec<String> = rights::derive(n)
        .iter()
        .filter(|r| r.applies())
        .map(|r| r.short(c.lang).to_string())
        .collect();
    row(
        "sum_rights",
        "rights",
        Some(vec![Inline::plain(format!(
            "{} {}.",
            Right::summary_intro(c.lang),
            c.join(&shorts)
        ))]),
    );

    let contact = n
        .contact
        .iter()
        .chain(n.controllers.iter())
        .find(|p| !p.email.trim().is_empty() || !p.phone.trim().is_empty());
    row(
        "sum_contact",
        if n.contact.is_some() {
            "contact"
        } else {
            "controller"
        },
        contact.map(|p| {
            if !p.email.trim().is_empty() {
                vec![c.email(&p.email)]
            } else {
                vec![Inline::plain(p.phone.trim())]
            }
        }),
    );
    rows
}

/// The head of an entry for a listing: the words before a colon ("Yhteystiedot: postiosoite, …"
/// → "Yhteystiedot"), without a closing full stop; a catalogue entry's first letter in lower case
/// (it continues a sentence), unless its first word is an abbreviation or a name ("IP-osoite").
fn short(c: &Ctx, t: &Text, from_catalogue: bool) -> Option<String> {
    let (text, _) = t.resolve(c.lang)?;
    let text = collapse_lines(text);
    let head = text.split(':').next().unwrap_or(&text).trim();
    let head = head.trim_end_matches('.').trim();
    if head.is_empty() {
        return None;
    }
    if !from_catalogue {
        return Some(head.to_string());
    }
    let first_word = head.split([' ', '-']).next().unwrap_or("");
    let mut chars = first_word.chars();
    chars.next();
    if chars.any(char::is_uppercase) {
        return Some(head.to_string());
    }
    let mut cs = head.chars();
    Some(match cs.next() {
        Some(f) => f.to_lowercase().chain(cs).collect(),
        None => String::new(),
    })
}

/// Entries joined "a, b ja c", cut with "ym." once they pass about `ROW_WORDS` words.
fn listing(c: &Ctx, entries: Vec<String>) -> Option<Vec<Inline>> {
    if entries.is_empty() {
        return None;
    }
    let mut kept = Vec::new();
    let mut words = 0;
    for e in &entries {
        let w = e.split_whitespace().count();
        if !kept.is_empty() && words + w > ROW_WORDS {
            break;
        }
        words += w;
        kept.push(e.clone());
    }
    let text = if kept.len() < entries.len() {
        let sep = if kept.iter().any(|k| k.contains(',')) {
            "; "
        } else {
            ", "
        };
        format!("{} {}", kept.join(sep), c.s("l_more"))
    } else {
        c.join(&kept)
    };
    Some(vec![Inline::plain(text)])
}

fn days(p: Period) -> u64 {
    let unit = match p.unit {
        Unit::Days => 1,
        Unit::Months => 30,
        Unit::Years => 365,
    };
    u64::from(p.amount) * unit
}

/// The shortest and the longest retention period ("3–10 vuotta tiedoista riippuen"), or a
/// pointer to the section when the notice gives criteria only.
fn how_long(c: &Ctx) -> Option<Vec<Inline>> {
    let items = &c.notice.retention.items;
    let periods: Vec<Period> = items.iter().filter_map(|r| r.period).collect();
    let see = || {
        let any =
            items.iter().any(|r| !r.criteria.is_empty()) || !c.notice.retention.text.is_empty();
        any.then(|| vec![Inline::plain(c.s("sum_see"))])
    };
    // A period that is a rule rather than a number ("12 years after the patient's death",
    // "while you are a member") cannot be summed up in a range: the range would understate it.
    if items.iter().any(|r| r.period.is_none()) {
        return see();
    }
    let (Some(min), Some(max)) = (
        periods.iter().copied().min_by_key(|p| days(*p)),
        periods.iter().copied().max_by_key(|p| days(*p)),
    ) else {
        return see();
    };
    let text = if periods.iter().all(|p| *p == min) {
        c.period(min)
    } else {
        let range = if min.unit == max.unit {
            format!("{}–{}", min.amount, c.period(max))
        } else {
            format!("{} – {}", c.period(min), c.period(max))
        };
        c.s("sum_range").replace("{r}", &range)
    };
    Some(vec![Inline::plain(text)])
}
