//! The one list of a notice's sections, in the order a reader meets them (legal.md §7): the
//! id the rendered notice gives each (`#retention`), the model's top-level fields it shows,
//! and the output string of its heading. The document builder, the diff, the wizard's steps
//! and the importer's targets all go through this list, so a section cannot be added to one
//! of them and forgotten in another.

use serde::Serialize;

/// A section of the notice, in reading order. The owner's own sections (`other`) follow
/// them; the summary comes first and is made from them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    Controller,
    Contact,
    Dpo,
    Register,
    Subjects,
    Purposes,
    Data,
    Sources,
    Recipients,
    Transfers,
    Retention,
    Security,
    Cookies,
    Automated,
    Rights,
    Complaint,
    Laws,
    Changes,
}

impl Section {
    /// Every section, in the order of the notice.
    pub const ALL: [Section; 18] = [
        Section::Controller,
        Section::Contact,
        Section::Dpo,
        Section::Register,
        Section::Subjects,
        Section::Purposes,
        Section::Data,
        Section::Sources,
        Section::Recipients,
        Section::Transfers,
        Section::Retention,
        Section::Security,
        Section::Cookies,
        Section::Automated,
        Section::Rights,
        Section::Complaint,
        Section::Laws,
        Section::Changes,
    ];

    /// The section's id in the rendered notice (its HTML anchor).
    pub fn id(self) -> &'static str {
        match self {
            Section::Controller => "controller",
            Section::Contact => "contact",
            Section::Dpo => "dpo",
            Section::Register => "register",
            Section::Subjects => "subjects",
            Section::Purposes => "purposes",
            Section::Data => "data",
            Section::Sources => "sources",
            Section::Recipients => "recipients",
            Section::Transfers => "transfers",
            Section::Retention => "retention",
            Section::Security => "security",
            Section::Cookies => "cookies",
            Section::Automated => "automated",
            Section::Rights => "rights",
            Section::Complaint => "complaint",
            Section::Laws => "laws",
            Section::Changes => "changes",
        }
    }

    /// The section with this id.
    pub fn from_id(id: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.id() == id)
    }

    /// The model's top-level fields the section shows (JSON keys of the notice). The complaint
    /// comes from the authority's data and the list of laws is derived, so they show none of
    /// their own; the subjects are part of the register.
    pub fn fields(self) -> &'static [&'static str] {
        match self {
            Section::Controller => &["controllers", "joint_arrangement", "representative"],
            Section::Contact => &["contact"],
            Section::Dpo => &["dpo"],
            Section::Register | Section::Subjects => &["register"],
            Section::Purposes => &["purposes"],
            Section::Data => &["data"],
            Section::Sources => &["sources"],
            Section::Recipients => &["recipients"],
            Section::Transfers => &["transfers"],
            Section::Retention => &["retention"],
            Section::Security => &["security"],
            Section::Cookies => &["cookies"],
            Section::Automated => &["automated"],
            Section::Rights => &["rights"],
            Section::Complaint | Section::Laws => &[],
            Section::Changes => &["changes"],
        }
    }

    /// The section that shows the model's top-level field `field`.
    pub fn of_field(field: &str) -> Option<Section> {
        Section::ALL
            .into_iter()
            .find(|s| s.fields().contains(&field))
    }

    /// The key of its heading in `src/data/output.json`; `None` for the complaint, whose
    /// heading is the right's own title (`rights.json`).
    pub fn heading_key(self) -> Option<&'static str> {
        Some(match self {
            Section::Controller => "h_controller",
            Section::Contact => "h_contact",
            Section::Dpo => "h_dpo",
            Section::Register => "h_register",
            Section::Subjects => "h_subjects",
            Section::Purposes => "h_purposes",
            Section::Data => "h_data",
            Section::Sources => "h_sources",
            Section::Recipients => "h_recipients",
            Section::Transfers => "h_transfers",
            Section::Retention => "h_retention",
            Section::Security => "h_security",
            Section::Cookies => "h_cookies",
            Section::Automated => "h_automated",
            Section::Rights => "h_rights",
            Section::Complaint => return None,
            Section::Laws => "h_laws",
            Section::Changes => "h_changes",
        })
    }

    /// The JSON Pointer of the section's first field in the notice, `None` for a section
    /// with no field of its own.
    pub fn pointer(self) -> Option<String> {
        self.fields().first().map(|f| format!("/{f}"))
    }

    /// The section's own free text (`/retention/text`, …), where the owner writes what the
    /// structured fields do not hold and an import keeps what it could not map; `None` for a
    /// section without one.
    pub fn text_mut(self, n: &mut crate::model::Notice) -> Option<&mut crate::text::Text> {
        Some(match self {
            Section::Register => &mut n.register.text,
            Section::Purposes => &mut n.purposes.text,
            Section::Data => &mut n.data.text,
            Section::Sources => &mut n.sources.text,
            Section::Recipients => &mut n.recipients.text,
            Section::Transfers => &mut n.transfers.text,
            Section::Retention => &mut n.retention.text,
            Section::Security => &mut n.security.text,
            Section::Cookies => &mut n.cookies.text,
            Section::Automated => &mut n.automated.text,
            Section::Rights => &mut n.rights.text,
            Section::Changes => &mut n.changes.text,
            Section::Controller
            | Section::Contact
            | Section::Dpo
            | Section::Subjects
            | Section::Complaint
            | Section::Laws => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::vocab::Target;
    use crate::model::Notice;
    use crate::text::Lang;

    #[test]
    fn ids_are_unique_and_headings_exist_in_three_languages() {
        for (i, s) in Section::ALL.iter().enumerate() {
            assert_eq!(Section::from_id(s.id()), Some(*s));
            assert!(Section::ALL[..i].iter().all(|t| t.id() != s.id()));
            if let Some(key) = s.heading_key() {
                for lang in Lang::ALL {
                    let h = crate::document::out(key, lang);
                    assert!(!h.is_empty() && h != "?", "{key} {lang}");
                }
            }
        }
    }

    /// A field the model gains must be placed in a section (or the diff, the wizard and the
    /// document would each have to remember it).
    #[test]
    fn every_field_of_the_model_belongs_to_a_section() {
        let v = serde_json::to_value(Notice::default()).unwrap();
        let mut keys: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        // Fields a default notice leaves out of its JSON.
        keys.extend(["contact", "dpo", "representative"].map(String::from));
        for k in keys {
            let placed = matches!(k.as_str(), "format" | "meta" | "other")
                || Section::of_field(&k).is_some();
            assert!(placed, "the model's field {k} is in no section");
        }
    }

    #[test]
    fn every_section_with_fields_has_a_wizard_step() {
        for s in Section::ALL {
            for f in s.fields() {
                assert!(
                    crate::wizard::step_of(&format!("/{f}")).is_some(),
                    "{s:?}: no wizard step edits /{f}"
                );
            }
        }
    }

    /// Every target the importer's vocabulary sends a heading to (each variant of `Target` is
    /// one; serde admits no other) fills a part of some section.
    #[test]
    fn every_import_target_fills_a_section() {
        let targets: Vec<Target> = crate::import::vocab::vocab()
            .sections
            .iter()
            .map(|s| s.target)
            .collect();
        assert!(targets.len() >= 20, "{targets:?}");
        for t in targets {
            let top = t
                .pointer()
                .trim_start_matches('/')
                .split('/')
                .next()
                .unwrap();
            assert!(
                top == "meta" || Section::of_field(top).is_some(),
                "{t:?} ({}) fills no section",
                t.pointer()
            );
        }
    }

    #[test]
    fn the_document_follows_the_list() {
        for p in crate::catalogue::presets() {
            let doc = crate::document::build(&p.notice, Lang::Fi);
            let order: Vec<usize> = doc
                .sections
                .iter()
                .filter_map(|s| Section::from_id(&s.id))
                .map(|s| Section::ALL.iter().position(|x| *x == s).unwrap())
                .collect();
            assert!(order.len() >= 12, "{}: {order:?}", p.key);
            assert!(
                order.windows(2).all(|w| w[0] < w[1]),
                "{}: {order:?}",
                p.key
            );
        }
    }
}
