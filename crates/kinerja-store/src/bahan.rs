//! What the whole LKjIP needs besides the report's tables ([`Bahan`]):
//! the desa of Bab I, the Renstra of Bab II and the `narasi`, for a set of
//! kecamatan at once (one query each, as `laporan.rs` does).

use std::collections::HashMap;

use duckdb::{Row, params};
use kinerja_laporan::model::{Bahan, Desa, RenstraDokumen, SasaranRenstra, TujuanRenstra};

use crate::sql::{Run, at};
use crate::{Result, Store};

impl Store {
    /// The material of each kecamatan's LKjIP for `tahun`, by code; a
    /// kecamatan without any is given an empty [`Bahan`].
    pub fn bahan_banyak(&self, kode: &[String], tahun: i32) -> Result<HashMap<String, Bahan>> {
        self.conn.exec("laporan_unit_create", [])?;
        {
            let mut a =
                self.conn.appender_to_catalog_and_db("laporan_unit", "temp", "main").map_err(at("laporan_unit"))?;
            let mut seen = std::collections::HashSet::new();
            a.append_rows(kode.iter().filter(|k| seen.insert(k.as_str())).map(|k| [k])).map_err(at("laporan_unit"))?;
        }
        let mut out: HashMap<String, Bahan> = kode.iter().map(|k| (k.clone(), Bahan::default())).collect();
        for (k, d) in self.conn.all("bahan_desa", params![tahun], |r| Ok((kunci(r)?, desa(r)?)))? {
            out.entry(k).or_default().desa.push(d);
        }
        for (k, bagian, teks) in
            self.conn.all("bahan_narasi", params![tahun], |r| Ok((kunci(r)?, r.get(0)?, r.get(1)?)))?
        {
            out.entry(k).or_default().narasi.insert(bagian, teks);
        }
        let rows = self.conn.all("bahan_renstra", params![tahun], |r| Ok((kunci(r)?, renstra_row(r)?)))?;
        for (k, row) in rows {
            add_renstra(&mut out.entry(k).or_default().renstra, row);
        }
        Ok(out)
    }

    /// The material of one kecamatan's LKjIP.
    pub fn bahan(&self, kode: &str, tahun: i32) -> Result<Bahan> {
        Ok(self.bahan_banyak(&[kode.to_string()], tahun)?.remove(kode).unwrap_or_default())
    }
}

fn kunci(r: &Row<'_>) -> duckdb::Result<String> {
    r.get("laporan_kunci")
}

fn desa(r: &Row<'_>) -> duckdb::Result<Desa> {
    Ok(Desa {
        no: r.get(0)?,
        nama: r.get(1)?,
        luas_ha: r.get(2)?,
        dusun: r.get(3)?,
        kk: r.get(4)?,
        penduduk_l: r.get(5)?,
        penduduk_p: r.get(6)?,
        luas_perkebunan_ha: r.get(7)?,
        luas_pertanian_ha: r.get(8)?,
        luas_perumahan_ha: r.get(9)?,
    })
}

/// One row of `bahan_renstra`: the Renstra, and a tujuan, sasaran and
/// strategi where there are.
struct RenstraRow {
    awal: i32,
    akhir: i32,
    visi: String,
    misi: String,
    tujuan: Option<(String, String)>,
    sasaran: Option<(Option<i32>, String)>,
    strategi: Option<String>,
}

fn renstra_row(r: &Row<'_>) -> duckdb::Result<RenstraRow> {
    let tujuan: Option<String> = r.get(4)?;
    let sasaran: Option<String> = r.get(7)?;
    Ok(RenstraRow {
        awal: r.get(0)?,
        akhir: r.get(1)?,
        visi: r.get(2)?,
        misi: r.get(3)?,
        tujuan: tujuan.zip(r.get::<_, Option<String>>(5)?),
        sasaran: sasaran.map(|s| (r.get::<_, Option<i32>>(6).ok().flatten(), s)),
        strategi: r.get(8)?,
    })
}

/// Adds a row to the Renstra tree, rows in order of tujuan, sasaran,
/// strategi.
fn add_renstra(renstra: &mut Option<RenstraDokumen>, row: RenstraRow) {
    let doc = renstra.get_or_insert_with(|| RenstraDokumen {
        tahun_awal: row.awal,
        tahun_akhir: row.akhir,
        visi: row.visi.clone(),
        misi: row.misi.clone(),
        tujuan: Vec::new(),
    });
    let Some((_, tujuan)) = row.tujuan else { return };
    if doc.tujuan.last().is_none_or(|t| t.uraian != tujuan) {
        doc.tujuan.push(TujuanRenstra { uraian: tujuan, sasaran: Vec::new() });
    }
    let Some(tj) = doc.tujuan.last_mut() else { return };
    let Some((no, sasaran)) = row.sasaran else { return };
    if tj.sasaran.last().is_none_or(|s| s.uraian != sasaran) {
        tj.sasaran.push(SasaranRenstra { no, uraian: sasaran, strategi: Vec::new() });
    }
    if let (Some(s), Some(st)) = (tj.sasaran.last_mut(), row.strategi) {
        s.strategi.push(st);
    }
}
