//! Test data shared by the native tests of the view models and the state:
//! the seed's Sei Balai figures, a synthetic peer, and a province around
//! them.

use std::str::FromStr;

use kinerja_core::Decimal;
use kinerja_core::akip::SkemaAkip;
use kinerja_core::capaian::{JenisIndikator, Polaritas};
use kinerja_core::model::*;
use kinerja_core::skm::{Bobot, Skema};

use crate::edit::{Edits, Entry, Key};

/// A decimal from its plain text.
pub(crate) fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// A snapshot with the seed's Sei Balai IKM/AKIP figures and one synthetic peer.
pub(crate) fn snapshot() -> Snapshot {
    let src = "LKjIP Kec. Sei Balai 2024, Tabel 3.9";
    let mut data = rencana(src);
    nilai(&mut data, src);
    skm(&mut data, src);
    akip(&mut data, src);
    let mut snap = Snapshot {
        versi: SNAPSHOT_VERSI,
        kode_wilayah: "12.19".into(),
        dibuat: String::new(),
        data,
        skm_agregat: vec![],
        // Sei Balai's bound from its 97 respondents; Medang Deras's from its
        // (synthetic) answers; Datuk Tanah Datar's respondents unknown.
        galat_ikm: vec![
            GalatSurvei { kode_unit: "12.19.01".into(), tahun: 2024, galat_baku: d("1.2"), konservatif: false },
            GalatSurvei { kode_unit: "12.19.07".into(), tahun: 2024, galat_baku: d("3.5771"), konservatif: true },
        ],
        ringkas: false,
        dokumen: false,
    };
    urutkan(&mut snap);
    snap
}

/// The regions, indicators and Sei Balai's Renstra with its two sasaran.
fn rencana(src: &str) -> DataPerencana {
    let src = src.to_string();
    let w = |kode: &str, tingkat, nama: &str, induk: Option<&str>| Wilayah {
        kode: kode.into(),
        tingkat,
        nama: nama.into(),
        induk: induk.map(Into::into),
        nama_dalam_laporan: None,
        sumber: src.clone(),
    };
    DataPerencana {
        wilayah: vec![
            w("12.19", TingkatWilayah::Kabupaten, "Batu Bara", Some("12")),
            w("12.19.07", TingkatWilayah::Kecamatan, "Sei Balai", Some("12.19")),
            w("12.19.11", TingkatWilayah::Kecamatan, "Datuk Tanah Datar", Some("12.19")),
            w("12.19.01", TingkatWilayah::Kecamatan, "Medang Deras", Some("12.19")),
        ],
        indikator: vec![
            Indikator {
                id: "akip".into(),
                nama: "Nilai AKIP".into(),
                satuan: "Nilai".into(),
                polaritas: Polaritas::Positif,
                presisi: 2,
                jenis: JenisIndikator::Akip,
                sumber: src.clone(),
            },
            Indikator {
                id: "ikm".into(),
                nama: "IKM".into(),
                satuan: "Nilai".into(),
                polaritas: Polaritas::Positif,
                presisi: 2,
                jenis: JenisIndikator::Ikm,
                sumber: src.clone(),
            },
        ],
        renstra: vec![Renstra {
            id: "r".into(),
            kode_unit: "12.19.07".into(),
            tahun_awal: 2024,
            tahun_akhir: 2026,
            visi: String::new(),
            misi: String::new(),
            sumber: src.clone(),
        }],
        tujuan: vec![Tujuan { id: "t".into(), renstra_id: "r".into(), uraian: String::new(), sumber: src.clone() }],
        sasaran: vec![
            Sasaran { id: "s1".into(), tujuan_id: "t".into(), no: 1, uraian: "Kepuasan".into(), sumber: src.clone() },
            Sasaran {
                id: "s2".into(),
                tujuan_id: "t".into(),
                no: 2,
                uraian: "Akuntabilitas".into(),
                sumber: src.clone(),
            },
        ],
        sasaran_indikator: vec![
            SasaranIndikator { sasaran_id: "s1".into(), indikator_id: "ikm".into(), sumber: src.clone() },
            SasaranIndikator { sasaran_id: "s2".into(), indikator_id: "akip".into(), sumber: src.clone() },
        ],
        ..DataPerencana::default()
    }
}

/// Targets and realisasi of the three kecamatan (one synthetic).
fn nilai(data: &mut DataPerencana, src: &str) {
    let t = |u: &str, i: &str, y, j, v: &str, s: &str| Target {
        kode_unit: u.into(),
        indikator_id: i.into(),
        tahun: y,
        jenis: j,
        nilai: d(v),
        label: None,
        sumber: s.into(),
    };
    data.target = vec![
        t("12.19.07", "ikm", 2024, JenisTarget::Renstra, "85", src),
        t("12.19.07", "ikm", 2025, JenisTarget::Renstra, "87.50", src),
        t("12.19.07", "ikm", 2026, JenisTarget::Renstra, "90", src),
        t("12.19.07", "ikm", 2024, JenisTarget::PkPerubahan, "85", src),
        t("12.19.07", "akip", 2024, JenisTarget::PkPerubahan, "71", src),
        t("12.19.07", "akip", 2025, JenisTarget::Renstra, "72", src),
        t("12.19.07", "akip", 2026, JenisTarget::Renstra, "73", src),
        t("12.19.11", "ikm", 2024, JenisTarget::Pk, "83", src),
        t("12.19.01", "ikm", 2024, JenisTarget::Pk, "80", "sintetis"),
    ];
    let r = |u: &str, i: &str, y, v: &str, s: &str| Realisasi {
        kode_unit: u.into(),
        indikator_id: i.into(),
        tahun: y,
        nilai: d(v),
        label: None,
        sumber: s.into(),
    };
    data.realisasi = vec![
        r("12.19.07", "ikm", 2023, "80.50", src),
        r("12.19.07", "ikm", 2024, "75.35", src),
        r("12.19.07", "akip", 2024, "72.62", src),
        r("12.19.11", "ikm", 2024, "98.20", src),
        r("12.19.01", "ikm", 2024, "81.00", "sintetis"),
    ];
}

/// Sei Balai's 2024 survey: its NRR per unsur.
fn skm(data: &mut DataPerencana, src: &str) {
    for (id, v) in [
        ("persyaratan", "3.00"),
        ("prosedur", "3.01"),
        ("waktu", "3.00"),
        ("biaya", "3.99"),
        ("produk", "3.01"),
        ("kompetensi", "3.02"),
        ("perilaku", "3.08"),
        ("sarana", "3.01"),
        ("pengaduan", "2.03"),
    ] {
        data.skm_nrr.push(SkmNrr {
            kode_unit: "12.19.07".into(),
            tahun: 2024,
            unsur_id: id.into(),
            no_laporan: None,
            nama_dalam_laporan: None,
            nrr: d(v),
            sumber: src.into(),
        });
    }
    data.skm_survei.push(SkmSurvei {
        kode_unit: "12.19.07".into(),
        tahun: 2024,
        skema: Skema::PermenPanRb14_2017,
        bobot: Bobot::Tepat,
        responden: 97,
        periode: None,
        sumber: src.into(),
        populasi: None,
    });
}

/// Sei Balai's 2024 AKIP evaluation.
fn akip(data: &mut DataPerencana, src: &str) {
    for (id, t, v) in [
        ("perencanaan", "23.50", "24.39"),
        ("pengukuran", "20.23", "20.96"),
        ("pelaporan", "11.40", "11.40"),
        ("evaluasi", "15.87", "15.87"),
    ] {
        data.akip_komponen.push(AkipKomponen {
            kode_unit: "12.19.07".into(),
            tahun: 2024,
            skema: SkemaAkip::PermenPanRb88_2021,
            komponen_id: id.into(),
            target: Some(d(t)),
            realisasi: d(v),
            sumber: src.into(),
        });
    }
}

/// Orders realisasi and targets as `kinerja export snapshot` writes them.
pub(crate) fn urutkan(snap: &mut Snapshot) {
    let d = &mut snap.data;
    d.wilayah.sort_by(|a, b| a.kode.cmp(&b.kode));
    d.realisasi.sort_by(|a, b| (&a.kode_unit, &a.indikator_id, a.tahun).cmp(&(&b.kode_unit, &b.indikator_id, b.tahun)));
    d.target.sort_by(|a, b| (&a.kode_unit, &a.indikator_id, a.tahun).cmp(&(&b.kode_unit, &b.indikator_id, b.tahun)));
}

/// Sets a cell as if typed.
pub(crate) fn edit(e: &mut Edits, k: Key, v: &str) {
    e.insert(k, Entry::parse(v));
}

/// A province-wide snapshot: the seed's kabupaten and a second one.
pub(crate) fn provinsi() -> Snapshot {
    let mut snap = snapshot();
    snap.kode_wilayah = "12".into();
    let src = "sintetis".to_string();
    let w = |kode: &str, tingkat, nama: &str, induk: &str| Wilayah {
        kode: kode.into(),
        tingkat,
        nama: nama.into(),
        induk: Some(induk.into()),
        nama_dalam_laporan: None,
        sumber: src.clone(),
    };
    snap.data.wilayah.push(w("12.20", TingkatWilayah::Kabupaten, "Asahan", "12"));
    snap.data.wilayah.push(w("12.20.01", TingkatWilayah::Kecamatan, "Bandar Pasir Mandoge", "12.20"));
    snap.data.wilayah.push(w("12.20.02", TingkatWilayah::Kecamatan, "Bandar Pulau", "12.20"));
    for (kode, v) in [("12.20.01", "99.00"), ("12.20.02", "70.00")] {
        snap.data.realisasi.push(Realisasi {
            kode_unit: kode.into(),
            indikator_id: "ikm".into(),
            tahun: 2024,
            nilai: d(v),
            label: None,
            sumber: src.clone(),
        });
    }
    urutkan(&mut snap);
    snap
}
