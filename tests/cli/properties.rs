//! Properties of random walks through every shipped procedure, driven through the real binary:
//! whatever legal path the requests take, `sop verify` finds the history clean; and any one
//! change made by hand to a committed record afterwards is found, naming its commit.
//!
//! The walk reads the current step from `sop show`, the flow and its fields from
//! `sop procedure show`, who holds which role from people.toml and whether a procedure needs an
//! asset from its file. A failure prints the seed and every command of the walk;
//! `SOP_WALK_SEED=<seed> cargo test --test cli properties` walks that seed again.

use proptest::prelude::{any, ProptestConfig};
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::{RngAlgorithm, TestRng, TestRunner};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde_json::Value;

use crate::support::Office;

/// Random offices per property; each walks every shipped procedure.
const CASES: u32 = 6;
/// Moves one request makes at most (a loop may go on for ever).
const MOVES_PER_REQUEST: usize = 10;

/// The role that keeps the asset register (besides the administrator).
const KEEPER: &str = "pengelola-aset";

const WORDS: &[&str] = &["Server", "Laptop Dinas", "Rapat", "Arsip", "Jaringan"];
const REASONS: &[&str] = &["kurang lengkap", "tidak jadi", "anggaran belum ada"];

#[test]
fn random_walks_verify_clean() {
    for_seeds(|seed| {
        let walk = Walk::run(seed);
        walk.assert_verify_clean();
    });
}

#[test]
fn one_hand_made_change_after_random_walks_is_found() {
    for_seeds(|seed| {
        let mut walk = Walk::run(seed);
        walk.assert_verify_clean();
        let clean = walk.office.head();
        for mutation in MUTATIONS {
            let (commit, what) = walk.mutate(mutation);
            walk.assert_verify_names(&commit, &what);
            walk.office.git(&["reset", "-q", "--hard", &clean]);
        }
    });
}

/// Runs `property` for `CASES` random seeds, or for `$SOP_WALK_SEED` alone.
fn for_seeds(property: impl Fn(u64)) {
    if let Ok(seed) = std::env::var("SOP_WALK_SEED") {
        property(seed.parse().expect("SOP_WALK_SEED is a number"));
        return;
    }
    let config = ProptestConfig {
        cases: CASES,
        max_shrink_iters: 0, // another seed is another walk, not a smaller one
        failure_persistence: None,
        ..ProptestConfig::default()
    };
    let result = TestRunner::new(config).run(&any::<u64>(), |seed| {
        property(seed);
        Ok(())
    });
    if let Err(e) = result {
        panic!(
            "{e}\nwalk it again with SOP_WALK_SEED=<seed above> cargo test --test cli properties"
        );
    }
}

/// A person of people.toml.
struct Person {
    id: String,
    name: String,
    email: String,
    roles: Vec<String>,
}

/// A request the walk made.
struct Request {
    id: String,
    requester: String,
    /// `sop procedure show ID --format json`.
    flow: Value,
    moves: usize,
    open: bool,
}

/// One example office, its people, the requests walked, and every command run, for the story
/// told on failure.
struct Walk {
    office: Office,
    seed: u64,
    rng: StdRng,
    people: Vec<Person>,
    requester_role: String,
    admin_role: String,
    requests: Vec<Request>,
    log: Vec<String>,
}

impl Walk {
    /// A request for every shipped procedure that is not a draft, then random legal moves on
    /// random open requests until each has finished or made its moves.
    fn run(seed: u64) -> Walk {
        let office = Office::example();
        let people = read_people(&office);
        let policy = toml_file(&office, "sop.toml");
        let policy_value = |key: &str, default: &str| {
            policy
                .get("policy")
                .and_then(|p| p.get(key))
                .and_then(|v| v.as_str())
                .unwrap_or(default)
                .to_string()
        };
        let mut walk = Walk {
            requester_role: policy_value("requester_role", "pemohon"),
            admin_role: policy_value("admin_role", "admin"),
            office,
            seed,
            rng: StdRng::seed_from_u64(seed),
            people,
            requests: Vec::new(),
            log: Vec::new(),
        };
        let catalogue = walk.run_sop("rizky", &["procedure", "list"]);
        for procedure in catalogue.as_array().unwrap() {
            if procedure["draft"] != true {
                walk.start(procedure["id"].as_str().unwrap());
            }
        }
        assert!(walk.requests.len() >= 9, "{}", walk.story());
        loop {
            let open: Vec<usize> = (0..walk.requests.len())
                .filter(|&i| walk.requests[i].open)
                .collect();
            if open.is_empty() {
                break;
            }
            let i = open[walk.rng.random_range(0..open.len())];
            walk.make_move(i);
        }
        walk
    }

    /// `sop --as WHO ARGS… --format json`, which must succeed; logged.
    fn run_sop(&mut self, who: &str, args: &[&str]) -> Value {
        let mut all = args.to_vec();
        all.extend(["--format", "json"]);
        self.log.push(format!("sop --as {who} {}", quoted(args)));
        let run = self.office.sop(who, &all);
        let out = run.get_output();
        if !out.status.success() {
            panic!(
                "{}\nfailed ({}): {}",
                self.story(),
                out.status,
                String::from_utf8_lossy(&out.stderr)
            );
        }
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
            panic!(
                "{}\n{e}: {}",
                self.story(),
                String::from_utf8_lossy(&out.stdout)
            )
        })
    }

    /// The seed and every command so far.
    fn story(&self) -> String {
        format!(
            "seed {} (SOP_WALK_SEED={}); the walk:\n  {}",
            self.seed,
            self.seed,
            self.log.join("\n  ")
        )
    }

    /// `sop new PROCEDURE` by a random person, with random values for its fields, and an asset
    /// registered first when the procedure's file says it needs one.
    fn start(&mut self, procedure: &str) {
        let flow = self.run_sop("rizky", &["procedure", "show", procedure]);
        let requester = self.pick_person(|_| true);
        let mut args: Vec<String> = vec!["new".into(), procedure.into()];
        for field in flow["fields"].as_array().unwrap() {
            self.maybe_give(field, &mut args);
        }
        let file = toml_file(&self.office, &format!("procedures/{procedure}.toml"));
        if let Some(asset) = file
            .get("asset")
            .filter(|a| a.get("required").and_then(|r| r.as_bool()) == Some(true))
        {
            let allowed: Vec<String> = match asset.get("allowed").and_then(|a| a.as_array()) {
                Some(list) => list
                    .iter()
                    .map(|s| s.as_str().unwrap().to_string())
                    .collect(),
                None => vec!["in-use".into(), "in-stock".into()],
            };
            let id = self.register_asset(&allowed);
            args.extend(["--asset".into(), id]);
        }
        let made = self.run_sop(&requester, &strs(&args));
        self.requests.push(Request {
            id: made["id"].as_str().unwrap().to_string(),
            requester,
            flow,
            moves: 0,
            open: true,
        });
    }

    /// `sop asset add` by a keeper of the register; returns the asset's id.
    fn register_asset(&mut self, allowed: &[String]) -> String {
        let admin = self.admin_role.clone();
        let keeper = self.pick_person(|p| p.roles.iter().any(|r| r == KEEPER || *r == admin));
        let kind = ["hardware", "software", "data"][self.rng.random_range(0..3)];
        let status = allowed[self.rng.random_range(0..allowed.len())].clone();
        let name = self.text();
        let serial = format!("SN-{}", self.rng.random_range(1..10_000));
        let asset = self.run_sop(
            &keeper,
            &[
                "asset", "add", "--kind", kind, "--name", &name, "--serial", &serial, "--status",
                &status,
            ],
        );
        asset["id"].as_str().unwrap().to_string()
    }

    /// One legal move on request `i`: now and then its requester cancels it; else the current
    /// step is advanced, decided or approved/rejected by someone holding its role.
    fn make_move(&mut self, i: usize) {
        let (id, requester) = (
            self.requests[i].id.clone(),
            self.requests[i].requester.clone(),
        );
        let shown = self.run_sop(&requester, &["show", &id]);
        let step_id = shown["step"]["id"].as_str().unwrap_or_else(|| {
            panic!(
                "{}\n{id} is finished but still open: {shown:#}",
                self.story()
            )
        });
        let step = self.requests[i].flow["steps"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["id"] == step_id)
            .unwrap_or_else(|| panic!("{}\nno step {step_id}", self.story()))
            .clone();
        let kind = step["kind"].as_str().unwrap();
        let roles: Vec<String> = step["role"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r.as_str().unwrap().to_string())
            .collect();
        let deciding = kind == "approval";
        let actors = self.holders(&roles, &requester, deciding);
        let assignee = self.leave_in_place(&id, &requester, &roles, &actors);
        let (who, args) = if self.rng.random_ratio(1, 15) || actors.is_empty() {
            let reason = self.pick(REASONS);
            (
                requester,
                vec!["cancel".into(), id.clone(), "--reason".into(), reason],
            )
        } else {
            let who = match assignee {
                Some(who) => who,
                None => actors[self.rng.random_range(0..actors.len())].clone(),
            };
            (who, self.action(&id, kind, &step))
        };
        let after = self.run_sop(&who, &strs(&args));
        let request = &mut self.requests[i];
        request.moves += 1;
        request.open = after["status"] == "open" && request.moves < MOVES_PER_REQUEST;
    }

    /// Now and then, changes that leave request `id` at its step: a comment by its requester;
    /// at a staff step, a hold and its resume, and an assignment to one of `actors`, who is
    /// then the one to act (returned).
    fn leave_in_place(
        &mut self,
        id: &str,
        requester: &str,
        roles: &[String],
        actors: &[String],
    ) -> Option<String> {
        if self.rng.random_ratio(1, 6) {
            let text = self.text();
            self.run_sop(requester, &["comment", id, &text]);
        }
        if actors.is_empty() || roles.contains(&self.requester_role) {
            return None;
        }
        if self.rng.random_ratio(1, 8) {
            let (who, reason) = (self.pick(actors), self.pick(REASONS));
            self.run_sop(&who, &["hold", id, "--reason", &reason]);
            self.run_sop(&who, &["resume", id]);
        }
        if !self.rng.random_ratio(1, 5) {
            return None;
        }
        let (by, to) = (self.pick(actors), self.pick(actors));
        self.run_sop(&by, &["assign", id, &to]);
        Some(to)
    }

    /// The arguments of a random legal action on a step of kind `kind`.
    fn action(&mut self, id: &str, kind: &str, step: &Value) -> Vec<String> {
        let mut args: Vec<String> = Vec::new();
        match kind {
            "approval" if self.rng.random_bool(0.3) => {
                let reason = self.pick(REASONS);
                args.extend(["reject".into(), id.into(), "--reason".into(), reason]);
                return args;
            }
            "approval" => args.extend(["approve".into(), id.into()]),
            "task" | "decision" => args.extend(["advance".into(), id.into()]),
            other => panic!(
                "{}\na request waits at a step of kind {other}",
                self.story()
            ),
        }
        if kind == "decision" {
            let options: Vec<String> = step["next"].as_object().unwrap().keys().cloned().collect();
            let option = options[self.rng.random_range(0..options.len())].clone();
            args.extend(["--choose".into(), option]);
        }
        if kind != "approval" {
            for field in step["fields"].as_array().unwrap() {
                self.maybe_give(field, &mut args);
            }
            if self.rng.random_bool(0.2) {
                let output = self.text();
                args.extend(["--output".into(), output]);
            }
        }
        if self.rng.random_bool(0.2) {
            let note = self.text();
            args.extend(["--note".into(), note]);
        }
        args
    }

    /// Adds `--field NAME=VALUE` for a required field, and for an optional one half the time.
    fn maybe_give(&mut self, field: &Value, args: &mut Vec<String>) {
        if field["required"] == true || self.rng.random_bool(0.5) {
            let value = self.value(field);
            args.extend([
                "--field".into(),
                format!("{}={value}", field["name"].as_str().unwrap()),
            ]);
        }
    }

    /// A valid random value for a field: by its type, and matching its pattern if it has one.
    fn value(&mut self, field: &Value) -> String {
        let value = match field["type"].as_str().unwrap() {
            "integer" => self.rng.random_range(1..=3).to_string(),
            "number" => format!("{}.5", self.rng.random_range(0..100)),
            "date" => format!("2026-12-{:02}", self.rng.random_range(1..=28)),
            "email" => format!("pegawai{}@kota.go.id", self.rng.random_range(1..100)),
            "bool" => self.rng.random_bool(0.5).to_string(),
            "person" => self.pick_person(|_| true),
            "choice" => {
                let choices: Vec<String> = field["choices"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|c| c.as_str().unwrap().to_string())
                    .collect();
                self.pick(&choices)
            }
            _ => self.text(),
        };
        let Some(pattern) = field["pattern"].as_str() else {
            return value;
        };
        let re = regex::Regex::new(pattern).unwrap();
        if re.is_match(&value) {
            return value;
        }
        let value = self.matching(pattern);
        assert!(re.is_match(&value), "{value:?} does not match {pattern}");
        value
    }

    /// A string matching `pattern`, generated by proptest from the walk's random numbers.
    fn matching(&mut self, pattern: &str) -> String {
        let bare = pattern.strip_prefix('^').unwrap_or(pattern);
        let bare = match bare.strip_suffix('$') {
            Some(b) if !b.ends_with('\\') => b,
            _ => bare,
        };
        let strategy = proptest::string::string_regex(bare)
            .unwrap_or_else(|e| panic!("cannot make a value for {pattern}: {e}"));
        let mut seed = [0u8; 32];
        self.rng.fill(&mut seed);
        let mut runner = TestRunner::new_with_rng(
            ProptestConfig::default(),
            TestRng::from_seed(RngAlgorithm::ChaCha, &seed),
        );
        strategy.new_tree(&mut runner).unwrap().current()
    }

    /// Who may act on a step for `roles`: the requester for the requester's role, the holders
    /// of the others; never the requester when `deciding` (separation of duties).
    fn holders(&self, roles: &[String], requester: &str, deciding: bool) -> Vec<String> {
        self.people
            .iter()
            .filter(|p| {
                roles.iter().any(|role| {
                    if *role == self.requester_role {
                        p.id == requester
                    } else {
                        p.roles.contains(role)
                    }
                })
            })
            .filter(|p| !(deciding && p.id == requester))
            .map(|p| p.id.clone())
            .collect()
    }

    fn pick_person(&mut self, fits: impl Fn(&Person) -> bool) -> String {
        let ids: Vec<String> = self
            .people
            .iter()
            .filter(|p| fits(p))
            .map(|p| p.id.clone())
            .collect();
        assert!(!ids.is_empty(), "nobody in people.toml fits");
        self.pick(&ids)
    }

    fn pick<T: ToString>(&mut self, items: &[T]) -> String {
        items[self.rng.random_range(0..items.len())].to_string()
    }

    fn text(&mut self) -> String {
        let word = self.pick(WORDS);
        format!("{word} {}", self.rng.random_range(1..1000))
    }

    fn assert_verify_clean(&self) {
        let run = self.office.sop("rizky", &["verify"]);
        let out = run.get_output();
        assert!(
            out.status.success(),
            "{}\nsop verify ({}):\n{}{}",
            self.story(),
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// `sop verify` exits 6 and names `commit`.
    fn assert_verify_names(&self, commit: &str, what: &str) {
        let run = self.office.sop("rizky", &["verify"]);
        let out = run.get_output();
        let said = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            out.status.code() == Some(6) && said.contains(&commit[..12]),
            "{}\nthen by hand, commit {commit}: {what}\n{}\nsop verify ({}):\n{said}",
            self.story(),
            self.office
                .git(&["show", "--stat", "--format=%an <%ae>", commit]),
            out.status
        );
    }
}

/// The hand-made changes to a committed record, each tried alone after the walks.
#[derive(Clone, Copy, Debug)]
enum Mutation {
    Status,
    Step,
    FieldValue,
    HistoryBy,
    HistoryAt,
    RemoveHistoryEntry,
    DeleteRequest,
    AssetFile,
    JunkBesideRequest,
}

const MUTATIONS: [Mutation; 9] = [
    Mutation::Status,
    Mutation::Step,
    Mutation::FieldValue,
    Mutation::HistoryBy,
    Mutation::HistoryAt,
    Mutation::RemoveHistoryEntry,
    Mutation::DeleteRequest,
    Mutation::AssetFile,
    Mutation::JunkBesideRequest,
];

impl Walk {
    /// Makes `mutation` to a random record of the walk and commits it with the git program, as
    /// the hand editor or as a person who is neither administrator nor asset keeper; returns
    /// the commit and what was done.
    fn mutate(&mut self, mutation: Mutation) -> (String, String) {
        let what = match mutation {
            Mutation::AssetFile => self.mutate_asset(),
            Mutation::FieldValue => {
                let with_fields: Vec<usize> = (0..self.requests.len())
                    .filter(|&i| {
                        !Lines::read(&self.office, &self.request_rel(i))
                            .table("[fields]")
                            .is_empty()
                    })
                    .collect();
                let i = with_fields[self.rng.random_range(0..with_fields.len())];
                self.mutate_request(i, mutation)
            }
            _ => {
                let i = self.rng.random_range(0..self.requests.len());
                self.mutate_request(i, mutation)
            }
        };
        let admin = self.admin_role.clone();
        let others: Vec<(String, String)> = self
            .people
            .iter()
            .filter(|p| !p.roles.iter().any(|r| r == KEEPER || *r == admin))
            .map(|p| (p.name.clone(), p.email.clone()))
            .collect();
        let message = format!("{mutation:?} by hand");
        if self.rng.random_bool(0.5) {
            self.office.git(&["add", "-A"]);
            self.office.git(&["commit", "-qm", &message]);
        } else {
            let (name, email) = &others[self.rng.random_range(0..others.len())];
            self.office.git_as(name, email, &["add", "-A"]);
            self.office
                .git_as(name, email, &["commit", "-qm", &message]);
        }
        (self.office.head(), format!("{mutation:?}: {what}"))
    }

    /// The request file of request `i`, relative to the records directory.
    fn request_rel(&self, i: usize) -> String {
        let id = &self.requests[i].id;
        self.office
            .request_file(id)
            .strip_prefix(&self.office.root)
            .unwrap()
            .display()
            .to_string()
    }

    /// Makes `mutation` to request `i`'s file; returns what was done.
    fn mutate_request(&mut self, i: usize, mutation: Mutation) -> String {
        let rel = self.request_rel(i);
        let mut file = Lines::read(&self.office, &rel);
        let what = match mutation {
            Mutation::Status => self.change_status(&mut file),
            Mutation::Step => self.change_step(&mut file, i),
            Mutation::FieldValue => self.change_field(&mut file),
            Mutation::HistoryBy => self.change_entry(&mut file, "by"),
            Mutation::HistoryAt => self.change_entry(&mut file, "at"),
            Mutation::RemoveHistoryEntry => self.remove_entry(&mut file),
            Mutation::DeleteRequest => {
                std::fs::remove_file(self.office.path(&rel)).unwrap();
                return format!("deleted {rel}");
            }
            Mutation::JunkBesideRequest => {
                let junk = format!("{}/catatan.txt", rel.rsplit_once('/').unwrap().0);
                std::fs::write(self.office.path(&junk), "catatan\n").unwrap();
                return format!("added {junk}");
            }
            Mutation::AssetFile => unreachable!("an asset is no request"),
        };
        file.write(&self.office, &rel);
        format!("{rel}: {what}")
    }

    fn change_status(&mut self, file: &mut Lines) -> String {
        let n = file.top("status").unwrap();
        let others: Vec<&str> = ["open", "completed", "rejected", "cancelled"]
            .into_iter()
            .filter(|s| file.0[n] != format!("status = \"{s}\""))
            .collect();
        file.0[n] = format!("status = \"{}\"", self.pick(&others));
        file.0[n].clone()
    }

    /// Another step of the procedure; a finished request gets one.
    fn change_step(&mut self, file: &mut Lines, i: usize) -> String {
        let steps: Vec<String> = self.requests[i].flow["steps"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| format!("step = \"{}\"", s["id"].as_str().unwrap()))
            .collect();
        let n = match file.top("step") {
            Some(n) => n,
            None => {
                let n = file.top("status").unwrap() + 1;
                file.0.insert(n, String::new());
                n
            }
        };
        let others: Vec<&String> = steps.iter().filter(|s| **s != file.0[n]).collect();
        file.0[n] = self.pick(&others);
        file.0[n].clone()
    }

    fn change_field(&mut self, file: &mut Lines) -> String {
        let fields = file.table("[fields]");
        let n = fields[self.rng.random_range(0..fields.len())];
        let key = file.0[n].split(" = ").next().unwrap().to_string();
        file.0[n] = format!("{key} = \"diubah tangan\"");
        file.0[n].clone()
    }

    /// Changes `by` (to another person) or `at` (later) of a random history entry.
    fn change_entry(&mut self, file: &mut Lines, key: &str) -> String {
        let entries = file.entries();
        let entry = self.rng.random_range(0..entries.len());
        let n = entries[entry]
            .clone()
            .find(|&n| file.0[n].starts_with(&format!("{key} = ")))
            .unwrap();
        let old = file.0[n].split('"').nth(1).unwrap().to_string();
        let new = if key == "by" {
            let others: Vec<String> = self
                .people
                .iter()
                .map(|p| p.id.clone())
                .filter(|id| *id != old)
                .collect();
            self.pick(&others)
        } else {
            let at = chrono::DateTime::parse_from_rfc3339(&old).unwrap();
            (at + chrono::Duration::minutes(self.rng.random_range(1..600))).to_rfc3339()
        };
        file.0[n] = format!("{key} = \"{new}\"");
        format!("entry {}: {}", entry + 1, file.0[n])
    }

    fn remove_entry(&mut self, file: &mut Lines) -> String {
        let entries = file.entries();
        let entry = self.rng.random_range(0..entries.len());
        let removed: Vec<String> = file.0.drain(entries[entry].clone()).collect();
        format!("removed entry {}: {}", entry + 1, removed.join(" | "))
    }

    /// Changes the name or the status of a random asset file the walk registered or changed.
    fn mutate_asset(&mut self) -> String {
        // in the order the walk first touched them (ids are random; the order is the seed's)
        let mut files: Vec<String> = Vec::new();
        let touched = self.office.git(&[
            "log",
            "--reverse",
            "--format=",
            "--name-only",
            "--",
            "assets",
        ]);
        for file in touched.lines().filter(|l| !l.is_empty()) {
            if !files.iter().any(|f| f == file) {
                files.push(file.to_string());
            }
        }
        assert!(
            !files.is_empty(),
            "{}\nthe walk touched no asset",
            self.story()
        );
        let rel = self.pick(&files);
        let text = self.office.read(&rel);
        let (from, to) = if self.rng.random_bool(0.5) {
            let line = text.lines().find(|l| l.starts_with("name = ")).unwrap();
            (line.to_string(), "name = \"Diubah Tangan\"".to_string())
        } else {
            let line = text.lines().find(|l| l.starts_with("status = ")).unwrap();
            let to = if line.contains("in-stock") {
                "in-use"
            } else {
                "in-stock"
            };
            (line.to_string(), format!("status = \"{to}\""))
        };
        self.office.edit(&rel, &from, &to);
        format!("{rel}: {from} -> {to}")
    }
}

/// A record file as lines, to change one line and leave the others as they are.
struct Lines(Vec<String>);

impl Lines {
    fn read(office: &Office, rel: &str) -> Lines {
        Lines(office.read(rel).lines().map(str::to_string).collect())
    }

    fn write(&self, office: &Office, rel: &str) {
        std::fs::write(office.path(rel), self.0.join("\n") + "\n").unwrap();
    }

    /// The line of a top-level `key = …`, before the first table.
    fn top(&self, key: &str) -> Option<usize> {
        self.0
            .iter()
            .take_while(|l| !l.starts_with('['))
            .position(|l| l.starts_with(&format!("{key} = ")))
    }

    /// The `key = value` lines of a table.
    fn table(&self, header: &str) -> Vec<usize> {
        let start = self.0.iter().position(|l| l == header).unwrap();
        (start + 1..self.0.len())
            .take_while(|&n| !self.0[n].starts_with('['))
            .filter(|&n| self.0[n].contains(" = "))
            .collect()
    }

    /// The lines of each `[[history]]` entry, its own tables included.
    fn entries(&self) -> Vec<std::ops::Range<usize>> {
        let starts: Vec<usize> = (0..self.0.len())
            .filter(|&n| self.0[n] == "[[history]]")
            .collect();
        let ends = starts.iter().skip(1).copied().chain([self.0.len()]);
        starts.iter().zip(ends).map(|(&s, e)| s..e).collect()
    }
}

fn read_people(office: &Office) -> Vec<Person> {
    let file = toml_file(office, "people.toml");
    let text = |p: &toml::Value, key: &str| p[key].as_str().unwrap().to_string();
    file["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| Person {
            id: text(p, "id"),
            name: text(p, "name"),
            email: text(p, "email"),
            roles: p
                .get("roles")
                .and_then(|r| r.as_array())
                .map(|r| r.iter().map(|r| r.as_str().unwrap().to_string()).collect())
                .unwrap_or_default(),
        })
        .collect()
}

/// A TOML file of the records directory, parsed.
fn toml_file(office: &Office, rel: &str) -> toml::Table {
    toml::from_str(&office.read(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn strs(args: &[String]) -> Vec<&str> {
    args.iter().map(String::as_str).collect()
}

/// Arguments as a shell would need them.
fn quoted(args: &[&str]) -> String {
    args.iter()
        .map(|a| {
            if a.chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_=.@:/".contains(c))
            {
                a.to_string()
            } else {
                format!("'{a}'")
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}
