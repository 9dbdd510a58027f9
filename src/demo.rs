//! `sop init --example --demo`: a month of the example office's work, so that `sop list`,
//! `show`, `report` and `procedure doc` have something to show from the first minute.
//!
//! Every change is made by the code the commands use — `change::run` for requests (the one
//! engine function), `sop asset add`'s for the register — as one commit by the person who
//! acts, at a back-dated time in working hours of the office's calendar. `sop verify` replays
//! them as it replays any history. The script is fixed and its times are drawn from a fixed
//! seed, so the same clock gives the same office (only the random ids differ): requests of
//! several procedures in every status (open at various steps, held, completed, rejected,
//! cancelled, `dikembalikan`, returned to the requester), some of them overdue.

use std::collections::HashMap;
use std::path::Path;

use anyhow::{anyhow, bail, Context as _, Result};
use chrono::{DateTime, Days, Duration, FixedOffset, NaiveDate, NaiveTime};
use rand::{Rng, SeedableRng};

use crate::change::{self, Target};
use crate::commands::asset::AddArgs;
use crate::config::Config;
use crate::context::Context;
use crate::engine::Change;
use crate::request::{Action, Outsider};
use crate::stdtime::StdTime;

/// The seed of the times' small variations: fixed, so that the demo is the same every time.
const SEED: u64 = 0x5350_4b4f_4d49_4e46;

/// Working days back from today over which the demo's requests are spread (about a month).
pub const DAYS: u32 = 22;

/// What the demo made.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Made {
    pub requests: usize,
    pub assets: usize,
    pub changes: usize,
}

/// The register, by the asset manager on the first morning of the month, an asset a line:
/// `KIND | NAME | SERIAL | STATUS | LOCATION | HOLDER | ACQUIRED | VALUE` (`-`: none; the
/// status then is `sop asset add`'s default).
const ASSETS: &str = "
hardware | PC Rakitan Helpdesk | PC-HD-0007 | - | Ruang Helpdesk Lt. 1 | dewi | 2021-03-15 | 8750000
hardware | Printer Epson L3210 | EPS-L3210-118 | in-use | Ruang Sekretariat | - | 2022-07-04 | 2650000
hardware | Proyektor Epson EB-X51 | EPS-EBX51-021 | in-use | Ruang Rapat Utama | - | 2020-11-20 | 6900000
hardware | UPS APC Smart-UPS 3000VA | APC-SMT3000-090 | in-use | Data Center | - | 2019-05-02 | 21500000
hardware | Switch Cisco Catalyst 2960 | CSC-2960-0412 | in-use | Ruang Server Lt. 2 | - | 2018-09-12 | 17800000
hardware | Laptop Asus VivoBook 14 | ASU-VB14-0552 | - | Gudang Aset | - | 2024-02-19 | 9400000
hardware | PC Dell OptiPlex 3020 | DL-OPX3020-011 | - | Gudang Aset | - | 2015-06-08 | 7200000
hardware | PC Pentium Dual Core (rusak berat) | PC-LAMA-0003 | - | Gudang Aset | - | 2011-01-10 | 5100000
";

/// The requests, in the order their times are drawn. A request is a line `PROCEDURE by
/// PERSON, day N at HH:MM: TITLE` (opened N working days before today), then, indented:
/// `for NAME, CONTACT` when it is opened for someone outside people.toml, `asset SERIAL` (an
/// asset of `ASSETS`), its form's fields `NAME = VALUE` (`{+N}`: the day N days after it is
/// opened), and its changes `MINUTES PERSON VERB[ ARGUMENT][: TEXT]`, each that many working
/// minutes after the one before, with the fields it gives below it. A change is `sop VERB`
/// with TEXT as its note or reason (`advance`, `approve`, `reject`, `cancel`, `edit`,
/// `comment`), or `output` (`sop advance --output TEXT`), `choose OPTION` (`sop advance
/// --choose`), `assign PERSON`, `hold DAYS` (`--until` that many days after today). A change
/// that would fall after now is not made: the request waits at that step.
const SCRIPT: &str = "
email by dimas, day 20 at 08:40: Akun email dinas pegawai baru Bidang Aplikasi Informatika
    nama_lengkap = Dimas Saputra
    unit_kerja = Bidang Aplikasi Informatika
    email_diminta = dimas.saputra@kota.go.id
    2 dimas advance
    35 dewi advance: FPE lengkap, diteruskan ke Sub Koordinator KIP
    50 sri approve: Disetujui
    120 budi output: Akun dibuat; kata sandi awal diserahkan langsung kepada pemohon

email by lina, day 17 at 10:05: Email dinas untuk Pengguna Aset Subbagian Umum
    nama_lengkap = Lina Marlina
    nip = 199309282019032002
    email_diminta = lina.marlina@kota.go.id
    3 lina advance
    20 dewi advance
    45 hendra reject: Unit kerja belum diisi pada FPE; mohon dilengkapi lalu diajukan kembali
    90 lina edit: Unit kerja dilengkapi
        unit_kerja = Subbagian Umum dan Kepegawaian
    2 lina advance
    30 dewi advance
    25 sri approve: Lengkap
    200 yoga output: Akun dibuat

email by dimas, day 12 at 10:30: Email kedua untuk keperluan pengadaan barang/jasa
    nama_lengkap = Dimas Saputra
    email_diminta = pengadaan.diskominfo@kota.go.id
    2 dimas advance
    60 dimas cancel: Tidak jadi diperlukan; memakai email unit yang sudah ada

email by andi, day 9 at 13:15: Email tim tanggap insiden siber (CSIRT) Kota
    nama_lengkap = Andi Pratama
    unit_kerja = Bidang Persandian dan Keamanan Informasi
    email_diminta = csirt@kota.go.id
    2 andi advance
    15 dewi advance
    40 hendra approve
    95 budi output: Akun dibuat, diteruskan ke anggota tim

email by putri, day 6 at 08:50: Kotak surat bersama untuk Layanan Pengaduan Masyarakat
    nama_lengkap = Putri Handayani
    unit_kerja = Bidang Persandian dan Keamanan Informasi
    email_diminta = pengaduan@kota.go.id
    3 putri advance
    15 dewi advance
    30 sri approve
    120 budi hold 7: Menunggu tambahan kuota kotak surat dari penyedia layanan email

email by fajar, day 4 at 14:00: Email staf IIDC (pengganti alamat lama)
    nama_lengkap = Fajar Nugroho
    unit_kerja = Seksi Infrastruktur Internet dan Data Center
    email_diminta = fajar@kota.go.id
    3 fajar advance
    25 dewi advance
    40 sri reject: Alamat fajar@kota.go.id sudah dipakai pegawai lain; mohon ajukan alamat lain

email by putri, day 2 at 13:10: Alamat email admin website Diskominfo
    nama_lengkap = Putri Handayani
    email_diminta = admin.web@kota.go.id
    4 putri advance
    30 dewi advance

email by andi, day 1 at 09:30: Email untuk Sekretariat PPID
    nama_lengkap = Andi Pratama
    email_diminta = ppid@kota.go.id
    2 andi advance
    40 dewi advance
    60 hendra approve
    15 budi assign yoga: Yoga yang memegang server email minggu ini

video-conference by putri, day 19 at 09:15: Rapat Koordinasi Evaluasi SPBE tingkat Kota
    acara = Rapat Koordinasi Evaluasi SPBE
    tanggal = {+2}
    jam_mulai = 09:00
    jam_selesai = 11:30
    jumlah_peserta = 45
    3 putri advance
    20 fajar advance
    35 ratna approve: Ruang dan kuota peserta tersedia
    90 fajar advance
        tautan_vc = https://vc.kota.go.id/rakor-spbe

video-conference by fajar, day 15 at 10:00: Musrenbang Kecamatan Karawaci secara daring
    for Sekretariat Kecamatan Karawaci, 021-5523456
    acara = Musrenbang Kecamatan Karawaci
    tanggal = {+3}
    jam_mulai = 08:30
    jumlah_peserta = 120
    5 fajar advance: Surat resmi kecamatan diterima lewat TU
    10 fajar advance
    30 agus approve
    60 fajar advance
        tautan_vc = https://vc.kota.go.id/musrenbang-karawaci

video-conference by dimas, day 11 at 13:00: Webinar literasi digital untuk pelajar SMP
    acara = Webinar Literasi Digital
    tanggal = {+4}
    jam_mulai = 13:00
    jam_selesai = 15:00
    jumlah_peserta = 300
    3 dimas advance
    20 fajar advance
    40 ratna reject: Jadwal bentrok dengan rapat pimpinan; mohon ajukan tanggal lain
    240 dimas cancel: Kegiatan ditunda ke tahun anggaran berikutnya

video-conference by andi, day 3 at 09:00: Sosialisasi keamanan informasi bagi OPD
    acara = Sosialisasi Keamanan Informasi
    tanggal = {+10}
    jam_mulai = 09:00
    jumlah_peserta = 80
    3 andi advance
    30 fajar advance
    20 ratna approve
    60 fajar hold 6: Menunggu konfirmasi jadwal narasumber dari BSSN
    40 andi comment: Narasumber sudah konfirmasi lewat telepon, surat resmi menyusul

video-conference by lina, day 1 at 10:20: Rapat daring dengan BPKAD tentang inventarisasi aset
    acara = Rapat Inventarisasi Aset bersama BPKAD
    tanggal = {+2}
    jam_mulai = 10:00
    jam_selesai = 12:00
    3 lina advance
    25 fajar advance
    20 agus approve

video-conference by putri, day 1 at 14:40: Bimbingan teknis aplikasi TTE bagi operator kelurahan
    acara = Bimtek Tanda Tangan Elektronik
    tanggal = {+7}
    jam_mulai = 09:00
    jumlah_peserta = 60
    2 putri advance

perangkat-pribadi by dimas, day 18 at 08:30: Laptop pribadi untuk lembur penyusunan laporan akhir tahun
    unit_kerja = Bidang Aplikasi Informatika
    keperluan = Menyusun laporan akhir tahun di luar jam kerja
    5 dimas advance
    5 dimas advance
    15 andi advance
    25 sri approve
    20 budi advance
    30 budi advance
        jenis_perangkat = laptop
        merek = Acer Aspire 5
        nomor_seri = NXHS5SN0021
        spesifikasi = Core i5, RAM 8 GB, SSD 512 GB, Windows 11
    40 budi advance
        hasil_scan = bersih
        detail_scan = Pemindaian penuh antivirus kantor: 0 ancaman
    20 budi advance
        mac_address = 3C:52:82:1A:4F:9B
        alamat_ip = 10.20.4.57
        vlan = 40

perangkat-pribadi by lina, day 8 at 13:30: Tablet pribadi untuk presentasi rapat
    unit_kerja = Subbagian Umum dan Kepegawaian
    keperluan = Presentasi rapat inventarisasi
    4 lina advance
    6 lina advance
    20 andi advance
    30 hendra reject: Tablet tidak dapat dipasangi antivirus yang ditetapkan; gunakan perangkat kantor

perangkat-pribadi by putri, day 2 at 09:45: Laptop pribadi untuk pelatihan forensik digital
    unit_kerja = Bidang Persandian dan Keamanan Informasi
    keperluan = Pelatihan forensik digital selama dua minggu
    5 putri advance
    5 putri advance
    20 andi advance
    30 sri approve
    25 budi advance

perangkat-pribadi by fajar, day 1 at 15:10: Laptop pribadi untuk pemantauan jaringan malam hari
    keperluan = Pemantauan jaringan saat piket malam
    4 fajar advance
    5 fajar advance
    15 andi advance

instalasi-piranti-lunak by putri, day 16 at 09:00: Instalasi LibreOffice di laptop Bidang Persandian
    nama_piranti_lunak = LibreOffice
    versi = 24.8
    perangkat_tujuan = Laptop Bidang Persandian
    lisensi = Open source (MPL 2.0)
    30 budi advance: Installer dan checksum sudah diperiksa
    20 ratna choose user
    15 putri advance
    10 budi choose lengkap
    30 budi advance
    10 budi choose berhasil
    10 budi choose berhasil
    15 ratna choose tidak-perlu

instalasi-piranti-lunak by dimas, day 10 at 10:00: Instalasi QGIS Server untuk peta tematik
    nama_piranti_lunak = QGIS Server
    versi = 3.34 LTR
    perangkat_tujuan = Server aplikasi SRV-APP-02
    lisensi = GPL v2
    25 yoga advance
    10 agus choose datacenter
    15 yoga choose lengkap
    60 yoga advance
    10 yoga choose berhasil
    20 yoga choose gagal
    30 yoga advance: Layanan WMS berhenti saat uji beban; SW di-uninstall dan server dikembalikan ke kondisi semula

instalasi-piranti-lunak by fajar, day 7 at 08:30: Pemasangan agen pemantauan Zabbix di server Data Center
    nama_piranti_lunak = Zabbix Agent 2
    versi = 7.0
    perangkat_tujuan = Seluruh server virtual Data Center
    lisensi = AGPL v3
    20 budi advance
    10 agus choose datacenter
    10 budi choose lengkap
    45 budi advance
    10 budi choose berhasil
    10 budi choose berhasil
    15 ratna choose perlu
    60 budi advance
    20 ratna choose belum-tepat
    40 budi advance
    15 ratna choose tepat

instalasi-piranti-lunak by andi, day 5 at 10:40: Instalasi Wazuh agent di PC Bidang Persandian
    nama_piranti_lunak = Wazuh Agent
    versi = 4.9
    perangkat_tujuan = PC staf Bidang Persandian
    20 yoga advance
    10 ratna choose user
    30 andi advance
    15 yoga choose tidak-lengkap

instalasi-piranti-lunak by lina, day 2 at 08:45: Pembaruan aplikasi SIMBADA di PC Pengelola Aset
    nama_piranti_lunak = SIMBADA
    versi = 2025.2
    perangkat_tujuan = PC Pengelola Aset
    20 budi advance
    10 ratna choose user
    20 lina advance
    10 budi choose lengkap
    40 budi advance
    10 budi choose berhasil
    10 budi choose berhasil
    20 agus choose perlu

instalasi-piranti-lunak by dimas, day 1 at 11:00: Instalasi Inkscape untuk desain infografis
    nama_piranti_lunak = Inkscape
    versi = 1.4
    lisensi = GPL v3
    20 yoga advance

perbaikan-aset by dewi, day 14 at 08:15: PC Helpdesk mati total, tidak mau menyala
    asset PC-HD-0007
    nama_aset = PC Rakitan Helpdesk
    keterangan = Power supply diduga rusak
    120 eko output: Telaahan: power supply rusak, perlu diganti 500 W
    60 wahyu advance
    40 siti approve
    90 nurul advance
    900 eko output: Power supply diganti, PC menyala normal
    200 eko advance

perbaikan-aset by wahyu, day 9 at 09:20: Printer Sekretariat hasil cetak bergaris
    asset EPS-L3210-118
    nama_aset = Printer Epson L3210
    keterangan = Head printer perlu dibersihkan atau diganti
    200 eko advance
    30 wahyu advance
    25 bambang approve
    60 nurul advance

perbaikan-aset by fajar, day 6 at 10:10: Baterai UPS Data Center drop
    asset APC-SMT3000-090
    nama_aset = UPS APC Smart-UPS 3000VA
    keterangan = Runtime tinggal 4 menit pada beban normal
    150 eko advance
    30 wahyu advance
    30 siti approve
    40 wahyu advance
    60 eko hold 9: Menunggu baterai pengganti dari vendor (PO sudah dikirim)

perbaikan-aset by wahyu, day 3 at 08:20: Switch ruang server sering restart
    asset CSC-2960-0412
    nama_aset = Switch Cisco Catalyst 2960
    240 eko advance
    30 nurul advance

perbaikan-aset by nurul, day 2 at 08:10: Pemeliharaan rutin proyektor Ruang Rapat Utama
    asset EPS-EBX51-021
    nama_aset = Proyektor Epson EB-X51
    keterangan = Pembersihan filter dan pengecekan lampu
    60 eko advance
    20 nurul advance
    20 bambang approve
    30 wahyu advance

penggunaan-aset by wahyu, day 13 at 09:00: Serah terima laptop untuk Pengguna Aset Subbagian Umum
    asset ASU-VB14-0552
    nama_aset = Laptop Asus VivoBook 14
    pengguna_aset = lina
    15 wahyu output: Berita Acara Serah Terima ditandatangani
    700 lina output: Aplikasi kantor terpasang dan akun terhubung

penghapusan-aset by eko, day 4 at 09:30: Penghapusan PC Pentium lama yang rusak berat
    asset PC-LAMA-0003
    nama_aset = PC Pentium Dual Core
    keterangan = Rusak berat, suku cadang tidak tersedia
    300 eko advance
    25 wahyu advance

pemindahtanganan-aset by nurul, day 5 at 13:00: Hibah PC Dell OptiPlex ke Kelurahan Sukasari
    asset DL-OPX3020-011
    nama_aset = PC Dell OptiPlex 3020
    pihak_penerima = Kelurahan Sukasari
    lokasi_baru = Kantor Kelurahan Sukasari
    200 nurul advance
    40 siti approve: Sesuai usulan

perencanaan-aset by wahyu, day 21 at 09:00: Rencana pengadaan laptop staf Bidang Persandian TA 2027
    nama_aset = Laptop staf
    keterangan = Mengganti laptop tahun 2016
    tahun_anggaran = 2027
    240 wahyu output: Rencana kebutuhan 3 unit laptop
    60 bambang approve
    120 hasan approve: Masuk usulan RKA 2027
    30 bambang advance
    1400 wahyu advance
        nama_barang = Laptop Lenovo ThinkPad E14 Gen 6
        jenis_aset = hardware
        jumlah = 3
        nilai_satuan = 14500000

perencanaan-aset by nurul, day 8 at 10:00: Rencana kebutuhan server cadangan Data Center TA 2027
    nama_aset = Server cadangan
    tahun_anggaran = 2027
    200 nurul advance
    50 siti approve
    90 yanti reject: Spesifikasi dan harga perkiraan belum dilampirkan; mohon dilengkapi
";

/// One request of `SCRIPT`.
struct Script {
    procedure: &'static str,
    by: &'static str,
    title: &'static str,
    /// Working days before today, and the time of day.
    day: u32,
    at: NaiveTime,
    /// Opened for someone outside people.toml (`sop new --for`).
    outsider: Option<Outsider>,
    /// The serial of the demo asset the request is about.
    asset: Option<&'static str>,
    /// Form fields; `{+N}` in a value is the day N days after the request is opened.
    fields: Vec<(&'static str, &'static str)>,
    acts: Vec<Act>,
}

/// One change of `SCRIPT` to a request.
struct Act {
    /// Working minutes after the change before.
    minutes: u32,
    by: &'static str,
    change: Change,
    /// `hold`: the days after today the hold is expected to end.
    hold: Option<u64>,
}

/// `SCRIPT`, read.
fn scripts() -> Result<Vec<Script>> {
    let mut scripts: Vec<Script> = Vec::new();
    for line in SCRIPT.lines() {
        let text = line.trim_start();
        if text.is_empty() {
            continue;
        }
        let bad = || anyhow!("the demo script's line {line:?}");
        if !line.starts_with(' ') {
            scripts.push(request(text).ok_or_else(bad)?);
            continue;
        }
        let script = scripts.last_mut().ok_or_else(bad)?;
        if text.starts_with(|c: char| c.is_ascii_digit()) {
            script.acts.push(act_line(text).ok_or_else(bad)?);
        } else if let Some((name, value)) = text.split_once(" = ") {
            match script.acts.last_mut() {
                Some(act) => act.change.fields.push((name.into(), value.into())),
                None => script.fields.push((name, value)),
            }
        } else if let Some(serial) = text.strip_prefix("asset ") {
            script.asset = Some(serial);
        } else {
            let outsider = text.strip_prefix("for ").ok_or_else(bad)?;
            let (name, contact) = outsider.rsplit_once(", ").ok_or_else(bad)?;
            script.outsider = Some(Outsider {
                name: name.into(),
                contact: contact.into(),
            });
        }
    }
    Ok(scripts)
}

/// `PROCEDURE by PERSON, day N at HH:MM: TITLE`.
fn request(line: &'static str) -> Option<Script> {
    let (head, title) = line.split_once(": ")?;
    let (procedure, rest) = head.split_once(" by ")?;
    let (by, rest) = rest.split_once(", day ")?;
    let (day, at) = rest.split_once(" at ")?;
    Some(Script {
        procedure,
        by,
        title,
        day: day.parse().ok()?,
        at: NaiveTime::parse_from_str(at, "%H:%M").ok()?,
        outsider: None,
        asset: None,
        fields: Vec::new(),
        acts: Vec::new(),
    })
}

/// `MINUTES PERSON VERB[ ARGUMENT][: TEXT]`.
fn act_line(line: &'static str) -> Option<Act> {
    let (head, text) = line.split_once(": ").unwrap_or((line, ""));
    let text = Some(text.to_string()).filter(|t| !t.is_empty());
    let mut words = head.split(' ');
    let (minutes, by, verb) = (words.next()?.parse().ok()?, words.next()?, words.next()?);
    let argument = words.next();
    let action = match verb {
        "advance" | "output" | "choose" => Action::Advance,
        "approve" => Action::Approve,
        "reject" => Action::Reject,
        "cancel" => Action::Cancel,
        "edit" => Action::Edit,
        "comment" => Action::Comment,
        "assign" => Action::Assign,
        "hold" => Action::Hold,
        _ => return None,
    };
    let mut change = Change::new(action);
    match verb {
        "output" => change.output = text,
        _ => change.note = text,
    }
    let mut hold = None;
    match (verb, argument, words.next()) {
        ("choose", Some(option), None) => change.option = Some(option.into()),
        ("assign", Some(person), None) => change.assignee = Some(person.into()),
        ("hold", Some(days), None) => hold = Some(days.parse().ok()?),
        (_, None, None) => {}
        _ => return None,
    }
    Some(Act {
        minutes,
        by,
        change,
        hold,
    })
}

/// The clock of the demo: the office's calendar, now, and the seeded variations.
struct Clock<'a> {
    config: &'a Config,
    /// The last working moment up to now: no change is dated after it.
    until: DateTime<FixedOffset>,
    rng: rand::rngs::StdRng,
}

impl Clock<'_> {
    fn at(&self, date: NaiveDate, time: NaiveTime) -> DateTime<FixedOffset> {
        date.and_time(time)
            .and_local_timezone(*self.until.offset())
            .single()
            .expect("a fixed offset is unambiguous")
    }

    /// The working day `days` working days before the last one.
    fn day(&self, days: u32) -> NaiveDate {
        let cal = &self.config.calendar;
        let mut date = self.until.date_naive();
        let mut left = days;
        for _ in 0..(days * 7 + 400) {
            if left == 0 && cal.is_workday(date) {
                break;
            }
            date = date.pred_opt().unwrap_or(date);
            if cal.is_workday(date) {
                left = left.saturating_sub(1);
            }
        }
        date
    }

    /// `minutes` working minutes after `from`, varied by a fifth either way.
    fn after(&mut self, from: DateTime<FixedOffset>, minutes: u32) -> DateTime<FixedOffset> {
        let spread = minutes / 5;
        let minutes = (minutes - spread + self.rng.random_range(0..=2 * spread)).max(1);
        let time = StdTime {
            days: 0,
            minutes,
            calendar: 0,
        };
        self.config.calendar.due(from, time)
    }
}

/// The last working moment at or before `now`: now in working hours, else the end of the
/// last working day.
fn last_working_moment(config: &Config, now: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
    let cal = &config.calendar;
    let (open, close) = cal.hours;
    let at = |date: NaiveDate, time| {
        date.and_time(time)
            .and_local_timezone(*now.offset())
            .single()
            .expect("a fixed offset is unambiguous")
    };
    let mut date = now.date_naive();
    if cal.is_workday(date) && now.time() >= open {
        return if now.time() < close {
            now
        } else {
            at(date, close)
        };
    }
    for _ in 0..400 {
        date = date.pred_opt().unwrap_or(date);
        if cal.is_workday(date) {
            break;
        }
    }
    at(date, close)
}

/// When the month of the demo starts: before the first working day's opening, the time of
/// `sop init`'s commit.
pub fn start(config: &Config, now: DateTime<FixedOffset>) -> DateTime<FixedOffset> {
    let clock = Clock {
        config,
        until: last_working_moment(config, now),
        rng: rand::rngs::StdRng::seed_from_u64(SEED),
    };
    let (open, _) = config.calendar.hours;
    clock.at(clock.day(DAYS), open) - Duration::minutes(30)
}

/// One change planned: when, which script, which of its changes (None: the request is made).
struct Planned {
    at: DateTime<FixedOffset>,
    script: usize,
    act: Option<usize>,
}

/// Makes the demo's assets and requests in the records directory `root` (the example office
/// just made), dated up to `now`.
pub fn run(root: &Path, config: &Config, now: DateTime<FixedOffset>) -> Result<Made> {
    let mut clock = Clock {
        config,
        until: last_working_moment(config, now),
        rng: rand::rngs::StdRng::seed_from_u64(SEED),
    };
    let mut made = Made::default();
    // The register first, on the first morning of the month, by the asset manager.
    let first = clock.day(DAYS);
    let (open, _) = config.calendar.hours;
    let mut at = clock.at(first, open) + Duration::minutes(5);
    let mut assets = HashMap::new();
    for line in ASSETS.lines().filter(|l| !l.is_empty()) {
        at = clock.after(at, 4);
        let (serial, id) = register(root, line, at)?;
        assets.insert(serial, id);
        made.assets += 1;
        made.changes += 1;
    }
    let scripts = scripts()?;
    let mut plan = Vec::new();
    for (i, script) in scripts.iter().enumerate() {
        let jitter = clock.rng.random_range(0..=10);
        let mut at = clock.at(clock.day(script.day), script.at) + Duration::minutes(jitter);
        if at > clock.until {
            continue;
        }
        plan.push(Planned {
            at,
            script: i,
            act: None,
        });
        for (k, act) in script.acts.iter().enumerate() {
            at = clock.after(at, act.minutes);
            if at > clock.until {
                break;
            }
            plan.push(Planned {
                at,
                script: i,
                act: Some(k),
            });
        }
    }
    plan.sort_by_key(|p| (p.at, p.script, p.act));
    let mut ids: HashMap<usize, String> = HashMap::new();
    for p in &plan {
        let script = &scripts[p.script];
        let done = match p.act {
            None => {
                let asset = script.asset.map(|serial| assets[serial].clone());
                let id = open_request(root, script, asset, p.at)?;
                ids.insert(p.script, id);
                made.requests += 1;
                Ok(())
            }
            Some(k) => act(root, &ids[&p.script], &script.acts[k], p.at, clock.until),
        };
        done.with_context(|| {
            t!(
                DemoChange,
                title = script.title,
                procedure = script.procedure,
                n = p.act.map_or(0, |k| k + 1)
            )
        })?;
        made.changes += 1;
    }
    Ok(made)
}

/// `sop --as eko asset add …` at `at`, for a line of `ASSETS`: its serial, and the new
/// asset's id.
fn register(
    root: &Path,
    line: &'static str,
    at: DateTime<FixedOffset>,
) -> Result<(&'static str, String)> {
    let cells: Vec<&'static str> = line.split(" | ").collect();
    let [kind, name, serial, status, location, holder, acquired, value] = cells[..] else {
        bail!("the demo's asset line {line:?}");
    };
    let given = |cell: &str| Some(cell.to_string()).filter(|c| c != "-");
    let args = AddArgs {
        kind: kind.into(),
        name: name.into(),
        status: given(status),
        kode_barang: None,
        nup: None,
        serial: given(serial),
        licence: None,
        location: given(location),
        holder: given(holder),
        unit: Some("Dinas Komunikasi dan Informatika".into()),
        acquired: given(acquired),
        value: given(value),
        attrs: Vec::new(),
        quiet: true,
    };
    let ctx = Context::acting(root, "eko", at);
    let mut out = Vec::new();
    crate::commands::asset::add(&ctx, args, &mut out)?;
    Ok((serial, String::from_utf8(out)?.trim().to_string()))
}

/// `sop --as BY new PROCEDURE …` at `at`: the new request's id.
fn open_request(
    root: &Path,
    script: &Script,
    asset: Option<String>,
    at: DateTime<FixedOffset>,
) -> Result<String> {
    let ctx = Context::acting(root, script.by, at);
    let date = at.date_naive();
    let fields = script
        .fields
        .iter()
        .map(|(name, value)| (name.to_string(), dated(value, date)))
        .collect();
    let change = Change {
        title: Some(script.title.into()),
        asset,
        fields,
        on_behalf_of: script.outsider.clone(),
        ..Change::new(Action::Create)
    };
    let procedure = script.procedure;
    let done = change::run(&ctx, Target::New { procedure }, change, &[])?;
    Ok(done.outcome.request.id)
}

/// `{+N}` in a value: the date N days after `date`.
fn dated(value: &str, date: NaiveDate) -> String {
    match value
        .strip_prefix("{+")
        .and_then(|v| v.strip_suffix('}'))
        .and_then(|n| n.parse::<u64>().ok())
    {
        Some(n) => (date + Days::new(n)).to_string(),
        None => value.to_string(),
    }
}

/// One change to request `id` at `at`, as its command makes it.
fn act(
    root: &Path,
    id: &str,
    act: &Act,
    at: DateTime<FixedOffset>,
    until: DateTime<FixedOffset>,
) -> Result<()> {
    let mut change = act.change.clone();
    change.until = act.hold.map(|days| until.date_naive() + Days::new(days));
    let ctx = Context::acting(root, act.by, at);
    change::run(&ctx, Target::Existing { given: id }, change, &[])?;
    Ok(())
}
