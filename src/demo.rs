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

use anyhow::{Context as _, Result};
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

/// One change to a request, by a person (an id of the example people.toml).
#[derive(Debug, Clone, Copy)]
enum Act {
    /// `sop advance`.
    Advance(&'static str),
    /// `sop advance --output TEXT`.
    Output(&'static str, &'static str),
    /// `sop advance --note TEXT`.
    Note(&'static str, &'static str),
    /// `sop advance --choose OPTION`.
    Choose(&'static str, &'static str),
    /// `sop advance --field NAME=VALUE…`.
    Fields(&'static str, &'static [(&'static str, &'static str)]),
    /// `sop approve [--note TEXT]` ("" for none).
    Approve(&'static str, &'static str),
    /// `sop reject --reason TEXT`.
    Reject(&'static str, &'static str),
    /// `sop cancel --reason TEXT`.
    Cancel(&'static str, &'static str),
    /// `sop edit --field NAME=VALUE… --note TEXT`.
    Edit(
        &'static str,
        &'static [(&'static str, &'static str)],
        &'static str,
    ),
    /// `sop comment TEXT`.
    Comment(&'static str, &'static str),
    /// `sop assign PERSON --note TEXT`.
    Assign(&'static str, &'static str, &'static str),
    /// `sop hold --reason TEXT --until (today + days)`.
    Hold(&'static str, &'static str, u64),
}

/// One request of the demo: who opens it, when, with what, and the changes after it, each
/// some working minutes after the one before. A change that would fall after now is not
/// made: the request waits at that step.
struct Script {
    procedure: &'static str,
    by: &'static str,
    /// Opened for someone outside people.toml (`sop new --for`).
    outsider: Option<(&'static str, &'static str)>,
    title: &'static str,
    /// Form fields; `{+N}` in a value is the day N days after the request is opened.
    fields: &'static [(&'static str, &'static str)],
    /// The serial of the demo asset the request is about.
    asset: Option<&'static str>,
    /// Working days before today, and the time of day.
    day: u32,
    at: &'static str,
    acts: &'static [(u32, Act)],
}

/// An asset registered by the asset manager at the start of the month.
struct Item {
    kind: &'static str,
    name: &'static str,
    serial: &'static str,
    status: Option<&'static str>,
    location: &'static str,
    holder: Option<&'static str>,
    acquired: &'static str,
    value: &'static str,
}

const ASSETS: &[Item] = &[
    Item {
        kind: "hardware",
        name: "PC Rakitan Helpdesk",
        serial: "PC-HD-0007",
        status: None,
        location: "Ruang Helpdesk Lt. 1",
        holder: Some("dewi"),
        acquired: "2021-03-15",
        value: "8750000",
    },
    Item {
        kind: "hardware",
        name: "Printer Epson L3210",
        serial: "EPS-L3210-118",
        status: Some("in-use"),
        location: "Ruang Sekretariat",
        holder: None,
        acquired: "2022-07-04",
        value: "2650000",
    },
    Item {
        kind: "hardware",
        name: "Proyektor Epson EB-X51",
        serial: "EPS-EBX51-021",
        status: Some("in-use"),
        location: "Ruang Rapat Utama",
        holder: None,
        acquired: "2020-11-20",
        value: "6900000",
    },
    Item {
        kind: "hardware",
        name: "UPS APC Smart-UPS 3000VA",
        serial: "APC-SMT3000-090",
        status: Some("in-use"),
        location: "Data Center",
        holder: None,
        acquired: "2019-05-02",
        value: "21500000",
    },
    Item {
        kind: "hardware",
        name: "Switch Cisco Catalyst 2960",
        serial: "CSC-2960-0412",
        status: Some("in-use"),
        location: "Ruang Server Lt. 2",
        holder: None,
        acquired: "2018-09-12",
        value: "17800000",
    },
    Item {
        kind: "hardware",
        name: "Laptop Asus VivoBook 14",
        serial: "ASU-VB14-0552",
        status: None,
        location: "Gudang Aset",
        holder: None,
        acquired: "2024-02-19",
        value: "9400000",
    },
    Item {
        kind: "hardware",
        name: "PC Dell OptiPlex 3020",
        serial: "DL-OPX3020-011",
        status: None,
        location: "Gudang Aset",
        holder: None,
        acquired: "2015-06-08",
        value: "7200000",
    },
    Item {
        kind: "hardware",
        name: "PC Pentium Dual Core (rusak berat)",
        serial: "PC-LAMA-0003",
        status: None,
        location: "Gudang Aset",
        holder: None,
        acquired: "2011-01-10",
        value: "5100000",
    },
];

use Act::*;

const SCRIPTS: &[Script] = &[
    // Permintaan Email
    Script {
        procedure: "email",
        by: "dimas",
        outsider: None,
        title: "Akun email dinas pegawai baru Bidang Aplikasi Informatika",
        fields: &[
            ("nama_lengkap", "Dimas Saputra"),
            ("unit_kerja", "Bidang Aplikasi Informatika"),
            ("email_diminta", "dimas.saputra@kota.go.id"),
        ],
        asset: None,
        day: 20,
        at: "08:40",
        acts: &[
            (2, Advance("dimas")),
            (35, Note("dewi", "FPE lengkap, diteruskan ke Sub Koordinator KIP")),
            (50, Approve("sri", "Disetujui")),
            (
                120,
                Output(
                    "budi",
                    "Akun dibuat; kata sandi awal diserahkan langsung kepada pemohon",
                ),
            ),
        ],
    },
    Script {
        procedure: "email",
        by: "lina",
        outsider: None,
        title: "Email dinas untuk Pengguna Aset Subbagian Umum",
        fields: &[
            ("nama_lengkap", "Lina Marlina"),
            ("nip", "199309282019032002"),
            ("email_diminta", "lina.marlina@kota.go.id"),
        ],
        asset: None,
        day: 17,
        at: "10:05",
        acts: &[
            (3, Advance("lina")),
            (20, Advance("dewi")),
            (
                45,
                Reject(
                    "hendra",
                    "Unit kerja belum diisi pada FPE; mohon dilengkapi lalu diajukan kembali",
                ),
            ),
            (
                90,
                Edit(
                    "lina",
                    &[("unit_kerja", "Subbagian Umum dan Kepegawaian")],
                    "Unit kerja dilengkapi",
                ),
            ),
            (2, Advance("lina")),
            (30, Advance("dewi")),
            (25, Approve("sri", "Lengkap")),
            (200, Output("yoga", "Akun dibuat")),
        ],
    },
    Script {
        procedure: "email",
        by: "dimas",
        outsider: None,
        title: "Email kedua untuk keperluan pengadaan barang/jasa",
        fields: &[
            ("nama_lengkap", "Dimas Saputra"),
            ("email_diminta", "pengadaan.diskominfo@kota.go.id"),
        ],
        asset: None,
        day: 12,
        at: "10:30",
        acts: &[
            (2, Advance("dimas")),
            (
                60,
                Cancel(
                    "dimas",
                    "Tidak jadi diperlukan; memakai email unit yang sudah ada",
                ),
            ),
        ],
    },
    Script {
        procedure: "email",
        by: "andi",
        outsider: None,
        title: "Email tim tanggap insiden siber (CSIRT) Kota",
        fields: &[
            ("nama_lengkap", "Andi Pratama"),
            ("unit_kerja", "Bidang Persandian dan Keamanan Informasi"),
            ("email_diminta", "csirt@kota.go.id"),
        ],
        asset: None,
        day: 9,
        at: "13:15",
        acts: &[
            (2, Advance("andi")),
            (15, Advance("dewi")),
            (40, Approve("hendra", "")),
            (95, Output("budi", "Akun dibuat, diteruskan ke anggota tim")),
        ],
    },
    Script {
        procedure: "email",
        by: "putri",
        outsider: None,
        title: "Kotak surat bersama untuk Layanan Pengaduan Masyarakat",
        fields: &[
            ("nama_lengkap", "Putri Handayani"),
            ("unit_kerja", "Bidang Persandian dan Keamanan Informasi"),
            ("email_diminta", "pengaduan@kota.go.id"),
        ],
        asset: None,
        day: 6,
        at: "08:50",
        acts: &[
            (3, Advance("putri")),
            (15, Advance("dewi")),
            (30, Approve("sri", "")),
            (
                120,
                Hold(
                    "budi",
                    "Menunggu tambahan kuota kotak surat dari penyedia layanan email",
                    7,
                ),
            ),
        ],
    },
    Script {
        procedure: "email",
        by: "fajar",
        outsider: None,
        title: "Email staf IIDC (pengganti alamat lama)",
        fields: &[
            ("nama_lengkap", "Fajar Nugroho"),
            ("unit_kerja", "Seksi Infrastruktur Internet dan Data Center"),
            ("email_diminta", "fajar@kota.go.id"),
        ],
        asset: None,
        day: 4,
        at: "14:00",
        acts: &[
            (3, Advance("fajar")),
            (25, Advance("dewi")),
            (
                40,
                Reject(
                    "sri",
                    "Alamat fajar@kota.go.id sudah dipakai pegawai lain; mohon ajukan alamat lain",
                ),
            ),
        ],
    },
    Script {
        procedure: "email",
        by: "putri",
        outsider: None,
        title: "Alamat email admin website Diskominfo",
        fields: &[
            ("nama_lengkap", "Putri Handayani"),
            ("email_diminta", "admin.web@kota.go.id"),
        ],
        asset: None,
        day: 2,
        at: "13:10",
        acts: &[(4, Advance("putri")), (30, Advance("dewi"))],
    },
    Script {
        procedure: "email",
        by: "andi",
        outsider: None,
        title: "Email untuk Sekretariat PPID",
        fields: &[
            ("nama_lengkap", "Andi Pratama"),
            ("email_diminta", "ppid@kota.go.id"),
        ],
        asset: None,
        day: 1,
        at: "09:30",
        acts: &[
            (2, Advance("andi")),
            (40, Advance("dewi")),
            (60, Approve("hendra", "")),
            (
                15,
                Assign(
                    "budi",
                    "yoga",
                    "Yoga yang memegang server email minggu ini",
                ),
            ),
        ],
    },
    // Permintaan Layanan Video Conference
    Script {
        procedure: "video-conference",
        by: "putri",
        outsider: None,
        title: "Rapat Koordinasi Evaluasi SPBE tingkat Kota",
        fields: &[
            ("acara", "Rapat Koordinasi Evaluasi SPBE"),
            ("tanggal", "{+2}"),
            ("jam_mulai", "09:00"),
            ("jam_selesai", "11:30"),
            ("jumlah_peserta", "45"),
        ],
        asset: None,
        day: 19,
        at: "09:15",
        acts: &[
            (3, Advance("putri")),
            (20, Advance("fajar")),
            (35, Approve("ratna", "Ruang dan kuota peserta tersedia")),
            (
                90,
                Fields(
                    "fajar",
                    &[("tautan_vc", "https://vc.kota.go.id/rakor-spbe")],
                ),
            ),
        ],
    },
    Script {
        procedure: "video-conference",
        by: "fajar",
        outsider: Some(("Sekretariat Kecamatan Karawaci", "021-5523456")),
        title: "Musrenbang Kecamatan Karawaci secara daring",
        fields: &[
            ("acara", "Musrenbang Kecamatan Karawaci"),
            ("tanggal", "{+3}"),
            ("jam_mulai", "08:30"),
            ("jumlah_peserta", "120"),
        ],
        asset: None,
        day: 15,
        at: "10:00",
        acts: &[
            (5, Note("fajar", "Surat resmi kecamatan diterima lewat TU")),
            (10, Advance("fajar")),
            (30, Approve("agus", "")),
            (
                60,
                Fields(
                    "fajar",
                    &[("tautan_vc", "https://vc.kota.go.id/musrenbang-karawaci")],
                ),
            ),
        ],
    },
    Script {
        procedure: "video-conference",
        by: "dimas",
        outsider: None,
        title: "Webinar literasi digital untuk pelajar SMP",
        fields: &[
            ("acara", "Webinar Literasi Digital"),
            ("tanggal", "{+4}"),
            ("jam_mulai", "13:00"),
            ("jam_selesai", "15:00"),
            ("jumlah_peserta", "300"),
        ],
        asset: None,
        day: 11,
        at: "13:00",
        acts: &[
            (3, Advance("dimas")),
            (20, Advance("fajar")),
            (
                40,
                Reject(
                    "ratna",
                    "Jadwal bentrok dengan rapat pimpinan; mohon ajukan tanggal lain",
                ),
            ),
            (
                240,
                Cancel("dimas", "Kegiatan ditunda ke tahun anggaran berikutnya"),
            ),
        ],
    },
    Script {
        procedure: "video-conference",
        by: "andi",
        outsider: None,
        title: "Sosialisasi keamanan informasi bagi OPD",
        fields: &[
            ("acara", "Sosialisasi Keamanan Informasi"),
            ("tanggal", "{+10}"),
            ("jam_mulai", "09:00"),
            ("jumlah_peserta", "80"),
        ],
        asset: None,
        day: 3,
        at: "09:00",
        acts: &[
            (3, Advance("andi")),
            (30, Advance("fajar")),
            (20, Approve("ratna", "")),
            (
                60,
                Hold(
                    "fajar",
                    "Menunggu konfirmasi jadwal narasumber dari BSSN",
                    6,
                ),
            ),
            (
                40,
                Comment(
                    "andi",
                    "Narasumber sudah konfirmasi lewat telepon, surat resmi menyusul",
                ),
            ),
        ],
    },
    Script {
        procedure: "video-conference",
        by: "lina",
        outsider: None,
        title: "Rapat daring dengan BPKAD tentang inventarisasi aset",
        fields: &[
            ("acara", "Rapat Inventarisasi Aset bersama BPKAD"),
            ("tanggal", "{+2}"),
            ("jam_mulai", "10:00"),
            ("jam_selesai", "12:00"),
        ],
        asset: None,
        day: 1,
        at: "10:20",
        acts: &[
            (3, Advance("lina")),
            (25, Advance("fajar")),
            (20, Approve("agus", "")),
        ],
    },
    Script {
        procedure: "video-conference",
        by: "putri",
        outsider: None,
        title: "Bimbingan teknis aplikasi TTE bagi operator kelurahan",
        fields: &[
            ("acara", "Bimtek Tanda Tangan Elektronik"),
            ("tanggal", "{+7}"),
            ("jam_mulai", "09:00"),
            ("jumlah_peserta", "60"),
        ],
        asset: None,
        day: 1,
        at: "14:40",
        acts: &[(2, Advance("putri"))],
    },
    // Penggunaan Perangkat Pribadi
    Script {
        procedure: "perangkat-pribadi",
        by: "dimas",
        outsider: None,
        title: "Laptop pribadi untuk lembur penyusunan laporan akhir tahun",
        fields: &[
            ("unit_kerja", "Bidang Aplikasi Informatika"),
            ("keperluan", "Menyusun laporan akhir tahun di luar jam kerja"),
        ],
        asset: None,
        day: 18,
        at: "08:30",
        acts: &[
            (5, Advance("dimas")),
            (5, Advance("dimas")),
            (15, Advance("andi")),
            (25, Approve("sri", "")),
            (20, Advance("budi")),
            (
                30,
                Fields(
                    "budi",
                    &[
                        ("jenis_perangkat", "laptop"),
                        ("merek", "Acer Aspire 5"),
                        ("nomor_seri", "NXHS5SN0021"),
                        ("spesifikasi", "Core i5, RAM 8 GB, SSD 512 GB, Windows 11"),
                    ],
                ),
            ),
            (
                40,
                Fields(
                    "budi",
                    &[
                        ("hasil_scan", "bersih"),
                        ("detail_scan", "Pemindaian penuh antivirus kantor: 0 ancaman"),
                    ],
                ),
            ),
            (
                20,
                Fields(
                    "budi",
                    &[
                        ("mac_address", "3C:52:82:1A:4F:9B"),
                        ("alamat_ip", "10.20.4.57"),
                        ("vlan", "40"),
                    ],
                ),
            ),
        ],
    },
    Script {
        procedure: "perangkat-pribadi",
        by: "lina",
        outsider: None,
        title: "Tablet pribadi untuk presentasi rapat",
        fields: &[
            ("unit_kerja", "Subbagian Umum dan Kepegawaian"),
            ("keperluan", "Presentasi rapat inventarisasi"),
        ],
        asset: None,
        day: 8,
        at: "13:30",
        acts: &[
            (4, Advance("lina")),
            (6, Advance("lina")),
            (20, Advance("andi")),
            (
                30,
                Reject(
                    "hendra",
                    "Tablet tidak dapat dipasangi antivirus yang ditetapkan; gunakan perangkat kantor",
                ),
            ),
        ],
    },
    Script {
        procedure: "perangkat-pribadi",
        by: "putri",
        outsider: None,
        title: "Laptop pribadi untuk pelatihan forensik digital",
        fields: &[
            ("unit_kerja", "Bidang Persandian dan Keamanan Informasi"),
            ("keperluan", "Pelatihan forensik digital selama dua minggu"),
        ],
        asset: None,
        day: 2,
        at: "09:45",
        acts: &[
            (5, Advance("putri")),
            (5, Advance("putri")),
            (20, Advance("andi")),
            (30, Approve("sri", "")),
            (25, Advance("budi")),
        ],
    },
    Script {
        procedure: "perangkat-pribadi",
        by: "fajar",
        outsider: None,
        title: "Laptop pribadi untuk pemantauan jaringan malam hari",
        fields: &[("keperluan", "Pemantauan jaringan saat piket malam")],
        asset: None,
        day: 1,
        at: "15:10",
        acts: &[
            (4, Advance("fajar")),
            (5, Advance("fajar")),
            (15, Advance("andi")),
        ],
    },
    // Instalasi Piranti Lunak
    Script {
        procedure: "instalasi-piranti-lunak",
        by: "putri",
        outsider: None,
        title: "Instalasi LibreOffice di laptop Bidang Persandian",
        fields: &[
            ("nama_piranti_lunak", "LibreOffice"),
            ("versi", "24.8"),
            ("perangkat_tujuan", "Laptop Bidang Persandian"),
            ("lisensi", "Open source (MPL 2.0)"),
        ],
        asset: None,
        day: 16,
        at: "09:00",
        acts: &[
            (30, Note("budi", "Installer dan checksum sudah diperiksa")),
            (20, Choose("ratna", "user")),
            (15, Advance("putri")),
            (10, Choose("budi", "lengkap")),
            (30, Advance("budi")),
            (10, Choose("budi", "berhasil")),
            (10, Choose("budi", "berhasil")),
            (15, Choose("ratna", "tidak-perlu")),
        ],
    },
    Script {
        procedure: "instalasi-piranti-lunak",
        by: "dimas",
        outsider: None,
        title: "Instalasi QGIS Server untuk peta tematik",
        fields: &[
            ("nama_piranti_lunak", "QGIS Server"),
            ("versi", "3.34 LTR"),
            ("perangkat_tujuan", "Server aplikasi SRV-APP-02"),
            ("lisensi", "GPL v2"),
        ],
        asset: None,
        day: 10,
        at: "10:00",
        acts: &[
            (25, Advance("yoga")),
            (10, Choose("agus", "datacenter")),
            (15, Choose("yoga", "lengkap")),
            (60, Advance("yoga")),
            (10, Choose("yoga", "berhasil")),
            (
                20,
                Choose("yoga", "gagal"),
            ),
            (
                30,
                Note(
                    "yoga",
                    "Layanan WMS berhenti saat uji beban; SW di-uninstall dan server dikembalikan ke kondisi semula",
                ),
            ),
        ],
    },
    Script {
        procedure: "instalasi-piranti-lunak",
        by: "fajar",
        outsider: None,
        title: "Pemasangan agen pemantauan Zabbix di server Data Center",
        fields: &[
            ("nama_piranti_lunak", "Zabbix Agent 2"),
            ("versi", "7.0"),
            ("perangkat_tujuan", "Seluruh server virtual Data Center"),
            ("lisensi", "AGPL v3"),
        ],
        asset: None,
        day: 7,
        at: "08:30",
        acts: &[
            (20, Advance("budi")),
            (10, Choose("agus", "datacenter")),
            (10, Choose("budi", "lengkap")),
            (45, Advance("budi")),
            (10, Choose("budi", "berhasil")),
            (10, Choose("budi", "berhasil")),
            (15, Choose("ratna", "perlu")),
            (60, Advance("budi")),
            (20, Choose("ratna", "belum-tepat")),
            (40, Advance("budi")),
            (15, Choose("ratna", "tepat")),
        ],
    },
    Script {
        procedure: "instalasi-piranti-lunak",
        by: "andi",
        outsider: None,
        title: "Instalasi Wazuh agent di PC Bidang Persandian",
        fields: &[
            ("nama_piranti_lunak", "Wazuh Agent"),
            ("versi", "4.9"),
            ("perangkat_tujuan", "PC staf Bidang Persandian"),
        ],
        asset: None,
        day: 5,
        at: "10:40",
        acts: &[
            (20, Advance("yoga")),
            (10, Choose("ratna", "user")),
            (30, Advance("andi")),
            (
                15,
                Choose("yoga", "tidak-lengkap"),
            ),
        ],
    },
    Script {
        procedure: "instalasi-piranti-lunak",
        by: "lina",
        outsider: None,
        title: "Pembaruan aplikasi SIMBADA di PC Pengelola Aset",
        fields: &[
            ("nama_piranti_lunak", "SIMBADA"),
            ("versi", "2025.2"),
            ("perangkat_tujuan", "PC Pengelola Aset"),
        ],
        asset: None,
        day: 2,
        at: "08:45",
        acts: &[
            (20, Advance("budi")),
            (10, Choose("ratna", "user")),
            (20, Advance("lina")),
            (10, Choose("budi", "lengkap")),
            (40, Advance("budi")),
            (10, Choose("budi", "berhasil")),
            (10, Choose("budi", "berhasil")),
            (20, Choose("agus", "perlu")),
        ],
    },
    Script {
        procedure: "instalasi-piranti-lunak",
        by: "dimas",
        outsider: None,
        title: "Instalasi Inkscape untuk desain infografis",
        fields: &[
            ("nama_piranti_lunak", "Inkscape"),
            ("versi", "1.4"),
            ("lisensi", "GPL v3"),
        ],
        asset: None,
        day: 1,
        at: "11:00",
        acts: &[(20, Advance("yoga"))],
    },
    // Perbaikan dan Pemeliharaan Aset
    Script {
        procedure: "perbaikan-aset",
        by: "dewi",
        outsider: None,
        title: "PC Helpdesk mati total, tidak mau menyala",
        fields: &[
            ("nama_aset", "PC Rakitan Helpdesk"),
            ("keterangan", "Power supply diduga rusak"),
        ],
        asset: Some("PC-HD-0007"),
        day: 14,
        at: "08:15",
        acts: &[
            (
                120,
                Output("eko", "Telaahan: power supply rusak, perlu diganti 500 W"),
            ),
            (60, Advance("wahyu")),
            (40, Approve("siti", "")),
            (90, Advance("nurul")),
            (900, Output("eko", "Power supply diganti, PC menyala normal")),
            (200, Advance("eko")),
        ],
    },
    Script {
        procedure: "perbaikan-aset",
        by: "wahyu",
        outsider: None,
        title: "Printer Sekretariat hasil cetak bergaris",
        fields: &[
            ("nama_aset", "Printer Epson L3210"),
            ("keterangan", "Head printer perlu dibersihkan atau diganti"),
        ],
        asset: Some("EPS-L3210-118"),
        day: 9,
        at: "09:20",
        acts: &[
            (200, Advance("eko")),
            (30, Advance("wahyu")),
            (25, Approve("bambang", "")),
            (60, Advance("nurul")),
        ],
    },
    Script {
        procedure: "perbaikan-aset",
        by: "fajar",
        outsider: None,
        title: "Baterai UPS Data Center drop",
        fields: &[
            ("nama_aset", "UPS APC Smart-UPS 3000VA"),
            ("keterangan", "Runtime tinggal 4 menit pada beban normal"),
        ],
        asset: Some("APC-SMT3000-090"),
        day: 6,
        at: "10:10",
        acts: &[
            (150, Advance("eko")),
            (30, Advance("wahyu")),
            (30, Approve("siti", "")),
            (40, Advance("wahyu")),
            (
                60,
                Hold(
                    "eko",
                    "Menunggu baterai pengganti dari vendor (PO sudah dikirim)",
                    9,
                ),
            ),
        ],
    },
    Script {
        procedure: "perbaikan-aset",
        by: "wahyu",
        outsider: None,
        title: "Switch ruang server sering restart",
        fields: &[("nama_aset", "Switch Cisco Catalyst 2960")],
        asset: Some("CSC-2960-0412"),
        day: 3,
        at: "08:20",
        acts: &[(240, Advance("eko")), (30, Advance("nurul"))],
    },
    Script {
        procedure: "perbaikan-aset",
        by: "nurul",
        outsider: None,
        title: "Pemeliharaan rutin proyektor Ruang Rapat Utama",
        fields: &[
            ("nama_aset", "Proyektor Epson EB-X51"),
            ("keterangan", "Pembersihan filter dan pengecekan lampu"),
        ],
        asset: Some("EPS-EBX51-021"),
        day: 2,
        at: "08:10",
        acts: &[
            (60, Advance("eko")),
            (20, Advance("nurul")),
            (20, Approve("bambang", "")),
            (30, Advance("wahyu")),
        ],
    },
    // Penggunaan, Penghapusan, Pemindahtanganan, Perencanaan Aset
    Script {
        procedure: "penggunaan-aset",
        by: "wahyu",
        outsider: None,
        title: "Serah terima laptop untuk Pengguna Aset Subbagian Umum",
        fields: &[
            ("nama_aset", "Laptop Asus VivoBook 14"),
            ("pengguna_aset", "lina"),
        ],
        asset: Some("ASU-VB14-0552"),
        day: 13,
        at: "09:00",
        acts: &[
            (15, Output("wahyu", "Berita Acara Serah Terima ditandatangani")),
            (700, Output("lina", "Aplikasi kantor terpasang dan akun terhubung")),
        ],
    },
    Script {
        procedure: "penghapusan-aset",
        by: "eko",
        outsider: None,
        title: "Penghapusan PC Pentium lama yang rusak berat",
        fields: &[
            ("nama_aset", "PC Pentium Dual Core"),
            ("keterangan", "Rusak berat, suku cadang tidak tersedia"),
        ],
        asset: Some("PC-LAMA-0003"),
        day: 4,
        at: "09:30",
        acts: &[(300, Advance("eko")), (25, Advance("wahyu"))],
    },
    Script {
        procedure: "pemindahtanganan-aset",
        by: "nurul",
        outsider: None,
        title: "Hibah PC Dell OptiPlex ke Kelurahan Sukasari",
        fields: &[
            ("nama_aset", "PC Dell OptiPlex 3020"),
            ("pihak_penerima", "Kelurahan Sukasari"),
            ("lokasi_baru", "Kantor Kelurahan Sukasari"),
        ],
        asset: Some("DL-OPX3020-011"),
        day: 5,
        at: "13:00",
        acts: &[
            (200, Advance("nurul")),
            (40, Approve("siti", "Sesuai usulan")),
        ],
    },
    Script {
        procedure: "perencanaan-aset",
        by: "wahyu",
        outsider: None,
        title: "Rencana pengadaan laptop staf Bidang Persandian TA 2027",
        fields: &[
            ("nama_aset", "Laptop staf"),
            ("keterangan", "Mengganti laptop tahun 2016"),
            ("tahun_anggaran", "2027"),
        ],
        asset: None,
        day: 21,
        at: "09:00",
        acts: &[
            (240, Output("wahyu", "Rencana kebutuhan 3 unit laptop")),
            (60, Approve("bambang", "")),
            (120, Approve("hasan", "Masuk usulan RKA 2027")),
            (30, Advance("bambang")),
            (
                1400,
                Fields(
                    "wahyu",
                    &[
                        ("nama_barang", "Laptop Lenovo ThinkPad E14 Gen 6"),
                        ("jenis_aset", "hardware"),
                        ("jumlah", "3"),
                        ("nilai_satuan", "14500000"),
                    ],
                ),
            ),
        ],
    },
    Script {
        procedure: "perencanaan-aset",
        by: "nurul",
        outsider: None,
        title: "Rencana kebutuhan server cadangan Data Center TA 2027",
        fields: &[
            ("nama_aset", "Server cadangan"),
            ("tahun_anggaran", "2027"),
        ],
        asset: None,
        day: 8,
        at: "10:00",
        acts: &[
            (200, Advance("nurul")),
            (50, Approve("siti", "")),
            (
                90,
                Reject(
                    "yanti",
                    "Spesifikasi dan harga perkiraan belum dilampirkan; mohon dilengkapi",
                ),
            ),
        ],
    },
];

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
    for item in ASSETS {
        at = clock.after(at, 4);
        let id = register(root, item, at)?;
        assets.insert(item.serial, id);
        made.assets += 1;
        made.changes += 1;
    }
    let mut plan = Vec::new();
    for (i, script) in SCRIPTS.iter().enumerate() {
        let time = NaiveTime::parse_from_str(script.at, "%H:%M").expect("a script's time");
        let jitter = clock.rng.random_range(0..=10);
        let mut at = clock.at(clock.day(script.day), time) + Duration::minutes(jitter);
        if at > clock.until {
            continue;
        }
        plan.push(Planned {
            at,
            script: i,
            act: None,
        });
        for (k, (minutes, _)) in script.acts.iter().enumerate() {
            at = clock.after(at, *minutes);
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
        let script = &SCRIPTS[p.script];
        let done = match p.act {
            None => {
                let asset = script.asset.map(|serial| assets[serial].clone());
                let id = open_request(root, script, asset, p.at)?;
                ids.insert(p.script, id);
                made.requests += 1;
                Ok(())
            }
            Some(k) => act(root, &ids[&p.script], script.acts[k].1, p.at, clock.until),
        };
        done.with_context(|| {
            format!(
                "the demo's request '{}' ({}), change {}",
                script.title,
                script.procedure,
                p.act.map_or(0, |k| k + 1)
            )
        })?;
        made.changes += 1;
    }
    Ok(made)
}

/// `sop --as eko asset add …` at `at`: the new asset's id.
fn register(root: &Path, item: &Item, at: DateTime<FixedOffset>) -> Result<String> {
    let ctx = Context::acting(root, "eko", at);
    let args = AddArgs {
        kind: item.kind.into(),
        name: item.name.into(),
        status: item.status.map(String::from),
        kode_barang: None,
        nup: None,
        serial: Some(item.serial.into()),
        licence: None,
        location: Some(item.location.into()),
        holder: item.holder.map(String::from),
        unit: Some("Dinas Komunikasi dan Informatika".into()),
        acquired: Some(item.acquired.into()),
        value: Some(item.value.into()),
        attrs: Vec::new(),
        quiet: true,
    };
    let mut out = Vec::new();
    crate::commands::asset::add(&ctx, args, &mut out)?;
    Ok(String::from_utf8(out)?.trim().to_string())
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
        on_behalf_of: script.outsider.map(|(name, contact)| Outsider {
            name: name.into(),
            contact: contact.into(),
        }),
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
    act: Act,
    at: DateTime<FixedOffset>,
    until: DateTime<FixedOffset>,
) -> Result<()> {
    let text = |t: &str| Some(t.to_string()).filter(|t| !t.is_empty());
    let pairs = |fields: &[(&str, &str)]| -> Vec<(String, String)> {
        fields
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    };
    let (who, change) = match act {
        Advance(who) => (who, Change::new(Action::Advance)),
        Output(who, output) => (
            who,
            Change {
                output: text(output),
                ..Change::new(Action::Advance)
            },
        ),
        Note(who, note) => (
            who,
            Change {
                note: text(note),
                ..Change::new(Action::Advance)
            },
        ),
        Choose(who, option) => (
            who,
            Change {
                option: text(option),
                ..Change::new(Action::Advance)
            },
        ),
        Fields(who, fields) => (
            who,
            Change {
                fields: pairs(fields),
                ..Change::new(Action::Advance)
            },
        ),
        Approve(who, note) => (
            who,
            Change {
                note: text(note),
                ..Change::new(Action::Approve)
            },
        ),
        Reject(who, reason) => (
            who,
            Change {
                note: text(reason),
                ..Change::new(Action::Reject)
            },
        ),
        Cancel(who, reason) => (
            who,
            Change {
                note: text(reason),
                ..Change::new(Action::Cancel)
            },
        ),
        Edit(who, fields, note) => (
            who,
            Change {
                fields: pairs(fields),
                note: text(note),
                ..Change::new(Action::Edit)
            },
        ),
        Comment(who, note) => (
            who,
            Change {
                note: text(note),
                ..Change::new(Action::Comment)
            },
        ),
        Assign(who, to, note) => (
            who,
            Change {
                assignee: text(to),
                note: text(note),
                ..Change::new(Action::Assign)
            },
        ),
        Hold(who, reason, days) => (
            who,
            Change {
                note: text(reason),
                until: Some(until.date_naive() + Days::new(days)),
                ..Change::new(Action::Hold)
            },
        ),
    };
    let ctx = Context::acting(root, who, at);
    change::run(&ctx, Target::Existing { given: id }, change, &[])?;
    Ok(())
}
