//! The base facts of a transcription (its `muat` section) as a
//! [`Dataset`], so that transcribing a report for review is also how its
//! data reaches the database. Each fact keeps the table it came from as
//! `sumber`.

use std::collections::BTreeMap;

use kinerja_core::akip::SkemaAkip;
use kinerja_core::model::{
    AkipKomponen, AnggaranBelanja, AnggaranProgram, Dataset, JenisTarget, Realisasi, SkmNrr, Target,
};
use kinerja_pesan::{Pesan, msg};
use rust_decimal::Decimal;

use crate::angka::{Cetak, baca};
use crate::hasil::Masalah;
use crate::model::{Fakta, KolomMuat, Muat, Tabel, Transkripsi};

/// `(unit, tahun, what)`: one AKIP komponen, belanja account or program.
type Key = (String, i32, String);
/// Its two columns (target/anggaran, realisasi), its name and source.
type Pair = (Option<Decimal>, Option<Decimal>, String, String);

struct Ctx<'a> {
    t: &'a Transkripsi,
    d: Dataset,
    masalah: Vec<Masalah>,
    akip: BTreeMap<Key, Pair>,
    belanja: BTreeMap<Key, Pair>,
    program: BTreeMap<Key, Pair>,
}

/// The facts the transcription's `muat` section names. Every figure must
/// read as a number; `-` (nothing printed) is skipped.
///
/// ```
/// use kinerja_audit::{fakta::fakta, Transkripsi};
/// let t: Transkripsi = serde_json::from_str(r#"{"format":"kinerja-audit","versi":1,
///   "dokumen":{"judul":"LK","sumber":"LKjIP uji","kode_unit":"12.19.07","tahun":2024},
///   "tabel":[{"id":"t","judul":"Tabel 3.2","kolom":["target","realisasi"],
///     "baris":[{"id":"ikm","sel":{"target":"85,00","realisasi":"75,35"}}]}],
///   "muat":[{"tabel":"t","baris":{"ikm":"ikm"},
///     "kolom":{"target":{"fakta":"target","jenis":"pk"},"realisasi":{"fakta":"realisasi"}}}]}"#).unwrap();
/// let d = fakta(&t).unwrap();
/// assert_eq!((d.target.len(), d.realisasi[0].nilai.to_string()), (1, "75.35".to_string()));
/// assert_eq!(d.realisasi[0].sumber, "LKjIP uji, Tabel 3.2");
/// ```
pub fn fakta(t: &Transkripsi) -> Result<Dataset, Vec<Masalah>> {
    let mut c = Ctx {
        t,
        d: Dataset::default(),
        masalah: vec![],
        akip: BTreeMap::new(),
        belanja: BTreeMap::new(),
        program: BTreeMap::new(),
    };
    for (i, m) in t.muat.iter().enumerate() {
        match t.tabel.iter().find(|x| x.id == m.tabel) {
            Some(tabel) => c.tabel(i, m, tabel),
            None => c.salah(format!("muat[{i}].tabel"), msg::audit_masalah_table_id(), &m.tabel),
        }
    }
    c.flush();
    if c.masalah.is_empty() { Ok(c.d) } else { Err(c.masalah) }
}

impl Ctx<'_> {
    fn salah(&mut self, letak: impl Into<String>, expected: Pesan, found: &str) {
        self.masalah.push(Masalah::at(letak, expected, found));
    }

    fn tabel(&mut self, i: usize, m: &Muat, tabel: &Tabel) {
        let Some(unit) = m.kode_unit.clone().or_else(|| self.t.dokumen.kode_unit.clone()) else {
            return self.salah(format!("muat[{i}].kode_unit"), msg::audit_masalah_unit(), "");
        };
        let sumber = format!("{}, {}", self.t.dokumen.sumber, tabel.judul);
        for (row, about) in &m.baris {
            let Some(b) = tabel.baris.iter().find(|b| &b.id == row) else {
                self.salah(format!("muat[{i}].baris"), msg::audit_masalah_row_of_table(), row);
                continue;
            };
            // The row's name, without a list dash (`- Belanja Pegawai`).
            let nama = tabel
                .kolom
                .iter()
                .filter_map(|k| b.sel.get(k))
                .find(|s| !s.chars().any(|c| c.is_ascii_digit()))
                .map(|s| s.trim_start_matches(['-', '–', ' ']).trim().to_string());
            for (kol, k) in &m.kolom {
                let place = msg::audit_masalah_letak_muat(i, kol, row);
                let Some(tahun) = k.tahun.or(self.t.dokumen.tahun) else {
                    self.masalah.push(Masalah { letak: place, expected: msg::audit_masalah_year(), found: "".into() });
                    continue;
                };
                let Some(text) = b.sel.get(kol) else { continue };
                match baca(text, tabel.notasi_of(kol, self.t.notasi), true) {
                    Ok(Cetak { nilai: Some(v), label, .. }) => {
                        let f = Fact {
                            unit: &unit,
                            about,
                            tahun,
                            nilai: v,
                            label,
                            sumber: &sumber,
                            nama: nama.as_deref().unwrap_or(about),
                        };
                        self.fact(&place, k, f);
                    }
                    Ok(_) => {}
                    Err(e) => {
                        let found = msg::audit_masalah_figure_found(&e.teks, e.alasan).into();
                        self.masalah.push(Masalah { letak: place, expected: msg::audit_masalah_figure(), found });
                    }
                }
            }
        }
    }

    fn fact(&mut self, place: &Pesan, k: &KolomMuat, f: Fact<'_>) {
        let (unit, about) = (f.unit.to_string(), f.about.to_string());
        match k.fakta {
            Fakta::Target => match JenisTarget::parse(k.jenis.as_deref().unwrap_or("pk")) {
                Ok(jenis) => self.d.target.push(Target {
                    kode_unit: unit,
                    indikator_id: about,
                    tahun: f.tahun,
                    jenis,
                    nilai: f.nilai,
                    label: f.label,
                    sumber: f.sumber.into(),
                }),
                Err(_) => self.masalah.push(Masalah {
                    letak: msg::audit_letak_field(place.clone(), "jenis"),
                    expected: msg::audit_masalah_jenis_target(),
                    found: k.jenis.as_deref().unwrap_or("").into(),
                }),
            },
            Fakta::Realisasi => self.d.realisasi.push(Realisasi {
                kode_unit: unit,
                indikator_id: about,
                tahun: f.tahun,
                nilai: f.nilai,
                label: f.label,
                sumber: f.sumber.into(),
            }),
            Fakta::Nrr => self.d.skm_nrr.push(SkmNrr {
                kode_unit: unit,
                tahun: f.tahun,
                unsur_id: about,
                no_laporan: None,
                nama_dalam_laporan: Some(f.nama.to_string()),
                nrr: f.nilai,
                sumber: f.sumber.into(),
            }),
            Fakta::AkipTarget | Fakta::AkipRealisasi => {
                let e = self.akip.entry((unit, f.tahun, about)).or_insert((None, None, String::new(), f.sumber.into()));
                if k.fakta == Fakta::AkipTarget { e.0 = Some(f.nilai) } else { e.1 = Some(f.nilai) }
            }
            Fakta::BelanjaAnggaran | Fakta::BelanjaRealisasi => {
                let e =
                    self.belanja.entry((unit, f.tahun, about)).or_insert((None, None, f.nama.into(), f.sumber.into()));
                if k.fakta == Fakta::BelanjaAnggaran { e.0 = Some(f.nilai) } else { e.1 = Some(f.nilai) }
            }
            Fakta::ProgramAnggaran | Fakta::ProgramRealisasi => {
                let e =
                    self.program.entry((unit, f.tahun, about)).or_insert((None, None, f.nama.into(), f.sumber.into()));
                if k.fakta == Fakta::ProgramAnggaran { e.0 = Some(f.nilai) } else { e.1 = Some(f.nilai) }
            }
        }
    }

    /// AKIP komponen and budget lines, from their pairs of columns.
    fn flush(&mut self) {
        for ((unit, tahun, id), (target, real, _, sumber)) in std::mem::take(&mut self.akip) {
            match real {
                Some(realisasi) => self.d.akip_komponen.push(AkipKomponen {
                    kode_unit: unit,
                    tahun,
                    skema: SkemaAkip::default(),
                    komponen_id: id,
                    target,
                    realisasi,
                    sumber,
                }),
                None => self.masalah.push(Masalah {
                    letak: msg::audit_masalah_letak_komponen(&id),
                    expected: msg::audit_masalah_akip_realisasi(),
                    found: msg::audit_masalah_none().into(),
                }),
            }
        }
        for ((unit, tahun, kode), (a, r, uraian, sumber)) in std::mem::take(&mut self.belanja) {
            let (anggaran, realisasi) = (a.unwrap_or_default(), r.unwrap_or_default());
            let kode_rekening = kode;
            self.d.anggaran_belanja.push(AnggaranBelanja {
                kode_unit: unit,
                tahun,
                kode_rekening,
                uraian,
                anggaran,
                realisasi,
                sumber,
            });
        }
        for ((unit, tahun, kode), (a, r, nama, sumber)) in std::mem::take(&mut self.program) {
            let (anggaran, realisasi) = (a.unwrap_or_default(), r.unwrap_or_default());
            self.d.anggaran_program.push(AnggaranProgram {
                kode_unit: unit,
                tahun,
                kode_program: kode,
                no_laporan: None,
                nama,
                anggaran,
                realisasi,
                keterangan: None,
                sumber,
            });
        }
    }
}

/// One figure to load, with what it is about.
struct Fact<'a> {
    unit: &'a str,
    about: &'a str,
    tahun: i32,
    nilai: Decimal,
    label: Option<String>,
    sumber: &'a str,
    nama: &'a str,
}
