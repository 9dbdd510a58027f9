//! Indonesian and English: the language sop speaks, chosen once at start-up, and the one
//! catalogue of its texts (src/i18n/messages.rs).
//!
//! The language is `language` of sop.toml as committed at HEAD, else `$SOP_LANG`, else the
//! locale (`LC_ALL`, `LC_MESSAGES`, `LANG`: `id…` is Indonesian), else English
//! (docs/contract.md, "Language"). It is chosen before the command line is parsed, so help
//! speaks it too.
//!
//! Every text is a key of the catalogue with both its English and its Indonesian wording;
//! `t!(Key, name = value, …)` formats the one of the chosen language. The catalogue is
//! checked when sop compiles: a key without both texts does not match the `messages!` macro,
//! and each text goes through `format!` with the arguments of the call, so a placeholder one
//! wording has and the other lacks is an error ("named argument never used"). A unit test
//! checks the same for every key, used or not.
//!
//! Only human output is translated: JSON and CSV keys and values, `--format id`, trailers
//! and the records themselves stay as docs/contract.md writes them, in every language.
//! Procedure texts (activities, role and field labels) stay as the office wrote them.

use std::sync::atomic::{AtomicU8, Ordering};

/// The languages sop speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    En,
    Id,
}

impl Lang {
    /// `id`, `id_ID.UTF-8`, `in` (Java's old code for Indonesian), `en`, `en_US`…; None for
    /// anything else.
    pub fn parse(text: &str) -> Option<Lang> {
        let code = text
            .split(['_', '.', '-', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match code.as_str() {
            "id" | "in" => Some(Lang::Id),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

static LANG: AtomicU8 = AtomicU8::new(0);

/// The language of this run.
pub fn lang() -> Lang {
    match LANG.load(Ordering::Relaxed) {
        1 => Lang::Id,
        _ => Lang::En,
    }
}

/// Sets the language of this run.
pub fn set(lang: Lang) {
    LANG.store(lang as u8, Ordering::Relaxed);
}

/// Chooses the language of this run (see the module's comment); done once, at start-up.
pub fn choose() {
    let office = crate::context::office_language();
    set(office.or_else(from_env).unwrap_or(Lang::En));
}

/// `$SOP_LANG`, else the locale's language (the first set of `LC_ALL`, `LC_MESSAGES`,
/// `LANG`): Indonesian for `id…`, English for anything else the locale says.
pub fn from_env() -> Option<Lang> {
    let var = |name: &str| std::env::var(name).ok().filter(|v| !v.trim().is_empty());
    if let Some(lang) = var("SOP_LANG").and_then(|v| Lang::parse(v.trim())) {
        return Some(lang);
    }
    let locale = var("LC_ALL")
        .or_else(|| var("LC_MESSAGES"))
        .or_else(|| var("LANG"))?;
    Some(Lang::parse(&locale).unwrap_or(Lang::En))
}

/// One key of the catalogue with its two wordings.
#[derive(Debug, Clone, Copy)]
pub struct Entry {
    pub key: &'static str,
    pub en: &'static str,
    pub id: &'static str,
}

/// Builds the catalogue: `CATALOGUE` (every key, for the tests) and the `msg_text!` macro
/// that `t!` reads a wording from, so that `format!` checks its placeholders.
macro_rules! messages {
    ($($key:ident { en: $en:literal, id: $id:literal $(,)? })*) => {
        /// Every key with its English and Indonesian wording.
        pub const CATALOGUE: &[$crate::i18n::Entry] = &[
            $($crate::i18n::Entry { key: stringify!($key), en: $en, id: $id }),*
        ];
        /// The wording of a key in a language: `msg_text!(Key, en)`.
        macro_rules! msg_text {
            $( ($key, en) => { $en }; ($key, id) => { $id }; )*
        }
    };
}

include!("i18n/messages.rs");

/// `t_in!(lang, Key, name = value, …)`: the text of `Key` in `lang`, its placeholders
/// (`{name}`) filled: for what must not change with the language of the run (a CSV cell, an
/// official document). A String.
macro_rules! t_in {
    ($lang:expr, $key:ident $(, $name:ident = $val:expr)* $(,)?) => {
        match $lang {
            $crate::i18n::Lang::En => format!(msg_text!($key, en) $(, $name = $val)*),
            $crate::i18n::Lang::Id => format!(msg_text!($key, id) $(, $name = $val)*),
        }
    };
}

/// `t!(Key, name = value, …)`: the text of `Key` in the language of this run (`t_in!`).
macro_rules! t {
    ($key:ident $(, $name:ident = $val:expr)* $(,)?) => {
        t_in!($crate::i18n::lang(), $key $(, $name = $val)*)
    };
}

/// A request's status as tables and sentences show it: the SOP's words in Indonesian (an
/// office's own outcome word as it is). JSON, CSV and the records keep the status itself.
pub fn status(status: &str) -> String {
    status_in(status, lang())
}

/// A request's status in `lang`: the official documents (printouts, the SOP document's
/// flow, `sop site`) say it in Indonesian whatever the language of the run, with the same
/// words as tables (`diproses`, `ditunda`, `dibatalkan`, `selesai`, `ditolak`). An office's
/// own outcome word is as written.
pub fn status_in(status: &str, lang: Lang) -> String {
    // A match, not a search of the catalogue: completions and `sop site` ask it per request.
    match status {
        "open" => t_in!(lang, StatusOpen),
        "held" => t_in!(lang, StatusHeld),
        "cancelled" => t_in!(lang, StatusCancelled),
        "completed" => t_in!(lang, StatusCompleted),
        "rejected" => t_in!(lang, StatusRejected),
        other => other.to_string(),
    }
}

/// The status a word given to `--status` means: the Indonesian word of a status is that
/// status (`selesai` is `completed`); any other word is itself.
pub fn status_value(given: &str) -> String {
    for (value, key) in STATUS_KEYS {
        if given.eq_ignore_ascii_case(entry(key).id) {
            return value.to_string();
        }
    }
    given.to_string()
}

const STATUS_KEYS: [(&str, &str); 5] = [
    ("open", "StatusOpen"),
    ("held", "StatusHeld"),
    ("cancelled", "StatusCancelled"),
    ("completed", "StatusCompleted"),
    ("rejected", "StatusRejected"),
];

/// An asset's status as tables show it.
pub fn asset_status(status: &str) -> String {
    match status {
        "planned" => t!(AssetPlanned),
        "in-stock" => t!(AssetInStock),
        "in-use" => t!(AssetInUse),
        "in-repair" => t!(AssetInRepair),
        "transferred" => t!(AssetTransferred),
        "disposed" => t!(AssetDisposed),
        other => other.to_string(),
    }
}

/// What a history entry did, as tables and sentences say it: the action itself in English
/// (`approve`), the SOP's word in Indonesian (`disetujui`).
pub fn action(action: crate::request::Action) -> String {
    use crate::request::Action;
    match action {
        Action::Create => t!(DoneCreate),
        Action::Advance => t!(DoneAdvance),
        Action::Approve => t!(DoneApprove),
        Action::Reject => t!(DoneReject),
        Action::Cancel => t!(DoneCancel),
        Action::Edit => t!(DoneEdit),
        Action::Comment => t!(DoneComment),
        Action::Assign => t!(DoneAssign),
        Action::Unassign => t!(DoneUnassign),
        Action::Hold => t!(DoneHold),
        Action::Resume => t!(DoneResume),
        Action::Return => t!(DoneReturn),
    }
}

/// A table's column header as people read it: the column's name (as CSV and JSON have it)
/// in the language of this run. Columns the catalogue has no word for (a field's or an
/// attribute's name) keep their name.
pub fn column(name: &str) -> String {
    let key = COLUMNS.iter().find(|(n, _)| *n == name).map(|(_, k)| *k);
    match key {
        Some(key) => text(key).to_string(),
        None => name.to_string(),
    }
}

/// Column name → catalogue key.
const COLUMNS: &[(&str, &str)] = &[
    ("id", "ColId"),
    ("procedure", "ColProcedure"),
    ("title", "ColTitle"),
    ("status", "ColStatus"),
    ("step", "ColStep"),
    ("role", "ColRole"),
    ("assignee", "ColAssignee"),
    ("requester", "ColRequester"),
    ("created", "ColCreated"),
    ("due", "ColDue"),
    ("kind", "ColKind"),
    ("name", "ColName"),
    ("location", "ColLocation"),
    ("holder", "ColHolder"),
    ("unit", "ColUnit"),
    ("acquired", "ColAcquired"),
    ("value", "ColValue"),
    ("steps", "ColSteps"),
    ("version", "ColVersion"),
    ("when", "ColWhen"),
    ("who", "ColWho"),
    ("action", "ColAction"),
    ("note", "ColNote"),
    ("activity", "ColActivity"),
    ("requests", "ColRequests"),
    ("request", "ColRequest"),
    ("asset", "ColAsset"),
    ("assigned", "ColAssigned"),
    ("part of", "ColPartOf"),
    ("started", "ColStarted"),
    ("commit", "ColCommit"),
    ("problem", "ColProblem"),
    ("serial", "ColSerial"),
    ("at", "ColAt"),
    ("by", "ColBy"),
    ("set", "ColSet"),
    ("prefix", "ColPrefix"),
    ("total time", "ColTotalTime"),
    ("no", "ColNo"),
    ("inputs", "ColInputs"),
    ("time", "ColTime"),
    ("output", "ColOutput"),
    ("leads to", "ColLeadsTo"),
    ("type", "ColType"),
    ("required", "ColRequired"),
    ("pattern", "ColPattern"),
    ("field", "ColField"),
    ("to", "ColTo"),
    ("note / output", "ColNoteOutput"),
    ("done", "ColDone"),
    ("size", "ColSize"),
    ("note / reason", "ColNoteReason"),
    ("signature", "ColSignature"),
    ("standard", "ColStandard"),
    ("median", "ColMedian"),
    ("max", "ColMax"),
    ("breaches", "ColBreaches"),
    ("overdue now", "ColOverdueNow"),
    ("service", "ColService"),
    ("label", "ColLabel"),
    ("choices", "ColChoices"),
];

/// The entry of `key`; keys named in this file are checked by a unit test.
fn entry(key: &str) -> &'static Entry {
    CATALOGUE
        .iter()
        .find(|e| e.key == key)
        .unwrap_or_else(|| panic!("no message {key:?} in the catalogue"))
}

/// The text of `key` (one without placeholders) in the language of this run.
pub fn text(key: &str) -> &'static str {
    text_in(key, lang())
}

/// The text of `key` (one without placeholders) in `lang`.
pub fn text_in(key: &str, lang: Lang) -> &'static str {
    let entry = entry(key);
    match lang {
        Lang::En => entry.en,
        Lang::Id => entry.id,
    }
}

/// The placeholders (`{name}`) of a text, sorted; `{{` is a brace, not one.
pub fn placeholders(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(['{', '}']) {
        let (brace, after) = (&rest[at..at + 1], &rest[at + 1..]);
        if after.starts_with(brace) {
            rest = &after[1..];
            continue;
        }
        if brace == "}" {
            rest = after;
            continue;
        }
        let end = after.find('}').unwrap_or(after.len());
        let name = after[..end].split(':').next().unwrap_or_default();
        names.push(name.to_string());
        rest = &after[(end + 1).min(after.len())..];
    }
    names.sort();
    names.dedup();
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_both_languages_with_the_same_placeholders() {
        let mut keys = std::collections::HashSet::new();
        for e in CATALOGUE {
            assert!(keys.insert(e.key), "{} is in the catalogue twice", e.key);
            assert!(!e.en.trim().is_empty(), "{} has no English text", e.key);
            assert!(!e.id.trim().is_empty(), "{} has no Indonesian text", e.key);
            assert_eq!(
                placeholders(e.en),
                placeholders(e.id),
                "{}: the two texts fill different placeholders",
                e.key
            );
        }
    }

    #[test]
    fn keys_named_by_tables_are_in_the_catalogue() {
        for (_, key) in COLUMNS.iter().chain(STATUS_KEYS.iter()) {
            entry(key);
        }
    }

    #[test]
    fn placeholders_are_found() {
        assert_eq!(placeholders("{b} and {a} {{x}} {a}"), ["a", "b"]);
        assert_eq!(placeholders("{n:>4}"), ["n"]);
    }

    #[test]
    fn locales_name_languages() {
        assert_eq!(Lang::parse("id_ID.UTF-8"), Some(Lang::Id));
        assert_eq!(Lang::parse("ID"), Some(Lang::Id));
        assert_eq!(Lang::parse("en_US.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::parse("C"), None);
    }

    #[test]
    fn documents_say_statuses_in_indonesian_whatever_the_language() {
        assert_eq!(status_in("held", Lang::Id), "ditunda");
        assert_eq!(status_in("open", Lang::Id), "diproses");
        assert_eq!(status_in("completed", Lang::En), "completed");
        assert_eq!(status_in("ditolak-sebagian", Lang::Id), "ditolak-sebagian");
    }

    #[test]
    fn status_words_are_read_in_both_languages() {
        assert_eq!(status_value("selesai"), "completed");
        assert_eq!(status_value("completed"), "completed");
        assert_eq!(status_value("ditunda"), "held");
        assert_eq!(status_value("dikembalikan"), "dikembalikan");
    }
}
