use serde_json::Value;

use crate::support::Office;

const GOOD: &str = "kind,name,serial,location,acquired,value,attr.ram\n\
hardware,Laptop Asus,SN-1,Ruang TIK,2024-01-15,15000000,16GB\n\
hardware,PC Lenovo,SN-2,Ruang Server,2023-06-01,9000000,8GB\n\
software,Windows Server,SN-3,,2024-02-01,,\n";

fn path(p: &std::path::Path) -> &str {
    p.to_str().unwrap()
}

fn asset(office: &Office, id: &str) -> Value {
    office.json("eko", &["asset", "show", id])
}

fn asset_file(id: &str) -> String {
    format!("assets/{}/{id}.toml", &id[4..6])
}

/// `sop asset add` as eko; returns the new id.
fn add(office: &Office, args: &[&str]) -> String {
    let mut all = vec!["asset", "add"];
    all.extend(args);
    office.json("eko", &all)["id"].as_str().unwrap().to_string()
}

fn stderr(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&a.get_output().stderr).to_string()
}

#[test]
fn import_validates_all_rows_then_commits_once_and_upserts_by_key() {
    let office = Office::example();
    let bad = GOOD.replace("2023-06-01", "2023-02-30");
    let file = office.input_file("bad.csv", bad.as_bytes());
    let before = office.snapshot();
    let failed = office
        .sop("eko", &["asset", "import", path(&file), "--key", "serial"])
        .code(3);
    let err = stderr(&failed);
    assert!(
        err.contains("bad.csv line 3: acquired must be a date YYYY-MM-DD, not '2023-02-30'"),
        "{err}"
    );
    assert!(err.contains("nothing was imported"), "{err}");
    assert_eq!(office.snapshot(), before);

    let file = office.input_file("good.csv", GOOD.as_bytes());
    let commits = office.commit_count();
    let out = office.json("eko", &["asset", "import", path(&file), "--key", "serial"]);
    assert_eq!(out["created"], 3);
    assert_eq!(office.commit_count(), commits + 1);
    let last = office.last_commit();
    assert_eq!(last.files.len(), 3);
    assert!(last.files.iter().all(|f| f.starts_with("assets/")));
    assert_eq!(
        last.subject,
        "asset import: 3 assets (3 created, 0 updated)"
    );
    assert_eq!(last.trailer("Sop-Action").as_deref(), Some("asset-import"));
    assert_eq!(last.author, "Eko Prasetyo <eko@diskominfo.example.go.id>");
    assert_eq!(office.status(), "");
    let listed = office.json("eko", &["asset", "list"]);
    assert_eq!(listed.as_array().unwrap().len(), 3);
    let laptop = listed
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["serial"] == "SN-1")
        .unwrap();
    assert_eq!(laptop["value"], 15000000);
    assert_eq!(laptop["attributes"]["ram"], "16GB");
    assert_eq!(laptop["status"], "in-stock");

    // Again: nothing changes, no commit.
    let again = office.snapshot();
    office
        .sop("eko", &["asset", "import", path(&file), "--key", "serial"])
        .success()
        .stdout("0 created, 0 updated, 3 unchanged\n");
    assert_eq!(office.snapshot(), again);

    // One changed column: only that asset is updated.
    let changed = GOOD.replace("Ruang Server", "Gudang");
    let file = office.input_file("changed.csv", changed.as_bytes());
    office
        .sop("eko", &["asset", "import", path(&file), "--key", "serial"])
        .success()
        .stdout("0 created, 1 updated, 2 unchanged\n");
    assert_eq!(office.commit_count(), commits + 2);
    let last = office.last_commit();
    assert_eq!(last.files.len(), 1);
    let pc = office.json("eko", &["asset", "list", "--location", "gudang"]);
    assert_eq!(pc[0]["serial"], "SN-2");
    assert_eq!(last.files[0], asset_file(pc[0]["id"].as_str().unwrap()));
    let shown = asset(&office, pc[0]["id"].as_str().unwrap());
    let history = shown["history"].as_array().unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[1]["set"]["location"], "Gudang");
    assert_eq!(office.status(), "");
}

#[test]
fn dry_run_writes_nothing() {
    let office = Office::example();
    let file = office.input_file("good.csv", GOOD.as_bytes());
    let before = office.snapshot();
    office
        .sop("eko", &["asset", "import", path(&file), "--dry-run"])
        .success()
        .stdout("3 created, 0 updated, 0 unchanged (dry run: nothing written)\n");
    assert_eq!(office.snapshot(), before);
}

#[test]
fn json_lines_from_stdin() {
    let office = Office::example();
    let input = br#"{"kind": "data", "name": "Basis data kepegawaian", "holder": "lina@diskominfo.example.go.id", "attributes": {"format": "PostgreSQL"}}
{"kind": "software", "name": "Antivirus", "licence": "LIC-42", "value": 2500000}
"#;
    let out = office
        .sop_stdin("eko", &["asset", "import", "-", "--format", "json"], input)
        .success();
    let summary: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(summary["created"], 2);
    let held = office.json("eko", &["asset", "list", "--holder", "lina"]);
    assert_eq!(held.as_array().unwrap().len(), 1);
    assert_eq!(held[0]["kind"], "data");
    assert_eq!(held[0]["status"], "in-use");
    assert_eq!(held[0]["attributes"]["format"], "PostgreSQL");
    let sw = office.json("eko", &["asset", "list", "--kind", "software"]);
    assert_eq!(sw[0]["licence"], "LIC-42");
    assert_eq!(office.status(), "");
}

#[test]
fn add_in_a_shell_loop_with_json_parsed_by_the_script() {
    let office = Office::example();
    let before = office.commit_count();
    let out = office
        .sh(r#"for i in 1 2 3; do
  "$SOP" --as eko asset add --kind hardware --name "PC $i" --serial "S$i" --format json |
    sed -n 's/^  "id": "\(AST-[0-9A-Z]*\)",$/\1/p'
done"#)
        .success();
    let ids: Vec<String> = String::from_utf8_lossy(&out.get_output().stdout)
        .lines()
        .map(str::to_string)
        .collect();
    assert_eq!(ids.len(), 3, "{ids:?}");
    assert_eq!(office.commit_count(), before + 3);
    for (i, id) in ids.iter().enumerate() {
        assert!(office.path(&asset_file(id)).is_file());
        assert_eq!(asset(&office, id)["serial"], format!("S{}", i + 1));
    }
    let last = office.last_commit();
    assert_eq!(last.trailer("Sop-Asset").as_deref(), Some(ids[2].as_str()));
    assert_eq!(last.trailer("Sop-Action").as_deref(), Some("asset-add"));
    assert_eq!(last.subject, format!("{} add: PC 3", ids[2]));
    // csv output has the header and one line per asset
    let csv = office
        .sop("eko", &["asset", "list", "--format", "csv"])
        .success();
    let text = String::from_utf8_lossy(&csv.get_output().stdout).to_string();
    assert!(text.starts_with("id,kind,name,status,"), "{text}");
    assert_eq!(text.lines().count(), 4);
}

#[test]
fn only_asset_managers_and_admins_register() {
    let office = Office::example();
    let before = office.snapshot();
    let refused = office
        .sop(
            "putri",
            &["asset", "add", "--kind", "hardware", "--name", "PC"],
        )
        .code(4);
    assert!(stderr(&refused).contains("pengelola-aset"));
    assert_eq!(office.snapshot(), before);
    office
        .sop(
            "rizky",
            &["asset", "add", "--kind", "hardware", "--name", "PC"],
        )
        .success();
}

#[test]
fn bad_input_is_named_and_nothing_is_written() {
    let office = Office::example();
    let before = office.snapshot();
    let cases: Vec<(&str, Vec<u8>, &[&str], &str)> = vec![
        (
            "unknown.csv",
            b"kind,name,colour\nhardware,PC,red\nhardware,PC2,blue\n".to_vec(),
            &[],
            "unknown.csv line 1: unknown column 'colour'",
        ),
        (
            "dup.csv",
            b"kind,name,serial\nhardware,A,S1\nhardware,B,S2\nhardware,C,S1\n".to_vec(),
            &["--key", "serial"],
            "dup.csv line 4: repeats serial 'S1' of line 2",
        ),
        (
            "date.csv",
            b"kind,name,acquired\nhardware,A,15/01/2024\n".to_vec(),
            &[],
            "date.csv line 2: acquired must be a date YYYY-MM-DD, not '15/01/2024'",
        ),
        (
            "latin1.csv",
            b"kind,name\nhardware,Kursi \xe9\nhardware,B\n".to_vec(),
            &[],
            "latin1.csv line 2: is not valid UTF-8",
        ),
        (
            "empty.csv",
            Vec::new(),
            &[],
            "empty.csv: the input is empty",
        ),
        (
            "nokind.csv",
            b"name\nPC\n".to_vec(),
            &[],
            "nokind.csv line 2: a new asset needs kind",
        ),
        (
            "bad.jsonl",
            b"{\"kind\":\"data\",\"name\":\"A\"}\n{\"kind\": \n".to_vec(),
            &[],
            "bad.jsonl line 2: is not a JSON object",
        ),
    ];
    for (name, content, extra, expected) in cases {
        let file = office.input_file(name, &content);
        let mut args = vec!["asset", "import", path(&file)];
        args.extend(extra);
        let failed = office.sop("eko", &args).code(3);
        let err = stderr(&failed);
        assert!(err.contains(expected), "{name}: {err}");
        assert_eq!(err.matches(expected).count(), 1, "{name}: {err}");
        assert!(err.contains("nothing was imported"), "{name}: {err}");
        assert_eq!(office.snapshot(), before, "{name}");
    }
    office
        .sop("eko", &["asset", "import", "--key", "colour", "x.csv"])
        .code(3);
}

#[test]
fn a_50_mb_file_with_a_malformed_last_line_writes_nothing() {
    let office = Office::example();
    let mut content = String::from("kind,name,serial,location\n");
    // Long rows: 50 MB in fewer rows than an import may have (limits::IMPORT_ROWS).
    let wing = "Gedung Sekretariat Daerah sayap timur; ".repeat(14);
    let mut n = 0;
    while content.len() < 50 * 1024 * 1024 {
        n += 1;
        content += &format!(
            "hardware,Komputer nomor {n},SER-{n:08},{wing}Ruang {}\n",
            n % 97
        );
    }
    content += "hardware,\"unterminated,SER-LAST\n";
    let file = office.input_file("big.csv", content.as_bytes());
    let before = office.snapshot();
    let failed = office
        .sop("eko", &["asset", "import", path(&file), "--key", "serial"])
        .code(3);
    let err = stderr(&failed);
    let last_line = n + 2;
    assert!(
        err.contains(&format!(
            "big.csv line {last_line}: has 2 cells but the header has 4"
        )),
        "{}",
        &err[..err.len().min(2000)]
    );
    assert_eq!(
        err.lines().filter(|l| l.contains("big.csv line")).count(),
        1,
        "only the last line is bad: {err}"
    );
    assert!(err.contains("hint: correct those lines"), "{err}");
    assert_eq!(office.snapshot(), before);
}

/// Runs `sop --as WHO ACTION ID ARGS…` for each step, which must succeed.
fn walk(office: &Office, id: &str, steps: &[(&str, &str, &[&str])]) {
    for (who, action, args) in steps {
        let mut all = vec![*action, id];
        all.extend(*args);
        office.sop(who, &all).success();
    }
}

/// The last commit changed exactly the request and these assets.
fn committed_together(office: &Office, request: &str, assets: &[&str]) {
    let last = office.last_commit();
    let mut expected: Vec<String> = assets.iter().map(|a| asset_file(a)).collect();
    let (prefix, rest) = request.split_once('-').unwrap();
    expected.push(format!("requests/{prefix}/{}/{request}.toml", &rest[..2]));
    expected.sort();
    let mut files = last.files.clone();
    files.sort();
    assert_eq!(files, expected);
    for a in assets {
        assert!(last.trailers.contains(&format!("Sop-Asset: {a}")));
    }
    assert_eq!(office.status(), "");
}

#[test]
fn perbaikan_puts_the_asset_in_repair_then_back_in_use() {
    let office = Office::example();
    let a = add(
        &office,
        &["--kind", "hardware", "--name", "Server", "--holder", "lina"],
    );
    assert_eq!(asset(&office, &a)["status"], "in-use");
    let r = office.json("eko", &["new", "perbaikan-aset", "--asset", &a[..8]])["id"]
        .as_str()
        .unwrap()
        .to_string();
    committed_together(&office, &r, &[&a]);
    assert_eq!(asset(&office, &a)["status"], "in-repair");
    assert_eq!(office.json("eko", &["show", &r])["asset"], a.as_str());
    walk(
        &office,
        &r,
        &[
            ("eko", "advance", &[]),
            ("wahyu", "advance", &[]),
            ("siti", "approve", &[]),
            ("wahyu", "advance", &[]),
            ("eko", "advance", &[]),
        ],
    );
    assert_eq!(asset(&office, &a)["status"], "in-repair");
    office.sop("eko", &["advance", &r]).success();
    committed_together(&office, &r, &[&a]);
    let shown = asset(&office, &a);
    assert_eq!(shown["status"], "in-use");
    assert_eq!(shown["holder"], "lina");
    assert_eq!(shown["requests"][0]["id"], r.as_str());
    assert_eq!(shown["requests"][0]["status"], "completed");
    let history = shown["history"].as_array().unwrap();
    assert_eq!(history[1]["from"], "in-use");
    assert_eq!(history[1]["status"], "in-repair");
    assert_eq!(history[2]["status"], "in-use");
}

#[test]
fn a_request_needing_an_asset_in_another_status_is_refused() {
    let office = Office::example();
    let a = add(
        &office,
        &[
            "--kind", "hardware", "--name", "Printer", "--status", "disposed",
        ],
    );
    let before = office.snapshot();
    let refused = office
        .sop("eko", &["new", "perbaikan-aset", "--asset", &a])
        .code(3);
    assert!(
        stderr(&refused).contains(&format!("asset {a} is disposed")),
        "{}",
        stderr(&refused)
    );
    let missing = office.sop("eko", &["new", "perbaikan-aset"]).code(3);
    assert!(stderr(&missing).contains("--asset ID"));
    office
        .sop("eko", &["new", "penghapusan-aset", "--asset", &a])
        .code(3);
    office
        .sop("eko", &["new", "perbaikan-aset", "--asset", "AST-ZZZZ"])
        .code(3);
    assert_eq!(office.snapshot(), before);
}

#[test]
fn penghapusan_ends_with_the_asset_disposed() {
    let office = Office::example();
    let a = add(&office, &["--kind", "hardware", "--name", "PC lama"]);
    let r = office.json("eko", &["new", "penghapusan-aset", "--asset", &a])["id"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(asset(&office, &a)["status"], "in-stock");
    walk(
        &office,
        &r,
        &[
            ("eko", "advance", &[]),
            ("wahyu", "advance", &[]),
            ("siti", "approve", &[]),
            ("wahyu", "advance", &[]),
            ("eko", "advance", &[]),
        ],
    );
    assert_eq!(asset(&office, &a)["status"], "in-stock");
    office.sop("eko", &["advance", &r]).success();
    committed_together(&office, &r, &[&a]);
    assert_eq!(asset(&office, &a)["status"], "disposed");
    // Disposed is final: the register refuses to bring it back.
    let file = office.input_file("back.csv", format!("id,status\n{a},in-use\n").as_bytes());
    let refused = office
        .sop("eko", &["asset", "import", path(&file), "--key", "id"])
        .code(3);
    assert!(stderr(&refused).contains("disposed is final"));
}

#[test]
fn pemindahtanganan_transfers_the_asset() {
    let office = Office::example();
    let a = add(
        &office,
        &[
            "--kind",
            "hardware",
            "--name",
            "Switch",
            "--location",
            "Ruang Server",
        ],
    );
    let r = office.json(
        "wahyu",
        &[
            "new",
            "pemindahtanganan-aset",
            "--asset",
            &a,
            "--field",
            "pihak_penerima=Dinas Pendidikan",
            "--field",
            "lokasi_baru=Gudang Disdik",
        ],
    )["id"]
        .as_str()
        .unwrap()
        .to_string();
    walk(
        &office,
        &r,
        &[
            ("wahyu", "advance", &[]),
            ("siti", "approve", &[]),
            ("hasan", "approve", &[]),
            ("siti", "advance", &[]),
            ("wahyu", "advance", &[]),
        ],
    );
    let before = asset(&office, &a);
    assert_eq!(before["status"], "in-stock");
    assert_eq!(before["location"], "Ruang Server");
    office.sop("wahyu", &["advance", &r]).success();
    committed_together(&office, &r, &[&a]);
    let after = asset(&office, &a);
    assert_eq!(after["status"], "transferred");
    assert_eq!(after["location"], "Gudang Disdik");
    assert_eq!(after["attributes"]["pihak_penerima"], "Dinas Pendidikan");
}

#[test]
fn penggunaan_hands_the_asset_to_its_user() {
    let office = Office::example();
    let a = add(&office, &["--kind", "hardware", "--name", "Laptop"]);
    let r = office.json(
        "wahyu",
        &[
            "new",
            "penggunaan-aset",
            "--asset",
            &a,
            "--field",
            "pengguna_aset=lina",
        ],
    )["id"]
        .as_str()
        .unwrap()
        .to_string();
    let before = asset(&office, &a);
    assert_eq!(before["status"], "in-stock");
    assert_eq!(before["holder"], Value::Null);
    office.sop("wahyu", &["advance", &r]).success();
    committed_together(&office, &r, &[&a]);
    let after = asset(&office, &a);
    assert_eq!(after["status"], "in-use");
    assert_eq!(after["holder"], "lina");
    office.sop("lina", &["advance", &r]).success();
    assert_eq!(office.json("eko", &["show", &r])["status"], "completed");
}

#[test]
fn perencanaan_registers_planned_assets_at_procurement() {
    let office = Office::example();
    let r = office.new_request("wahyu", "perencanaan-aset", &["tahun_anggaran=2027"]);
    walk(
        &office,
        &r,
        &[
            ("wahyu", "advance", &[]),
            ("siti", "approve", &[]),
            ("hasan", "approve", &[]),
            ("siti", "advance", &[]),
        ],
    );
    assert_eq!(office.json("eko", &["asset", "list"]), Value::Array(vec![]));
    let done = office.json(
        "wahyu",
        &[
            "advance",
            &r,
            "--field",
            "nama_barang=Laptop staf",
            "--field",
            "jenis_aset=hardware",
            "--field",
            "jumlah=3",
            "--field",
            "nilai_satuan=12000000",
        ],
    );
    assert_eq!(done["status"], "completed");
    let planned = office.json("eko", &["asset", "list", "--status", "planned"]);
    let planned = planned.as_array().unwrap();
    assert_eq!(planned.len(), 3);
    assert!(planned.iter().all(|a| a["name"] == "Laptop staf"
        && a["kind"] == "hardware"
        && a["value"] == 12000000
        && a["attributes"]["tahun_anggaran"] == "2027"));
    let ids: Vec<&str> = planned.iter().map(|a| a["id"].as_str().unwrap()).collect();
    committed_together(&office, &r, &ids);
    assert!(ids.contains(&done["asset"].as_str().unwrap()));
}

#[test]
fn perangkat_pribadi_registers_the_device_of_the_requester() {
    let office = Office::example();
    let r = office.new_request("putri", "perangkat-pribadi", &[]);
    walk(
        &office,
        &r,
        &[
            ("putri", "advance", &[]),
            ("putri", "advance", &[]),
            ("andi", "advance", &[]),
            ("sri", "approve", &[]),
            ("budi", "advance", &[]),
            (
                "budi",
                "advance",
                &[
                    "--field",
                    "jenis_perangkat=laptop",
                    "--field",
                    "merek=Lenovo ThinkPad X1",
                    "--field",
                    "nomor_seri=PF-123",
                    "--field",
                    "spesifikasi=i7, 16GB",
                ],
            ),
            (
                "budi",
                "advance",
                &["--field", "hasil_scan=bersih", "--field", "detail_scan=ok"],
            ),
        ],
    );
    assert_eq!(office.json("eko", &["asset", "list"]), Value::Array(vec![]));
    let done = office.json(
        "budi",
        &["advance", &r, "--field", "mac_address=AA:BB:CC:DD:EE:FF"],
    );
    let a = done["asset"].as_str().unwrap().to_string();
    committed_together(&office, &r, &[&a]);
    let device = asset(&office, &a);
    assert_eq!(device["kind"], "hardware");
    assert_eq!(device["holder"], "putri");
    assert_eq!(device["status"], "in-use");
    assert_eq!(device["serial"], "PF-123");
    assert_eq!(device["name"], "Lenovo ThinkPad X1");
    assert_eq!(device["attributes"]["mac_address"], "AA:BB:CC:DD:EE:FF");
    assert_eq!(device["attributes"]["kepemilikan"], "pribadi");
    assert_eq!(device["requests"][0]["id"], r.as_str());
}

#[test]
fn a_hand_edited_asset_is_not_overwritten() {
    let office = Office::example();
    let a = add(&office, &["--kind", "hardware", "--name", "Server"]);
    let file = office.path(&asset_file(&a));
    let text = office.read(&file).replace("Server", "Server X");
    std::fs::write(&file, text).unwrap();
    let before = office.snapshot();
    office
        .sop("eko", &["new", "perbaikan-aset", "--asset", &a])
        .code(5);
    assert_eq!(office.snapshot(), before);
}

#[test]
fn a_bulk_import_is_one_commit_git_can_read() {
    let office = Office::example();
    let mut csv = String::from("kind,name,serial\n");
    for i in 0..150 {
        csv += &format!("hardware,PC {i},B-{i:04}\n");
    }
    let file = office.input_file("bulk.csv", csv.as_bytes());
    let commits = office.commit_count();
    office
        .sop("eko", &["asset", "import", path(&file), "--key", "serial"])
        .success()
        .stdout("150 created, 0 updated, 0 unchanged\n");
    assert_eq!(office.commit_count(), commits + 1);
    assert_eq!(office.last_commit().files.len(), 150);
    assert_eq!(office.status(), "");
    office.git(&["fsck", "--strict", "--no-dangling"]);
    let packed = office.git(&["count-objects", "-v"]);
    assert!(packed.contains("packs: 1"), "{packed}");
    // The rows cache answers --key: half changed, half the same.
    let changed = csv.replacen("PC 1,", "PC satu,", 1);
    let file = office.input_file("bulk2.csv", changed.as_bytes());
    office
        .sop("eko", &["asset", "import", path(&file), "--key", "serial"])
        .success()
        .stdout("0 created, 1 updated, 149 unchanged\n");
    let listed = office.json("eko", &["asset", "list"]);
    assert_eq!(listed.as_array().unwrap().len(), 150);
    assert!(listed
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a["name"] == "PC satu" && a["serial"] == "B-0001"));
    office.git(&["fsck", "--strict", "--no-dangling"]);
}

#[test]
fn a_cancelled_repair_gives_the_asset_back_its_status() {
    let office = Office::example();
    let a = add(
        &office,
        &["--kind", "hardware", "--name", "Server", "--holder", "lina"],
    );
    let r = office.json("eko", &["new", "perbaikan-aset", "--asset", &a])["id"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(asset(&office, &a)["status"], "in-repair");
    office
        .sop("eko", &["cancel", &r, "--reason", "tidak jadi"])
        .success();
    committed_together(&office, &r, &[&a]);
    let shown = asset(&office, &a);
    assert_eq!(shown["status"], "in-use");
    assert_eq!(shown["history"][2]["action"], "cancel");
    // A request that never changed its asset's status leaves it alone when cancelled.
    let r = office.json("eko", &["new", "penghapusan-aset", "--asset", &a])["id"]
        .as_str()
        .unwrap()
        .to_string();
    office
        .sop("eko", &["cancel", &r, "--reason", "tidak jadi"])
        .success();
    committed_together(&office, &r, &[]);
    assert_eq!(asset(&office, &a)["status"], "in-use");
}

#[test]
fn a_key_that_is_not_unique_in_the_register_is_refused() {
    let office = Office::example();
    add(
        &office,
        &["--kind", "hardware", "--name", "A", "--location", "Gudang"],
    );
    add(
        &office,
        &["--kind", "hardware", "--name", "B", "--location", "Gudang"],
    );
    let file = office.input_file("loc.csv", b"location,unit\nGudang,TIK\n");
    let before = office.snapshot();
    let failed = office
        .sop(
            "eko",
            &["asset", "import", path(&file), "--key", "location"],
        )
        .code(3);
    let err = stderr(&failed);
    assert!(
        err.contains("loc.csv line 2: location 'Gudang' matches 2 assets"),
        "{err}"
    );
    assert_eq!(office.snapshot(), before);
}

#[test]
fn importing_the_same_file_again_without_a_key_is_refused_unless_duplicates_are_allowed() {
    let office = Office::example();
    let file = office.input_file("good.csv", GOOD.as_bytes());
    office
        .sop("eko", &["asset", "import", path(&file)])
        .success()
        .stdout("3 created, 0 updated, 0 unchanged\n");
    let before = office.snapshot();
    let failed = office.sop("eko", &["asset", "import", path(&file)]).code(3);
    let err = stderr(&failed);
    for (line, serial) in [(2, "SN-1"), (3, "SN-2"), (4, "SN-3")] {
        assert!(
            err.contains(&format!(
                "good.csv line {line}: serial '{serial}' is already registered (AST-"
            )),
            "{err}"
        );
    }
    assert!(
        err.contains("--key serial,licence,kode_barang+nup"),
        "{err}"
    );
    assert!(err.contains("--allow-duplicates"), "{err}");
    assert!(err.contains("nothing was imported"), "{err}");
    assert_eq!(office.snapshot(), before);
    // A new row with a licence or kode barang + NUP already taken is refused too.
    add(
        &office,
        &[
            "--kind",
            "software",
            "--name",
            "Office",
            "--licence",
            "LIC-9",
        ],
    );
    add(
        &office,
        &[
            "--kind",
            "hardware",
            "--name",
            "Meja",
            "--kode-barang",
            "1.3.2",
            "--nup",
            "0007",
        ],
    );
    let other = office.input_file(
        "other.csv",
        b"kind,name,licence,kode_barang,nup\n\
software,Office 2,LIC-9,,\n\
hardware,Meja 2,,1.3.2,0007\n\
hardware,Meja 3,,1.3.2,0008\n",
    );
    let err = stderr(
        &office
            .sop("eko", &["asset", "import", path(&other)])
            .code(3),
    );
    assert!(err.contains("other.csv line 2: licence 'LIC-9' is already registered"));
    assert!(err.contains("other.csv line 3: kode_barang+nup '1.3.2+0007' is already registered"));
    assert!(!err.contains("line 4"), "{err}");
    // --allow-duplicates registers them again.
    office
        .sop(
            "eko",
            &["asset", "import", path(&file), "--allow-duplicates"],
        )
        .success()
        .stdout("3 created, 0 updated, 0 unchanged\n");
    assert_eq!(
        office
            .json("eko", &["asset", "list"])
            .as_array()
            .unwrap()
            .len(),
        8
    );
    assert_eq!(office.status(), "");
}

#[test]
fn rows_of_one_file_naming_the_same_asset_are_named() {
    let office = Office::example();
    let file = office.input_file(
        "twice.csv",
        b"kind,name,serial,licence\n\
hardware,A,S1,\n\
software,B,,L1\n\
hardware,C,S1,\n\
software,D,,L1\n",
    );
    let before = office.snapshot();
    let err = stderr(&office.sop("eko", &["asset", "import", path(&file)]).code(3));
    assert!(
        err.contains("twice.csv line 4: repeats serial 'S1' of line 2"),
        "{err}"
    );
    assert!(
        err.contains("twice.csv line 5: repeats licence 'L1' of line 3"),
        "{err}"
    );
    assert_eq!(office.snapshot(), before);
    office
        .sop(
            "eko",
            &["asset", "import", path(&file), "--allow-duplicates"],
        )
        .success()
        .stdout("4 created, 0 updated, 0 unchanged\n");
}

#[test]
fn a_key_of_several_columns_matches_each_row_by_the_first_it_has() {
    let office = Office::example();
    let first = "kind,name,serial,licence,kode_barang,nup\n\
hardware,Laptop,SN-1,,,\n\
software,Antivirus,,LIC-42,,\n\
data,Basis data,,,9.9.9,0001\n";
    let file = office.input_file("first.csv", first.as_bytes());
    let key = "serial,licence,kode_barang+nup";
    office
        .sop("eko", &["asset", "import", path(&file), "--key", key])
        .success()
        .stdout("3 created, 0 updated, 0 unchanged\n");
    let changed = first
        .replace("Laptop", "Laptop Asus")
        .replace("Antivirus", "Antivirus Pro")
        .replace("Basis data", "Basis data kepegawaian");
    let file = office.input_file("changed.csv", changed.as_bytes());
    office
        .sop("eko", &["asset", "import", path(&file), "--key", key])
        .success()
        .stdout("0 created, 3 updated, 0 unchanged\n");
    let software = office.json("eko", &["asset", "list", "--kind", "software"]);
    assert_eq!(software.as_array().unwrap().len(), 1);
    assert_eq!(software[0]["name"], "Antivirus Pro");
    let data = office.json("eko", &["asset", "list", "--kind", "data"]);
    assert_eq!(data[0]["name"], "Basis data kepegawaian");
    // --key serial alone cannot match rows without a serial; serial,licence can.
    let software_only = "kind,name,licence\nsoftware,Antivirus Plus,LIC-42\n";
    let file = office.input_file("sw.csv", software_only.as_bytes());
    let err = stderr(
        &office
            .sop("eko", &["asset", "import", path(&file), "--key", "serial"])
            .code(3),
    );
    assert!(
        err.contains("sw.csv line 2: has no value for the key (serial)"),
        "{err}"
    );
    office
        .sop(
            "eko",
            &["asset", "import", path(&file), "--key", "serial,licence"],
        )
        .success()
        .stdout("0 created, 1 updated, 0 unchanged\n");
    // A row with only half of a `+` group has no value for it.
    let half = office.input_file("half.csv", b"kind,name,kode_barang\ndata,X,9.9.9\n");
    let err = stderr(
        &office
            .sop(
                "eko",
                &["asset", "import", path(&half), "--key", "kode_barang+nup"],
            )
            .code(3),
    );
    assert!(
        err.contains("has no value for the key (kode_barang+nup)"),
        "{err}"
    );
    office
        .sop(
            "eko",
            &["asset", "import", path(&half), "--key", "serial,colour"],
        )
        .code(3);
    office
        .sop(
            "eko",
            &[
                "asset",
                "import",
                path(&half),
                "--key",
                "serial",
                "--allow-duplicates",
            ],
        )
        .code(2);
    assert_eq!(office.status(), "");
}
