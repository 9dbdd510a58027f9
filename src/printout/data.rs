//! What a printout template is given: the office, the procedure, the request (its form
//! filled in, its history with each actor resolved to a person and the commit of each
//! change), the step printed, the assets the request touches, the people and roles, the
//! signature blocks, and the commit the printout shows. docs/procedures.md ("Printouts")
//! lists every key for the offices that write templates. No I/O here.

use chrono::{DateTime, FixedOffset};
use indexmap::IndexMap;
use serde::Serialize;

use crate::asset::Asset;
use crate::config::Config;
use crate::field::{FieldType, Value};
use crate::people::{Holding, People, Person};
use crate::procedure::{Header, Kind, Procedure, Step};
use crate::request::{Action, Attachment, Entry, Outsider, Request};

#[derive(Serialize)]
pub struct Data<'a> {
    pub office: Office<'a>,
    pub procedure: ProcedureData<'a>,
    pub request: RequestData<'a>,
    /// The step whose document is printed (`--step`); none for the request form.
    pub step: Option<StepData>,
    /// Every step of the procedure, with what was done there.
    pub steps: Vec<StepData>,
    /// The request's asset, as the printed commit has it.
    pub asset: Option<AssetData>,
    /// Every asset the request's changes wrote (its asset, and any its steps registered).
    pub assets: Vec<AssetData>,
    pub people: IndexMap<String, PersonData>,
    pub roles: IndexMap<String, RoleData>,
    /// One block per role the procedure names, in the order its steps name them: the person
    /// who last acted in it, if anyone has.
    pub signatures: Vec<SignatureData>,
    pub print: PrintInfo,
}

#[derive(Serialize)]
pub struct Office<'a> {
    pub name: &'a str,
    pub timezone: &'a str,
}

#[derive(Serialize)]
pub struct ProcedureData<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub version: u32,
    /// No. SOP.
    pub number: &'a str,
    /// The unit the SOP names, else the office.
    pub unit: &'a str,
    pub sop: &'a Header,
}

#[derive(Serialize, Clone)]
pub struct RoleRef {
    pub id: String,
    pub label: String,
}

#[derive(Serialize, Clone)]
pub struct PersonData {
    pub id: String,
    pub name: String,
    /// Empty when people.toml gives none.
    pub nip: String,
    pub email: String,
    pub roles: Vec<RoleRef>,
    /// The label of the person's first role (*jabatan*), empty when they hold none.
    pub jabatan: String,
    /// Someone outside people.toml (`sop new --for`): `id` and `email` are empty, `contact`
    /// says how to reach them.
    pub outside: bool,
    pub contact: String,
}

#[derive(Serialize)]
pub struct RoleData {
    pub id: String,
    pub label: String,
    /// Who holds the role on the printed commit's day, stand-ins included.
    pub holders: Vec<PersonData>,
}

#[derive(Serialize)]
pub struct FieldData {
    pub name: String,
    pub label: String,
    #[serde(rename = "type")]
    pub kind: FieldType,
    pub required: bool,
    /// The value as stored; none when not given.
    pub value: Option<Value>,
    /// The value as a form shows it: a person's name, `Ya`/`Tidak`, empty when not given.
    pub text: String,
    /// The step that records it; none for the request form's fields.
    pub step: Option<String>,
}

#[derive(Serialize)]
pub struct RequestData<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub status: &'a str,
    /// The status in Indonesian: `Diproses`, `Ditunda`, `Selesai`, `Ditolak`, `Dibatalkan`, ….
    pub status_label: String,
    pub created: DateTime<FixedOffset>,
    pub requester: PersonData,
    pub on_behalf_of: Option<&'a Outsider>,
    /// Every field given, by name.
    pub fields: &'a crate::field::Fields,
    /// The procedure's form (`[[fields]]`), in its order, with the values given.
    pub form: Vec<FieldData>,
    /// The fields recorded at steps, in step order, with the values given.
    pub step_fields: Vec<FieldData>,
    /// The step the request waits at; none once finished.
    pub step: Option<&'a str>,
    pub asset: Option<&'a str>,
    pub parent: Option<&'a str>,
    pub children: &'a [String],
    pub attachments: &'a [Attachment],
    pub history: Vec<EntryData>,
}

#[derive(Serialize, Clone)]
pub struct EntryData {
    pub step: String,
    /// The step's number in the SOP (`4`, `4a`), empty when it has none.
    pub number: String,
    pub activity: String,
    pub action: &'static str,
    /// The action in Indonesian: `Diajukan`, `Diselesaikan`, `Disetujui`, ….
    pub action_label: &'static str,
    pub by: PersonData,
    /// The role the person acted in (a stand-in's: the role stood in for).
    pub role: Option<RoleRef>,
    /// The role stood in for (Plt/Plh), when the person acted as a stand-in.
    pub acting_for: Option<RoleRef>,
    /// A requester's step done by staff for the outside requester.
    pub on_behalf: bool,
    pub at: DateTime<FixedOffset>,
    pub to: Option<String>,
    pub option: Option<String>,
    pub output: Option<String>,
    pub note: Option<String>,
    pub fields: crate::field::Fields,
    /// The commit that made this change (full id), empty when it cannot be found.
    pub commit: String,
    /// Its first 12 characters.
    pub commit_short: String,
}

#[derive(Serialize)]
pub struct StepData {
    pub id: String,
    pub number: String,
    pub activity: String,
    pub kind: Kind,
    pub roles: Vec<RoleRef>,
    pub inputs: Vec<String>,
    pub output: String,
    pub note: String,
    pub template: Option<String>,
    /// The request waits here now.
    pub current: bool,
    /// The request has been here (or is).
    pub reached: bool,
    /// The change that last completed the step (an end: that reached it); none when not done.
    pub done: Option<EntryData>,
}

#[derive(Serialize)]
pub struct AssetData {
    pub id: String,
    pub kind: String,
    /// `Perangkat keras`, `Perangkat lunak`, `Data`.
    pub kind_label: &'static str,
    pub name: String,
    pub status: String,
    /// `Digunakan`, `Dalam perbaikan`, `Dihapus`, ….
    pub status_label: &'static str,
    pub kode_barang: String,
    pub nup: String,
    pub serial: String,
    pub licence: String,
    pub location: String,
    pub holder: Option<PersonData>,
    pub unit: String,
    pub acquired: String,
    pub value: Option<u64>,
    pub attributes: std::collections::BTreeMap<String, String>,
}

#[derive(Serialize)]
pub struct SignatureData {
    pub role: RoleRef,
    pub person: Option<PersonData>,
    /// Signs as a stand-in (Plt/Plh) for the role.
    pub acting_for: bool,
    pub at: Option<DateTime<FixedOffset>>,
}

#[derive(Serialize)]
pub struct PrintInfo {
    /// The request id and the printed commit, as the QR code holds them.
    pub id: String,
    pub commit: String,
    pub commit_short: String,
    /// When the printed commit was made: the request's last change.
    pub at: DateTime<FixedOffset>,
    /// `sop:<id>@<commit>`.
    pub qr: String,
    /// When the printout was made (today, for a document to sign now).
    pub now: DateTime<FixedOffset>,
}

/// Everything `build` reads.
pub struct Input<'a> {
    pub request: &'a Request,
    pub procedure: &'a Procedure,
    pub config: &'a Config,
    pub people: &'a People,
    /// The commit of each history entry, by index; None when not found.
    pub commits: &'a [Option<String>],
    /// The assets the request touches, its own first.
    pub assets: &'a [Asset],
    /// The step printed (`--step`).
    pub step: Option<&'a str>,
    /// The printed commit and its time.
    pub commit: &'a str,
    pub commit_at: DateTime<FixedOffset>,
    pub now: DateTime<FixedOffset>,
}

pub fn build<'a>(input: &Input<'a>) -> Data<'a> {
    let Input {
        request: req,
        procedure: p,
        config,
        people,
        ..
    } = *input;
    let ctx = Resolve {
        p,
        config,
        people,
        req,
    };
    let history: Vec<EntryData> = req
        .history
        .iter()
        .enumerate()
        .map(|(i, e)| ctx.entry(e, input.commits.get(i).cloned().flatten()))
        .collect();
    let steps: Vec<StepData> = p.steps.iter().map(|s| ctx.step(s, &history)).collect();
    let step = input
        .step
        .and_then(|id| p.step(id))
        .map(|s| ctx.step(s, &history));
    let form = p
        .fields
        .iter()
        .map(|f| ctx.field(f, None))
        .collect::<Vec<_>>();
    let step_fields = p
        .steps
        .iter()
        .flat_map(|s| s.fields.iter().map(move |f| (s, f)))
        .map(|(s, f)| ctx.field(f, Some(s.id())))
        .collect();
    let assets: Vec<AssetData> = input.assets.iter().map(|a| ctx.asset(a)).collect();
    let asset = req
        .asset
        .as_deref()
        .and_then(|id| input.assets.iter().find(|a| a.id == id))
        .map(|a| ctx.asset(a));
    let day = input.commit_at.date_naive();
    let roles = config
        .roles
        .iter()
        .map(|(id, _)| {
            let holders = people
                .holders(id, day)
                .into_iter()
                .map(|person| ctx.person(person))
                .collect();
            (
                id.clone(),
                RoleData {
                    id: id.clone(),
                    label: p.role_label(config, id).to_string(),
                    holders,
                },
            )
        })
        .collect();
    let signatures = p
        .roles()
        .into_iter()
        .map(|role| {
            if role == config.policy.requester_role {
                return SignatureData {
                    role: ctx.role(role),
                    person: Some(ctx.requester()),
                    acting_for: false,
                    at: Some(req.created),
                };
            }
            let last = history
                .iter()
                .rev()
                .filter(|e| signs(e.action))
                .find(|e| e.role.as_ref().is_some_and(|r| r.id == role));
            SignatureData {
                role: ctx.role(role),
                person: last.map(|e| e.by.clone()),
                acting_for: last.is_some_and(|e| e.acting_for.is_some()),
                at: last.map(|e| e.at),
            }
        })
        .collect();
    Data {
        office: Office {
            name: &config.office,
            timezone: &config.timezone,
        },
        procedure: ProcedureData {
            id: p.id(),
            name: &p.name,
            version: p.version,
            number: &p.sop.number,
            unit: if p.sop.unit.trim().is_empty() {
                &config.office
            } else {
                &p.sop.unit
            },
            sop: &p.sop,
        },
        request: RequestData {
            id: &req.id,
            title: &req.title,
            status: &req.status,
            status_label: status_label(&req.status),
            created: req.created,
            requester: ctx.requester(),
            on_behalf_of: req.on_behalf_of.as_ref(),
            fields: &req.fields,
            form,
            step_fields,
            step: req.step.as_deref(),
            asset: req.asset.as_deref(),
            parent: req.parent.as_deref(),
            children: &req.children,
            attachments: &req.attachments,
            history,
        },
        step,
        steps,
        asset,
        assets,
        people: people
            .people
            .iter()
            .map(|person| (person.id.clone(), ctx.person(person)))
            .collect(),
        roles,
        signatures,
        print: PrintInfo {
            id: req.id.clone(),
            commit: input.commit.to_string(),
            commit_short: short(input.commit),
            at: input.commit_at,
            qr: super::qr::content(&req.id, input.commit),
            now: input.now,
        },
    }
}

/// The changes a signature block stands for: creating the request, completing or deciding
/// a step.
fn signs(action: &str) -> bool {
    matches!(action, "create" | "advance" | "approve" | "reject")
}

fn short(commit: &str) -> String {
    commit.chars().take(12).collect()
}

/// Resolves ids in the request to people, roles and steps.
struct Resolve<'a> {
    p: &'a Procedure,
    config: &'a Config,
    people: &'a People,
    req: &'a Request,
}

impl Resolve<'_> {
    fn role(&self, id: &str) -> RoleRef {
        RoleRef {
            id: id.to_string(),
            label: self.p.role_label(self.config, id).to_string(),
        }
    }

    fn person(&self, person: &Person) -> PersonData {
        let roles: Vec<RoleRef> = person.roles.iter().map(|r| self.role(r)).collect();
        PersonData {
            id: person.id.clone(),
            name: person.name.clone(),
            nip: person.nip.clone().unwrap_or_default(),
            email: person.email.clone(),
            jabatan: roles.first().map(|r| r.label.clone()).unwrap_or_default(),
            roles,
            outside: false,
            contact: String::new(),
        }
    }

    /// A person id as a person; one no longer in people.toml keeps their id as name.
    fn person_id(&self, id: &str) -> PersonData {
        match self.people.find(id) {
            Some(person) => self.person(person),
            None => PersonData {
                id: id.to_string(),
                name: id.to_string(),
                nip: String::new(),
                email: String::new(),
                roles: Vec::new(),
                jabatan: String::new(),
                outside: false,
                contact: String::new(),
            },
        }
    }

    /// The requester: the outside requester staff opened it for, or the person.
    fn requester(&self) -> PersonData {
        match &self.req.on_behalf_of {
            Some(o) => PersonData {
                id: String::new(),
                name: o.name.clone(),
                nip: String::new(),
                email: String::new(),
                roles: Vec::new(),
                jabatan: self
                    .p
                    .role_label(self.config, &self.config.policy.requester_role)
                    .to_string(),
                outside: true,
                contact: o.contact.clone(),
            },
            None => self.person_id(&self.req.requester),
        }
    }

    fn values(&self, name: &str) -> Option<String> {
        self.req.fields.get(name).map(|v| v.to_string())
    }

    /// The role `e`'s actor acted in: the one stood in for; the requester's for the request's
    /// creation and the requester's steps; else the first of the step's roles they hold.
    fn acted_as(&self, e: &Entry) -> Option<RoleRef> {
        if let Some(r) = &e.acting_for {
            return Some(self.role(r));
        }
        let requester_role = &self.config.policy.requester_role;
        if e.action == Action::Create {
            return Some(self.role(requester_role));
        }
        let values = |n: &str| self.values(n);
        let roles = self
            .p
            .step(&e.step)
            .map_or(&[][..], |s| s.role.for_request(values));
        if roles.contains(requester_role) && (e.by == self.req.requester || e.on_behalf) {
            return Some(self.role(requester_role));
        }
        let day = e.at.date_naive();
        let held = roles
            .iter()
            .find(|r| self.people.holds(&e.by, r, day) == Some(Holding::Own))
            .or_else(|| {
                let admin = &self.config.policy.admin_role;
                (self.people.holds(&e.by, admin, day).is_some()).then_some(admin)
            });
        held.map(|r| self.role(r))
    }

    fn entry(&self, e: &Entry, commit: Option<String>) -> EntryData {
        let step = self.p.step(&e.step);
        let commit = commit.unwrap_or_default();
        EntryData {
            step: e.step.clone(),
            number: step
                .and_then(|s| s.number.as_ref())
                .map(|n| n.to_string())
                .unwrap_or_default(),
            activity: step.map(|s| s.activity.clone()).unwrap_or_default(),
            action: e.action.as_str(),
            action_label: action_label(e.action),
            by: self.person_id(&e.by),
            role: self.acted_as(e),
            acting_for: e.acting_for.as_deref().map(|r| self.role(r)),
            on_behalf: e.on_behalf,
            at: e.at,
            to: e.to.clone(),
            option: e.option.clone(),
            output: e.output.clone(),
            note: e.note.clone(),
            fields: e.fields.clone(),
            commit_short: short(&commit),
            commit,
        }
    }

    fn step(&self, s: &Step, history: &[EntryData]) -> StepData {
        let here = self.req.step.as_deref() == Some(s.id());
        let done = match s.kind {
            Kind::End => history
                .iter()
                .rev()
                .find(|e| e.to.as_deref() == Some(s.id())),
            _ => history.iter().rev().find(|e| {
                e.step == s.id() && matches!(e.action, "advance" | "approve" | "reject" | "return")
            }),
        };
        let reached = here
            || history
                .iter()
                .any(|e| e.step == s.id() || e.to.as_deref() == Some(s.id()));
        let values = |n: &str| self.values(n);
        StepData {
            id: s.id().to_string(),
            number: s.number.as_ref().map(|n| n.to_string()).unwrap_or_default(),
            activity: s.activity.clone(),
            kind: s.kind,
            roles: s
                .role
                .for_request(values)
                .iter()
                .map(|r| self.role(r))
                .collect(),
            inputs: s.inputs.clone(),
            output: s.output.clone(),
            note: s.note.clone(),
            template: s.template.as_ref().map(|t| t.get_ref().clone()),
            current: here,
            reached,
            done: done.cloned(),
        }
    }

    fn field(&self, f: &crate::field::Field, step: Option<&str>) -> FieldData {
        let value = self.req.fields.get(&f.name).cloned();
        let text = match (&value, f.kind) {
            (None, _) => String::new(),
            (Some(Value::Bool(true)), _) => "Ya".into(),
            (Some(Value::Bool(false)), _) => "Tidak".into(),
            (Some(v), FieldType::Person) => {
                let id = v.to_string();
                self.people.find(&id).map_or(id, |p| p.name.clone())
            }
            (Some(v), _) => v.to_string(),
        };
        FieldData {
            name: f.name.clone(),
            label: if f.label.is_empty() {
                f.name.clone()
            } else {
                f.label.clone()
            },
            kind: f.kind,
            required: f.required,
            value,
            text,
            step: step.map(str::to_string),
        }
    }

    fn asset(&self, a: &Asset) -> AssetData {
        use crate::asset::{Kind as AssetKind, Status};
        let text = |o: &Option<String>| o.clone().unwrap_or_default();
        AssetData {
            id: a.id.clone(),
            kind: a.kind.to_string(),
            kind_label: match a.kind {
                AssetKind::Hardware => "Perangkat keras",
                AssetKind::Software => "Perangkat lunak",
                AssetKind::Data => "Data",
            },
            name: a.name.clone(),
            status: a.status.to_string(),
            status_label: match a.status {
                Status::Planned => "Direncanakan",
                Status::InStock => "Tersedia",
                Status::InUse => "Digunakan",
                Status::InRepair => "Dalam perbaikan",
                Status::Transferred => "Dipindahtangankan",
                Status::Disposed => "Dihapus",
            },
            kode_barang: text(&a.kode_barang),
            nup: text(&a.nup),
            serial: text(&a.serial),
            licence: text(&a.licence),
            location: text(&a.location),
            holder: a.holder.as_deref().map(|h| self.person_id(h)),
            unit: text(&a.unit),
            acquired: a.acquired.map(|d| d.to_string()).unwrap_or_default(),
            value: a.value,
            attributes: a.attributes.clone(),
        }
    }
}

/// A request's status as a form writes it: the SOP's word (`crate::i18n::status_in`, in
/// Indonesian whatever the language of the run), capitalised; an office's own outcome as
/// written.
fn status_label(status: &str) -> String {
    let word = crate::i18n::status_in(status, crate::i18n::Lang::Id);
    match word == status {
        true => word,
        false => crate::procedure::capitalised(&word),
    }
}

pub(crate) fn action_label(a: Action) -> &'static str {
    match a {
        Action::Create => "Diajukan",
        Action::Advance => "Diselesaikan",
        Action::Approve => "Disetujui",
        Action::Reject => "Ditolak",
        Action::Cancel => "Dibatalkan",
        Action::Edit => "Diubah",
        Action::Comment => "Catatan",
        Action::Assign => "Ditugaskan",
        Action::Unassign => "Penugasan dilepas",
        Action::Hold => "Ditunda",
        Action::Resume => "Dilanjutkan",
        Action::Return => "Sub-permintaan selesai",
    }
}
