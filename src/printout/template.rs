//! The office's document templates: Jinja syntax (minijinja), HTML escaped, read from the
//! records directory's `templates/` through a loader the caller gives (HEAD's tree for
//! `sop print`, the work tree for `sop procedure check`). A template may include, import or
//! extend only other files of `templates/`; it reads no file and runs no program; its run is
//! bounded by fuel (instructions and memory) and its output by `limits::PRINT_OUTPUT_BYTES`.
//!
//! Filters for Indonesian documents: `tanggal` (`24 November 2026`), `hari` (`Selasa`),
//! `jam` (`10:30`), `waktu` (an object: `hari`, `tanggal`, `bulan`, `tahun`, `jam`, `teks`),
//! `terbilang` (`dua puluh empat`), `rupiah` (`Rp15.000.000`), `nip` (`19830511 200701 1 005`).

use std::sync::Arc;

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Timelike};
use minijinja::value::{Serde, Value};
use minijinja::{Environment, Error, ErrorKind, UndefinedBehavior};
use serde::Serialize;

use crate::dates::{long_date, DAYS, MONTHS};
use crate::limits;

/// The folder templates live in, in the records directory.
pub const FOLDER: &str = "templates";

/// The request form printout, when the office has no `templates/formulir.html`.
pub const FORM: &str = "formulir.html";
const BUILTIN_FORM: &str = include_str!("formulir.html");

/// Instructions (and about 64 bytes of memory each) one rendering may spend: a form of a
/// request with thousands of history entries takes a few hundred thousand.
const FUEL: u64 = 4_000_000;

/// Where templates come from: the text of `templates/<name>`, None when there is none.
pub type Source = Arc<dyn Fn(&str) -> Result<Option<String>, String> + Send + Sync>;

/// Checks a template's name within `templates/` (as an include names it): a relative path of
/// letters, digits, `.`, `_` and `-`, no `.` or `..` parts.
pub fn valid_name(name: &str) -> Result<(), String> {
    let ok = !name.is_empty()
        && name.len() <= 200
        && name.split('/').all(|part| {
            !part.is_empty()
                && part != "."
                && part != ".."
                && part
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
        });
    match ok {
        true => Ok(()),
        false => Err(t!(TemplateBadName, name = name, folder = FOLDER)),
    }
}

/// A step's `template` (records-relative: `templates/berita-acara.html`) as the name of the
/// file within `templates/`.
pub fn step_template_name(rel: &str) -> Result<&str, String> {
    let name = rel
        .strip_prefix(FOLDER)
        .and_then(|r| r.strip_prefix('/'))
        .ok_or_else(|| t!(TemplateNotUnder, rel = rel, folder = FOLDER))?;
    valid_name(name).map_err(|_| t!(TemplateBadName, name = rel, folder = FOLDER))?;
    if !name.ends_with(".html") {
        return Err(t!(TemplateNotHtml, rel = rel));
    }
    Ok(name)
}

/// The environment: templates from `source`, the built-in form when `source` has none, the
/// filters, HTML escaping, fuel.
fn environment(source: Source) -> Environment<'static> {
    let mut env = Environment::new();
    env.set_loader(move |name| {
        valid_name(name).map_err(|why| Error::new(ErrorKind::InvalidOperation, why))?;
        match source(name) {
            Ok(Some(text)) => Ok(Some(text)),
            Ok(None) if name == FORM => Ok(Some(BUILTIN_FORM.to_string())),
            Ok(None) => Ok(None),
            Err(why) => Err(Error::new(ErrorKind::InvalidOperation, why)),
        }
    });
    // Escape every template's values for HTML, whatever its name.
    env.set_auto_escape_callback(|_| minijinja::AutoEscape::Html);
    env.set_undefined_behavior(UndefinedBehavior::Chainable);
    env.set_fuel(Some(FUEL));
    // minijinja counts an include 10, a macro call 4, an `if` or `for` 1: includes nest 6 deep.
    env.set_recursion_limit(64);
    env.add_filter("tanggal", |v: Value| date_text(&v, Part::Date));
    env.add_filter("hari", |v: Value| date_text(&v, Part::Day));
    env.add_filter("jam", |v: Value| date_text(&v, Part::Time));
    env.add_filter("waktu", waktu);
    env.add_filter("terbilang", |v: Value| {
        number(&v).map_or_else(|| v.to_string(), terbilang)
    });
    env.add_filter("rupiah", |v: Value| {
        number(&v).map_or_else(|| v.to_string(), |n| format!("Rp{}", thousands(n)))
    });
    env.add_filter("nip", |v: Value| nip(&v.to_string()));
    env
}

/// Renders template `name` (within `templates/`) with `data`. The error says what went wrong
/// and where (`templates/ba.html:12`).
pub fn render(source: Source, name: &str, data: &impl Serialize) -> Result<String, String> {
    let env = environment(source);
    let template = env.get_template(name).map_err(|e| describe(&e))?;
    let mut out = Bounded::default();
    let result = template.render_captured_to(Value::from(Serde(data)), &mut out);
    if out.over {
        return Err(t!(
            TemplateTooMuch,
            folder = FOLDER,
            name = name,
            size = limits::size(limits::PRINT_OUTPUT_BYTES as u64)
        ));
    }
    result.map_err(|e| describe(&e))?;
    String::from_utf8(out.bytes).map_err(|e| format!("{FOLDER}/{name}: {e}"))
}

/// Checks template `name` without its data: it and every template it includes, imports or
/// extends parse (those are found by rendering it once with no data, every value empty).
/// Gives what that rendering wrote, to check the markup around the values; None when the
/// template cannot run without its data. The error: the message of the first that fails.
pub fn check(source: Source, name: &str) -> Result<Option<String>, String> {
    let env = environment(source);
    let template = env.get_template(name).map_err(|e| describe(&e))?;
    match template.render(Value::from(())) {
        Ok(html) => Ok(Some(html)),
        Err(e) => match innermost(&e).kind() {
            ErrorKind::SyntaxError | ErrorKind::TemplateNotFound => Err(describe(&e)),
            _ => Ok(None),
        },
    }
}

/// The error an include failed with, the one inside it.
fn innermost(mut e: &Error) -> &Error {
    while let Some(inner) = std::error::Error::source(e).and_then(|s| s.downcast_ref::<Error>()) {
        e = inner;
    }
    e
}

/// minijinja's message, with the template named as a path of the records directory: that of
/// the innermost error (in the included template that fails, not the `include` around it).
fn describe(e: &Error) -> String {
    let e = innermost(e);
    let mut text = match e.detail() {
        Some(detail) => format!("{}: {detail}", e.kind()),
        None => e.kind().to_string(),
    };
    if let Some(name) = e.name() {
        text = format!("{FOLDER}/{name}:{}: {text}", e.line().unwrap_or(0));
    }
    match e.kind() {
        ErrorKind::OutOfFuel => t!(TemplateOutOfFuel, text = text),
        _ => text,
    }
}

/// A writer that takes at most `PRINT_OUTPUT_BYTES`, then fails.
#[derive(Default)]
struct Bounded {
    bytes: Vec<u8>,
    over: bool,
}

impl std::io::Write for Bounded {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.bytes.len() + buf.len() > limits::PRINT_OUTPUT_BYTES {
            self.over = true;
            return Err(std::io::Error::other("the printout is too large"));
        }
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------
// Filters.

enum Part {
    Date,
    Day,
    Time,
}

/// A time (RFC 3339, as every time in the data) or a date (`YYYY-MM-DD`).
fn when(v: &Value) -> Option<(NaiveDate, Option<DateTime<FixedOffset>>)> {
    let text = v.as_str()?.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        return Some((t.date_naive(), Some(t)));
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .map(|d| (d, None))
}

/// Empty for an empty value; the value as it is when it is not a date.
fn date_text(v: &Value, part: Part) -> String {
    if v.is_undefined() || v.is_none() {
        return String::new();
    }
    let Some((date, time)) = when(v) else {
        return v.to_string();
    };
    match part {
        Part::Date => long_date(date),
        Part::Day => DAYS[date.weekday().num_days_from_monday() as usize].to_string(),
        Part::Time => time.map_or_else(String::new, |t| {
            format!("{:02}:{:02}", t.hour(), t.minute())
        }),
    }
}

#[derive(Serialize)]
struct Waktu {
    hari: String,
    tanggal: u32,
    bulan: String,
    tahun: i32,
    jam: String,
    teks: String,
}

fn waktu(v: Value) -> Value {
    match when(&v) {
        Some((date, time)) => Value::from(Serde(Waktu {
            hari: DAYS[date.weekday().num_days_from_monday() as usize].to_string(),
            tanggal: date.day(),
            bulan: MONTHS[date.month0() as usize].to_string(),
            tahun: date.year(),
            jam: time.map_or_else(String::new, |t| {
                format!("{:02}:{:02}", t.hour(), t.minute())
            }),
            teks: long_date(date),
        })),
        None => Value::UNDEFINED,
    }
}

/// A whole number from a number or a text of digits (dots and spaces allowed: `15.000.000`).
fn number(v: &Value) -> Option<u64> {
    if let Some(n) = v.as_i64() {
        return u64::try_from(n).ok();
    }
    let text = v.as_str()?;
    let digits: String = text.chars().filter(|c| !matches!(c, '.' | ' ')).collect();
    (!digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()))
        .then(|| digits.parse().ok())
        .flatten()
}

/// `15.000.000`.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// A number in Indonesian words: `2026` → `dua ribu dua puluh enam`.
pub fn terbilang(n: u64) -> String {
    const UNITS: [&str; 12] = [
        "", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan",
        "sepuluh", "sebelas",
    ];
    fn words(n: u64) -> String {
        let with = |head: String, rest: u64| match rest {
            0 => head,
            r => format!("{head} {}", words(r)),
        };
        match n {
            0..=11 => UNITS[n as usize].to_string(),
            12..=19 => format!("{} belas", UNITS[(n - 10) as usize]),
            20..=99 => with(format!("{} puluh", UNITS[(n / 10) as usize]), n % 10),
            100..=199 => with("seratus".into(), n - 100),
            200..=999 => with(format!("{} ratus", UNITS[(n / 100) as usize]), n % 100),
            1_000..=1_999 => with("seribu".into(), n - 1_000),
            2_000..=999_999 => with(format!("{} ribu", words(n / 1_000)), n % 1_000),
            1_000_000..=999_999_999 => {
                with(format!("{} juta", words(n / 1_000_000)), n % 1_000_000)
            }
            1_000_000_000..=999_999_999_999 => with(
                format!("{} miliar", words(n / 1_000_000_000)),
                n % 1_000_000_000,
            ),
            _ => with(
                format!("{} triliun", words(n / 1_000_000_000_000)),
                n % 1_000_000_000_000,
            ),
        }
    }
    match n {
        0 => "nol".into(),
        n => words(n),
    }
}

/// An 18-digit NIP as it is written: birth date, appointment month, sex, number.
fn nip(text: &str) -> String {
    let digits: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    match digits.len() == 18 && digits.chars().all(|c| c.is_ascii_digit()) {
        true => format!(
            "{} {} {} {}",
            &digits[..8],
            &digits[8..14],
            &digits[14..15],
            &digits[15..]
        ),
        false => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(files: &[(&'static str, &'static str)]) -> Source {
        let files: Vec<(String, String)> = files
            .iter()
            .map(|(n, t)| (n.to_string(), t.to_string()))
            .collect();
        Arc::new(move |name| {
            Ok(files
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, t)| t.clone()))
        })
    }

    #[test]
    fn numbers_and_dates_in_indonesian() {
        assert_eq!(terbilang(0), "nol");
        assert_eq!(terbilang(11), "sebelas");
        assert_eq!(terbilang(24), "dua puluh empat");
        assert_eq!(terbilang(115), "seratus lima belas");
        assert_eq!(terbilang(2026), "dua ribu dua puluh enam");
        assert_eq!(terbilang(1_500_000), "satu juta lima ratus ribu");
        assert_eq!(thousands(15_000_000), "15.000.000");
        assert_eq!(nip("198305112007011005"), "19830511 200701 1 005");
        assert_eq!(nip("-"), "-");
        let out = render(
            source(&[(
                "t.html",
                "{{ t | hari }}, {{ t | tanggal }} {{ t | jam }}; {% set w = d | waktu %}{{ w.tanggal | terbilang }} {{ w.bulan }}; {{ v | rupiah }}",
            )]),
            "t.html",
            &serde_json::json!({"t": "2026-11-24T10:30:00+07:00", "d": "2026-11-24", "v": 15000000}),
        )
        .unwrap();
        assert_eq!(
            out,
            "Selasa, 24 November 2026 10:30; dua puluh empat November; Rp15.000.000"
        );
    }

    #[test]
    fn values_are_escaped_and_includes_stay_in_the_folder() {
        let src = source(&[
            ("a.html", "{% include 'kop.html' %}<p>{{ x }}</p>"),
            ("kop.html", "<h1>KOP</h1>"),
            ("bad.html", "{% include '../sop.toml' %}"),
            (
                "loop.html",
                "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
            ),
            (
                "big.html",
                "{% for i in range(90000) %}0123456789abcdef{% endfor %}",
            ),
        ]);
        let out = render(src.clone(), "a.html", &serde_json::json!({"x": "<b>&"})).unwrap();
        assert_eq!(out, "<h1>KOP</h1><p>&lt;b&gt;&amp;</p>");
        let e = render(src.clone(), "bad.html", &()).unwrap_err();
        assert!(e.contains("not a file name under templates/"), "{e}");
        let e = render(src.clone(), "loop.html", &()).unwrap_err();
        assert!(e.contains("too much work"), "{e}");
        let e = render(src.clone(), "big.html", &()).unwrap_err();
        assert!(e.contains("more than 1 MiB"), "{e}");
        let e = check(src, "missing.html").unwrap_err();
        assert!(e.contains("not found"), "{e}");
    }

    /// An error in an included template (a syntax error, running out of fuel), where it is, not
    /// only that the include failed.
    #[test]
    fn a_failing_include_is_named_with_its_error() {
        let src = source(&[
            ("a.html", "<p>a</p>\n{% include 'kop.html' %}"),
            ("kop.html", "<p>kop</p>\n{% if x %}<p>tidak ditutup</p>\n"),
            ("b.html", "{% include 'loop.html' %}"),
            (
                "loop.html",
                "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
            ),
        ]);
        let e = render(src.clone(), "a.html", &()).unwrap_err();
        assert!(e.starts_with("templates/kop.html:2: syntax error"), "{e}");
        let e = render(src, "b.html", &()).unwrap_err();
        assert!(e.contains("too much work"), "{e}");
    }

    /// The recursion limit (64 by minijinja's count, an include costing 10) lets includes nest
    /// 6 deep.
    #[test]
    fn includes_nest_six_deep() {
        // t0.html includes t1.html, … up to t`deep`.html, which writes "end".
        let chain = |deep: usize| -> Source {
            Arc::new(move |name: &str| {
                let i: usize = name[1..name.len() - ".html".len()].parse().unwrap();
                Ok(Some(match i == deep {
                    true => "end".to_string(),
                    false => format!("{{% include 't{}.html' %}}", i + 1),
                }))
            })
        };
        assert_eq!(render(chain(6), "t0.html", &()).unwrap(), "end");
        let e = render(chain(7), "t0.html", &()).unwrap_err();
        assert!(e.contains("recursion limit exceeded"), "{e}");
    }

    #[test]
    fn step_templates_are_named_under_the_folder() {
        assert_eq!(step_template_name("templates/ba.html"), Ok("ba.html"));
        assert_eq!(step_template_name("templates/ba/x.html"), Ok("ba/x.html"));
        for bad in [
            "ba.html",
            "templates/../sop.toml",
            "templates/ba.txt",
            "/templates/ba.html",
            "templates//a.html",
        ] {
            assert!(step_template_name(bad).is_err(), "{bad}");
        }
    }
}
