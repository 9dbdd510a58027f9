//! Every shipped procedure, along every path (each branch and each loop at least once), to its end.

use crate::support::Office;

/// One move: who, the command, and its extra arguments.
type Move<'a> = (&'a str, &'a str, &'a [&'a str]);

/// Creates a request, makes every move, and checks after each: one commit by the actor with
/// the right trailers, a clean work tree; at the end: the status, the history and the file.
fn walk(
    procedure: &str,
    requester: &str,
    fields: &[&str],
    moves: &[Move],
    status: &str,
) -> (Office, String) {
    walk_asset(procedure, requester, fields, None, moves, status)
}

/// `walk`, for a procedure about an asset: one is registered first (status `in-use`).
fn walk_asset(
    procedure: &str,
    requester: &str,
    fields: &[&str],
    asset: Option<&str>,
    moves: &[Move],
    status: &str,
) -> (Office, String) {
    let office = Office::example();
    let mut fields: Vec<&str> = fields.to_vec();
    let asset_id = asset.map(|kind| {
        let v = office.json(
            "eko",
            &[
                "asset",
                "add",
                "--kind",
                kind,
                "--name",
                "Server Dinas",
                "--serial",
                "SN-1",
                "--status",
                "in-use",
            ],
        );
        v["id"].as_str().unwrap().to_string()
    });
    let start = office.commit_count();
    let id = match &asset_id {
        Some(a) => {
            let mut args = vec!["new", procedure, "--asset", a.as_str()];
            for f in fields.drain(..) {
                args.extend(["--field", f]);
            }
            office.json(requester, &args)["id"]
                .as_str()
                .unwrap()
                .to_string()
        }
        None => office.new_request(requester, procedure, &fields),
    };
    let created = office.last_commit();
    assert_eq!(created.trailer("Sop-Action").as_deref(), Some("create"));
    assert_eq!(
        created.trailer("Sop-Procedure").as_deref(),
        Some(format!("{procedure}@1").as_str())
    );
    let request_file = office
        .request_file(&id)
        .strip_prefix(&office.root)
        .unwrap()
        .display()
        .to_string();
    assert!(created.files.contains(&request_file));
    for (i, (who, action, extra)) in moves.iter().enumerate() {
        let before = office.json(who, &["show", &id]);
        let from = before["step"]["id"]
            .as_str()
            .unwrap_or_else(|| panic!("move {i}: request finished early"))
            .to_string();
        let mut args = vec![*action, id.as_str()];
        args.extend_from_slice(extra);
        let after = office.json(who, &args);
        let commit = office.last_commit();
        assert_eq!(
            office.commit_count(),
            start + i + 2,
            "move {i}: one commit per change"
        );
        assert!(
            commit.author.contains("@diskominfo.example.go.id"),
            "{commit:?}"
        );
        assert_eq!(
            commit.trailer("Sop-Actor").as_deref(),
            Some(*who),
            "move {i}"
        );
        assert_eq!(commit.trailer("Sop-Request").as_deref(), Some(id.as_str()));
        assert_eq!(
            commit.trailer("Sop-Action").as_deref(),
            Some(*action),
            "move {i}"
        );
        let to = after["history"].as_array().unwrap().last().unwrap()["to"]
            .as_str()
            .unwrap_or("-")
            .to_string();
        assert_eq!(
            commit.trailer("Sop-Step"),
            Some(format!("{from} -> {to}")),
            "move {i}"
        );
        // the request file, and the asset file when the step changes the asset
        assert!(commit.files.contains(&request_file), "{commit:?}");
        for other in commit.files.iter().filter(|f| **f != request_file) {
            let asset = other.rsplit('/').next().unwrap().trim_end_matches(".toml");
            assert!(other.starts_with("assets/"), "move {i} wrote {other}");
            assert!(
                commit.trailers.contains(&format!("Sop-Asset: {asset}")),
                "{commit:?}"
            );
        }
        assert_eq!(office.status(), "", "move {i}: git status clean");
    }
    let shown = office.json("rizky", &["show", &id]);
    assert_eq!(shown["status"], status);
    assert_eq!(shown["step"], serde_json::Value::Null);
    assert_eq!(shown["history"].as_array().unwrap().len(), moves.len() + 1);
    assert_eq!(shown["requester"], requester);
    let file = office.read(office.request_file(&id));
    assert!(file.contains(&format!("status = \"{status}\"")), "{file}");
    // a finished request takes no more changes
    office.sop("rizky", &["advance", &id]).code(3);
    // and the whole history replays clean
    office.sop("rizky", &["verify"]).success();
    (office, id)
}

const EMAIL: &[&str] = &[
    "nama_lengkap=Putri Handayani",
    "email_diminta=putri@kota.go.id",
];

#[test]
fn email_approved() {
    walk(
        "email",
        "putri",
        EMAIL,
        &[
            ("putri", "advance", &[]),
            ("dewi", "advance", &[]),
            ("sri", "approve", &["--note", "lengkap"]),
            ("budi", "advance", &["--output", "akun dibuat"]),
        ],
        "completed",
    );
}

#[test]
fn email_rejected_back_to_form_then_approved() {
    let (office, id) = walk(
        "email",
        "putri",
        EMAIL,
        &[
            ("putri", "advance", &[]),
            ("dewi", "advance", &[]),
            ("hendra", "reject", &["--reason", "NIP belum diisi"]),
            ("putri", "advance", &[]),
            ("dewi", "advance", &[]),
            ("sri", "approve", &[]),
            ("yoga", "advance", &[]),
        ],
        "completed",
    );
    let shown = office.json("putri", &["show", &id]);
    let reject = &shown["history"][3];
    assert_eq!(reject["action"], "reject");
    assert_eq!(reject["note"], "NIP belum diisi");
    assert_eq!(reject["to"], "isi-form");
}

const VC: &[&str] = &[
    "acara=Rapat koordinasi",
    "tanggal=2026-12-01",
    "jumlah_peserta=20",
];

#[test]
fn video_conference_approved_with_link() {
    let (office, id) = walk(
        "video-conference",
        "dimas",
        VC,
        &[
            ("dimas", "advance", &[]),
            ("fajar", "advance", &[]),
            ("ratna", "approve", &[]),
            (
                "fajar",
                "advance",
                &["--field", "tautan_vc=https://vc.example.go.id/r/1"],
            ),
        ],
        "completed",
    );
    let shown = office.json("dimas", &["show", &id]);
    assert_eq!(shown["fields"]["tautan_vc"], "https://vc.example.go.id/r/1");
    assert_eq!(shown["fields"]["jumlah_peserta"], 20);
}

#[test]
fn video_conference_rejected_loops_to_form() {
    walk(
        "video-conference",
        "dimas",
        VC,
        &[
            ("dimas", "advance", &[]),
            ("fajar", "advance", &[]),
            ("agus", "reject", &["--reason", "jadwal bentrok"]),
            ("dimas", "advance", &[]),
            ("fajar", "advance", &[]),
            ("ratna", "approve", &[]),
            ("fajar", "advance", &[]),
        ],
        "completed",
    );
}

#[test]
fn personal_device_approved_and_set_up() {
    let (office, id) = walk(
        "perangkat-pribadi",
        "putri",
        &["keperluan=bekerja"],
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
                    "merek=Lenovo",
                    "--field",
                    "nomor_seri=PF-123",
                    "--field",
                    "spesifikasi=16GB RAM",
                ],
            ),
            (
                "budi",
                "advance",
                &[
                    "--field",
                    "hasil_scan=bersih",
                    "--field",
                    "detail_scan=0 ancaman",
                ],
            ),
            (
                "budi",
                "advance",
                &[
                    "--field",
                    "mac_address=AA:BB:CC:DD:EE:FF",
                    "--field",
                    "vlan=20",
                ],
            ),
        ],
        "completed",
    );
    let shown = office.json("putri", &["show", &id]);
    assert_eq!(shown["fields"]["nomor_seri"], "PF-123");
    assert_eq!(shown["fields"]["vlan"], 20);
    assert_eq!(shown["history"][6]["fields"]["nomor_seri"], "PF-123");
}

#[test]
fn personal_device_rejected_with_reason() {
    let (office, id) = walk(
        "perangkat-pribadi",
        "putri",
        &[],
        &[
            ("putri", "advance", &[]),
            ("putri", "advance", &[]),
            ("andi", "advance", &[]),
            (
                "hendra",
                "reject",
                &["--reason", "perangkat tidak memiliki antivirus"],
            ),
        ],
        "rejected",
    );
    let shown = office.json("putri", &["show", &id]);
    assert_eq!(shown["history"][4]["to"], "terima-alasan");
    assert_eq!(
        shown["history"][4]["note"],
        "perangkat tidak memiliki antivirus"
    );
}

const IPL: &[&str] = &["nama_piranti_lunak=LibreOffice", "versi=24.8"];

#[test]
fn software_install_in_data_center_without_configuration() {
    let (office, id) = walk(
        "instalasi-piranti-lunak",
        "putri",
        IPL,
        &[
            ("budi", "advance", &[]),
            ("ratna", "advance", &["--choose", "datacenter"]),
            ("budi", "advance", &["--choose", "lengkap"]),
            ("budi", "advance", &[]),
            ("budi", "advance", &["--choose", "berhasil"]),
            ("budi", "advance", &["--choose", "berhasil"]),
            ("ratna", "advance", &["--choose", "tidak-perlu"]),
        ],
        "completed",
    );
    let shown = office.json("putri", &["show", &id]);
    assert_eq!(shown["fields"]["lokasi"], "datacenter");
    assert_eq!(shown["history"][7]["to"], "selesai-datacenter");
}

#[test]
fn software_install_at_user_site_through_every_loop() {
    let again: &[Move] = &[
        ("budi", "advance", &[]),
        ("ratna", "advance", &["--choose", "user"]),
        ("putri", "advance", &[]),
    ];
    let mut moves: Vec<Move> = Vec::new();
    moves.extend_from_slice(again);
    moves.push(("yoga", "advance", &["--choose", "tidak-lengkap"])); // back to 1
    moves.extend_from_slice(again);
    moves.push(("budi", "advance", &["--choose", "lengkap"]));
    moves.push(("budi", "advance", &[]));
    moves.push(("budi", "advance", &["--choose", "gagal"])); // back to 1
    moves.extend_from_slice(again);
    moves.push(("budi", "advance", &["--choose", "lengkap"]));
    moves.push(("budi", "advance", &[]));
    moves.push(("budi", "advance", &["--choose", "berhasil"]));
    moves.push(("budi", "advance", &["--choose", "berhasil"]));
    moves.push(("agus", "advance", &["--choose", "perlu"]));
    moves.push(("budi", "advance", &[]));
    moves.push(("agus", "advance", &["--choose", "belum-tepat"])); // back to 10
    moves.push(("budi", "advance", &[]));
    moves.push(("agus", "advance", &["--choose", "tepat"]));
    let (office, id) = walk("instalasi-piranti-lunak", "putri", IPL, &moves, "completed");
    let shown = office.json("putri", &["show", &id]);
    assert_eq!(
        shown["history"].as_array().unwrap().last().unwrap()["to"],
        "selesai-user"
    );
}

#[test]
fn software_install_failed_default_test_returns_software() {
    walk(
        "instalasi-piranti-lunak",
        "putri",
        IPL,
        &[
            ("budi", "advance", &[]),
            ("ratna", "advance", &["--choose", "datacenter"]),
            ("budi", "advance", &["--choose", "lengkap"]),
            ("budi", "advance", &[]),
            ("budi", "advance", &["--choose", "berhasil"]),
            ("budi", "advance", &["--choose", "gagal"]),
            ("budi", "advance", &["--note", "uninstall selesai"]),
        ],
        "dikembalikan",
    );
}

#[test]
fn asset_planning_approved_by_kabid_and_kadis() {
    walk(
        "perencanaan-aset",
        "wahyu",
        &["nama_aset=Server", "tahun_anggaran=2027"],
        &[
            ("wahyu", "advance", &[]),
            ("siti", "approve", &[]),
            ("hasan", "approve", &[]),
            ("siti", "advance", &[]),
            ("nurul", "advance", PROCURED),
        ],
        "completed",
    );
}

/// What the procurement step records: it registers the planned assets.
const PROCURED: &[&str] = &[
    "--field",
    "nama_barang=Server",
    "--field",
    "jenis_aset=hardware",
    "--field",
    "jumlah=2",
];

#[test]
fn asset_planning_rejected_by_kabid_then_kadis() {
    walk(
        "perencanaan-aset",
        "wahyu",
        &[],
        &[
            ("wahyu", "advance", &[]),
            (
                "bambang",
                "reject",
                &["--reason", "anggaran belum tersedia"],
            ),
            ("wahyu", "advance", &[]),
            ("siti", "approve", &[]),
            ("yanti", "reject", &["--reason", "prioritas lain"]),
            ("wahyu", "advance", &[]),
            ("siti", "approve", &[]),
            ("hasan", "approve", &[]),
            ("bambang", "advance", &[]),
            ("wahyu", "advance", PROCURED),
        ],
        "completed",
    );
}

#[test]
fn asset_transfer_approved() {
    walk_asset(
        "pemindahtanganan-aset",
        "wahyu",
        &[],
        Some("hardware"),
        &[
            ("wahyu", "advance", &[]),
            ("siti", "approve", &[]),
            ("hasan", "approve", &[]),
            ("siti", "advance", &[]),
            ("nurul", "advance", &[]),
            ("nurul", "advance", &[]),
        ],
        "completed",
    );
}

#[test]
fn asset_transfer_rejected_by_kabid_and_kadis() {
    walk_asset(
        "pemindahtanganan-aset",
        "wahyu",
        &[],
        Some("hardware"),
        &[
            ("wahyu", "advance", &[]),
            ("siti", "reject", &["--reason", "kurang lengkap"]),
            ("wahyu", "advance", &[]),
            ("siti", "approve", &[]),
            ("hasan", "reject", &["--reason", "tunda"]),
            ("wahyu", "advance", &[]),
            ("siti", "approve", &[]),
            ("hasan", "approve", &[]),
            ("siti", "advance", &[]),
            ("nurul", "advance", &[]),
            ("nurul", "advance", &[]),
        ],
        "completed",
    );
}

#[test]
fn asset_use_handed_over() {
    walk_asset(
        "penggunaan-aset",
        "wahyu",
        &["pengguna_aset=lina"],
        Some("hardware"),
        &[("wahyu", "advance", &[]), ("lina", "advance", &[])],
        "completed",
    );
}

#[test]
fn asset_repair_approved() {
    walk_asset(
        "perbaikan-aset",
        "eko",
        &[],
        Some("hardware"),
        &[
            ("eko", "advance", &[]),
            ("wahyu", "advance", &[]),
            ("siti", "approve", &[]),
            ("wahyu", "advance", &[]),
            ("eko", "advance", &[]),
            ("eko", "advance", &[]),
        ],
        "completed",
    );
}

#[test]
fn asset_repair_rejected_back_to_memo() {
    walk_asset(
        "perbaikan-aset",
        "eko",
        &[],
        Some("hardware"),
        &[
            ("eko", "advance", &[]),
            ("wahyu", "advance", &[]),
            (
                "bambang",
                "reject",
                &["--reason", "nota dinas belum lengkap"],
            ),
            ("wahyu", "advance", &[]),
            ("siti", "approve", &[]),
            ("wahyu", "advance", &[]),
            ("eko", "advance", &[]),
            ("eko", "advance", &[]),
        ],
        "completed",
    );
}

#[test]
fn asset_disposal_approved() {
    walk_asset(
        "penghapusan-aset",
        "eko",
        &[],
        Some("hardware"),
        &[
            ("eko", "advance", &[]),
            ("nurul", "advance", &[]),
            ("siti", "approve", &[]),
            ("nurul", "advance", &[]),
            ("eko", "advance", &[]),
            ("eko", "advance", &[]),
        ],
        "completed",
    );
}

#[test]
fn asset_disposal_rejected_back_to_analysis() {
    walk_asset(
        "penghapusan-aset",
        "eko",
        &[],
        Some("hardware"),
        &[
            ("eko", "advance", &[]),
            ("nurul", "advance", &[]),
            ("siti", "reject", &["--reason", "masih layak pakai"]),
            ("nurul", "advance", &[]),
            ("bambang", "approve", &[]),
            ("nurul", "advance", &[]),
            ("eko", "advance", &[]),
            ("eko", "advance", &[]),
        ],
        "completed",
    );
}

#[test]
fn evaluation_is_a_draft_and_takes_no_requests() {
    let office = Office::example();
    let before = office.snapshot();
    office
        .sop("wahyu", &["new", "evaluasi-aset"])
        .code(3)
        .stderr(predicates::str::contains("is a draft"));
    assert_eq!(office.snapshot(), before);
    let shown = office.json("wahyu", &["procedure", "show", "evaluasi-aset"]);
    assert_eq!(shown["draft"], true);
    assert_eq!(shown["steps"].as_array().unwrap().len(), 5);
}

#[test]
fn cancel_by_requester() {
    let office = Office::example();
    let id = office.new_request("putri", "email", EMAIL);
    office
        .sop("dewi", &["cancel", &id, "--reason", "x"])
        .code(4);
    let v = office.json("putri", &["cancel", &id, "--reason", "sudah tidak perlu"]);
    assert_eq!(v["status"], "cancelled");
    assert_eq!(
        office.last_commit().trailer("Sop-Step"),
        Some("isi-form -> -".into())
    );
    office
        .sop("putri", &["advance", &id])
        .code(3)
        .stderr(predicates::str::contains("already cancelled"));
}
