//! `seloste drafts …`: the local store of drafts from the command line.

use clap::Subcommand;
use seloste::diff::{self, Change};
use seloste::store::{DraftId, DraftSummary, Store, VersionSummary, local_time};
use seloste::{Lang, Notice, Text};
use serde_json::json;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// The database file [default: $SELOSTE_DB, else seloste/seloste.db in the data folder].
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// List the drafts, most recently edited first.
    List {
        /// List the deleted drafts that can still be restored instead.
        #[arg(long)]
        deleted: bool,
        #[arg(long)]
        json: bool,
    },
    /// Create a draft, empty or from a notice JSON file.
    New {
        title: String,
        /// Start from this notice file.
        #[arg(long, value_name = "FILE")]
        from: Option<PathBuf>,
        #[arg(long)]
        json: bool,
    },
    /// Show a draft: its dates, versions and content.
    Show {
        id: DraftId,
        /// The language of the content [fi, sv, en].
        #[arg(long, default_value = "fi")]
        lang: String,
        /// Print the draft with its whole notice as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Give a draft a new title.
    Rename { id: DraftId, title: String },
    /// Copy a draft into a new one (its change log and dates start empty).
    Duplicate {
        id: DraftId,
        /// The new draft's title [default: the old title with " (2)"].
        #[arg(long)]
        title: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Delete a draft; it can be restored for 30 days.
    Delete { id: DraftId },
    /// Bring back a deleted draft.
    Restore { id: DraftId },
    /// Create a draft from a notice JSON file.
    Import {
        file: PathBuf,
        /// The title [default: the register's name, else the file's name].
        #[arg(long)]
        title: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Write a draft's notice to a JSON file.
    Export { id: DraftId, file: PathBuf },
    /// Publish a draft: date it, add the note to its change log and keep the version.
    Publish {
        id: DraftId,
        /// The change note in Finnish (at least one of the three notes is needed).
        #[arg(long)]
        note: Option<String>,
        /// The change note in Swedish.
        #[arg(long)]
        note_sv: Option<String>,
        /// The change note in English.
        #[arg(long)]
        note_en: Option<String>,
        /// The date written into the notice [default: today], YYYY-MM-DD.
        #[arg(long)]
        date: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// List a draft's published versions.
    History {
        id: DraftId,
        #[arg(long)]
        json: bool,
    },
    /// List the backups of the database, newest first.
    Backups {
        #[arg(long)]
        json: bool,
    },
    /// Replace the whole database with a backup (the current state is backed up first).
    RestoreBackup { file: PathBuf },
    /// Show what changed between two versions (ids from `history`), or with --draft, what a
    /// draft changed since it was last published.
    Diff {
        /// The older version's id.
        #[arg(required_unless_present = "draft", requires = "b")]
        a: Option<i64>,
        /// The newer version's id.
        b: Option<i64>,
        /// Compare this draft with its last published version.
        #[arg(long, value_name = "ID", conflicts_with_all = ["a", "b"])]
        draft: Option<DraftId>,
        /// The language of the lines [fi, sv, en].
        #[arg(long, default_value = "fi")]
        lang: String,
        #[arg(long)]
        json: bool,
    },
}

/// Open the drafts database (`--db`, else the default), saying on stderr what opening did.
pub fn open_store(db: Option<&std::path::Path>) -> seloste::Result<Store> {
    let opened = match db {
        Some(p) => Store::open(p)?,
        None => Store::open_default()?,
    };
    if let Some(r) = &opened.recovery {
        eprintln!("seloste: {}", r.message(Lang::En));
    }
    for w in &opened.warnings {
        eprintln!("seloste: {w}");
    }
    Ok(opened.store)
}

pub fn run(args: Args) -> seloste::Result<ExitCode> {
    let mut store = open_store(args.db.as_deref())?;
    let mut out: String;
    match args.cmd {
        Cmd::List { deleted, json } => {
            let list = if deleted {
                store.list_deleted()?
            } else {
                store.list()?
            };
            if json {
                out = to_json(&list);
            } else {
                out = list_text(&list, deleted);
            }
        }
        Cmd::New { title, from, json } => {
            let notice = match from {
                Some(f) => seloste::notice_io::read(&f)?,
                None => Notice::default(),
            };
            let id = store.create(&title, &notice)?;
            out = created(&store, id, json)?;
        }
        Cmd::Show { id, lang, json } => {
            let draft = store.get(id)?;
            let versions = store.versions(id)?;
            if json {
                out = to_json(&json!({ "draft": draft, "versions": versions }));
            } else {
                let lang: Lang = lang.parse()?;
                out = format!("Draft {}: {}\n", draft.id, draft.title);
                out += &format!(
                    "Created {}, last edited {}.\n",
                    local_time(&draft.created_at),
                    local_time(&draft.updated_at)
                );
                if let Some(d) = &draft.deleted_at {
                    out += &format!(
                        "Deleted {}; restore it with `seloste drafts restore {id}`.\n",
                        local_time(d)
                    );
                }
                match versions.last() {
                    Some(v) => {
                        out += &format!(
                            "Published {} time(s), last {}.\n",
                            versions.len(),
                            fi_date(&v.date)
                        )
                    }
                    None => out += "Never published.\n",
                }
                out += &content_text(&draft.notice, lang);
            }
        }
        Cmd::Rename { id, title } => {
            store.rename(id, &title)?;
            out = format!("Draft {id} is now called {}.\n", store.get(id)?.title);
        }
        Cmd::Duplicate { id, title, json } => {
            let title = match title {
                Some(t) => t,
                None => format!("{} (2)", store.get(id)?.title),
            };
            let new = store.duplicate(id, &title)?;
            out = created(&store, new, json)?;
        }
        Cmd::Delete { id } => {
            store.delete(id)?;
            out = format!(
                "Deleted draft {id}; `seloste drafts restore {id}` brings it back within {} days.\n",
                seloste::store::KEEP_DELETED_DAYS
            );
        }
        Cmd::Restore { id } => {
            store.restore(id)?;
            out = format!("Restored draft {id}.\n");
        }
        Cmd::Import { file, title, json } => {
            let id = store.import(&file, title.as_deref())?;
            out = created(&store, id, json)?;
        }
        Cmd::Export { id, file } => {
            store.export(id, &file)?;
            out = format!("Wrote draft {id} to {}.\n", file.display());
        }
        Cmd::Publish {
            id,
            note,
            note_sv,
            note_en,
            date,
            json,
        } => {
            let note = Text::new(
                note.unwrap_or_default(),
                note_sv.unwrap_or_default(),
                note_en.unwrap_or_default(),
            );
            let v = match date {
                Some(d) => store.publish_dated(id, &note, &d)?,
                None => store.publish(id, &note)?,
            };
            if json {
                out = to_json(&v.summary);
            } else {
                out = format!(
                    "Published version {} of draft {id} (version id {}), dated {}.\n",
                    v.summary.number,
                    v.summary.id,
                    fi_date(&v.summary.date)
                );
            }
        }
        Cmd::History { id, json } => {
            let versions = store.versions(id)?;
            out = if json {
                to_json(&versions)
            } else {
                history_text(id, &versions)
            };
        }
        Cmd::Backups { json } => {
            let backups = store.backups()?;
            out = if json {
                to_json(&backups)
            } else if backups.is_empty() {
                "No backups yet.\n".into()
            } else {
                backups
                    .iter()
                    .map(|b| format!("{}  {}\n", b.local_time(), b.path.display()))
                    .collect()
            };
        }
        Cmd::RestoreBackup { file } => {
            let safety = store.restore_backup(&file)?;
            out = format!(
                "Restored {}; the state before is kept in {}.\n",
                file.display(),
                safety.path.display()
            );
        }
        Cmd::Diff {
            a,
            b,
            draft,
            lang,
            json,
        } => {
            let lang: Lang = lang.parse()?;
            let d = match (draft, a, b) {
                (Some(id), _, _) => store.diff_unpublished(id, lang)?,
                (None, Some(a), Some(b)) => store.diff(a, b, lang)?,
                _ => unreachable!("clap requires A and B or --draft"),
            };
            out = if json { to_json(&d) } else { d.to_string() };
        }
    }
    // A closed pipe (e.g. `| head`) is not an error worth a message.
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    Ok(ExitCode::SUCCESS)
}

fn to_json<T: serde::Serialize + ?Sized>(v: &T) -> String {
    let mut s = serde_json::to_string_pretty(v).expect("serialisable");
    s.push('\n');
    s
}

fn created(store: &Store, id: DraftId, json: bool) -> seloste::Result<String> {
    let d = store.get(id)?;
    Ok(if json {
        to_json(&json!({ "id": d.id, "title": d.title }))
    } else {
        format!("Created draft {}: {}\n", d.id, d.title)
    })
}

/// `2027-03-12` → `12.3.2027`.
fn fi_date(d: &str) -> String {
    let p: Vec<&str> = d.split('-').collect();
    match p.as_slice() {
        [y, m, dd] => format!(
            "{}.{}.{y}",
            dd.trim_start_matches('0'),
            m.trim_start_matches('0')
        ),
        _ => d.to_string(),
    }
}

fn list_text(list: &[DraftSummary], deleted: bool) -> String {
    if list.is_empty() {
        return if deleted {
            "No deleted drafts.\n".into()
        } else {
            "No drafts yet; create one with `seloste drafts new TITLE`.\n".into()
        };
    }
    let w = list
        .iter()
        .map(|d| d.id.to_string().len())
        .max()
        .unwrap_or(1);
    let tw = list
        .iter()
        .map(|d| d.title.chars().count())
        .max()
        .unwrap_or(0)
        .min(40);
    let mut s = String::new();
    for d in list {
        let when = match &d.deleted_at {
            Some(t) => format!("deleted {}", local_time(t)),
            None => format!("edited {}", local_time(&d.updated_at)),
        };
        let published = match d.versions {
            0 => "not published".to_string(),
            1 => "1 version".to_string(),
            n => format!("{n} versions"),
        };
        s += &format!("{:>w$}  {:<tw$}  {when}  {published}\n", d.id, d.title);
    }
    s
}

fn history_text(id: DraftId, versions: &[VersionSummary]) -> String {
    if versions.is_empty() {
        return format!("Draft {id} has not been published.\n");
    }
    let mut s = String::new();
    for v in versions {
        let note = v
            .change_note
            .resolve(Lang::Fi)
            .map(|(t, _)| t)
            .unwrap_or("");
        s += &format!(
            "version {} (id {})  {}  {note}\n",
            v.number,
            v.id,
            fi_date(&v.date)
        );
    }
    s
}

/// The notice's content as readable lines per section: its difference from an empty notice.
fn content_text(notice: &Notice, lang: Lang) -> String {
    let d = diff::notices(&Notice::default(), notice, lang);
    let mut s = String::new();
    for sec in &d.sections {
        s += &format!("\n{}\n", sec.heading);
        for c in &sec.changes {
            if let Change::Added { line } | Change::Changed { after: line, .. } = c {
                s += &format!("  {line}\n");
            }
        }
    }
    s
}
