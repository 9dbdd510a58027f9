//! Flowcharts: `sop procedure graph` as Mermaid and dot (Indonesian exit labels, wrapped
//! labels, either/or roles in a shared lane, steps no one acts at inside a lane, rows of
//! several actors, call steps), and `sop show --graph mermaid|svg` with a request's trail
//! highlighted; snapshots of one Mermaid and one dot output.

use std::collections::BTreeSet;
use std::path::Path;

use sop::graph::{HERE_FILL, VISITED_FILL, WRAP};

use crate::support::{fontdb, fresh, Office};

const RIZKY: (&str, &str) = ("Rizky Ramadhan", "rizky@diskominfo.example.go.id");

/// A helpdesk SOP with what the shipped ones lack: a step either of two roles may do, a row
/// of two actors, a call of the email SOP, and an end no one acts at that the office inferred.
const BANTUAN: &str = r#"
id = "bantuan"
prefix = "BTU"
name = "Bantuan TIK"
version = 1

[[fields]]
name = "nama"
required = true

[[fields]]
name = "email"
type = "email"
required = true

[[steps]]
id = "mulai"
number = 1
activity = "Mulai"
kind = "start"

[[steps]]
id = "lapor"
number = 2
activity = "Melaporkan gangguan"
role = "pemohon"

[[steps]]
id = "tangani"
number = 3
activity = "Menangani gangguan"
role = ["helpdesk", "staf-ti"]

[[steps]]
id = "periksa"
number = 4
activity = "Helpdesk memeriksa hasil"
role = "helpdesk"

[[steps]]
id = "setujui"
number = 4
activity = "Sub Koordinator menyetujui hasil"
role = "subkoor-kip"
kind = "approval"
approve = "minta-email"
reject = "tangani"

[[steps]]
id = "minta-email"
number = 5
activity = "Permintaan email dinas"
kind = "call"
call = "email"
with = { nama_lengkap = "{nama}", email_diminta = "{email}" }
outcomes = { completed = "selesai", rejected = "selesai", cancelled = "selesai" }

[[steps]]
id = "selesai"
activity = "Selesai"
kind = "end"
inferred = "dokumen berakhir tanpa simbol selesai"
"#;

fn office_with_bantuan() -> Office {
    let office = Office::example();
    std::fs::write(office.path("procedures/bantuan.toml"), BANTUAN).unwrap();
    office.git(&["add", "procedures/bantuan.toml"]);
    office.git_as(RIZKY.0, RIZKY.1, &["commit", "-qm", "bantuan"]);
    office
}

fn stdout(office: &Office, who: &str, args: &[&str]) -> String {
    let out = office.sop(who, args).success();
    String::from_utf8(out.get_output().stdout.clone()).unwrap()
}

/// Fails, showing `text`, unless `part` is in it.
fn has(text: &str, part: &str) {
    assert!(text.contains(part), "{part:?} not in\n{text}");
}

/// Mermaid's entity codes back to text, to count a label's characters.
fn unescape(text: &str) -> String {
    text.replace("#quot;", "\"")
        .replace("#lt;", "<")
        .replace("#gt;", ">")
        .replace("#amp;", "&")
        .replace("#35;", "#")
}

/// Every quoted label of a Mermaid text, each as its lines.
fn mermaid_labels(text: &str) -> Vec<Vec<String>> {
    let body = text.split("\n---\n").last().unwrap();
    body.split('"')
        .skip(1)
        .step_by(2)
        .map(|l| l.split("<br/>").map(unescape).collect())
        .collect()
}

/// The subgraphs (lanes) of a Mermaid text: each lane's title and the ids of its nodes.
fn mermaid_lanes(text: &str) -> Vec<(String, Vec<String>)> {
    let mut lanes = Vec::new();
    let mut current: Option<(String, Vec<String>)> = None;
    for line in text.lines() {
        let t = line.trim();
        if let Some(rest) = t.strip_prefix("subgraph ") {
            let title = rest.split('"').nth(1).unwrap_or_default();
            current = Some((unescape(&title.replace("<br/>", " ")), Vec::new()));
        } else if t == "end" {
            lanes.push(current.take().expect("end closes a subgraph"));
        } else if let Some((_, nodes)) = current.as_mut() {
            let id: String = t
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            nodes.push(id);
        }
    }
    assert!(current.is_none(), "a subgraph is not closed");
    lanes
}

/// The node id of the step whose label starts with `start`.
fn node_of(text: &str, start: &str) -> String {
    let line = text
        .lines()
        .find(|l| {
            l.split('"')
                .nth(1)
                .is_some_and(|label| unescape(label).starts_with(start))
        })
        .unwrap_or_else(|| panic!("no node {start:?} in\n{text}"));
    line.trim()
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect()
}

fn shipped_ids() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("example-records");
    sop::procedure::list_ids(&root).unwrap()
}

#[test]
fn mermaid_of_the_shipped_procedures_speaks_indonesian_and_wraps() {
    let office = Office::example();
    let ids = shipped_ids();
    assert_eq!(ids.len(), 10);
    for id in &ids {
        let text = stdout(&office, "rizky", &["procedure", "graph", id]);
        assert!(text.contains("flowchart TD"), "{id}");
        for word in ["approve", "reject", "completed", "|done|"] {
            assert!(!text.contains(word), "{id}: {word:?} in\n{text}");
        }
        for label in mermaid_labels(&text) {
            for line in &label {
                assert!(
                    line.chars().count() <= WRAP,
                    "{id}: label line longer than {WRAP}: {line:?}"
                );
            }
        }
        // Every step is in a lane.
        let lanes = mermaid_lanes(&text);
        let in_lanes: usize = lanes.iter().map(|(_, n)| n.len()).sum();
        let nodes = text
            .lines()
            .map(str::trim)
            .filter(|l| {
                let rest = l.strip_prefix('s').unwrap_or("");
                let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit());
                rest.len() < l.len() - 1 && rest.starts_with(['[', '(', '{'])
            })
            .count();
        assert_eq!(in_lanes, nodes, "{id}: a step outside every lane\n{text}");
    }
    // Approvals say Ya / Tidak; decisions their options as written.
    let email = stdout(&office, "rizky", &["procedure", "graph", "email"]);
    assert!(
        email.contains("-->|\"Ya\"|") && email.contains("-->|\"Tidak\"|"),
        "{email}"
    );
    let ipl = stdout(
        &office,
        "rizky",
        &["procedure", "graph", "instalasi-piranti-lunak"],
    );
    has(&ipl, "|\"Tidak lengkap\"|");
    // The inferred end and the automatic route sit inside the lanes of the steps before them,
    // dashed; the end and the start are stadiums, decisions diamonds.
    let lanes = mermaid_lanes(&ipl);
    let end = node_of(&ipl, "SW yang tidak bekerja normal");
    let route = node_of(&ipl, "Menyelesaikan instalasi");
    let lane_of = |node: &str| {
        lanes
            .iter()
            .find(|(_, nodes)| nodes.iter().any(|n| n == node))
            .map(|(title, _)| title.clone())
    };
    assert_eq!(lane_of(&end).as_deref(), Some("Staf TI"));
    assert_eq!(lane_of(&route).as_deref(), Some("Sub Koordinator IIDC"));
    has(&ipl, &format!("{end}([\""));
    has(&ipl, &format!("{route}{{\""));
    let dashed = ipl
        .lines()
        .find(|l| l.trim_start().starts_with("class ") && l.ends_with(" ditafsirkan"))
        .unwrap();
    assert!(dashed.contains(&end) && dashed.contains(&route), "{dashed}");
    assert!(ipl.contains("classDef ditafsirkan stroke-dasharray"));
}

#[test]
fn either_or_roles_rows_and_calls_in_mermaid() {
    let office = office_with_bantuan();
    office.sop("rizky", &["procedure", "check"]).success();
    let text = stdout(&office, "rizky", &["procedure", "graph", "bantuan"]);
    let lanes = mermaid_lanes(&text);
    let titles: Vec<&str> = lanes.iter().map(|(t, _)| t.as_str()).collect();
    // The step either role may do has a lane of its own, shared by both.
    assert_eq!(
        titles,
        [
            "User / Pemohon",
            "Helpdesk atau Staf TI",
            "Helpdesk",
            "Sub Koordinator KIP"
        ],
        "{text}"
    );
    let tangani = node_of(&text, "3. Menangani gangguan");
    assert_eq!(lanes[1].1, [tangani.as_str()]);
    // The start goes with the step it passes to; the call and the inferred end with the
    // approval that leads to them.
    let start = node_of(&text, "1. Mulai");
    let call = node_of(&text, "5. Permintaan email dinas");
    let end = node_of(&text, "Selesai");
    assert!(lanes[0].1.contains(&start), "{text}");
    assert!(
        lanes[3].1.contains(&call) && lanes[3].1.contains(&end),
        "{text}"
    );
    // The call is a subroutine naming the procedure it starts.
    let call_line = text.lines().find(|l| l.trim().starts_with(&call)).unwrap();
    has(call_line, "[[\"");
    let label = unescape(&call_line.replace("<br/>", " "));
    has(&label, "sub-prosedur: Permintaan Email (email)");
    // Row 4 of two actors: its number once, the row named.
    let periksa = node_of(&text, "4. Helpdesk memeriksa");
    let setujui = node_of(&text, "Sub Koordinator menyetujui");
    assert_eq!(text.matches("\"4. ").count(), 1, "{text}");
    has(&text, &format!("%% baris 4: {periksa}, {setujui}"));
    // Its exits: Ya to the call, Tidak back; the call's by the email request's status.
    has(&text, &format!("{setujui} -->|\"Ya\"| {call}"));
    has(&text, &format!("{setujui} -->|\"Tidak\"| {tangani}"));
    has(&text, &format!("{call} -.->|\"Selesai\"| {end}"));
    has(&text, &format!("{call} -.->|\"Ditolak\"| {end}"));
}

/// What can be checked of dot text without Graphviz: braces balance outside strings and
/// HTML labels, every node an edge or a rank group names is declared, and the clusters.
fn check_dot(text: &str) -> (BTreeSet<String>, Vec<(String, String)>) {
    let mut depth = 0i32;
    let (mut quoted, mut html, mut escaped) = (false, 0, false);
    let mut bare = String::new();
    for c in text.chars() {
        if quoted {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => quoted = false,
                _ => {}
            }
            continue;
        }
        if html > 0 {
            match c {
                '<' => html += 1,
                '>' => html -= 1,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => quoted = true,
            '<' => html = 1,
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                assert!(depth >= 0, "a brace closes nothing");
            }
            _ => {}
        }
        bare.push(c);
    }
    assert!(!quoted && html == 0, "a string or HTML label is not closed");
    assert_eq!(depth, 0, "braces do not balance");
    let mut declared = BTreeSet::new();
    let mut edges = Vec::new();
    let mut named = Vec::new();
    for line in bare.lines() {
        let t = line.trim();
        if t.starts_with("digraph") || t.starts_with("subgraph") || t == "}" {
            continue;
        }
        if let Some(group) = t.strip_prefix("{ rank=same;") {
            let ids = group.split('}').next().unwrap();
            named.extend(
                ids.split(';')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(String::from),
            );
            continue;
        }
        let stmt = t.split('[').next().unwrap().trim().trim_end_matches(';');
        if stmt.contains("->") {
            let ids: Vec<String> = stmt.split("->").map(|s| s.trim().to_string()).collect();
            for pair in ids.windows(2) {
                edges.push((pair[0].clone(), pair[1].clone()));
            }
            named.extend(ids);
        } else if t.contains('[') && !stmt.is_empty() && !matches!(stmt, "graph" | "node" | "edge")
        {
            declared.insert(stmt.to_string());
        }
    }
    for id in named {
        assert!(
            declared.contains(&id),
            "{id} is used but not declared\n{text}"
        );
    }
    (declared, edges)
}

#[test]
fn dot_parses_and_orders_its_lanes() {
    let office = office_with_bantuan();
    let mut ids = shipped_ids();
    ids.push("bantuan".into());
    for id in &ids {
        let text = stdout(
            &office,
            "rizky",
            &["procedure", "graph", id, "--format", "dot"],
        );
        let (declared, edges) = check_dot(&text);
        let steps = declared.iter().filter(|d| d.starts_with('s')).count();
        let p = sop::procedure::Procedure::parse(
            &std::fs::read_to_string(office.path(&format!("procedures/{id}.toml"))).unwrap(),
            Path::new("p.toml"),
        )
        .unwrap();
        assert_eq!(steps, p.steps.len(), "{id}");
        // Every line of a step's or an exit's label within the wrap width (the title is
        // wider).
        let steps_and_exits: String = text
            .lines()
            .filter(|l| l.trim_start().starts_with('s'))
            .collect();
        for label in steps_and_exits.split("label=\"").skip(1) {
            let label = label.split("\"").next().unwrap();
            for line in label.split("\\n") {
                assert!(line.chars().count() <= WRAP, "{id}: {line:?}");
            }
        }
        // Lanes left to right as the flow first uses them: the heads chained in order.
        let lanes = text.matches("subgraph cluster_lane").count();
        if lanes > 1 {
            let chain: Vec<String> = (0..lanes).map(|n| format!("lane{n}")).collect();
            assert!(
                text.contains(&format!("{} [style=invis];", chain.join(" -> "))),
                "{id}"
            );
            assert!(edges.iter().any(|(a, b)| a == "lane0" && b == "lane1"));
        }
        assert!(
            !text.contains("approve") && !text.contains("reject"),
            "{id}"
        );
    }
    let text = stdout(
        &office,
        "rizky",
        &["procedure", "graph", "bantuan", "--format", "dot"],
    );
    // The row of two actors on one rank, its number once.
    assert!(
        text.contains("{ rank=same; s3; s4; }  // baris 4"),
        "{text}"
    );
    assert_eq!(text.matches("label=\"4. ").count(), 1, "{text}");
    // The call: a predefined process (a box with double sides), naming the procedure.
    let call = text.lines().find(|l| l.trim().starts_with("s5 [")).unwrap();
    assert!(
        call.contains("shape=none") && call.matches("<TD").count() == 3,
        "{call}"
    );
    assert!(
        call.replace("<BR/>", " ")
            .contains("Permintaan Email (email)"),
        "{call}"
    );
    // Start and end rounded (Graphviz's capsule), the approval a diamond, the inferred end
    // dashed and inside the approver's lane.
    has(&text, "s0 [style=\"rounded\", label=\"1. Mulai\"]");
    has(&text, "s6 [style=\"rounded,dashed\", label=\"Selesai");
    has(&text, "s4 [shape=diamond");
    let lane3 = text.split("subgraph cluster_lane3").nth(1).unwrap();
    let lane3 = lane3.split("\n  }").next().unwrap();
    assert!(
        lane3.contains("    s6 [") && lane3.contains("    s5 ["),
        "{lane3}"
    );
    has(&text, "s4 -> s5 [label=\"Ya\"]");
    has(&text, "s4 -> s2 [label=\"Tidak\"]");
}

#[test]
fn the_sop_document_draws_a_call_as_a_predefined_process_and_a_row_once() {
    let office = office_with_bantuan();
    let svg = stdout(&office, "rizky", &["procedure", "doc", "bantuan"]);
    let tree = roxmltree::Document::parse(&svg).expect("well-formed XML");
    let call = tree
        .descendants()
        .find(|n| n.attribute("data-step") == Some("minta-email"))
        .unwrap();
    assert_eq!(call.attribute("class"), Some("symbol call"));
    // The second pair of sides, inside the box.
    let x: f32 = call.attribute("x").unwrap().parse().unwrap();
    let w: f32 = call.attribute("width").unwrap().parse().unwrap();
    let sides = call.next_sibling_element().unwrap();
    let d = sides.attribute("d").unwrap();
    let xs: Vec<f32> = d
        .split('M')
        .skip(1)
        .map(|m| m.split(',').next().unwrap().parse().unwrap())
        .collect();
    assert_eq!(xs.len(), 2, "{d}");
    assert!(xs[0] > x && xs[0] < x + w / 4.0 && xs[1] < x + w && xs[1] > x + w * 0.75);
    let text: String = tree
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        text.contains("Sub-prosedur: SOP Permintaan Email") && text.contains("(email)"),
        "{text}"
    );
    // The step either role may do: in the first role's column, both named in Kegiatan.
    has(&text, "(pelaksana: Helpdesk atau Staf TI)");
    // Row 4: both actors' symbols, at one height, the number written once.
    let centre_y = |step: &str| {
        let n = tree
            .descendants()
            .find(|n| n.attribute("data-step") == Some(step))
            .unwrap();
        match n.tag_name().name() {
            "rect" => {
                n.attribute("y").unwrap().parse::<f32>().unwrap()
                    + n.attribute("height").unwrap().parse::<f32>().unwrap() / 2.0
            }
            _ => {
                let pts: Vec<f32> = n
                    .attribute("points")
                    .unwrap()
                    .split([' ', ','])
                    .map(|v| v.parse().unwrap())
                    .collect();
                (pts[1] + pts[5]) / 2.0
            }
        }
    };
    assert!((centre_y("periksa") - centre_y("setujui")).abs() < 0.01);
    let fours = tree
        .descendants()
        .filter(|n| n.has_tag_name("text") && n.text() == Some("4"))
        .count();
    assert_eq!(fours, 1);
}

/// A request of the email SOP walked: made, handed on, rejected back, handed on again; it
/// waits at the approval.
fn walked(office: &Office) -> String {
    let id = office.new_request(
        "dimas",
        "email",
        &["nama_lengkap=Dimas", "email_diminta=dimas@kota.go.id"],
    );
    office.sop("dimas", &["advance", &id]).success();
    office.sop("dewi", &["advance", &id]).success();
    office
        .sop("sri", &["reject", &id, "--reason", "NIP tidak sesuai"])
        .success();
    office.sop("dimas", &["advance", &id]).success();
    office.sop("dewi", &["advance", &id]).success();
    id
}

/// The ids a Mermaid `class` line gives `class`.
fn classed(text: &str, class: &str) -> Vec<String> {
    text.lines()
        .filter_map(|l| l.trim().strip_prefix("class "))
        .filter_map(|l| l.strip_suffix(&format!(" {class}")))
        .flat_map(|ids| ids.split(',').map(String::from))
        .collect()
}

#[test]
fn show_graph_mermaid_marks_the_trail_and_where_the_request_is() {
    let office = Office::example();
    let id = walked(&office);
    let text = stdout(&office, "rizky", &["show", &id, "--graph", "mermaid"]);
    let isi = node_of(&text, "1. Mengisi Form");
    let terima = node_of(&text, "2. Menerima FPE");
    let setuju = node_of(&text, "3. Memberi persetujuan");
    assert!(text.contains(&format!("title: \"{id}: Permintaan Email\"")));
    assert!(text.contains("classDef dilalui fill:") && text.contains("classDef sekarang fill:"));
    assert_eq!(classed(&text, "dilalui"), [isi.clone(), terima.clone()]);
    assert_eq!(classed(&text, "sekarang"), [setuju.as_str()]);
    has(&text, "● sekarang");
    // The exits taken, numbered in the order taken, and drawn in the trail's colour.
    has(&text, &format!("{isi} -->|\"[1, 4]\"| {terima}"));
    has(&text, &format!("{terima} -->|\"[2, 5]\"| {setuju}"));
    has(&text, &format!("{setuju} -->|\"Tidak [3]\"| {isi}"));
    has(&text, &format!("{setuju} -->|\"Ya\"| "));
    let edges: Vec<&str> = text.lines().filter(|l| l.contains("-->")).collect();
    let taken: Vec<String> = edges
        .iter()
        .enumerate()
        .filter(|(_, l)| l.contains('['))
        .map(|(n, _)| n.to_string())
        .collect();
    let style = text
        .lines()
        .find(|l| l.trim().starts_with("linkStyle "))
        .unwrap();
    assert_eq!(
        style.trim(),
        format!(
            "linkStyle {} stroke:#2b8a3e,stroke-width:3px",
            taken.join(",")
        )
    );
    // Read-only: nothing changed.
    assert_eq!(office.status(), "");
}

#[test]
fn show_graph_marks_held_and_finished_requests() {
    let office = Office::example();
    let id = office.new_request(
        "dimas",
        "email",
        &["nama_lengkap=Dimas", "email_diminta=dimas@kota.go.id"],
    );
    office.sop("dimas", &["advance", &id]).success();
    office
        .sop("dewi", &["hold", &id, "--reason", "menunggu NIP"])
        .success();
    let text = stdout(&office, "rizky", &["show", &id, "--graph", "mermaid"]);
    let isi = node_of(&text, "1. Mengisi Form");
    let terima = node_of(&text, "2. Menerima FPE");
    assert_eq!(classed(&text, "dilalui"), [isi.as_str()]);
    assert_eq!(classed(&text, "sekarang"), [terima.as_str()]);
    has(&text, "● ditunda");
    office.sop("dewi", &["resume", &id]).success();
    office.sop("dewi", &["advance", &id]).success();
    office.sop("sri", &["approve", &id]).success();
    office.sop("budi", &["advance", &id]).success();
    let text = stdout(&office, "rizky", &["show", &id, "--graph", "mermaid"]);
    let end = node_of(&text, "5. Data kredensial");
    assert_eq!(classed(&text, "sekarang"), [end.as_str()]);
    assert_eq!(classed(&text, "dilalui").len(), 4, "{text}");
    has(&text, "● selesai");
    has(&text, "|\"Ya [3]\"|");
    let svg = stdout(&office, "rizky", &["show", &id, "--graph", "svg"]);
    let tree = roxmltree::Document::parse(&svg).unwrap();
    let here: Vec<&str> = tree
        .descendants()
        .filter(|n| n.attribute("class").is_some_and(|c| c.ends_with(" here")))
        .filter_map(|n| n.attribute("data-step"))
        .collect();
    assert_eq!(here, ["kredensial-diterima"]);
    assert!(svg.contains(">SELESAI</text>"));
}

#[test]
fn show_graph_follows_the_start_and_the_decisions_sop_takes() {
    // The start passes a new request on at once: its exit is the first move.
    let office = office_with_bantuan();
    let id = office.new_request("dimas", "bantuan", &["nama=Dimas", "email=d@kota.go.id"]);
    let text = stdout(&office, "rizky", &["show", &id, "--graph", "mermaid"]);
    let start = node_of(&text, "1. Mulai");
    let lapor = node_of(&text, "2. Melaporkan");
    has(&text, &format!("{start} -->|\"[1]\"| {lapor}"));
    assert_eq!(classed(&text, "dilalui"), [start]);
    assert_eq!(classed(&text, "sekarang"), [lapor]);
    // A change that passes a decision sop takes itself (the route by `lokasi`) draws both
    // exits, the automatic one too.
    let id = office.new_request(
        "dimas",
        "instalasi-piranti-lunak",
        &["nama_piranti_lunak=QGIS"],
    );
    for (who, choose) in [
        ("budi", None),
        ("ratna", Some("user")),
        ("dimas", None),
        ("budi", Some("lengkap")),
        ("budi", None),
        ("budi", Some("berhasil")),
        ("budi", Some("berhasil")),
        ("ratna", Some("tidak-perlu")),
    ] {
        let mut args = vec!["advance", id.as_str()];
        if let Some(option) = choose {
            args.extend(["--choose", option]);
        }
        office.sop(who, &args).success();
    }
    let text = stdout(&office, "rizky", &["show", &id, "--graph", "mermaid"]);
    let decide = node_of(&text, "9. Memutuskan");
    let route = node_of(&text, "Menyelesaikan instalasi");
    let end = node_of(&text, "12. Instalasi selesai");
    has(
        &text,
        &format!("{decide} -.->|\"Tidak perlu [8]\"| {route}"),
    );
    has(&text, &format!("{route} -->|\"User [9]\"| {end}"));
    assert!(classed(&text, "dilalui").contains(&route), "{text}");
    assert_eq!(classed(&text, "sekarang"), [end]);
    assert_eq!(classed(&text, "dilalui").len(), 9, "{text}");
}

#[test]
fn show_graph_refuses_a_format_and_an_unknown_kind() {
    let office = Office::example();
    let id = walked(&office);
    office
        .sop(
            "rizky",
            &["show", &id, "--graph", "svg", "--format", "json"],
        )
        .code(2)
        .stderr(predicates::str::contains("does not go with --format"));
    office
        .sop("rizky", &["show", &id, "--graph", "dot"])
        .code(2)
        .stderr(predicates::str::contains("mermaid"));
    office
        .sop("rizky", &["show", "EML-NOPE", "--graph", "svg"])
        .code(3);
}

/// `#rrggbb` as its three channels.
fn rgb(hex: &str) -> [u8; 3] {
    let v = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).unwrap();
    [v(1), v(3), v(5)]
}

#[test]
fn show_graph_svg_renders_the_trail_at_the_symbols() {
    let office = Office::example();
    let id = walked(&office);
    let svg = stdout(&office, "rizky", &["show", &id, "--graph", "svg"]);
    let tree = roxmltree::Document::parse(&svg).expect("well-formed XML");
    // The flow table alone: no identity page.
    assert!(!svg.contains("Nomor SOP"));
    assert!(svg.contains(&format!("Jalur {id}:")));
    let options = usvg::Options {
        fontdb: fontdb(),
        ..usvg::Options::default()
    };
    let rendered = usvg::Tree::from_str(&svg, &options).unwrap();
    let size = rendered.size();
    let scale = 2.0;
    let mut pixmap = tiny_skia::Pixmap::new(
        (size.width() * scale) as u32,
        (size.height() * scale) as u32,
    )
    .unwrap();
    resvg::render(
        &rendered,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    // The centre of each step's symbol, in the whole SVG (its page moved down).
    let centre = |step: &str| -> (f32, f32) {
        let n = tree
            .descendants()
            .find(|n| n.attribute("data-step") == Some(step))
            .unwrap_or_else(|| panic!("no symbol for {step}"));
        let page = n
            .ancestors()
            .find(|a| a.attribute("class") == Some("page"))
            .unwrap();
        let dy: f32 = page
            .attribute("transform")
            .unwrap()
            .trim_start_matches("translate(0,")
            .trim_end_matches(')')
            .parse()
            .unwrap();
        let f = |a: &str| n.attribute(a).unwrap().parse::<f32>().unwrap();
        match n.tag_name().name() {
            "rect" => (f("x") + f("width") / 2.0, f("y") + f("height") / 2.0 + dy),
            _ => {
                let pts: Vec<f32> = n
                    .attribute("points")
                    .unwrap()
                    .split([' ', ','])
                    .map(|v| v.parse().unwrap())
                    .collect();
                (pts[0], (pts[1] + pts[5]) / 2.0 + dy)
            }
        }
    };
    let colour = |step: &str| {
        let (x, y) = centre(step);
        let px = pixmap
            .pixel((x * scale).round() as u32, (y * scale).round() as u32)
            .unwrap();
        [px.red(), px.green(), px.blue()]
    };
    assert_eq!(
        colour("persetujuan"),
        rgb(HERE_FILL),
        "where the request is"
    );
    assert_eq!(colour("isi-form"), rgb(VISITED_FILL));
    assert_eq!(colour("terima-fpe"), rgb(VISITED_FILL));
    assert_eq!(colour("buat-akun"), [255, 255, 255], "not reached");
    // The arrows taken in the trail's colour, numbered.
    let trail_lines = tree
        .descendants()
        .filter(|n| n.attribute("class") == Some("flow trail"))
        .count();
    assert_eq!(trail_lines, 3);
    has(&svg, ">Tidak [3]</text>");
    assert!(svg.contains(">[1, 4]</text>"));
}

#[test]
fn snapshots_of_one_mermaid_and_one_dot() {
    let office = Office::example();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    let mut stale = Vec::new();
    let mermaid = stdout(&office, "rizky", &["procedure", "graph", "email"]);
    fresh(&dir.join("graph-email.mmd"), mermaid.as_bytes(), &mut stale);
    let dot = stdout(
        &office,
        "rizky",
        &[
            "procedure",
            "graph",
            "instalasi-piranti-lunak",
            "--format",
            "dot",
        ],
    );
    fresh(
        &dir.join("graph-instalasi-piranti-lunak.dot"),
        dot.as_bytes(),
        &mut stale,
    );
    assert!(stale.is_empty(), "{stale:?} were stale and have been regenerated: review the diff, run `cargo test` again and commit them");
}
