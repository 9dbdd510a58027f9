//! Help that teaches: `sop --help` lists the commands by group, and every command's help ends
//! with real examples (they run on the records of `sop init --example`).
//!
//! clap has no groups of subcommands: the grouped list is written into the top command's
//! help template from the command list itself, so a command cannot be left out (a unit test
//! checks that each one is in exactly one group).
//!
//! Help speaks the language of the run. English is the doc comments' and clap's own; in
//! Indonesian every word comes from the catalogue: summaries (ABOUTS), each argument's help
//! (ARGS), the examples' comments, and clap's own words (headings, `[OPTIONS]`, the help and
//! version flags, defaults, possible values) and errors (`exit`).

use clap::builder::PossibleValue;
use clap::builder::StyledStr;
use clap::error::{ContextKind, ContextValue, ErrorFormatter, ErrorKind};
use clap::{Arg, ArgAction, Command};

use crate::i18n::{text_in, Lang};

/// The groups of `sop --help`, in order, with the subcommands each holds. Indonesian help
/// shows a group's name without the English in brackets.
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

/// The rest of a command's description, which `--help` (and its man page) shows under its
/// summary: the doc comment's paragraphs after the first, by its path. The catalogue's key.
pub const LONG_ABOUTS: &[(&str, &str)] = &[
    ("new", "AboutNewLong"),
    ("print", "AboutPrintLong"),
    ("site", "AboutSiteLong"),
    ("completions", "AboutCompletionsLong"),
];

/// The help of every argument that has one, by its command's path below `sop` ("" is sop
/// itself and its global options) and its id, and of each possible value with a help of its
/// own (`format=pdf`): the catalogue's key. English is the doc comment's own (a test keeps
/// the catalogue's the same), so it is left as clap has it.
pub const ARGS: &[(&str, &str, &str)] = &[
    ("", "records", "ArgRecords"),
    ("", "actor", "ArgAs"),
    ("", "format", "ArgFormat"),
    ("", "format=table", "ValFormatTable"),
    ("", "format=json", "ValFormatJson"),
    ("", "format=csv", "ValFormatCsv"),
    ("", "format=id", "ValFormatId"),
    ("", "format=mermaid", "ValFormatMermaid"),
    ("", "format=dot", "ValFormatDot"),
    ("", "format=svg", "ValFormatSvg"),
    ("", "format=pdf", "ValFormatPdf"),
    ("", "format=html", "ValFormatHtml"),
    ("", "color", "ArgColor"),
    ("", "wide", "ArgWide"),
    ("init", "dir", "ArgInitDir"),
    ("init", "example", "ArgInitExample"),
    ("init", "demo", "ArgInitDemo"),
    ("init", "language", "ArgInitLanguage"),
    ("procedure show", "id", "ArgProcedureId"),
    ("procedure graph", "id", "ArgProcedureId"),
    ("procedure doc", "id", "ArgProcedureId"),
    ("procedure doc", "output", "ArgDocOutput"),
    ("new", "procedure", "ArgNewProcedure"),
    ("new", "title", "ArgNewTitle"),
    ("new", "fields", "ArgNewFields"),
    ("new", "asset", "ArgNewAsset"),
    ("new", "on_behalf_of", "ArgNewFor"),
    ("new", "attach", "ArgNewAttach"),
    ("new", "quiet", "ArgQuiet"),
    ("new", "help", "ArgNewHelp"),
    ("advance", "id", "ArgRequestId"),
    ("advance", "output", "ArgAdvanceOutput"),
    ("advance", "note", "ArgNote"),
    ("advance", "choose", "ArgAdvanceChoose"),
    ("advance", "fields", "ArgStepFields"),
    ("advance", "attach", "ArgAttach"),
    ("advance", "quiet", "ArgQuiet"),
    ("approve", "id", "ArgRequestId"),
    ("approve", "note", "ArgNote"),
    ("approve", "fields", "ArgStepFields"),
    ("approve", "attach", "ArgAttach"),
    ("approve", "quiet", "ArgQuiet"),
    ("reject", "id", "ArgRequestId"),
    ("reject", "reason", "ArgReason"),
    ("reject", "attach", "ArgAttach"),
    ("reject", "quiet", "ArgQuiet"),
    ("cancel", "id", "ArgRequestId"),
    ("cancel", "reason", "ArgReason"),
    ("cancel", "quiet", "ArgQuiet"),
    ("edit", "id", "ArgRequestId"),
    ("edit", "fields", "ArgEditFields"),
    ("edit", "title", "ArgEditTitle"),
    ("edit", "note", "ArgEditNote"),
    ("edit", "attach", "ArgAttach"),
    ("edit", "quiet", "ArgQuiet"),
    ("comment", "id", "ArgRequestId"),
    ("comment", "text", "ArgCommentText"),
    ("comment", "attach", "ArgCommentAttach"),
    ("comment", "quiet", "ArgQuiet"),
    ("assign", "id", "ArgRequestId"),
    ("assign", "person", "ArgAssignPerson"),
    ("assign", "note", "ArgNote"),
    ("assign", "quiet", "ArgQuiet"),
    ("unassign", "id", "ArgRequestId"),
    ("unassign", "note", "ArgNote"),
    ("unassign", "quiet", "ArgQuiet"),
    ("hold", "id", "ArgRequestId"),
    ("hold", "reason", "ArgHoldReason"),
    ("hold", "until", "ArgHoldUntil"),
    ("hold", "quiet", "ArgQuiet"),
    ("resume", "id", "ArgRequestId"),
    ("resume", "note", "ArgNote"),
    ("resume", "quiet", "ArgQuiet"),
    ("show", "id", "ArgRequestId"),
    ("show", "graph", "ArgShowGraph"),
    ("show", "graph=mermaid", "ValGraphMermaid"),
    ("show", "graph=svg", "ValGraphSvg"),
    ("print", "id", "ArgRequestId"),
    ("print", "step", "ArgPrintStep"),
    ("print", "output", "ArgPrintOutput"),
    ("attachment", "id", "ArgRequestId"),
    ("attachment", "name", "ArgAttachmentName"),
    ("attachment", "output", "ArgAttachmentOutput"),
    ("attachment", "force", "ArgAttachmentForce"),
    ("list", "status", "ArgListStatus"),
    ("list", "procedure", "ArgListProcedure"),
    ("list", "role", "ArgListRole"),
    ("list", "mine", "ArgListMine"),
    ("list", "overdue", "ArgListOverdue"),
    ("list", "search", "ArgListSearch"),
    ("list", "requester", "ArgListRequester"),
    ("list", "assignee", "ArgListAssignee"),
    ("report", "procedure", "ArgReportProcedure"),
    ("report", "since", "ArgReportSince"),
    ("report", "until", "ArgReportUntil"),
    ("report", "monitoring", "ArgReportMonitoring"),
    ("report", "output", "ArgReportOutput"),
    ("site", "output", "ArgSiteOutput"),
    ("sync", "remote", "ArgSyncRemote"),
    ("asset add", "kind", "ArgAssetKind"),
    ("asset add", "status", "ArgAssetStatus"),
    ("asset add", "kode_barang", "ArgAssetKodeBarang"),
    ("asset add", "nup", "ArgAssetNup"),
    ("asset add", "holder", "ArgAssetHolder"),
    ("asset add", "acquired", "ArgAssetAcquired"),
    ("asset add", "value", "ArgAssetValue"),
    ("asset add", "attrs", "ArgAssetAttrs"),
    ("asset add", "quiet", "ArgAssetQuiet"),
    ("asset import", "file", "ArgImportFile"),
    ("asset import", "key", "ArgImportKey"),
    (
        "asset import",
        "allow_duplicates",
        "ArgImportAllowDuplicates",
    ),
    ("asset import", "dry_run", "ArgImportDryRun"),
    ("asset import", "input_format", "ArgImportInputFormat"),
    ("asset list", "holder", "ArgAssetListHolder"),
    ("asset list", "location", "ArgAssetListLocation"),
    ("asset show", "id", "ArgAssetId"),
    ("log", "id", "ArgRequestId"),
    ("verify", "ids", "ArgVerifyIds"),
    ("verify", "range", "ArgVerifyRange"),
];

/// sop's command line with its help: the grouped list of commands and every command's
/// examples, in the language of the run.
pub fn apply(cmd: Command) -> Command {
    apply_in(cmd, crate::i18n::lang())
}

/// The same in `lang`.
pub fn apply_in(mut cmd: Command, lang: Lang) -> Command {
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

/// Indonesian help: every command's summary, every argument's help and clap's own words
/// (headings, `[OPTIONS]`, the help and version flags, defaults, possible values) from the
/// catalogue. English is the doc comments' and clap's own, so it is left as clap has it.
fn translated(cmd: Command, lang: Lang) -> Command {
    if lang == Lang::En {
        return cmd;
    }
    let mut cmd = in_words(cmd, "", lang);
    // The `help` subcommand and the usage line exist once clap has built the command.
    cmd.build();
    built_in_words(cmd, lang)
}

/// One command and its subcommands in `lang`, before clap builds them: the global options
/// are then on sop itself only (clap copies them into every subcommand when it builds), and
/// the help and version flags are sop's own, in `lang`.
fn in_words(mut cmd: Command, path: &str, lang: Lang) -> Command {
    if let Some((_, key)) = ABOUTS.iter().find(|(p, _)| *p == path) {
        let about = text_in(key, lang);
        cmd = match LONG_ABOUTS.iter().find(|(p, _)| *p == path) {
            Some((_, more)) => cmd.long_about(format!("{about}\n\n{}", text_in(more, lang))),
            None => cmd.long_about(None::<&str>),
        };
        cmd = cmd.about(about);
    }
    // clap shows the headings in the order of their first argument: arguments, options,
    // global options, as in English (positionals keep their order: it is their place).
    let mut args: Vec<(u8, clap::Id)> = cmd
        .get_arguments()
        .map(|a| {
            let order = match (a.is_positional(), a.get_help_heading()) {
                (true, _) => 0,
                (false, None) => 1,
                (false, Some(_)) => 2,
            };
            (order, a.get_id().clone())
        })
        .collect();
    args.sort_by_key(|(order, _)| *order);
    for (_, id) in args {
        cmd = cmd.mut_arg(id, |a| arg_in_words(a, path, lang));
    }
    if !cmd.is_disable_help_flag_set() {
        let flag = Arg::new("help")
            .short('h')
            .long("help")
            .action(ArgAction::Help);
        let flag = flag
            .help(text_in("HelpFlagShort", lang))
            .long_help(text_in("HelpFlagLong", lang));
        cmd = cmd
            .disable_help_flag(true)
            .arg(flag.help_heading(text_in("HelpOptions", lang)));
    }
    if cmd.get_version().is_some() && !cmd.is_disable_version_flag_set() {
        let flag = Arg::new("version").short('V').long("version");
        let flag = flag
            .action(ArgAction::Version)
            .help(text_in("HelpVersion", lang));
        cmd = cmd
            .disable_version_flag(true)
            .arg(flag.help_heading(text_in("HelpOptions", lang)));
    }
    let names: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().into()).collect();
    for name in names {
        let sub = format!("{path} {name}");
        cmd = cmd.mut_subcommand(&name, |c| in_words(c, sub.trim_start(), lang));
    }
    cmd.subcommand_help_heading(text_in("HelpCommands", lang))
        .subcommand_value_name(text_in("HelpCommandValue", lang))
}

/// What clap adds when it builds a command, in `lang`: the `help` subcommand's summary, and
/// the usage line (with `[OPTIONS]`) in the help template.
fn built_in_words(mut cmd: Command, lang: Lang) -> Command {
    let usage = usage_line(&cmd.render_usage(), lang);
    cmd = cmd.help_template(format!(
        "{{before-help}}{{about-with-newline}}\n{usage}\n\n{{all-args}}{{after-help}}"
    ));
    let names: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().into()).collect();
    for name in names {
        cmd = cmd.mut_subcommand(&name, |sub| match name.as_str() {
            "help" => sub.about(text_in("HelpHelp", lang)),
            _ => built_in_words(sub, lang),
        });
    }
    cmd
}

/// clap's usage line (`Usage: sop list [OPTIONS]`, as help and errors show it) in `lang`.
fn usage_line(usage: &StyledStr, lang: Lang) -> String {
    let usage = usage.ansi().to_string();
    let usage = usage
        .split_once(' ')
        .map_or(usage.as_str(), |(_, u)| u)
        .replace(
            text_in("HelpOptionsValue", Lang::En),
            text_in("HelpOptionsValue", lang),
        );
    let style = clap::builder::Styles::default().get_usage().to_owned();
    format!("{style}{}{style:#} {usage}", text_in("HelpUsage", lang))
}

/// One argument's help in `lang` under its heading, with what clap writes beside it (the
/// default, the possible values) in the same words.
fn arg_in_words(arg: Arg, path: &str, lang: Lang) -> Arg {
    let id = arg.get_id().as_str();
    let help = arg_help(path, id, lang)
        .or_else(|| arg.get_help().map(|h| h.to_string()))
        .unwrap_or_default();
    let mut long = help.clone();
    let takes_values = arg.get_action().takes_values();
    let mut beside = Vec::new();
    if takes_values && !arg.get_default_values().is_empty() && !arg.is_hide_default_value_set() {
        let values: Vec<_> = arg
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy())
            .collect();
        beside.push(format!(
            "[{}: {}]",
            text_in("HelpDefault", lang),
            values.join(" ")
        ));
    }
    let mut beside_long = beside.clone();
    // Before clap builds it, an argument's possible values are its value parser's.
    let values: Vec<PossibleValue> = match takes_values && !arg.is_hide_possible_values_set() {
        true => arg
            .get_value_parser()
            .possible_values()
            .into_iter()
            .flatten()
            .collect(),
        false => Vec::new(),
    };
    let values: Vec<&PossibleValue> = values.iter().filter(|v| !v.is_hide_set()).collect();
    if !values.is_empty() {
        let names: Vec<&str> = values.iter().map(|v| v.get_name()).collect();
        let list = format!("[{}: {}]", text_in("HelpValues", lang), names.join(", "));
        beside.push(list.clone());
        // `--help` lists values that have a help of their own one a line, with that help.
        if values.iter().any(|v| v.get_help().is_some()) {
            let width = names.iter().map(|n| n.chars().count()).max().unwrap_or(0);
            long += &format!("\n\n{}", text_in("HelpValuesLong", lang));
            for name in names {
                let help = arg_help(path, &format!("{id}={name}"), lang).unwrap_or_default();
                let pad = " ".repeat(width - name.chars().count());
                long += &format!("\n- {name}:{pad} {help}");
            }
        } else {
            beside_long.push(list);
        }
    }
    // clap's layout: beside the help with `-h`, in a paragraph under it with `--help`.
    let join = |help: String, after: &str, sep: &str, beside: Vec<String>| match beside {
        beside if beside.is_empty() => help,
        beside if help.is_empty() => beside.join(sep),
        beside => format!("{help}{after}{}", beside.join(sep)),
    };
    let heading = match arg.get_help_heading() {
        _ if arg.is_positional() => text_in("HelpArguments", lang),
        None => text_in("HelpOptions", lang),
        Some(h) if h == text_in("HelpGlobalOptions", Lang::En) => {
            text_in("HelpGlobalOptions", lang)
        }
        Some(h) => panic!("help heading {h:?} is not in the catalogue"),
    };
    let arg = arg
        .help(join(help, " ", " ", beside))
        .long_help(join(long, "\n\n", "\n", beside_long))
        .help_heading(heading);
    match takes_values {
        true => arg.hide_default_value(true).hide_possible_values(true),
        false => arg,
    }
}

/// The help of argument `id` of the command at `path` in `lang` (`id=value` for a possible
/// value), from ARGS; None for one without.
fn arg_help(path: &str, id: &str, lang: Lang) -> Option<String> {
    let (_, _, key) = ARGS.iter().find(|(p, i, _)| *p == path && *i == id)?;
    // The catalogue's texts are format strings: `{{` is a brace.
    Some(text_in(key, lang).replace("{{", "{").replace("}}", "}"))
}

/// The "Examples:" section under a command's help.
fn examples(lines: &[&str], lang: Lang) -> StyledStr {
    let header = clap::builder::Styles::default().get_header().to_owned();
    let title = text_in("HelpExamples", lang);
    let mut text = format!("{header}{title}{header:#}\n");
    for line in lines {
        text += &format!("  {}\n", example_in(line, lang));
    }
    text.trim_end().to_string().into()
}

/// An example line with its comment (`  # …`) in `lang`: the catalogue's text whose English
/// is the comment.
fn example_in(line: &str, lang: Lang) -> String {
    let Some((command, comment)) = line.split_once("  # ") else {
        return line.to_string();
    };
    let entry = crate::i18n::CATALOGUE.iter().find(|e| e.en == comment);
    let comment = entry.map_or(comment, |e| text_in(e.key, lang));
    format!("{command}  # {comment}")
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
        // Indonesian without the English in brackets.
        let group = match lang {
            Lang::En => group,
            Lang::Id => group.split(" (").next().unwrap_or(group),
        };
        groups += &format!("{header}{group}:{header:#}\n");
        for name in *names {
            let pad = " ".repeat(width - name.len());
            groups += &format!("  {literal}{name}{literal:#}{pad}  {}\n", about(name));
        }
        groups += "\n";
    }
    let usage = match lang {
        Lang::En => "{usage-heading} {usage}".to_string(),
        Lang::Id => usage_line(&cmd.clone().render_usage(), lang),
    };
    let global = text_in("HelpGlobalOptions", lang);
    format!(
        "{{before-help}}{{about-with-newline}}\n{usage}\n\n{groups}\
         {header}{global}:{header:#}\n{{options}}{{after-help}}"
    )
    .into()
}

/// Exits on an error of the command line (exit 2; help and version exit 0), in the language
/// of the run: English is clap's own, Indonesian says the same from the catalogue.
pub fn exit(err: clap::Error) -> ! {
    match crate::i18n::lang() {
        Lang::En => err.exit(),
        Lang::Id => err.apply::<InWords>().exit(),
    }
}

/// clap's error messages written from the error's kind and context in the language of the
/// run, as clap's own formatter lays them out. (Help and version are written already.)
struct InWords;

impl ErrorFormatter for InWords {
    fn format_error(err: &clap::error::Error<Self>) -> StyledStr {
        let styles = clap::builder::Styles::default();
        let (invalid, valid) = (styles.get_invalid(), styles.get_valid());
        let (literal, error) = (styles.get_literal(), styles.get_error());
        let text = |kind| match err.get(kind) {
            Some(ContextValue::String(s)) => s.clone(),
            _ => String::new(),
        };
        let number = |kind| match err.get(kind) {
            Some(ContextValue::Number(n)) => *n,
            _ => 0,
        };
        let list = |kind| match err.get(kind) {
            Some(ContextValue::Strings(all)) => all.clone(),
            Some(ContextValue::String(one)) => vec![one.clone()],
            _ => Vec::new(),
        };
        let bad = |kind| format!("{invalid}{}{invalid:#}", text(kind));
        let arg = format!("{literal}{}{literal:#}", text(ContextKind::InvalidArg));
        let values = |name: &str, kind| match list(kind) {
            all if all.is_empty() => String::new(),
            all => {
                let all: Vec<String> = all.iter().map(|v| format!("{valid}{v}{valid:#}")).collect();
                format!("\n  [{name}: {}]", all.join(", "))
            }
        };
        let mut message = match err.kind() {
            ErrorKind::UnknownArgument => {
                t!(ClapUnknownArgument, arg = bad(ContextKind::InvalidArg))
            }
            ErrorKind::InvalidValue => {
                let message = match text(ContextKind::InvalidValue) {
                    value if value.is_empty() => t!(ClapNoValue, arg = arg),
                    _ => t!(
                        ClapInvalidValue,
                        value = bad(ContextKind::InvalidValue),
                        arg = arg
                    ),
                };
                message + &values(&t!(HelpValues), ContextKind::ValidValue)
            }
            ErrorKind::ValueValidation => {
                let why = std::error::Error::source(err).map(|e| format!(": {e}"));
                t!(
                    ClapInvalidValue,
                    value = bad(ContextKind::InvalidValue),
                    arg = arg
                ) + &why.unwrap_or_default()
            }
            ErrorKind::InvalidSubcommand => {
                t!(
                    ClapUnknownSubcommand,
                    name = bad(ContextKind::InvalidSubcommand)
                )
            }
            ErrorKind::MissingRequiredArgument => {
                let missing = list(ContextKind::InvalidArg);
                let missing = missing.iter().map(|a| format!("\n  {valid}{a}{valid:#}"));
                t!(ClapMissingArguments) + &missing.collect::<String>()
            }
            ErrorKind::MissingSubcommand => {
                t!(
                    ClapMissingSubcommand,
                    name = bad(ContextKind::InvalidSubcommand)
                ) + &values(&t!(ClapSubcommands), ContextKind::ValidSubcommand)
            }
            ErrorKind::ArgumentConflict => {
                let arg = bad(ContextKind::InvalidArg);
                let prior = list(ContextKind::PriorArg);
                match prior.as_slice() {
                    [one] if *one == text(ContextKind::InvalidArg) => t!(ClapUsedTwice, arg = arg),
                    [] => format!("{} {}", t!(ClapConflict, arg = arg), t!(ClapConflictOthers)),
                    [one] => format!(
                        "{} '{invalid}{one}{invalid:#}'",
                        t!(ClapConflict, arg = arg)
                    ),
                    all => {
                        let all = all.iter().map(|a| format!("\n  {invalid}{a}{invalid:#}"));
                        format!(
                            "{}:{}",
                            t!(ClapConflict, arg = arg),
                            all.collect::<String>()
                        )
                    }
                }
            }
            ErrorKind::TooManyValues => {
                t!(
                    ClapTooManyValues,
                    value = bad(ContextKind::InvalidValue),
                    arg = arg
                )
            }
            ErrorKind::TooFewValues => t!(
                ClapTooFewValues,
                min = format!("{valid}{}{valid:#}", number(ContextKind::MinValues)),
                arg = arg,
                n = format!(
                    "{invalid}{}{invalid:#}",
                    number(ContextKind::ActualNumValues)
                ),
            ),
            ErrorKind::WrongNumberOfValues => t!(
                ClapWrongNumberOfValues,
                expected = format!("{valid}{}{valid:#}", number(ContextKind::ExpectedNumValues)),
                arg = arg,
                n = format!(
                    "{invalid}{}{invalid:#}",
                    number(ContextKind::ActualNumValues)
                ),
            ),
            ErrorKind::NoEquals => t!(ClapNoEquals, arg = bad(ContextKind::InvalidArg)),
            // Not met by sop (arguments are checked as UTF-8 first): clap's words.
            kind => kind.as_str().unwrap_or_default().to_string(),
        };
        let quoted = |names: Vec<String>| {
            let names: Vec<String> = names
                .iter()
                .map(|n| format!("'{valid}{n}{valid:#}'"))
                .collect();
            names.join(", ")
        };
        let mut tips = Vec::new();
        let similar = [
            ContextKind::SuggestedSubcommand,
            ContextKind::SuggestedArg,
            ContextKind::SuggestedValue,
        ];
        for kind in similar {
            let names = list(kind);
            if names.is_empty() {
                continue;
            }
            tips.push(match kind {
                ContextKind::SuggestedSubcommand => {
                    t!(ClapSimilarSubcommand, names = quoted(names))
                }
                ContextKind::SuggestedArg => t!(ClapSimilarArgument, names = quoted(names)),
                _ => t!(ClapSimilarValue, names = quoted(names)),
            });
        }
        if let Some(ContextValue::StyledStrs(suggested)) = err.get(ContextKind::Suggested) {
            tips.extend(suggested.iter().map(|s| suggestion(&s.to_string())));
        }
        if !tips.is_empty() {
            message += "\n";
        }
        for tip in tips {
            message += &format!("\n  {valid}{}:{valid:#} {tip}", t!(HintPrefix));
        }
        if let Some(ContextValue::StyledStr(usage)) = err.get(ContextKind::Usage) {
            message += &format!("\n\n{}", usage_line(usage, Lang::Id));
        }
        let help = format!("{literal}--help{literal:#}");
        let more = t!(ClapMoreInformation, help = help);
        format!("{error}{}:{error:#} {message}\n\n{more}\n", t!(ErrorPrefix)).into()
    }
}

/// One of the tips clap words itself (`to pass '-x' as a value, use '-- -x'`), in the
/// language of the run, from the names it quotes; another is left as clap wrote it.
fn suggestion(tip: &str) -> String {
    let quoted: Vec<&str> = tip.split('\'').skip(1).step_by(2).collect();
    let styles = clap::builder::Styles::default();
    let (invalid, valid) = (styles.get_invalid(), styles.get_valid());
    match quoted.as_slice() {
        [arg, usage] if tip.starts_with("to pass ") => t!(
            ClapPassAsValue,
            arg = format!("{invalid}{arg}{invalid:#}"),
            usage = format!("{valid}{usage}{valid:#}")
        ),
        [name, _] if tip.starts_with("subcommand ") => {
            t!(
                ClapSubcommandExists,
                name = format!("{valid}{name}{valid:#}")
            )
        }
        [usage] if tip.ends_with("' exists") => {
            t!(ClapExists, usage = format!("{valid}{usage}{valid:#}"))
        }
        _ => tip.to_string(),
    }
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

    /// Every command with its path: sop itself (""), `new`, `procedure show`, …
    fn commands(cmd: &Command) -> Vec<(String, Command)> {
        let mut all = vec![(String::new(), cmd.clone())];
        paths(cmd, "", &mut all);
        all
    }

    /// The arguments a command declares itself, with the help the doc comment gave them:
    /// the global options on sop itself only, clap's own help and version flags left out.
    fn own_args(path: &str, cmd: &Command) -> Vec<Arg> {
        cmd.get_arguments()
            .filter(|a| path.is_empty() || !a.is_global_set())
            .filter(|a| !matches!(a.get_action(), ArgAction::Help | ArgAction::Version))
            .cloned()
            .collect()
    }

    fn words(text: &str) -> Vec<&str> {
        text.split_whitespace().collect()
    }

    /// The catalogue's English summaries and help texts are the doc comments clap reads, so
    /// that the English help is one text and the Indonesian one translates it.
    #[test]
    fn the_catalogue_has_every_summary_as_written() {
        let cmd = built();
        for (path, sub) in &commands(&cmd) {
            let key = ABOUTS.iter().find(|(p, _)| p == path).map(|(_, k)| *k);
            let key = key.unwrap_or_else(|| panic!("`sop {path}` has no summary in ABOUTS"));
            let about = sub.get_about().map(|a| a.to_string()).unwrap_or_default();
            assert_eq!(about, text_in(key, Lang::En), "`sop {path}`");
        }
    }

    /// A description longer than the summary is the catalogue's too, after its first
    /// paragraph (the summary's own words).
    #[test]
    fn the_catalogue_has_every_longer_description_as_written() {
        let cmd = built();
        for (path, sub) in &commands(&cmd) {
            let long = sub.get_long_about().map(|a| a.to_string());
            let more = long.as_deref().and_then(|l| l.split_once("\n\n"));
            let key = LONG_ABOUTS.iter().find(|(p, _)| p == path).map(|(_, k)| *k);
            assert_eq!(
                more.map(|(_, more)| words(more)),
                key.map(|k| words(text_in(k, Lang::En))),
                "`sop {path}`: the doc comment and LONG_ABOUTS' key differ"
            );
        }
        for (path, _) in LONG_ABOUTS {
            assert!(ABOUTS.iter().any(|(p, _)| p == path), "`sop {path}`");
        }
    }

    #[test]
    fn the_catalogue_has_the_help_of_every_argument_as_written() {
        let cmd = built();
        let mut rows = 0;
        for (path, sub) in &commands(&cmd) {
            for arg in own_args(path, sub) {
                let id = arg.get_id().as_str();
                let help = arg.get_help().map(|h| h.to_string());
                let ours = arg_help(path, id, Lang::En);
                assert_eq!(
                    help.as_deref().map(words),
                    ours.as_deref().map(words),
                    "`sop {path}`, argument {id}: the doc comment and ARGS' key differ"
                );
                assert!(
                    arg.get_long_help().is_none(),
                    "`sop {path}` {id}: long help"
                );
                rows += usize::from(ours.is_some());
                for value in arg.get_possible_values() {
                    let key = format!("{id}={}", value.get_name());
                    let help = value.get_help().map(|h| h.to_string());
                    let ours = arg_help(path, &key, Lang::En);
                    assert_eq!(
                        help.as_deref().map(words),
                        ours.as_deref().map(words),
                        "`sop {path}`, value {key}"
                    );
                    rows += usize::from(ours.is_some());
                }
            }
        }
        assert_eq!(rows, ARGS.len(), "ARGS has rows for no argument");
    }

    /// Every word of the Indonesian help is Indonesian: the catalogue's summaries and help
    /// texts, and none of clap's own English words.
    #[test]
    fn indonesian_help_uses_the_catalogue_and_no_word_of_clap() {
        let cmd = apply_in(crate::cli::Cli::command_raw(), Lang::Id);
        for (path, mut sub) in commands(&cmd) {
            let about = sub.get_about().map(|a| a.to_string()).unwrap_or_default();
            let key = ABOUTS.iter().find(|(p, _)| *p == path).unwrap().1;
            assert_eq!(about, text_in(key, Lang::Id), "`sop {path}`");
            for arg in sub.get_arguments() {
                let id = arg.get_id().as_str();
                let owner = if arg.is_global_set() {
                    ""
                } else {
                    path.as_str()
                };
                let Some(help) = arg_help(owner, id, Lang::Id) else {
                    continue;
                };
                let shown = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
                assert!(shown.starts_with(&help), "`sop {path}` {id}: {shown}");
            }
            for text in [sub.render_help(), sub.render_long_help()] {
                let text = text.to_string();
                for english in [
                    "Usage:",
                    "Arguments:",
                    "Options:",
                    "Commands:",
                    "[OPTIONS]",
                    "COMMAND",
                    "[default:",
                    "[possible values:",
                    "Possible values:",
                    "[aliases:",
                    "Print help",
                    "Print version",
                    "Print this message",
                ] {
                    assert!(
                        !text.contains(english),
                        "`sop {path} --help`: {english}\n{text}"
                    );
                }
                assert!(text.contains("Penggunaan: sop"), "{text}");
            }
        }
    }

    /// The Indonesian command line parses as the English one does.
    #[test]
    fn indonesian_command_line_parses_the_same() {
        use clap::FromArgMatches;
        let parse = |lang, args: &[&str]| {
            let cmd = apply_in(crate::cli::Cli::command_raw(), lang);
            let matches = cmd.try_get_matches_from(args).map_err(|e| e.kind())?;
            let cli = crate::cli::Cli::from_arg_matches(&matches).map_err(|e| e.kind())?;
            Ok::<_, ErrorKind>(format!("{cli:?}"))
        };
        for args in [
            &[
                "sop", "-C", "/x", "list", "--color", "never", "--mine", "--format", "csv",
            ][..],
            &[
                "sop", "comment", "EML-1", "teks", "--attach", "a.pdf", "--as", "dewi",
            ],
            &[
                "sop", "new", "email", "-q", "--field", "a=b", "--field", "c=d",
            ],
            &[
                "sop",
                "asset",
                "import",
                "-",
                "--input-format",
                "csv",
                "--dry-run",
            ],
            &["sop", "new", "-h"],
            &["sop", "list", "-h"],
            &["sop", "--version"],
            &["sop", "list", "--color", "biru"],
            &["sop", "reject", "EML-1"],
        ] {
            assert_eq!(parse(Lang::Id, args), parse(Lang::En, args), "{args:?}");
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
                if let Some((_, comment)) = line.split_once("  # ") {
                    let entry = crate::i18n::CATALOGUE.iter().find(|e| e.en == comment);
                    assert!(entry.is_some(), "{comment:?} is not in the catalogue");
                }
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
