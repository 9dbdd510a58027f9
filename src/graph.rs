//! A procedure's flowchart with one swimlane per role, as Mermaid or Graphviz text.

use std::fmt::Write as _;

use crate::config::Config;
use crate::procedure::{Kind, Procedure, Step};

/// A swimlane: its role (none for steps without one) and its steps with their positions.
type Lane<'a> = (Option<&'a str>, Vec<(usize, &'a Step)>);

/// Steps grouped by the lane they are drawn in: the first role of each step, in the order the
/// flow first uses the role; steps without a role (automatic routes, implied ends) last.
fn lanes(p: &Procedure) -> Vec<Lane<'_>> {
    let mut lanes: Vec<Lane> = Vec::new();
    for (i, s) in p.steps.iter().enumerate() {
        let role = s.role.list().first().map(String::as_str);
        match lanes.iter_mut().find(|(r, _)| *r == role) {
            Some((_, steps)) => steps.push((i, s)),
            None => lanes.push((role, vec![(i, s)])),
        }
    }
    lanes.sort_by_key(|(role, _)| role.is_none());
    lanes
}

fn label(s: &Step) -> String {
    let text = match &s.number {
        Some(n) => format!("{n}. {}", s.activity),
        None => s.activity.clone(),
    };
    let text = if s.kind == Kind::End {
        format!("{text} [{}]", s.outcome())
    } else {
        text
    };
    let text = match &s.inferred {
        Some(why) => format!("{text} (ditafsirkan: {why})"),
        None => text,
    };
    let text = match &s.role_inferred {
        Some(_) => format!("{text} (pelaku ditafsirkan)"),
        None => text,
    };
    text.replace('"', "'")
}

/// One arrow: from and to (step positions), its label (none for a task's plain "done"), and
/// why the office inferred it when the document leaves it unsaid.
struct Edge {
    from: usize,
    to: usize,
    way: String,
    inferred: Option<String>,
}

fn edges(p: &Procedure) -> Vec<Edge> {
    let index = |id: &str| p.steps.iter().position(|s| s.id() == id);
    let mut out = Vec::new();
    for (from, s) in p.steps.iter().enumerate() {
        for (way, target) in p.exits(s) {
            if let Some(to) = index(target.get_ref()) {
                let inferred = s.inferred_exits.get(way).cloned();
                let way = match (way, &inferred) {
                    ("done", None) => String::new(),
                    (_, None) => way.to_string(),
                    (_, Some(why)) => format!("{way} (ditafsirkan: {why})").replace('"', "'"),
                };
                out.push(Edge {
                    from,
                    to,
                    way,
                    inferred,
                });
            }
        }
    }
    out
}

pub fn mermaid(p: &Procedure, config: &Config) -> String {
    let mut out = format!(
        "---\ntitle: {}\n---\nflowchart TD\n",
        p.name.replace('\n', " ")
    );
    for (lane, (role, steps)) in lanes(p).into_iter().enumerate() {
        let indent = if role.is_some() { "    " } else { "  " };
        if let Some(role) = role {
            let _ = writeln!(
                out,
                "  subgraph lane{lane}[\"{}\"]",
                p.role_label(config, role).replace('"', "'")
            );
        }
        for (i, s) in steps {
            let text = label(s);
            let shape = match s.kind {
                Kind::Task => format!("[\"{text}\"]"),
                Kind::Call => format!("[[\"{text}\"]]"),
                Kind::Approval | Kind::Decision => format!("{{\"{text}\"}}"),
                Kind::End | Kind::Start => format!("([\"{text}\"])"),
            };
            let _ = writeln!(out, "{indent}s{i}{shape}");
            if s.inferred.is_some() {
                let _ = writeln!(out, "{indent}style s{i} stroke-dasharray: 5 5");
            }
        }
        if role.is_some() {
            out += "  end\n";
        }
    }
    for Edge {
        from,
        to,
        way,
        inferred,
    } in edges(p)
    {
        let arrow = if inferred.is_some() { "-.->" } else { "-->" };
        if way.is_empty() {
            let _ = writeln!(out, "  s{from} {arrow} s{to}");
        } else {
            let _ = writeln!(out, "  s{from} {arrow}|{way}| s{to}");
        }
    }
    out
}

pub fn dot(p: &Procedure, config: &Config) -> String {
    let mut out = format!(
        "digraph \"{}\" {{\n  label=\"{}\";\n  rankdir=TB;\n  node [shape=box, style=rounded];\n",
        p.id(),
        p.name.replace('"', "'")
    );
    for (lane, (role, steps)) in lanes(p).into_iter().enumerate() {
        if let Some(role) = role {
            let _ = writeln!(
                out,
                "  subgraph cluster_{lane} {{\n    label=\"{}\";",
                p.role_label(config, role).replace('"', "'")
            );
        }
        for (i, s) in steps {
            let shape = match s.kind {
                Kind::Task => "box",
                Kind::Call => "box3d",
                Kind::Approval | Kind::Decision => "diamond",
                Kind::End | Kind::Start => "oval",
            };
            let dashed = if s.inferred.is_some() {
                ", style=\"rounded,dashed\""
            } else {
                ""
            };
            let _ = writeln!(
                out,
                "    s{i} [label=\"{}\", shape={shape}{dashed}];",
                label(s)
            );
        }
        if role.is_some() {
            out += "  }\n";
        }
    }
    for e in edges(p) {
        let style = if e.inferred.is_some() {
            ", style=dashed"
        } else {
            ""
        };
        match (e.way.is_empty(), style.is_empty()) {
            (true, true) => writeln!(out, "  s{} -> s{};", e.from, e.to),
            (true, false) => writeln!(out, "  s{} -> s{} [style=dashed];", e.from, e.to),
            _ => writeln!(
                out,
                "  s{} -> s{} [label=\"{}\"{style}];",
                e.from, e.to, e.way
            ),
        }
        .expect("writing to a String");
    }
    out += "}\n";
    out
}
