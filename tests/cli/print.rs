//! `sop print`: the request form and a step's berita acara as PDF and HTML; the QR code on
//! every page read back from the rendered page (it names the request and a commit of its
//! history); the data templates get (the asset's fields, people with NIP, stand-ins, the
//! commit of each step); templates read from HEAD, bounded and checked; nothing written.

use std::sync::Arc;

use predicates::str::contains;

use crate::support::{pdf_text, Office};

fn stdout(a: assert_cmd::assert::Assert) -> String {
    String::from_utf8(a.get_output().stdout.clone()).unwrap()
}

/// Text with every kind of white space taken out: lines wrap anywhere a space is.
fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A registered laptop handed over to lina (SOP Penggunaan, step 1 done by wahyu, the
/// Kepala Seksi): the asset id and the request id.
fn handover(office: &Office) -> (String, String) {
    let asset = stdout(
        office
            .sop(
                "eko",
                &[
                    "asset",
                    "add",
                    "-q",
                    "--kind",
                    "hardware",
                    "--name",
                    "Laptop Lenovo ThinkPad E14",
                    "--serial",
                    "PF3ABC12",
                    "--kode-barang",
                    "1.3.2.10.02.03.001",
                    "--nup",
                    "0007",
                    "--location",
                    "Gudang TIK",
                    "--value",
                    "15000000",
                    "--acquired",
                    "2025-03-10",
                ],
            )
            .success(),
    )
    .trim()
    .to_string();
    let id = stdout(
        office
            .sop(
                "wahyu",
                &[
                    "new",
                    "penggunaan-aset",
                    "-q",
                    "--asset",
                    &asset,
                    "--field",
                    "pengguna_aset=lina",
                    "--field",
                    "keterangan=Untuk pengelolaan data aset",
                ],
            )
            .success(),
    )
    .trim()
    .to_string();
    office
        .sop(
            "wahyu",
            &[
                "advance",
                &id,
                "--output",
                "BAST ditandatangani",
                "--note",
                "diserahkan di ruang TIK",
            ],
        )
        .success();
    (asset, id)
}

/// Each page's SVG in an HTML printout.
fn svg_pages(html: &str) -> Vec<String> {
    html.split("<svg ")
        .skip(1)
        .map(|rest| format!("<svg {}", &rest[..rest.find("</svg>").unwrap() + 6]))
        .collect()
}

fn fontdb() -> Arc<usvg::fontdb::Database> {
    let mut db = usvg::fontdb::Database::new();
    db.load_font_data(sop::document::font::REGULAR.to_vec());
    db.load_font_data(sop::document::font::BOLD.to_vec());
    Arc::new(db)
}

/// The QR codes on a page, read from the page rendered to pixels (3 pixels a point).
fn qr_codes(svg: &str) -> Vec<String> {
    let options = usvg::Options {
        fontdb: fontdb(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options).unwrap();
    let scale = 3.0;
    let size = tree.size();
    let (w, h) = (
        (size.width() * scale) as u32,
        (size.height() * scale) as u32,
    );
    let mut pixmap = tiny_skia::Pixmap::new(w, h).unwrap();
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(w as usize, h as usize, |x, y| {
        let p = pixmap.pixel(x as u32, y as u32).unwrap();
        // Transparent is paper.
        match p.alpha() {
            0 => 255,
            _ => ((u32::from(p.red()) + u32::from(p.green()) + u32::from(p.blue())) / 3) as u8,
        }
    });
    image
        .detect_grids()
        .into_iter()
        .map(|g| g.decode().expect("the QR code decodes").1)
        .collect()
}

/// The printout as PDF through --output: its bytes.
fn print_pdf(office: &Office, who: &str, args: &[&str]) -> Vec<u8> {
    let file = office.home.join("printout.pdf");
    let _ = std::fs::remove_file(&file);
    let mut all = vec!["print"];
    all.extend(args);
    all.extend(["--output", file.to_str().unwrap()]);
    office.sop(who, &all).success().stdout("");
    std::fs::read(&file).unwrap()
}

#[test]
fn the_qr_code_holds_the_request_and_a_commit_of_its_history() {
    let office = Office::example();
    let (_, id) = handover(&office);
    let html = stdout(
        office
            .sop("putri", &["print", &id, "--format", "html"])
            .success(),
    );
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(
        html.contains("@page { size: A4 portrait"),
        "printed on A4 portrait"
    );
    let pages = svg_pages(&html);
    assert!(!pages.is_empty());
    let log = stdout(
        office
            .sop("putri", &["log", &id, "--format", "id"])
            .success(),
    );
    let commits: Vec<&str> = log.lines().collect();
    let last = *commits.last().unwrap();
    for page in &pages {
        assert_eq!(qr_codes(page), vec![format!("sop:{id}@{last}")]);
    }
    // The commit is the request's last change, and it exists; the request verifies.
    let printed = format!("sop:{id}@{last}");
    let (qr_id, qr_commit) = printed
        .strip_prefix("sop:")
        .unwrap()
        .split_once('@')
        .unwrap();
    assert_eq!(qr_id, id);
    assert_eq!(office.git(&["cat-file", "-t", qr_commit]).trim(), "commit");
    office.sop("putri", &["verify", &id]).success();
    // A later change: a new printout names the new commit; the old one is still in the log,
    // no longer the last (the paper shows an earlier state).
    office
        .sop("lina", &["comment", &id, "sudah diterima"])
        .success();
    let html = stdout(
        office
            .sop("putri", &["print", &id, "--format", "html"])
            .success(),
    );
    let now = qr_codes(&svg_pages(&html)[0]);
    let log = stdout(
        office
            .sop("putri", &["log", &id, "--format", "id"])
            .success(),
    );
    assert_eq!(
        now,
        vec![format!("sop:{id}@{}", log.lines().last().unwrap())]
    );
    assert_ne!(now[0], printed);
    assert!(log.lines().any(|c| c == qr_commit));
}

#[test]
fn a_berita_acara_renders_the_assets_fields_and_the_parties() {
    let office = Office::example();
    let (asset, id) = handover(&office);
    let pdf = print_pdf(&office, "putri", &[&id, "--step", "serahkan-aset"]);
    assert!(pdf.starts_with(b"%PDF-"));
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    for page in doc.get_pages().values() {
        let media = doc
            .get_dictionary(*page)
            .unwrap()
            .get(b"MediaBox")
            .unwrap()
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_float().unwrap())
            .collect::<Vec<f32>>();
        assert!(
            (media[2] - 595.28).abs() < 0.5 && (media[3] - 841.89).abs() < 0.5,
            "A4 portrait: {media:?}"
        );
    }
    let text = squeeze(&pdf_text(&pdf));
    for want in [
        "BERITAACARASERAHTERIMABARANG",
        // The asset, as the register has it.
        "LaptopLenovoThinkPadE14",
        &asset,
        "PF3ABC12",
        "1.3.2.10.02.03.001/0007",
        "GudangTIK",
        "Perangkatkeras",
        // The parties: who handed over (the step's actor) and the Pengguna Aset of the field.
        "PIHAKPERTAMA",
        "WahyuHidayat",
        "19770525200312 1002",
        "LinaMarlina",
        "19930928201903 2002",
        // The day of the handover, in words (the test clock starts on Monday 23 November).
        "Senin tanggal dua puluh tiga bulan November tahun dua ribu dua puluh enam",
        "Keterangan: Untuk pengelolaan data aset",
    ] {
        let want = squeeze(want);
        assert!(text.contains(&want), "no {want} in {text}");
    }
    assert!(text.contains(&squeeze(&format!("Permintaan {id}"))));
    // The asset moved later, by a commit that is not the request's: the paper still shows it
    // as the printed commit has it.
    office.import_assets("serial,location\nPF3ABC12,Ruang Server\n");
    let text = squeeze(&pdf_text(&print_pdf(
        &office,
        "putri",
        &[&id, "--step", "serahkan-aset"],
    )));
    assert!(
        text.contains("GudangTIK") && !text.contains("RuangServer"),
        "{text}"
    );
}

#[test]
fn a_disposal_berita_acara_lists_the_asset_with_its_value_and_the_approver() {
    let office = Office::example();
    let (asset, _) = handover(&office);
    let id = stdout(
        office
            .sop(
                "eko",
                &[
                    "new",
                    "penghapusan-aset",
                    "-q",
                    "--asset",
                    &asset,
                    "--field",
                    "keterangan=Rusak berat, tidak ekonomis diperbaiki",
                ],
            )
            .success(),
    )
    .trim()
    .to_string();
    // Printed before the step is reached: a warning, and the document still prints.
    let early = office
        .sop(
            "eko",
            &["print", &id, "--step", "pelaksanaan", "--format", "html"],
        )
        .success()
        .stderr(contains("has not reached step 'pelaksanaan' yet"));
    assert!(!early.get_output().stdout.is_empty());
    office.sop("eko", &["advance", &id]).success();
    office.sop("wahyu", &["advance", &id]).success();
    office.sop("siti", &["approve", &id]).success();
    office.sop("wahyu", &["advance", &id]).success();
    office
        .sop("eko", &["advance", &id, "--output", "Aset dimusnahkan"])
        .success();
    let text = squeeze(&pdf_text(&print_pdf(
        &office,
        "eko",
        &[&id, "--step", "pelaksanaan"],
    )));
    for want in [
        "BERITAACARAPENGHAPUSANASET",
        "LaptopLenovoThinkPadE14",
        "Rp15.000.000",
        "2025",
        "Rusakberat,tidakekonomisdiperbaiki",
        "EkoPrasetyo",
        "WahyuHidayat",
        "Mengetahui,",
        "SitiRahmawati",
    ] {
        assert!(text.contains(want), "no {want} in {text}");
    }
}

#[test]
fn the_form_shows_fields_history_people_commits_and_signatures() {
    let office = Office::example();
    // Wahyu stands in for the Sub Koordinator KIP, as the administrator commits it.
    let people = office.read("people.toml");
    std::fs::write(
        office.path("people.toml"),
        format!("{people}\n[[standins]]\nperson = \"wahyu\"\nrole = \"subkoor-kip\"\nfrom = 2026-11-01\nto = 2026-11-30\nnote = \"Plh\"\n"),
    )
    .unwrap();
    office.git_as(
        "Rizky Ramadhan",
        "rizky@diskominfo.example.go.id",
        &["commit", "-qam", "Plh Sub Koordinator KIP: wahyu"],
    );
    let id = office.new_request(
        "putri",
        "email",
        &[
            "nama_lengkap=Putri Handayani",
            "email_diminta=putri@kota.go.id",
        ],
    );
    office.sop("putri", &["advance", &id]).success();
    office
        .sop("dewi", &["advance", &id, "--output", "FPE lengkap"])
        .success();
    office
        .sop("wahyu", &["approve", &id, "--note", "disetujui Plh"])
        .success();
    let pdf = print_pdf(&office, "putri", &[&id]);
    let text = squeeze(&pdf_text(&pdf));
    let log = stdout(
        office
            .sop("putri", &["log", &id, "--format", "id"])
            .success(),
    );
    for want in [
        "PermintaanEmail",
        &id,
        "IsianFormulir",
        "Alamatemailyangdiminta",
        "putri@kota.go.id",
        "RiwayatLangkah",
        "PutriHandayani",
        "NIP.19950821202012 2003",
        "DewiLestari",
        "Helpdesk",
        "FPElengkap",
        "WahyuHidayat",
        "Plh.SubKoordinatorKIP",
        "disetujuiPlh",
        "Disetujui",
        "TandaTangan",
        "Diproses",
    ] {
        let want = squeeze(want);
        assert!(text.contains(&want), "no {want} in {text}");
    }
    // Every change's commit, as `sop log` lists them.
    for commit in log.lines() {
        assert!(text.contains(&commit[..12]), "no commit {commit} in {text}");
    }
    // The footer names the printed commit in full and how to check it.
    assert!(text.contains(log.lines().last().unwrap()));
    assert!(text.contains(&squeeze(&format!("sop verify {id}"))));
    // Budi (Staf TI) has not acted: his block is left to fill in by hand.
    assert!(text.contains("StafTI(....."), "{text}");
}

#[test]
fn printing_writes_nothing_in_the_repository_and_refuses_what_it_cannot_print() {
    let office = Office::example();
    let (_, id) = handover(&office);
    let email = office.new_request(
        "putri",
        "email",
        &["nama_lengkap=Putri", "email_diminta=putri@kota.go.id"],
    );
    let before = office.snapshot();
    office
        .sop("putri", &["print", &id, "--format", "html"])
        .success();
    print_pdf(&office, "putri", &[&id, "--step", "serahkan-aset"]);
    assert_eq!(office.snapshot(), before);
    office
        .sop("putri", &["print", &id, "--step", "nope"])
        .code(3)
        .stderr(contains("has no step 'nope'"))
        .stderr(contains(
            "steps with a document: serahkan-aset (templates/berita-acara-serah-terima.html)",
        ));
    office
        .sop("putri", &["print", &id, "--step", "instalasi-konfigurasi"])
        .code(3)
        .stderr(contains("names no template"));
    office
        .sop("putri", &["print", &email, "--step", "isi-form"])
        .code(3)
        .stderr(contains("names no document templates"));
    for format in ["json", "svg", "table"] {
        office
            .sop("putri", &["print", &id, "--format", format])
            .code(2)
            .stderr(contains("sop print cannot print"));
    }
    office.sop("putri", &["print", "GUN-ZZZZ"]).code(3);
    assert_eq!(office.snapshot(), before);
}

/// Commits `files` (records-relative path, content) as the administrator.
fn commit_as_admin(office: &Office, files: &[(&str, &str)]) {
    for (rel, text) in files {
        let path = office.path(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
        office.git(&["add", rel]);
    }
    office.git_as(
        "Rizky Ramadhan",
        "rizky@diskominfo.example.go.id",
        &["commit", "-qm", "templates"],
    );
}

#[test]
fn templates_are_read_as_committed_and_refused_with_where_they_fail() {
    let office = Office::example();
    let (_, id) = handover(&office);
    let rel = "templates/berita-acara-serah-terima.html";
    // An office's own request form replaces the built-in one.
    commit_as_admin(
        &office,
        &[(
            "templates/formulir.html",
            "{% include 'kop.html' %}<h1>FORMULIR KANTOR</h1><p>{{ request.id }} {{ asset.serial }}</p>",
        )],
    );
    let html = stdout(
        office
            .sop("putri", &["print", &id, "--format", "html"])
            .success(),
    );
    assert!(html.contains(">FORMULIR KANTOR<") && html.contains("PF3ABC12"));
    office.sop("putri", &["verify"]).success();
    // A syntax error: the file and line.
    commit_as_admin(
        &office,
        &[(rel, "<p>baik</p>\n{% if x %}<p>tidak ditutup</p>\n")],
    );
    let before = office.snapshot();
    office
        .sop("putri", &["print", &id, "--step", "serahkan-aset"])
        .code(3)
        .stderr(contains("templates/berita-acara-serah-terima.html:2"))
        .stderr(contains("syntax error"))
        .stderr(contains("as committed"));
    assert_eq!(office.snapshot(), before);
    // A fix in the work tree only is not used, and sop says so.
    std::fs::write(office.path(rel), "<p>diperbaiki</p>").unwrap();
    office
        .sop(
            "putri",
            &["print", &id, "--step", "serahkan-aset", "--format", "html"],
        )
        .code(3)
        .stderr(contains("has changes that are not committed"));
    // An element a printout cannot show; markup that is not well-formed.
    commit_as_admin(&office, &[(rel, "<p>logo</p>\n<img src=\"logo.png\"/>")]);
    office
        .sop(
            "putri",
            &["print", &id, "--step", "serahkan-aset", "--format", "html"],
        )
        .code(3)
        .stderr(contains("element <img>"));
    commit_as_admin(&office, &[(rel, "<p>{{ request.id }}")]);
    office
        .sop(
            "putri",
            &["print", &id, "--step", "serahkan-aset", "--format", "html"],
        )
        .code(3)
        .stderr(contains("not well-formed"));
    // Over the size of a template; an include out of templates/.
    let big = format!("<p>{}</p>", "x".repeat(300 * 1024));
    commit_as_admin(&office, &[(rel, &big)]);
    office
        .sop(
            "putri",
            &["print", &id, "--step", "serahkan-aset", "--format", "html"],
        )
        .code(3)
        .stderr(contains("over the limit of 256 KiB"));
    commit_as_admin(&office, &[(rel, "{% include '../sop.toml' %}")]);
    office
        .sop(
            "putri",
            &["print", &id, "--step", "serahkan-aset", "--format", "html"],
        )
        .code(3)
        .stderr(contains("not a file name under templates/"));
}

/// `limits::TEMPLATE_FILES`: a printout reads at most 256 files of `templates/`.
#[test]
fn templates_beyond_the_files_a_printout_reads_are_refused() {
    let office = Office::example();
    let (_, id) = handover(&office);
    let shipped = office.git(&["ls-files", "templates"]).lines().count();
    let add = |from: usize, to: usize| {
        for i in from..to {
            std::fs::write(office.path(&format!("templates/x/{i}.html")), "<p>x</p>").unwrap();
        }
        office.git(&["add", "templates"]);
        office.git_as(
            "Rizky Ramadhan",
            "rizky@diskominfo.example.go.id",
            &["commit", "-qm", "templates"],
        );
    };
    std::fs::create_dir_all(office.path("templates/x")).unwrap();
    add(shipped, 256);
    let print = || office.sop("putri", &["print", &id, "--format", "html"]);
    print().success();
    add(256, 257);
    print()
        .code(3)
        .stderr(contains("templates/ holds more than the 256 files"));
}

#[test]
fn procedure_check_reports_a_missing_or_broken_template() {
    let office = Office::example();
    office.sop("rizky", &["procedure", "check"]).success();
    let rel = "templates/berita-acara-penghapusan.html";
    std::fs::write(office.path(rel), "{% for a in assets %}<p>{{ a.name }}</p>").unwrap();
    office
        .sop("rizky", &["procedure", "check"])
        .code(3)
        .stdout(contains("procedures/penghapusan-aset.toml:109: step 'pelaksanaan': template: templates/berita-acara-penghapusan.html:1: syntax error"));
    std::fs::write(office.path(rel), "<table><tr><td>x</td></table>").unwrap();
    office
        .sop("rizky", &["procedure", "check"])
        .code(3)
        .stdout(contains("writes HTML a printout cannot show"));
    // A template it includes: the letterhead of every berita acara.
    std::fs::write(office.path(rel), "{% include 'kop.html' %}<p>x</p>").unwrap();
    std::fs::write(office.path("templates/kop.html"), "<p>kop</p>\n{% if x %}").unwrap();
    office
        .sop("rizky", &["procedure", "check"])
        .code(3)
        .stdout(contains("procedures/penghapusan-aset.toml:109: step 'pelaksanaan': template: templates/kop.html:2: syntax error"));
    office.git(&["checkout", "templates/kop.html"]);
    std::fs::remove_file(office.path(rel)).unwrap();
    office
        .sop("rizky", &["procedure", "check"])
        .code(3)
        .stdout(contains("\"berita-acara-penghapusan.html\" does not exist"));
    office.edit(
        "procedures/penghapusan-aset.toml",
        "templates/berita-acara-penghapusan.html",
        "../sop.toml",
    );
    office
        .sop("rizky", &["procedure", "check"])
        .code(3)
        .stdout(contains("template '../sop.toml' is not under templates/"));
}

#[test]
fn an_outside_requester_signs_the_form_by_name() {
    let office = Office::example();
    let id = stdout(
        office
            .sop(
                "fajar",
                &[
                    "new",
                    "video-conference",
                    "-q",
                    "--for",
                    "Bu Siti Aminah <0812-555>",
                    "--field",
                    "acara=Rapat koordinasi kelurahan",
                    "--field",
                    "tanggal=2026-12-01",
                ],
            )
            .success(),
    )
    .trim()
    .to_string();
    let text = squeeze(&pdf_text(&print_pdf(&office, "fajar", &[&id])));
    for want in [
        "Pemohon:BuSitiAminah(diluarkantor,0812-555)",
        "Rapatkoordinasikelurahan",
        "Pemohon/OPD",
        // The requester's block carries the outside requester's name, not the staff's.
        "BuSitiAminah",
        "FajarNugroho",
    ] {
        assert!(text.contains(want), "no {want} in {text}");
    }
}
