//! What differs between Linux, macOS and Windows, as pure functions that every system can test:
//! where Seloste keeps its data (`data_dir`), and file names that all three accept
//! (`portable_file_name`).
//!
//! The rules take the platform and its environment as arguments instead of reading them, so the
//! Windows and macOS rules are tested on the Linux build machine too; the program calls them
//! with `Platform::current()` and `Env::from_process()`.

use std::ffi::OsString;
use std::path::PathBuf;
use unicode_normalization::UnicodeNormalization;

/// The folder under the platform's data directory that holds Seloste's files.
pub const APP_DIR: &str = "seloste";

/// The systems Seloste ships for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Platform {
    Linux,
    MacOs,
    Windows,
}

impl Platform {
    /// The system this program was built for (every Unix but macOS follows the Linux rules).
    pub const fn current() -> Platform {
        if cfg!(windows) {
            Platform::Windows
        } else if cfg!(target_os = "macos") {
            Platform::MacOs
        } else {
            Platform::Linux
        }
    }
}

/// The parts of a user's environment the data directory depends on.
#[derive(Debug, Clone, Default)]
pub struct Env {
    /// The home folder (`$HOME`, on Windows the profile folder).
    pub home: Option<PathBuf>,
    /// `$XDG_DATA_HOME` (Linux).
    pub xdg_data_home: Option<OsString>,
    /// `%APPDATA%` (Windows: the roaming application-data folder).
    pub appdata: Option<OsString>,
    /// `$XDG_STATE_HOME` (Linux: where logs belong).
    pub xdg_state_home: Option<OsString>,
    /// `%LOCALAPPDATA%` (Windows: the machine's own application data, for logs).
    pub localappdata: Option<OsString>,
}

impl Env {
    /// This process's environment.
    pub fn from_process() -> Env {
        Env {
            home: dirs::home_dir(),
            xdg_data_home: std::env::var_os("XDG_DATA_HOME"),
            appdata: std::env::var_os("APPDATA"),
            xdg_state_home: std::env::var_os("XDG_STATE_HOME"),
            localappdata: std::env::var_os("LOCALAPPDATA"),
        }
    }
}

/// The platform's folder for an application's own data (before `APP_DIR` is added):
/// - Linux: `$XDG_DATA_HOME` when it is an absolute path, else `~/.local/share`
///   (the XDG base-directory rule: a relative value is ignored);
/// - macOS: `~/Library/Application Support`;
/// - Windows: `%APPDATA%` (e.g. `C:\Users\Maija\AppData\Roaming`), else
///   `AppData\Roaming` in the profile folder.
///
/// `None` when the environment names no home at all.
pub fn data_dir(platform: Platform, env: &Env) -> Option<PathBuf> {
    let var = |v: &Option<OsString>| absolute_var(platform, v);
    let home = home(platform, env);
    match platform {
        Platform::Linux => {
            var(&env.xdg_data_home).or_else(|| home.map(|h| h.join(".local").join("share")))
        }
        Platform::MacOs => home.map(|h| h.join("Library").join("Application Support")),
        Platform::Windows => {
            var(&env.appdata).or_else(|| home.map(|h| h.join("AppData").join("Roaming")))
        }
    }
}

/// Seloste's own data folder: `data_dir` + `seloste`.
pub fn app_data_dir(platform: Platform, env: &Env) -> Option<PathBuf> {
    data_dir(platform, env).map(|d| d.join(APP_DIR))
}

/// Where the app writes its log files (ids and timings, never notice text):
/// - Linux: `$XDG_STATE_HOME/seloste` when absolute, else `~/.local/state/seloste`
///   (the XDG base-directory rule for logs);
/// - macOS: `~/Library/Logs/Seloste`;
/// - Windows: `%LOCALAPPDATA%\seloste\logs`, else `AppData\Local\seloste\logs` in the profile.
pub fn log_dir(platform: Platform, env: &Env) -> Option<PathBuf> {
    let var = |v: &Option<OsString>| absolute_var(platform, v);
    let home = home(platform, env);
    match platform {
        Platform::Linux => var(&env.xdg_state_home)
            .or_else(|| home.map(|h| h.join(".local").join("state")))
            .map(|d| d.join(APP_DIR)),
        Platform::MacOs => home.map(|h| h.join("Library").join("Logs").join("Seloste")),
        Platform::Windows => var(&env.localappdata)
            .or_else(|| home.map(|h| h.join("AppData").join("Local")))
            .map(|d| d.join(APP_DIR).join("logs")),
    }
}

/// An environment variable's folder, if it is an absolute path by `platform`'s rules (a
/// relative value is ignored, as the XDG base-directory specification says).
fn absolute_var(platform: Platform, v: &Option<OsString>) -> Option<PathBuf> {
    v.as_ref()
        .filter(|s| is_absolute_on(platform, s.to_string_lossy().as_ref()))
        .map(PathBuf::from)
}

/// The home folder, if the environment names an absolute one.
fn home(platform: Platform, env: &Env) -> Option<&PathBuf> {
    env.home
        .as_ref()
        .filter(|h| is_absolute_on(platform, h.to_string_lossy().as_ref()))
}

/// Whether `path` is absolute by the rules of `platform` (not of the system running this):
/// `/…` on Linux and macOS; `C:\…` (or `C:/…`) and `\\server\share\…` on Windows.
fn is_absolute_on(platform: Platform, path: &str) -> bool {
    match platform {
        Platform::Linux | Platform::MacOs => path.starts_with('/'),
        Platform::Windows => {
            let b = path.as_bytes();
            (b.len() >= 3
                && b[0].is_ascii_alphabetic()
                && b[1] == b':'
                && matches!(b[2], b'\\' | b'/'))
                || path.starts_with(r"\\")
        }
    }
}

/// Characters Windows refuses in a file name (`/` is also the Unix separator, `:` is refused by
/// macOS's Finder); control characters are refused as well.
const FORBIDDEN: &[char] = &['<', '>', ':', '"', '/', '\\', '|', '?', '*'];

/// Device names Windows reserves, whatever the extension and the case (`con.pdf` is the console).
const RESERVED: &[&str] = &[
    "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$", "COM0", "COM1", "COM2", "COM3", "COM4",
    "COM5", "COM6", "COM7", "COM8", "COM9", "COM¹", "COM²", "COM³", "LPT0", "LPT1", "LPT2", "LPT3",
    "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "LPT¹", "LPT²", "LPT³",
];

/// The longest stem in UTF-8 bytes: well inside Linux's 255-byte and Windows' 255-unit limits
/// per name, and short enough that a deep folder stays under Windows' 260-character paths.
const MAX_STEM_BYTES: usize = 120;

/// The stem used when nothing usable is left of the one asked for.
const FALLBACK_STEM: &str = "seloste";

/// A file name `stem.ext` that Windows, macOS and Linux all accept, made from any text (a
/// translated default name, a business's or a draft's name):
/// - characters Windows refuses (`< > : " / \ | ? *`) become `-`, control characters a space;
///   runs of either collapse, and whitespace becomes single spaces;
/// - no leading dot (a hidden file on Linux and macOS), no trailing dot or space (Windows drops
///   them silently), no leading or trailing `-`;
/// - a Windows device name (`CON`, `PRN`, `AUX`, `NUL`, `COM1`…, `LPT1`…, any case, with any
///   extension) gets a `_` after it: `CON.pdf` → `CON_.pdf`;
/// - composed Unicode (NFC), so "Ääkkönen" is the same name on macOS and Windows;
/// - at most 120 bytes of stem, cut between characters;
/// - `ext` keeps only ASCII letters and digits; an empty one gives no extension.
pub fn portable_file_name(stem: &str, ext: &str) -> String {
    let chars: Vec<char> = stem
        .nfc()
        .map(|c| {
            if c.is_control() || c.is_whitespace() {
                ' '
            } else {
                c
            }
        })
        .collect();
    let mut out = String::with_capacity(stem.len());
    for (i, &c) in chars.iter().enumerate() {
        let c = if FORBIDDEN.contains(&c) {
            // Beside a space it is only punctuation ("Oy: seloste"); between words a separator.
            let spaced = i == 0
                || chars[i - 1] == ' '
                || FORBIDDEN.contains(&chars[i - 1])
                || chars
                    .get(i + 1)
                    .is_none_or(|&n| n == ' ' || FORBIDDEN.contains(&n));
            if spaced { ' ' } else { '-' }
        } else {
            c
        };
        if (c == ' ' || c == '-') && out.ends_with(c) {
            continue;
        }
        out.push(c);
    }
    let trim = |s: &str| {
        s.trim_start_matches(['.', ' ', '-'])
            .trim_end_matches(['.', ' ', '-'])
            .to_string()
    };
    let mut stem = trim(&out);
    if stem.is_empty() {
        stem = FALLBACK_STEM.to_string();
    }
    // Windows compares the part before the first dot, trailing spaces ignored.
    let first = stem.split('.').next().unwrap_or("");
    let base = first.trim_end_matches(' ');
    if RESERVED.iter().any(|r| r.eq_ignore_ascii_case(base)) {
        stem.insert(base.len(), '_');
    }
    if stem.len() > MAX_STEM_BYTES {
        let mut cut = MAX_STEM_BYTES;
        while !stem.is_char_boundary(cut) {
            cut -= 1;
        }
        stem = trim(&stem[..cut]);
    }
    let ext: String = ext.chars().filter(char::is_ascii_alphanumeric).collect();
    if ext.is_empty() {
        stem
    } else {
        format!("{stem}.{ext}")
    }
}

/// Whether Windows, macOS and Linux all accept `name` as a file name (the rules that
/// `portable_file_name` guarantees).
pub fn is_portable_file_name(name: &str) -> bool {
    let first = name.split('.').next().unwrap_or("").trim_end_matches(' ');
    !name.is_empty()
        && name.len() <= 255
        && !name
            .chars()
            .any(|c| FORBIDDEN.contains(&c) || c.is_control())
        && !name.starts_with('.')
        && !name.ends_with(['.', ' '])
        && !RESERVED.iter().any(|r| r.eq_ignore_ascii_case(first))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::path::Path;

    fn env(home: &str) -> Env {
        Env {
            home: Some(PathBuf::from(home)),
            ..Env::default()
        }
    }

    #[test]
    fn log_dir_per_platform() {
        assert_eq!(
            log_dir(Platform::Linux, &env("/home/maija")),
            Some(PathBuf::from("/home/maija/.local/state/seloste"))
        );
        let state = Env {
            xdg_state_home: Some("/srv/state".into()),
            ..env("/home/maija")
        };
        assert_eq!(log_dir(Platform::Linux, &state), Some(PathBuf::from("/srv/state/seloste")));
        let relative = Env {
            xdg_state_home: Some("state".into()),
            ..env("/home/maija")
        };
        assert_eq!(
            log_dir(Platform::Linux, &relative),
            Some(PathBuf::from("/home/maija/.local/state/seloste"))
        );
        assert_eq!(
            log_dir(Platform::MacOs, &env("/Users/maija")),
            Some(Path::new("/Users/maija").join("Library").join("Logs").join("Seloste"))
        );
        let win = Env {
            localappdata: Some(r"C:\Users\Maija\AppData\Local".into()),
            ..env(r"C:\Users\Maija")
        };
        assert_eq!(
            log_dir(Platform::Windows, &win),
            Some(PathBuf::from(r"C:\Users\Maija\AppData\Local").join("seloste").join("logs"))
        );
        assert_eq!(log_dir(Platform::Linux, &Env::default()), None);
    }

    #[test]
    fn data_dir_per_platform() {
        let cases: &[(Platform, Env, Option<PathBuf>)] = &[
            (
                Platform::Linux,
                env("/home/maija"),
                Some(Path::new("/home/maija").join(".local").join("share")),
            ),
            (
                Platform::Linux,
                Env {
                    xdg_data_home: Some("/srv/data".into()),
                    ..env("/home/maija")
                },
                Some(PathBuf::from("/srv/data")),
            ),
            // A relative XDG_DATA_HOME is ignored (XDG base-directory specification).
            (
                Platform::Linux,
                Env {
                    xdg_data_home: Some("data".into()),
                    ..env("/home/maija")
                },
                Some(Path::new("/home/maija").join(".local").join("share")),
            ),
            (
                Platform::MacOs,
                env("/Users/maija"),
                Some(
                    Path::new("/Users/maija")
                        .join("Library")
                        .join("Application Support"),
                ),
            ),
            // Linux's variable means nothing on a Mac.
            (
                Platform::MacOs,
                Env {
                    xdg_data_home: Some("/srv/data".into()),
                    ..env("/Users/maija")
                },
                Some(
                    Path::new("/Users/maija")
                        .join("Library")
                        .join("Application Support"),
                ),
            ),
            (
                Platform::Windows,
                Env {
                    appdata: Some(r"C:\Users\Maija\AppData\Roaming".into()),
                    ..env(r"C:\Users\Maija")
                },
                Some(PathBuf::from(r"C:\Users\Maija\AppData\Roaming")),
            ),
            (
                Platform::Windows,
                env(r"C:\Users\Maija"),
                Some(Path::new(r"C:\Users\Maija").join("AppData").join("Roaming")),
            ),
            // A roaming profile on a server share.
            (
                Platform::Windows,
                Env {
                    appdata: Some(r"\\palvelin\profiilit\maija\AppData\Roaming".into()),
                    ..Env::default()
                },
                Some(PathBuf::from(r"\\palvelin\profiilit\maija\AppData\Roaming")),
            ),
            // A Unix-looking APPDATA is not a Windows path.
            (
                Platform::Windows,
                Env {
                    appdata: Some("/tmp/x".into()),
                    ..Env::default()
                },
                None,
            ),
            (Platform::Linux, Env::default(), None),
            (Platform::MacOs, env("relative/home"), None),
        ];
        for (platform, env, want) in cases {
            assert_eq!(&data_dir(*platform, env), want, "{platform:?} {env:?}");
        }
        let app = app_data_dir(Platform::MacOs, &env("/Users/maija")).unwrap();
        assert!(app.ends_with(Path::new("Application Support").join("seloste")));
    }

    /// The rule for this build's own system agrees with the `dirs` crate, which asks the system
    /// itself (on Windows the known-folder API). Run on each platform by the CI matrix.
    #[test]
    fn data_dir_matches_the_system_on_this_platform() {
        let ours = data_dir(Platform::current(), &Env::from_process());
        if let (Some(ours), Some(system)) = (ours, dirs::data_dir()) {
            assert_eq!(ours, system);
        }
    }

    #[test]
    fn file_names_windows_refuses_are_made_acceptable() {
        let cases = [
            ("tietosuojaseloste", "pdf", "tietosuojaseloste.pdf"),
            (
                "Kahvila Ääkkönen: seloste",
                "html",
                "Kahvila Ääkkönen seloste.html",
            ),
            ("a/b\\c", "pdf", "a-b-c.pdf"),
            ("2026/11/30", "pdf", "2026-11-30.pdf"),
            ("Firma//Oy", "pdf", "Firma Oy.pdf"),
            ("Mitä? <Miksi> \"näin\" | * ", "pdf", "Mitä Miksi näin.pdf"),
            ("CON", "pdf", "CON_.pdf"),
            ("con", "html", "con_.html"),
            ("Nul", "", "Nul_"),
            ("aux.backup", "pdf", "aux_.backup.pdf"),
            ("COM1", "pdf", "COM1_.pdf"),
            ("lpt9", "pdf", "lpt9_.pdf"),
            ("COM²", "pdf", "COM²_.pdf"),
            ("CONSOLE", "pdf", "CONSOLE.pdf"),
            ("COM10", "pdf", "COM10.pdf"),
            ("seloste...", "pdf", "seloste.pdf"),
            ("seloste . . ", "pdf", "seloste.pdf"),
            (".piilo", "pdf", "piilo.pdf"),
            ("rivi\r\nrivi\ttab", "pdf", "rivi rivi tab.pdf"),
            ("", "pdf", "seloste.pdf"),
            ("???", "pdf", "seloste.pdf"),
            ("...", "pdf", "seloste.pdf"),
            ("seloste", ".p/d:f", "seloste.pdf"),
            // Decomposed input (as macOS file names are) comes out composed.
            ("A\u{308}a\u{308}kko\u{308}nen", "pdf", "Ääkkönen.pdf"),
        ];
        for (stem, ext, want) in cases {
            let got = portable_file_name(stem, ext);
            assert_eq!(got, want, "{stem:?} {ext:?}");
            assert!(is_portable_file_name(&got), "{got:?}");
        }
    }

    /// The translated default export names are already portable, so the app saves them as
    /// written (a translator's "Seloste: Oy" would silently become "Seloste Oy").
    #[test]
    fn the_default_export_names_need_no_change() {
        for lang in crate::Lang::ALL {
            let stem = crate::wizard::ui("export.filename", lang);
            assert_eq!(
                portable_file_name(stem, "pdf"),
                format!("{stem}.pdf"),
                "{lang:?}"
            );
        }
    }

    #[test]
    fn long_names_are_cut_between_characters() {
        let name = portable_file_name(&"ä".repeat(200), "pdf");
        assert_eq!(name, format!("{}.pdf", "ä".repeat(60)));
        let name = portable_file_name(&format!("{}. x", "a".repeat(119)), "pdf");
        assert_eq!(name, format!("{}.pdf", "a".repeat(119)));
    }

    #[test]
    fn the_check_rejects_what_windows_refuses() {
        for bad in [
            "", "CON", "con.txt", "NUL .txt", "a:b", "a?", "a*b", "a\"b", "a<b", "a>b", "a|b",
            "a\\b", "a/b", "a.", "a ", ".a", "a\u{7}b",
        ] {
            assert!(!is_portable_file_name(bad), "{bad:?}");
        }
        for good in ["a", "CONSOLE.txt", "Ääkkönen Oy.pdf", "seloste-2026.html"] {
            assert!(is_portable_file_name(good), "{good:?}");
        }
    }

    proptest! {
        #[test]
        fn any_text_gives_a_portable_name(stem in "\\PC{0,200}", ext in "[a-z./:]{0,5}") {
            let name = portable_file_name(&stem, &ext);
            prop_assert!(is_portable_file_name(&name), "{:?} -> {:?}", stem, name);
            prop_assert!(name.len() <= MAX_STEM_BYTES + 1 + ext.len() + 1);
            let again = portable_file_name(
                name.strip_suffix(&format!(".{}", ext.replace(['.', '/', ':'], ""))).unwrap_or(&name),
                &ext,
            );
            prop_assert_eq!(again, name);
        }
    }
}
