//! Reading the snapshot written by `kinerja export snapshot`, with errors
//! that say what is wrong and where.
//!
//! The reader walks a `serde_json::Value` by hand instead of using the
//! model's derived `Deserialize`: the derived visitors for a dozen record
//! types cost about 75 KB of WebAssembly, a third of the app's budget. A
//! native test round-trips a serialised snapshot, so the two cannot drift.

use kinerja_core::Decimal;
use kinerja_core::akip::SkemaAkip;
use kinerja_core::capaian::Polaritas;
use kinerja_core::model::*;
use kinerja_core::notation::{Notasi, parse_number};
use kinerja_core::skm::{Bobot, Skema};
use kinerja_pesan::{Message, Pesan, msg};
use serde_json::Value;

type R<T> = Result<T, Pesan>;

struct Rec<'a> {
    v: &'a Value,
    path: String,
}

impl Rec<'_> {
    fn get(&self, k: &str) -> Option<&Value> {
        self.v.get(k).filter(|x| !x.is_null())
    }
    fn bad(&self, k: &str, expected: Pesan) -> Pesan {
        let found: kinerja_pesan::Arg =
            self.v.get(k).map_or_else(|| msg::skenario_found_nothing().into(), |x| x.to_string().into());
        msg::web_snapshot_expected(format!("{}.{k}", self.path), expected, found)
    }
    fn opt_teks(&self, k: &str) -> R<Option<String>> {
        match self.get(k) {
            None => Ok(None),
            Some(x) => {
                x.as_str().map(|s| Some(s.to_string())).ok_or_else(|| self.bad(k, msg::web_snapshot_kind_text()))
            }
        }
    }
    fn teks(&self, k: &str) -> R<String> {
        self.opt_teks(k)?.ok_or_else(|| self.bad(k, msg::web_snapshot_kind_text()))
    }
    fn kode<T>(&self, k: &str, parse: fn(&str) -> kinerja_core::Result<T>) -> R<T> {
        parse(&self.teks(k)?).map_err(|e| msg::web_snapshot_code(format!("{}.{k}", self.path), e.pesan()))
    }
    fn opt_desimal(&self, k: &str) -> R<Option<Decimal>> {
        match self.get(k) {
            None => Ok(None),
            Some(x) => x
                .as_str()
                .and_then(|s| parse_number(s, Notasi::Polos).ok())
                .map(Some)
                .ok_or_else(|| self.bad(k, msg::web_snapshot_kind_decimal())),
        }
    }
    fn desimal(&self, k: &str) -> R<Decimal> {
        self.opt_desimal(k)?.ok_or_else(|| self.bad(k, msg::web_snapshot_kind_decimal()))
    }
    fn opt_int(&self, k: &str) -> R<Option<i64>> {
        match self.get(k) {
            None => Ok(None),
            Some(x) => x.as_i64().map(Some).ok_or_else(|| self.bad(k, msg::web_snapshot_kind_whole())),
        }
    }
    fn int(&self, k: &str) -> R<i64> {
        self.opt_int(k)?.ok_or_else(|| self.bad(k, msg::web_snapshot_kind_whole()))
    }
    fn i32(&self, k: &str) -> R<i32> {
        i32::try_from(self.int(k)?).map_err(|_| self.bad(k, msg::web_snapshot_kind_small_whole()))
    }
    fn opt_i32(&self, k: &str) -> R<Option<i32>> {
        self.opt_int(k)?
            .map(|n| i32::try_from(n).map_err(|_| self.bad(k, msg::web_snapshot_kind_small_whole())))
            .transpose()
    }
}

fn list<T>(v: &Value, path: &str, k: &str, f: fn(&Rec<'_>) -> R<T>) -> R<Vec<T>> {
    match v.get(k) {
        None | Some(Value::Null) => Ok(vec![]),
        Some(Value::Array(a)) => {
            a.iter().enumerate().map(|(i, x)| f(&Rec { v: x, path: format!("{path}.{k}[{i}]") })).collect()
        }
        Some(_) => Err(msg::web_snapshot_list(format!("{path}.{k}"))),
    }
}

fn wilayah(r: &Rec<'_>) -> R<Wilayah> {
    Ok(Wilayah {
        kode: r.teks("kode")?,
        tingkat: r.kode("tingkat", TingkatWilayah::parse)?,
        nama: r.teks("nama")?,
        induk: r.opt_teks("induk")?,
        nama_dalam_laporan: r.opt_teks("nama_dalam_laporan")?,
        sumber: r.teks("sumber")?,
    })
}

fn indikator(r: &Rec<'_>) -> R<Indikator> {
    Ok(Indikator {
        id: r.teks("id")?,
        nama: r.teks("nama")?,
        satuan: r.teks("satuan")?,
        polaritas: r.kode("polaritas", Polaritas::parse)?,
        presisi: u32::try_from(r.int("presisi")?).map_err(|_| r.bad("presisi", msg::web_snapshot_kind_presisi()))?,
        jenis: r.kode("jenis", JenisIndikator::parse)?,
        sumber: r.teks("sumber")?,
    })
}

fn renstra(r: &Rec<'_>) -> R<Renstra> {
    Ok(Renstra {
        id: r.teks("id")?,
        kode_unit: r.teks("kode_unit")?,
        tahun_awal: r.i32("tahun_awal")?,
        tahun_akhir: r.i32("tahun_akhir")?,
        visi: r.teks("visi")?,
        misi: r.teks("misi")?,
        sumber: r.teks("sumber")?,
    })
}

fn tujuan(r: &Rec<'_>) -> R<Tujuan> {
    Ok(Tujuan {
        id: r.teks("id")?,
        renstra_id: r.teks("renstra_id")?,
        uraian: r.teks("uraian")?,
        sumber: r.teks("sumber")?,
    })
}

fn sasaran(r: &Rec<'_>) -> R<Sasaran> {
    Ok(Sasaran {
        id: r.teks("id")?,
        tujuan_id: r.teks("tujuan_id")?,
        no: r.i32("no")?,
        uraian: r.teks("uraian")?,
        sumber: r.teks("sumber")?,
    })
}

fn sasaran_indikator(r: &Rec<'_>) -> R<SasaranIndikator> {
    Ok(SasaranIndikator {
        sasaran_id: r.teks("sasaran_id")?,
        indikator_id: r.teks("indikator_id")?,
        sumber: r.teks("sumber")?,
    })
}

fn target(r: &Rec<'_>) -> R<Target> {
    Ok(Target {
        kode_unit: r.teks("kode_unit")?,
        indikator_id: r.teks("indikator_id")?,
        tahun: r.i32("tahun")?,
        jenis: r.kode("jenis", JenisTarget::parse)?,
        nilai: r.desimal("nilai")?,
        label: r.opt_teks("label")?,
        sumber: r.teks("sumber")?,
    })
}

fn realisasi(r: &Rec<'_>) -> R<Realisasi> {
    Ok(Realisasi {
        kode_unit: r.teks("kode_unit")?,
        indikator_id: r.teks("indikator_id")?,
        tahun: r.i32("tahun")?,
        nilai: r.desimal("nilai")?,
        label: r.opt_teks("label")?,
        sumber: r.teks("sumber")?,
    })
}

fn skm_survei(r: &Rec<'_>) -> R<SkmSurvei> {
    Ok(SkmSurvei {
        kode_unit: r.teks("kode_unit")?,
        tahun: r.i32("tahun")?,
        skema: r.kode("skema", Skema::parse)?,
        bobot: r.kode("bobot", Bobot::parse)?,
        responden: r.int("responden")?,
        periode: r.opt_teks("periode")?,
        sumber: r.teks("sumber")?,
        populasi: r.opt_int("populasi")?,
    })
}

fn skm_nrr(r: &Rec<'_>) -> R<SkmNrr> {
    Ok(SkmNrr {
        kode_unit: r.teks("kode_unit")?,
        tahun: r.i32("tahun")?,
        unsur_id: r.teks("unsur_id")?,
        no_laporan: r.opt_i32("no_laporan")?,
        nama_dalam_laporan: r.opt_teks("nama_dalam_laporan")?,
        nrr: r.desimal("nrr")?,
        sumber: r.teks("sumber")?,
    })
}

fn skm_agregat(r: &Rec<'_>) -> R<SkmAgregat> {
    Ok(SkmAgregat {
        kode_unit: r.teks("kode_unit")?,
        tahun: r.i32("tahun")?,
        unsur_id: r.teks("unsur_id")?,
        jumlah: r.int("jumlah")?,
        n: r.int("n")?,
        sumber: r.teks("sumber")?,
    })
}

fn galat_ikm(r: &Rec<'_>) -> R<GalatSurvei> {
    Ok(GalatSurvei {
        kode_unit: r.teks("kode_unit")?,
        tahun: r.i32("tahun")?,
        galat_baku: r.desimal("galat_baku")?,
        konservatif: r.v.get("konservatif").and_then(Value::as_bool).unwrap_or(false),
    })
}

fn akip_komponen(r: &Rec<'_>) -> R<AkipKomponen> {
    Ok(AkipKomponen {
        kode_unit: r.teks("kode_unit")?,
        tahun: r.i32("tahun")?,
        skema: r.kode("skema", SkemaAkip::parse)?,
        komponen_id: r.teks("komponen_id")?,
        target: r.opt_desimal("target")?,
        realisasi: r.desimal("realisasi")?,
        sumber: r.teks("sumber")?,
    })
}

fn anggaran_program(r: &Rec<'_>) -> R<AnggaranProgram> {
    Ok(AnggaranProgram {
        kode_unit: r.teks("kode_unit")?,
        tahun: r.i32("tahun")?,
        kode_program: r.teks("kode_program")?,
        no_laporan: r.opt_i32("no_laporan")?,
        nama: r.teks("nama")?,
        anggaran: r.desimal("anggaran")?,
        realisasi: r.desimal("realisasi")?,
        keterangan: r.opt_teks("keterangan")?,
        sumber: r.teks("sumber")?,
    })
}

fn program_sasaran(r: &Rec<'_>) -> R<ProgramSasaran> {
    Ok(ProgramSasaran {
        kode_unit: r.teks("kode_unit")?,
        tahun: r.i32("tahun")?,
        kode_program: r.teks("kode_program")?,
        sasaran_id: r.teks("sasaran_id")?,
        sumber: r.teks("sumber")?,
    })
}

/// Parses a snapshot, checking its format version.
pub fn parse(text: &str) -> R<Snapshot> {
    if text.trim().is_empty() {
        return Err(msg::web_snapshot_empty());
    }
    let v: Value =
        serde_json::from_str(text).map_err(|e| msg::web_snapshot_not_json(e.line(), e.column(), e.to_string()))?;
    let versi = v.get("versi").and_then(Value::as_u64);
    match versi {
        Some(n) if (1..=u64::from(SNAPSHOT_VERSI)).contains(&n) => {}
        Some(n) => {
            return Err(msg::web_snapshot_version(n, SNAPSHOT_VERSI));
        }
        None => {
            return Err(msg::web_snapshot_no_version());
        }
    }
    let top = Rec { v: &v, path: "snapshot".into() };
    let incomplete = msg::web_snapshot_incomplete;
    let d =
        v.get("data").filter(|d| d.is_object()).ok_or_else(|| incomplete(msg::web_snapshot_object("snapshot.data")))?;
    let p = "snapshot.data";
    let data = (|| -> R<DataPerencana> {
        Ok(DataPerencana {
            wilayah: list(d, p, "wilayah", wilayah)?,
            indikator: list(d, p, "indikator", indikator)?,
            renstra: list(d, p, "renstra", renstra)?,
            tujuan: list(d, p, "tujuan", tujuan)?,
            sasaran: list(d, p, "sasaran", sasaran)?,
            sasaran_indikator: list(d, p, "sasaran_indikator", sasaran_indikator)?,
            target: list(d, p, "target", target)?,
            realisasi: list(d, p, "realisasi", realisasi)?,
            skm_survei: list(d, p, "skm_survei", skm_survei)?,
            skm_nrr: list(d, p, "skm_nrr", skm_nrr)?,
            akip_komponen: list(d, p, "akip_komponen", akip_komponen)?,
            anggaran_program: list(d, p, "anggaran_program", anggaran_program)?,
            program_sasaran: list(d, p, "program_sasaran", program_sasaran)?,
        })
    })()
    .map_err(incomplete)?;
    let snap = Snapshot {
        versi: SNAPSHOT_VERSI,
        // Version 1 held one kabupaten, under this name.
        kode_wilayah: top.teks(if versi == Some(1) { "kode_kabupaten" } else { "kode_wilayah" }).map_err(incomplete)?,
        dibuat: top.opt_teks("dibuat").map_err(incomplete)?.unwrap_or_default(),
        data,
        skm_agregat: list(&v, "snapshot", "skm_agregat", skm_agregat).map_err(incomplete)?,
        galat_ikm: list(&v, "snapshot", "galat_ikm", galat_ikm).map_err(incomplete)?,
        ringkas: v.get("ringkas").and_then(Value::as_bool).unwrap_or(false),
        dokumen: v.get("dokumen").and_then(Value::as_bool).unwrap_or(false),
    };
    urut(&snap.galat_ikm, "galat_ikm", |a, b| (&a.kode_unit, a.tahun) >= (&b.kode_unit, b.tahun))?;
    let d = &snap.data;
    urut(&d.wilayah, "wilayah", |a, b| a.kode > b.kode)?;
    urut(&d.realisasi, "realisasi", |a, b| {
        (&a.kode_unit, &a.indikator_id, a.tahun) > (&b.kode_unit, &b.indikator_id, b.tahun)
    })?;
    urut(&d.target, "target", |a, b| {
        (&a.kode_unit, &a.indikator_id, a.tahun) > (&b.kode_unit, &b.indikator_id, b.tahun)
    })?;
    Ok(snap)
}

/// Checks that rows come in the order `kinerja export snapshot` writes
/// them, regions by code, realisasi and targets by unit, indicator and
/// year: the order [`crate::compute::Data`] finds them in by binary search.
/// (Checking costs the app a few bytes; sorting would cost kilobytes.)
fn urut<T>(rows: &[T], table: &str, after: impl Fn(&T, &T) -> bool) -> R<()> {
    match rows.windows(2).position(|w| after(&w[0], &w[1])) {
        None => Ok(()),
        Some(i) => Err(msg::web_snapshot_order(table, i + 1)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_the_exporter_writes() {
        let mut snap = crate::fixture::snapshot();
        snap.skm_agregat.push(SkmAgregat {
            kode_unit: "12.19.01".into(),
            tahun: 2024,
            unsur_id: "waktu".into(),
            jumlah: 300,
            n: 97,
            sumber: "sintetis".into(),
        });
        snap.data.target[0].jenis = JenisTarget::Skenario("optimis".into());
        let text = serde_json::to_string(&snap).unwrap();
        assert!(text.contains("\"jenis\":\"skenario:optimis\""));
        assert_eq!(parse(&text).unwrap(), snap);
    }

    #[test]
    fn bad_snapshots_say_what_and_where() {
        let snap = crate::fixture::snapshot();
        let text = serde_json::to_string(&snap).unwrap();
        assert!(parse("").unwrap_err().render(kinerja_pesan::Lang::Id).contains("kosong"));
        assert!(parse("{\"versi\": 1,").unwrap_err().to_string().contains("line 1"));
        assert!(parse("{\"versi\": 3}").unwrap_err().to_string().contains("version 3"));
        // Version 1 (one kabupaten, `kode_kabupaten`) still reads; version 2
        // names the region `kode_wilayah`.
        let v1 = text.replacen("\"versi\":2", "\"versi\":1", 1).replacen("\"kode_wilayah\"", "\"kode_kabupaten\"", 1);
        assert_eq!(parse(&v1).map(|s| s.kode_wilayah), Ok("12.19".to_string()));
        // Rows out of the exporter's order are refused, not searched wrongly.
        let mut unordered = snap.clone();
        unordered.data.realisasi.reverse();
        let e = parse(&serde_json::to_string(&unordered).unwrap()).unwrap_err().to_string();
        assert!(
            e.contains("snapshot.data.realisasi[1]: expected rows in the order kinerja export snapshot writes"),
            "{e}"
        );
        let mixed = text.replacen("\"kode_wilayah\"", "\"kode_kabupaten\"", 1);
        assert!(parse(&mixed).unwrap_err().to_string().contains("snapshot.kode_wilayah"));
        assert!(parse("{}").unwrap_err().to_string().contains("versi"));
        assert!(parse("{\"versi\": 1}").unwrap_err().to_string().contains("snapshot.data"));
        // Decimals are strings: a float in a value field is refused, not rounded.
        let floaty = text.replacen("\"75.35\"", "75.35", 1);
        let e = parse(&floaty).unwrap_err().to_string();
        assert!(e.contains("snapshot.data.realisasi[3].nilai: expected a decimal string, found 75.35"), "{e}");
        let e = parse(&text.replacen("\"positif\"", "\"naik\"", 1)).unwrap_err().to_string();
        assert!(e.contains("snapshot.data.indikator[0].polaritas"), "{e}");
    }
}
