//! Issue 7, "One truth for every change": every command applies the rules as HEAD has them,
//! refuses rules that do not hold together, names every file it cannot read, and `sop verify`
//! judges every commit in the records directory.

use assert_cmd::assert::Assert;
use predicates::str::contains;

use crate::support::Office;

const RIZKY: (&str, &str) = ("Rizky Ramadhan", "rizky@diskominfo.example.go.id");
const DIMAS: (&str, &str) = ("Dimas Saputra", "dimas@diskominfo.example.go.id");
const EKO: (&str, &str) = ("Eko Prasetyo", "eko@diskominfo.example.go.id");

const EMAIL: &[&str] = &[
    "nama_lengkap=Putri Handayani",
    "email_diminta=putri@kota.go.id",
];

/// `sop new email` with its required fields.
const NEW_EMAIL: &[&str] = &[
    "new",
    "email",
    "--field",
    "nama_lengkap=Putri Handayani",
    "--field",
    "email_diminta=putri@kota.go.id",
];

/// Everything the command printed, stdout then stderr.
fn said(run: &Assert) -> String {
    let out = run.get_output();
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// Commits every change in the work tree as the administrator, with the git program.
fn commit_as_admin(office: &Office, message: &str) {
    office.git_as(RIZKY.0, RIZKY.1, &["add", "-A"]);
    office.git_as(RIZKY.0, RIZKY.1, &["commit", "-qm", message]);
}

/// An email request waiting at the approval step.
fn at_approval(office: &Office) -> String {
    let id = office.new_request("putri", "email", EMAIL);
    office.sop("putri", &["advance", &id]).success();
    office.sop("dewi", &["advance", &id]).success();
    id
}

/// `sop --as WHO ARGS…` exits 3 naming every one of `names` on stderr, and changes nothing.
fn assert_refused(office: &Office, who: &str, args: &[&str], names: &[&str]) {
    let before = office.snapshot();
    let run = office.sop(who, args).code(3);
    let stderr = String::from_utf8_lossy(&run.get_output().stderr).to_string();
    for name in names {
        assert!(
            stderr.contains(name),
            "sop --as {who} {args:?}: no {name:?} in {stderr}"
        );
    }
    assert_eq!(office.snapshot(), before, "sop --as {who} {args:?}");
}

// 1. The rules as HEAD has them; an uncommitted edit has no effect and is named.

#[test]
fn an_uncommitted_procedure_edit_has_no_effect_and_is_named() {
    let office = Office::example();
    let file = "procedures/penghapusan-aset.toml";
    office.edit(
        file,
        "[asset]                      # disposal is of a registered asset that is not yet disposed or transferred\nrequired = true",
        "[asset]\nrequired = false",
    );
    let head = office.head();
    let staged = office.git(&["diff", "--cached"]);
    assert_refused(
        &office,
        "eko",
        &["new", "penghapusan-aset"],
        &[file, "not committed"],
    );
    assert_eq!(office.head(), head);
    assert_eq!(office.git(&["diff", "--cached"]), staged);
    assert_eq!(office.status(), format!(" M {file}\n"));
    office.sop("rizky", &["verify"]).success();
}

#[test]
fn a_procedure_never_committed_is_refused_and_named() {
    let office = Office::example();
    let email = office.read("procedures/email.toml");
    let surat = email
        .replacen("id = \"email\"", "id = \"surat\"", 1)
        .replacen("prefix = \"EML\"", "prefix = \"SRT\"", 1);
    assert_ne!(surat, email);
    std::fs::write(office.path("procedures/surat.toml"), surat).unwrap();
    assert_refused(
        &office,
        "putri",
        &[
            "new",
            "surat",
            "--field",
            "nama_lengkap=Putri",
            "--field",
            "email_diminta=putri@kota.go.id",
        ],
        &["procedures/surat.toml", "not committed"],
    );
    assert!(!office.path("requests/SRT").exists());
    office.sop("rizky", &["verify"]).success();
}

#[test]
fn a_role_granted_only_in_the_work_tree_grants_nothing() {
    let office = Office::example();
    let id = at_approval(&office);
    office.edit(
        "people.toml",
        "roles = [\"helpdesk\"]",
        "roles = [\"helpdesk\", \"subkoor-kip\"]",
    );
    let before = office.snapshot();
    office
        .sop("dewi", &["approve", &id])
        .code(4)
        .stderr(contains("people.toml"))
        .stderr(contains("not committed"));
    assert_eq!(office.snapshot(), before);
    office.sop("rizky", &["verify"]).success();
}

#[test]
fn self_approval_allowed_only_in_the_work_tree_is_refused() {
    let office = Office::example();
    // sri holds the approval role and asks for an email herself
    let id = office.new_request("sri", "email", EMAIL);
    office.sop("sri", &["advance", &id]).success();
    office.sop("dewi", &["advance", &id]).success();
    office.edit(
        "sop.toml",
        "allow_self_approval = false",
        "allow_self_approval = true",
    );
    let before = office.snapshot();
    office
        .sop("sri", &["approve", &id])
        .code(4)
        .stderr(contains("sop.toml"))
        .stderr(contains("not committed"));
    assert_eq!(office.snapshot(), before);
    office.sop("rizky", &["verify"]).success();
}

// 2. A procedure that `sop procedure check` rejects is refused by every changing command.

/// Makes one request at the first step of Permintaan Email, then commits procedures/email.toml
/// with `from` replaced by `to` as the administrator; the file must fail `sop procedure check`,
/// and both `sop new email` and `sop advance` of the earlier request are refused naming it.
fn assert_broken_email_is_refused(from: &str, to: &str) {
    let office = Office::example();
    let earlier = office.new_request("putri", "email", EMAIL);
    let file = "procedures/email.toml";
    let text = office.read(file);
    assert!(text.contains(from), "{file} has no {from:?}");
    std::fs::write(office.path(file), text.replacen(from, to, 1)).unwrap();
    commit_as_admin(&office, "email: change the flow");
    assert_eq!(office.status(), "");
    let check = office.sop("rizky", &["procedure", "check"]).code(3);
    assert!(said(&check).contains(file), "{}", said(&check));

    assert_refused(&office, "putri", NEW_EMAIL, &[file]);
    assert_refused(&office, "putri", &["advance", &earlier], &[file]);
}

#[test]
fn a_next_to_a_missing_step_is_refused() {
    assert_broken_email_is_refused("next = \"persetujuan\"", "next = \"tidak-ada\"");
}

#[test]
fn a_loop_with_no_end_is_refused() {
    // approving goes back to the form, as rejecting does: every path cycles
    assert_broken_email_is_refused("approve = \"buat-akun\"", "approve = \"isi-form\"");
}

#[test]
fn an_unknown_role_is_refused() {
    assert_broken_email_is_refused("role = \"staf-ti\"", "role = \"staf-tidak-ada\"");
}

#[test]
fn a_duplicate_step_id_is_refused() {
    assert_broken_email_is_refused(
        "[[steps]]\nid = \"kredensial-diterima\"",
        "[[steps]]\nid = \"terima-fpe\"\nactivity = \"Menerima FPE lagi\"\nrole = \"helpdesk\"\nkind = \"task\"\nnext = \"kredensial-diterima\"\n\n[[steps]]\nid = \"kredensial-diterima\"",
    );
}

#[test]
fn an_id_unlike_the_file_name_is_refused() {
    assert_broken_email_is_refused("id = \"email\"", "id = \"surel\"");
}

// 3. people.toml that names one person twice stops every change.

#[test]
fn a_person_listed_twice_stops_every_change() {
    let office = Office::example();
    let waiting = at_approval(&office);
    let fresh = office.new_request("putri", "email", EMAIL);
    let text = office.read("people.toml");
    std::fs::write(
        office.path("people.toml"),
        format!(
            "{text}\n[[people]]\nid = \"dewi\"\nname = \"Dewi Lestari\"\nemail = \"dewi.admin@diskominfo.example.go.id\"\nroles = [\"admin\"]\n"
        ),
    )
    .unwrap();
    commit_as_admin(&office, "people: dewi administers sop");
    let names = ["people.toml", "dewi"];
    assert_refused(&office, "putri", NEW_EMAIL, &names);
    assert_refused(&office, "putri", &["advance", &fresh], &names);
    assert_refused(&office, "sri", &["approve", &waiting], &names);
    assert_refused(
        &office,
        "hendra",
        &["reject", &waiting, "--reason", "kurang"],
        &names,
    );
    // dewi, administrator only by the second entry, may not cancel putri's request
    assert_refused(
        &office,
        "dewi",
        &["cancel", &fresh, "--reason", "tidak perlu"],
        &names,
    );
    assert_refused(
        &office,
        "eko",
        &["asset", "add", "--kind", "hardware", "--name", "Server"],
        &names,
    );
}

// 4. show and list agree: both report what is committed.

#[test]
fn show_and_list_agree_on_the_committed_state() {
    let office = Office::example();
    let id = office.new_request("putri", "email", EMAIL);
    office.edit(
        office.request_file(&id),
        "status = \"open\"",
        "status = \"completed\"",
    );
    let shown = office.json("putri", &["show", &id]);
    assert_eq!(shown["status"], "open", "{shown:#}");
    assert_eq!(shown["step"]["id"], "isi-form", "{shown:#}");
    let rows = office.json("putri", &["list"]);
    let row = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == id.as_str())
        .unwrap_or_else(|| panic!("{id} not listed: {rows:#}"));
    assert_eq!(row["status"], "open", "{rows:#}");
}

// 5. A file that does not parse is named, never skipped silently.

/// A request whose committed file is not valid TOML; returns its id and records-relative path.
fn malformed_request(office: &Office) -> (String, String) {
    let id = office.new_request("dimas", "email", EMAIL);
    let file = office.request_file(&id);
    std::fs::write(&file, "id = \"broken\nstatus = 1\n").unwrap();
    office.git(&["commit", "-qam", "broken by hand"]);
    let rel = file
        .strip_prefix(&office.root)
        .unwrap()
        .display()
        .to_string();
    (id, rel)
}

#[test]
fn report_names_a_malformed_request_file() {
    let office = Office::example();
    office.new_request("putri", "email", EMAIL);
    let (_, rel) = malformed_request(&office);
    office
        .sop("rizky", &["report"])
        .code(3)
        .stderr(contains(rel.as_str()));
    office
        .sop("rizky", &["list"])
        .code(3)
        .stderr(contains(rel.as_str()));
}

#[test]
fn log_names_a_malformed_request_file_and_never_calls_it_deleted() {
    let office = Office::example();
    let (id, rel) = malformed_request(&office);
    for format in ["table", "json"] {
        let run = office.sop("rizky", &["log", &id, "--format", format]);
        let text = said(&run);
        assert!(text.contains(&rel), "--format {format}: {text}");
        assert!(
            !text.to_lowercase().contains("deleted"),
            "--format {format}: {text}"
        );
    }
}

#[test]
fn log_with_a_people_toml_that_does_not_parse_is_refused() {
    let office = Office::example();
    let id = office.new_request("putri", "email", EMAIL);
    let text = office.read("people.toml");
    std::fs::write(
        office.path("people.toml"),
        format!("{text}\n[[people]\nid = \"rusak\"\n"),
    )
    .unwrap();
    commit_as_admin(&office, "people: a typo");
    office
        .sop("rizky", &["log", &id])
        .code(3)
        .stderr(contains("people.toml"));
}

// 6. `sop verify` judges every commit in the records directory.

/// `sop verify` exits 6 and names `commit` (its first 12 hex characters at least).
fn assert_verify_names(office: &Office, commit: &str) {
    let run = office.sop("rizky", &["verify"]).code(6);
    let text = said(&run);
    assert!(text.contains(&commit[..12]), "{commit} not named: {text}");
}

#[test]
fn a_stray_file_among_the_requests_is_found() {
    let office = Office::example();
    office.new_request("putri", "email", EMAIL);
    std::fs::write(office.path("requests/EML/notes.txt"), "catatan\n").unwrap();
    commit_as_admin(&office, "notes");
    assert_verify_names(&office, &office.head());
}

#[test]
fn a_file_in_the_asset_register_that_is_no_record_is_found() {
    let office = Office::example();
    office
        .sop(
            "eko",
            &["asset", "add", "--kind", "hardware", "--name", "Server"],
        )
        .success();
    std::fs::write(office.path("assets/README.txt"), "daftar aset\n").unwrap();
    office.git_as(EKO.0, EKO.1, &["add", "assets"]);
    office.git_as(EKO.0, EKO.1, &["commit", "-qm", "readme"]);
    assert_verify_names(&office, &office.head());
}

/// The example office with the administrator's SSH key in people.toml and
/// `require_signatures = true`, committed signed by the administrator; signing then off.
fn signatures_required() -> Office {
    let office = Office::example();
    let key = office.ssh_key("rizky");
    office.add_key("rizky", &key);
    office.edit(
        "sop.toml",
        "require_signatures = false",
        "require_signatures = true",
    );
    office.sign_as("rizky");
    office.git_as(
        RIZKY.0,
        RIZKY.1,
        &["commit", "-qam", "signing key; signatures required"],
    );
    office.sop("rizky", &["verify"]).success();
    office.git(&["config", "commit.gpgsign", "false"]);
    office
}

#[test]
fn an_unsigned_empty_commit_is_found_where_signatures_are_required() {
    let office = signatures_required();
    office.git_as(
        RIZKY.0,
        RIZKY.1,
        &["commit", "-q", "--allow-empty", "-m", "nothing"],
    );
    assert_verify_names(&office, &office.head());
}

#[test]
fn an_unsigned_commit_outside_requests_and_assets_is_found_where_signatures_are_required() {
    let office = signatures_required();
    std::fs::write(office.path("catatan.txt"), "catatan rapat\n").unwrap();
    commit_as_admin(&office, "catatan");
    assert_verify_names(&office, &office.head());
}

#[test]
fn a_root_file_added_by_a_non_administrator_is_found() {
    let office = Office::example();
    std::fs::write(office.path("catatan.txt"), "catatan rapat\n").unwrap();
    office.git_as(DIMAS.0, DIMAS.1, &["add", "catatan.txt"]);
    office.git_as(DIMAS.0, DIMAS.1, &["commit", "-qm", "catatan"]);
    assert_verify_names(&office, &office.head());
}

#[test]
fn a_root_file_added_by_the_administrator_is_clean() {
    let office = Office::example();
    std::fs::write(office.path("catatan.txt"), "catatan rapat\n").unwrap();
    commit_as_admin(&office, "catatan");
    office.sop("rizky", &["verify"]).success();
}
