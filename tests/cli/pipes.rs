//! A reader that closes the pipe early (`sop … | head -1`) is no error: every command and
//! format exits 0 without a word on stderr about it.

use std::process::Stdio;

use crate::support::Office;

/// `sop --as rizky ARGS…` with `env`, its standard output closed before it writes: every
/// write meets a broken pipe. Returns the exit code and stderr.
fn with_stdout_closed(
    office: &Office,
    env: &[(&str, &str)],
    args: &[&str],
) -> (Option<i32>, String) {
    let mut cmd = office.sop_cmd();
    cmd.envs(env.iter().copied());
    cmd.arg("--as")
        .arg("rizky")
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd.spawn().unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

#[test]
fn a_closed_pipe_is_quiet_and_exits_0_for_every_command_and_format() {
    let office = Office::example();
    let id = office.new_request(
        "putri",
        "email",
        &["nama_lengkap=P", "email_diminta=p@kota.go.id"],
    );
    let note = office.input_file("catatan.txt", b"lihat lampiran\n");
    office
        .sop(
            "putri",
            &[
                "comment",
                &id,
                "salinan",
                "--attach",
                note.to_str().unwrap(),
            ],
        )
        .success();
    let mut csv = String::from("kind,name,serial\n");
    for i in 0..300 {
        csv += &format!("hardware,Komputer {i},S-{i:04}\n");
    }
    office.import_assets(&csv);
    let asset = office.json("eko", &["asset", "list"])[0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    const ALL: &[&str] = &["table", "csv", "json", "id"];
    const RECORD: &[&str] = &["table", "json"];
    const REPORT: &[&str] = &["table", "csv", "json"];
    let commands: Vec<(Vec<&str>, &[&str])> = vec![
        (vec!["list"], ALL),
        (vec!["show", &id], RECORD),
        (vec!["log", &id], ALL),
        (vec!["report"], REPORT),
        (vec!["verify"], REPORT),
        (vec!["procedure", "list"], ALL),
        (vec!["procedure", "show", "email"], RECORD),
        (vec!["procedure", "check"], RECORD),
        (vec!["asset", "list"], ALL),
        (vec!["asset", "show", &asset], RECORD),
        (vec!["attachment", &id], ALL),
    ];
    let mut runs: Vec<Vec<&str>> = Vec::new();
    for (command, formats) in &commands {
        for format in *formats {
            let mut args = command.clone();
            args.extend(["--format", format]);
            runs.push(args);
        }
        // The table as a terminal gets it: boxed, whole with --wide, coloured.
        for extra in [&["--wide"][..], &["--color", "always"]] {
            let mut args = command.clone();
            args.extend(extra);
            runs.push(args);
        }
    }
    runs.push(vec!["attachment", &id, "catatan.txt"]);
    runs.push(vec!["procedure", "graph", "email"]);
    runs.push(vec!["procedure", "graph", "email", "--format", "dot"]);
    runs.push(vec!["completions", "bash"]);
    // Piped, and as on a terminal of 80 columns (the fitted box).
    for env in [&[][..], &[("SOP_TERMINAL_WIDTH", "80")]] {
        for args in &runs {
            // With the pipe open, the command succeeds (a clean `verify` or `procedure check`
            // table prints nothing on stdout; the others something).
            office.sop("rizky", args).success();
            let (code, stderr) = with_stdout_closed(&office, env, args);
            assert_eq!(code, Some(0), "{env:?} {args:?}: {stderr}");
            for noise in ["error", "Broken pipe", "panicked"] {
                assert!(!stderr.contains(noise), "{env:?} {args:?}: {stderr}");
            }
        }
    }
    // The same through a shell, as people write it: sop's own exit status is 0 (kept in a
    // file, as `$?` after a pipe is head's) and it says nothing about the pipe.
    let out = office
        .sh(r#"for f in table csv json; do
  { "$SOP" --as rizky asset list --format "$f" 2>>../err; echo "$f $?" >>../codes; } | head -c 1 >/dev/null
done
cat ../codes; grep -ci 'pipe\|error' ../err"#)
        .failure(); // grep finds nothing
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert_eq!(text, "table 0\ncsv 0\njson 0\n0\n");
}

/// `sop init --example --demo` prints the folder last: a closed pipe does not stop the office
/// from being made whole.
#[test]
fn init_with_its_output_closed_still_makes_the_whole_demo() {
    let office = Office::empty();
    let dir = office.root.to_str().unwrap().to_string();
    let (code, stderr) = with_stdout_closed(&office, &[], &["init", "--example", "--demo", &dir]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(!stderr.contains("error"), "{stderr}");
    let rows = office.json("rizky", &["list"]);
    assert_eq!(rows.as_array().unwrap().len(), 34);
    office.sop("rizky", &["verify"]).success();
}
