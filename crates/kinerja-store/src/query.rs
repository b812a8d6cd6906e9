//! Typed queries over the analyst views: the LKjIP report of a
//! kecamatan-year, the kabupaten comparison, and free SQL.

use std::collections::BTreeMap;

use duckdb::types::Value;
use duckdb::{Row, params};
use kinerja_core::Decimal;
use serde::Serialize;

use crate::sql::Run;
use crate::{Error, Result, Store};

/// A kecamatan and its kabupaten.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unit {
    /// Kemendagri code.
    pub kode: String,
    /// Name.
    pub nama: String,
    /// Kabupaten code.
    pub kode_kabupaten: Option<String>,
    /// Kabupaten name.
    pub nama_kabupaten: Option<String>,
}

/// One row of the Perjanjian Kinerja (Tabel 2.2).
#[allow(missing_docs)] // fields are named after the columns they hold
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BarisPk {
    pub no: i32,
    pub sasaran: String,
    pub indikator_id: String,
    pub indikator: String,
    pub satuan: String,
    pub target: Option<Decimal>,
    pub label_target: Option<String>,
    pub jenis_target: Option<String>,
}

/// Capaian of one indicator (Tabel 3.2).
#[allow(missing_docs)] // fields are named after the columns they hold
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BarisCapaian {
    pub indikator_id: String,
    pub indikator: String,
    pub satuan: String,
    pub polaritas: String,
    pub jenis: String,
    pub target: Option<Decimal>,
    pub label_target: Option<String>,
    pub realisasi: Decimal,
    pub label_realisasi: Option<String>,
    pub capaian: Option<Decimal>,
    pub predikat: Option<String>,
    pub kategori_kode: Option<String>,
    pub kategori: Option<String>,
    pub selisih: Option<Decimal>,
    pub sintetis: bool,
    pub sumber: String,
}

/// One year of an indicator (Tabel 3.9).
#[allow(missing_docs)] // fields are named after the columns they hold
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tahunan {
    pub tahun: i32,
    pub target: Option<Decimal>,
    pub realisasi: Decimal,
    pub capaian: Option<Decimal>,
    pub predikat: Option<String>,
    pub sintetis: bool,
}

/// Change of this year's realisasi against an earlier year.
#[allow(missing_docs)] // fields are named after the columns they hold
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Banding {
    pub tahun_dari: i32,
    pub nilai_dari: Decimal,
    pub selisih: Option<Decimal>,
    pub persen: Option<Decimal>,
}

/// Multi-year comparison of one indicator.
#[allow(missing_docs)] // fields are named after the columns they hold
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MultiTahun {
    pub indikator_id: String,
    pub tahun: Vec<Tahunan>,
    pub dibanding: Vec<Banding>,
}

/// One Renstra year of an indicator (Tabel 3.10, 3.11).
#[allow(missing_docs)] // fields are named after the columns they hold
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RenstraTahun {
    pub tahun: i32,
    pub target: Decimal,
    pub label: Option<String>,
    pub realisasi: Option<Decimal>,
    pub capaian: Option<Decimal>,
    pub predikat: Option<String>,
}

/// Renstra comparison of one indicator.
#[allow(missing_docs)] // fields are named after the columns they hold
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RenstraIndikator {
    pub indikator_id: String,
    pub tahun_awal: i32,
    pub tahun_akhir: i32,
    pub tahun: Vec<RenstraTahun>,
}

/// One kecamatan in the peer comparison (Tabel 3.12).
#[allow(missing_docs)] // fields are named after the columns they hold
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pembanding {
    pub indikator_id: String,
    pub kode_unit: String,
    pub nama_unit: String,
    /// `tahun → (target, realisasi, capaian, peringkat)`.
    pub per_tahun: BTreeMap<i32, PembandingTahun>,
    pub sintetis: bool,
}

/// A peer's figures in one year.
#[allow(missing_docs)] // fields are named after the columns they hold
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PembandingTahun {
    pub ada_data: bool,
    pub target: Option<Decimal>,
    pub realisasi: Option<Decimal>,
    pub capaian: Option<Decimal>,
    pub peringkat: Option<i64>,
}

/// One unsur of the SKM (Tabel 3.3).
#[allow(missing_docs)] // fields are named after the columns they hold
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BarisUnsur {
    pub unsur_id: String,
    pub unsur: Option<String>,
    pub no: Option<i32>,
    pub nama_dalam_laporan: Option<String>,
    pub nrr: Option<Decimal>,
    pub mutu: Option<String>,
    pub jumlah: Option<i64>,
    pub n: Option<i64>,
}

/// The SKM of a unit-year.
#[allow(missing_docs)] // fields are named after the columns they hold
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Skm {
    pub skema: String,
    pub bobot: String,
    /// The weight as a report prints it (`1/9`, `0,111`, `0,11`).
    pub bobot_tercetak: String,
    pub responden: Option<i64>,
    pub dasar: Option<String>,
    pub jumlah_unsur: i64,
    pub unsur_skema: i64,
    /// IKM computed from the answers or the stored NRR.
    pub ikm: Option<Decimal>,
    pub mutu: Option<String>,
    pub kinerja: Option<String>,
    /// The IKM recorded as the indicator's realisasi (the official figure),
    /// with its mutu and kinerja label.
    pub ikm_resmi: Option<Decimal>,
    pub mutu_resmi: Option<String>,
    pub kinerja_resmi: Option<String>,
    pub unsur: Vec<BarisUnsur>,
    pub sintetis: bool,
}

/// One AKIP komponen (Tabel 3.8).
#[allow(missing_docs)] // fields are named after the columns they hold
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BarisAkip {
    pub komponen_id: String,
    pub komponen: Option<String>,
    pub bobot: Option<i32>,
    pub target: Option<Decimal>,
    pub realisasi: Decimal,
    pub persen: Option<Decimal>,
}

/// The AKIP evaluation of a unit-year.
#[allow(missing_docs)] // fields are named after the columns they hold
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Akip {
    pub komponen: Vec<BarisAkip>,
    pub target: Option<Decimal>,
    /// Σ komponen; `None` unless every komponen of the scheme is present.
    pub realisasi: Option<Decimal>,
    pub persen: Option<Decimal>,
    pub predikat_target: Option<String>,
    pub predikat: Option<String>,
    pub predikat_label: Option<String>,
    pub sintetis: bool,
}

/// Efisiensi of one sasaran (Tabel 3.14).
#[allow(missing_docs)] // fields are named after the columns they hold
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BarisEfisiensi {
    pub no_sasaran: Option<i32>,
    pub sasaran: Option<String>,
    pub indikator: Option<String>,
    pub capaian: Option<Decimal>,
    pub penyerapan: Option<Decimal>,
    pub efisiensi: Option<Decimal>,
    pub efisiensi_rasio: Option<Decimal>,
    pub sintetis: bool,
}

/// One budget row (belanja account or program).
#[allow(missing_docs)] // fields are named after the columns they hold
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BarisAnggaran {
    pub kode: String,
    pub no: Option<i32>,
    pub tingkat: Option<i64>,
    pub uraian: Option<String>,
    pub anggaran: Decimal,
    pub realisasi: Decimal,
    pub penyerapan: Option<Decimal>,
    pub sisa: Option<Decimal>,
    pub sintetis: bool,
}

/// Totals of the program table (Tabel 3.17).
#[allow(missing_docs)] // fields are named after the columns they hold
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TotalProgram {
    pub anggaran: Decimal,
    pub realisasi: Decimal,
    pub penyerapan: Option<Decimal>,
    pub sisa: Option<Decimal>,
    pub rata_rata_penyerapan: Option<Decimal>,
}

/// The LKjIP tables of one kecamatan-year.
#[allow(missing_docs)] // fields are named after the columns they hold
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Laporan {
    pub unit: Unit,
    pub tahun: i32,
    /// The last recorded write the figures come from (`kinerja riwayat`):
    /// `(id, UTC time, perintah)`; `None` in a file without history.
    pub riwayat: Option<(i32, String, String)>,
    /// True when any figure in the report is synthetic.
    pub sintetis: bool,
    pub pk: Vec<BarisPk>,
    pub capaian: Vec<BarisCapaian>,
    pub multi_tahun: Vec<MultiTahun>,
    pub renstra: Vec<RenstraIndikator>,
    pub pembanding: Vec<Pembanding>,
    pub skm: Option<Skm>,
    pub akip: Option<Akip>,
    pub efisiensi: Vec<BarisEfisiensi>,
    pub belanja: Vec<BarisAnggaran>,
    pub program: Vec<BarisAnggaran>,
    pub total_program: Option<TotalProgram>,
}

/// One kecamatan in the kabupaten comparison.
#[allow(missing_docs)] // fields are named after the columns they hold
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BarisBanding {
    pub indikator_id: String,
    pub indikator: String,
    pub polaritas: String,
    pub peringkat: Option<i64>,
    pub kode_unit: String,
    pub nama_unit: String,
    pub ada_data: bool,
    pub target: Option<Decimal>,
    pub realisasi: Option<Decimal>,
    pub capaian: Option<Decimal>,
    pub predikat: Option<String>,
    pub kategori: Option<String>,
    pub nilai_terbaik: Option<Decimal>,
    /// How far from the best kecamatan (`kj_kekurangan`, ≤ 0 at the top).
    pub kekurangan_ke_terbaik: Option<Decimal>,
    /// How far from its own target (`kj_kekurangan`, ≤ 0 once reached).
    pub kekurangan_ke_target: Option<Decimal>,
    pub jumlah_berdata: i64,
    pub jumlah_kecamatan: i64,
    pub sintetis: bool,
    pub sumber: Option<String>,
}

/// Result of a free SQL query, every cell as text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Table {
    /// Column names.
    pub columns: Vec<String>,
    /// Rows.
    pub rows: Vec<Vec<Option<String>>>,
}

fn text(v: Value) -> Option<String> {
    Some(match v {
        Value::Null => return None,
        Value::Boolean(b) => b.to_string(),
        Value::TinyInt(i) => i.to_string(),
        Value::SmallInt(i) => i.to_string(),
        Value::Int(i) => i.to_string(),
        Value::BigInt(i) => i.to_string(),
        Value::HugeInt(i) => i.to_string(),
        Value::UTinyInt(i) => i.to_string(),
        Value::USmallInt(i) => i.to_string(),
        Value::UInt(i) => i.to_string(),
        Value::UBigInt(i) => i.to_string(),
        Value::Text(s) => s,
        Value::Decimal(d) => d.to_string(),
        Value::Float(f) => f.to_string(),
        Value::Double(f) => f.to_string(),
        Value::Enum(s) => s,
        other => format!("{other:?}"),
    })
}

impl Store {
    /// Finds a kecamatan by Kemendagri code or name (`"Sei Balai"`,
    /// `"Kecamatan Sei Balai"`, `"12.19.07"`).
    pub fn unit(&self, key: &str) -> Result<Unit> {
        let key = key.trim();
        let units: Vec<Unit> = self.conn.all("cari_unit", params![key, key, key], |r| {
            Ok(Unit { kode: r.get(0)?, nama: r.get(1)?, kode_kabupaten: r.get(2)?, nama_kabupaten: r.get(3)? })
        })?;
        match units.len() {
            1 => Ok(units.into_iter().next().ok_or_else(|| Error::NotFound(key.into()))?),
            0 => Err(Error::NotFound(format!(
                "no kecamatan {key:?} in the database (give a name or a code like 12.19.07)"
            ))),
            _ => Err(Error::Invalid(format!(
                "{key:?} matches several kecamatan: {}",
                units.iter().map(|u| format!("{} {}", u.kode, u.nama)).collect::<Vec<_>>().join(", ")
            ))),
        }
    }

    fn rows<T>(
        &self,
        query: &str,
        p: &[&dyn duckdb::ToSql],
        f: impl FnMut(&Row<'_>) -> duckdb::Result<T>,
    ) -> Result<Vec<T>> {
        self.conn.all(query, p, f)
    }

    /// Every kecamatan of a kabupaten for an indicator-year, ranked; those
    /// without data are listed with `ada_data = false`.
    pub fn bandingkan(&self, kode_kabupaten: &str, tahun: i32, indikator: Option<&str>) -> Result<Vec<BarisBanding>> {
        let kecamatan = self.rows("kecamatan_kabupaten", &[&kode_kabupaten], |r| r.get::<_, String>(0))?;
        if kecamatan.is_empty() {
            return Err(Error::NotFound(format!("no kecamatan of kabupaten {kode_kabupaten:?} in the database")));
        }
        let rows = self.rows("bandingkan", &[&kode_kabupaten, &tahun, &indikator], |r| {
            Ok(BarisBanding {
                indikator_id: r.get(0)?,
                indikator: r.get(1)?,
                polaritas: r.get(2)?,
                peringkat: r.get(3)?,
                kode_unit: r.get(4)?,
                nama_unit: r.get(5)?,
                ada_data: r.get(6)?,
                target: r.get(7)?,
                realisasi: r.get(8)?,
                capaian: r.get(9)?,
                predikat: r.get(10)?,
                kategori: r.get(11)?,
                nilai_terbaik: r.get(12)?,
                kekurangan_ke_terbaik: r.get(13)?,
                kekurangan_ke_target: r.get(14)?,
                jumlah_berdata: r.get(15)?,
                jumlah_kecamatan: r.get(16)?,
                sintetis: r.get(17)?,
                sumber: r.get(18)?,
            })
        })?;
        if rows.is_empty() {
            return Err(Error::NotFound(format!(
                "no realisasi in {tahun} for any kecamatan of {kode_kabupaten}{}",
                indikator.map(|i| format!(" on indicator {i:?}")).unwrap_or_default()
            )));
        }
        Ok(rows)
    }

    /// The kecamatan with figures in `tahun`, of one kabupaten or (`None`)
    /// of the whole database, in code order: what a batch report covers.
    pub fn kecamatan_berdata(&self, kode_kabupaten: Option<&str>, tahun: i32) -> Result<Vec<String>> {
        self.conn.all("kecamatan_berdata", params![kode_kabupaten, tahun], |r| r.get(0))
    }

    /// The names an analyst types: the analyst views, their columns and the
    /// `kj_*` macros, sorted (what the SQL prompt completes).
    pub fn sql_names(&self) -> Result<Vec<String>> {
        self.conn.all("nama_sql", [], |r| r.get(0))
    }

    /// Runs one SQL statement and returns every cell as text (decimals
    /// exactly as stored). A query is wrapped so that DuckDB itself writes
    /// every column as text, whatever its type (lists, intervals, `NULL`
    /// of no type).
    pub fn sql(&self, query: &str) -> Result<Table> {
        let q = query.trim().trim_end_matches(';').trim_end();
        let first = q.split_whitespace().next().unwrap_or("").to_ascii_lowercase();
        let wrapped = if ["select", "with", "from", "values", "table", "("].iter().any(|k| first.starts_with(k)) {
            format!("SELECT COLUMNS(*)::VARCHAR FROM (\n{q}\n)")
        } else {
            q.to_string()
        };
        let mut stmt = self.conn.prepare(&wrapped).map_err(|e| self.explain(e))?;
        let mut result = stmt.query([]).map_err(|e| self.explain(e))?;
        let columns: Vec<String> = result.as_ref().map(|s| s.column_names()).unwrap_or_default();
        let readable: Vec<bool> = (0..columns.len())
            .map(|i| result.as_ref().is_some_and(|s| s.column_type(i) != duckdb::arrow::datatypes::DataType::Null))
            .collect();
        let mut rows = Vec::new();
        while let Some(row) = result.next().map_err(|e| self.explain(e))? {
            let mut cells = Vec::with_capacity(columns.len());
            for (i, ok) in readable.iter().enumerate() {
                cells.push(if *ok { text(row.get::<_, Value>(i)?) } else { None });
            }
            rows.push(cells);
        }
        Ok(Table { columns, rows })
    }

    fn explain(&self, e: duckdb::Error) -> Error {
        let msg = e.to_string();
        if self.read_only && (msg.contains("read-only") || msg.contains("read only")) {
            return Error::Invalid(format!(
                "the database is open read-only here, so nothing can be changed; load data with `kinerja load` ({msg})"
            ));
        }
        Error::Db(e)
    }
}
