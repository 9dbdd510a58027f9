//! A procedure's flowchart with one swimlane per role, as Mermaid or Graphviz text; with a
//! request's trail highlighted for `sop show --graph mermaid`.
//!
//! Both are drawn from one `Flow`: the lanes and the steps in them, each step's label
//! wrapped to `WRAP` characters, the exits labelled as the office writes them (*Ya* /
//! *Tidak*, the option), the rows of several actors. A step any of several roles may do has
//! a lane of its own, shared by those roles ("Staf TI atau Helpdesk"); a step no one acts at
//! (the start, a decision sop takes, an end without a role) stands in the lane of its
//! neighbour (`Procedure::placed_by_neighbours`), as in the SOP document.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::config::Config;
use crate::document::svg::esc;
use crate::procedure::{status_label, Kind, Procedure, Roles, Step};
use crate::request::{Action, Request};

/// The longest line of a label, in characters: labels are wrapped at spaces to it (a longer
/// word is cut).
pub const WRAP: usize = 30;

/// What a drawing shows beyond the procedure itself.
#[derive(Debug, Default)]
pub struct Extras {
    /// The names of the procedures the call steps start, by id (one not found is named by
    /// its id alone).
    pub called: BTreeMap<String, String>,
    /// A request's way through the flow, to highlight.
    pub trail: Option<Trail>,
}

impl Extras {
    /// The names of the procedures `p`'s call steps start, each as `name` finds it.
    pub fn called(
        p: &Procedure,
        name: impl Fn(&str) -> Option<String>,
    ) -> BTreeMap<String, String> {
        p.steps
            .iter()
            .filter_map(|s| s.call.as_ref())
            .filter_map(|id| Some((id.get_ref().clone(), name(id.get_ref())?)))
            .collect()
    }

    /// How the document and the flowcharts name the procedure a call step starts:
    /// `Permintaan Email (email)`, or its id.
    pub fn called_name(&self, id: &str) -> String {
        match self.called.get(id) {
            Some(name) => format!("{name} ({id})"),
            None => id.to_string(),
        }
    }

    /// The label of exit `way` out of `step` as a drawing writes it: with the moves of the
    /// trail that took the exit, in order (`Tidak [3]`, `[1, 4]`); and those moves, none
    /// without a trail.
    pub fn taken(&self, step: &str, way: &str, label: &str) -> (String, Vec<usize>) {
        let taken = self
            .trail
            .as_ref()
            .map(|t| t.order(step, way))
            .unwrap_or_default();
        if taken.is_empty() {
            return (label.to_string(), taken);
        }
        let order: Vec<String> = taken.iter().map(usize::to_string).collect();
        let label = format!("{label} [{}]", order.join(", "));
        (label.trim().to_string(), taken)
    }
}

/// Wraps `text` at spaces into lines of at most `width` characters; a word longer than that
/// is cut. Line breaks in the text are kept.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    for para in text.lines() {
        let mut line = String::new();
        for word in para.split_whitespace() {
            let mut word: Vec<char> = word.chars().collect();
            loop {
                let len = line.chars().count();
                let room = if len == 0 {
                    width
                } else {
                    width.saturating_sub(len + 1)
                };
                if word.len() <= room {
                    if len > 0 {
                        line.push(' ');
                    }
                    line.extend(word.iter());
                    break;
                }
                if len > 0 {
                    lines.push(std::mem::take(&mut line));
                    continue;
                }
                // A word longer than a line: cut it.
                lines.push(word[..width].iter().collect());
                word.drain(..width);
            }
        }
        if !line.is_empty() || lines.is_empty() {
            lines.push(line);
        }
    }
    lines
}

/// The roles a step's lane stands for, and by which field they are chosen (a role table).
#[derive(Debug, Clone, PartialEq, Eq)]
struct LaneKey {
    roles: Vec<String>,
    field: Option<String>,
}

fn lane_key(s: &Step) -> Option<LaneKey> {
    let mut roles: Vec<String> = s.role.list().to_vec();
    if roles.is_empty() {
        return None;
    }
    roles.sort();
    roles.dedup();
    let field = match &s.role {
        Roles::ByField(t) if roles.len() > 1 => Some(t.field.clone()),
        _ => None,
    };
    Some(LaneKey { roles, field })
}

/// A lane: its label and the positions of its steps.
struct Lane {
    label: String,
    steps: Vec<usize>,
}

/// One arrow: from and to (step positions), its exit, its label lines, whether the office
/// inferred it, and the moves of the trail that took it.
struct Edge {
    from: usize,
    to: usize,
    lines: Vec<String>,
    dashed: bool,
    taken: Vec<usize>,
}

/// What both writers draw.
struct Flow {
    title: String,
    lanes: Vec<Lane>,
    /// Steps in no lane (a flow without roles).
    loose: Vec<usize>,
    labels: Vec<Vec<String>>,
    edges: Vec<Edge>,
    /// Rows of several steps: the row number and its steps.
    rows: Vec<(String, Vec<usize>)>,
}

fn flow(p: &Procedure, config: &Config, extras: &Extras) -> Flow {
    // Lanes: one per role, or per set of roles any of which may act, in the order the flow
    // first uses them; a step no one acts at in its neighbour's.
    let mut keys: Vec<LaneKey> = Vec::new();
    let own: Vec<Option<usize>> = p
        .steps
        .iter()
        .map(|s| {
            let key = lane_key(s)?;
            Some(match keys.iter().position(|k| *k == key) {
                Some(at) => at,
                None => {
                    keys.push(key);
                    keys.len() - 1
                }
            })
        })
        .collect();
    // In the order the flow first uses a role of the lane: the order of `keys`.
    let at = p.placed_by_neighbours(own);
    let mut lanes: Vec<Lane> = keys
        .iter()
        .map(|k| {
            // Labels in the order the step names its roles.
            let first = p
                .steps
                .iter()
                .find(|s| lane_key(s).as_ref() == Some(k))
                .map(|s| s.role.list().to_vec())
                .unwrap_or_default();
            let mut names: Vec<&str> = Vec::new();
            for r in &first {
                let label = p.role_label(config, r);
                if !names.contains(&label) {
                    names.push(label);
                }
            }
            let mut label = names.join(" atau ");
            if let Some(field) = &k.field {
                label = format!("{label} (menurut {field})");
            }
            Lane {
                label,
                steps: Vec::new(),
            }
        })
        .collect();
    let mut loose = Vec::new();
    for (i, lane) in at.iter().enumerate() {
        match lane {
            Some(l) => lanes[*l].steps.push(i),
            None => loose.push(i),
        }
    }
    let rows: Vec<Vec<usize>> = p.rows();
    let first_in_row = |i: usize| rows.iter().all(|r| !r.contains(&i) || r[0] == i);
    let labels = p
        .steps
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let mut lines = wrap(&label(s, first_in_row(i), extras), WRAP);
            if let Some(t) = extras.trail.as_ref().filter(|t| t.is_here(s.id())) {
                lines.push(format!("● {}", t.state));
            }
            lines
        })
        .collect();
    let index = |id: &str| p.steps.iter().position(|s| s.id() == id);
    let mut edges = Vec::new();
    for (from, s) in p.steps.iter().enumerate() {
        for (way, target) in p.exits(s) {
            let Some(to) = index(target.get_ref()) else {
                continue;
            };
            let inferred = s.inferred_exits.get(way);
            let mut text = s.exit_label(way);
            if let Some(why) = inferred {
                text = format!("{text} (ditafsirkan: {why})");
            }
            let (text, taken) = extras.taken(s.id(), way, &text);
            let text = text.trim();
            edges.push(Edge {
                from,
                to,
                lines: if text.is_empty() {
                    Vec::new()
                } else {
                    wrap(text, WRAP)
                },
                dashed: inferred.is_some() || p.steps[to].inferred.is_some(),
                taken,
            });
        }
    }
    let rows = rows
        .into_iter()
        .filter(|r| r.len() > 1)
        .map(|r| {
            let n = p.steps[r[0]]
                .number
                .as_ref()
                .map(|n| n.to_string())
                .unwrap_or_default();
            (n, r)
        })
        .collect();
    let title = match &extras.trail {
        Some(t) => format!("{}: {}", t.request, p.name),
        None => p.name.clone(),
    };
    Flow {
        title: title.replace(['\n', '\r'], " "),
        lanes,
        loose,
        labels,
        edges,
        rows,
    }
}

/// A step's label, unwrapped: the row number (on the first step of a row only), the
/// activity, what an end ends as, the procedure a call starts, and what the office inferred.
fn label(s: &Step, numbered: bool, extras: &Extras) -> String {
    let mut text = match (&s.number, numbered) {
        (Some(n), true) => format!("{n}. {}", s.activity),
        _ => s.activity.clone(),
    };
    let outcome = status_label(s.outcome());
    if s.kind == Kind::End && outcome != s.activity.to_lowercase() {
        text = format!("{text} [{outcome}]");
    }
    if let Some(called) = &s.call {
        text = format!(
            "{text} (sub-prosedur: {})",
            extras.called_name(called.get_ref())
        );
    }
    if let Some(why) = &s.inferred {
        text = format!("{text} (ditafsirkan: {why})");
    }
    if s.role_inferred.is_some() {
        text = format!("{text} (pelaku ditafsirkan)");
    }
    text
}

/// Text inside a quoted Mermaid label: quotes, angle brackets, `&` and `#` as Mermaid's entity
/// codes, so no text can end the label or be read as markup.
fn mermaid_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '#' => out.push_str("#35;"),
            '"' => out.push_str("#quot;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '&' => out.push_str("#amp;"),
            c => out.push(c),
        }
    }
    out
}

fn mermaid_label(lines: &[String]) -> String {
    let lines: Vec<String> = lines.iter().map(|l| mermaid_text(l)).collect();
    lines.join("<br/>")
}

/// The classes of a highlighted trail: the steps visited, and where the request is.
pub const VISITED_CLASS: &str = "dilalui";
pub const HERE_CLASS: &str = "sekarang";
/// The colours of the trail, in Mermaid and in the SOP document's SVG.
pub const VISITED_FILL: &str = "#d3f9d8";
pub const TRAIL_STROKE: &str = "#2b8a3e";
pub const HERE_FILL: &str = "#ffc078";
pub const HERE_STROKE: &str = "#d9480f";

pub fn mermaid(p: &Procedure, config: &Config, extras: &Extras) -> String {
    let f = flow(p, config, extras);
    let mut out = format!(
        "---\ntitle: \"{}\"\n---\nflowchart TD\n",
        f.title.replace('\\', "\\\\").replace('"', "\\\"")
    );
    let node = |out: &mut String, indent: &str, i: usize| {
        let s = &p.steps[i];
        let text = mermaid_label(&f.labels[i]);
        let shape = match s.kind {
            Kind::Task => format!("[\"{text}\"]"),
            Kind::Call => format!("[[\"{text}\"]]"),
            Kind::Approval | Kind::Decision => format!("{{\"{text}\"}}"),
            Kind::End | Kind::Start => format!("([\"{text}\"])"),
        };
        let _ = writeln!(out, "{indent}s{i}{shape}");
    };
    for (n, lane) in f.lanes.iter().enumerate() {
        let _ = writeln!(
            out,
            "  subgraph lane{n}[\"{}\"]",
            mermaid_label(&wrap(&lane.label, WRAP))
        );
        for &i in &lane.steps {
            node(&mut out, "    ", i);
        }
        out += "  end\n";
    }
    for &i in &f.loose {
        node(&mut out, "  ", i);
    }
    // Mermaid keeps a node in one subgraph, its lane: a row of several actors is told by its
    // number, written once, and named here.
    for (n, steps) in &f.rows {
        let ids: Vec<String> = steps.iter().map(|i| format!("s{i}")).collect();
        let _ = writeln!(out, "  %% baris {n}: {}", ids.join(", "));
    }
    for e in &f.edges {
        let arrow = if e.dashed { "-.->" } else { "-->" };
        if e.lines.is_empty() {
            let _ = writeln!(out, "  s{} {arrow} s{}", e.from, e.to);
        } else {
            let _ = writeln!(
                out,
                "  s{} {arrow}|\"{}\"| s{}",
                e.from,
                mermaid_label(&e.lines),
                e.to
            );
        }
    }
    let inferred: Vec<String> = p
        .steps
        .iter()
        .enumerate()
        .filter(|(_, s)| s.inferred.is_some())
        .map(|(i, _)| format!("s{i}"))
        .collect();
    if !inferred.is_empty() {
        out += "  classDef ditafsirkan stroke-dasharray:5 5\n";
        let _ = writeln!(out, "  class {} ditafsirkan", inferred.join(","));
    }
    if let Some(t) = &extras.trail {
        let _ = writeln!(
            out,
            "  classDef {VISITED_CLASS} fill:{VISITED_FILL},stroke:{TRAIL_STROKE},stroke-width:2px"
        );
        let _ = writeln!(
            out,
            "  classDef {HERE_CLASS} fill:{HERE_FILL},stroke:{HERE_STROKE},stroke-width:4px"
        );
        let ids = |pick: &dyn Fn(&Step) -> bool| -> Vec<String> {
            p.steps
                .iter()
                .enumerate()
                .filter(|(_, s)| pick(s))
                .map(|(i, _)| format!("s{i}"))
                .collect()
        };
        let visited = ids(&|s| t.visited(s.id()) && !t.is_here(s.id()));
        if !visited.is_empty() {
            let _ = writeln!(out, "  class {} {VISITED_CLASS}", visited.join(","));
        }
        let here = ids(&|s| t.is_here(s.id()));
        if !here.is_empty() {
            let _ = writeln!(out, "  class {} {HERE_CLASS}", here.join(","));
        }
        let taken: Vec<String> = f
            .edges
            .iter()
            .enumerate()
            .filter(|(_, e)| !e.taken.is_empty())
            .map(|(n, _)| n.to_string())
            .collect();
        if !taken.is_empty() {
            let _ = writeln!(
                out,
                "  linkStyle {} stroke:{TRAIL_STROKE},stroke-width:3px",
                taken.join(",")
            );
        }
    }
    out
}

/// Text inside a quoted Graphviz string: backslashes and quotes escaped, lines joined by
/// `\n` (centred lines).
fn dot_label(lines: &[String]) -> String {
    let lines: Vec<String> = lines
        .iter()
        .map(|l| l.replace('\\', "\\\\").replace('"', "\\\""))
        .collect();
    lines.join("\\n")
}

/// Text inside a Graphviz HTML-like label.
fn dot_html(lines: &[String]) -> String {
    let lines: Vec<String> = lines.iter().map(|l| esc(l)).collect();
    lines.join("<BR/>")
}

const FONT: &str = "Liberation Sans,Arial,Helvetica,sans-serif";

pub fn dot(p: &Procedure, config: &Config, extras: &Extras) -> String {
    let f = flow(p, config, extras);
    let mut out = format!(
        "digraph \"{}\" {{\n  graph [label=\"{}\", labelloc=t, fontname=\"{FONT}\", rankdir=TB, newrank=true, nodesep=0.3, ranksep=0.4];\n  node [shape=box, fontname=\"{FONT}\", fontsize=10];\n  edge [fontname=\"{FONT}\", fontsize=9];\n",
        p.id().replace('"', "\\\""),
        dot_label(&wrap(&f.title, WRAP * 2))
    );
    let node = |out: &mut String, indent: &str, i: usize| {
        let s = &p.steps[i];
        let dashed = s.inferred.is_some();
        let attrs = match s.kind {
            Kind::Task => format!(
                "label=\"{}\"{}",
                dot_label(&f.labels[i]),
                if dashed { ", style=dashed" } else { "" }
            ),
            // The flowchart's predefined process: a box with double sides.
            Kind::Call => format!(
                "shape=none, margin=0, label=<<TABLE BORDER=\"0\" CELLBORDER=\"1\" CELLSPACING=\"0\" CELLPADDING=\"4\"{}><TR><TD WIDTH=\"6\"></TD><TD>{}</TD><TD WIDTH=\"6\"></TD></TR></TABLE>>",
                if dashed { " STYLE=\"dashed\"" } else { "" },
                dot_html(&f.labels[i])
            ),
            Kind::Approval | Kind::Decision => format!(
                "shape=diamond, label=\"{}\"{}",
                dot_label(&f.labels[i]),
                if dashed { ", style=dashed" } else { "" }
            ),
            // Graphviz has no stadium: the rounded box is its nearest.
            Kind::End | Kind::Start => format!(
                "style=\"rounded{}\", label=\"{}\"",
                if dashed { ",dashed" } else { "" },
                dot_label(&f.labels[i])
            ),
        };
        let _ = writeln!(out, "{indent}s{i} [{attrs}];");
    };
    for (n, lane) in f.lanes.iter().enumerate() {
        let _ = writeln!(
            out,
            "  subgraph cluster_lane{n} {{\n    label=\"{}\";\n    lane{n} [shape=point, style=invis, width=0, height=0, label=\"\"];",
            dot_label(&wrap(&lane.label, WRAP))
        );
        for &i in &lane.steps {
            node(&mut out, "    ", i);
        }
        let _ = writeln!(
            out,
            "    lane{n}_end [shape=point, style=invis, width=0, height=0, label=\"\"];\n  }}"
        );
    }
    for &i in &f.loose {
        node(&mut out, "  ", i);
    }
    // The lanes left to right in the order the flow first uses them, and as tall as the
    // flow: in each an invisible head and foot, the heads on one rank and the feet on
    // another, each chained left to right, every step above its lane's foot.
    if !f.lanes.is_empty() {
        let heads: Vec<String> = (0..f.lanes.len()).map(|n| format!("lane{n}")).collect();
        let feet: Vec<String> = heads.iter().map(|h| format!("{h}_end")).collect();
        for ends in [&heads, &feet] {
            let _ = writeln!(out, "  {{ rank=same; {}; }}", ends.join("; "));
            if ends.len() > 1 {
                let _ = writeln!(out, "  {} [style=invis];", ends.join(" -> "));
            }
        }
        for (n, lane) in f.lanes.iter().enumerate() {
            for &i in &lane.steps {
                let _ = writeln!(out, "  s{i} -> lane{n}_end [style=invis, weight=0];");
            }
        }
    }
    // A row of several actors: side by side, its number written once (on its first step).
    for (n, steps) in &f.rows {
        let ids: Vec<String> = steps.iter().map(|i| format!("s{i}")).collect();
        let _ = writeln!(out, "  {{ rank=same; {}; }}  // baris {n}", ids.join("; "));
    }
    for e in &f.edges {
        let mut attrs = Vec::new();
        if !e.lines.is_empty() {
            attrs.push(format!("label=\"{}\"", dot_label(&e.lines)));
        }
        if e.dashed {
            attrs.push("style=dashed".to_string());
        }
        if attrs.is_empty() {
            let _ = writeln!(out, "  s{} -> s{};", e.from, e.to);
        } else {
            let _ = writeln!(out, "  s{} -> s{} [{}];", e.from, e.to, attrs.join(", "));
        }
    }
    out += "}\n";
    out
}

/// A request's way through its procedure's flow, for the drawings of `sop show --graph`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Trail {
    /// The request's id.
    pub request: String,
    /// Each way out of a step the request took, in order, as (step, exit, step): the exits of
    /// the automatic steps it passed through (the start, a decision sop takes) included.
    pub moves: Vec<(String, String, String)>,
    /// Every step it has been at or passed through, in the order first reached.
    pub visited: Vec<String>,
    /// Where it is (open or held) or came to rest (the end reached, the step it was
    /// cancelled at).
    pub here: Option<String>,
    /// How it stands there, as the office says it: `sekarang` while open, `ditahan`, or its
    /// status once finished (`selesai`, `ditolak`, `dibatalkan`, an office's own outcome).
    pub state: String,
}

impl Trail {
    /// The moves (1 for the first) that took `exit` out of `step`.
    pub fn order(&self, step: &str, exit: &str) -> Vec<usize> {
        self.moves
            .iter()
            .enumerate()
            .filter(|(_, (s, w, _))| s == step && w == exit)
            .map(|(i, _)| i + 1)
            .collect()
    }

    pub fn visited(&self, step: &str) -> bool {
        self.visited.iter().any(|s| s == step)
    }

    pub fn is_here(&self, step: &str) -> bool {
        self.here.as_deref() == Some(step)
    }
}

/// The request's trail through `p` (the procedure as it is: a step or exit it no longer has
/// is left out). Each moving change of the history is one exit taken, followed through the
/// automatic steps to where the change left the request; a resume that reopens an end jumps
/// back without an exit.
pub fn trail(req: &Request, p: &Procedure) -> Trail {
    let mut t = Trail {
        request: req.id.clone(),
        ..Trail::default()
    };
    let visit = |t: &mut Trail, step: &str| {
        if p.step(step).is_some() && !t.visited(step) {
            t.visited.push(step.to_string());
        }
    };
    for e in req.history.iter().filter(|e| e.moves()) {
        visit(&mut t, &e.step);
        let Some(to) = &e.to else { continue };
        if e.action == Action::Resume || (e.action == Action::Create && e.step == *to) {
            visit(&mut t, to);
            continue;
        }
        let way = match (e.action, &e.option) {
            (Action::Approve, _) => Some("approve"),
            (Action::Reject, _) => Some("reject"),
            (Action::Create, _) => None,
            (_, Some(option)) => Some(option.as_str()),
            (_, None) => Some("done"),
        };
        match route(p, &e.step, way, to) {
            Some(hops) => {
                for (from, way, next) in hops {
                    visit(&mut t, &next);
                    t.moves.push((from, way, next));
                }
            }
            None => visit(&mut t, to),
        }
    }
    t.here = match (&req.step, req.status.as_str()) {
        (Some(step), _) => Some(step.clone()),
        (None, crate::request::CANCELLED) => req.last_move().map(|e| e.step.clone()),
        (None, _) => req.last_move().and_then(|e| e.to.clone()),
    };
    t.state = match req.status.as_str() {
        crate::request::OPEN => "sekarang".into(),
        status => crate::procedure::status_label(status),
    };
    t
}

/// The exits from `from` (by `way`, or any when none is given) through automatic steps to
/// `to`, as (step, exit, step) hops; none when the flow has no such way.
fn route(
    p: &Procedure,
    from: &str,
    way: Option<&str>,
    to: &str,
) -> Option<Vec<(String, String, String)>> {
    fn walk(
        p: &Procedure,
        at: &str,
        way: Option<&str>,
        to: &str,
        depth: usize,
        hops: &mut Vec<(String, String, String)>,
    ) -> bool {
        let Some(step) = p.step(at) else { return false };
        if depth > p.steps.len() {
            return false;
        }
        for (w, target) in p.exits(step) {
            if way.is_some_and(|want| want != w) {
                continue;
            }
            hops.push((at.to_string(), w.to_string(), target.get_ref().clone()));
            let next = p.step(target.get_ref());
            if target.get_ref() == to
                || next
                    .is_some_and(|n| n.is_automatic() && walk(p, n.id(), None, to, depth + 1, hops))
            {
                return true;
            }
            hops.pop();
        }
        false
    }
    let mut hops = Vec::new();
    walk(p, from, way, to, 0, &mut hops).then_some(hops)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_keeps_lines_within_the_width() {
        assert_eq!(wrap("satu dua tiga", 8), ["satu dua", "tiga"]);
        assert!(wrap("", 8).is_empty());
        assert_eq!(wrap("abcdefghijkl x", 5), ["abcde", "fghij", "kl x"]);
        assert_eq!(wrap("a\nb", 5), ["a", "b"]);
        for line in wrap(&"kata panjang sekali ".repeat(20), 12) {
            assert!(line.chars().count() <= 12, "{line}");
        }
    }
}
