//! The starting points, expanded by the core from `src/data/presets.json`, and the reference
//! notices (`tests/fixtures/reference/<key>.json`): each is its starting point as an owner would
//! finish it, built from the owner's details and choices in `tests/fixtures/reference_owners.json`.
//!
//! After a deliberate change to the catalogue or the starting points:
//! `UPDATE_EXPECT=1 cargo test --test integration presets`, then read the diff (and the
//! snapshots' diff) before committing.

use crate::util::fixture;
use seloste::catalogue::presets::{build, preset_file, unknown_keys, Choices};
use seloste::model::{ChangeEntry, EntityKind, Party};
use seloste::{Notice, Text};
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Owners {
    drafted: String,
    changelog: Text,
    owners: BTreeMap<String, Owner>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Owner {
    controller: Party,
    contact: Contact,
    choices: OwnerChoices,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Contact {
    name: String,
    role: Text,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OwnerChoices {
    recipients: Vec<String>,
    #[serde(default)]
    cookie_services: Vec<String>,
}

fn owners() -> Owners {
    let path = fixture("reference_owners.json");
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The reference notice of a starting point: the owner's details and choices on top of it.
fn reference(key: &str, owners: &Owners) -> Notice {
    let spec = preset_file()
        .presets
        .iter()
        .find(|p| p.key == key)
        .unwrap();
    let o = owners
        .owners
        .get(key)
        .unwrap_or_else(|| panic!("owners.json has no owner for {key}"));
    let mut n = build(
        spec,
        &Choices {
            recipients: Some(o.choices.recipients.clone()),
            cookie_services: o.choices.cookie_services.clone(),
            security: true,
        },
    );
    n.controllers = vec![o.controller.clone()];
    n.contact = Some(Party {
        kind: Some(EntityKind::Person),
        name: o.contact.name.clone(),
        role: o.contact.role.clone(),
        address: o.controller.address.clone(),
        email: o.controller.email.clone(),
        phone: o.controller.phone.clone(),
        ..Party::default()
    });
    n.meta.drafted = owners.drafted.clone();
    n.meta.updated = owners.drafted.clone();
    n.changes.log = vec![ChangeEntry {
        date: owners.drafted.clone(),
        text: owners.changelog.clone(),
    }];
    n
}

#[test]
fn every_starting_point_names_only_catalogue_keys() {
    for spec in &preset_file().presets {
        assert_eq!(unknown_keys(spec), Vec::<String>::new(), "{}", spec.key);
    }
}

#[test]
fn reference_notices_are_the_starting_points_finished_by_an_owner() {
    let owners = owners();
    let update = std::env::var_os("UPDATE_EXPECT").is_some();
    let mut stale = Vec::new();
    for p in seloste::catalogue::presets() {
        let want = reference(&p.key, &owners);
        let path = fixture(&format!("reference/{}.json", p.key));
        let have = std::fs::read_to_string(&path).ok();
        let same = have
            .as_deref()
            .and_then(|s| seloste::notice_io::from_json(s, "reference").ok())
            .is_some_and(|n| n == want);
        if !same {
            if update {
                std::fs::write(&path, seloste::notice_io::to_json(&want)).unwrap();
            } else {
                stale.push(p.key.clone());
            }
        }
    }
    assert!(
        stale.is_empty(),
        "reference notices differ from their starting points: {stale:?} \
         (UPDATE_EXPECT=1 regenerates them; read the diff)"
    );
    // No owner without a starting point.
    for key in owners.owners.keys() {
        assert!(seloste::catalogue::preset(key).is_some(), "owners.json: {key}");
    }
}
