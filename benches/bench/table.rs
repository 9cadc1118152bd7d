//! Measure something several times and print median, spread and the target beside it.
#![allow(dead_code)]

use std::time::{Duration, Instant};

pub struct Row {
    pub area: &'static str,
    pub what: String,
    pub median: String,
    pub spread: String,
    pub target: String,
    pub ok: Option<bool>,
}

pub struct Table {
    filter: Vec<String>,
    rows: Vec<Row>,
}

impl Table {
    pub fn new(filter: Vec<String>) -> Self {
        Table {
            filter,
            rows: Vec::new(),
        }
    }

    /// Is this area selected by the command-line filter (none = all)?
    pub fn wants(&self, area: &str) -> bool {
        self.filter.is_empty() || self.filter.iter().any(|f| area.contains(f.as_str()))
    }

    /// Time `f` `runs` times (after one warm-up) and add a row comparing the median with
    /// `target` (an upper bound). Returns the sorted samples.
    pub fn time<F: FnMut()>(
        &mut self,
        area: &'static str,
        what: impl Into<String>,
        runs: usize,
        target: Option<Duration>,
        mut f: F,
    ) -> Vec<Duration> {
        f();
        let samples: Vec<Duration> = (0..runs)
            .map(|_| {
                let t0 = Instant::now();
                f();
                t0.elapsed()
            })
            .collect();
        self.durations(area, what, samples, target)
    }

    /// Add a row for samples measured elsewhere (e.g. across processes), comparing the median
    /// with `target` (an upper bound). Returns the samples sorted.
    pub fn durations(
        &mut self,
        area: &'static str,
        what: impl Into<String>,
        mut samples: Vec<Duration>,
        target: Option<Duration>,
    ) -> Vec<Duration> {
        assert!(
            !samples.is_empty(),
            "a timing row needs at least one sample"
        );
        samples.sort();
        let median = samples[samples.len() / 2];
        self.rows.push(Row {
            area,
            what: what.into(),
            median: fmt_duration(median),
            spread: format!(
                "{}–{} (n={})",
                fmt_duration(samples[0]),
                fmt_duration(*samples.last().unwrap()),
                samples.len()
            ),
            target: target
                .map(|d| format!("< {}", fmt_duration(d)))
                .unwrap_or_default(),
            ok: target.map(|d| median < d),
        });
        samples
    }

    /// Add a row measured some other way (a size, a ratio, memory).
    pub fn row(
        &mut self,
        area: &'static str,
        what: impl Into<String>,
        median: impl Into<String>,
        spread: impl Into<String>,
        target: impl Into<String>,
        ok: Option<bool>,
    ) {
        self.rows.push(Row {
            area,
            what: what.into(),
            median: median.into(),
            spread: spread.into(),
            target: target.into(),
            ok,
        });
    }

    pub fn print(&self) {
        let headers = [
            "area",
            "what",
            "median",
            "spread (min–max)",
            "target",
            "met",
        ];
        let cells: Vec<[String; 6]> = self
            .rows
            .iter()
            .map(|r| {
                [
                    r.area.to_string(),
                    r.what.clone(),
                    r.median.clone(),
                    r.spread.clone(),
                    r.target.clone(),
                    match r.ok {
                        Some(true) => "yes".into(),
                        Some(false) => "NO".into(),
                        None => "".into(),
                    },
                ]
            })
            .collect();
        let mut w = headers.map(|h| h.chars().count());
        for c in &cells {
            for i in 0..6 {
                w[i] = w[i].max(c[i].chars().count());
            }
        }
        let line = |c: &[String]| {
            let parts: Vec<String> = c
                .iter()
                .enumerate()
                .map(|(i, s)| format!("{s:<width$}", width = w[i]))
                .collect();
            println!("| {} |", parts.join(" | "));
        };
        line(&headers.map(String::from));
        println!(
            "|{}|",
            w.iter()
                .map(|n| "-".repeat(n + 2))
                .collect::<Vec<_>>()
                .join("|")
        );
        for c in &cells {
            line(c);
        }
    }
}

pub fn fmt_duration(d: Duration) -> String {
    let us = d.as_secs_f64() * 1e6;
    if us < 1000.0 {
        format!("{us:.0} µs")
    } else if us < 1e6 {
        format!("{:.2} ms", us / 1000.0)
    } else {
        format!("{:.2} s", us / 1e6)
    }
}

pub fn fmt_bytes(n: u64) -> String {
    if n < 1024 * 1024 {
        format!("{:.1} KiB", n as f64 / 1024.0)
    } else {
        format!("{:.2} MiB", n as f64 / (1024.0 * 1024.0))
    }
}
