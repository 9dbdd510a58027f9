//! Two writers at once lose nothing: sop against sop, and sop against the git program.

use std::process::Command;

use crate::support::Office;

const EMAIL: &[&str] = &["nama_lengkap=P", "email_diminta=p@kota.go.id"];

#[test]
fn concurrent_writers_lose_no_commit() {
    let office = Office::example();
    let ids: Vec<String> = (0..16)
        .map(|_| office.new_request("putri", "email", EMAIL))
        .collect();
    let start = office.commit_count();
    let batch = |ids: &[String]| -> Vec<Command> {
        ids.iter()
            .map(|id| {
                let mut cmd = office.sop_cmd();
                cmd.args(["--as", "putri", "advance", id]);
                cmd
            })
            .collect()
    };
    let (a, b) = (batch(&ids[..8]), batch(&ids[8..]));
    let root = office.root.clone();
    let home = office.home.clone();
    let run_all = |cmds: Vec<Command>| {
        std::thread::spawn(move || {
            for mut cmd in cmds {
                let out = cmd.output().unwrap();
                assert!(
                    out.status.success(),
                    "{}",
                    String::from_utf8_lossy(&out.stderr)
                );
            }
        })
    };
    let (ta, tb) = (run_all(a), run_all(b));
    // meanwhile, someone commits their own file with the git program, retrying while busy
    let tg = std::thread::spawn(move || {
        let mut made = 0;
        for i in 0..8 {
            std::fs::write(root.join(format!("note-{i}.txt")), "x\n").unwrap();
            loop {
                let git = |args: &[&str]| {
                    Command::new("git")
                        .current_dir(&root)
                        .env("HOME", &home)
                        .env("GIT_CONFIG_NOSYSTEM", "1")
                        .env("GIT_AUTHOR_NAME", "Someone")
                        .env("GIT_AUTHOR_EMAIL", "someone@example.id")
                        .env("GIT_COMMITTER_NAME", "Someone")
                        .env("GIT_COMMITTER_EMAIL", "someone@example.id")
                        .args(args)
                        .output()
                        .unwrap()
                };
                let name = format!("note-{i}.txt");
                if git(&["add", &name]).status.success()
                    && git(&["commit", "-qm", &name, "--", &name]).status.success()
                {
                    made += 1;
                    break;
                }
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
        }
        made
    });
    ta.join().unwrap();
    tb.join().unwrap();
    assert_eq!(tg.join().unwrap(), 8);
    assert_eq!(
        office.commit_count(),
        start + 16 + 8,
        "every commit is on the branch"
    );
    assert_eq!(office.status(), "", "work tree and index agree with HEAD");
    for id in &ids {
        let v = office.json("putri", &["show", id]);
        assert_eq!(v["step"]["id"], "terima-fpe", "{id}");
    }
    for i in 0..8 {
        assert!(office
            .git(&["ls-files", &format!("note-{i}.txt")])
            .contains("note"));
    }
}
