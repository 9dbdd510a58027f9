//! The pages of the site, as HTML text: the catalogue (`index.html`), a page per procedure
//! with its figures, monitoring judgement, flowchart and requests, the printable SOP document,
//! the requests of a month, and a page per request. Labels are Indonesian, as the SOPs
//! write them; every text from the records is escaped (`html::esc`).
//!
//! Pure: what the records hold comes in, text goes out (`super` decides what to make).

use std::fmt::Write as _;

use chrono::{DateTime, FixedOffset};

use super::html::{esc, link, pairs, table, Col, Page};
use super::{Proc, Req};
use crate::config::Config;
use crate::dates;
use crate::monitoring::{self, Judgement, Period, Row};
use crate::output::minute;
use crate::people::People;
use crate::printout::data::action_label;
use crate::procedure::{status_label, Procedure};
use crate::request::{Action, Entry, Request};

/// What every page knows: the office and its rules, and when the figures were read.
pub struct Office<'a> {
    pub config: &'a Config,
    pub people: &'a People,
    pub now: DateTime<FixedOffset>,
    /// The monitoring's period (the last twelve months, as `sop report --monitoring`).
    pub period: Period,
}

/// The procedure's page.
pub fn procedure_page(slug: &str) -> String {
    format!("prosedur/{slug}.html")
}

/// The printable SOP document of a procedure.
pub fn document_page(slug: &str) -> String {
    format!("prosedur/{slug}/dokumen.html")
}

/// The requests of a procedure created in `month` (`2026-11`), part `part` (from 1).
pub fn month_page(slug: &str, month: &str, part: usize) -> String {
    match part {
        1 => format!("prosedur/{slug}/{month}.html"),
        n => format!("prosedur/{slug}/{month}-{n}.html"),
    }
}

/// A request's page, sharded as the records are: `permintaan/EML/7K/EML-7K3QX9M2PA.html`.
pub fn request_page(id: &str) -> String {
    let (prefix, rest) = id.split_once('-').unwrap_or((id, ""));
    let shard: String = rest.chars().take(2).collect();
    format!("permintaan/{prefix}/{shard}/{id}.html")
}

/// Rows of a month's list page; a longer month is split into parts.
pub const MONTH_ROWS: usize = 1000;
/// Open requests listed on a procedure's page, oldest first; the rest are in the month lists.
pub const OPEN_ROWS: usize = 500;

fn footer() -> String {
    format!(
        "Dibuat dengan sop {} dari catatan yang sudah di-commit. Untuk mengubah catatan, gunakan sop; halaman ini dibuat ulang oleh <code>sop site</code>.",
        env!("CARGO_PKG_VERSION")
    )
}

fn name_of<'a>(proc: &'a Proc, p: Option<&'a Procedure>) -> &'a str {
    p.map_or(proc.id.as_str(), |p| p.name.as_str())
}

/// A status as the office says it: `diproses`, `ditunda`, `selesai`, an office's own outcome.
fn status_cell(status: &str) -> String {
    esc(&status_label(status))
}

fn judgement_cell(row: Option<&Row>) -> String {
    match row {
        Some(r) => {
            let class = match r.judgement {
                Judgement::Good => "baik",
                Judgement::NotGood => "tidak-baik",
                Judgement::NoData => "belum",
            };
            format!("<span class=\"{class}\">{}</span>", esc(r.penilaian))
        }
        None => "<span class=\"belum\">tidak dinilai</span>".into(),
    }
}

/// A count of overdue requests, marked when there are any.
fn late_cell(n: usize) -> String {
    match n {
        0 => n.to_string(),
        n => format!("<span class=\"terlambat\">{n}</span>"),
    }
}

/// A person's name as people.toml gives it, else the id.
fn person(people: &People, id: &str) -> String {
    esc(people.find(id).map_or(id, |p| p.name.as_str()))
}

/// `3. Menerima Form` for a step of `p`, else its id.
fn step_text(p: Option<&Procedure>, id: &str) -> String {
    match p.and_then(|p| p.step(id)) {
        Some(s) => match &s.number {
            Some(n) => format!("{n}. {}", s.activity),
            None => s.activity.clone(),
        },
        None => id.to_string(),
    }
}

fn roles_text(config: &Config, p: Option<&Procedure>, roles: &[String]) -> String {
    let labels: Vec<&str> = roles
        .iter()
        .map(|r| match p {
            Some(p) => p.role_label(config, r),
            None => config.role_label(r),
        })
        .collect();
    labels.join(" / ")
}

/// A request's due time, marked when it has passed.
fn due_text(due: Option<DateTime<FixedOffset>>, overdue: bool) -> String {
    match (due, overdue) {
        (Some(d), true) => format!("{} <span class=\"terlambat\">terlambat</span>", minute(d)),
        (Some(d), false) => minute(d),
        (None, _) => String::new(),
    }
}

/// One procedure as the catalogue and its pages show it.
pub struct Listing<'a> {
    pub proc: &'a Proc<'a>,
    pub p: Option<&'a Procedure>,
    /// Its row of the monitoring (Tabel 7); none when its file is gone.
    pub row: Option<&'a Row>,
}

/// The catalogue: every procedure with its figures, judgement and links. `commit` says
/// which state of the records it shows.
pub fn index(o: &Office, entries: &[Listing], commit: &str) -> String {
    let path = "index.html";
    let total: usize = entries.iter().map(|e| e.proc.figures.total).sum();
    let mut body = String::new();
    let _ = writeln!(body, "<h1>Katalog SOP</h1>");
    let _ = writeln!(
        body,
        "<p class=\"ringkas\">{} prosedur, {total} permintaan. Angka per {}; penilaian monitoring untuk periode {}.</p>",
        entries.len(),
        dates::long_date(o.now.date_naive()),
        esc(&monitoring::period_text(o.period))
    );
    let mut cells = Vec::new();
    for (no, Listing { proc, p, row }) in entries.iter().enumerate() {
        let page = procedure_page(&proc.slug);
        let mut name = link(path, &page, name_of(proc, *p));
        if p.is_some_and(|p| p.draft) {
            name.push_str(" <span class=\"draf\">DRAF</span>");
        }
        let number = p.map(|p| p.sop.number.as_str()).filter(|n| !n.is_empty());
        let _ = write!(
            name,
            "<br><span class=\"catatan\">{}{}</span>",
            esc(&proc.id),
            number.map_or(String::new(), |n| format!(" · No. SOP {}", esc(n)))
        );
        let f = &proc.figures;
        let document = match p {
            Some(_) => format!(
                "{}<br>",
                link(path, &document_page(&proc.slug), "Dokumen SOP")
            ),
            None => String::new(),
        };
        cells.push(vec![
            (no + 1).to_string(),
            name,
            f.total.to_string(),
            f.open.to_string(),
            f.held.to_string(),
            late_cell(f.overdue),
            judgement_cell(*row),
            format!(
                "{document}<a href=\"{}#permintaan\">Daftar permintaan</a>",
                esc(&page)
            ),
        ]);
    }
    body.push_str(&table(
        &[
            Col("angka", "No"),
            Col("", "Prosedur"),
            Col("angka", "Permintaan"),
            Col("angka", "Diproses"),
            Col("angka", "Ditunda"),
            Col("angka", "Terlambat"),
            Col("", "Penilaian monitoring"),
            Col("", "Tautan"),
        ],
        &cells,
    ));
    let _ = writeln!(
        body,
        "<p class=\"catatan\">Diproses: permintaan yang menunggu di sebuah langkah; ditunda: jamnya berhenti (<code>sop hold</code>); terlambat: diproses dan melewati batas waktu langkahnya atau jangka waktu penyelesaian. Penilaian (Tabel 7, Monitoring Pelaksanaan SOP AP): {}.</p>",
        esc(&monitoring::rule_text(o.config.monitoring))
    );
    Page {
        path,
        title: "Katalog SOP",
        office: &o.config.office,
        trail: Vec::new(),
        class: "",
        body,
        footer: format!("{} Keadaan catatan: {}.", footer(), esc(commit)),
    }
    .render()
}

/// A procedure's page: what the SOP is, its figures and judgement, its flowchart, its open
/// requests and the months of its requests.
pub fn procedure(
    o: &Office,
    proc: &Proc,
    p: Option<&Procedure>,
    row: Option<&Row>,
    flow: Option<&str>,
) -> String {
    let path = procedure_page(&proc.slug);
    let name = name_of(proc, p);
    let mut body = String::new();
    let draft = if p.is_some_and(|p| p.draft) {
        " <span class=\"draf\">DRAF: belum dari dokumen SOP yang disahkan</span>"
    } else {
        ""
    };
    let _ = writeln!(body, "<h1>{}{draft}</h1>", esc(name));
    match p {
        Some(p) => {
            let _ = writeln!(
                body,
                "<p class=\"ringkas\">{} · versi {} · awalan nomor permintaan {}</p>",
                esc(&proc.id),
                p.version,
                esc(p.prefix())
            );
            let _ = writeln!(
                body,
                "<p>{} (A4 lanskap, untuk dicetak)</p>",
                link(&path, &document_page(&proc.slug), "Dokumen SOP")
            );
            if !p.about.is_empty() {
                let _ = writeln!(body, "<p>{}</p>", esc(&p.about));
            }
            body.push_str("<h2 id=\"identitas\">Identitas SOP</h2>\n");
            let h = &p.sop;
            let service = p
                .service_time
                .as_ref()
                .map(|t| match t.fixed() {
                    Some(t) => t.to_string(),
                    None => "menurut isian permintaan".into(),
                })
                .unwrap_or_else(|| h.service_time.clone());
            body.push_str(&pairs(&[
                ("Unit kerja", esc(&h.unit)),
                ("Nomor SOP", esc(&h.number)),
                ("Tanggal pembuatan", esc(&h.created)),
                ("Tanggal revisi", esc(&h.revised)),
                ("Tanggal efektif", esc(&h.effective)),
                ("Disahkan oleh", esc(&h.approved_by)),
                ("Jangka waktu penyelesaian", esc(&service)),
                ("Jumlah waktu baku", esc(&p.total().to_string())),
                ("Biaya / tarif", esc(&h.cost)),
                ("Produk layanan", esc(&h.product)),
                ("Pengaduan", esc(&h.complaints)),
            ]));
        }
        None => {
            let why = proc
                .problem
                .as_deref()
                .unwrap_or("berkas prosedur tidak ada");
            let _ = writeln!(
                body,
                "<p class=\"terlambat\">Prosedur {} tidak dapat ditampilkan: {}</p>",
                esc(&proc.id),
                esc(why)
            );
        }
    }
    let f = &proc.figures;
    let _ = writeln!(
        body,
        "<h2 id=\"angka\">Angka per {}</h2>",
        dates::long_date(o.now.date_naive())
    );
    let mut rows: Vec<Vec<String>> = f
        .by_status
        .iter()
        .map(|(status, n)| vec![status_cell(status), n.to_string()])
        .collect();
    rows.push(vec!["jumlah".into(), f.total.to_string()]);
    rows.push(vec![
        "terlambat (diproses, melewati batas waktu)".into(),
        late_cell(f.overdue),
    ]);
    body.push_str(&table(
        &[Col("", "Status"), Col("angka", "Permintaan")],
        &rows,
    ));
    body.push_str("<h2 id=\"monitoring\">Monitoring pelaksanaan</h2>\n");
    match row {
        Some(r) => body.push_str(&pairs(&[
            ("Periode", esc(&monitoring::period_text(o.period))),
            ("Penilaian", judgement_cell(Some(r))),
            ("Catatan hasil penilaian", esc(&r.note)),
            ("Tindakan yang harus diambil", esc(&r.action)),
            ("Aturan", esc(&monitoring::rule_text(o.config.monitoring))),
        ])),
        None => body.push_str(
            "<p class=\"catatan\">Tidak dinilai: berkas prosedurnya tidak ada di catatan.</p>\n",
        ),
    }
    if let Some(svg) = flow {
        body.push_str("<h2 id=\"bagan\">Bagan alur</h2>\n<figure class=\"bagan\">\n");
        body.push_str(svg);
        body.push_str("</figure>\n");
    }
    let open: Vec<&Req> = proc
        .requests
        .iter()
        .filter(|r| r.s.step.is_some())
        .collect();
    let _ = writeln!(
        body,
        "<h2 id=\"diproses\">Permintaan diproses ({})</h2>",
        open.len()
    );
    if open.is_empty() {
        body.push_str("<p class=\"catatan\">Tidak ada.</p>\n");
    } else {
        let cells: Vec<Vec<String>> = open
            .iter()
            .take(OPEN_ROWS)
            .map(|r| {
                let step = r.s.step.as_deref().unwrap_or_default();
                let status = match &r.s.rare().hold {
                    Some(h) => format!("ditunda: {}", esc(&h.reason)),
                    None => String::new(),
                };
                vec![
                    link(&path, &r.page, &r.s.id),
                    esc(&r.s.title),
                    esc(&step_text(p, step)),
                    esc(&roles_text(o.config, p, &r.roles)),
                    minute(r.s.since),
                    format!("{}{status}", due_text(r.due, r.overdue_step)),
                ]
            })
            .collect();
        body.push_str(&table(
            &[
                Col("id", "Nomor"),
                Col("", "Judul"),
                Col("", "Langkah"),
                Col("", "Pelaksana"),
                Col("waktu", "Sejak"),
                Col("waktu", "Batas waktu"),
            ],
            &cells,
        ));
        if open.len() > OPEN_ROWS {
            let _ = writeln!(
                body,
                "<p class=\"catatan\">{} permintaan diproses yang terlama ditampilkan; yang lain ada di daftar per bulan di bawah.</p>",
                OPEN_ROWS
            );
        }
    }
    let _ = writeln!(body, "<h2 id=\"permintaan\">Permintaan per bulan</h2>");
    if f.months.is_empty() {
        body.push_str("<p class=\"catatan\">Belum ada permintaan.</p>\n");
    } else {
        body.push_str("<ul class=\"bulan\">\n");
        for (month, n) in f.months.iter().rev() {
            let _ = writeln!(
                body,
                "<li>{} ({n})</li>",
                link(
                    &path,
                    &month_page(&proc.slug, month, 1),
                    &monitoring::month_text(month)
                )
            );
        }
        body.push_str("</ul>\n");
    }
    Page {
        path: &path,
        title: name,
        office: &o.config.office,
        trail: vec![("Katalog SOP".into(), "index.html".into())],
        class: "",
        body,
        footer: footer(),
    }
    .render()
}

/// The SOP document's pages (`sop procedure doc`'s), each on an A4 landscape sheet.
pub fn document(o: &Office, proc: &Proc, p: &Procedure, pages: &[String]) -> String {
    let path = document_page(&proc.slug);
    let mut body = String::new();
    for page in pages {
        body.push_str("<div class=\"lembar\">\n");
        body.push_str(page);
        body.push_str("</div>\n");
    }
    Page {
        path: &path,
        title: &format!("Dokumen SOP {}", p.name),
        office: &o.config.office,
        trail: vec![
            ("Katalog SOP".into(), "index.html".into()),
            (p.name.clone(), procedure_page(&proc.slug)),
        ],
        class: "dokumen",
        body,
        footer: String::new(),
    }
    .render()
}

/// The requests of one procedure created in one month (`requests`, by creation), part `part`
/// of `parts`.
pub fn month(
    o: &Office,
    proc: &Proc,
    p: Option<&Procedure>,
    month: &str,
    part: usize,
    parts: usize,
    requests: &[Req],
) -> String {
    let path = month_page(&proc.slug, month, part);
    let name = name_of(proc, p);
    let when = monitoring::month_text(month);
    let mut body = String::new();
    let of = match parts {
        1 => String::new(),
        n => format!(" (bagian {part} dari {n})"),
    };
    let _ = writeln!(
        body,
        "<h1>{}: permintaan {}{of}</h1>",
        esc(name),
        esc(&when)
    );
    let cells: Vec<Vec<String>> = requests
        .iter()
        .map(|r| {
            let step =
                r.s.step
                    .as_deref()
                    .map_or(String::new(), |s| esc(&step_text(p, s)));
            vec![
                link(&path, &r.page, &r.s.id),
                esc(&r.s.title),
                status_cell(&r.s.status),
                step,
                minute(r.s.created),
            ]
        })
        .collect();
    body.push_str(&table(
        &[
            Col("id", "Nomor"),
            Col("", "Judul"),
            Col("", "Status"),
            Col("", "Langkah sekarang"),
            Col("waktu", "Dibuat"),
        ],
        &cells,
    ));
    if parts > 1 {
        body.push_str("<p>Bagian: ");
        for n in 1..=parts {
            match n == part {
                true => {
                    let _ = write!(body, "<strong>{n}</strong> ");
                }
                false => {
                    let _ = write!(
                        body,
                        "{} ",
                        link(&path, &month_page(&proc.slug, month, n), &n.to_string())
                    );
                }
            }
        }
        body.push_str("</p>\n");
    }
    Page {
        path: &path,
        title: &format!("{name}: permintaan {when}"),
        office: &o.config.office,
        trail: vec![
            ("Katalog SOP".into(), "index.html".into()),
            (name.to_string(), procedure_page(&proc.slug)),
        ],
        class: "",
        body,
        footer: footer(),
    }
    .render()
}

/// What a request's page shows of its state now (`view`'s reading, at the run's clock).
pub struct Now {
    pub step: Option<crate::view::StepView>,
    pub service: Option<crate::view::Service>,
}

/// A request's page: its state, fields, attached files (listed, not copied), history and
/// its flow with the path it took; and the other requests it links to. `exists` says whether
/// a request has a page (a link to one that has none is left as text).
#[allow(clippy::too_many_arguments)]
pub fn request(
    o: &Office,
    req: &Request,
    proc: &Proc,
    p: Option<&Procedure>,
    month: &str,
    now: &Now,
    flow: Option<&str>,
    exists: &dyn Fn(&str) -> bool,
) -> (String, Vec<String>) {
    let path = request_page(&req.id);
    let name = name_of(proc, p);
    let mut links = Vec::new();
    let mut other = |id: &str| -> String {
        links.push(id.to_string());
        match exists(id) {
            true => link(&path, &request_page(id), id),
            false => esc(id),
        }
    };
    let mut body = String::new();
    let _ = writeln!(body, "<h1>{}: {}</h1>", esc(&req.id), esc(&req.title));
    let status = match &req.hold {
        Some(h) => format!(
            "{} sejak {}: {}{}",
            status_cell(&req.status),
            minute(h.since),
            esc(&h.reason),
            h.until.map_or(String::new(), |d| format!(
                " (sampai {})",
                dates::long_date(d)
            ))
        ),
        None => status_cell(&req.status),
    };
    let step = now.step.as_ref().map_or(String::new(), |s| {
        let due = match (&req.hold, s.due) {
            (Some(_), _) => "jam berhenti selama ditunda".to_string(),
            (None, None) => "tanpa waktu baku".to_string(),
            (None, due) => format!("batas waktu {}", due_text(due, s.overdue)),
        };
        format!(
            "{}<br><span class=\"catatan\">pelaksana {}; sejak {}; {due}</span>",
            esc(&step_text(p, &s.id)),
            esc(&roles_text(o.config, p, &s.roles)),
            minute(s.since)
        )
    });
    let service = now.service.as_ref().map_or(String::new(), |s| {
        format!(
            "{}, batas {}",
            esc(&s.time),
            due_text(Some(s.due), s.overdue)
        )
    });
    let requester = match &req.on_behalf_of {
        Some(outsider) => format!(
            "{} (dari luar; dibuka oleh {})",
            esc(&outsider.to_string()),
            person(o.people, &req.requester)
        ),
        None => person(o.people, &req.requester),
    };
    let parent = req.parent.as_deref().map_or(String::new(), &mut other);
    let children: Vec<String> = req.children.iter().map(|c| other(c)).collect();
    body.push_str(&pairs(&[
        (
            "Prosedur",
            format!(
                "{} ({}, versi {})",
                link(&path, &procedure_page(&proc.slug), name),
                esc(&req.procedure),
                req.version
            ),
        ),
        ("Status", status),
        ("Langkah sekarang", step),
        (
            "Ditugaskan kepada",
            req.assignee
                .as_deref()
                .map_or(String::new(), |a| person(o.people, a)),
        ),
        ("Jangka waktu penyelesaian", service),
        ("Pemohon", requester),
        ("Dibuat", minute(req.created)),
        ("Aset", req.asset.as_deref().map_or(String::new(), esc)),
        ("Bagian dari permintaan", parent),
        ("Permintaan turunan", children.join(", ")),
    ]));
    body.push_str("<h2 id=\"isian\">Isian</h2>\n");
    if req.fields.is_empty() {
        body.push_str("<p class=\"catatan\">Tidak ada.</p>\n");
    } else {
        let cells: Vec<Vec<String>> = req
            .fields
            .iter()
            .map(|(k, v)| {
                let label = p
                    .and_then(|p| p.field(k))
                    .map(|f| f.label.as_str())
                    .filter(|l| !l.is_empty())
                    .unwrap_or(k);
                vec![esc(label), esc(&v.to_string())]
            })
            .collect();
        body.push_str(&table(&[Col("", "Isian"), Col("", "Nilai")], &cells));
    }
    body.push_str("<h2 id=\"lampiran\">Lampiran</h2>\n");
    if req.attachments.is_empty() {
        body.push_str("<p class=\"catatan\">Tidak ada.</p>\n");
    } else {
        let cells: Vec<Vec<String>> = req
            .attachments
            .iter()
            .map(|a| {
                let entry = req.history.iter().find(|e| e.attachments.contains(a));
                vec![
                    esc(&a.name),
                    esc(&crate::attachment::human(a.size)),
                    esc(&a.media_type),
                    a.field.as_deref().map_or(String::new(), esc),
                    entry.map_or(String::new(), |e| esc(&step_text(p, &e.step))),
                    entry.map_or(String::new(), |e| person(o.people, &e.by)),
                    entry.map_or(String::new(), |e| minute(e.at)),
                ]
            })
            .collect();
        body.push_str(&table(
            &[
                Col("", "Nama berkas"),
                Col("angka", "Ukuran"),
                Col("", "Jenis"),
                Col("", "Untuk isian"),
                Col("", "Pada langkah"),
                Col("", "Oleh"),
                Col("waktu", "Waktu"),
            ],
            &cells,
        ));
        let _ = writeln!(
            body,
            "<p class=\"catatan\">Isi berkas tidak disalin ke situs ini. Ambil dari catatan dengan <code>sop attachment {} NAMA-BERKAS --output BERKAS</code>.</p>",
            esc(&req.id)
        );
    }
    body.push_str("<h2 id=\"riwayat\">Riwayat</h2>\n");
    let cells: Vec<Vec<String>> = req
        .history
        .iter()
        .map(|e| {
            let steps = match (&e.to, e.moves() || e.action == Action::Create) {
                (Some(to), true) if *to != e.step => format!(
                    "{} → {}",
                    esc(&step_text(p, &e.step)),
                    esc(&step_text(p, to))
                ),
                _ => esc(&step_text(p, &e.step)),
            };
            vec![
                minute(e.at),
                by(o, req, e),
                action(o, p, e),
                steps,
                details(e, &mut other),
            ]
        })
        .collect();
    body.push_str(&table(
        &[
            Col("waktu", "Waktu"),
            Col("", "Oleh"),
            Col("", "Tindakan"),
            Col("", "Langkah"),
            Col("", "Keterangan"),
        ],
        &cells,
    ));
    if let Some(svg) = flow {
        body.push_str(
            "<h2 id=\"jalur\">Bagan alur dan jalur permintaan</h2>\n<figure class=\"bagan\">\n",
        );
        body.push_str(svg);
        body.push_str("<figcaption>Hijau: langkah yang sudah dilalui; jingga: posisi permintaan; angka dalam kurung: urutan jalan yang diambil.</figcaption>\n</figure>\n");
    }
    let page = Page {
        path: &path,
        title: &format!("{} {}", req.id, req.title),
        office: &o.config.office,
        trail: vec![
            ("Katalog SOP".into(), "index.html".into()),
            (name.to_string(), procedure_page(&proc.slug)),
            (
                monitoring::month_text(month),
                month_page(&proc.slug, month, 1),
            ),
        ],
        class: "",
        body,
        footer: footer(),
    }
    .render();
    links.sort();
    links.dedup();
    (page, links)
}

/// Who acted, by name: `Wahyu Pratama (Plt/Plh Sub Koordinator KIP)`, `Dewi (untuk Bu Siti)`.
fn by(o: &Office, req: &Request, e: &Entry) -> String {
    let name = person(o.people, &e.by);
    match (&e.acting_for, &req.on_behalf_of) {
        (Some(role), _) => format!("{name} (Plt/Plh {})", esc(o.config.role_label(role))),
        (None, Some(outsider)) if e.on_behalf => format!("{name} (untuk {})", esc(&outsider.name)),
        _ => name,
    }
}

/// The action as the printed form names it (`printout::data::action_label`), with the option
/// as the SOP writes it (*Ya*, *Tidak*, *Datacenter*), the person assigned, or how the
/// sub-request ended.
fn action(o: &Office, p: Option<&Procedure>, e: &Entry) -> String {
    let label = action_label(e.action);
    let text = match (e.action, &e.option) {
        (Action::Return, Some(status)) => format!("{label} ({})", status_label(status)),
        (_, Some(option)) => {
            let written = p
                .and_then(|p| p.step(&e.step))
                .map(|s| s.exit_label(option))
                .filter(|l| !l.is_empty())
                .unwrap_or_else(|| option.clone());
            format!("{label}, pilihan {written}")
        }
        (Action::Assign, None) => match e.assignee.as_deref() {
            Some(a) => format!(
                "{label} kepada {}",
                o.people.find(a).map_or(a, |p| p.name.as_str())
            ),
            None => label.to_string(),
        },
        _ => label.to_string(),
    };
    esc(&text)
}

/// What an entry says besides its action: the note or reason, the output, the edits, the end
/// of a hold, the secret fields given (by name), the files attached, the sub-request.
fn details(e: &Entry, other: &mut dyn FnMut(&str) -> String) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(note) = &e.note {
        parts.push(esc(note));
    }
    if let Some(output) = &e.output {
        parts.push(format!("output: {}", esc(output)));
    }
    for d in &e.edits {
        let from = d.from.as_deref().unwrap_or("-");
        parts.push(format!("{}: {} → {}", esc(&d.name), esc(from), esc(&d.to)));
    }
    if let Some(until) = e.until {
        parts.push(format!("sampai {}", dates::long_date(until)));
    }
    if !e.secrets.is_empty() {
        parts.push(format!(
            "isian rahasia diberikan: {}",
            esc(&e.secrets.join(", "))
        ));
    }
    if !e.attachments.is_empty() {
        let names: Vec<&str> = e.attachments.iter().map(|a| a.name.as_str()).collect();
        parts.push(format!("lampiran: {}", esc(&names.join(", "))));
    }
    if let Some(child) = &e.child {
        parts.push(format!("memulai permintaan {}", other(child)));
    }
    if let Some(ended) = &e.ended {
        parts.push(format!("permintaan {} berakhir", other(ended)));
    }
    parts.join("<br>")
}

/// The site's stylesheet.
pub const CSS: &str = include_str!("../../assets/site/sop.css");
