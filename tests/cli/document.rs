//! `sop procedure doc`: the SOP AP document of every shipped procedure as SVG (well-formed,
//! every step and column in it, each symbol drawn in its role's column once rendered to
//! pixels, the arrows orthogonal and clear of the symbols, a long flow's off-page connectors
//! in pairs naming each other's page), as PDF (A4 landscape pages, text extractable) and
//! HTML; snapshots of two SVGs and the example PDFs in docs/examples kept fresh.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::process::Command;

use sop::config::Config;
use sop::document;
use sop::document::layout::{self, Item};
use sop::graph::Extras;
use sop::procedure::{self, Kind, Procedure};

use crate::support::{fontdb, fresh, pdf_text, Office};

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("example-records")
}

fn shipped() -> Vec<(Procedure, Config)> {
    let root = examples();
    procedure::list_ids(&root)
        .unwrap()
        .into_iter()
        .map(|id| {
            (
                Procedure::load(&root, &id).unwrap(),
                Config::load(&root).unwrap(),
            )
        })
        .collect()
}

/// Text with every kind of white space taken out: wrapping breaks lines anywhere a space is.
fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// All the text of an SVG, in document order.
fn svg_text(svg: &str) -> String {
    let tree = roxmltree::Document::parse(svg).expect("well-formed XML");
    tree.descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn svg_documents_are_well_formed_and_hold_every_step_and_column() {
    let all = shipped();
    assert_eq!(all.len(), 10);
    for (p, config) in &all {
        let svg = document::svg(p, config, &Extras::default());
        let text = squeeze(&svg_text(&svg));
        for s in &p.steps {
            if let Some(n) = &s.number {
                assert!(
                    text.contains(&squeeze(&n.to_string())),
                    "{}: no {n}",
                    p.id()
                );
            }
            assert!(
                text.contains(&squeeze(&s.activity)),
                "{}: activity {:?} missing",
                p.id(),
                s.activity
            );
        }
        for head in [
            "No",
            "Kegiatan",
            "Pelaksana",
            "MutuBaku",
            "Kelengkapan",
            "Waktu",
            "Output",
            "Keterangan",
            "Jumlahwaktubaku",
            "NomorSOP",
            "DasarHukum:",
            "KualifikasiPelaksana:",
            "Peringatan:",
            "PencatatandanPendataan:",
        ] {
            assert!(text.contains(head), "{}: no {head}", p.id());
        }
        let doc = layout::layout(p, config, &Extras::default());
        let labels: Vec<String> = p
            .roles()
            .iter()
            .map(|r| p.role_label(config, r).to_string())
            .collect();
        for page in &doc.pages[1..] {
            let columns: Vec<&str> = page.roles.iter().map(|c| c.label.as_str()).collect();
            assert_eq!(columns, labels, "{}: one column per role", p.id());
        }
        for l in &labels {
            assert!(text.contains(&squeeze(l)), "{}: no column {l}", p.id());
        }
        // Every step is drawn once.
        let placed: usize = doc.pages.iter().map(|pg| pg.symbols.len()).sum();
        assert_eq!(placed, p.steps.len(), "{}", p.id());
    }
}

/// Whether the pixel at (x, y) is dark (ink, not paper).
fn dark(pixmap: &tiny_skia::Pixmap, x: f32, y: f32) -> bool {
    let (x, y) = (x.round() as u32, y.round() as u32);
    let px = pixmap.pixel(x, y).expect("inside the page");
    px.alpha() > 0 && u32::from(px.red()) + u32::from(px.green()) + u32::from(px.blue()) < 3 * 128
}

#[test]
fn symbols_render_in_their_role_columns() {
    let options = usvg::Options {
        fontdb: fontdb(),
        ..usvg::Options::default()
    };
    let scale = 2.0;
    for (p, config) in &shipped() {
        let doc = layout::layout(p, config, &Extras::default());
        for (page, svg) in doc.pages.iter().zip(document::svg::pages(&doc)).skip(1) {
            let tree = usvg::Tree::from_str(&svg, &options).unwrap();
            let mut pixmap = tiny_skia::Pixmap::new(
                (layout::PAGE_W * scale) as u32,
                (layout::PAGE_H * scale) as u32,
            )
            .unwrap();
            resvg::render(
                &tree,
                tiny_skia::Transform::from_scale(scale, scale),
                &mut pixmap.as_mut(),
            );
            for sym in &page.symbols {
                let step = p.step(&sym.step).unwrap();
                let col = &page.roles[sym.column];
                // The column is the step's role's (for a step no one acts at, its neighbour's).
                if let Some(role) = step.role.list().first() {
                    assert_eq!(col.label, p.role_label(config, role), "{}", sym.step);
                }
                assert!(
                    sym.x >= col.x && sym.x + sym.w <= col.x + col.w,
                    "{} {}: symbol outside its column",
                    p.id(),
                    sym.step
                );
                // In the pixels: ink on the symbol's outline at the top and left, paper inside.
                let (cx, cy) = (sym.x + sym.w / 2.0, sym.y + sym.h / 2.0);
                let top =
                    (-1..=1).any(|d| dark(&pixmap, cx * scale, (sym.y + d as f32 * 0.5) * scale));
                let left =
                    (-1..=1).any(|d| dark(&pixmap, (sym.x + d as f32 * 0.5) * scale, cy * scale));
                assert!(top && left, "{} {}: no outline drawn", p.id(), sym.step);
                assert!(
                    !dark(&pixmap, (cx + sym.w / 4.0) * scale, (cy + 2.0) * scale),
                    "{} {}: symbol not blank inside",
                    p.id(),
                    sym.step
                );
                // The symbol the step's kind calls for.
                let shape_ok = match step.kind {
                    Kind::Start | Kind::End => sym.shape == layout::Shape::Capsule,
                    Kind::Approval | Kind::Decision => sym.shape == layout::Shape::Diamond,
                    Kind::Task => sym.shape == layout::Shape::Rect,
                    Kind::Call => sym.shape == layout::Shape::Predefined,
                };
                assert!(shape_ok, "{} {}: wrong symbol", p.id(), sym.step);
            }
        }
    }
}

/// An arrow's segments that pass through a step's symbol other than at its ends.
fn crossings(points: &[(f32, f32)], symbols: &[layout::Placed]) -> Vec<String> {
    let mut out = Vec::new();
    for seg in points.windows(2) {
        let ((x1, y1), (x2, y2)) = (seg[0], seg[1]);
        let (left, right) = (x1.min(x2), x1.max(x2));
        let (top, bottom) = (y1.min(y2), y1.max(y2));
        for s in symbols {
            // Inside the box by more than a point: touching its edge is where an arrow ends.
            let (sl, sr, st, sb) = (s.x + 1.0, s.x + s.w - 1.0, s.y + 1.0, s.y + s.h - 1.0);
            if right > sl && left < sr && bottom > st && top < sb {
                out.push(format!("{:?} through {}", seg, s.step));
            }
        }
    }
    out
}

#[test]
fn long_flows_go_on_by_paired_connectors_and_arrows_run_clear_of_the_symbols() {
    let mut long = 0;
    for (p, config) in &shipped() {
        let doc = layout::layout(p, config, &Extras::default());
        // Each connector's letter: the page it stands on and the page it names.
        let mut ends: BTreeMap<String, Vec<(usize, usize)>> = BTreeMap::new();
        let mut page_of: HashMap<&str, usize> = HashMap::new();
        for (n, page) in doc.pages.iter().enumerate() {
            let number = n + 1;
            for s in &page.symbols {
                page_of.insert(s.step.as_str(), number);
            }
            let texts: Vec<(f32, f32, &str)> = page
                .items
                .iter()
                .filter_map(|it| match it {
                    Item::Text { x, y, text, .. } => Some((*x, *y, text.as_str())),
                    _ => None,
                })
                .collect();
            let text_at = |x: f32, y: f32| {
                texts
                    .iter()
                    .find(|(tx, ty, _)| (tx - x).abs() < 0.01 && (ty - y).abs() < 0.01)
                    .map(|t| t.2)
            };
            for it in &page.items {
                match it {
                    Item::Symbol {
                        shape: layout::Shape::OffPage,
                        x,
                        y,
                        w,
                        h,
                        ..
                    } => {
                        // The letter in it, the page it names beside it.
                        let (cx, cy) = (x + w / 2.0, y + h / 2.0);
                        let letter = text_at(cx, cy + 1.5).expect("a connector's letter");
                        let other = text_at(x + w + 2.0, cy + 2.0)
                            .and_then(|t| t.strip_prefix("hal. "))
                            .and_then(|n| n.parse().ok())
                            .expect("the page a connector names");
                        ends.entry(letter.to_string())
                            .or_default()
                            .push((number, other));
                    }
                    Item::Line {
                        points,
                        arrow: true,
                        ..
                    } => {
                        for seg in points.windows(2) {
                            let ((x1, y1), (x2, y2)) = (seg[0], seg[1]);
                            assert!(
                                (x1 - x2).abs() < 0.01 || (y1 - y2).abs() < 0.01,
                                "{} page {number}: a slanted arrow {points:?}",
                                p.id()
                            );
                        }
                        let through = crossings(points, &page.symbols);
                        assert!(through.is_empty(), "{} page {number}: {through:?}", p.id());
                    }
                    _ => {}
                }
            }
        }
        // One pair of connectors for each arrow between two pages, each naming the other.
        let across = p
            .steps
            .iter()
            .flat_map(|s| {
                p.exits(s)
                    .into_iter()
                    .map(move |(_, t)| (s.id(), t.get_ref()))
            })
            .filter(|(from, to)| {
                page_of
                    .get(to.as_str())
                    .is_some_and(|b| page_of[from] != *b)
            })
            .count();
        assert_eq!(ends.len(), across, "{}: {ends:?}", p.id());
        for (letter, pair) in &ends {
            let [(a, names_a), (b, names_b)] = pair[..] else {
                panic!("{}: connector {letter} stands {} times", p.id(), pair.len());
            };
            assert!(
                a != b && names_a == b && names_b == a,
                "{}: connector {letter}: {pair:?}",
                p.id()
            );
        }
        if across > 0 {
            long += 1;
        }
    }
    assert!(long > 0, "no shipped flow runs onto a second page");
}

#[test]
fn svg_snapshots_of_two_procedures() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let mut stale = Vec::new();
    for id in ["email", "instalasi-piranti-lunak"] {
        let out = Command::new(assert_cmd::cargo::cargo_bin("sop"))
            .args(["-C", examples().to_str().unwrap(), "procedure", "doc", id])
            .args(["--format", "svg"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        fresh(&dir.join(format!("doc-{id}.svg")), &out.stdout, &mut stale);
    }
    assert!(stale.is_empty(), "{stale:?} were stale and have been regenerated: review the diff, run `cargo test` again and commit them");
}

#[test]
fn example_pdfs_are_fresh() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/examples");
    let mut stale = Vec::new();
    for id in ["email", "perbaikan-aset"] {
        let tmp = tempfile::tempdir().unwrap();
        let file = tmp.path().join("doc.pdf");
        let out = Command::new(assert_cmd::cargo::cargo_bin("sop"))
            .args(["-C", examples().to_str().unwrap(), "procedure", "doc", id])
            .args(["--format", "pdf", "--output", file.to_str().unwrap()])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(out.stdout.is_empty());
        // svg2pdf writes a page's fonts in hash-map order, so the bytes vary from run to run:
        // the example is stale when its pages, its text or its drawing differ.
        let new = std::fs::read(&file).unwrap();
        let path = dir.join(format!("sop-{id}.pdf"));
        let same = std::fs::read(&path).is_ok_and(|old| pdf_content(&old) == pdf_content(&new));
        if !same {
            fresh(&path, &new, &mut stale);
        }
    }
    assert!(
        stale.is_empty(),
        "{stale:?} were stale and have been regenerated: run `cargo test` again and commit them"
    );
}

/// What a PDF shows: its page count, its text and the drawing of each page (the pages' form
/// streams, decompressed, in order); none when it does not parse.
fn pdf_content(bytes: &[u8]) -> Option<(usize, String, Vec<Vec<u8>>)> {
    let doc = lopdf::Document::load_mem(bytes).ok()?;
    let mut forms: Vec<Vec<u8>> = doc
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .filter(|s| s.dict.get(b"Subtype").and_then(|t| t.as_name()).ok() == Some(b"Form"))
        .map(|s| {
            s.decompressed_content()
                .unwrap_or_else(|_| s.content.clone())
        })
        .collect();
    forms.sort();
    let text = pdf_text(bytes);
    Some((doc.get_pages().len(), text, forms))
}

#[test]
fn pdfs_parse_as_a4_landscape_with_the_activities_in_their_text() {
    for (p, config) in &shipped() {
        let bytes = document::pdf(p, config, &Extras::default()).unwrap();
        let pdf = lopdf::Document::load_mem(&bytes).unwrap();
        let pages = pdf.get_pages();
        let expected = layout::layout(p, config, &Extras::default()).pages.len();
        assert_eq!(pages.len(), expected, "{}", p.id());
        for id in pages.values() {
            let page = pdf.get_dictionary(*id).unwrap();
            let media = page.get(b"MediaBox").unwrap().as_array().unwrap();
            let n: Vec<f32> = media.iter().map(|v| v.as_float().unwrap()).collect();
            assert_eq!(n[..2], [0.0, 0.0]);
            assert!(
                (n[2] - 841.89).abs() < 0.5 && (n[3] - 595.28).abs() < 0.5,
                "{n:?}"
            );
        }
        let text = squeeze(&pdf_text(&bytes));
        for s in &p.steps {
            assert!(
                text.contains(&squeeze(&s.activity)),
                "{}: {:?} not in the PDF's text",
                p.id(),
                s.activity
            );
        }
        assert!(text.contains(&squeeze(&p.name)));
    }
}

#[test]
fn doc_command_formats_and_refusals() {
    let office = Office::example();
    let html = office
        .sop("rizky", &["procedure", "doc", "email", "--format", "html"])
        .success();
    let html = String::from_utf8(html.get_output().stdout.clone()).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("@page { size: A4 landscape"));
    assert!(html.contains("@font-face") && html.matches("<svg ").count() >= 2);
    let pdf = office
        .sop("rizky", &["procedure", "doc", "email", "--format", "pdf"])
        .success();
    assert!(pdf.get_output().stdout.starts_with(b"%PDF-"));
    // The default is SVG.
    let svg = office
        .sop("rizky", &["procedure", "doc", "email"])
        .success();
    assert!(svg.get_output().stdout.starts_with(b"<svg "));
    office
        .sop("rizky", &["procedure", "doc", "email", "--format", "json"])
        .code(2);
    office
        .sop("rizky", &["procedure", "list", "--format", "svg"])
        .code(2)
        .stderr(predicates::str::contains("cannot print --format svg"));
    office
        .sop("rizky", &["procedure", "doc", "nope"])
        .code(3)
        .stderr(predicates::str::contains("no procedure 'nope'"));
    // --output writes the file and nothing to standard output.
    let file = office.path("email.svg");
    office
        .sop(
            "rizky",
            &[
                "procedure",
                "doc",
                "email",
                "--output",
                file.to_str().unwrap(),
            ],
        )
        .success()
        .stdout("");
    assert!(std::fs::read_to_string(&file)
        .unwrap()
        .contains("Mengisi Form"));
}
