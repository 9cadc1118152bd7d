//! The drafts store: saving one edit (the autosave path), listing 10 000 drafts, opening a
//! draft with 100 published versions. Runs on a temporary database on the local disk.

use crate::table::Table;
use seloste::model::{DataCategory, LegalBasis, Purpose, Recipient};
use seloste::store::Store;
use seloste::{Lang, Notice, Text};
use std::time::Duration;

/// A notice of realistic size: a dozen purposes, data categories and recipients with text.
fn notice() -> Notice {
    let mut n = Notice::default();
    n.register.name = Text::new("Asiakasrekisteri", "Kundregister", "Customer register");
    let para = "Käsittelemme tietoja asiakassuhteen hoitamiseksi ja laskutusta varten. ".repeat(4);
    for i in 0..12 {
        n.purposes.items.push(Purpose {
            key: format!("purpose-{i}"),
            text: Text::new(
                format!("Tarkoitus {i}: {para}"),
                format!("Ändamål {i}"),
                format!("Purpose {i}"),
            ),
            basis: Some(LegalBasis::Contract),
            ..Default::default()
        });
        n.data.items.push(DataCategory {
            key: format!("data-{i}"),
            text: Text::new(
                format!("Tieto {i}"),
                format!("Uppgift {i}"),
                format!("Data {i}"),
            ),
            required: Some(i % 2 == 0),
            ..Default::default()
        });
        n.recipients.items.push(Recipient {
            name: format!("Palvelu {i} Oy"),
            purpose: Text::fi(para.clone()),
            country: "FI".into(),
            ..Default::default()
        });
    }
    n
}

pub fn run(t: &mut Table) {
    if !t.wants("store") {
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let store = Store::open(dir.path().join("bench.db"))
        .expect("open")
        .store;
    let mut n = notice();
    let size = seloste::notice_io::to_json(&n).len();

    let id = store.create("Asiakasrekisteri", &n).expect("create");
    let mut i = 0u64;
    t.time(
        "store",
        format!("save one edited field (notice {} KiB)", size / 1024),
        300,
        Some(Duration::from_millis(5)),
        || {
            i += 1;
            n.rights.how_to.fi =
                format!("Lähetä sähköpostia osoitteeseen tietosuoja@example.fi ({i}).");
            store.save(id, &n).expect("save");
        },
    );

    // The core's part of the window's two commonest round trips (the app rows time the whole
    // trip in the page): an edit is saved and answered with its assessment and preview; a tick
    // toggles a catalogue clause and is answered with the notice and its assessment. Both
    // include reading the notice from JSON and writing the answer as JSON, as the shell does.
    let json = serde_json::to_value(&n).expect("notice as JSON");
    t.time(
        "store",
        "session: an edit (save, assessment, preview, as JSON)",
        100,
        None,
        || {
            let r =
                seloste::session::edit(&store, id, json.clone(), Lang::Fi, Lang::Fi).expect("edit");
            std::hint::black_box(serde_json::to_string(&r).expect("answer"));
        },
    );
    let mut on = false;
    t.time(
        "store",
        "session: a tick (a catalogue clause on or off, assessment, as JSON)",
        100,
        None,
        || {
            on = !on;
            let r = seloste::session::tick(
                Some(&store),
                Some(id),
                json.clone(),
                "recipients",
                "delivery",
                on,
                Lang::Fi,
            )
            .expect("tick");
            std::hint::black_box(serde_json::to_string(&r).expect("answer"));
        },
    );

    for k in 1..=100 {
        store
            .publish(id, &Text::fi(format!("Muutos {k}")))
            .expect("publish");
    }
    t.time(
        "store",
        "open a draft with 100 versions (get + versions)",
        100,
        Some(Duration::from_millis(10)),
        || {
            let d = store.get(id).expect("get");
            let v = store.versions(id).expect("versions");
            assert_eq!(v.len(), 100);
            std::hint::black_box(d);
        },
    );

    let small = Notice::default();
    for k in 1..10_000 {
        store
            .create(
                &format!("Luonnos {k}"),
                if k % 10 == 0 { &n } else { &small },
            )
            .expect("create");
    }
    t.time(
        "store",
        "list 10 000 drafts",
        30,
        Some(Duration::from_millis(50)),
        || {
            assert_eq!(store.list().expect("list").len(), 10_000);
        },
    );

    let path = store.path().to_path_buf();
    drop(store);
    t.time(
        "store",
        "open the store (10 000 drafts; quick_check, migrate, purge)",
        10,
        None,
        || {
            std::hint::black_box(Store::open(&path).expect("open"));
        },
    );
    let store = Store::open(&path).expect("open").store;
    t.time(
        "store",
        "take a backup (VACUUM INTO, 10 000 drafts)",
        5,
        None,
        || {
            store.backup_now().expect("backup");
        },
    );
}
