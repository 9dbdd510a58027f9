//! Signing commits the way `git commit -S` does, following git's configuration, and checking
//! the signatures of commits already made.
//!
//! Making: `commit.gpgsign`, `gpg.format` (openpgp, ssh, x509), `user.signingkey`,
//! `gpg.program` / `gpg.<format>.program`, `gpg.ssh.defaultKeyCommand`, as git reads them.
//! Checking: SSH signatures in process (the `ssh-key` crate, namespace "git"), OpenPGP ones by
//! the configured gpg. The signature is taken only from the commit's header block: libgit2's
//! `extract_signature` also accepts a block hidden in the message, which git counts as
//! unsigned (docs/contract.md, "Signatures").

use std::collections::HashMap;
use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};

use anyhow::{Context as _, Result};
use ed25519_dalek::{Verifier as _, VerifyingKey};
use git2::{Config, Oid, Repository};
use ssh_key::public::KeyData;
use ssh_key::{Algorithm, PublicKey, SshSig};

use crate::error::Hint;
use crate::{forbidden, invalid};

/// The signature for a commit buffer, when git's configuration asks for one. `required`
/// (sop.toml `require_signatures`) refuses to go on without one.
pub(super) fn sign(repo: &Repository, buffer: &str, required: bool) -> Result<Option<String>> {
    let config = repo.config()?;
    if !config.get_bool("commit.gpgsign").unwrap_or(false) {
        if required {
            return Err(forbidden!("{}", t!(SignRequired)).hint(t!(HintSignSetUp)));
        }
        return Ok(None);
    }
    let format = get(&config, "gpg.format").unwrap_or_else(|| "openpgp".into());
    let signature = match format.as_str() {
        "ssh" => sign_ssh(repo, &config, buffer)?,
        "openpgp" | "x509" => sign_gpg(repo, &config, &format, buffer)?,
        other => return Err(invalid!("{}", t!(SignUnknownFormat, format = other))),
    };
    // Without the trailing newline libgit2 writes the header exactly as git does.
    Ok(Some(signature.trim_end_matches('\n').to_string()))
}

fn get(config: &Config, key: &str) -> Option<String> {
    config.get_string(key).ok().filter(|v| !v.is_empty())
}

/// The program for a signature format, as git chooses it.
fn program(config: &Config, format: &str) -> String {
    let default = match format {
        "ssh" => "ssh-keygen",
        "x509" => "gpgsm",
        _ => "gpg",
    };
    get(config, &format!("gpg.{format}.program"))
        .or_else(|| {
            (format == "openpgp")
                .then(|| get(config, "gpg.program"))
                .flatten()
        })
        .unwrap_or_else(|| default.into())
}

/// `gpg --status-fd=2 -bsau KEY`: success only with exit 0 and `[GNUPG:] SIG_CREATED`.
fn sign_gpg(repo: &Repository, config: &Config, format: &str, buffer: &str) -> Result<String> {
    let key = match get(config, "user.signingkey") {
        Some(k) => k,
        None => committer_ident(repo)?,
    };
    let program = program(config, format);
    let out = run(
        Command::new(&program).args(["--status-fd=2", "-bsau", &key]),
        buffer.as_bytes(),
    )
    .map_err(|e| signing_failed(&program, &e.to_string()))?;
    let stderr = String::from_utf8_lossy(&out.stderr);
    if !out.status.success() || !stderr.contains("[GNUPG:] SIG_CREATED ") {
        return Err(signing_failed(&program, &stderr));
    }
    String::from_utf8(out.stdout).with_context(|| t!(SignNotText))
}

/// git signs with the committer's identity when no key is set.
fn committer_ident(repo: &Repository) -> Result<String> {
    let sig = repo
        .signature()
        .map_err(|_| invalid!("{}", t!(SignNoIdent)))?;
    Ok(format!(
        "{} <{}>",
        sig.name().unwrap_or_default(),
        sig.email().unwrap_or_default()
    ))
}

/// `ssh-keygen -Y sign -n git -f KEYFILE [-U] FILE`, reading `FILE.sig`, as git does.
fn sign_ssh(repo: &Repository, config: &Config, buffer: &str) -> Result<String> {
    let program = program(config, "ssh");
    let key = match get(config, "user.signingkey") {
        Some(k) => k,
        None => default_ssh_key(config)?,
    };
    let dir = tempfile::tempdir().with_context(|| t!(SignTempFolder))?;
    let literal = key
        .strip_prefix("key::")
        .map(str::to_string)
        .or_else(|| key.starts_with("ssh-").then(|| key.clone()));
    let key_file = match &literal {
        Some(text) => {
            let path = dir.path().join("signing-key.pub");
            std::fs::write(&path, format!("{text}\n"))?;
            path
        }
        None => expand_home(&key),
    };
    let payload = dir.path().join("commit");
    std::fs::write(&payload, buffer)?;
    let mut cmd = Command::new(&program);
    cmd.args(["-Y", "sign", "-n", "git", "-f"]).arg(&key_file);
    if literal.is_some() {
        cmd.arg("-U");
    }
    cmd.arg(&payload).current_dir(repo.path());
    let out = run(&mut cmd, b"").map_err(|e| signing_failed(&program, &e.to_string()))?;
    if !out.status.success() {
        return Err(signing_failed(
            &program,
            &String::from_utf8_lossy(&out.stderr),
        ));
    }
    let sig_file = dir.path().join("commit.sig");
    std::fs::read_to_string(&sig_file)
        .map_err(|e| signing_failed(&program, &t!(SignNoneWritten, error = e)))
}

/// `gpg.ssh.defaultKeyCommand`: its first line of output is the key.
fn default_ssh_key(config: &Config) -> Result<String> {
    let command = get(config, "gpg.ssh.defaultKeyCommand").ok_or_else(|| {
        invalid!("{}", t!(SignNoSshKey)).hint("git config user.signingkey ~/.ssh/id_ed25519.pub")
    })?;
    let out = Command::new("sh")
        .args(["-c", &command])
        .output()
        .with_context(|| t!(SignRunningKeyCommand, command = command))?;
    let text = String::from_utf8_lossy(&out.stdout);
    match text.lines().next().filter(|l| !l.trim().is_empty()) {
        Some(line) if out.status.success() => Ok(format!("key::{}", line.trim())),
        _ => Err(invalid!(
            "{}",
            t!(
                SignKeyCommandNoKey,
                command = command,
                stderr = String::from_utf8_lossy(&out.stderr).trim()
            )
        )),
    }
}

fn expand_home(path: &str) -> PathBuf {
    match (path.strip_prefix("~/"), std::env::var_os("HOME")) {
        (Some(rest), Some(home)) => PathBuf::from(home).join(rest),
        _ => PathBuf::from(path),
    }
}

fn signing_failed(program: &str, detail: &str) -> anyhow::Error {
    let detail: Vec<&str> = detail
        .lines()
        .filter(|l| !l.starts_with("[GNUPG:]") && !l.trim().is_empty())
        .collect();
    let detail = if detail.is_empty() {
        t!(SignNoneMade)
    } else {
        detail.join("; ")
    };
    invalid!("{}", t!(SignFailed, program = program, detail = detail)).hint(t!(HintSignFailed))
}

/// Runs a program with `input` on stdin, fed from a thread so a full pipe cannot deadlock.
fn run(cmd: &mut Command, input: &[u8]) -> std::io::Result<std::process::Output> {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let mut stdin = child.stdin.take().expect("piped");
    let input = input.to_vec();
    let feeder = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output()?;
    let _ = feeder.join();
    Ok(out)
}

// ---- checking ----

/// What a commit's signature shows about the person it should be from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// Valid, by one of the person's keys.
    Good,
    /// Does not verify: the commit was changed after signing, or the block is damaged.
    Bad(String),
    /// Valid or uncheckable, but not by a key of the person in people.toml.
    UnknownKey(String),
    Unsigned,
}

impl Status {
    pub fn label(&self) -> &'static str {
        match self {
            Status::Good => "good",
            Status::Bad(_) => "bad",
            Status::UnknownKey(_) => "unknown-key",
            Status::Unsigned => "unsigned",
        }
    }
}

/// A commit object split as git splits it for verification: the `gpgsig` header, and the
/// object without it (what was signed).
pub struct Signed {
    pub signature: Option<String>,
    pub payload: Vec<u8>,
}

/// Reads the raw commit and takes `gpgsig` only from its header block.
pub(super) fn signed_parts(repo: &Repository, commit: Oid) -> Result<Signed> {
    let odb = repo.odb()?;
    let object = odb.read(commit)?;
    Ok(split_signature(object.data()))
}

pub fn split_signature(raw: &[u8]) -> Signed {
    let header_end = raw
        .windows(2)
        .position(|w| w == b"\n\n")
        .map_or(raw.len(), |i| i + 1);
    let (header, body) = raw.split_at(header_end);
    let mut payload = Vec::with_capacity(raw.len());
    let mut signature: Option<String> = None;
    let mut in_sig = false;
    let mut skipping = false;
    for line in header.split_inclusive(|&b| b == b'\n') {
        if line.starts_with(b" ") && skipping {
            if in_sig {
                let text = String::from_utf8_lossy(&line[1..]);
                signature.get_or_insert_with(String::new).push_str(&text);
            }
            continue;
        }
        in_sig = line.starts_with(b"gpgsig ");
        skipping = in_sig || line.starts_with(b"gpgsig-sha256 ");
        if in_sig {
            signature = Some(String::from_utf8_lossy(&line[7..]).into_owned());
            continue;
        }
        if skipping {
            continue;
        }
        payload.extend_from_slice(line);
    }
    payload.extend_from_slice(body);
    Signed { signature, payload }
}

/// Checks a commit's signature against `keys`, the public keys the signer should use
/// (SSH public key lines, OpenPGP fingerprints). `gpg` is the program for OpenPGP signatures.
pub fn check(signed: &Signed, keys: &[String], gpg: &str) -> Status {
    Checker::new(gpg).check(signed, keys)
}

/// Checks the signatures of many commits, keeping what it learns about keys: each key line
/// of people.toml is read once, and each Ed25519 key is decompressed once, not at every
/// commit. `check_later` leaves the Ed25519 arithmetic to a batch (`settle`).
pub struct Checker {
    gpg: String,
    /// A key line of people.toml, as read.
    known: HashMap<String, Option<KeyData>>,
    /// An Ed25519 key as a signature names it, ready to check with.
    ed25519: HashMap<[u8; 32], Option<VerifyingKey>>,
    /// Ed25519 signatures waiting for `settle`, with what they show if they hold.
    batch: Vec<Waiting>,
}

/// What a signature shows, or that its Ed25519 check waits for `Checker::settle`.
pub enum Verdict {
    Now(Status),
    Later,
}

struct Waiting {
    key: VerifyingKey,
    signed: Vec<u8>,
    signature: ed25519_dalek::Signature,
    if_valid: Status,
}

/// An SSH signature read, its namespace checked, and what it shows if it verifies.
struct SshRead {
    sig: SshSig,
    if_valid: Status,
}

impl Checker {
    pub fn new(gpg: &str) -> Checker {
        Checker {
            gpg: gpg.to_string(),
            known: HashMap::new(),
            ed25519: HashMap::new(),
            batch: Vec::new(),
        }
    }

    pub fn check(&mut self, signed: &Signed, keys: &[String]) -> Status {
        match self.read(signed, keys) {
            Ok(read) => self.verified(read, &signed.payload),
            Err(status) => status,
        }
    }

    /// What SSH signature `read` shows, checked now.
    fn verified(&mut self, read: SshRead, payload: &[u8]) -> Status {
        match self.verify_ssh(&read.sig, payload) {
            Ok(()) => read.if_valid,
            Err(e) => Status::Bad(t!(SigSshBad, error = e)),
        }
    }

    /// As `check`, but an Ed25519 signature's arithmetic waits for `settle`, which checks
    /// the waiting signatures together (ed25519-dalek's batch verification). Another kind
    /// of signature is checked now.
    pub fn check_later(&mut self, signed: &Signed, keys: &[String]) -> Verdict {
        let read = match self.read(signed, keys) {
            Ok(read) => read,
            Err(status) => return Verdict::Now(status),
        };
        match self.batchable(&read.sig, &signed.payload) {
            Some((key, signed, signature)) => {
                self.batch.push(Waiting {
                    key,
                    signed,
                    signature,
                    if_valid: read.if_valid,
                });
                Verdict::Later
            }
            None => Verdict::Now(self.verified(read, &signed.payload)),
        }
    }

    /// How many signatures wait for `settle`.
    pub fn waiting(&self) -> usize {
        self.batch.len()
    }

    /// What the waiting signatures show, in the order they were given. A batch that does
    /// not verify is checked again signature by signature, so each gets the answer `check`
    /// gives it.
    pub fn settle(&mut self) -> Vec<Status> {
        let batch = std::mem::take(&mut self.batch);
        let messages: Vec<&[u8]> = batch.iter().map(|w| &w.signed[..]).collect();
        let signatures: Vec<_> = batch.iter().map(|w| w.signature).collect();
        let keys: Vec<_> = batch.iter().map(|w| w.key).collect();
        let all_hold = ed25519_dalek::verify_batch(&messages, &signatures, &keys).is_ok();
        batch
            .into_iter()
            .map(|w| {
                let holds = match all_hold {
                    true => Ok(()),
                    false => w.key.verify(&w.signed, &w.signature),
                };
                match holds {
                    Ok(()) => w.if_valid,
                    Err(e) => Status::Bad(t!(SigSshBad, error = ssh_key::Error::from(e))),
                }
            })
            .collect()
    }

    /// An SSH signature read, with what it shows if it verifies; the status itself when the
    /// signature is not an SSH one (OpenPGP ones are checked here), or cannot be one.
    fn read(&mut self, signed: &Signed, keys: &[String]) -> Result<SshRead, Status> {
        let Some(signature) = &signed.signature else {
            return Err(Status::Unsigned);
        };
        if signature.starts_with("-----BEGIN PGP SIGNATURE-----") {
            return Err(check_openpgp(signature, &signed.payload, keys, &self.gpg));
        }
        if !signature.starts_with("-----BEGIN SSH SIGNATURE-----") {
            return Err(Status::UnknownKey(t!(SigUnknownKind)));
        }
        let sig = match SshSig::from_pem(signature) {
            Ok(s) => s,
            Err(e) => return Err(Status::Bad(t!(SigSshUnreadable, error = e))),
        };
        if sig.namespace() != "git" {
            return Err(Status::Bad(t!(
                SigSshNamespace,
                namespace = sig.namespace()
            )));
        }
        let owned = keys.iter().any(|k| {
            self.known
                .entry(k.clone())
                .or_insert_with(|| PublicKey::from_openssh(k.trim()).ok().map(KeyData::from))
                .as_ref()
                .is_some_and(|known| known == sig.public_key())
        });
        let if_valid = if owned {
            Status::Good
        } else {
            let signer = PublicKey::from(sig.public_key().clone());
            Status::UnknownKey(t!(
                SigBySshKey,
                key = signer.fingerprint(ssh_key::HashAlg::Sha256)
            ))
        };
        Ok(SshRead { sig, if_valid })
    }

    /// What `PublicKey::verify("git", payload, sig)` answers, with an Ed25519 key taken from
    /// the cache. Other kinds of key, and a signature with reserved bytes, go to ssh-key.
    fn verify_ssh(&mut self, sig: &SshSig, payload: &[u8]) -> ssh_key::Result<()> {
        match self.batchable(sig, payload) {
            Some((key, signed, signature)) => Ok(key.verify(&signed, &signature)?),
            None => PublicKey::from(sig.public_key().clone()).verify("git", payload, sig),
        }
    }

    /// The key, signed bytes and signature of an Ed25519 signature as SSHSIG signs (the
    /// namespace and a hash of the payload); None for another kind, or one that cannot hold.
    fn batchable(
        &mut self,
        sig: &SshSig,
        payload: &[u8],
    ) -> Option<(VerifyingKey, Vec<u8>, ed25519_dalek::Signature)> {
        let KeyData::Ed25519(key) = sig.public_key() else {
            return None;
        };
        if !sig.reserved().is_empty() || sig.signature().algorithm() != Algorithm::Ed25519 {
            return None;
        }
        let verifying = *self
            .ed25519
            .entry(key.0)
            .or_insert_with(|| VerifyingKey::from_bytes(&key.0).ok())
            .as_ref()?;
        let signed = SshSig::signed_data(sig.namespace(), sig.hash_alg(), payload).ok()?;
        let signature = ed25519_dalek::Signature::from_slice(sig.signature_bytes()).ok()?;
        Some((verifying, signed, signature))
    }
}

/// `gpg --status-fd=1 --verify SIG -`: the `VALIDSIG` fingerprint must be one of `keys`.
fn check_openpgp(signature: &str, payload: &[u8], keys: &[String], gpg: &str) -> Status {
    let dir = match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => return Status::UnknownKey(t!(SigPgpCannotCheckWhy, error = e)),
    };
    let sig_file = dir.path().join("sig.asc");
    if std::fs::write(&sig_file, signature).is_err() {
        return Status::UnknownKey(t!(SigPgpCannotCheck));
    }
    let out = run(
        Command::new(gpg)
            .args(["--status-fd=1", "--verify"])
            .arg(&sig_file)
            .arg("-"),
        payload,
    );
    let out = match out {
        Ok(o) => o,
        Err(e) => return Status::UnknownKey(t!(SigCannotRun, program = gpg, error = e)),
    };
    let mut status = String::new();
    let _ = out.stdout.as_slice().read_to_string(&mut status);
    openpgp_status(&status, keys)
}

/// Reads gpg's status lines.
fn openpgp_status(status: &str, keys: &[String]) -> Status {
    let words = |tag: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(&format!("[GNUPG:] {tag} ")))
            .map(|rest| {
                rest.split_whitespace()
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
    };
    if words("BADSIG").is_some() {
        return Status::Bad(t!(SigPgpBad));
    }
    let Some(valid) = words("VALIDSIG") else {
        return Status::UnknownKey(t!(SigPgpNotInKeyring));
    };
    let norm = |s: &str| s.replace(' ', "").to_uppercase();
    // VALIDSIG <signing key fpr> … <primary key fpr> (the last field).
    let fingerprints = [valid.first(), valid.last()];
    let owned = keys
        .iter()
        .any(|k| fingerprints.iter().flatten().any(|f| norm(f) == norm(k)));
    if owned {
        Status::Good
    } else {
        Status::UnknownKey(t!(
            SigByPgpKey,
            key = valid.first().cloned().unwrap_or_default()
        ))
    }
}

/// The program that checks OpenPGP signatures in this repository.
pub(super) fn gpg_program(repo: &Repository) -> String {
    repo.config()
        .map(|c| program(&c, "openpgp"))
        .unwrap_or_else(|_| "gpg".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    const RAW: &str = "tree 1234\nauthor A <a@x> 1 +0000\ncommitter A <a@x> 1 +0000\ngpgsig -----BEGIN SSH SIGNATURE-----\n abc\n -----END SSH SIGNATURE-----\n\nsubject\n";

    #[test]
    fn takes_the_signature_from_the_header_only() {
        let s = split_signature(RAW.as_bytes());
        assert_eq!(
            s.signature.as_deref(),
            Some("-----BEGIN SSH SIGNATURE-----\nabc\n-----END SSH SIGNATURE-----\n")
        );
        assert_eq!(
            String::from_utf8(s.payload).unwrap(),
            "tree 1234\nauthor A <a@x> 1 +0000\ncommitter A <a@x> 1 +0000\n\nsubject\n"
        );
        let hidden = "tree 1234\nauthor A <a@x> 1 +0000\n\nsubject\n\ngpgsig -----BEGIN SSH SIGNATURE-----\n abc\n";
        let s = split_signature(hidden.as_bytes());
        assert_eq!(s.signature, None);
        assert_eq!(s.payload, hidden.as_bytes());
        assert_eq!(check(&s, &[], "gpg"), Status::Unsigned);
    }

    #[test]
    fn keeps_other_multi_line_headers_in_the_payload() {
        let raw =
            "tree 1\nmergetag object 2\n type commit\ngpgsig-sha256 X\n Y\ngpgsig A\n B\n\nmsg\n";
        let s = split_signature(raw.as_bytes());
        assert_eq!(s.signature.as_deref(), Some("A\nB\n"));
        assert_eq!(
            String::from_utf8(s.payload).unwrap(),
            "tree 1\nmergetag object 2\n type commit\n\nmsg\n"
        );
    }

    /// A commit signed by an Ed25519 key made from `seed`, as `ssh-keygen -Y sign` does it.
    fn ssh_signed(seed: u8, payload: &str) -> (Signed, String) {
        let key: ssh_key::PrivateKey =
            ssh_key::private::Ed25519Keypair::from_seed(&[seed; 32]).into();
        let sig = SshSig::sign(&key, "git", ssh_key::HashAlg::Sha512, payload.as_bytes()).unwrap();
        let signed = Signed {
            signature: Some(sig.to_pem(ssh_key::LineEnding::LF).unwrap()),
            payload: payload.as_bytes().to_vec(),
        };
        (signed, key.public_key().to_openssh().unwrap())
    }

    /// ssh-key's own answer, which the checker's Ed25519 path must give.
    fn as_ssh_key_checks(signed: &Signed) -> Result<(), String> {
        let sig = SshSig::from_pem(signed.signature.as_ref().unwrap()).unwrap();
        PublicKey::from(sig.public_key().clone())
            .verify("git", &signed.payload, &sig)
            .map_err(|e| t!(SigSshBad, error = e))
    }

    #[test]
    fn ssh_signatures_are_checked_with_each_key_read_once() {
        let (good, key) = ssh_signed(7, "tree 1\n\nsubject\n");
        let (other, other_key) = ssh_signed(8, "tree 2\n\nsubject\n");
        let mine = [key.clone()];
        let mut checker = Checker::new("gpg");
        for _ in 0..2 {
            assert_eq!(checker.check(&good, &mine), Status::Good);
            assert_eq!(
                checker.check(&other, &[key.clone(), other_key.clone()]),
                Status::Good
            );
        }
        assert_eq!(check(&good, &mine, "gpg"), Status::Good);
        assert_eq!(checker.ed25519.len(), 2);
        assert_eq!(checker.known.len(), 2);
        // By a key that is not the person's.
        assert_eq!(checker.check(&good, &[other_key]).label(), "unknown-key");
        // Changed after signing: bad, in the words ssh-key uses.
        for changed in ["tree 1\n\nsubject!\n", "", "tree 1\n\nsubject\n\n"] {
            let mut tampered = ssh_signed(7, "tree 1\n\nsubject\n").0;
            tampered.payload = changed.as_bytes().to_vec();
            let why = as_ssh_key_checks(&tampered).unwrap_err();
            assert_eq!(checker.check(&tampered, &mine), Status::Bad(why));
        }
        // Another signer's signature bytes under this key.
        let theirs = SshSig::from_pem(other.signature.as_ref().unwrap()).unwrap();
        let ours = SshSig::from_pem(good.signature.as_ref().unwrap()).unwrap();
        let swapped = SshSig::new(
            ours.public_key().clone(),
            "git",
            ssh_key::HashAlg::Sha512,
            theirs.signature().clone(),
        )
        .unwrap();
        let swapped = Signed {
            signature: Some(swapped.to_pem(ssh_key::LineEnding::LF).unwrap()),
            payload: good.payload.clone(),
        };
        let why = as_ssh_key_checks(&swapped).unwrap_err();
        assert_eq!(checker.check(&swapped, &[key]), Status::Bad(why));
    }

    #[test]
    fn a_batch_settles_each_signature_as_checking_it_alone_does() {
        let (good, key) = ssh_signed(7, "tree 1\n\nsubject\n");
        let other = ssh_signed(8, "tree 2\n\nsubject\n").0;
        let mut tampered = ssh_signed(7, "tree 3\n\nsubject\n").0;
        tampered.payload.push(b'!');
        let keys = [key];
        let cases = [&good, &other, &tampered, &good, &other];
        let alone: Vec<Status> = cases
            .iter()
            .map(|c| Checker::new("gpg").check(c, &keys))
            .collect();
        assert_eq!(alone[0], Status::Good);
        assert_eq!(alone[1].label(), "unknown-key");
        assert_eq!(alone[2].label(), "bad");
        let mut checker = Checker::new("gpg");
        // A batch with a bad signature, then batches that hold, one of them a single one.
        for batch in [&cases[..], &[&good, &other][..], &[&other][..], &[][..]] {
            for c in batch {
                assert!(matches!(checker.check_later(c, &keys), Verdict::Later));
            }
            assert_eq!(checker.waiting(), batch.len());
            let expected: Vec<Status> = batch.iter().map(|c| checker.check(c, &keys)).collect();
            assert_eq!(checker.settle(), expected);
            assert_eq!(checker.waiting(), 0);
        }
        let unsigned = Signed {
            signature: None,
            payload: Vec::new(),
        };
        assert!(matches!(
            checker.check_later(&unsigned, &keys),
            Verdict::Now(Status::Unsigned)
        ));
    }

    #[test]
    fn reads_gpg_status() {
        let keys = vec!["AAAA BBBB".to_string()];
        let good =
            "[GNUPG:] GOODSIG X n\n[GNUPG:] VALIDSIG AAAABBBB 2026 1 0 4 0 22 8 00 AAAABBBB\n";
        assert_eq!(openpgp_status(good, &keys), Status::Good);
        assert_eq!(
            openpgp_status(good, &["CCCC".into()]).label(),
            "unknown-key"
        );
        assert_eq!(
            openpgp_status("[GNUPG:] BADSIG X n\n", &keys).label(),
            "bad"
        );
        assert_eq!(
            openpgp_status("[GNUPG:] ERRSIG X\n", &keys).label(),
            "unknown-key"
        );
    }
}
