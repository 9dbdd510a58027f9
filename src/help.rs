//! Help that teaches: `sop --help` lists the commands by group, and every command's help ends
//! with real examples (they run on the records of `sop init --example`).
//!
//! clap has no groups of subcommands: the grouped list is written into the top command's
//! help template from the command list itself, so a command cannot be left out (a unit test
//! checks that each one is in exactly one group).

use clap::builder::StyledStr;
use clap::Command;

use crate::i18n::{text_in, Lang};

/// The groups of `sop --help`, in order, with the subcommands each holds.
pub const GROUPS: &[(&str, &[&str])] = &[
    (
        "Permintaan (requests)",
        &[
            "new",
            "advance",
            "approve",
            "reject",
            "cancel",
            "edit",
            "comment",
            "assign",
            "unassign",
            "hold",
            "resume",
            "show",
            "print",
            "list",
            "attachment",
        ],
    ),
    ("Prosedur (procedures)", &["procedure"]),
    ("Aset (assets)", &["asset"]),
    (
        "Audit & berbagi (audit and sharing)",
        &["log", "verify", "report", "site", "sync"],
    ),
    ("Pengaturan (setup)", &["init", "completions", "help"]),
];

/// The examples of each command, by its path below `sop` (`procedure show`). Each line is a
/// command to type, or a `# comment` on the one below it.
pub const EXAMPLES: &[(&str, &[&str])] = &[
    (
        "init",
        &[
            "sop init --example /tmp/office   # the shipped SOPs of a Dinas Kominfo, to try sop",
            "sop init --example --demo ~/sop-demo   # … with a month of their requests to look at",
            "sop init                         # an empty records directory here",
        ],
    ),
    (
        "procedure",
        &["sop procedure list", "sop procedure show email"],
    ),
    (
        "procedure list",
        &["sop procedure list", "sop procedure list --format id"],
    ),
    (
        "procedure show",
        &[
            "sop procedure show email",
            "sop procedure show email --format json | jq '.fields'",
        ],
    ),
    ("procedure check", &["sop procedure check"]),
    (
        "procedure graph",
        &[
            "sop procedure graph email > email.mmd",
            "sop procedure graph instalasi-piranti-lunak --format dot | dot -Tsvg > instalasi.svg",
        ],
    ),
    (
        "procedure doc",
        &[
            "sop procedure doc email --format pdf --output sop-email.pdf",
            "sop procedure doc perbaikan-aset --format html > perbaikan-aset.html",
        ],
    ),
    (
        "new",
        &[
            "sop new email --field nama_lengkap=\"Dimas\" --field email_diminta=dimas@kota.go.id",
            "id=$(sop new video-conference -q --field acara=\"Rapat koordinasi\" --field tanggal=2026-12-01)",
            "sop new email --help             # the form fields of procedure email",
        ],
    ),
    (
        "advance",
        &[
            "sop --as putri advance EML-7K3",
            "sop --as ratna advance IPL-4QZ --choose datacenter --note \"dipasang di datacenter\"",
        ],
    ),
    (
        "approve",
        &["sop --as sri approve EML-7K3 --note lengkap"],
    ),
    (
        "reject",
        &["sop --as sri reject EML-7K3 --reason \"NIP tidak sesuai\""],
    ),
    (
        "cancel",
        &["sop --as putri cancel EML-7K3 --reason \"sudah tidak diperlukan\""],
    ),
    (
        "edit",
        &["sop --as putri edit EML-7K3 --field email_diminta=putri.h@kota.go.id --note \"salah ketik\""],
    ),
    (
        "comment",
        &["sop --as dewi comment EML-7K3 \"menunggu konfirmasi atasan\""],
    ),
    ("assign", &["sop --as budi assign EML-7K3 yoga"]),
    ("unassign", &["sop --as budi unassign EML-7K3"]),
    (
        "hold",
        &["sop --as budi hold EML-7K3 --reason \"menunggu lisensi\" --until 2026-12-15"],
    ),
    (
        "resume",
        &["sop --as budi resume EML-7K3 --note \"lisensi sudah tiba\""],
    ),
    (
        "show",
        &[
            "sop show EML-7K3",
            "sop show EML-7K3 --format json | jq '.step'",
            "sop show EML-7K3 --graph svg > jalur.svg     # the flow with the path it took",
            "sop show EML-7K3 --graph mermaid > jalur.mmd",
        ],
    ),
    (
        "print",
        &[
            "sop print GUN-7K3 --output GUN-7K3.pdf     # the form, its history and signature blocks",
            "sop print GUN-7K3 --step serahkan-aset --output bast.pdf   # the step's berita acara",
            "sop print HPS-4QZ --step pelaksanaan --format html > ba-penghapusan.html",
        ],
    ),
    (
        "attachment",
        &[
            "sop attachment EML-7K3",
            "sop attachment EML-7K3 surat.pdf --output surat.pdf",
        ],
    ),
    (
        "list",
        &[
            "sop --as dewi list --mine",
            "sop list --status open --procedure email --format id",
            "sop list --overdue --format csv > terlambat.csv",
            "sop list --wide                  # every column, whole titles, past the terminal's edge",
            "sop list | awk -F '  +' 'NR > 1 {print $1, $4}'   # piped: plain columns",
        ],
    ),
    (
        "report",
        &[
            "sop report --since 2026-01-01 --until 2026-12-31",
            "sop report --monitoring                # Tabel 7, Monitoring Pelaksanaan SOP AP",
            "sop --as hasan report --monitoring --since 2026-01-01 --until 2026-06-30 --format pdf --output monitoring.pdf",
        ],
    ),
    (
        "site",
        &[
            "sop site --output /srv/intranet/sop    # then open /srv/intranet/sop/index.html",
            "sop site --output ~/sop-situs --format json | jq '.written'",
        ],
    ),
    ("sync", &["sop sync", "sop sync --remote origin"]),
    ("asset", &["sop asset list", "sop asset show AST-78N"]),
    (
        "asset add",
        &["sop --as eko asset add --kind hardware --name \"Laptop Dell Latitude 5440\" --serial DL5440-0012 --holder putri"],
    ),
    (
        "asset import",
        &[
            "sop --as eko asset import aset.csv --key serial --dry-run",
            "sop --as eko asset import aset.csv --key serial",
        ],
    ),
    (
        "asset list",
        &[
            "sop asset list --kind hardware --status in-use",
            "sop asset list --holder putri --format id",
        ],
    ),
    ("asset show", &["sop asset show AST-78N"]),
    (
        "log",
        &["sop log EML-7K3", "sop log EML-7K3 --format id | head -1"],
    ),
    (
        "verify",
        &["sop verify", "sop verify --range origin/main..HEAD"],
    ),
    (
        "completions",
        &[
            "sop completions bash > ~/.local/share/bash-completion/completions/sop   # static",
            "source <(COMPLETE=bash sop)   # in ~/.bashrc: live values too (request ids, people…)",
            "source <(COMPLETE=zsh sop)    # in ~/.zshrc, after compinit",
            "COMPLETE=fish sop | source    # in ~/.config/fish/completions/sop.fish",
        ],
    ),
];

/// Each command's summary by its path below `sop` ("" is sop itself): the catalogue's key.
pub const ABOUTS: &[(&str, &str)] = &[
    ("", "AboutSop"),
    ("new", "AboutNew"),
    ("advance", "AboutAdvance"),
    ("approve", "AboutApprove"),
    ("reject", "AboutReject"),
    ("cancel", "AboutCancel"),
    ("edit", "AboutEdit"),
    ("comment", "AboutComment"),
    ("assign", "AboutAssign"),
    ("unassign", "AboutUnassign"),
    ("hold", "AboutHold"),
    ("resume", "AboutResume"),
    ("show", "AboutShow"),
    ("print", "AboutPrint"),
    ("list", "AboutList"),
    ("attachment", "AboutAttachment"),
    ("procedure", "AboutProcedure"),
    ("procedure list", "AboutProcedureList"),
    ("procedure show", "AboutProcedureShow"),
    ("procedure check", "AboutProcedureCheck"),
    ("procedure graph", "AboutProcedureGraph"),
    ("procedure doc", "AboutProcedureDoc"),
    ("asset", "AboutAsset"),
    ("asset add", "AboutAssetAdd"),
    ("asset import", "AboutAssetImport"),
    ("asset list", "AboutAssetList"),
    ("asset show", "AboutAssetShow"),
    ("log", "AboutLog"),
    ("verify", "AboutVerify"),
    ("report", "AboutReport"),
    ("site", "AboutSite"),
    ("sync", "AboutSync"),
    ("init", "AboutInit"),
    ("completions", "AboutCompletions"),
];

/// The global options, by their id: the catalogue's key of their help.
pub const GLOBAL_ARGS: &[(&str, &str)] = &[
    ("records", "ArgRecords"),
    ("actor", "ArgAs"),
    ("format", "ArgFormat"),
    ("color", "ArgColor"),
    ("wide", "ArgWide"),
];

/// sop's command line with its help: the grouped list of commands and every command's
/// examples, in the language of the run.
pub fn apply(cmd: Command) -> Command {
    apply_in(cmd, crate::i18n::lang())
}

fn apply_in(mut cmd: Command, lang: Lang) -> Command {
    cmd = translated(cmd, lang);
    for (path, lines) in EXAMPLES {
        let names: Vec<&str> = path.split(' ').collect();
        cmd = with_examples(cmd, &names, lines, lang);
    }
    let template = template(&cmd, lang);
    cmd.help_template(template)
}

fn with_examples(cmd: Command, path: &[&str], lines: &[&str], lang: Lang) -> Command {
    match path {
        [] => cmd.after_help(examples(lines, lang)),
        [first, rest @ ..] => {
            cmd.mut_subcommand(*first, |sub| with_examples(sub, rest, lines, lang))
        }
    }
}

/// Indonesian help: each command's summary and the global options' help from the
/// catalogue. English is the doc comments' own (a test keeps the catalogue's the same), so
/// it is left as clap has it.
fn translated(mut cmd: Command, lang: Lang) -> Command {
    if lang == Lang::En {
        return cmd;
    }
    for (path, key) in ABOUTS {
        let names: Vec<&str> = path.split(' ').filter(|n| !n.is_empty()).collect();
        cmd = with_about(cmd, &names, text_in(key, lang));
    }
    let heading = text_in("HelpGlobalOptions", lang);
    for (id, key) in GLOBAL_ARGS {
        cmd = cmd.mut_arg(*id, |a| {
            a.help(text_in(key, lang))
                .long_help(None::<&str>)
                .help_heading(heading)
        });
    }
    cmd
}

fn with_about(cmd: Command, path: &[&str], about: &'static str) -> Command {
    match path {
        [] => cmd.about(about).long_about(None::<&str>),
        [first, rest @ ..] => cmd.mut_subcommand(*first, |sub| with_about(sub, rest, about)),
    }
}

/// The "Examples:" section under a command's help.
fn examples(lines: &[&str], lang: Lang) -> StyledStr {
    let header = clap::builder::Styles::default().get_header().to_owned();
    let title = text_in("HelpExamples", lang);
    let mut text = format!("{header}{title}{header:#}\n");
    for line in lines {
        text += &format!("  {line}\n");
    }
    text.trim_end().to_string().into()
}

/// The top command's help template: the usage, the commands by group, the global options.
fn template(cmd: &Command, lang: Lang) -> StyledStr {
    let styles = clap::builder::Styles::default();
    let header = styles.get_header().to_owned();
    let literal = styles.get_literal().to_owned();
    let about = |name: &str| -> String {
        if name == "help" {
            return text_in("HelpHelp", lang).into();
        }
        cmd.find_subcommand(name)
            .and_then(|c| c.get_about())
            .map(|a| a.to_string())
            .unwrap_or_default()
    };
    let width = GROUPS
        .iter()
        .flat_map(|(_, names)| names.iter())
        .map(|n| n.len())
        .max()
        .unwrap_or(0);
    let mut groups = String::new();
    for (group, names) in GROUPS {
        groups += &format!("{header}{group}:{header:#}\n");
        for name in *names {
            let pad = " ".repeat(width - name.len());
            groups += &format!("  {literal}{name}{literal:#}{pad}  {}\n", about(name));
        }
        groups += "\n";
    }
    let usage = match lang {
        Lang::En => "{usage-heading}".to_string(),
        Lang::Id => format!("{header}{}{header:#}", text_in("HelpUsage", lang)),
    };
    let global = text_in("HelpGlobalOptions", lang);
    format!(
        "{{before-help}}{{about-with-newline}}\n{usage} {{usage}}\n\n{groups}\
         {header}{global}:{header:#}\n{{options}}{{after-help}}"
    )
    .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn built() -> Command {
        let mut cmd = crate::cli::command();
        cmd.build();
        cmd
    }

    /// Every path to a subcommand below `cmd`: `new`, `procedure show`, …
    fn paths(cmd: &Command, prefix: &str, all: &mut Vec<(String, Command)>) {
        for sub in cmd.get_subcommands() {
            if sub.get_name() == "help" {
                continue;
            }
            let path = format!("{prefix}{}", sub.get_name());
            all.push((path.clone(), sub.clone()));
            paths(sub, &format!("{path} "), all);
        }
    }

    /// The catalogue's English summaries are the doc comments clap reads, so that the English
    /// help is one text and the Indonesian one translates it.
    #[test]
    fn the_catalogue_has_every_summary_as_written() {
        let cmd = built();
        let mut all = vec![(String::new(), cmd.clone())];
        paths(&cmd, "", &mut all);
        for (path, sub) in &all {
            let key = ABOUTS.iter().find(|(p, _)| p == path).map(|(_, k)| *k);
            let key = key.unwrap_or_else(|| panic!("`sop {path}` has no summary in ABOUTS"));
            let about = sub.get_about().map(|a| a.to_string()).unwrap_or_default();
            assert_eq!(about, text_in(key, Lang::En), "`sop {path}`");
        }
        for (id, key) in GLOBAL_ARGS {
            let arg = cmd.get_arguments().find(|a| a.get_id() == *id).unwrap();
            let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
            assert_eq!(
                help.split_whitespace().collect::<Vec<_>>(),
                text_in(key, Lang::En)
                    .split_whitespace()
                    .collect::<Vec<_>>(),
                "--{id}"
            );
        }
    }

    #[test]
    fn indonesian_help_has_every_summary_translated() {
        let mut cmd = apply_in(crate::cli::Cli::command_raw(), Lang::Id);
        cmd.build();
        let mut all = vec![(String::new(), cmd.clone())];
        paths(&cmd, "", &mut all);
        for (path, sub) in &all {
            let about = sub.get_about().map(|a| a.to_string()).unwrap_or_default();
            let key = ABOUTS.iter().find(|(p, _)| p == path).unwrap().1;
            assert_eq!(about, text_in(key, Lang::Id), "`sop {path}`");
        }
    }

    #[test]
    fn every_command_is_in_exactly_one_group() {
        let cmd = built();
        for sub in cmd.get_subcommands() {
            let name = sub.get_name();
            let groups: Vec<&str> = GROUPS
                .iter()
                .filter(|(_, names)| names.contains(&name))
                .map(|(g, _)| *g)
                .collect();
            assert_eq!(groups.len(), 1, "`sop {name}` is in groups {groups:?}");
        }
        for (group, names) in GROUPS {
            for name in *names {
                assert!(
                    cmd.find_subcommand(name).is_some(),
                    "group {group} names `sop {name}`, which is no command"
                );
            }
        }
    }

    #[test]
    fn every_command_has_a_summary_and_examples() {
        let cmd = built();
        let mut all = Vec::new();
        paths(&cmd, "", &mut all);
        for (path, sub) in &all {
            assert!(
                sub.get_about().is_some_and(|a| !a.to_string().is_empty()),
                "`sop {path}` has no summary"
            );
            let after = sub.get_after_help().map(|a| a.to_string());
            assert!(
                after.as_deref().is_some_and(|a| a.contains("Examples:")),
                "`sop {path}` has no examples"
            );
        }
        for (path, lines) in EXAMPLES {
            assert!(
                all.iter().any(|(p, _)| p == path),
                "examples for `sop {path}`, which is no command"
            );
            for line in *lines {
                // `COMPLETE=bash sop`: the glue of completions with live values
                assert!(
                    line.starts_with("sop ")
                        || line.contains("$(sop ")
                        || line.contains("COMPLETE="),
                    "{line}"
                );
            }
        }
    }
}
