//! What is stored, as an audit transcription: the predikat and mutu stored
//! with targets and realisasi, and the derived figures as printed
//! (`tercetak`) beside the value the report's own rows give. The audit
//! (`kinerja-audit`) then checks them like a transcribed report.

use std::collections::BTreeMap;

use kinerja_audit::{Baris, Bentuk, Dokumen, FORMAT, Kalimat, Relasi, Skala, Tabel, Transkripsi, VERSI};
use kinerja_core::notation::{Notasi, format_number};
use kinerja_core::{Decimal, capaian::JenisIndikator};
use kinerja_pesan::{Pesan, msg};

use crate::sql::Run;
use crate::{Result, Store};

/// A stored label to check: `(row id, printed, scale)`.
type Label = (String, String, Skala);

fn printed(d: Decimal) -> String {
    format_number(d, d.scale()).unwrap_or_else(|_| d.to_string())
}

/// The scale a stored label is read on: an AKIP predikat, an IKM mutu
/// letter or kinerja words; other indicators carry the capaian predikat.
fn skala(jenis: &str, label: &str) -> Skala {
    match JenisIndikator::parse(jenis) {
        Ok(JenisIndikator::Akip) => Skala::PredikatAkip,
        Ok(JenisIndikator::Ikm) if label.len() <= 2 => Skala::MutuIkm2017,
        Ok(JenisIndikator::Ikm) => Skala::KinerjaIkm2017,
        _ => Skala::PredikatCapaian,
    }
}

impl Store {
    /// The stored labels (of one kecamatan and/or year, when given) and
    /// the printed derived figures as a transcription for
    /// [`kinerja_audit::periksa`], with its title in words.
    pub fn transkripsi(&self, kecamatan: Option<&str>, tahun: Option<i32>) -> Result<(Transkripsi, Pesan)> {
        let unit = kecamatan.map(|k| self.unit(k)).transpose()?;
        let code = unit.as_ref().map(|u| u.kode.clone());
        let labels: Vec<(Label, String)> = self.conn.all("audit_label", duckdb::params![code, tahun], |r| {
            let (u, i, t, j): (String, String, i32, String) = (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?);
            let (nilai, label, jenis): (Decimal, String, String) = (r.get(4)?, r.get(5)?, r.get(6)?);
            let id = format!("{u}_{i}_{t}_{j}").replace(['.', ':'], "_");
            Ok((
                (id, format!("{label} ({})", printed(nilai)), skala(&jenis, &label)),
                format!("{u} {} {t} {j}", r.get::<_, String>(7)?),
            ))
        })?;
        let tercetak: Vec<(String, String, String, String)> = self.conn.all("audit_tercetak", [], |r| {
            Ok((r.get(0)?, format!("{} — {}", r.get::<_, String>(1)?, r.get::<_, String>(2)?), r.get(3)?, r.get(4)?))
        })?;
        let mut relasi = Vec::new();
        let mut baris = Vec::new();
        for ((id, text, s), name) in &labels {
            let bentuk = Bentuk::Label { hasil: format!("label.{id}.nilai"), nilai: None, skala: *s, menurut: None };
            relasi.push(Relasi { id: Some(format!("label:{id}")), catatan: None, kalimat: None, bentuk });
            let sel = BTreeMap::from([("nama".to_string(), name.clone()), ("nilai".to_string(), text.clone())]);
            baris.push(Baris { id: id.clone(), sel });
        }
        let tabel = Tabel {
            id: "label".into(),
            judul: "Predikat dan mutu tersimpan".into(),
            kolom: vec!["nama".into(), "nilai".into()],
            judul_kolom: BTreeMap::new(),
            eksak: vec![],
            notasi: None,
            notasi_kolom: BTreeMap::new(),
            baris,
        };
        let kalimat = tercetak
            .iter()
            .map(|(id, letak, t, d)| {
                let k = format!("tercetak_{}", id.replace('.', "_"));
                relasi.push(Relasi {
                    id: Some(format!("tercetak:{id}")),
                    catatan: None,
                    kalimat: None,
                    bentuk: Bentuk::Sama { hasil: format!("{k}.tercetak"), nilai: format!("{k}.dihitung") },
                });
                let nilai = BTreeMap::from([("tercetak".to_string(), t.clone()), ("dihitung".to_string(), d.clone())]);
                Kalimat {
                    id: k,
                    letak: letak.clone(),
                    teks: format!("{letak}: tercetak {t}, dari baris-barisnya {d}"),
                    nilai,
                    eksak: vec!["dihitung".into()],
                    notasi: None,
                    notasi_nilai: BTreeMap::new(),
                }
            })
            .collect();
        let judul = match (&unit, tahun) {
            (Some(u), Some(t)) => msg::store_audit_judul_unit_tahun(&u.kode, &u.nama, t),
            (Some(u), None) => msg::store_audit_judul_unit(&u.kode, &u.nama),
            (None, Some(t)) => msg::store_audit_judul_tahun(t),
            (None, None) => msg::store_audit_judul(),
        };
        let dokumen = Dokumen { judul: judul.to_string(), sumber: "basis data Kinerja".into(), kode_unit: code, tahun };
        let t = Transkripsi {
            format: FORMAT.into(),
            versi: VERSI,
            notasi: Notasi::Indonesia,
            dokumen,
            tabel: vec![tabel],
            kalimat,
            relasi,
            muat: vec![],
        };
        Ok((t, judul))
    }
}
