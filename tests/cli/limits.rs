//! The named limits (src/limits.rs, docs/contract.md "Limits"): each just over the line is
//! exit 3 naming the row, column, option or file, and nothing is written. Malformed bytes are
//! input errors that say where they are.

use std::io::Write;
use std::process::Stdio;

use crate::support::Office;

const CELL_BYTES: usize = 4 * 1024;
const IMPORT_COLUMNS: usize = 64;
const IMPORT_ROWS: usize = 100_000;
const IMPORT_BYTES: usize = 256 * 1024 * 1024;
const JSON_LINE_BYTES: usize = 1024 * 1024;
const PROCEDURE_FILE_BYTES: usize = 1024 * 1024;
const RULES_FILE_BYTES: usize = 4 * 1024 * 1024;
const RECORD_FILE_BYTES: usize = 1024 * 1024;

fn stderr(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&a.get_output().stderr).to_string()
}

fn stdout(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&a.get_output().stdout).to_string()
}

/// Imports `content` as eko, which must fail with exit 3 and write nothing; its stderr.
fn import_refused(office: &Office, name: &str, content: &[u8], extra: &[&str]) -> String {
    let file = office.input_file(name, content);
    let before = office.snapshot();
    let mut args = vec!["asset", "import", file.to_str().unwrap()];
    args.extend(extra);
    let err = stderr(&office.sop("eko", &args).code(3));
    assert!(err.contains("nothing was imported"), "{err}");
    assert_eq!(office.snapshot(), before, "{name}");
    err
}

fn column_names(n: usize) -> String {
    let mut names = vec!["kind".to_string(), "name".to_string()];
    names.extend((names.len()..n).map(|i| format!("attr.c{i}")));
    names.join(",")
}

#[test]
fn an_import_cell_over_4_kib_is_named_by_line_and_column() {
    let office = Office::example();
    let at_limit = "x".repeat(CELL_BYTES);
    let over = "y".repeat(CELL_BYTES + 1);
    let csv = format!(
        "kind,name,location\nhardware,A,{at_limit}\nhardware,B,\"{over}\"\nhardware,C,Ruang 1\n"
    );
    let err = import_refused(&office, "cell.csv", csv.as_bytes(), &[]);
    assert!(
        err.contains(
            "cell.csv line 3: column 'location' holds more than 4 KiB, the most a cell may hold"
        ),
        "{err}"
    );
    assert!(err.contains("1 problem(s) on 1 line(s)"), "{err}");
    let json = format!("{{\"kind\":\"data\",\"name\":\"{over}\"}}\n");
    let err = import_refused(&office, "cell.jsonl", json.as_bytes(), &[]);
    assert!(
        err.contains("cell.jsonl line 1: column 'name' holds more than 4 KiB"),
        "{err}"
    );
    // At the limit is fine.
    let file = office.input_file(
        "ok.csv",
        format!("kind,name,location\nhardware,A,{at_limit}\n").as_bytes(),
    );
    office
        .sop("eko", &["asset", "import", file.to_str().unwrap()])
        .success()
        .stdout("1 created, 0 updated, 0 unchanged\n");
}

#[test]
fn a_header_of_more_than_64_columns_is_refused_at_line_1() {
    let office = Office::example();
    let over = format!(
        "{}\nhardware,A{}\n",
        column_names(IMPORT_COLUMNS + 1),
        ",x".repeat(IMPORT_COLUMNS - 1)
    );
    let err = import_refused(&office, "wide.csv", over.as_bytes(), &[]);
    assert!(
        err.contains(
            "wide.csv line 1: the header has more than 64 columns, the most an import may have"
        ),
        "{err}"
    );
    let members: Vec<String> = (0..IMPORT_COLUMNS - 1)
        .map(|i| format!("\"c{i}\":\"x\""))
        .collect();
    let json = format!(
        "{{\"kind\":\"data\",\"name\":\"A\",\"attributes\":{{{}}}}}\n",
        members.join(",")
    );
    let err = import_refused(&office, "wide.jsonl", json.as_bytes(), &[]);
    assert!(
        err.contains("wide.jsonl line 1: has 65 columns (attributes included), more than the 64"),
        "{err}"
    );
    let at_limit = format!(
        "{}\nhardware,A{}\n",
        column_names(IMPORT_COLUMNS),
        ",x".repeat(IMPORT_COLUMNS - 2)
    );
    let file = office.input_file("ok.csv", at_limit.as_bytes());
    office
        .sop(
            "eko",
            &["asset", "import", file.to_str().unwrap(), "--dry-run"],
        )
        .success()
        .stdout("1 created, 0 updated, 0 unchanged (dry run: nothing written)\n");
}

#[test]
fn more_than_100_000_rows_are_refused_at_the_first_row_over() {
    let office = Office::example();
    let mut csv = String::from("kind,name\n");
    for i in 0..=IMPORT_ROWS {
        csv += &format!("hardware,PC {i}\n");
        if i == 10 {
            csv += "\n"; // a blank line is not a row
        }
    }
    csv += "hardware\n"; // after the limit: never read
    let err = import_refused(&office, "rows.csv", csv.as_bytes(), &[]);
    assert!(
        err.contains(&format!(
            "rows.csv line {}: is row 100001: an import takes at most 100000 rows; split the file",
            IMPORT_ROWS + 3
        )),
        "{}",
        &err[..err.len().min(2000)]
    );
    assert!(err.contains("1 problem(s) on 1 line(s)"), "{err}");
}

#[test]
fn a_json_line_over_1_mib_is_named() {
    let office = Office::example();
    let mut json = b"{\"kind\":\"data\",\"name\":\"A\"}\n{\"kind\":\"data\",\"name\":\"".to_vec();
    json.extend(std::iter::repeat_n(b'z', JSON_LINE_BYTES));
    json.extend(b"\"}\n");
    let err = import_refused(&office, "long.jsonl", &json, &[]);
    assert!(
        err.contains("long.jsonl line 2: is longer than 1 MiB, the most a JSON line may be"),
        "{err}"
    );
}

/// Pipes `total` bytes (`head`, then `fill` repeated) into `sop --as eko ARGS`; returns
/// the output and whether sop stopped reading before the end (the writer met a closed pipe).
fn pipe_into(
    office: &Office,
    args: &[&str],
    head: &[u8],
    fill: u8,
    total: usize,
) -> (std::process::Output, bool) {
    let mut cmd = office.sop_cmd();
    cmd.arg("--as")
        .arg("eko")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let head = head.to_vec();
    let writer = std::thread::spawn(move || -> std::io::Result<()> {
        stdin.write_all(&head)?;
        let chunk = vec![fill; 1024 * 1024];
        let mut left = total - head.len();
        while left > 0 {
            let n = left.min(chunk.len());
            stdin.write_all(&chunk[..n])?;
            left -= n;
        }
        Ok(())
    });
    let out = child.wait_with_output().unwrap();
    let stopped_early = writer.join().unwrap().is_err();
    (out, stopped_early)
}

#[test]
fn an_input_over_256_mib_stops_the_reading() {
    let office = Office::example();
    let before = office.snapshot();
    // 300 MiB of one cell: sop stops at 256 MiB, and does not hold the cell meanwhile.
    let (out, stopped_early) = pipe_into(
        &office,
        &["asset", "import", "-"],
        b"kind,name,location\nhardware,A,",
        b'x',
        IMPORT_BYTES + 44 * 1024 * 1024,
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert!(
        err.contains("<stdin> line 2: the input goes on past 256 MiB, the most one import reads: split it into several files"),
        "{err}"
    );
    assert!(stopped_early, "sop read the whole input: {err}");
    assert_eq!(office.snapshot(), before);
}

#[test]
fn a_header_only_csv_with_an_unknown_column_is_an_error() {
    let office = Office::example();
    let err = import_refused(&office, "header.csv", b"kind,name,colour\n", &[]);
    assert!(
        err.contains("header.csv line 1: unknown column 'colour'"),
        "{err}"
    );
    let err = import_refused(&office, "header.csv", b"kind,name,colour\n", &["--dry-run"]);
    assert!(err.contains("unknown column 'colour'"), "{err}");
}

#[test]
fn bytes_that_are_not_utf8_in_an_import_are_placed_by_line_and_byte() {
    let office = Office::example();
    let csv = b"kind,name\nhardware,Meja\nhardware,Kursi \xe9tage\nsoftware,\"Word\nversi \xff\"\n";
    let err = import_refused(&office, "latin1.csv", csv, &[]);
    assert!(
        err.contains("latin1.csv line 3: is not valid UTF-8 (invalid byte at position 39)"),
        "{err}"
    );
    assert!(
        err.contains("latin1.csv line 5: is not valid UTF-8 (invalid byte at position 66)"),
        "{err}"
    );
    let (out, _) = pipe_into(
        &office,
        &["asset", "import", "-", "--input-format", "jsonl"],
        b"{\"kind\":\"data\",\"name\":\"\xc3\"}\n",
        b'\n',
        30,
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert!(
        err.contains("<stdin> line 1: is not valid UTF-8 (invalid byte at position 23)"),
        "{err}"
    );
}

#[test]
fn a_control_character_in_an_import_cell_is_refused() {
    let office = Office::example();
    let err = import_refused(
        &office,
        "nul.csv",
        b"kind,name\nhardware,\"PC\x00 1\"\n",
        &[],
    );
    assert!(
        err.contains(
            "nul.csv line 2: column 'name' contains a control character (U+0000 at byte 2)"
        ),
        "{err}"
    );
}

#[test]
fn a_control_character_in_an_argument_is_refused_naming_the_option() {
    let office = Office::example();
    let before = office.snapshot();
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec![
                "new",
                "email",
                "--field",
                "nama_lengkap=Budi\u{1b}[2J",
                "--field",
                "email_diminta=b@x.id",
            ],
            "--field: contains a control character (U+001B at byte 17)",
        ),
        (
            vec![
                "new",
                "email",
                "--title",
                "Akun\rBaru",
                "--field",
                "nama_lengkap=Budi",
            ],
            "--title: contains a control character (U+000D at byte 4)",
        ),
        (
            vec!["asset", "add", "--kind", "hardware", "--name", "PC\u{7}"],
            "--name: contains a control character (U+0007 at byte 2)",
        ),
        (
            vec!["cancel", "EML-0000000000", "--reason", "salah\u{8}"],
            "--reason: contains a control character (U+0008 at byte 5)",
        ),
    ];
    for (args, expected) in cases {
        let err = stderr(&office.sop("putri", &args).code(3));
        assert!(err.contains(expected), "{args:?}: {err}");
    }
    assert_eq!(office.snapshot(), before);
    // Tabs and line breaks (also Windows ones) are text.
    let id = office.new_request(
        "putri",
        "email",
        &[
            "nama_lengkap=Budi\tSantoso",
            "email_diminta=budi@kota.go.id",
        ],
    );
    office
        .sop(
            "putri",
            &["advance", &id, "--note", "baris satu\r\nbaris dua\n"],
        )
        .success();
}

#[test]
fn an_asset_option_over_4_kib_is_refused_naming_the_option() {
    let office = Office::example();
    let before = office.snapshot();
    let long = "x".repeat(CELL_BYTES + 1);
    let err = stderr(
        &office
            .sop(
                "eko",
                &[
                    "asset",
                    "add",
                    "--kind",
                    "hardware",
                    "--name",
                    "PC",
                    "--location",
                    &long,
                ],
            )
            .code(3),
    );
    assert!(
        err.contains("--location: column 'location' holds more than 4 KiB"),
        "{err}"
    );
    let attr = format!("catatan={long}");
    let err = stderr(
        &office
            .sop(
                "eko",
                &[
                    "asset", "add", "--kind", "hardware", "--name", "PC", "--attr", &attr,
                ],
            )
            .code(3),
    );
    assert!(
        err.contains("--attr: column 'attr.catatan' holds more"),
        "{err}"
    );
    assert_eq!(office.snapshot(), before);
}

#[test]
fn a_procedure_file_not_utf8_or_over_1_mib_is_named_by_procedure_check() {
    let office = Office::example();
    let rel = "procedures/email.toml";
    let text = office.read(rel);
    let at = text
        .find("Permintaan")
        .expect("the email procedure names itself");
    let mut bytes = text.clone().into_bytes();
    bytes[at + 1] = 0xff;
    std::fs::write(office.path(rel), &bytes).unwrap();
    // git status may refresh the index after an edit in the same second as the last commit.
    office.status();
    let before = office.snapshot();
    let check = office.sop("eko", &["procedure", "check"]).code(3);
    let expected = format!(
        "{rel}: not UTF-8 text (invalid byte at position {})",
        at + 1
    );
    assert!(
        stdout(&check).contains(&format!(
            "{rel}:1: not UTF-8 text (invalid byte at position {})",
            at + 1
        )),
        "{}",
        stdout(&check)
    );
    let show = office.sop("eko", &["procedure", "show", "email"]).code(3);
    assert!(stderr(&show).contains(&expected), "{}", stderr(&show));
    let graph = office.sop("eko", &["procedure", "graph", "email"]).code(3);
    assert!(stderr(&graph).contains(&expected), "{}", stderr(&graph));
    assert_eq!(office.snapshot(), before);

    let mut padded = text.clone();
    while padded.len() <= PROCEDURE_FILE_BYTES {
        padded += "# catatan panjang yang tidak berguna\n";
    }
    std::fs::write(office.path(rel), &padded).unwrap();
    let check = office.sop("eko", &["procedure", "check"]).code(3);
    assert!(
        stdout(&check).contains(&format!(
            "{rel}:1: {} bytes, over the limit of 1 MiB for this file",
            padded.len()
        )),
        "{}",
        stdout(&check)
    );
    let list = office.sop("eko", &["procedure", "list"]).success();
    assert!(
        stderr(&list).contains("warning: procedures/email.toml:"),
        "{}",
        stderr(&list)
    );
}

#[test]
fn people_toml_and_sop_toml_over_4_mib_or_not_utf8_are_named() {
    let office = Office::example();
    let people = office.read("people.toml");
    let mut padded = people.clone();
    while padded.len() <= RULES_FILE_BYTES {
        padded += "# ----------------------------------------------------------------\n";
    }
    std::fs::write(office.path("people.toml"), &padded).unwrap();
    let check = office.sop("eko", &["procedure", "check"]).code(3);
    assert!(
        stdout(&check).contains("people.toml:1: "),
        "{}",
        stdout(&check)
    );
    assert!(
        stdout(&check).contains("bytes, over the limit of 4 MiB"),
        "{}",
        stdout(&check)
    );
    // A change uses the committed people.toml, and says the work tree's differs.
    let listed = office.sop("putri", &["list"]).success();
    assert!(
        stderr(&listed).contains("warning: people.toml has changes that are not committed"),
        "{}",
        stderr(&listed)
    );
    std::fs::write(office.path("people.toml"), &people).unwrap();

    let config = office.read("sop.toml");
    let mut bytes = config.clone().into_bytes();
    bytes.extend(b"# caf\xe9\n");
    std::fs::write(office.path("sop.toml"), &bytes).unwrap();
    let err = stderr(&office.sop("eko", &["procedure", "list"]).code(3));
    assert!(
        err.contains(&format!(
            "sop.toml: not UTF-8 text (invalid byte at position {})",
            config.len() + 5
        )),
        "{err}"
    );
}

#[test]
fn an_asset_file_over_1_mib_is_named_when_an_import_updates_it() {
    let office = Office::example();
    let id = office.json(
        "eko",
        &[
            "asset", "add", "--kind", "hardware", "--name", "PC", "--serial", "S-1",
        ],
    )["id"]
        .as_str()
        .unwrap()
        .to_string();
    let rel = format!("assets/{}/{id}.toml", &id[4..6]);
    let mut text = office.read(&rel);
    while text.len() <= RECORD_FILE_BYTES {
        text += "# diisi tangan\n";
    }
    std::fs::write(office.path(&rel), &text).unwrap();
    office.git(&["commit", "-qam", "a big asset file"]);
    let csv = "serial,location\nS-1,Ruang 2\n";
    let err = import_refused(&office, "update.csv", csv.as_bytes(), &["--key", "serial"]);
    assert!(
        err.contains(&format!(
            "update.csv line 2: {rel}: {} bytes, over the limit of 1 MiB for this file",
            text.len()
        )),
        "{err}"
    );
}

#[test]
fn a_note_over_16_kib_is_refused_and_a_hand_made_one_is_flagged() {
    let office = Office::example();
    let id = office.new_request(
        "putri",
        "email",
        &["nama_lengkap=Putri", "email_diminta=putri@kota.go.id"],
    );
    let long = "x".repeat(16 * 1024 + 1);
    let before = office.snapshot();
    let refused = office
        .sop("putri", &["advance", &id, "--note", &long])
        .code(3);
    assert!(
        stderr(&refused).contains("the note has 16385 bytes, over the limit of 16 KiB"),
        "{}",
        stderr(&refused)
    );
    assert_eq!(office.snapshot(), before);
    // The same note written by hand into a real change's entry: verify replays the limit.
    office
        .sop("putri", &["advance", &id, "--note", "pendek"])
        .success();
    office.edit(
        office.request_file(&id),
        "note = \"pendek\"",
        &format!("note = \"{long}\""),
    );
    office.git(&["commit", "-q", "-a", "--amend", "--no-edit"]);
    let forged = office.head();
    let verify = office.sop("rizky", &["verify"]).code(6);
    let out = stdout(&verify);
    assert!(out.contains(&forged[..12]), "{out}");
    assert!(out.contains("the note has 16385 bytes"), "{out}");
}

#[test]
fn an_argument_that_is_not_utf8_is_an_input_error_placed_by_byte() {
    use std::os::unix::ffi::OsStrExt;
    let office = Office::example();
    let before = office.snapshot();
    let out = office
        .sop_cmd()
        .args(["--as", "putri", "new", "email", "--title"])
        .arg(std::ffi::OsStr::from_bytes(b"Judul \xff"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("argument 6"), "{err}");
    assert!(err.contains("invalid byte at position 6"), "{err}");
    assert_eq!(office.snapshot(), before);
}
