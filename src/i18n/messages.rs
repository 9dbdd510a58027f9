// The catalogue: every text sop says to people, in English and in Indonesian, by key
// (src/i18n.rs explains the `messages!` macro). Indonesian follows the SOP documents'
// vocabulary: Pelaksana, Kegiatan, Mutu Baku, Kelengkapan; disetujui, ditolak, ditunda,
// selesai. Placeholders are `{name}`; both texts of a key fill the same ones.

messages! {
    // Start of the lines on stderr.
    ErrorPrefix { en: "error", id: "galat" }
    HintPrefix { en: "hint", id: "saran" }
    WarningPrefix { en: "warning", id: "peringatan" }

    // Request statuses, as tables and sentences show them (JSON and CSV keep the status).
    StatusOpen { en: "open", id: "diproses" }
    StatusHeld { en: "held", id: "ditunda" }
    StatusCancelled { en: "cancelled", id: "dibatalkan" }
    StatusCompleted { en: "completed", id: "selesai" }
    StatusRejected { en: "rejected", id: "ditolak" }
    // A held request's status in a table: `held: REASON (until DATE)`.
    StatusHeldBecause { en: "held: {reason}", id: "ditunda: {reason}" }
    StatusHeldUntil { en: " (until {date})", id: " (sampai {date})" }

    ListCount { en: "{n} request(s)", id: "{n} permintaan" }

    // Asset statuses.
    AssetPlanned { en: "planned", id: "direncanakan" }
    AssetInStock { en: "in-stock", id: "tersedia" }
    AssetInUse { en: "in-use", id: "digunakan" }
    AssetInRepair { en: "in-repair", id: "diperbaiki" }
    AssetTransferred { en: "transferred", id: "dipindahtangankan" }
    AssetDisposed { en: "disposed", id: "dihapuskan" }

    // Table column headers (CSV headers keep the column names).
    ColId { en: "id", id: "nomor" }
    ColProcedure { en: "procedure", id: "prosedur" }
    ColTitle { en: "title", id: "judul" }
    ColStatus { en: "status", id: "status" }
    ColStep { en: "step", id: "langkah" }
    ColRole { en: "role", id: "pelaksana" }
    ColAssignee { en: "assignee", id: "petugas" }
    ColRequester { en: "requester", id: "pemohon" }
    ColCreated { en: "created", id: "diajukan" }
    ColDue { en: "due", id: "tenggat" }
    ColKind { en: "kind", id: "jenis" }
    ColName { en: "name", id: "nama" }
    ColLocation { en: "location", id: "lokasi" }
    ColHolder { en: "holder", id: "pemegang" }
    ColUnit { en: "unit", id: "unit kerja" }
    ColAcquired { en: "acquired", id: "diperoleh" }
    ColValue { en: "value", id: "nilai" }
    ColSteps { en: "steps", id: "langkah" }
    ColVersion { en: "version", id: "versi" }
    ColWhen { en: "when", id: "waktu" }
    ColWho { en: "who", id: "oleh" }
    ColAction { en: "action", id: "tindakan" }
    ColNote { en: "note", id: "catatan" }
    ColActivity { en: "activity", id: "kegiatan" }
    ColRequests { en: "requests", id: "permintaan" }
    ColRequest { en: "request", id: "permintaan" }
    ColAsset { en: "asset", id: "aset" }
    ColAssigned { en: "assigned", id: "ditugaskan" }
    ColPartOf { en: "part of", id: "induk" }
    ColStarted { en: "started", id: "memulai" }
    ColCommit { en: "commit", id: "commit" }
    ColProblem { en: "problem", id: "masalah" }
    ColSerial { en: "serial", id: "nomor seri" }
    ColAt { en: "at", id: "waktu" }
    ColBy { en: "by", id: "oleh" }
    ColSet { en: "set", id: "diubah" }
    ColPrefix { en: "prefix", id: "awalan" }
    ColTotalTime { en: "total time", id: "waktu total" }
    ColNo { en: "no", id: "no" }
    ColInputs { en: "inputs", id: "kelengkapan" }
    ColTime { en: "time", id: "waktu" }
    ColOutput { en: "output", id: "output" }
    ColLeadsTo { en: "leads to", id: "lanjut ke" }
    ColType { en: "type", id: "tipe" }
    ColRequired { en: "required", id: "wajib" }
    ColPattern { en: "pattern", id: "pola" }
    ColField { en: "field", id: "isian" }
    ColTo { en: "to", id: "ke" }
    ColNoteOutput { en: "note / output", id: "catatan / output" }
    ColDone { en: "done", id: "selesai" }
    ColSize { en: "size", id: "ukuran" }
    ShowHeld { en: "{status} since {since}: {reason}", id: "{status} sejak {since}: {reason}" }

    // What a person does to a request, as a verb in a sentence ("cannot approve …").
    VerbCreate { en: "create", id: "membuat" }
    VerbAdvance { en: "advance", id: "melanjutkan" }
    VerbApprove { en: "approve", id: "menyetujui" }
    VerbReject { en: "reject", id: "menolak" }
    VerbCancel { en: "cancel", id: "membatalkan" }
    VerbEdit { en: "edit", id: "mengubah" }
    VerbComment { en: "comment on", id: "mengomentari" }
    VerbAssign { en: "assign", id: "menugaskan" }
    VerbUnassign { en: "unassign", id: "melepas penugasan" }
    VerbHold { en: "hold", id: "menunda" }
    VerbResume { en: "resume", id: "melanjutkan kembali" }
    VerbReturn { en: "return to", id: "kembali ke" }

    // What a history entry did, as tables and progress lines say it (JSON keeps the action).
    DoneCreate { en: "create", id: "diajukan" }
    DoneAdvance { en: "advance", id: "diselesaikan" }
    DoneApprove { en: "approve", id: "disetujui" }
    DoneReject { en: "reject", id: "ditolak" }
    DoneCancel { en: "cancel", id: "dibatalkan" }
    DoneEdit { en: "edit", id: "diubah" }
    DoneComment { en: "comment", id: "catatan" }
    DoneAssign { en: "assign", id: "ditugaskan" }
    DoneUnassign { en: "unassign", id: "penugasan dilepas" }
    DoneHold { en: "hold", id: "ditunda" }
    DoneResume { en: "resume", id: "dilanjutkan" }
    DoneReturn { en: "return", id: "kembali" }

    // Progress lines of the changing commands.
    ActNowAt { en: "now at '{step}': {activity} [{role}]", id: "kini di langkah '{step}': {activity} [{role}]" }
    ActNow { en: "now {status}", id: "kini {status}" }
    ActHeld { en: "; held: {reason}", id: "; ditunda: {reason}" }
    ActAssigned { en: "; assigned to {who}", id: "; ditugaskan kepada {who}" }
    NewCreated {
        en: "created {id} ({name}) at step '{step}': {activity} [{role}]",
        id: "{id} ({name}) diajukan, kini di langkah '{step}': {activity} [{role}]",
    }
    VerifyClean { en: "verified {checked} commit(s): no findings", id: "{checked} commit diperiksa: tidak ada temuan" }
    VerifyFindings {
        en: "{n} finding(s) in {checked} commit(s) checked",
        id: "{n} temuan dalam {checked} commit yang diperiksa",
    }
    NoAttachments { en: "{id} has no attached files", id: "{id} tidak memiliki lampiran" }
    AssetRegistered { en: "registered {id} ({name}, {status})", id: "{id} ({name}, {status}) didaftarkan" }
    AssetCount { en: "{n} asset(s)", id: "{n} aset" }
    SameFileName {
        en: "the request already has a file named {file}: this one is attached as {name}",
        id: "permintaan ini sudah memiliki berkas bernama {file}: berkas ini dilampirkan sebagai {name}",
    }

    // A step's kind, as a sentence names it ("its step 'x' is an approval").
    KindTask { en: "a task", id: "tugas" }
    KindApproval { en: "an approval", id: "persetujuan" }
    KindDecision { en: "a decision", id: "keputusan" }
    KindEnd { en: "an end", id: "akhir" }
    KindStart { en: "a start", id: "awal" }
    KindCall { en: "a call of another procedure", id: "pemanggilan prosedur lain" }

    // The engine's refusals (src/engine/refusal.rs): the command's error and `sop verify`'s
    // finding are the same text.
    RefuseDraft {
        en: "procedure '{procedure}' is a draft and cannot take requests yet",
        id: "prosedur '{procedure}' masih berupa draf dan belum dapat menerima permintaan",
    }
    RefuseNoSteps { en: "procedure '{procedure}' has no steps", id: "prosedur '{procedure}' tidak memiliki langkah" }
    RefuseExists { en: "request {id} already exists", id: "permintaan {id} sudah ada" }
    RefuseNotCreated {
        en: "the request does not exist yet: a new request starts with a create",
        id: "permintaan belum ada: permintaan baru harus diajukan lebih dahulu",
    }
    RefuseFinished {
        en: "request {id} is already {status}: it cannot be changed",
        id: "permintaan {id} sudah {status}: tidak dapat diubah lagi",
    }
    RefuseStepGone {
        en: "request {id} is at step '{step}', which procedure '{procedure}' no longer has",
        id: "permintaan {id} berada pada langkah '{step}', yang tidak lagi ada dalam prosedur '{procedure}'",
    }
    RefuseUnknownField { en: "{whose} has no field '{name}'", id: "{whose} tidak memiliki isian '{name}'" }
    RefuseTakesNoFields { en: " (it takes no fields)", id: " (tidak menerima isian apa pun)" }
    RefuseTakesFields { en: ": it takes {names}", id: ": isiannya {names}" }
    RefuseMissingFields { en: "{whose} needs field(s) {names}", id: "{whose} memerlukan isian {names}" }
    RefuseWrongKind {
        en: "cannot {action} {id}: its step '{step}' is {kind}",
        id: "tidak dapat {action} {id}: langkahnya '{step}' adalah {kind}",
    }
    RefuseNeedsOption {
        en: "step '{step}' of {id} is a decision: choose one of {options}",
        id: "langkah '{step}' pada {id} adalah keputusan: pilih salah satu dari {options}",
    }
    RefuseUnknownOption {
        en: "step '{step}' has no option '{option}': choose one of {options}",
        id: "langkah '{step}' tidak memiliki pilihan '{option}': pilih salah satu dari {options}",
    }
    RefuseNotADecision {
        en: "step '{step}' of {id} is {kind}, not a decision: an option does not apply",
        id: "langkah '{step}' pada {id} adalah {kind}, bukan keputusan: pilihan tidak berlaku",
    }
    RefuseNeedsReason { en: "{action} needs a reason", id: "untuk {action} diperlukan alasan" }
    RefuseNotPermitted {
        en: "{actor} may not do step '{step}' ({activity}) of {id}: {held_by}",
        id: "{actor} tidak berwenang melaksanakan langkah '{step}' ({activity}) pada {id}: {held_by}",
    }
    RefuseSelfDecision {
        en: "{actor} requested {id} and cannot decide it too (separation of duties); {held_by}",
        id: "{actor} adalah pemohon {id} sehingga tidak boleh juga memutuskannya (pemisahan tugas); {held_by}",
    }
    RefuseCancelNotPermitted {
        en: "only the requester ({requester}) or a holder of role '{admin}' may cancel {id}",
        id: "hanya pemohon ({requester}) atau pemegang peran '{admin}' yang boleh membatalkan {id}",
    }
    RefuseLeadsNowhere {
        en: "step '{step}' of procedure '{procedure}' leads nowhere",
        id: "langkah '{step}' pada prosedur '{procedure}' tidak berlanjut ke mana pun",
    }
    RefuseUnknownTarget {
        en: "procedure '{procedure}' leads to unknown step '{target}'",
        id: "prosedur '{procedure}' berlanjut ke langkah '{target}' yang tidak dikenal",
    }
    RefuseNoRoute {
        en: "step '{step}' routes by field '{field}', but {id} has {field} = '{value}', which it has no option for",
        id: "langkah '{step}' bercabang menurut isian '{field}', tetapi {id} berisi {field} = '{value}', yang tidak ada cabangnya",
    }
    RefuseAutomaticLoop {
        en: "procedure '{procedure}' routes in a circle of automatic decisions",
        id: "prosedur '{procedure}' berputar dalam lingkaran keputusan otomatis",
    }
    RefuseAssetNeeded {
        en: "procedure '{procedure}' is about an asset, and none was given",
        id: "prosedur '{procedure}' menyangkut sebuah aset, tetapi asetnya tidak disebutkan",
    }
    RefuseNoAsset { en: "there is no asset {id}", id: "tidak ada aset {id}" }
    RefuseAsset { en: "{procedure} of {id}: {problem}", id: "{procedure} atas {id}: {problem}" }
    RefuseHeld {
        en: "request {id} is on hold ({reason}): it must be resumed first",
        id: "permintaan {id} sedang ditunda ({reason}): harus dilanjutkan kembali lebih dahulu",
    }
    RefuseFrozen {
        en: "field '{name}' of {id} cannot be changed at step '{step}'",
        id: "isian '{name}' pada {id} tidak dapat diubah pada langkah '{step}'",
    }
    RefuseFrozenNone { en: " (the step may change no field)", id: " (langkah ini tidak boleh mengubah isian apa pun)" }
    RefuseFrozenSome { en: ": it may change {names}", id: ": yang boleh diubah {names}" }
    RefuseFileField {
        en: "field '{name}' is a file: it is filled by attaching one, not given as text",
        id: "isian '{name}' berupa berkas: diisi dengan melampirkan berkas, bukan dengan teks",
    }
    RefuseAttachment { en: "attachment '{name}' {problem}", id: "lampiran '{name}' {problem}" }
    RefuseAttachmentType {
        en: "attachment '{name}' is {media_type}, but {whose} takes only {allowed}",
        id: "lampiran '{name}' bertipe {media_type}, tetapi {whose} hanya menerima {allowed}",
    }
    RefuseTooLarge {
        en: "{what} come(s) to {human} ({size} bytes), over the limit of {limit_mb} MiB ({key})",
        id: "{what} berukuran {human} ({size} bita), melebihi batas {limit_mb} MiB ({key})",
    }

    // The engine's other refusals (src/engine/actions.rs, mod.rs).
    SecretNotEditable {
        en: "field '{name}' is secret: it is never stored, so there is nothing to correct",
        id: "isian '{name}' bersifat rahasia: tidak pernah disimpan, jadi tidak ada yang dapat diperbaiki",
    }
    EmptyTitle { en: "the title cannot be empty", id: "judul tidak boleh kosong" }
    EditChangesNothing {
        en: "the edit changes nothing: {id} already has these values",
        id: "perubahan ini tidak mengubah apa pun: {id} sudah berisi nilai-nilai tersebut",
    }
    CommentNeedsText { en: "a comment needs a text", id: "catatan harus berisi teks" }
    RequesterStep {
        en: "step '{step}' of {id} is the requester's: it cannot be given to someone else",
        id: "langkah '{step}' pada {id} adalah bagian pemohon: tidak dapat ditugaskan kepada orang lain",
    }
    NotAPerson { en: "'{who}' is not a person in people.toml", id: "'{who}' tidak terdaftar di people.toml" }
    CannotBeGiven {
        en: "{who} cannot be given step '{step}' of {id}: {held_by}",
        id: "langkah '{step}' pada {id} tidak dapat ditugaskan kepada {who}: {held_by}",
    }
    AlreadyAssigned {
        en: "step '{step}' of {id} is already assigned to {who}",
        id: "langkah '{step}' pada {id} sudah ditugaskan kepada {who}",
    }
    NotAssigned {
        en: "step '{step}' of {id} is not assigned to anyone",
        id: "langkah '{step}' pada {id} tidak ditugaskan kepada siapa pun",
    }
    HoldPast {
        en: "the hold cannot end on {until}, which is already past",
        id: "penundaan tidak dapat berakhir pada {until}, yang sudah lewat",
    }
    NotHeld {
        en: "request {id} is not on hold: there is nothing to resume",
        id: "permintaan {id} tidak sedang ditunda: tidak ada yang dilanjutkan kembali",
    }
    NotResumable {
        en: "request {id} is {status}, and the procedure does not let that end be resumed",
        id: "permintaan {id} sudah {status}, dan prosedur tidak mengizinkan akhir itu dilanjutkan kembali",
    }
    OutsiderNeedsName { en: "the outside requester needs a name", id: "pemohon dari luar harus diberi nama" }
    OnBehalfNone { en: "the procedure's on_behalf names no role", id: "on_behalf pada prosedur tidak menyebut peran apa pun" }
    OnBehalfRoles { en: "the procedure's on_behalf lets {roles} do so", id: "on_behalf pada prosedur mengizinkan {roles}" }
    OnBehalfForbidden {
        en: "{actor} may not open a {procedure} request for someone outside people.toml: {roles} (or '{admin}')",
        id: "{actor} tidak berwenang mengajukan permintaan {procedure} untuk orang di luar people.toml: {roles} (atau '{admin}')",
    }
    NotSecret { en: "field '{name}' is not a secret field", id: "isian '{name}' bukan isian rahasia" }
    NotAFileField {
        en: "cannot fill field '{name}', which is not a file field",
        id: "tidak dapat mengisi isian '{name}', yang bukan isian berkas",
    }
    TakesNoFiles { en: "cannot come with a {action}, which takes no files", id: "tidak dapat disertakan pada tindakan {action}, yang tidak menerima berkas" }

    // A field's value as given (src/field.rs).
    FieldEmpty { en: "field '{name}' is empty", id: "isian '{name}' kosong" }
    FieldNumber { en: "field '{name}' must be a number, not '{raw}'", id: "isian '{name}' harus berupa angka, bukan '{raw}'" }
    FieldInteger { en: "field '{name}' must be a whole number, not '{raw}'", id: "isian '{name}' harus berupa bilangan bulat, bukan '{raw}'" }
    FieldDate { en: "field '{name}' must be a date YYYY-MM-DD, not '{raw}'", id: "isian '{name}' harus berupa tanggal TTTT-BB-HH, bukan '{raw}'" }
    FieldEmail { en: "field '{name}' must be an email address, not '{raw}'", id: "isian '{name}' harus berupa alamat email, bukan '{raw}'" }
    FieldChoice { en: "field '{name}' must be one of {choices}, not '{raw}'", id: "isian '{name}' harus salah satu dari {choices}, bukan '{raw}'" }
    FieldBool { en: "field '{name}' must be true or false, not '{raw}'", id: "isian '{name}' harus ya atau tidak (true/false), bukan '{raw}'" }
    FieldFile {
        en: "field '{name}' is a file: it is given by attaching one, not as text",
        id: "isian '{name}' berupa berkas: diberikan dengan melampirkan berkas, bukan sebagai teks",
    }
    FieldPerson { en: "field '{name}' must name a person in people.toml, not '{raw}'", id: "isian '{name}' harus menyebut orang yang terdaftar di people.toml, bukan '{raw}'" }
    FieldPattern { en: "field '{name}' does not match the pattern {pattern}: '{raw}'", id: "isian '{name}' tidak sesuai pola {pattern}: '{raw}'" }
    FieldKeyValue { en: "--field '{arg}' must be KEY=VALUE", id: "--field '{arg}' harus berbentuk NAMA=NILAI" }

    // Who a refusal is about (the `whose` of a refusal) and who may act instead.
    WhoseProcedure { en: "procedure '{id}'", id: "prosedur '{id}'" }
    WhoseStep { en: "step '{step}' of {id}", id: "langkah '{step}' pada {id}" }
    WhoseStepAlone { en: "step '{step}'", id: "langkah '{step}'" }
    WhoseForm { en: "the request form", id: "formulir permintaan" }
    HeldByAssigned { en: "the step is assigned to {who}", id: "langkah ini ditugaskan kepada {who}" }
    HeldByRequester { en: "{label} ({role}): the requester", id: "{label} ({role}): pemohon sendiri" }
    HeldByRole { en: "{label} ({role}), held by {holders}", id: "{label} ({role}), dipegang oleh {holders}" }
    HeldByNobody { en: "nobody in people.toml", id: "tidak seorang pun di people.toml" }
    HeldByField {
        en: "the step's role goes by field '{field}', and the request's value ({value}) names none",
        id: "pelaksana langkah ini ditentukan oleh isian '{field}', dan nilainya pada permintaan ({value}) tidak menunjuk pelaksana mana pun",
    }
    HeldByNone { en: "none", id: "kosong" }
    HeldByNoRole { en: "the step names no role", id: "langkah ini tidak menyebut pelaksana" }
    HeldByFor { en: "the step is for {parts}", id: "Pelaksana langkah ini: {parts}" }
    HeldByOr { en: "; or ", id: "; atau " }

    // Hints the command line adds to a refusal (src/change.rs).
    HintDraft {
        en: "{file}: set draft = false once the office has approved it",
        id: "{file}: tulis draft = false setelah prosedur disahkan kantor",
    }
    HintGiveFields { en: "give them with --field NAME=VALUE", id: "isi dengan --field NAMA=NILAI" }
    HintAttachFiles { en: "attach the file(s) with {attach}", id: "lampirkan berkasnya dengan {attach}" }
    HintGiveBoth {
        en: "give them with --field NAME=VALUE and {attach}",
        id: "isi dengan --field NAMA=NILAI dan {attach}",
    }
    HintFormFields {
        en: "{give}; `sop procedure show {procedure}` lists the form fields",
        id: "{give}; `sop procedure show {procedure}` menampilkan isian formulirnya",
    }
    HintUseApproval {
        en: "use `sop approve {id}` or `sop reject {id} --reason ...`",
        id: "gunakan `sop approve {id}` atau `sop reject {id} --reason ...`",
    }
    HintUseDecision {
        en: "use `sop advance {id} --choose OPTION` with one of: {options}",
        id: "gunakan `sop advance {id} --choose PILIHAN` dengan salah satu dari: {options}",
    }
    HintUseAdvance { en: "use `sop advance {id}`", id: "gunakan `sop advance {id}`" }
    HintChoose { en: "give the option with --choose OPTION", id: "sebutkan pilihan dengan --choose PILIHAN" }
    HintNoChoose { en: "leave out --choose", id: "hilangkan --choose" }
    HintReason { en: "give it with --reason TEXT", id: "tuliskan dengan --reason TEKS" }
    HintCheck { en: "run `sop procedure check`", id: "jalankan `sop procedure check`" }
    HintAsset {
        en: "give the asset with --asset ID (`sop asset list` shows them)",
        id: "sebutkan asetnya dengan --asset NOMOR (`sop asset list` menampilkannya)",
    }
    HintAttachField { en: "attach the file with --attach {name}=PATH", id: "lampirkan berkasnya dengan --attach {name}=BERKAS" }
    HintAttachmentType {
        en: "attach a file of one of those types (the type is read from the file's content)",
        id: "lampirkan berkas dengan salah satu tipe tersebut (tipenya dibaca dari isi berkas)",
    }
    HintAttachmentLimits {
        en: "the limits are max_file_mb and max_request_mb under [attachments] in sop.toml (an administrator's change)",
        id: "batasnya adalah max_file_mb dan max_request_mb di bagian [attachments] pada sop.toml (diubah oleh administrator)",
    }

    // Errors of the commands.
    NoRequest { en: "no request {id} in the committed records", id: "tidak ada permintaan {id} dalam catatan yang sudah di-commit" }
    HintSopList { en: "`sop list` shows them", id: "`sop list` menampilkannya" }
    NotCommitted {
        en: "sop.toml is not committed yet: commit the records directory first (git add -A && git commit)",
        id: "sop.toml belum di-commit: commit direktori catatan lebih dahulu (git add -A && git commit)",
    }
    WhoActs {
        en: "who is acting? pass --as PERSON, set SOP_ACTOR, or set git's user.email",
        id: "siapa yang bertindak? berikan --as ORANG, isi SOP_ACTOR, atau atur user.email pada git",
    }
    NotInPeople {
        en: "'{who}' is not in people.toml: only people listed there may act; ask an administrator to add them, or pass --as PERSON",
        id: "'{who}' tidak terdaftar di people.toml: hanya orang yang terdaftar di sana yang boleh bertindak; minta administrator menambahkannya, atau berikan --as ORANG",
    }
    NotRecordsDir {
        en: "not in a records directory: no sop.toml here or in any parent folder; run `sop init`, or pass -C DIR or set SOP_RECORDS",
        id: "bukan di direktori catatan: tidak ada sop.toml di sini maupun di folder induknya; jalankan `sop init`, atau berikan -C DIR atau isi SOP_RECORDS",
    }
    RecordsDirNotFound {
        en: "records directory {dir} not found: {error}",
        id: "direktori catatan {dir} tidak ditemukan: {error}",
    }
    NoSopToml {
        en: "{root} is not a records directory (it has no sop.toml): run `sop init {dir}`",
        id: "{root} bukan direktori catatan (tidak ada sop.toml): jalankan `sop init {dir}`",
    }
    NoProcedure {
        en: "no procedure '{id}' ({rel} is not in the committed records)",
        id: "tidak ada prosedur '{id}' ({rel} tidak ada dalam catatan yang sudah di-commit)",
    }
    HintNoProcedure {
        en: "`sop procedure list` shows the procedures; a new one is used once an administrator commits it",
        id: "`sop procedure list` menampilkan daftar prosedur; prosedur baru dipakai setelah administrator meng-commit-nya",
    }
    HintFixRules {
        en: "`sop procedure check` lists every finding; an administrator fixes {rel} and commits it",
        id: "`sop procedure check` menampilkan setiap temuan; administrator memperbaiki {rel} lalu meng-commit-nya",
    }
    UncommittedRules {
        en: "{rel} has changes that are not committed; sop uses the committed version (commit it with git to use it)",
        id: "{rel} memiliki perubahan yang belum di-commit; sop memakai versi yang sudah di-commit (commit dengan git untuk memakainya)",
    }
    ARequestId { en: "a request", id: "nomor permintaan" }
    AnAssetId { en: "an asset", id: "nomor aset" }
    NounRequest { en: "request", id: "permintaan" }
    NounRequests { en: "requests", id: "permintaan" }
    NounAsset { en: "asset", id: "aset" }
    NounAssets { en: "assets", id: "aset" }
    BadId {
        en: "'{given}' is not {a_what} id: ids look like {example} (a unique start such as {start} is enough)",
        id: "'{given}' bukan {a_what} yang sah: nomornya berbentuk {example} (awalan yang unik seperti {start} sudah cukup)",
    }
    NoSuch { en: "no {what} {given}: `{lister}` shows them", id: "tidak ada {what} {given}: `{lister}` menampilkannya" }
    Ambiguous {
        en: "'{given}' is ambiguous: {n} {whats} start with it ({ids}…); type more of the id",
        id: "'{given}' tidak jelas: {n} {whats} berawalan itu ({ids}…); ketik nomornya lebih panjang",
    }
    QuietFormat {
        en: "-q prints only the id: it does not go with --format {format}",
        id: "-q hanya mencetak nomornya: tidak dapat digabung dengan --format {format}",
    }
    FormatOneKind {
        en: "{name} prints one kind of output: --format {given} is not for it",
        id: "{name} hanya mencetak satu jenis keluaran: --format {given} tidak berlaku untuknya",
    }
    FormatShowGraph {
        en: "sop show draws a request's flow with --graph {given}, not --format",
        id: "sop show menggambar alur permintaan dengan --graph {given}, bukan --format",
    }
    FormatGraphOnly {
        en: "--format {given} is for `sop procedure graph` only",
        id: "--format {given} hanya untuk `sop procedure graph`",
    }
    FormatCannot {
        en: "{name} cannot print --format {given}: it prints {formats}",
        id: "{name} tidak dapat mencetak --format {given}: formatnya {formats}",
    }
    HintFormat {
        en: "leave out --format, or give one of the formats named",
        id: "hilangkan --format, atau berikan salah satu format yang disebut",
    }
    MayNotRegister {
        en: "{actor} may not register assets: that is for a holder of role '{role}' ({holders}) or '{admin}'",
        id: "{actor} tidak berwenang mendaftarkan aset: itu tugas pemegang peran '{role}' ({holders}) atau '{admin}'",
    }
    UnreadableRequests {
        en: "{n} request file(s) could not be read (see the warnings above)",
        id: "{n} berkas permintaan tidak dapat dibaca (lihat peringatan di atas)",
    }
    UntilNotDate {
        en: "--until '{date}' is not a date: write it as 2026-12-31",
        id: "--until '{date}' bukan tanggal: tuliskan seperti 2026-12-31",
    }
    NotUtf8Arg {
        en: "argument {n} ({arg}) is not UTF-8 text (invalid byte at position {at})",
        id: "argumen {n} ({arg}) bukan teks UTF-8 (bita tidak sah pada posisi {at})",
    }
    HintUtf8 { en: "give every value as UTF-8 text", id: "berikan setiap nilai sebagai teks UTF-8" }
    NoAttachmentNamed { en: "{id} has no attached file named '{name}'", id: "{id} tidak memiliki lampiran bernama '{name}'" }
    ItsFiles { en: "its files: {names}", id: "lampirannya: {names}" }
    OutputIsFolder { en: "--output {path} is a folder: give a file name", id: "--output {path} adalah folder: berikan nama berkas" }
    OutputExists { en: "--output {path} exists already", id: "--output {path} sudah ada" }
    HintForce { en: "add --force to replace it", id: "tambahkan --force untuk menimpanya" }
    GraphNoFormat {
        en: "`sop show --graph` prints the flow itself: it does not go with --format",
        id: "`sop show --graph` mencetak alurnya sendiri: tidak dapat digabung dengan --format",
    }
    HintGraphNoFormat { en: "leave out --format, or --graph", id: "hilangkan --format, atau --graph" }
    NoAssetCommitted {
        en: "no asset {id} in the committed records: `sop asset list` shows them",
        id: "tidak ada aset {id} dalam catatan yang sudah di-commit: `sop asset list` menampilkannya",
    }
    FailsCheck {
        en: "{rel} does not pass `sop procedure check`, so sop will not use it: {findings}{more}",
        id: "{rel} tidak lolos `sop procedure check`, sehingga sop tidak memakainya: {findings}{more}",
    }
    AndMore { en: " (and {n} more)", id: " (dan {n} lagi)" }
    HolidayNotCommitted {
        en: "sop.toml names holiday file {rel}, which is not committed",
        id: "sop.toml menyebut berkas hari libur {rel}, yang belum di-commit",
    }
    HintHoliday {
        en: "commit it, or take it out of [calendar] holiday_files",
        id: "commit berkas itu, atau keluarkan dari holiday_files di bagian [calendar]",
    }
    NoRepository {
        en: "not in a records directory or git repository: {error}; pass -C DIR",
        id: "bukan di direktori catatan atau repositori git: {error}; berikan -C DIR",
    }
    NothingToEdit { en: "nothing to edit", id: "tidak ada yang diubah" }
    HintNothingToEdit {
        en: "give --field NAME=VALUE, --title TEXT or --attach [FIELD=]FILE",
        id: "berikan --field NAMA=NILAI, --title TEKS atau --attach [ISIAN=]BERKAS",
    }
    UnknownFilterValue {
        en: "{option} '{given}' is not known here: it takes {valid}",
        id: "{option} '{given}' tidak dikenal di sini: nilainya {valid}",
    }
    OneOfOr { en: "{rest} or {last}", id: "{rest} atau {last}" }
    InitDone {
        en: "initialised records directory {dir} with {procedures} procedure(s); next: sop -C {dir} procedure list",
        id: "direktori catatan {dir} dibuat dengan {procedures} prosedur; selanjutnya: sop -C {dir} procedure list",
    }
    InitDemoDone {
        en: "initialised records directory {dir} with {procedures} procedure(s) and a month of demo work: {requests} request(s), {assets} asset(s), {changes} change(s); next: sop -C {dir} list",
        id: "direktori catatan {dir} dibuat dengan {procedures} prosedur dan sebulan contoh pekerjaan: {requests} permintaan, {assets} aset, {changes} perubahan; selanjutnya: sop -C {dir} list",
    }

    InitAgain {
        en: "{dir} is already the records directory `{subject}` makes: left as it is (for a fresh one, give a new folder); next: sop -C {dir} list",
        id: "{dir} sudah merupakan direktori catatan yang dibuat `{subject}`: dibiarkan apa adanya (untuk yang baru, berikan folder baru); selanjutnya: sop -C {dir} list",
    }
    InitOther {
        en: "{dir} is already a records directory (it has sop.toml){made_by}: sop init leaves it as it is",
        id: "{dir} sudah merupakan direktori catatan (ada sop.toml){made_by}: sop init membiarkannya apa adanya",
    }
    InitMadeBy { en: ", made by `{other}`", id: ", dibuat oleh `{other}`" }
    HintInitOther { en: "give `{subject}` a new folder", id: "berikan folder baru untuk `{subject}`" }

    // Help (src/help.rs): the summary of each command and the global options. The English is
    // the doc comment clap reads (a unit test keeps the two the same).
    HelpExamples { en: "Examples:", id: "Contoh:" }
    HelpGlobalOptions { en: "Global options", id: "Opsi umum" }
    HelpUsage { en: "Usage:", id: "Penggunaan:" }
    HelpHelp { en: "Print this message or the help of the given subcommand(s)", id: "Menampilkan pesan ini atau bantuan subperintah yang disebut" }
    AboutSop {
        en: "Standard Operating Procedures as tracked, enforceable, auditable workflows in git",
        id: "Standar Operasional Prosedur sebagai alur kerja yang terlacak, ditegakkan dan dapat diaudit di git",
    }
    AboutNew { en: "Create a request at the first step of a procedure", id: "Mengajukan permintaan baru pada langkah pertama sebuah prosedur" }
    AboutAdvance { en: "Complete the current task or decision step and move on", id: "Menyelesaikan langkah tugas atau keputusan saat ini lalu melanjutkan" }
    AboutApprove { en: "Approve the current approval step", id: "Menyetujui langkah persetujuan saat ini" }
    AboutReject { en: "Reject the current approval step, with a reason", id: "Menolak langkah persetujuan saat ini, dengan alasan" }
    AboutCancel { en: "Withdraw an open request, with a reason", id: "Membatalkan permintaan yang masih diproses, dengan alasan" }
    AboutEdit {
        en: "Correct a request's fields or title at a step you may act on (such as a returned form)",
        id: "Memperbaiki isian atau judul permintaan pada langkah yang boleh Anda kerjakan (misalnya formulir yang dikembalikan)",
    }
    AboutComment { en: "Add a comment to a request's history, without moving it", id: "Menambahkan catatan pada riwayat permintaan, tanpa memindahkannya" }
    AboutAssign { en: "Give the current step to one person who holds its role", id: "Menugaskan langkah saat ini kepada satu orang pemegang perannya" }
    AboutUnassign { en: "Give the current step back to every holder of its role", id: "Mengembalikan langkah saat ini kepada semua pemegang perannya" }
    AboutHold {
        en: "Put a request on hold (its clock stops) while it waits on something outside the office",
        id: "Menunda permintaan (waktunya berhenti) selama menunggu sesuatu di luar kantor",
    }
    AboutResume {
        en: "Resume a held request, or one whose end the procedure lets be resumed",
        id: "Melanjutkan kembali permintaan yang ditunda, atau yang akhirnya boleh dilanjutkan menurut prosedur",
    }
    AboutShow {
        en: "One request: fields, current step with its due time, and history; or its flow (--graph)",
        id: "Satu permintaan: isian, langkah saat ini dengan tenggatnya, dan riwayat; atau alurnya (--graph)",
    }
    AboutPrint {
        en: "A request on paper (PDF or HTML): its form and history, or a step's berita acara",
        id: "Permintaan di atas kertas (PDF atau HTML): formulir dan riwayatnya, atau berita acara sebuah langkah",
    }
    AboutList { en: "Requests, newest first", id: "Daftar permintaan, yang terbaru lebih dahulu" }
    AboutAttachment {
        en: "The files attached to a request (with NAME: that file's content)",
        id: "Berkas yang dilampirkan pada permintaan (dengan NAMA: isi berkas itu)",
    }
    AboutProcedure { en: "The SOP catalogue: list, show, check, graph, doc", id: "Katalog SOP: list, show, check, graph, doc" }
    AboutAsset { en: "The asset register: add, import, list, show", id: "Daftar aset: add, import, list, show" }
    AboutLog {
        en: "A request's history with the commit of each change and its signature status",
        id: "Riwayat permintaan dengan commit setiap perubahan dan status tanda tangannya",
    }
    AboutVerify {
        en: "Replay history and check every change; exit 6 when anything is wrong",
        id: "Memutar ulang riwayat dan memeriksa setiap perubahan; keluar dengan kode 6 bila ada yang salah",
    }
    AboutReport {
        en: "Counts per status and, per step, time taken against the standard time, with breaches; with --monitoring, Tabel 7 \"Monitoring Pelaksanaan SOP AP\" (each procedure judged) and a recap per month",
        id: "Jumlah per status dan, per langkah, waktu yang dipakai dibanding Mutu Baku waktu, dengan pelanggarannya; dengan --monitoring, Tabel 7 \"Monitoring Pelaksanaan SOP AP\" (penilaian tiap prosedur) dan rekap per bulan",
    }
    AboutSite {
        en: "Write the SOP catalogue and the requests as a static HTML site",
        id: "Menulis katalog SOP dan permintaan sebagai situs HTML statis",
    }
    AboutSync {
        en: "Pull (rebase) from the shared repository and push this office's changes",
        id: "Menarik (rebase) dari repositori bersama dan mengirim perubahan kantor ini",
    }
    AboutInit {
        en: "Make a records directory (and a git repository, when not inside one)",
        id: "Membuat direktori catatan (dan repositori git, bila belum berada di dalamnya)",
    }
    AboutCompletions {
        en: "Print a static completion script (live values: `COMPLETE=SHELL sop`)",
        id: "Mencetak skrip pelengkapan statis (nilai langsung: `COMPLETE=SHELL sop`)",
    }
    AboutProcedureList { en: "The procedures of this office", id: "Daftar prosedur kantor ini" }
    AboutProcedureShow {
        en: "One procedure's flow: each step, who does it, what it needs and where it leads",
        id: "Alur satu prosedur: setiap langkah, Pelaksananya, Kelengkapan yang diperlukan dan ke mana berlanjut",
    }
    AboutProcedureCheck {
        en: "Lint every procedure, sop.toml and people.toml; exit 3 on any finding",
        id: "Memeriksa setiap prosedur, sop.toml dan people.toml; keluar dengan kode 3 bila ada temuan",
    }
    AboutProcedureGraph {
        en: "One procedure's flowchart with a swimlane per role (--format mermaid, the default, or dot)",
        id: "Bagan alir satu prosedur dengan satu lajur per Pelaksana (--format mermaid, bawaan, atau dot)",
    }
    AboutProcedureDoc {
        en: "The SOP document as Permenpan RB 35/2012 lays it out: the identity page and the flow table (--format svg, pdf or html; svg by default)",
        id: "Dokumen SOP menurut tata letak Permenpan RB 35/2012: halaman identitas dan tabel alur (--format svg, pdf atau html; bawaan svg)",
    }
    AboutAssetAdd { en: "Register one asset", id: "Mendaftarkan satu aset" }
    AboutAssetImport {
        en: "Register or update many assets from CSV (with a header row) or JSON lines, in one commit",
        id: "Mendaftarkan atau memperbarui banyak aset dari CSV (dengan baris judul) atau JSON lines, dalam satu commit",
    }
    AboutAssetList { en: "Assets as committed, filtered", id: "Daftar aset yang sudah di-commit, dengan saringan" }
    AboutAssetShow {
        en: "One asset: its columns, status history and the requests about it",
        id: "Satu aset: kolomnya, riwayat statusnya dan permintaan yang menyangkutnya",
    }
    ArgRecords {
        en: "The records directory (default: $SOP_RECORDS, else the current folder and its parents)",
        id: "Direktori catatan (bawaan: $SOP_RECORDS, atau folder saat ini dan induk-induknya)",
    }
    ArgAs {
        en: "Act as this person (id or email in people.toml; default $SOP_ACTOR, else git's user.email)",
        id: "Bertindak sebagai orang ini (id atau email di people.toml; bawaan $SOP_ACTOR, atau user.email git)",
    }
    ArgFormat {
        en: "Output format (default: table; mermaid for `sop procedure graph`, svg for `sop procedure doc`, pdf for `sop print`). A command refuses (exit 2) a format it cannot print",
        id: "Format keluaran (bawaan: table; mermaid untuk `sop procedure graph`, svg untuk `sop procedure doc`, pdf untuk `sop print`). Perintah menolak (kode 2) format yang tidak dapat dicetaknya",
    }
    ArgColor {
        en: "When to colour tables (overdue red, held yellow, finished dim): auto is on a terminal unless NO_COLOR is set. Colour never changes the layout",
        id: "Kapan tabel diwarnai (lewat tenggat merah, ditunda kuning, selesai redup): auto berarti di terminal kecuali NO_COLOR diisi. Warna tidak pernah mengubah tata letak",
    }
    ArgWide {
        en: "Tables on a terminal: every column and every cell whole, even wider than the terminal (without it they are fitted to its width). Piped tables are always whole",
        id: "Tabel di terminal: setiap kolom dan sel utuh, meski lebih lebar dari terminal (tanpa ini disesuaikan dengan lebarnya). Tabel yang dialirkan lewat pipa selalu utuh",
    }

    // ==== Help of each option and argument, and clap's own words (src/help.rs). ====
    // (Keys of this section go directly below this line.)
    // tests/cli/shipped.rs: the man pages (man/, man/id/): the section titles clap_mangen
    // writes (and EXAMPLES) and the manual's name in the `.TH` line, as man-db's Indonesian
    // pages title them.
    ManName { en: "NAME", id: "NAMA" }
    ManSynopsis { en: "SYNOPSIS", id: "RINGKASAN" }
    ManDescription { en: "DESCRIPTION", id: "DESKRIPSI" }
    ManOptions { en: "OPTIONS", id: "OPSI" }
    ManSubcommands { en: "SUBCOMMANDS", id: "PERINTAH" }
    ManVersion { en: "VERSION", id: "VERSI" }
    ManExamples { en: "EXAMPLES", id: "CONTOH" }
    ManManual { en: "sop Manual", id: "Panduan sop" }
    // src/help.rs: the rest of a command's description under its summary (`--help`, the
    // DESCRIPTION of its man page).
    AboutNewLong {
        en: "The request starts at the procedure's first step, with the form fields given by --field; `sop new PROCEDURE --help` lists the procedure's form fields. On success the new id is printed on stdout (and a line about it on stderr), so `id=$(sop new …)` works.",
        id: "Permintaan dimulai pada langkah pertama prosedur, dengan isian formulir yang diberikan lewat --field; `sop new PROCEDURE --help` menampilkan isian formulir prosedur itu. Bila berhasil, id barunya dicetak di stdout (dan satu baris tentangnya di stderr), sehingga `id=$(sop new …)` dapat dipakai.",
    }
    AboutPrintLong {
        en: "A4 pages: the request form filled in, the steps done with who (name, NIP, role, Plh), when, output, note and commit, and signature blocks; or, with --step, the document the step's template writes. Every page names the request and the commit of the printed state and carries a QR code of both (`sop:ID@COMMIT`): `sop verify ID` must pass and the commit must be in `sop log ID`.",
        id: "Halaman A4: formulir permintaan yang sudah diisi, langkah yang sudah dikerjakan beserta pelakunya (nama, NIP, pelaksana, Plh), waktu, output, catatan dan commit-nya, serta kolom tanda tangan; atau, bila sebuah langkah disebut, dokumen yang ditulis templat langkah itu. Setiap halaman menyebut permintaan dan commit dari keadaan yang dicetak, dan memuat kode QR keduanya (`sop:ID@COMMIT`): `sop verify ID` harus lolos dan commit itu harus ada di `sop log ID`.",
    }
    AboutSiteLong {
        en: "For an intranet or a shared folder: no server, opens from disk, prints well. Each SOP with its document, flowchart and figures (open, overdue, monitoring judgement), and a page per request. A second run rewrites only the pages that changed.",
        id: "Untuk intranet atau folder bersama: tanpa server, terbuka langsung dari disk, rapi bila dicetak. Setiap SOP dengan dokumen, bagan alir dan angkanya (diproses, lewat tenggat, penilaian monitoring), dan satu halaman per permintaan. Menjalankannya lagi hanya menulis ulang halaman yang berubah.",
    }
    AboutCompletionsLong {
        en: "The static script completes commands, options and fixed values. For live values too (request ids, people, procedures, …), load the glue `COMPLETE=SHELL sop` prints instead.",
        id: "Skrip statis melengkapi perintah, opsi dan nilai tetap. Untuk nilai langsung juga (id permintaan, orang, prosedur, …), muat skrip penghubung yang dicetak `COMPLETE=SHELL sop` sebagai gantinya.",
    }

    // src/help.rs: clap's own words in the help (headings, the help and version flags, what
    // clap writes beside an argument's help). English is clap's own; only the Indonesian is
    // shown.
    HelpArguments { en: "Arguments", id: "Argumen" }
    HelpOptions { en: "Options", id: "Opsi" }
    HelpCommands { en: "Commands", id: "Perintah" }
    HelpCommandValue { en: "COMMAND", id: "PERINTAH" }
    HelpOptionsValue { en: "[OPTIONS]", id: "[OPSI]" }
    HelpDefault { en: "default", id: "bawaan" }
    HelpValues { en: "possible values", id: "pilihan" }
    HelpValuesLong { en: "Possible values:", id: "Pilihan:" }
    HelpAliases { en: "aliases", id: "alias" }
    HelpFlag { en: "Print help", id: "Menampilkan bantuan" }
    HelpFlagShort { en: "Print help (see more with '--help')", id: "Menampilkan bantuan (selengkapnya dengan '--help')" }
    HelpFlagLong { en: "Print help (see a summary with '-h')", id: "Menampilkan bantuan (ringkasannya dengan '-h')" }
    HelpVersion { en: "Print version", id: "Menampilkan versi" }

    // src/help.rs: clap's errors on the command line (exit 2). English is clap's own.
    ClapUnknownArgument { en: "unexpected argument '{arg}' found", id: "argumen '{arg}' tidak dikenal" }
    ClapNoValue {
        en: "a value is required for '{arg}' but none was supplied",
        id: "'{arg}' memerlukan nilai, tetapi tidak ada yang diberikan",
    }
    ClapInvalidValue { en: "invalid value '{value}' for '{arg}'", id: "nilai '{value}' tidak sah untuk '{arg}'" }
    ClapUnknownSubcommand { en: "unrecognized subcommand '{name}'", id: "subperintah '{name}' tidak dikenal" }
    ClapMissingArguments {
        en: "the following required arguments were not provided:",
        id: "argumen wajib berikut belum diberikan:",
    }
    ClapMissingSubcommand {
        en: "'{name}' requires a subcommand but one was not provided",
        id: "'{name}' memerlukan subperintah, tetapi tidak ada yang diberikan",
    }
    ClapSubcommands { en: "subcommands", id: "subperintah" }
    ClapUsedTwice {
        en: "the argument '{arg}' cannot be used multiple times",
        id: "argumen '{arg}' tidak boleh dipakai lebih dari sekali",
    }
    ClapConflict { en: "the argument '{arg}' cannot be used with", id: "argumen '{arg}' tidak dapat dipakai bersama" }
    ClapConflictOthers {
        en: "one or more of the other specified arguments",
        id: "satu atau beberapa argumen lain yang diberikan",
    }
    ClapTooManyValues {
        en: "unexpected value '{value}' for '{arg}' found; no more were expected",
        id: "nilai '{value}' untuk '{arg}' berlebih; tidak ada nilai lagi yang diharapkan",
    }
    ClapTooFewValues {
        en: "{min} values required by '{arg}'; only {n} provided",
        id: "'{arg}' memerlukan {min} nilai; hanya {n} yang diberikan",
    }
    ClapWrongNumberOfValues {
        en: "{expected} values required for '{arg}' but {n} provided",
        id: "'{arg}' memerlukan {expected} nilai, tetapi {n} yang diberikan",
    }
    ClapNoEquals {
        en: "equal sign is needed when assigning values to '{arg}'",
        id: "tanda sama dengan diperlukan untuk memberi nilai kepada '{arg}'",
    }
    ClapSimilarArgument { en: "a similar argument exists: {names}", id: "ada argumen yang mirip: {names}" }
    ClapSimilarSubcommand { en: "a similar subcommand exists: {names}", id: "ada subperintah yang mirip: {names}" }
    ClapSimilarValue { en: "a similar value exists: {names}", id: "ada nilai yang mirip: {names}" }
    ClapPassAsValue {
        en: "to pass '{arg}' as a value, use '{usage}'",
        id: "untuk memberikan '{arg}' sebagai nilai, tulis '{usage}'",
    }
    ClapSubcommandExists {
        en: "subcommand '{name}' exists; to use it, remove the '--' before it",
        id: "subperintah '{name}' ada; untuk memakainya, hapus '--' di depannya",
    }
    ClapExists { en: "'{usage}' exists", id: "'{usage}' ada" }
    ClapMoreInformation { en: "For more information, try '{help}'.", id: "Untuk keterangan lebih lanjut, coba '{help}'." }

    // src/help.rs: the help of each argument (help::ARGS). The English is the doc comment
    // clap reads (a unit test keeps the two the same); `{{` is a brace.
    ArgRequestId { en: "The request id, or a unique start of it", id: "Id permintaan, atau awalannya yang unik" }
    ArgProcedureId { en: "The procedure id", id: "Id prosedur" }
    ArgQuiet {
        en: "Print only the request id on stdout, nothing on stderr but errors",
        id: "Hanya mencetak id permintaan di stdout, dan di stderr hanya galat",
    }
    ArgNote { en: "A note for the history", id: "Catatan untuk riwayat" }
    ArgReason { en: "Why (required)", id: "Alasannya (wajib)" }
    ArgStepFields {
        en: "A field the step records, NAME=VALUE; repeat for several",
        id: "Isian yang dicatat langkah ini, NAME=VALUE; ulangi untuk beberapa isian",
    }
    ArgAttach {
        en: "Attach a file (FIELD=FILE fills the file field FIELD); repeat for several",
        id: "Melampirkan berkas (FIELD=FILE mengisi isian berkas FIELD); ulangi untuk beberapa berkas",
    }
    ArgDocOutput {
        en: "Write the document to this file (through a temporary file and a rename)",
        id: "Menulis dokumen ke berkas ini (melalui berkas sementara yang lalu diganti namanya)",
    }
    ValFormatTable { en: "For people: tables and sentences", id: "Untuk dibaca orang: tabel dan kalimat" }
    ValFormatJson { en: "One JSON document (docs/contract.md)", id: "Satu dokumen JSON (docs/contract.md)" }
    ValFormatCsv { en: "A header row, then one row per record", id: "Satu baris judul, lalu satu baris per catatan" }
    ValFormatId {
        en: "One id per line: of requests, assets, procedures; file names for `sop attachment`, commit ids for `sop log`; the id alone for a change",
        id: "Satu id per baris: permintaan, aset, prosedur; nama berkas untuk `sop attachment`, id commit untuk `sop log`; id saja untuk sebuah perubahan",
    }
    ValFormatMermaid { en: "Flowchart text for `sop procedure graph` (Mermaid)", id: "Teks bagan alir untuk `sop procedure graph` (Mermaid)" }
    ValFormatDot { en: "Flowchart text for `sop procedure graph` (Graphviz)", id: "Teks bagan alir untuk `sop procedure graph` (Graphviz)" }
    ValFormatSvg {
        en: "The SOP document for `sop procedure doc` (SVG, the pages one under another)",
        id: "Dokumen SOP untuk `sop procedure doc` (SVG, halamannya bersusun ke bawah)",
    }
    ValFormatPdf {
        en: "A document in PDF: the SOP for `sop procedure doc` and Tabel 7 for `sop report --monitoring` (A4 landscape), a request's printout for `sop print` (A4 portrait)",
        id: "Dokumen PDF: SOP untuk `sop procedure doc` dan Tabel 7 untuk `sop report --monitoring` (A4 mendatar), cetakan permintaan untuk `sop print` (A4 tegak)",
    }
    ValFormatHtml {
        en: "A document in HTML, printable: the SOP for `sop procedure doc`, Tabel 7 for `sop report --monitoring`, a request's printout for `sop print`",
        id: "Dokumen HTML yang dapat dicetak: SOP untuk `sop procedure doc`, Tabel 7 untuk `sop report --monitoring`, cetakan permintaan untuk `sop print`",
    }
    ArgInitDir { en: "Where (default: -C DIR, else the current folder)", id: "Lokasinya (bawaan: -C DIR, atau folder saat ini)" }
    ArgInitExample {
        en: "Copy the shipped procedures and sample people of a Dinas Kominfo",
        id: "Menyalin prosedur yang disertakan dan contoh pegawai sebuah Dinas Kominfo",
    }
    ArgInitDemo {
        en: "With --example: also a month of the office's requests (several procedures, every status, some overdue) and assets, each made as a change of its own by the person who acted, to try `sop list`, `show` and `report` on",
        id: "Dengan --example: juga permintaan kantor itu selama sebulan (beberapa prosedur, semua status, sebagian lewat tenggat) dan asetnya, masing-masing dibuat sebagai perubahan tersendiri oleh orang yang bertindak, untuk mencoba `sop list`, `show` dan `report`",
    }
    ArgInitLanguage {
        en: "The language sop speaks in this office, written into sop.toml as `language` (the example office's is id; without it a new office has none, and sop follows $SOP_LANG, else the locale)",
        id: "Bahasa sop di kantor ini, ditulis ke sop.toml sebagai `language` (kantor contoh memakai id; tanpa opsi ini kantor baru tidak memilikinya, dan sop mengikuti $SOP_LANG, atau locale)",
    }
    ArgNewProcedure { en: "The procedure id (`sop procedure list`)", id: "Id prosedur (`sop procedure list`)" }
    ArgNewTitle { en: "A title (default: the procedure's name)", id: "Judul (bawaan: nama prosedur)" }
    ArgNewFields { en: "A form field, NAME=VALUE; repeat for several", id: "Isian formulir, NAME=VALUE; ulangi untuk beberapa isian" }
    ArgNewAsset { en: "The asset this request is about", id: "Aset yang menjadi pokok permintaan ini" }
    ArgNewFor {
        en: "Open it for a requester outside people.toml: \"Name <contact>\" (a phone, an email)",
        id: "Mengajukannya untuk pemohon di luar people.toml: \"Nama <kontak>\" (telepon, email)",
    }
    ArgNewAttach {
        en: "Attach a file (FIELD=FILE fills the procedure's file field FIELD); repeat for several",
        id: "Melampirkan berkas (FIELD=FILE mengisi isian berkas FIELD prosedur itu); ulangi untuk beberapa berkas",
    }
    ArgNewHelp {
        en: "Print help; with PROCEDURE, also the procedure's form fields",
        id: "Menampilkan bantuan; dengan PROCEDURE, juga isian formulir prosedur itu",
    }
    ArgAdvanceOutput { en: "What the step produced (its output)", id: "Hasil langkah ini (output-nya)" }
    ArgAdvanceChoose { en: "At a decision step: the option taken", id: "Pada langkah keputusan: pilihan yang diambil" }
    ArgEditFields {
        en: "A field to correct, NAME=VALUE; repeat for several",
        id: "Isian yang dikoreksi, NAME=VALUE; ulangi untuk beberapa isian",
    }
    ArgEditTitle { en: "A new title", id: "Judul baru" }
    ArgEditNote { en: "Why, for the history", id: "Alasannya, untuk riwayat" }
    ArgCommentText { en: "The comment", id: "Isi catatan" }
    ArgCommentAttach {
        en: "Attach a file to the comment; repeat for several",
        id: "Melampirkan berkas pada catatan; ulangi untuk beberapa berkas",
    }
    ArgAssignPerson {
        en: "The person (id or email in people.toml) who holds the step's role",
        id: "Orang (id atau email di people.toml) pemegang peran langkah ini",
    }
    ArgHoldReason { en: "What the request waits for (required)", id: "Apa yang ditunggu permintaan ini (wajib)" }
    ArgHoldUntil {
        en: "The day the hold is expected to end, YYYY-MM-DD",
        id: "Tanggal penundaan diperkirakan berakhir, YYYY-MM-DD",
    }
    ArgShowGraph {
        en: "Print the procedure's flow instead, with the path this request took and where it is highlighted: `mermaid` (flowchart text) or `svg` (the SOP document's flow table)",
        id: "Mencetak alur prosedurnya sebagai gantinya, dengan jalur yang ditempuh permintaan ini dan posisinya sekarang disorot: `mermaid` (teks bagan alir) atau `svg` (tabel alur dokumen SOP)",
    }
    ValGraphMermaid {
        en: "Mermaid flowchart text with a swimlane per role",
        id: "Teks bagan alir Mermaid dengan satu lajur per Pelaksana",
    }
    ValGraphSvg { en: "The flow table of the SOP document, as one SVG", id: "Tabel alur dokumen SOP, sebagai satu SVG" }
    ArgPrintStep {
        en: "Print the document of this step (the template its procedure names, such as a berita acara), not the request form",
        id: "Mencetak dokumen langkah ini (templat yang disebut prosedurnya, seperti berita acara), bukan formulir permintaan",
    }
    ArgPrintOutput {
        en: "Write the printout to this file (through a temporary file and a rename)",
        id: "Menulis cetakan ke berkas ini (melalui berkas sementara yang lalu diganti namanya)",
    }
    ArgAttachmentName {
        en: "The attached file to get back, by its name in the request",
        id: "Berkas lampiran yang diambil kembali, menurut namanya di permintaan",
    }
    ArgAttachmentOutput {
        en: "Write the file here instead of to standard output",
        id: "Menulis berkas ke sini, bukan ke keluaran standar",
    }
    ArgAttachmentForce {
        en: "With --output: replace a file that is already there",
        id: "Dengan --output: menimpa berkas yang sudah ada",
    }
    ArgListStatus {
        en: "Only requests with this status (open, completed, rejected, cancelled, …)",
        id: "Hanya permintaan dengan status ini (diproses, selesai, ditolak, dibatalkan, …)",
    }
    ArgListProcedure { en: "Only requests of this procedure", id: "Hanya permintaan prosedur ini" }
    ArgListRole {
        en: "Only open requests whose current step is for this role",
        id: "Hanya permintaan yang diproses dengan langkah saat ini untuk Pelaksana ini",
    }
    ArgListMine {
        en: "Only requests I made, or whose current step is assigned to me, or is unassigned and I may do it",
        id: "Hanya permintaan yang saya ajukan, atau yang langkah saat ininya ditugaskan kepada saya, atau belum ditugaskan dan boleh saya kerjakan",
    }
    ArgListOverdue {
        en: "Only open requests past the due time of their current step",
        id: "Hanya permintaan yang diproses dan sudah lewat tenggat langkah saat ininya",
    }
    ArgListSearch {
        en: "Only requests holding every word of TEXT (in any case or accent) in their id, title, fields, outside requester, notes, comments, outputs or edits",
        id: "Hanya permintaan yang memuat setiap kata TEXT (huruf besar, kecil atau beraksen sama saja) pada id, judul, isian, pemohon luar, catatan, komentar, output atau koreksinya",
    }
    ArgListRequester {
        en: "Only requests opened by this person (id or email), or for an outside requester whose name holds this text",
        id: "Hanya permintaan yang diajukan orang ini (id atau email), atau untuk pemohon luar yang namanya memuat teks ini",
    }
    ArgListAssignee {
        en: "Only requests whose current step is assigned to this person (id or email)",
        id: "Hanya permintaan yang langkah saat ininya ditugaskan kepada orang ini (id atau email)",
    }
    ArgReportProcedure { en: "Only this procedure", id: "Hanya prosedur ini" }
    ArgReportSince {
        en: "Only requests created on or after this date (YYYY-MM-DD); with --monitoring, the period's first day (default: the first day of the month eleven months before --until's)",
        id: "Hanya permintaan yang diajukan pada atau sesudah tanggal ini (YYYY-MM-DD); dengan --monitoring, hari pertama periode (bawaan: hari pertama bulan kesebelas sebelum bulan --until)",
    }
    ArgReportUntil {
        en: "Only requests created on or before this date (YYYY-MM-DD); with --monitoring, the period's last day (default: today)",
        id: "Hanya permintaan yang diajukan pada atau sebelum tanggal ini (YYYY-MM-DD); dengan --monitoring, hari terakhir periode (bawaan: hari ini)",
    }
    ArgReportMonitoring {
        en: "Tabel 7 \"Monitoring Pelaksanaan SOP AP\": each procedure judged \"berjalan dengan baik\" or not by sop.toml's [monitoring] rule, from the steps finished in the period, with a recap per month (--format table, json, csv, pdf or html)",
        id: "Tabel 7 \"Monitoring Pelaksanaan SOP AP\": setiap prosedur dinilai \"berjalan dengan baik\" atau tidak menurut aturan [monitoring] di sop.toml, dari langkah yang selesai dalam periode itu, dengan rekap per bulan (--format table, json, csv, pdf atau html)",
    }
    ArgReportOutput {
        en: "Write the monitoring to this file (through a temporary file and a rename)",
        id: "Menulis monitoring ke berkas ini (melalui berkas sementara yang lalu diganti namanya)",
    }
    ArgSiteOutput {
        en: "The folder to write the site into: made when missing; else one `sop site` wrote before (it holds .sop-site.json). Inside the records repository only where git ignores it",
        id: "Folder tempat situs ditulis: dibuat bila belum ada; bila sudah ada, folder yang pernah ditulis `sop site` (berisi .sop-site.json). Di dalam repositori catatan hanya di tempat yang diabaikan git",
    }
    ArgSyncRemote {
        en: "The remote (default: the branch's upstream remote, else origin)",
        id: "Remote-nya (bawaan: remote upstream branch ini, atau origin)",
    }
    ArgAssetKind { en: "hardware, software or data", id: "`hardware`, `software` atau `data`" }
    ArgAssetStatus {
        en: "planned, in-stock, in-use, in-repair, transferred, disposed (default: in-use with a holder, else in-stock)",
        id: "`planned`, `in-stock`, `in-use`, `in-repair`, `transferred`, `disposed` (bawaan: `in-use` bila ada pemegangnya, atau `in-stock`)",
    }
    ArgAssetKodeBarang { en: "Kode barang (BMD goods code)", id: "Kode barang (BMD)" }
    ArgAssetNup { en: "NUP (register number)", id: "NUP (nomor register)" }
    ArgAssetHolder { en: "A person id or email from people.toml", id: "Id atau email seseorang dari people.toml" }
    ArgAssetAcquired { en: "Acquisition date, YYYY-MM-DD", id: "Tanggal perolehan, YYYY-MM-DD" }
    ArgAssetValue { en: "Acquisition value in whole rupiah", id: "Nilai perolehan dalam rupiah bulat" }
    ArgAssetAttrs { en: "A free attribute, NAME=VALUE; repeat for several", id: "Atribut bebas, NAME=VALUE; ulangi untuk beberapa atribut" }
    ArgAssetQuiet {
        en: "Print only the asset id on stdout, nothing on stderr but errors",
        id: "Hanya mencetak id aset di stdout, dan di stderr hanya galat",
    }
    ArgImportFile {
        en: "A CSV or JSON-lines file, or - for standard input",
        id: "Berkas CSV atau JSON lines, atau - untuk masukan standar",
    }
    ArgImportKey {
        en: "Update the asset a row names instead of registering a new one: a column (serial, or id), or several in order of preference, each row matched by the first it has a value for, `+` joining columns that match together (serial,licence,kode_barang+nup)",
        id: "Memperbarui aset yang disebut sebuah baris, bukan mendaftarkan aset baru: satu kolom (`serial`, atau `id`), atau beberapa menurut urutan prioritas, tiap baris dicocokkan dengan kolom pertama yang berisi nilai, `+` menggabungkan kolom yang harus cocok bersama (`serial,licence,kode_barang+nup`)",
    }
    ArgImportAllowDuplicates {
        en: "Without --key: register rows even when their serial, licence or kode_barang+nup is an asset's already, or another row's of the file",
        id: "Tanpa --key: mendaftarkan baris meski `serial`, `licence` atau `kode_barang+nup`-nya sudah dimiliki sebuah aset, atau baris lain dalam berkas itu",
    }
    ArgImportDryRun {
        en: "Validate only: report what would happen and write nothing",
        id: "Hanya memeriksa: melaporkan apa yang akan terjadi tanpa menulis apa pun",
    }
    ArgImportInputFormat {
        en: "The input's format (default: JSON lines when it starts with '{{', else CSV)",
        id: "Format masukan (bawaan: JSON lines bila diawali '{{', atau CSV)",
    }
    ArgAssetListHolder { en: "A person id or email", id: "Id atau email seseorang" }
    ArgAssetListLocation {
        en: "Assets whose location contains this text (any case)",
        id: "Aset yang lokasinya memuat teks ini (huruf besar atau kecil sama saja)",
    }
    ArgAssetId { en: "The asset id, or a unique start of it", id: "Id aset, atau awalannya yang unik" }
    ArgVerifyIds {
        en: "Only these requests (ids, or unique starts of them in a work tree)",
        id: "Hanya permintaan ini (id, atau awalannya yang unik di work tree)",
    }
    ArgVerifyRange {
        en: "Only the commits in OLD..NEW, e.g. what a push brings; the state at OLD is trusted",
        id: "Hanya commit dalam OLD..NEW, misalnya yang dibawa sebuah push; keadaan pada OLD dipercaya",
    }

    // src/help.rs: the comments of the examples (help::EXAMPLES), found by their English.
    ExampleInitExample { en: "the shipped SOPs of a Dinas Kominfo, to try sop", id: "SOP sebuah Dinas Kominfo yang disertakan, untuk mencoba sop" }
    ExampleInitDemo { en: "… with a month of their requests to look at", id: "… dengan permintaannya selama sebulan untuk dilihat" }
    ExampleInitEmpty { en: "an empty records directory here", id: "direktori catatan kosong di sini" }
    ExampleNewHelp { en: "the form fields of procedure email", id: "isian formulir prosedur email" }
    ExampleShowGraph { en: "the flow with the path it took", id: "alur dengan jalur yang ditempuhnya" }
    ExamplePrint { en: "the form, its history and signature blocks", id: "formulir, riwayatnya dan kolom tanda tangan" }
    ExamplePrintStep { en: "the step's berita acara", id: "berita acara langkah itu" }
    ExampleListWide {
        en: "every column, whole titles, past the terminal's edge",
        id: "semua kolom, judul utuh, melewati tepi terminal",
    }
    ExampleListPiped { en: "piped: plain columns", id: "lewat pipa: kolom polos" }
    ExampleReportMonitoring { en: "Tabel 7, Monitoring Pelaksanaan SOP AP", id: "Tabel 7, Monitoring Pelaksanaan SOP AP" }
    ExampleSite { en: "then open /srv/intranet/sop/index.html", id: "lalu buka /srv/intranet/sop/index.html" }
    ExampleCompletionsStatic { en: "static", id: "statis" }
    ExampleCompletionsBash {
        en: "in ~/.bashrc: live values too (request ids, people…)",
        id: "di ~/.bashrc: juga nilai langsung (id permintaan, orang…)",
    }
    ExampleCompletionsZsh { en: "in ~/.zshrc, after compinit", id: "di ~/.zshrc, sesudah compinit" }
    ExampleCompletionsFish { en: "in ~/.config/fish/completions/sop.fish", id: "di ~/.config/fish/completions/sop.fish" }

    // ----

    // ==== Messages of the commands (src/commands/, import, output, view, graph, demo,
    // complete, monitoring). ====
    // (Keys of this section go directly below this line.)
    // Table headers of the commands below (their names in src/i18n.rs, COLUMNS).
    ColNoteReason { en: "note / reason", id: "catatan / alasan" }
    ColSignature { en: "signature", id: "tanda tangan" }
    ColStandard { en: "standard", id: "waktu baku" }
    ColMedian { en: "median", id: "median" }
    ColMax { en: "max", id: "maks" }
    ColBreaches { en: "breaches", id: "terlambat" }
    ColOverdueNow { en: "overdue now", id: "lewat tenggat" }
    ColService { en: "service", id: "layanan" }
    ColLabel { en: "label", id: "label" }
    ColChoices { en: "choices", id: "pilihan" }
    NotePrefix { en: "note", id: "catatan" }
    NoneParen { en: "(none)", id: "(tidak ada)" }
    Yes { en: "yes", id: "ya" }
    No { en: "no", id: "tidak" }

    // src/output.rs
    PdfToTerminal { en: "a PDF is not written to a terminal", id: "PDF tidak ditulis ke terminal" }
    HintWriteToFile { en: "write it to a file: {example}", id: "tulis ke berkas: {example}" }
    WritingFile { en: "writing {path}", id: "menulis {path}" }

    // src/view.rs: history tables of show and log.
    HistoryUntil { en: "until {date}", id: "sampai {date}" }
    SecretGiven { en: "secret given: {names}", id: "isian rahasia diberikan: {names}" }
    ByStandIn { en: "{by} (for {role})", id: "{by} (Plh. {role})" }
    ByForOutsider { en: "{by} (for {name})", id: "{by} (untuk {name})" }

    // src/commands/show.rs
    ShowOutsider {
        en: "{outsider} (outside; opened by {requester})",
        id: "{outsider} (dari luar; diajukan oleh {requester})",
    }
    ClockStopped { en: "clock stopped while held", id: "waktu berhenti selama ditunda" }
    NoStandardTime { en: "no standard time", id: "tanpa waktu baku" }
    DueAt { en: "due {date}", id: "tenggat {date}" }
    OverdueWord { en: "OVERDUE", id: "LEWAT TENGGAT" }
    ShowStep {
        en: "{step} {activity} [{role}], since {since}, {due}",
        id: "{step} {activity} [{role}], sejak {since}, {due}",
    }

    // src/commands/list.rs
    SearchNeedsWord { en: "--search needs a word to look for", id: "--search memerlukan kata yang dicari" }
    HintSearch { en: "sop list --search WORD…", id: "sop list --search KATA…" }
    AssigneeNotPerson {
        en: "--assignee: '{who}' is not a person in people.toml",
        id: "--assignee: '{who}' tidak terdaftar di people.toml",
    }
    HintGivePerson {
        en: "give a person's id or email as people.toml has it",
        id: "berikan id atau email orangnya sebagaimana tertulis di people.toml",
    }

    // src/commands/log.rs, verify.rs
    LogUnreadable {
        en: "{n} commit(s) wrote {rel} so that sop cannot read it (see the warnings above)",
        id: "{n} commit menulis {rel} sehingga sop tidak dapat membacanya (lihat peringatan di atas)",
    }
    ReadingSigners {
        en: "reading the people of commit {commit}'s parent, who signed what",
        id: "membaca people.toml pada induk commit {commit}, untuk mengetahui siapa menandatangani apa",
    }
    LogByHand { en: "(by hand)", id: "(di luar sop)" }
    LogUnreadableFile { en: "wrote a file sop cannot read ({why})", id: "menulis berkas yang tidak dapat dibaca sop ({why})" }
    LogDeleted { en: "deleted the request file", id: "menghapus berkas permintaan" }
    LogRewrote { en: "rewrote its history", id: "menulis ulang riwayatnya" }
    LogNoEntry {
        en: "changed the file without adding a history entry",
        id: "mengubah berkas tanpa menambah entri riwayat",
    }
    SignatureGood { en: "good", id: "sah" }
    SignatureBad { en: "bad", id: "tidak sah" }
    SignatureUnknownKey { en: "unknown-key", id: "kunci tak dikenal" }
    SignatureUnsigned { en: "unsigned", id: "tanpa tanda tangan" }
    HintVerifyFindings {
        en: "each finding names the commit; `git show COMMIT` shows what it changed, `sop log ID` the request's history",
        id: "setiap temuan menyebut commit-nya; `git show COMMIT` menampilkan apa yang diubahnya, `sop log ID` riwayat permintaannya",
    }

    // src/commands/report.rs, monitoring.rs
    ProcedureGone {
        en: "procedure '{id}' is gone; its {n} request(s) are left out",
        id: "prosedur '{id}' sudah tidak ada; {n} permintaannya tidak disertakan",
    }
    ProcedureLeftOut { en: "{error}; procedure '{id}' is left out", id: "{error}; prosedur '{id}' tidak disertakan" }
    AssessorBlank { en: "{error}; the assessor (penilai) is left blank", id: "{error}; penilai dikosongkan" }
    ReportUnreadable {
        en: "{n} request file(s) could not be read (see the warnings above); the report leaves them out",
        id: "{n} berkas permintaan tidak dapat dibaca (lihat peringatan di atas); laporan tidak menyertakannya",
    }
    MonitoringUnreadable {
        en: "{n} request file(s) could not be read (see the warnings above); the monitoring leaves them out",
        id: "{n} berkas permintaan tidak dapat dibaca (lihat peringatan di atas); monitoring tidak menyertakannya",
    }
    ReportHeading { en: "{name} ({procedure}): {n} request(s): {counts}", id: "{name} ({procedure}): {n} permintaan: {counts}" }
    ReportService {
        en: "service time: {finished} finished, {breaches} after their service time; {overdue} open past it",
        id: "jangka waktu penyelesaian: {finished} selesai, {breaches} di antaranya melewatinya; {overdue} masih diproses melewatinya",
    }
    SinceAfterUntil { en: "--since {since} is after --until {until}", id: "--since {since} jatuh sesudah --until {until}" }
    HintSinceUntil { en: "give a --since on or before --until", id: "berikan --since yang sama dengan atau sebelum --until" }
    PeriodTooLong {
        en: "--since {since} to --until {until} spans {months} months; the monitoring covers at most {max} (ten years)",
        id: "--since {since} sampai --until {until} mencakup {months} bulan; monitoring mencakup paling banyak {max} bulan (sepuluh tahun)",
    }
    HintShorterPeriod {
        en: "give a shorter period with --since and --until",
        id: "berikan periode yang lebih pendek dengan --since dan --until",
    }

    // src/commands/sync.rs
    RunningGit { en: "running {command}", id: "menjalankan {command}" }
    GitFailed { en: "git {args} failed: {error}", id: "git {args} gagal: {error}" }
    NoRemote { en: "there is no remote '{remote}' to sync with", id: "tidak ada remote '{remote}' untuk sinkronisasi" }
    HintNoRemote {
        en: "add the shared repository with `git remote add {remote} URL` (`git remote -v` lists the remotes)",
        id: "tambahkan repositori bersama dengan `git remote add {remote} URL` (`git remote -v` menampilkan daftar remote)",
    }
    FetchFailed { en: "fetching from {remote} failed: {error}", id: "pengambilan dari {remote} gagal: {error}" }
    SyncFinding { en: "finding: {commit} {request}: {problem}", id: "temuan: {commit} {request}: {problem}" }
    BringsFindings {
        en: "{remote}/{branch} brings {n} finding(s); nothing was taken in",
        id: "{remote}/{branch} membawa {n} temuan; tidak ada yang diambil",
    }
    HintBringsFindings {
        en: "the shared history has commits sop verify does not accept: ask whoever pushed them, and check the server's pre-receive hook",
        id: "riwayat bersama memuat commit yang tidak diterima sop verify: tanyakan kepada yang mengirimnya, dan periksa hook pre-receive di server",
    }
    RebaseFailed { en: "taking in {remote}/{branch} failed: {error}", id: "penggabungan {remote}/{branch} gagal: {error}" }
    PushRefused { en: "pushing to {remote} was refused: {error}", id: "pengiriman ke {remote} ditolak: {error}" }
    HintPushRefused {
        en: "run `sop sync` again to take in what arrived meanwhile; if the server's verify hook refused it, `sop verify` shows why",
        id: "jalankan `sop sync` lagi untuk mengambil yang masuk sementara itu; bila hook verify di server menolaknya, `sop verify` menunjukkan sebabnya",
    }
    NoDefaultBranch {
        en: "{remote} has no default branch, so a `git clone` of it checks nothing out; on the server, run `git --git-dir=PATH/TO/REPOSITORY.git symbolic-ref HEAD {wanted}` (on a hosting service: make {branch} the default branch in the repository's settings)",
        id: "{remote} tidak memiliki branch bawaan, sehingga `git clone` darinya tidak membuka berkas apa pun; di server, jalankan `git --git-dir=PATH/TO/REPOSITORY.git symbolic-ref HEAD {wanted}` (pada layanan hosting: jadikan {branch} branch bawaan di pengaturan repositori)",
    }
    SyncDone {
        en: "{remote}/{branch}: pulled {pulled}, pushed {pushed} commit(s); now at {head}",
        id: "{remote}/{branch}: {pulled} commit diambil, {pushed} commit dikirim; kini di {head}",
    }
    SyncBothSides { en: "the commits that changed {records} on each side:", id: "commit yang mengubah {records} di kedua sisi:" }
    SideHere { en: "here:", id: "di sini:" }
    SideThere { en: "there:", id: "di server:" }
    SyncDropReset {
        en: "`git reset --hard {theirs}` (it drops your commits listed as here:)",
        id: "`git reset --hard {theirs}` (commit Anda yang tercantum sebagai di sini: ikut terbuang)",
    }
    SyncDropRebase {
        en: "drop your commits listed as here: with `git rebase -i {theirs}` (mark them drop)",
        id: "buang commit Anda yang tercantum sebagai di sini: dengan `git rebase -i {theirs}` (tandai dengan drop)",
    }
    SyncConflict {
        en: "{records} changed both here and on {remote}/{branch}: nothing was taken in, your branch is as it was (the rebase was undone)",
        id: "{records} berubah baik di sini maupun di {remote}/{branch}: tidak ada yang diambil, branch Anda tetap seperti semula (rebase dibatalkan)",
    }
    HintSyncConflict {
        en: "to keep the server's version, {drop}, then `sop sync`; to keep yours, do the same, then make your change again with sop on the request as the server has it (`sop show {show}`), then `sop sync`",
        id: "untuk memakai versi server, {drop}, lalu `sop sync`; untuk memakai versi Anda, lakukan hal yang sama, lalu ulangi perubahan Anda dengan sop pada permintaan sebagaimana ada di server (`sop show {show}`), lalu `sop sync`",
    }

    // src/commands/procedure.rs, new.rs
    DraftMark { en: "draft", id: "draf" }
    LeadsEnd { en: "end: {outcome}", id: "akhir: {outcome}" }
    ExitDone { en: "done", id: "selesai" }
    ByFieldRoute { en: "by {field}: ", id: "menurut {field}: " }
    FormFields {
        en: "Form fields (sop new {id} --field NAME=VALUE):",
        id: "Isian formulir (sop new {id} --field NAMA=NILAI):",
    }
    StepFields {
        en: "Fields recorded at steps (sop advance ID --field NAME=VALUE):",
        id: "Isian yang dicatat pada langkah (sop advance NOMOR --field NAMA=NILAI):",
    }
    FormFieldsOf { en: "Form fields of {id} ({name}):", id: "Isian formulir {id} ({name}):" }
    FilesOfTypes { en: "files: {types}", id: "berkas: {types}" }
    // A field's type in the fields table.
    TypeText { en: "text", id: "teks" }
    TypeNumber { en: "number", id: "angka" }
    TypeInteger { en: "integer", id: "bilangan bulat" }
    TypeDate { en: "date", id: "tanggal" }
    TypeEmail { en: "email", id: "email" }
    TypeChoice { en: "choice", id: "pilihan" }
    TypeBool { en: "bool", id: "ya/tidak" }
    TypePerson { en: "person", id: "orang" }
    TypeSecret { en: "secret", id: "rahasia" }
    TypeFile { en: "file", id: "berkas" }
    CallsUnknown { en: "calls unknown procedure '{target}'", id: "memanggil prosedur '{target}' yang tidak dikenal" }
    CallsCircle {
        en: "calls '{target}', which calls '{id}' again: a circle of calls never ends",
        id: "memanggil '{target}', yang memanggil '{id}' kembali: lingkaran pemanggilan tidak pernah berakhir",
    }
    StepTemplate { en: "step '{step}': template", id: "langkah '{step}': templat" }
    SymlinkRefused {
        en: "{rel} is a symbolic link: sop reads no file through one",
        id: "{rel} adalah tautan simbolik: sop tidak membaca berkas melalui tautan",
    }
    PrefixTaken {
        en: "prefix '{prefix}' is also used by procedure '{other}'",
        id: "awalan '{prefix}' juga dipakai oleh prosedur '{other}'",
    }
    CheckClean {
        en: "{office}: {n} procedure(s) checked: no findings",
        id: "{office}: {n} prosedur diperiksa: tidak ada temuan",
    }
    CheckFindings { en: "{n} finding(s) in {procedures} procedure(s)", id: "{n} temuan dalam {procedures} prosedur" }
    DocFormats {
        en: "`sop procedure doc` writes --format svg (the default), pdf or html",
        id: "`sop procedure doc` menulis --format svg (bawaan), pdf atau html",
    }

    // src/commands/print.rs
    NoCommitYet { en: "{id} has no commit yet", id: "{id} belum memiliki commit" }
    NotReachedStep {
        en: "{id} has not reached step '{step}' yet: the document shows the request as it is now",
        id: "{id} belum sampai pada langkah '{step}': dokumen menampilkan permintaan sebagaimana keadaannya sekarang",
    }
    HintTemplates {
        en: "templates are read from {folder}/ as committed; `sop procedure check` checks them in the work tree",
        id: "templat dibaca dari {folder}/ yang sudah di-commit; `sop procedure check` memeriksanya di direktori kerja",
    }
    NoTemplates {
        en: "procedure '{procedure}' names no document templates; `sop print {id}` prints the request form",
        id: "prosedur '{procedure}' tidak menyebut templat dokumen; `sop print {id}` mencetak formulir permintaan",
    }
    StepsWithDocument { en: "steps with a document: {steps}", id: "langkah yang memiliki dokumen: {steps}" }
    NoStepInProcedure { en: "procedure '{procedure}' has no step '{step}'", id: "prosedur '{procedure}' tidak memiliki langkah '{step}'" }
    StepNoTemplate {
        en: "step '{step}' of procedure '{procedure}' names no template to print",
        id: "langkah '{step}' pada prosedur '{procedure}' tidak menyebut templat untuk dicetak",
    }
    StepTemplateBad { en: "{file}: step '{step}': template {why}", id: "{file}: langkah '{step}': templat {why}" }
    TooManyTemplates {
        en: "{folder}/ holds more than the {n} files a printout reads",
        id: "{folder}/ berisi lebih dari {n} berkas, batas yang dibaca sebuah cetakan",
    }

    // src/commands/site.rs
    SiteDone {
        en: "wrote {written} file(s), {unchanged} unchanged, removed {removed}: {procedures} procedure(s), {requests} request page(s) in {dir}",
        id: "{written} berkas ditulis, {unchanged} tidak berubah, {removed} dihapus: {procedures} prosedur, {requests} halaman permintaan di {dir}",
    }
    SiteUnreadable {
        en: "{n} request file(s) could not be read (see the warnings above); they have no page",
        id: "{n} berkas permintaan tidak dapat dibaca (lihat peringatan di atas); berkas itu tidak mendapat halaman",
    }

    // src/commands/init.rs, src/demo.rs
    CreatingDir { en: "creating {dir}", id: "membuat {dir}" }
    InitWouldOverwrite {
        en: "{path} already exists: sop init will not overwrite it",
        id: "{path} sudah ada: sop init tidak akan menimpanya",
    }
    DemoIncomplete {
        en: "the example office in {dir} is made, but not all its demo requests: remove the folder and run `{subject}` again",
        id: "contoh kantor di {dir} sudah dibuat, tetapi tidak semua permintaan contohnya: hapus folder itu lalu jalankan `{subject}` lagi",
    }
    DemoChange {
        en: "the demo's request '{title}' ({procedure}), change {n}",
        id: "permintaan contoh '{title}' ({procedure}), perubahan ke-{n}",
    }

    // src/commands/attachment.rs
    NotInCommitted { en: "{rel} is not in the committed records", id: "{rel} tidak ada dalam catatan yang sudah di-commit" }
    WrongContent {
        en: "{rel} holds content with SHA-256 {actual}, not the {listed} the request lists",
        id: "{rel} berisi konten dengan SHA-256 {actual}, bukan {listed} yang tercantum di permintaan",
    }
    NotTextForTerminal {
        en: "{name} is {media_type}, not text for a terminal",
        id: "{name} bertipe {media_type}, bukan teks untuk terminal",
    }
    CannotGiveBack { en: "cannot give back {name} of {id}: {why}", id: "tidak dapat mengembalikan {name} dari {id}: {why}" }
    HintVerifyChange {
        en: "run `sop verify` to find the commit that changed it",
        id: "jalankan `sop verify` untuk menemukan commit yang mengubahnya",
    }

    // src/commands/asset.rs
    ImportDone {
        en: "{created} created, {updated} updated, {unchanged} unchanged",
        id: "{created} dibuat, {updated} diperbarui, {unchanged} tidak berubah",
    }
    DryRun { en: " (dry run: nothing written)", id: " (uji coba: tidak ada yang ditulis)" }
    RecordsKeptChanging {
        en: "the records kept changing while sop read them (5 tries); nothing was changed",
        id: "catatan terus berubah selama sop membacanya (5 kali percobaan); tidak ada yang diubah",
    }
    HintTryAgain { en: "try again in a moment", id: "coba lagi sesaat lagi" }
    CannotRead { en: "cannot read {file}: {error}", id: "tidak dapat membaca {file}: {error}" }
    ReadingStdin { en: "reading standard input", id: "membaca masukan standar" }
    RowHasId {
        en: "has an id: sop chooses ids for new assets; to update assets by id, use --key id",
        id: "memiliki id: sop memilih id untuk aset baru; untuk memperbarui aset menurut id, gunakan --key id",
    }
    KeyOncePerFile { en: "each key once per file", id: "setiap kunci hanya sekali per berkas" }
    RowNoKey { en: "has no value for the key ({key})", id: "tidak memiliki nilai untuk kunci ({key})" }
    FileRegistersOnce {
        en: "a file registers each asset once (--allow-duplicates registers it again)",
        id: "satu berkas mendaftarkan setiap aset sekali (--allow-duplicates mendaftarkannya lagi)",
    }
    RowRepeats { en: "repeats {what} of line {first}: {rule}", id: "mengulang {what} dari baris {first}: {rule}" }
    NoAssetId { en: "no asset {id}", id: "tidak ada aset {id}" }
    KeyMatchesMany {
        en: "{what} matches {n} assets ({ids}): --key needs a column that is unique in the register",
        id: "{what} cocok dengan {n} aset ({ids}): --key memerlukan kolom yang unik dalam daftar aset",
    }
    AlreadyRegistered {
        en: "{what} is already registered ({ids}): to update it, import with --key {identities}; to register it again, --allow-duplicates",
        id: "{what} sudah terdaftar ({ids}): untuk memperbaruinya, impor dengan --key {identities}; untuk mendaftarkannya lagi, --allow-duplicates",
    }
    AssetFileUnreadable {
        en: "an asset file cannot be read, so the rows cannot be matched to the register",
        id: "sebuah berkas aset tidak dapat dibaca, sehingga baris-barisnya tidak dapat dicocokkan dengan daftar aset",
    }
    ImportLine { en: "{name} line {line}: {problem}", id: "{name} baris {line}: {problem}" }
    ImportProblems {
        en: "{name}: {n} problem(s) on {lines} line(s); nothing was imported",
        id: "{name}: {n} masalah pada {lines} baris; tidak ada yang diimpor",
    }
    HintImportProblems {
        en: "correct those lines and import again; --dry-run checks a file without writing",
        id: "perbaiki baris-baris itu lalu impor lagi; --dry-run memeriksa berkas tanpa menulis",
    }
    HolderNotPerson { en: "--holder {holder}: not in people.toml", id: "--holder {holder}: tidak terdaftar di people.toml" }
    UnreadableAssets {
        en: "{n} asset file(s) could not be read (see the warnings above)",
        id: "{n} berkas aset tidak dapat dibaca (lihat peringatan di atas)",
    }
    AssetActionAdd { en: "add", id: "didaftarkan" }
    AssetActionImport { en: "import", id: "diimpor" }

    // src/import.rs: what is wrong with a line of an import (after "FILE line N: ").
    ImportEmpty {
        en: "the input is empty: give a CSV file with a header row, or JSON lines",
        id: "masukan kosong: berikan berkas CSV dengan baris judul, atau JSON lines",
    }
    ImportTooManyRows {
        en: "is row {rows}: an import takes at most {max} rows; split the file and import the parts one after the other",
        id: "adalah baris ke-{rows}: satu impor menerima paling banyak {max} baris; pecah berkasnya lalu impor bagian-bagiannya satu per satu",
    }
    ImportTooBig {
        en: "the input goes on past {size}, the most one import reads: split it into several files",
        id: "masukan melebihi {size}, batas yang dibaca satu impor: pecah menjadi beberapa berkas",
    }
    ImportTooManyColumns {
        en: "the header has more than {max} columns, the most an import may have",
        id: "baris judul memiliki lebih dari {max} kolom, batas untuk satu impor",
    }
    HeaderCellTooBig {
        en: "the header's column {n} is over {size}, the most a cell may hold",
        id: "kolom ke-{n} baris judul melebihi {size}, batas isi satu sel",
    }
    HeaderTwice { en: "the header names column '{name}' twice", id: "baris judul menyebut kolom '{name}' dua kali" }
    RowCells {
        en: "has {cells} cells but the header has {columns} columns (an unclosed quote or a stray comma?)",
        id: "memiliki {cells} sel tetapi baris judul memiliki {columns} kolom (tanda kutip yang tidak ditutup atau koma yang berlebih?)",
    }
    NotUtf8 {
        en: "is not valid UTF-8: save the file as UTF-8 (in a spreadsheet: CSV UTF-8)",
        id: "bukan UTF-8 yang sah: simpan berkasnya sebagai UTF-8 (di spreadsheet: CSV UTF-8)",
    }
    NotUtf8At {
        en: "is not valid UTF-8 (invalid byte at position {at}): save the file as UTF-8 (in a spreadsheet: CSV UTF-8)",
        id: "bukan UTF-8 yang sah (bita tidak sah pada posisi {at}): simpan berkasnya sebagai UTF-8 (di spreadsheet: CSV UTF-8)",
    }
    JsonLineTooLong {
        en: "is longer than {size}, the most a JSON line may be",
        id: "lebih panjang dari {size}, batas panjang satu baris JSON",
    }
    NotJsonObject { en: "is not a JSON object: {error}", id: "bukan objek JSON: {error}" }
    JsonTooManyColumns {
        en: "has {n} columns (attributes included), more than the {max} an import may have",
        id: "memiliki {n} kolom (termasuk atribut), lebih dari {max} kolom yang boleh dimiliki satu impor",
    }
    JsonScalar { en: "'{key}' must be a string or a number", id: "'{key}' harus berupa teks atau angka" }

    // src/complete.rs
    HintComplete {
        en: "COMPLETE takes bash, elvish, fish, powershell or zsh (`COMPLETE=bash sop`); unset it to run sop",
        id: "COMPLETE menerima bash, elvish, fish, powershell atau zsh (`COMPLETE=bash sop`); hapus variabel itu untuk menjalankan sop",
    }

    // ----

    // ==== Messages of the rules and the repository (limits, attachment, config, context,
    // git/, audit, procedure/, people, engine/, field, trailers, printout/, document/, site/,
    // store, tree_cache). ====
    // (Keys of this section go directly below this line.)
    // What was being done when an error came (`.context(...)`), for any file or folder.
    CtxReading { en: "reading {path}", id: "membaca {path}" }
    CtxReadingFolder { en: "reading the folder {path}", id: "membaca folder {path}" }
    CtxWriting { en: "writing {path}", id: "menulis {path}" }
    CtxOpening { en: "opening {path}", id: "membuka {path}" }
    CtxCreating { en: "creating {path}", id: "membuat {path}" }
    CtxMaking { en: "making {path}", id: "membuat {path}" }
    CtxMakingFolder { en: "making the folder {path}", id: "membuat folder {path}" }
    CtxRemoving { en: "removing {path}", id: "menghapus {path}" }
    CtxLocking { en: "locking {path}", id: "mengunci {path}" }
    HintWaitRetry {
        en: "wait for it to finish, then run the command again",
        id: "tunggu sampai selesai, lalu jalankan perintahnya lagi",
    }
    SymlinkNotFollowed {
        en: "{path} is a symbolic link: sop does not follow links in the records directory",
        id: "{path} adalah tautan simbolik: sop tidak mengikuti tautan di direktori catatan",
    }

    // src/limits.rs
    LimitControlChar {
        en: "contains a control character (U+{code} at byte {at}); only tab and line breaks are allowed",
        id: "berisi karakter kendali (U+{code} pada bita {at}); hanya tab dan baris baru yang diperbolehkan",
    }
    LimitColumn { en: "column '{column}' {why}", id: "kolom '{column}' {why}" }
    LimitCellTooLong {
        en: "column '{column}' holds more than {size}, the most a cell may hold",
        id: "kolom '{column}' berisi lebih dari {size}, batas terbesar isi satu sel",
    }
    LimitNotUtf8 {
        en: "{rel}: not UTF-8 text (invalid byte at position {at})",
        id: "{rel}: bukan teks UTF-8 (bita tidak sah pada posisi {at})",
    }
    LimitFileTooBig {
        en: "{rel}: {len} bytes, over the limit of {max} for this file",
        id: "{rel}: {len} bita, melebihi batas {max} untuk berkas ini",
    }

    // src/attachment.rs
    AttachNoFile { en: "--attach {path}: names no file", id: "--attach {path}: tidak menyebut berkas" }
    AttachNameNotUtf8 {
        en: "--attach {path}: the file name is not UTF-8 text",
        id: "--attach {path}: nama berkasnya bukan teks UTF-8",
    }
    AttachCannotOpen { en: "--attach {path}: cannot open it: {error}", id: "--attach {path}: tidak dapat dibuka: {error}" }
    AttachNotAFile { en: "--attach {path}: is not a file", id: "--attach {path}: bukan berkas" }
    AttachTooBig {
        en: "--attach {path}: {human} ({len} bytes), over the limit of {limit_mb} MiB per file",
        id: "--attach {path}: {human} ({len} bita), melebihi batas {limit_mb} MiB per berkas",
    }
    AttachBytes { en: "{n} bytes", id: "{n} bita" }

    // src/config.rs, src/rules.rs
    ConfigWithinStandard {
        en: "[monitoring] within_standard = {value}: give a percentage from 0 to 100",
        id: "[monitoring] within_standard = {value}: berikan persentase dari 0 sampai 100",
    }
    ConfigMaxFactor {
        en: "[monitoring] max_factor = {value}: give a whole number from 1 to {most}",
        id: "[monitoring] max_factor = {value}: berikan bilangan bulat dari 1 sampai {most}",
    }
    ConfigHolidayFile { en: "sop.toml names holiday file {rel}: {error}", id: "sop.toml menyebut berkas hari libur {rel}: {error}" }
    ConfigTimezone {
        en: "sop.toml: unknown timezone '{zone}': use Asia/Jakarta, Asia/Makassar, Asia/Jayapura, UTC or an offset like +07:00",
        id: "sop.toml: zona waktu '{zone}' tidak dikenal: gunakan Asia/Jakarta, Asia/Makassar, Asia/Jayapura, UTC atau selisih waktu seperti +07:00",
    }
    TomlAt {
        en: "TOML parse error at line {line}, column {column}",
        id: "galat penguraian TOML pada baris {line}, kolom {column}",
    }
    RulesMissing { en: "{rel} is missing", id: "{rel} tidak ada" }

    // src/context.rs
    SopNowNotTime { en: "SOP_NOW={value} is not an RFC 3339 time: {error}", id: "SOP_NOW={value} bukan waktu RFC 3339: {error}" }
    CtxOpeningRecords { en: "opening the records repository", id: "membuka repositori catatan" }

    // src/git/
    GitNotARepo { en: "{path} is not inside a git repository: {error}", id: "{path} tidak berada di dalam repositori git: {error}" }
    GitBare { en: "{path} is a bare repository: sop needs a work tree", id: "{path} adalah repositori bare: sop memerlukan work tree" }
    GitDetached {
        en: "HEAD is detached: check out a branch (git switch main) before using sop",
        id: "HEAD terlepas (detached): pindah ke sebuah branch (git switch main) sebelum memakai sop",
    }
    GitBusySop {
        en: "the repository is busy: another sop command ({owner}) has been working for 10 seconds",
        id: "repositori sedang sibuk: perintah sop lain ({owner}) sudah bekerja selama 10 detik",
    }
    GitLockOwner { en: "pid {pid}, since {since}", id: "pid {pid}, sejak {since}" }
    GitLockNoOwner { en: "no details recorded", id: "tidak ada keterangan yang tercatat" }
    GitRemovingLeft { en: "removing {path}, left by a killed sop", id: "menghapus {path}, sisa sop yang dihentikan paksa" }
    GitSplitIndex {
        en: "this repository uses core.splitIndex, which sop's git library cannot write: run `git config core.splitIndex false && git update-index --no-split-index`",
        id: "repositori ini memakai core.splitIndex, yang tidak dapat ditulis oleh pustaka git sop: jalankan `git config core.splitIndex false && git update-index --no-split-index`",
    }
    GitRemovedCrashed {
        en: "sop: removed {path}, which a crashed git command left behind",
        id: "sop: {path} dihapus, sisa perintah git yang terhenti mendadak",
    }
    GitBusyIndex {
        en: "the repository is busy: {path} exists, so a git command is running",
        id: "repositori sedang sibuk: {path} ada, jadi sebuah perintah git sedang berjalan",
    }
    HintGitBusyIndex {
        en: "wait for it to finish; if no git command is running, a crashed one left the file: remove it",
        id: "tunggu sampai selesai; bila tidak ada perintah git yang berjalan, berkas itu sisa perintah yang terhenti mendadak: hapus berkas itu",
    }
    GitFinishedHalfDone {
        en: "sop: finished writing commit {commit} that an interrupted sop command left half-done",
        id: "sop: penulisan commit {commit} yang ditinggalkan setengah jadi oleh perintah sop yang terputus sudah diselesaikan",
    }
    GitIndexUnreadable { en: "cannot read the git index: {error}", id: "indeks git tidak dapat dibaca: {error}" }
    GitIndexUnwritable { en: "cannot write the git index: {error}", id: "indeks git tidak dapat ditulis: {error}" }
    GitWritingIndex { en: "writing the git index", id: "menulis indeks git" }
    GitReplacingIndex { en: "replacing the git index", id: "mengganti indeks git" }
    GitMessageNotUtf8 { en: "commit message is not valid UTF-8", id: "pesan commit bukan UTF-8 yang sah" }
    GitWorkTreeFailed {
        en: "commit {commit} was made, but updating the work tree failed; the next sop command will finish it",
        id: "commit {commit} sudah dibuat, tetapi pembaruan work tree gagal; perintah sop berikutnya akan menyelesaikannya",
    }
    GitLinkOnTheWay {
        en: "{at} is a symbolic link: sop does not follow links in the records directory, so it will not write {path}",
        id: "{at} adalah tautan simbolik: sop tidak mengikuti tautan di direktori catatan, jadi tidak akan menulis {path}",
    }
    HintGitLink {
        en: "replace the link by the folder or file itself (git rm {at}, then commit), or ask an administrator",
        id: "ganti tautan itu dengan folder atau berkasnya sendiri (git rm {at}, lalu commit), atau minta bantuan administrator",
    }
    GitBranchLocked {
        en: "{branch} is locked by another git command ({path} exists); nothing was changed",
        id: "{branch} sedang dikunci oleh perintah git lain ({path} ada); tidak ada yang diubah",
    }
    HintGitBranchLocked {
        en: "wait for it to finish, then run the command again; if no git command is running, a crashed one left the file: remove it",
        id: "tunggu sampai selesai, lalu jalankan perintahnya lagi; bila tidak ada perintah git yang berjalan, berkas itu sisa perintah yang terhenti mendadak: hapus berkas itu",
    }
    GitBranchMoved {
        en: "{branch} moved while sop was working (from {old} to {new}); nothing was changed",
        id: "{branch} berpindah selama sop bekerja (dari {old} ke {new}); tidak ada yang diubah",
    }
    HintGitBranchMoved {
        en: "run the command again: it reads the new state",
        id: "jalankan perintahnya lagi: perintah itu membaca keadaan yang baru",
    }
    GitMovingBranch { en: "moving {branch}", id: "memindahkan {branch}" }
    GitStaged {
        en: "{path} has staged changes and not committed; sop will not overwrite it",
        id: "{path} memiliki perubahan yang sudah di-stage dan belum di-commit; sop tidak akan menimpanya",
    }
    GitEditedByHand {
        en: "{path} was edited by hand and not committed; sop will not overwrite it",
        id: "{path} diubah secara manual dan belum di-commit; sop tidak akan menimpanya",
    }
    HintGitEdited {
        en: "commit the edit with git (git add {path} && git commit) if it is right, or discard it (git restore --staged --worktree {path}); `sop verify` checks hand edits",
        id: "commit perubahan itu dengan git (git add {path} && git commit) bila memang benar, atau buang (git restore --staged --worktree {path}); `sop verify` memeriksa perubahan manual",
    }
    GitDamagedTree { en: "a damaged tree object", id: "objek tree yang rusak" }
    GitDamagedCommit { en: "a damaged commit", id: "commit yang rusak" }
    GitIndexNotIndex { en: "not a git index", id: "bukan indeks git" }
    GitIndexVersion {
        en: "git index version {version} is not one sop can write",
        id: "indeks git versi {version} tidak dapat ditulis sop",
    }
    GitIndexOver4G { en: "the git index is over 4 GB", id: "indeks git lebih dari 4 GB" }
    GitIndexCutShort { en: "the git index is cut short", id: "indeks git terpotong" }
    GitIndexExtended { en: "an extended entry in a version 2 index", id: "entri extended dalam indeks versi 2" }
    GitIndexBadPath { en: "a bad path in the git index", id: "jalur yang rusak dalam indeks git" }
    GitIndexPathsOver4G { en: "the git index's paths are over 4 GB", id: "jalur-jalur dalam indeks git lebih dari 4 GB" }
    GitIndexExtensionCut { en: "a git index extension is cut short", id: "ekstensi indeks git terpotong" }
    GitIndexExtension {
        en: "the git index uses the extension '{name}', which sop cannot write (a split or sparse index)",
        id: "indeks git memakai ekstensi '{name}', yang tidak dapat ditulis sop (indeks split atau sparse)",
    }
    GitIndexPathNoEnd { en: "a path in the git index has no end", id: "sebuah jalur dalam indeks git tidak memiliki akhir" }
    GitCutShort { en: "cut short", id: "terpotong" }
    GitIndexBadTree { en: "a bad TREE extension", id: "ekstensi TREE yang rusak" }
    GitNotATree { en: "{id} is not a tree", id: "{id} bukan tree" }
    GitWritingPack { en: "writing a pack", id: "menulis pack" }

    // src/git/signing.rs
    SignRequired {
        en: "sop.toml requires signed commits (require_signatures = true), but git is not set to sign; nothing was changed",
        id: "sop.toml mewajibkan commit bertanda tangan (require_signatures = true), tetapi git tidak diatur untuk menandatangani; tidak ada yang diubah",
    }
    HintSignSetUp {
        en: "set up signing, e.g. git config commit.gpgsign true && git config gpg.format ssh && git config user.signingkey ~/.ssh/id_ed25519.pub, and add the public key to your entry in people.toml",
        id: "atur penandatanganan, misalnya git config commit.gpgsign true && git config gpg.format ssh && git config user.signingkey ~/.ssh/id_ed25519.pub, lalu tambahkan kunci publiknya pada entri Anda di people.toml",
    }
    SignUnknownFormat {
        en: "git's gpg.format is '{format}', which sop does not know: use openpgp, ssh or x509",
        id: "gpg.format pada git bernilai '{format}', yang tidak dikenal sop: gunakan openpgp, ssh atau x509",
    }
    SignNotText { en: "the signature is not text", id: "tanda tangannya bukan teks" }
    SignNoIdent {
        en: "commit.gpgsign is set but neither user.signingkey nor user.name/user.email is: git config user.signingkey KEY",
        id: "commit.gpgsign diatur, tetapi user.signingkey maupun user.name/user.email tidak: git config user.signingkey KUNCI",
    }
    SignTempFolder { en: "making a temporary folder for signing", id: "membuat folder sementara untuk penandatanganan" }
    SignNoneWritten { en: "no signature written ({error})", id: "tidak ada tanda tangan yang ditulis ({error})" }
    SignNoSshKey {
        en: "commit.gpgsign is set with gpg.format = ssh, but no user.signingkey",
        id: "commit.gpgsign diatur dengan gpg.format = ssh, tetapi user.signingkey tidak ada",
    }
    SignRunningKeyCommand { en: "running gpg.ssh.defaultKeyCommand `{command}`", id: "menjalankan gpg.ssh.defaultKeyCommand `{command}`" }
    SignKeyCommandNoKey {
        en: "gpg.ssh.defaultKeyCommand `{command}` gave no key: {stderr}",
        id: "gpg.ssh.defaultKeyCommand `{command}` tidak memberikan kunci: {stderr}",
    }
    SignFailed {
        en: "signing the commit with {program} failed; nothing was changed: {detail}",
        id: "penandatanganan commit dengan {program} gagal; tidak ada yang diubah: {detail}",
    }
    SignNoneMade { en: "no signature was made", id: "tidak ada tanda tangan yang dibuat" }
    HintSignFailed {
        en: "check git's signing setup (user.signingkey, gpg.format, that the key exists and its agent runs); `git commit -S --allow-empty -m test` in a scratch repository shows the same error, or unset commit.gpgsign",
        id: "periksa pengaturan penandatanganan git (user.signingkey, gpg.format, bahwa kuncinya ada dan agennya berjalan); `git commit -S --allow-empty -m test` di repositori percobaan menampilkan galat yang sama, atau hapus pengaturan commit.gpgsign",
    }
    SigUnknownKind { en: "a signature of a kind sop cannot check (x509?)", id: "tanda tangan jenis yang tidak dapat diperiksa sop (x509?)" }
    SigSshUnreadable { en: "unreadable SSH signature: {error}", id: "tanda tangan SSH tidak terbaca: {error}" }
    SigSshNamespace {
        en: "SSH signature for namespace '{namespace}', not 'git'",
        id: "tanda tangan SSH untuk namespace '{namespace}', bukan 'git'",
    }
    SigSshBad { en: "SSH signature does not verify: {error}", id: "tanda tangan SSH tidak sah: {error}" }
    SigBySshKey { en: "signed by SSH key {key}", id: "ditandatangani dengan kunci SSH {key}" }
    SigPgpCannotCheckWhy { en: "cannot check OpenPGP signature: {error}", id: "tanda tangan OpenPGP tidak dapat diperiksa: {error}" }
    SigPgpCannotCheck { en: "cannot check OpenPGP signature", id: "tanda tangan OpenPGP tidak dapat diperiksa" }
    SigCannotRun { en: "cannot run {program}: {error}", id: "{program} tidak dapat dijalankan: {error}" }
    SigPgpBad { en: "OpenPGP signature does not verify", id: "tanda tangan OpenPGP tidak sah" }
    SigPgpNotInKeyring {
        en: "OpenPGP signature by a key not in the verifier's keyring",
        id: "tanda tangan OpenPGP dengan kunci yang tidak ada di keyring pemeriksa",
    }
    SigByPgpKey { en: "signed by OpenPGP key {key}", id: "ditandatangani dengan kunci OpenPGP {key}" }

    // src/audit.rs: `sop verify`'s findings, about a commit (its subject).
    VerifyRange { en: "--range takes OLD..NEW (two commits), not '{range}'", id: "--range berbentuk OLD..NEW (dua commit), bukan '{range}'" }
    VerifyAdds { en: "adds", id: "menambahkan" }
    VerifyChanges { en: "changes", id: "mengubah" }
    VerifyDeletes { en: "deletes", id: "menghapus" }
    VerifyNotJudged { en: "cannot be judged: as of its parent, {error}", id: "tidak dapat dinilai: menurut commit induknya, {error}" }
    VerifyLink {
        en: "{verb} {rel}, a symbolic link: sop never follows links among its records, which could lead outside the repository",
        id: "{verb} {rel}, sebuah tautan simbolik: sop tidak pernah mengikuti tautan di antara catatannya, karena tautan dapat mengarah ke luar repositori",
    }
    VerifyStray {
        en: "{verb} {rel}, which is not a record of sop's: requests/ and assets/ hold only records, each at the path its id gives, and attachments/ only files at the path their SHA-256 gives",
        id: "{verb} {rel}, yang bukan catatan sop: requests/ dan assets/ hanya berisi catatan, masing-masing di jalur sesuai nomornya, dan attachments/ hanya berisi berkas di jalur sesuai SHA-256-nya",
    }
    VerifyAnchor {
        en: "starts a records directory anew (its parent has no {config}): what is checked with --range must continue the trusted history",
        id: "memulai direktori catatan baru (induknya tidak memiliki {config}): yang diperiksa dengan --range harus melanjutkan riwayat yang tepercaya",
    }
    VerifyItsAuthor { en: "its author", id: "penulisnya" }
    VerifyBadSignature { en: "bad signature: {why}", id: "tanda tangan tidak sah: {why}" }
    VerifyNotTheirKey {
        en: "{why}, which is not a key of {who} in people.toml (as of the parent commit)",
        id: "{why}, yang bukan kunci milik {who} di people.toml (menurut commit induk)",
    }
    VerifyUnsigned {
        en: "is not signed, but sop.toml requires signatures (require_signatures = true)",
        id: "tidak ditandatangani, padahal sop.toml mewajibkan tanda tangan (require_signatures = true)",
    }
    VerifyAlsoChanges {
        en: "a sop commit for {id} also changes {extra}; sop changes only the request's file (and the assets its Sop-Asset trailers name)",
        id: "commit sop untuk {id} juga mengubah {extra}; sop hanya mengubah berkas permintaan itu (dan aset yang disebut trailer Sop-Asset-nya)",
    }
    VerifyManyRequests {
        en: "changes {n} request files in one commit ({files}); sop makes one commit per change",
        id: "mengubah {n} berkas permintaan dalam satu commit ({files}); sop membuat satu commit untuk setiap perubahan",
    }
    VerifyRegisterAuthor {
        en: "changes the asset register ({n} file(s)) but its author {author} holds neither '{registrar}' nor '{admin}' (as of the parent commit)",
        id: "mengubah daftar aset ({n} berkas), tetapi penulisnya {author} tidak memegang peran '{registrar}' maupun '{admin}' (menurut commit induk)",
    }
    VerifyAssetDeleted {
        en: "deletes {rel}: an asset is disposed of, its file is kept",
        id: "menghapus {rel}: aset dihapuskan (disposed), tetapi berkasnya tetap disimpan",
    }
    VerifyUnreadable { en: "writes a file sop cannot read: {error}", id: "menulis berkas yang tidak dapat dibaca sop: {error}" }
    VerifyAdminUnknown {
        en: "changes {paths} but its author {author} is not in people.toml (as of the parent commit); only a holder of role '{admin}' may",
        id: "mengubah {paths}, tetapi penulisnya {author} tidak terdaftar di people.toml (menurut commit induk); hanya pemegang peran '{admin}' yang boleh",
    }
    VerifyNotAdmin {
        en: "changes {paths} but its author {author} does not hold the administrator role '{admin}' (as of the parent commit)",
        id: "mengubah {paths}, tetapi penulisnya {author} tidak memegang peran administrator '{admin}' (menurut commit induk)",
    }
    VerifyDeletesRule {
        en: "deletes {rel}, without which sop cannot work",
        id: "menghapus {rel}, padahal sop tidak dapat bekerja tanpanya",
    }
    VerifyDeletesRequest { en: "deletes the request file {rel}", id: "menghapus berkas permintaan {rel}" }
    VerifyBeforeUnreadable {
        en: "cannot be replayed: the version before it cannot be read: {error}",
        id: "tidak dapat diputar ulang: versi sebelumnya tidak dapat dibaca: {error}",
    }
    VerifyNotReplayed {
        en: "cannot be replayed: as of the parent commit, {why}",
        id: "tidak dapat diputar ulang: menurut commit induk, {why}",
    }
    VerifyEntryByStranger {
        en: "its new history entry is by '{by}', who is not in people.toml (as of the parent commit)",
        id: "entri riwayat barunya dibuat oleh '{by}', yang tidak terdaftar di people.toml (menurut commit induk)",
    }
    VerifyNotLegal {
        en: "is not a legal {action} by {by}: {refusal}",
        id: "bukan `{action}` yang sah oleh {by}: {refusal}",
    }
    VerifyNotWhatSopWrites {
        en: "is not what sop writes for this {action} by {by}: {parts} differ(s) (edited by hand?)",
        id: "bukan yang ditulis sop untuk `{action}` oleh {by} ini: {parts} berbeda (diubah secara manual?)",
    }
    VerifyLinkedMissing {
        en: "should also change request {id} but does not",
        id: "seharusnya juga mengubah permintaan {id}, tetapi tidak",
    }
    VerifyLinkedDiffers {
        en: "writes request {id} differently from what its call step writes ({parts} differ(s))",
        id: "menulis permintaan {id} berbeda dari yang ditulis langkah pemanggilnya ({parts} berbeda)",
    }
    VerifyChangeDoesNot {
        en: "changes {rel}, which this change does not",
        id: "mengubah {rel}, yang tidak diubah oleh perubahan ini",
    }
    VerifyAssetMissing {
        en: "should change asset {id} but does not",
        id: "seharusnya mengubah aset {id}, tetapi tidak",
    }
    VerifyAssetDiffers {
        en: "writes asset {id} differently from what sop writes for this step (edited by hand?)",
        id: "menulis aset {id} berbeda dari yang ditulis sop untuk langkah ini (diubah secara manual?)",
    }
    VerifyStepDoesNot {
        en: "changes {rel}, which this step does not change",
        id: "mengubah {rel}, yang tidak diubah oleh langkah ini",
    }
    VerifyCommitFiles { en: "cannot read the commit's files: {error}", id: "berkas-berkas commit ini tidak dapat dibaca: {error}" }
    VerifyNoAttachmentFile {
        en: "attaches {name} ({sha}), but the commit has no file {rel}",
        id: "melampirkan {name} ({sha}), tetapi commit ini tidak memiliki berkas {rel}",
    }
    VerifyCannotRead { en: "cannot read {rel}: {error}", id: "{rel} tidak dapat dibaca: {error}" }
    VerifyAttachmentSha {
        en: "attaches {name} as SHA-256 {sha}, but {rel} holds content with SHA-256 {actual} (edited by hand?)",
        id: "melampirkan {name} dengan SHA-256 {sha}, tetapi {rel} berisi konten dengan SHA-256 {actual} (diubah secara manual?)",
    }
    VerifyAttachmentSize {
        en: "lists attachment {name} as {size} bytes, but it has {actual}",
        id: "mencatat lampiran {name} berukuran {size} bita, padahal ukurannya {actual}",
    }
    VerifyAttachmentType {
        en: "lists attachment {name} as {listed}, but its content is {actual}",
        id: "mencatat lampiran {name} bertipe {listed}, padahal isinya {actual}",
    }
    VerifyAttachmentChanged {
        en: "{verb} {rel}, an attached file: attached files are never changed or deleted (attachments change only with their request)",
        id: "{verb} {rel}, sebuah lampiran: lampiran tidak pernah diubah atau dihapus (lampiran hanya berubah bersama permintaannya)",
    }
    VerifyAttachmentUnlisted {
        en: "adds {rel}, which no history entry of this commit attaches (attachments change only with their request)",
        id: "menambahkan {rel}, yang tidak dilampirkan oleh entri riwayat mana pun dalam commit ini (lampiran hanya berubah bersama permintaannya)",
    }
    VerifyRewritesHistory {
        en: "rewrites the request's history: entry {n} ({action} by {by} at {at}) was changed or removed",
        id: "menulis ulang riwayat permintaan: entri {n} (`{action}` oleh {by} pada {at}) diubah atau dihapus",
    }
    VerifyNoEntry {
        en: "changes the request without adding a history entry (status, step or fields edited by hand?)",
        id: "mengubah permintaan tanpa menambahkan entri riwayat (status, langkah atau isian diubah secara manual?)",
    }
    VerifyManyEntries {
        en: "adds {n} history entries at once; sop adds one per commit",
        id: "menambahkan {n} entri riwayat sekaligus; sop menambahkan satu per commit",
    }
    VerifyNoneAdded { en: "(none added)", id: "(tidak ada yang ditambahkan)" }
    VerifyWithoutSop {
        en: "was committed without sop (the commit has no Sop-Request trailer)",
        id: "di-commit tanpa sop (commit ini tidak memiliki trailer Sop-Request)",
    }
    VerifyNothing { en: "nothing", id: "tidak ada" }
    VerifyTrailer {
        en: "the commit's {key} says {said}, its change says {want}",
        id: "trailer `{key}` pada commit ini menyebut {said}, sedangkan perubahannya menyebut {want}",
    }
    VerifyAuthor {
        en: "the commit's author is {author}, but its history entry is by {id} <{email}>",
        id: "penulis commit ini {author}, tetapi entri riwayatnya dibuat oleh {id} <{email}>",
    }
    VerifyDated {
        en: "the commit is dated {commit_at}, its history entry {entry_at}",
        id: "commit ini bertanggal {commit_at}, sedangkan entri riwayatnya {entry_at}",
    }
    VerifyBeforePrevious {
        en: "its history entry is dated {at}, before the previous entry ({last})",
        id: "entri riwayatnya bertanggal {at}, sebelum entri sebelumnya ({last})",
    }

    // src/procedure/lint.rs: `sop procedure check`'s findings.
    LintIdFile { en: "id '{id}' does not match the file name '{stem}.toml'", id: "id '{id}' tidak sesuai dengan nama berkas '{stem}.toml'" }
    LintPrefix { en: "prefix '{prefix}' must be 2 to 6 capital letters A-Z", id: "prefix '{prefix}' harus 2 sampai 6 huruf kapital A-Z" }
    LintNoSteps { en: "the procedure has no steps", id: "prosedur ini tidak memiliki langkah" }
    LintDuplicateStep { en: "duplicate step id '{id}'", id: "id langkah '{id}' ganda" }
    LintStepId {
        en: "step id '{id}' must be lowercase letters, digits and '-'",
        id: "id langkah '{id}' harus berupa huruf kecil, angka dan '-'",
    }
    LintRowNumber {
        en: "step '{id}' repeats number {n} of step '{other}', which is not just before it: steps that share a row are written one after the other",
        id: "langkah '{id}' mengulang nomor {n} milik langkah '{other}', yang tidak tepat sebelumnya: langkah-langkah yang berbagi satu baris ditulis berurutan",
    }
    LintFieldTwice { en: "field '{name}' is declared twice", id: "isian '{name}' dideklarasikan dua kali" }
    LintUnknownRole {
        en: "step '{id}': unknown role '{role}' (declare it under [roles] in sop.toml)",
        id: "langkah '{id}': peran '{role}' tidak dikenal (deklarasikan di bagian [roles] pada sop.toml)",
    }
    LintNoRole { en: "step '{id}' has no role: who does it?", id: "langkah '{id}' tidak memiliki peran: siapa yang melaksanakannya?" }
    LintMisplaced {
        en: "step '{id}' is a {kind}: '{key}' belongs to {kinds}",
        id: "langkah '{id}' bertipe `{kind}`: '{key}' hanya untuk {kinds}",
    }
    LintForTaskOrStart { en: "a task or the start", id: "tugas atau awal" }
    LintForCall { en: "a call", id: "pemanggilan" }
    LintCallNoProcedure {
        en: "call '{id}' names no procedure (call = \"…\")",
        id: "pemanggilan '{id}' tidak menyebut prosedur (call = \"…\")",
    }
    LintCallNoCompleted {
        en: "call '{id}' has no way on when the request it starts is completed (outcomes.completed)",
        id: "pemanggilan '{id}' tidak memiliki kelanjutan bila permintaan yang dimulainya selesai (outcomes.completed)",
    }
    LintCallByNobody {
        en: "call '{id}' is done by nobody: it takes no role and no fields",
        id: "pemanggilan '{id}' tidak dilaksanakan oleh siapa pun: tidak menerima peran maupun isian",
    }
    LintApprovalTargets {
        en: "approval '{id}' needs both 'approve' and 'reject' targets",
        id: "persetujuan '{id}' memerlukan tujuan 'approve' dan 'reject'",
    }
    LintNoOptions { en: "decision '{id}' has no options", id: "keputusan '{id}' tidak memiliki pilihan" }
    LintTaskNoNext {
        en: "task '{id}' is the last step and has no 'next': where does it lead?",
        id: "tugas '{id}' adalah langkah terakhir dan tidak memiliki 'next': ke mana kelanjutannya?",
    }
    LintOutcomeWord {
        en: "end '{id}': outcome must be a lowercase word (e.g. completed, rejected)",
        id: "akhir '{id}': outcome harus berupa satu kata huruf kecil (misalnya completed, rejected)",
    }
    LintStartFirst { en: "start '{id}' must be the first step", id: "awal '{id}' harus menjadi langkah pertama" }
    LintAutomaticFields {
        en: "decision '{id}' is taken by sop itself: it cannot require fields",
        id: "keputusan '{id}' diambil oleh sop sendiri: tidak dapat mewajibkan isian",
    }
    LintUnknownTarget {
        en: "step '{id}' ({label}) leads to unknown step '{target}'",
        id: "langkah '{id}' (jalan keluar `{label}`) berlanjut ke langkah '{target}' yang tidak dikenal",
    }
    LintToItself { en: "step '{id}' ({label}) leads to itself", id: "langkah '{id}' (jalan keluar `{label}`) berlanjut ke dirinya sendiri" }
    LintRouteUnset {
        en: "decision '{id}' routes by field '{field}', which no form field or decision sets",
        id: "keputusan '{id}' bercabang menurut isian '{field}', yang tidak diisi oleh isian formulir atau keputusan mana pun",
    }
    LintNoOptionFor {
        en: "decision '{id}' has no option for {field} = '{value}'",
        id: "keputusan '{id}' tidak memiliki pilihan untuk {field} = '{value}'",
    }
    LintNoOptionForSetBy {
        en: "decision '{id}' has no option for {field} = '{value}' (set by step '{other}')",
        id: "keputusan '{id}' tidak memiliki pilihan untuk {field} = '{value}' (diisi oleh langkah '{other}')",
    }
    LintOnBehalfRole {
        en: "on_behalf names unknown role '{role}' (declare it under [roles] in sop.toml)",
        id: "on_behalf menyebut peran '{role}' yang tidak dikenal (deklarasikan di bagian [roles] pada sop.toml)",
    }
    LintEditsUnknown { en: "step '{id}' edits unknown field '{name}'", id: "langkah '{id}' mengubah isian '{name}' yang tidak dikenal" }
    LintEditsSecret {
        en: "step '{id}' edits secret field '{name}', which is never stored",
        id: "langkah '{id}' mengubah isian rahasia '{name}', yang tidak pernah disimpan",
    }
    LintAssignFrom {
        en: "step '{id}' is assigned from '{name}', which is not a field of type person",
        id: "langkah '{id}' ditugaskan menurut '{name}', yang bukan isian bertipe person",
    }
    LintAssignNobody {
        en: "step '{id}' is done by nobody: it cannot be assigned",
        id: "langkah '{id}' tidak dilaksanakan oleh siapa pun: tidak dapat ditugaskan",
    }
    LintInferredRole {
        en: "step '{id}' says its role was inferred, but names no role",
        id: "langkah '{id}' menyatakan perannya hasil simpulan, tetapi tidak menyebut peran",
    }
    LintInferredExit {
        en: "step '{id}' marks exit '{label}' as inferred, but its exits are: {exits}",
        id: "langkah '{id}' menandai jalan keluar '{label}' sebagai hasil simpulan, tetapi jalan keluarnya: {exits}",
    }
    LintNone { en: "none", id: "tidak ada" }
    LintResumeUnknown {
        en: "end '{id}' resumes to unknown step '{target}'",
        id: "akhir '{id}' dilanjutkan kembali ke langkah '{target}' yang tidak dikenal",
    }
    LintResumeNobody {
        en: "end '{id}' resumes to '{target}', where nobody acts",
        id: "akhir '{id}' dilanjutkan kembali ke '{target}', tempat tidak ada yang bertindak",
    }
    LintAttachmentType {
        en: "attachment_types: unknown file type '{file_type}' (known: {known})",
        id: "attachment_types: tipe berkas '{file_type}' tidak dikenal (yang dikenal: {known})",
    }
    LintFieldTypeNotAllowed {
        en: "field '{name}' takes type '{file_type}', which attachment_types does not allow",
        id: "isian '{name}' menerima tipe '{file_type}', yang tidak diizinkan attachment_types",
    }
    LintByUndeclared {
        en: "{what} goes by field '{field}', which the procedure does not declare",
        id: "{what} ditentukan oleh isian '{field}', yang tidak dideklarasikan prosedur ini",
    }
    LintByNoValue { en: "{what} has no value for {field} = '{value}'", id: "{what} tidak memiliki nilai untuk {field} = '{value}'" }
    LintByNotChoice {
        en: "{what} names {field} = '{value}', which is not one of its choices",
        id: "{what} menyebut {field} = '{value}', yang bukan salah satu pilihannya",
    }
    LintServiceTime { en: "the service time", id: "jangka waktu layanan" }
    LintStepTime { en: "step '{id}': its time", id: "langkah '{id}': waktunya" }
    LintStepRole { en: "step '{id}': its role", id: "langkah '{id}': perannya" }
    LintUnreachable {
        en: "step '{id}' is unreachable from the first step '{first}'",
        id: "langkah '{id}' tidak dapat dicapai dari langkah pertama '{first}'",
    }
    LintNoEnd { en: "the procedure has no end step (kind = \"end\")", id: "prosedur ini tidak memiliki langkah akhir (kind = \"end\")" }
    LintNeverEnds {
        en: "step '{id}' never reaches an end: a loop with no way out",
        id: "langkah '{id}' tidak pernah mencapai akhir: lingkaran tanpa jalan keluar",
    }
    LintAsset { en: "step '{id}' asset: {message}", id: "langkah '{id}', aset: {message}" }
    LintAssetAutomatic {
        en: "a decision sop takes itself cannot change assets",
        id: "keputusan yang diambil sop sendiri tidak dapat mengubah aset",
    }
    LintAssetEnd {
        en: "an end is entered, never done: use when = \"enter\" or leave it out",
        id: "akhir hanya dimasuki, tidak pernah diselesaikan: gunakan when = \"enter\" atau hilangkan",
    }
    LintAssetCount { en: "'count' belongs to create = true", id: "'count' hanya untuk create = true" }
    LintAssetNoSet { en: "'set' names no column to change", id: "'set' tidak menyebut kolom yang diubah" }
    LintAssetCreateNeeds { en: "create = true needs '{column}' in set", id: "create = true memerlukan '{column}' dalam set" }
    LintAssetColumn {
        en: "cannot set column '{column}': use one of {columns} or attr.NAME",
        id: "kolom '{column}' tidak dapat diisi: gunakan salah satu dari {columns} atau attr.NAMA",
    }
    LintAssetPlaceholder {
        en: "'{template}' names '{{{name}}}', which is no field of the procedure (nor requester or request)",
        id: "'{template}' menyebut '{{{name}}}', yang bukan isian prosedur ini (bukan pula requester atau request)",
    }
    LintAssetCountNumber { en: "count must be a whole number, not '{value}'", id: "count harus berupa bilangan bulat, bukan '{value}'" }
    LintTemplate { en: "step '{id}': template {why}", id: "langkah '{id}': templat {why}" }

    // src/procedure/mod.rs, src/field.rs: reading a procedure and its fields.
    ProcRoleTable {
        en: "a role table names the field it goes by: {{ by = \"kategori\", nilai = \"role\", … }}",
        id: "tabel peran harus menyebut isian penentunya: {{ by = \"kategori\", nilai = \"role\", … }}",
    }
    ProcStepNumber {
        en: "invalid step number {text}: write it as the document does, e.g. 4 or \"4a\"",
        id: "nomor langkah {text} tidak sah: tuliskan seperti pada dokumen, misalnya 4 atau \"4a\"",
    }
    ProcNotFound { en: "no procedure '{id}' ({rel} not found)", id: "tidak ada prosedur '{id}' ({rel} tidak ditemukan)" }
    HintKnownProcedures { en: "known procedures: {known}", id: "prosedur yang ada: {known}" }
    FieldBadPattern { en: "field '{name}' has an invalid pattern: {error}", id: "isian '{name}' memiliki pola yang tidak sah: {error}" }
    FieldName {
        en: "field name '{name}' must be lowercase letters, digits, '_' and '-'",
        id: "nama isian '{name}' harus berupa huruf kecil, angka, '_' dan '-'",
    }
    FieldNoChoices { en: "field '{name}' is a choice but lists no choices", id: "isian '{name}' bertipe choice tetapi tidak mencantumkan pilihan" }
    FieldLintPattern { en: "field '{name}': invalid pattern: {error}", id: "isian '{name}': pola tidak sah: {error}" }
    FieldTypesNotFile {
        en: "field '{name}' is not a file: 'types' belongs to type = \"file\"",
        id: "isian '{name}' bukan berkas: 'types' hanya untuk type = \"file\"",
    }
    FieldUnknownType {
        en: "field '{name}': unknown file type '{file_type}' (known: {known})",
        id: "isian '{name}': tipe berkas '{file_type}' tidak dikenal (yang dikenal: {known})",
    }

    // src/people.rs: people.toml's lint.
    PeopleIdTwice { en: "person id '{id}' appears twice", id: "id orang '{id}' muncul dua kali" }
    PeopleEmailTwice {
        en: "email '{email}' belongs to both '{first}' and '{id}': sop tells who acts by email, so each person needs their own",
        id: "email '{email}' dimiliki oleh '{first}' dan '{id}' sekaligus: sop mengenali siapa yang bertindak dari email, jadi setiap orang memerlukan email sendiri",
    }
    PeopleUnknownRole {
        en: "person '{id}' has unknown role '{role}' (declare it under [roles] in sop.toml)",
        id: "orang '{id}' memiliki peran '{role}' yang tidak dikenal (deklarasikan di bagian [roles] pada sop.toml)",
    }
    PeopleStandinUnknown {
        en: "stand-in '{person}' is not a person in people.toml",
        id: "pengganti (Plt/Plh) '{person}' tidak terdaftar di people.toml",
    }
    PeopleStandinDates {
        en: "stand-in '{person}' for '{role}' ends before it starts",
        id: "penggantian (Plt/Plh) '{person}' untuk '{role}' berakhir sebelum dimulai",
    }

    // src/asset.rs: a row of the asset register, and what a procedure may do to an asset.
    AssetKindValue { en: "kind must be hardware, software or data, not '{value}'", id: "kind harus hardware, software atau data, bukan '{value}'" }
    AssetStatusValue { en: "status must be one of {statuses}, not '{value}'", id: "status harus salah satu dari {statuses}, bukan '{value}'" }
    AssetUnknownColumn {
        en: "unknown column '{column}': columns are {columns} and attr.NAME for free attributes (lowercase)",
        id: "kolom '{column}' tidak dikenal: kolomnya {columns} dan attr.NAMA untuk atribut bebas (huruf kecil)",
    }
    AssetAcquiredValue { en: "acquired must be a date YYYY-MM-DD, not '{value}'", id: "acquired harus berupa tanggal TTTT-BB-HH, bukan '{value}'" }
    AssetValueValue {
        en: "value must be a whole number of rupiah without separators, not '{value}'",
        id: "value harus berupa bilangan bulat rupiah tanpa pemisah, bukan '{value}'",
    }
    AssetHolderUnknown { en: "holder '{value}' is not in people.toml", id: "holder '{value}' tidak terdaftar di people.toml" }
    AssetNeeds { en: "a new asset needs {columns}", id: "aset baru memerlukan {columns}" }
    AssetAnd { en: " and ", id: " dan " }
    AssetOr { en: " or ", id: " atau " }
    AssetFinal { en: "{status} is final", id: "{status} adalah status akhir" }
    AssetMayBecome { en: "from {status} it may become {next}", id: "dari {status} hanya boleh menjadi {next}" }
    AssetCannotBecome {
        en: "asset {id} is {from} and cannot become {to}: {allowed}",
        id: "aset {id} berstatus {from} dan tidak dapat menjadi {to}: {allowed}",
    }
    AssetNotFinal { en: "an asset that is not transferred or disposed", id: "aset yang tidak berstatus transferred atau disposed" }
    AssetThatIs { en: "an asset that is {statuses}", id: "aset yang berstatus {statuses}" }
    AssetProcedureNeeds {
        en: "asset {id} is {status}: procedure '{procedure}' needs {wanted}",
        id: "aset {id} berstatus {status}: prosedur '{procedure}' memerlukan {wanted}",
    }
    AssetOpenBrace { en: "'{template}' has a '{{' without '}}'", id: "'{template}' memiliki '{{' tanpa '}}'" }

    // src/engine/: the engine's other problems (attachments, texts, calls, asset effects).
    EngineAdminMayAssign {
        en: "{held_by} (or an administrator, '{admin}', may assign it)",
        id: "{held_by} (atau administrator, '{admin}', yang boleh menugaskannya)",
    }
    EngineCallCircle {
        en: "the change starts or leads on more than {most} requests through call steps: the procedures call each other in a circle",
        id: "perubahan ini memulai atau melanjutkan lebih dari {most} permintaan melalui langkah pemanggilan: prosedur-prosedurnya saling memanggil dalam lingkaran",
    }
    EngineCallFailed {
        en: "step '{step}' of {id} starts a '{call}' request, which cannot be made: {why}",
        id: "langkah '{step}' pada {id} memulai permintaan '{call}', yang tidak dapat dibuat: {why}",
    }
    EngineCallRequester { en: "its requester {who} is not in people.toml", id: "pemohonnya, {who}, tidak terdaftar di people.toml" }
    EngineSubRequest { en: "its sub-request", id: "sub-permintaannya" }
    EngineWaitsAtCall {
        en: "{id} waits at step '{step}' for {child} to end: a call step moves on when the request it started ends",
        id: "{id} menunggu di langkah '{step}' sampai {child} berakhir: langkah pemanggilan berlanjut ketika permintaan yang dimulainya berakhir",
    }
    EngineChildOpen {
        en: "{id} waits for {child}, which is still {status}: cancel {child} first",
        id: "{id} menunggu {child}, yang masih {status}: batalkan {child} lebih dahulu",
    }
    EngineAssetChange {
        en: "the procedure's asset change cannot be made: {problems}",
        id: "perubahan aset menurut prosedur tidak dapat dilakukan: {problems}",
    }
    EngineAssetCount {
        en: "the number of assets to register must be 1 to 1000, not '{n}'",
        id: "jumlah aset yang didaftarkan harus 1 sampai 1000, bukan '{n}'",
    }
    EngineNotFileName { en: "is not a file name", id: "bukan nama berkas" }
    EngineNoFolders { en: "must be a file name without folders", id: "harus berupa nama berkas tanpa folder" }
    EngineNameTooLong {
        en: "has a name of {chars} characters, over the limit of {limit}",
        id: "memiliki nama sepanjang {chars} karakter, melebihi batas {limit}",
    }
    EngineBadSha { en: "has '{sha}' for a SHA-256", id: "memiliki '{sha}' sebagai SHA-256" }
    EngineAttachedAlready {
        en: "is attached to the request already: names are unique within a request",
        id: "sudah dilampirkan pada permintaan ini: nama lampiran harus unik dalam satu permintaan",
    }
    EngineCommentFills {
        en: "cannot fill field '{field}': a comment fills no fields",
        id: "tidak dapat mengisi isian '{field}': komentar tidak mengisi isian apa pun",
    }
    EngineFilledTwice {
        en: "fills field '{field}', which another file of this change fills",
        id: "mengisi isian '{field}', yang juga diisi berkas lain dalam perubahan ini",
    }
    EngineAttachmentNamed { en: "attachment '{name}'", id: "lampiran '{name}'" }
    EnginePerFile { en: "per file, max_file_mb", id: "per berkas, max_file_mb" }
    EngineFilesOf { en: "the files attached to {id}", id: "berkas yang dilampirkan pada {id}" }
    EngineFilesOfNew { en: "the files attached to the new request", id: "berkas yang dilampirkan pada permintaan baru" }
    EnginePerRequest { en: "per request, max_request_mb", id: "per permintaan, max_request_mb" }
    EngineTheTitle { en: "the title", id: "judul" }
    EngineTheReason { en: "the reason", id: "alasan" }
    EngineTheComment { en: "the comment", id: "komentar" }
    EngineTheNote { en: "the note", id: "catatan" }
    EngineTheOutput { en: "the output", id: "output" }
    EngineOutsiderName { en: "the outside requester's name", id: "nama pemohon dari luar" }
    EngineOutsiderContact { en: "the outside requester's contact", id: "kontak pemohon dari luar" }
    EngineTheField { en: "field '{name}'", id: "isian '{name}'" }
    EngineCharsOver {
        en: "has {chars} characters, over the limit of {limit}",
        id: "berisi {chars} karakter, melebihi batas {limit}",
    }
    EngineOverChars { en: "is over the limit of {limit} characters", id: "melebihi batas {limit} karakter" }
    EngineMultiLine { en: "is more than one line", id: "lebih dari satu baris" }
    EngineBytesOver { en: "has {len} bytes, over the limit of {limit}", id: "berisi {len} bita, melebihi batas {limit}" }
    EngineOfProcedure { en: "procedure '{id}': {error}", id: "prosedur '{id}': {error}" }
    EngineOfRequest { en: "request {id}: {error}", id: "permintaan {id}: {error}" }

    // src/store.rs, src/tree_cache.rs
    CtxReadingCurrentFolder { en: "reading the current folder", id: "membaca folder saat ini" }
    StoreMisplaced { en: "{rel}: its id {id} belongs in {expected}", id: "{rel}: nomornya {id} seharusnya berada di {expected}" }
    HintStoreLink {
        en: "replace the link by the folder itself (git rm it, then commit), or ask an administrator",
        id: "ganti tautan itu dengan foldernya sendiri (git rm tautan itu, lalu commit), atau minta bantuan administrator",
    }
    CacheLineUndecodable { en: "{file}: a line sop wrote does not decode", id: "{file}: sebuah baris yang ditulis sop tidak dapat dibaca" }
    CacheTooManyReads {
        en: "the cache of {dir} needs more than {most} files read",
        id: "cache {dir} memerlukan pembacaan lebih dari {most} berkas",
    }

    // src/printout/, src/document/: what keeps a printout or a document from being made.
    TemplateBadName {
        en: "'{name}' is not a file name under {folder}/: use letters, digits, '.', '_', '-' and '/', without '..'",
        id: "'{name}' bukan nama berkas di bawah {folder}/: gunakan huruf, angka, '.', '_', '-' dan '/', tanpa '..'",
    }
    TemplateNotUnder {
        en: "'{rel}' is not under {folder}/ (write templates/NAME.html)",
        id: "'{rel}' tidak berada di bawah {folder}/ (tuliskan templates/NAMA.html)",
    }
    TemplateNotHtml { en: "'{rel}' does not end in .html", id: "'{rel}' tidak berakhiran .html" }
    TemplateTooMuch {
        en: "{folder}/{name} writes more than {size}, the most a printout may hold",
        id: "{folder}/{name} menulis lebih dari {size}, batas terbesar satu cetakan",
    }
    TemplateOutOfFuel {
        en: "{text} (the template does too much work for one printout)",
        id: "{text} (templat ini bekerja terlalu banyak untuk satu cetakan)",
    }
    PrintoutBadHtml {
        en: "{folder}/{name} writes HTML a printout cannot show: {why}",
        id: "{folder}/{name} menulis HTML yang tidak dapat ditampilkan cetakan: {why}",
    }
    MarkupNotWellFormed {
        en: "not well-formed HTML (XHTML): {error} (line:column of the HTML it writes)",
        id: "HTML (XHTML) tidak tersusun dengan benar: {error} (baris:kolom pada HTML yang ditulisnya)",
    }
    MarkupUnknownElement {
        en: "element <{name}> is not one a printout can show (line {line}): use p, h1–h3, div, hr, table, tr, td, th, ol, ul, li, b, strong, i, em, u, span, small, br",
        id: "elemen <{name}> tidak dapat ditampilkan cetakan (baris {line}): gunakan p, h1–h3, div, hr, table, tr, td, th, ol, ul, li, b, strong, i, em, u, span, small, br",
    }
    MarkupTooDeep { en: "elements nest deeper than {max} (line {line})", id: "elemen bersarang lebih dalam dari {max} (baris {line})" }
    PrintoutTooManyPages {
        en: "the printout would take more than {max_pages} pages",
        id: "cetakan ini akan memerlukan lebih dari {max_pages} halaman",
    }
    PrintoutQr { en: "making the QR code: {error}", id: "membuat kode QR: {error}" }
    PdfSvgUnreadable { en: "page {n}: the SVG does not read back: {error}", id: "halaman {n}: SVG tidak dapat dibaca kembali: {error}" }
    PdfConverting { en: "page {n}: converting to PDF: {error}", id: "halaman {n}: mengubah ke PDF: {error}" }

    // src/site/: errors of `sop site` (its pages are Indonesian by design).
    SiteNotFolder { en: "--output {path} is not a folder", id: "--output {path} bukan folder" }
    HintSiteFolder { en: "give a folder for the site (it is made when missing)", id: "berikan folder untuk situsnya (dibuat bila belum ada)" }
    SiteForeignFiles {
        en: "--output {path} holds files that sop did not write (it has no {manifest})",
        id: "--output {path} berisi berkas yang tidak ditulis sop (tidak ada {manifest})",
    }
    HintSiteForeignFiles {
        en: "give an empty or new folder: sop site writes only there, and removes only files it wrote",
        id: "berikan folder kosong atau baru: sop site hanya menulis di sana, dan hanya menghapus berkas yang ditulisnya",
    }
    SiteBusy { en: "another `sop site` is writing {path}", id: "`sop site` lain sedang menulis {path}" }
    HintSiteBusy { en: "wait for it to finish, then run again", id: "tunggu sampai selesai, lalu jalankan lagi" }
    SiteTopNotFolder {
        en: "{path}/{top} is not a folder (a file or a link): sop site writes only into folders it made",
        id: "{path}/{top} bukan folder (berkas atau tautan): sop site hanya menulis ke folder yang dibuatnya",
    }
    HintSiteTop { en: "remove {path}/{top}, or give another folder", id: "hapus {path}/{top}, atau berikan folder lain" }
    SiteManifestDamaged { en: "{path}/{manifest} is damaged: {why}", id: "{path}/{manifest} rusak: {why}" }
    HintSiteAnew {
        en: "remove the folder {path} and run sop site again: it writes the whole site anew",
        id: "hapus folder {path} lalu jalankan sop site lagi: seluruh situs ditulis ulang",
    }
    SiteManifestPath {
        en: "it names {bad}, which is not a file sop site writes",
        id: "manifes ini menyebut {bad}, yang bukan berkas yang ditulis sop site",
    }
    HintSiteManifestSize {
        en: "a site's manifest is at most {mb} MiB: remove the folder {path} and run sop site again",
        id: "manifes situs paling besar {mb} MiB: hapus folder {path} lalu jalankan sop site lagi",
    }
    SiteInGitFolder { en: "--output {path} is inside the git folder {git_dir}", id: "--output {path} berada di dalam folder git {git_dir}" }
    HintSiteOutside { en: "give a folder outside the records repository", id: "berikan folder di luar repositori catatan" }
    SiteHoldsRepo { en: "--output {path} holds the records repository {workdir}", id: "--output {path} memuat repositori catatan {workdir}" }
    HintSiteOutsideOrIgnored {
        en: "give a folder outside the records repository, or one git ignores inside it",
        id: "berikan folder di luar repositori catatan, atau folder di dalamnya yang diabaikan git",
    }
    SiteNotIgnored {
        en: "--output {path} is inside the records repository {workdir}, and git does not ignore it",
        id: "--output {path} berada di dalam repositori catatan {workdir}, dan tidak diabaikan git",
    }
    HintSiteIgnore {
        en: "give a folder outside the repository, or ignore it first: echo '/{rel}/' >> .gitignore (an administrator commits that)",
        id: "berikan folder di luar repositori, atau abaikan lebih dahulu: echo '/{rel}/' >> .gitignore (administrator yang meng-commit-nya)",
    }
    SiteMisplacedRequest {
        en: "{rel}: not the file of request {id} (a request's file is {path}); it has no page",
        id: "{rel}: bukan berkas permintaan {id} (berkas permintaan itu {path}); tidak dibuatkan halaman",
    }

    // src/stdtime.rs, src/calendar.rs, src/dates.rs, src/asset_rows.rs: values of the rules'
    // files, and records read for a listing.
    TimeTable {
        en: "a time table names the field it goes by: {{ by = \"kategori\", nilai = \"30 menit\", … }}",
        id: "tabel waktu harus menyebut isian penentunya: {{ by = \"kategori\", nilai = \"30 menit\", … }}",
    }
    TimeInvalid {
        en: "invalid standard time {text}: write a number and a unit, e.g. \"5 menit\", \"1 jam 30 menit\", \"2 hari kerja\", \"3 x 24 jam\", \"1 minggu\", \"maksimal 2 hari\", or \"N/A\"",
        id: "waktu baku {text} tidak sah: tuliskan angka dan satuannya, misalnya \"5 menit\", \"1 jam 30 menit\", \"2 hari kerja\", \"3 x 24 jam\", \"1 minggu\", \"maksimal 2 hari\", atau \"N/A\"",
    }
    WorkingHoursInvalid {
        en: "invalid working hours {text}: write them as \"08:00-16:00\"",
        id: "jam kerja {text} tidak sah: tuliskan seperti \"08:00-16:00\"",
    }
    DateInvalid { en: "invalid date {text}: write it as 2026-01-31", id: "tanggal {text} tidak sah: tuliskan seperti 2026-01-31" }
    RecordNotUtf8 { en: "{path} is not UTF-8", id: "{path} bukan UTF-8" }

    // ----
}
