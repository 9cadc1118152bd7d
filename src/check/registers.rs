//! A notice that covers several registers (`Register::activities`): each has an id of its own
//! and a name, the items name only registers the notice has, and each register has a purpose
//! and a retention of its own or shared with all.

use super::Ctx;
use crate::model::belongs_to;

impl Ctx<'_> {
    pub(super) fn registers(&mut self) {
        let n = self.n;
        for (path, id) in n.activity_refs() {
            if n.activity(id).is_none() {
                self.add("register.unknown", path, &[("id", id)]);
            }
        }
        let acts = &n.register.activities;
        for (i, a) in acts.iter().enumerate() {
            let id = a.id.trim();
            if id.is_empty() || acts[..i].iter().any(|b| b.id.trim() == id) {
                self.add(
                    "register.id",
                    format!("/register/activities/{i}"),
                    &[("n", &(i + 1).to_string())],
                );
            }
            if a.name.is_empty() {
                self.add(
                    "register.unnamed",
                    format!("/register/activities/{i}/name"),
                    &[("n", &(i + 1).to_string())],
                );
            }
        }
        let retention_said = !n.retention.items.is_empty();
        for (i, a) in acts.iter().enumerate() {
            let name = self.name_of(&a.name, &a.id);
            let path = format!("/register/activities/{i}");
            let mine = |refs: &[String]| belongs_to(refs, &a.id);
            if !n.purposes.items.iter().any(|p| mine(&p.activities)) {
                self.add("register.no_purpose", path.clone(), &[("name", &name)]);
            }
            // Without any retention item the notice-wide rule speaks; with some, each register
            // needs one of its own or one shared by all.
            if retention_said && !n.retention.items.iter().any(|r| mine(&r.activities)) {
                self.add("register.no_retention", path, &[("name", &name)]);
            }
        }
    }
}
