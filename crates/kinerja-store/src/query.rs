//! Typed queries over the analyst views: finding a kecamatan, the
//! comparison of a region's kecamatan, and free SQL.

use duckdb::types::Value;
use duckdb::{Row, params};
use kinerja_core::Decimal;
use kinerja_core::capaian::Polaritas;
pub use kinerja_laporan::model::Unit;
use serde::Serialize;

use crate::sql::Run;
use crate::{Error, NotFound, Result, Store};

/// One kecamatan in the kabupaten comparison.
#[allow(missing_docs)] // fields are named after the columns they hold
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BarisBanding {
    pub indikator_id: String,
    pub indikator: String,
    pub polaritas: Polaritas,
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
    /// The respondents of the survey an IKM indicator's realisasi comes
    /// from (`None` for other indicators).
    pub responden: Option<i64>,
    /// The population that survey samples, when recorded.
    pub populasi: Option<i64>,
    /// The latest earlier year with a realisasi, and that realisasi.
    pub tahun_sebelumnya: Option<i32>,
    pub realisasi_sebelumnya: Option<Decimal>,
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
            1 => units.into_iter().next().ok_or_else(|| Error::NotFound(NotFound::Kecamatan { key: key.into() })),
            0 => Err(Error::NotFound(NotFound::Kecamatan { key: key.into() })),
            _ => Err(Error::Ambiguous {
                key: key.into(),
                matches: units.iter().map(|u| format!("{} {}", u.kode, u.nama)).collect(),
            }),
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
            return Err(Error::NotFound(NotFound::KecamatanOf { kode: kode_kabupaten.into() }));
        }
        let rows = self.rows("bandingkan", &[&kode_kabupaten, &tahun, &indikator], |r| {
            Ok(BarisBanding {
                indikator_id: r.get(0)?,
                indikator: r.get(1)?,
                polaritas: crate::laporan::code(2, &r.get::<_, String>(2)?, Polaritas::parse)?,
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
                responden: r.get(19)?,
                populasi: r.get(20)?,
                tahun_sebelumnya: r.get(21)?,
                realisasi_sebelumnya: r.get(22)?,
            })
        })?;
        if rows.is_empty() {
            let (kode, indikator) = (kode_kabupaten.to_string(), indikator.map(str::to_string));
            return Err(Error::NotFound(NotFound::Realisasi { kode, tahun, indikator }));
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
            crate::sql::filled("sql_teks", &[("query", q)])?
        } else {
            q.to_string()
        };
        let mut stmt = self.conn.prepare(&wrapped).map_err(|e| crate::sql::classify(None, e))?;
        let mut result = stmt.query([]).map_err(|e| crate::sql::classify(None, e))?;
        let columns: Vec<String> = result.as_ref().map(|s| s.column_names()).unwrap_or_default();
        let readable: Vec<bool> = (0..columns.len())
            .map(|i| result.as_ref().is_some_and(|s| s.column_type(i) != duckdb::arrow::datatypes::DataType::Null))
            .collect();
        let mut rows = Vec::new();
        while let Some(row) = result.next().map_err(|e| crate::sql::classify(None, e))? {
            let mut cells = Vec::with_capacity(columns.len());
            for (i, ok) in readable.iter().enumerate() {
                cells.push(if *ok { text(row.get::<_, Value>(i)?) } else { None });
            }
            rows.push(cells);
        }
        Ok(Table { columns, rows })
    }
}
