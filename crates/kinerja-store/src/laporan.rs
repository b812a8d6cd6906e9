//! The LKjIP Bab II–III tables of many kecamatan at once.
//!
//! A batch report of all 7,285 kecamatan must not run a dozen queries per
//! kecamatan: each section is one query over the whole set (the temporary
//! table `laporan_unit`), its rows grouped by the report they belong to
//! (`laporan_kunci`, the last column), and a report is assembled from its
//! groups. The report of one kecamatan is the same path with a set of one.

use std::collections::{BTreeMap, HashMap};

use duckdb::{Row, params};

use crate::sql::{Run, at};
use crate::{Error, NotFound, Result, Store};
use kinerja_core::capaian::{JenisIndikator, Polaritas};
use kinerja_core::model::JenisTarget;
use kinerja_core::skm::{Bobot, Skema};
use kinerja_laporan::model::{
    Akip, Asal, Banding, BarisAkip, BarisAnggaran, BarisCapaian, BarisEfisiensi, BarisPk, BarisUnsur, DasarIkm,
    GalatIkm, Laporan, MultiTahun, Pembanding, PembandingTahun, RenstraIndikator, RenstraTahun, Skm, Tahunan,
    TotalProgram, Unit,
};

/// Rows of one section, by the report (kecamatan or kabupaten) they belong to.
type PerUnit<T> = HashMap<String, Vec<T>>;

/// A row of Tabel 3.12 before it is grouped per kecamatan and indicator.
type BarisPembanding = (String, String, String, i32, PembandingTahun, bool);

/// Every section of every report in the set.
struct Bagian {
    pk: PerUnit<BarisPk>,
    capaian: PerUnit<BarisCapaian>,
    tren: PerUnit<(String, Tahunan)>,
    perubahan: PerUnit<(String, Banding)>,
    renstra: PerUnit<(i32, i32, String, RenstraTahun)>,
    /// By kabupaten: every kecamatan's report shows its kabupaten's.
    pembanding: PerUnit<BarisPembanding>,
    skm: PerUnit<Skm>,
    skm_unsur: PerUnit<BarisUnsur>,
    akip: PerUnit<Akip>,
    akip_komponen: PerUnit<BarisAkip>,
    efisiensi: PerUnit<BarisEfisiensi>,
    belanja: PerUnit<BarisAnggaran>,
    program: PerUnit<BarisAnggaran>,
    total_program: PerUnit<TotalProgram>,
    /// Every survey's standard error, for the kabupaten of the set.
    galat: BTreeMap<(String, i32), kinerja_core::selang::Galat>,
}

impl Store {
    /// The LKjIP Bab II–III tables of a kecamatan-year.
    pub fn laporan(&self, unit_key: &str, tahun: i32) -> Result<Laporan> {
        let unit = self.unit(unit_key)?;
        let mut all = self.laporan_banyak(std::slice::from_ref(&unit.kode), tahun)?;
        all.pop().ok_or(Error::NotFound(NotFound::Report { kode: unit.kode, nama: unit.nama, tahun }))
    }

    /// The Perjanjian Kinerja of a kecamatan-year under a named target
    /// revision (`pk`, `pk_perubahan`, `skenario:<nama>`): the rows of
    /// [`Laporan::pk`] with that revision's target where it sets one and
    /// the target in force elsewhere (`jenis_target` says which).
    pub fn pk_revisi(&self, kode: &str, tahun: i32, revisi: &JenisTarget) -> Result<Vec<BarisPk>> {
        self.conn.all("pk_revisi", params![kode, tahun, revisi.code()], pk)
    }

    /// The reports of many kecamatan for one year, in the order given, with
    /// one query per section for the whole set; kecamatan without a target or
    /// realisasi in `tahun` are left out.
    ///
    /// ```
    /// let store = kinerja_store::Store::open_in_memory()?;
    /// assert!(store.laporan_banyak(&["12.19.07".to_string()], 2024)?.is_empty());
    /// # Ok::<(), kinerja_store::Error>(())
    /// ```
    pub fn laporan_banyak(&self, kode: &[String], tahun: i32) -> Result<Vec<Laporan>> {
        self.conn.exec("laporan_unit_create", [])?;
        {
            let mut a =
                self.conn.appender_to_catalog_and_db("laporan_unit", "temp", "main").map_err(at("laporan_unit"))?;
            let mut seen = std::collections::HashSet::new();
            a.append_rows(kode.iter().filter(|k| seen.insert(k.as_str())).map(|k| [k])).map_err(at("laporan_unit"))?;
        }
        let mut units: HashMap<String, Unit> = self
            .conn
            .all("laporan_unit_info", [], |r| {
                Ok(Unit { kode: r.get(0)?, nama: r.get(1)?, kode_kabupaten: r.get(2)?, nama_kabupaten: r.get(3)? })
            })?
            .into_iter()
            .map(|u| (u.kode.clone(), u))
            .collect();
        let mut b = self.bagian(tahun)?;
        let riwayat = self
            .conn
            .all("riwayat_terakhir", [], |r| Ok(Asal { id: r.get(0)?, waktu: r.get(1)?, perintah: r.get(2)? }))?
            .pop();
        Ok(kode
            .iter()
            .filter_map(|k| units.remove(k))
            .filter_map(|u| b.rakit(u, tahun))
            .map(|l| Laporan { riwayat: riwayat.clone(), ..l })
            .collect())
    }

    /// Runs one section's query for the set, grouping rows by `laporan_kunci`.
    fn per_unit<T>(
        &self,
        name: &str,
        tahun: i32,
        mut f: impl FnMut(&Row<'_>) -> duckdb::Result<T>,
    ) -> Result<PerUnit<T>> {
        let rows = self.conn.all(name, params![tahun], |r| Ok((r.get::<_, String>("laporan_kunci")?, f(r)?)))?;
        let mut out: PerUnit<T> = HashMap::new();
        for (k, v) in rows {
            out.entry(k).or_default().push(v);
        }
        Ok(out)
    }

    fn bagian(&self, tahun: i32) -> Result<Bagian> {
        Ok(Bagian {
            pk: self.per_unit("pk", tahun, pk)?,
            capaian: self.per_unit("capaian", tahun, capaian)?,
            tren: self.per_unit("tren", tahun, tren)?,
            perubahan: self.per_unit("perubahan", tahun, perubahan)?,
            renstra: self.per_unit("renstra", tahun, renstra)?,
            pembanding: self.per_unit("pembanding", tahun, pembanding)?,
            skm: self.per_unit("skm", tahun, skm)?,
            skm_unsur: self.per_unit("skm_unsur", tahun, skm_unsur)?,
            akip: self.per_unit("akip", tahun, akip)?,
            akip_komponen: self.per_unit("akip_komponen", tahun, akip_komponen)?,
            efisiensi: self.per_unit("efisiensi", tahun, efisiensi)?,
            belanja: self.per_unit("belanja", tahun, |r| anggaran(r, false))?,
            program: self.per_unit("program", tahun, |r| anggaran(r, true))?,
            total_program: self.per_unit("program_total", tahun, total_program)?,
            galat: self.galat_laporan(tahun)?,
        })
    }
}

impl Bagian {
    /// The report of one kecamatan, taking its rows out of the sections;
    /// `None` when it has neither PK nor capaian in the year.
    fn rakit(&mut self, unit: Unit, tahun: i32) -> Option<Laporan> {
        let k = unit.kode.as_str();
        let pk = self.pk.remove(k).unwrap_or_default();
        let capaian = self.capaian.remove(k).unwrap_or_default();
        if capaian.is_empty() && pk.is_empty() {
            return None;
        }
        // Every per-indicator table follows the order of the sasaran.
        let order = |id: &str| capaian.iter().position(|c| c.indikator_id == id).unwrap_or(usize::MAX);
        let mut multi_tahun = multi_tahun(self.tren.remove(k), self.perubahan.remove(k));
        multi_tahun.sort_by_key(|m| order(&m.indikator_id));
        let mut renstra = renstra_indikator(self.renstra.remove(k));
        renstra.sort_by_key(|r| order(&r.indikator_id));
        let peers = unit.kode_kabupaten.as_ref().and_then(|kab| self.pembanding.get(kab));
        let mut pembanding = pembanding_unit(peers.map_or(&[][..], Vec::as_slice), k);
        pembanding.sort_by_key(|p| order(&p.indikator_id));
        let skm = self.skm_unit(k, &capaian);
        let galat_ikm = pembanding
            .iter()
            .map(|p| p.kode_unit.as_str())
            .chain([k])
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .flat_map(|u| [tahun - 1, tahun].map(|y| (u, y)))
            .filter_map(|(u, y)| {
                let galat = *self.galat.get(&(u.to_string(), y))?;
                Some(GalatIkm { kode_unit: u.to_string(), tahun: y, galat })
            })
            .collect();
        let akip = take_one(&mut self.akip, k)
            .map(|a| Akip { komponen: self.akip_komponen.remove(k).unwrap_or_default(), ..a });
        let (belanja, program) =
            (self.belanja.remove(k).unwrap_or_default(), self.program.remove(k).unwrap_or_default());
        let sintetis = capaian.iter().any(|c| c.sintetis)
            || skm.as_ref().is_some_and(|s| s.sintetis)
            || akip.as_ref().is_some_and(|a| a.sintetis)
            || belanja.iter().chain(&program).any(|b| b.sintetis)
            || multi_tahun.iter().flat_map(|m| &m.tahun).any(|t| t.sintetis);
        Some(Laporan {
            efisiensi: self.efisiensi.remove(k).unwrap_or_default(),
            total_program: take_one(&mut self.total_program, k),
            unit,
            tahun,
            riwayat: None,
            sintetis,
            pk,
            capaian,
            multi_tahun,
            renstra,
            pembanding,
            skm,
            akip,
            belanja,
            program,
            galat_ikm,
        })
    }

    /// The SKM of the unit-year (Tabel 3.3), with the IKM recorded as the
    /// indicator's realisasi beside the recomputed one.
    fn skm_unit(&mut self, k: &str, capaian: &[BarisCapaian]) -> Option<Skm> {
        let mut s = take_one(&mut self.skm, k)?;
        s.unsur = self.skm_unsur.remove(k).unwrap_or_default();
        if let Some(c) = capaian.iter().find(|c| c.jenis == JenisIndikator::Ikm) {
            s.ikm_resmi = Some(c.realisasi);
            s.mutu_resmi = c.kategori_kode.clone();
            s.kinerja_resmi = c.kategori.clone();
        }
        Some(s)
    }
}

fn take_one<T>(m: &mut PerUnit<T>, k: &str) -> Option<T> {
    m.remove(k).and_then(|v| v.into_iter().next())
}

/// Every year of every indicator up to the report's year, with the changes
/// from earlier years to it (Tabel 3.9).
fn multi_tahun(tren: Option<Vec<(String, Tahunan)>>, perubahan: Option<Vec<(String, Banding)>>) -> Vec<MultiTahun> {
    let mut out: Vec<MultiTahun> = Vec::new();
    for (id, t) in tren.unwrap_or_default() {
        match out.iter_mut().find(|m| m.indikator_id == id) {
            Some(m) => m.tahun.push(t),
            None => out.push(MultiTahun { indikator_id: id, tahun: vec![t], dibanding: vec![] }),
        }
    }
    for (id, b) in perubahan.unwrap_or_default() {
        if let Some(m) = out.iter_mut().find(|m| m.indikator_id == id) {
            m.dibanding.push(b);
        }
    }
    out
}

fn renstra_indikator(rows: Option<Vec<(i32, i32, String, RenstraTahun)>>) -> Vec<RenstraIndikator> {
    let mut out: Vec<RenstraIndikator> = Vec::new();
    for (a, b, id, t) in rows.unwrap_or_default() {
        match out.iter_mut().find(|x| x.indikator_id == id) {
            Some(x) => x.tahun.push(t),
            None => out.push(RenstraIndikator { indikator_id: id, tahun_awal: a, tahun_akhir: b, tahun: vec![t] }),
        }
    }
    out
}

/// The kecamatan of the unit's kabupaten in the year and the year before
/// (Tabel 3.12): the unit itself first, then peers with data, then the rest.
fn pembanding_unit(rows: &[BarisPembanding], kode: &str) -> Vec<Pembanding> {
    let mut out: Vec<Pembanding> = Vec::new();
    let mut index: HashMap<(&str, &str), usize> = HashMap::new();
    for (ind, unit, nama, th, v, sint) in rows {
        let i = *index.entry((ind.as_str(), unit.as_str())).or_insert_with(|| {
            out.push(Pembanding {
                indikator_id: ind.clone(),
                kode_unit: unit.clone(),
                nama_unit: nama.clone(),
                per_tahun: BTreeMap::new(),
                sintetis: false,
            });
            out.len() - 1
        });
        out[i].sintetis |= sint;
        out[i].per_tahun.insert(*th, v.clone());
    }
    out.sort_by_key(|p| {
        let data = p.per_tahun.values().any(|v| v.ada_data);
        (p.indikator_id.clone(), p.kode_unit != kode, !data, p.kode_unit.clone())
    });
    out
}

/// A code column read as the core's type; a code the core does not know
/// is a conversion error naming the column.
pub(crate) fn code<T>(i: usize, text: &str, parse: impl Fn(&str) -> kinerja_core::Result<T>) -> duckdb::Result<T> {
    parse(text).map_err(|e| duckdb::Error::FromSqlConversionFailure(i, duckdb::types::Type::Text, Box::new(e)))
}

fn pk(r: &Row<'_>) -> duckdb::Result<BarisPk> {
    Ok(BarisPk {
        no: r.get(0)?,
        sasaran: r.get(1)?,
        indikator_id: r.get(2)?,
        indikator: r.get(3)?,
        satuan: r.get(4)?,
        target: r.get(5)?,
        label_target: r.get(6)?,
        jenis_target: r.get::<_, Option<String>>(7)?.map(|j| code(7, &j, JenisTarget::parse)).transpose()?,
    })
}

fn capaian(r: &Row<'_>) -> duckdb::Result<BarisCapaian> {
    Ok(BarisCapaian {
        indikator_id: r.get(0)?,
        indikator: r.get(1)?,
        satuan: r.get(2)?,
        polaritas: code(3, &r.get::<_, String>(3)?, Polaritas::parse)?,
        jenis: code(4, &r.get::<_, String>(4)?, JenisIndikator::parse)?,
        target: r.get(5)?,
        label_target: r.get(6)?,
        realisasi: r.get(7)?,
        label_realisasi: r.get(8)?,
        capaian: r.get(9)?,
        predikat: r.get(10)?,
        kategori_kode: r.get(11)?,
        kategori: r.get(12)?,
        selisih: r.get(13)?,
        sintetis: r.get(14)?,
        sumber: r.get(15)?,
    })
}

fn tren(r: &Row<'_>) -> duckdb::Result<(String, Tahunan)> {
    let t = Tahunan {
        tahun: r.get(1)?,
        target: r.get(2)?,
        realisasi: r.get(3)?,
        capaian: r.get(4)?,
        predikat: r.get(5)?,
        sintetis: r.get(6)?,
    };
    Ok((r.get(0)?, t))
}

fn perubahan(r: &Row<'_>) -> duckdb::Result<(String, Banding)> {
    let b = Banding { tahun_dari: r.get(1)?, nilai_dari: r.get(2)?, selisih: r.get(4)?, persen: r.get(5)? };
    Ok((r.get(0)?, b))
}

fn renstra(r: &Row<'_>) -> duckdb::Result<(i32, i32, String, RenstraTahun)> {
    let t = RenstraTahun {
        tahun: r.get(3)?,
        target: r.get(4)?,
        label: r.get(5)?,
        realisasi: r.get(6)?,
        capaian: r.get(7)?,
        predikat: r.get(8)?,
    };
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, t))
}

fn pembanding(r: &Row<'_>) -> duckdb::Result<BarisPembanding> {
    let v = PembandingTahun {
        ada_data: r.get(4)?,
        target: r.get(5)?,
        realisasi: r.get(6)?,
        capaian: r.get(7)?,
        peringkat: r.get(8)?,
    };
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, v, r.get(9)?))
}

fn skm(r: &Row<'_>) -> duckdb::Result<Skm> {
    Ok(Skm {
        skema: code(0, &r.get::<_, String>(0)?, Skema::parse)?,
        bobot: code(1, &r.get::<_, String>(1)?, Bobot::parse)?,
        bobot_tercetak: r.get(2)?,
        responden: r.get(3)?,
        dasar: r.get::<_, Option<String>>(4)?.as_deref().and_then(DasarIkm::parse),
        jumlah_unsur: r.get(5)?,
        unsur_skema: r.get(6)?,
        ikm: r.get(7)?,
        mutu: r.get(8)?,
        kinerja: r.get(9)?,
        ikm_resmi: None,
        mutu_resmi: None,
        kinerja_resmi: None,
        unsur: vec![],
        sintetis: r.get(10)?,
        populasi: r.get(11)?,
    })
}

fn skm_unsur(r: &Row<'_>) -> duckdb::Result<BarisUnsur> {
    Ok(BarisUnsur {
        unsur_id: r.get(0)?,
        unsur: r.get(1)?,
        no: r.get::<_, Option<i32>>(3)?.or(r.get(2)?),
        nama_dalam_laporan: r.get(4)?,
        nrr: r.get(5)?,
        mutu: r.get(6)?,
        jumlah: r.get(7)?,
        n: r.get(8)?,
    })
}

fn akip(r: &Row<'_>) -> duckdb::Result<Akip> {
    Ok(Akip {
        komponen: vec![],
        target: r.get(0)?,
        realisasi: r.get(1)?,
        persen: r.get(2)?,
        predikat_target: r.get(3)?,
        predikat: r.get(4)?,
        predikat_label: r.get(5)?,
        sintetis: r.get(6)?,
    })
}

fn akip_komponen(r: &Row<'_>) -> duckdb::Result<BarisAkip> {
    Ok(BarisAkip {
        komponen_id: r.get(0)?,
        komponen: r.get(1)?,
        bobot: r.get(2)?,
        target: r.get(3)?,
        realisasi: r.get(4)?,
        persen: r.get(5)?,
    })
}

fn efisiensi(r: &Row<'_>) -> duckdb::Result<BarisEfisiensi> {
    Ok(BarisEfisiensi {
        no_sasaran: r.get(0)?,
        sasaran: r.get(1)?,
        indikator: r.get(2)?,
        capaian: r.get(3)?,
        penyerapan: r.get(4)?,
        efisiensi: r.get(5)?,
        efisiensi_rasio: r.get(6)?,
        sintetis: r.get(7)?,
    })
}

/// A budget row: belanja by account (kode, tingkat, uraian…) or a program
/// (no, kode, uraian…).
fn anggaran(r: &Row<'_>, program: bool) -> duckdb::Result<BarisAnggaran> {
    let (kode, no, tingkat) = if program { (r.get(1)?, r.get(0)?, None) } else { (r.get(0)?, None, r.get(1)?) };
    Ok(BarisAnggaran {
        kode,
        no,
        tingkat,
        uraian: r.get(2)?,
        anggaran: r.get(3)?,
        realisasi: r.get(4)?,
        penyerapan: r.get(5)?,
        sisa: r.get(6)?,
        sintetis: r.get(7)?,
    })
}

fn total_program(r: &Row<'_>) -> duckdb::Result<TotalProgram> {
    Ok(TotalProgram {
        anggaran: r.get(0)?,
        realisasi: r.get(1)?,
        penyerapan: r.get(2)?,
        sisa: r.get(3)?,
        rata_rata_penyerapan: r.get(4)?,
    })
}
