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
}
