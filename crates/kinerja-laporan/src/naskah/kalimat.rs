//! The standard sentences of an LKjIP, generated from the figures: every
//! number is the model's (the tables print the same), every direction or
//! achievement word is the core's (`kinerja_core::kata`).

use kinerja_core::capaian::{JenisIndikator, kekurangan};
use kinerja_core::kata::{Gerak, Ketercapaian, Posisi, efisien, satuan_selisih};
use kinerja_core::notation::format_number;
use kinerja_core::selang::{Galat, Metode, Perubahan, perubahan};
use kinerja_core::{Decimal, Ratio};

use crate::model::{Akip, Bahan, BarisCapaian, BarisEfisiensi, Laporan, MultiTahun, Skm, TotalProgram};

/// A number in Indonesian notation with `dp` decimals.
pub(crate) fn angka(d: Decimal, dp: u32) -> String {
    format_number(d, dp).unwrap_or_else(|e| format!("#{e}"))
}

/// A number with two decimals.
pub(crate) fn n2(d: Decimal) -> String {
    angka(d, 2)
}

/// A percentage: `88,65%`.
pub(crate) fn pct(d: Decimal) -> String {
    format!("{}%", n2(d))
}

/// Rupiah as printed in a sentence: `Rp 2.960.780.030`.
pub(crate) fn rp(d: Decimal) -> String {
    format!("Rp {}", angka(d, 0))
}

/// A value with its unit: `75,35` (an index), `88,65%`, `12 dokumen`.
fn nilai(d: Decimal, satuan: &str) -> String {
    match satuan.trim() {
        "%" => pct(d),
        "" | "Nilai" | "nilai" | "Indeks" | "indeks" => n2(d),
        s => format!("{} {s}", n2(d)),
    }
}

pub(crate) fn kata_pengantar(l: &Laporan) -> String {
    format!(
        "Laporan Kinerja Instansi Pemerintah (LKjIP) Kantor Camat {} Tahun {} disusun sebagai wujud \
         pertanggungjawaban atas pelaksanaan tugas pokok dan fungsi serta pencapaian sasaran strategis \
         yang ditetapkan dalam Rencana Strategis dan Perjanjian Kinerja tahun {}, sesuai Peraturan \
         Presiden Nomor 29 Tahun 2014 dan Peraturan Menteri PANRB Nomor 53 Tahun 2014. Laporan ini \
         memuat capaian setiap indikator kinerja beserta perbandingannya dengan tahun-tahun sebelumnya, \
         target akhir Renstra dan kecamatan lain, hasil survei kepuasan masyarakat, evaluasi akuntabilitas \
         kinerja, serta realisasi anggaran.",
        l.unit.nama, l.tahun, l.tahun
    )
}

/// How many indicators reached, passed or missed their targets.
fn hitung_ketercapaian(l: &Laporan) -> (usize, usize, usize) {
    let mut n = (0, 0, 0);
    for c in &l.capaian {
        match c.target.map(|t| Ketercapaian::of(t, c.realisasi, c.polaritas)) {
            Some(Ketercapaian::Melampaui) => n.0 += 1,
            Some(Ketercapaian::Tercapai) => n.1 += 1,
            Some(Ketercapaian::TidakTercapai) => n.2 += 1,
            None => {}
        }
    }
    n
}

pub(crate) fn ikhtisar(l: &Laporan, b: &Bahan) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(r) = &b.renstra {
        out.push(format!(
            "Kantor Camat {} melaksanakan Rencana Strategis {}–{} yang dijabarkan dalam Perjanjian Kinerja tahun {} \
             dengan {} indikator kinerja.",
            l.unit.nama,
            r.tahun_awal,
            r.tahun_akhir,
            l.tahun,
            l.pk.len()
        ));
    }
    let (lampau, capai, gagal) = hitung_ketercapaian(l);
    out.push(format!(
        "Dari {} indikator yang diukur pada tahun {}, {lampau} indikator melampaui target, {capai} indikator \
         mencapai target dan {gagal} indikator belum mencapai target.",
        l.capaian.len(),
        l.tahun
    ));
    out.extend(l.capaian.iter().map(capaian_singkat));
    if let Some(t) = &l.total_program {
        out.push(anggaran(t, l.tahun));
    }
    out
}

fn capaian_singkat(c: &BarisCapaian) -> String {
    let mut s = format!("{}: realisasi {}", c.indikator, nilai(c.realisasi, &c.satuan));
    if let (Some(t), Some(cap)) = (c.target, c.capaian) {
        s.push_str(&format!(" dari target {} (capaian {}", nilai(t, &c.satuan), pct(cap)));
        if let Some(p) = &c.predikat {
            s.push_str(&format!(", predikat {p}"));
        }
        s.push(')');
    }
    s.push('.');
    s
}

/// A generated sentence and the figures it prints, by name, with the
/// words it chose: what its transcription relates.
pub(crate) struct Kalimat {
    pub teks: String,
    pub nilai: Vec<(&'static str, String)>,
    /// The movement from the year before (figures `dari`, `selisih`,
    /// `persen`).
    pub gerak: Option<Gerak>,
    /// The realisasi against its target (figures `target`, `realisasi`).
    pub ketercapaian: Option<Ketercapaian>,
    /// The realisasi against the Renstra's final target (figures `akhir`
    /// and, when not reached, `kurang`).
    pub renstra: Option<Ketercapaian>,
}

impl Kalimat {
    fn new() -> Kalimat {
        Kalimat { teks: String::new(), nilai: Vec::new(), gerak: None, ketercapaian: None, renstra: None }
    }

    /// Appends text.
    fn t(&mut self, s: &str) {
        self.teks.push_str(s);
    }

    /// Appends a figure, as printed, under `name`.
    fn n(&mut self, name: &'static str, printed: String) {
        self.teks.push_str(&printed);
        self.nilai.push((name, printed));
    }
}

/// The capaian sentence of one indicator, its change from the year before
/// and what remains to the Renstra's final target.
pub(crate) fn capaian(l: &Laporan, c: &BarisCapaian) -> Kalimat {
    let mut k = Kalimat::new();
    k.t(&format!("Capaian kinerja indikator {} tahun {} sebesar ", c.indikator, l.tahun));
    k.n("realisasi", nilai(c.realisasi, &c.satuan));
    if let Some(t) = c.target {
        k.t(" dari target ");
        k.n("target", nilai(t, &c.satuan));
        if let Some(cap) = c.capaian {
            k.t(", sehingga persentase capaian kinerjanya ");
            k.n("capaian", pct(cap));
            if let Some(p) = &c.predikat {
                k.t(&format!(" (predikat {p})"));
            }
        }
        let kata = Ketercapaian::of(t, c.realisasi, c.polaritas);
        k.t(&format!("; realisasi {}", kata.kata()));
        k.ketercapaian = Some(kata);
    }
    k.t(".");
    if let Some(m) = l.multi_tahun.iter().find(|m| m.indikator_id == c.indikator_id) {
        banding_tahun_lalu(&mut k, l, c, m);
    }
    sisa_renstra(&mut k, l, c);
    k
}

/// ` Dibandingkan tahun 2023 (80,50), realisasi turun 5,15 poin (6,40%).`
/// For an IKM whose surveys' standard errors are known, the change's 95 %
/// interval follows, and a change the interval cannot tell from sampling
/// variation is not called an improvement or a decline.
fn banding_tahun_lalu(k: &mut Kalimat, l: &Laporan, c: &BarisCapaian, m: &MultiTahun) {
    let Some(b) = m.dibanding.iter().filter(|b| b.tahun_dari < l.tahun).max_by_key(|b| b.tahun_dari) else { return };
    let gerak = Gerak::of(b.nilai_dari, c.realisasi);
    k.t(&format!(" Dibandingkan tahun {} (", b.tahun_dari));
    k.n("dari", nilai(b.nilai_dari, &c.satuan));
    k.t(&format!("), realisasi {}", gerak.kata()));
    k.gerak = Some(gerak);
    if gerak != Gerak::Tetap {
        if let Some(sel) = b.selisih {
            k.t(" ");
            k.n("selisih", format!("{} {}", n2(sel.abs()), satuan_selisih(&c.satuan)));
        }
        if let Some(p) = b.persen {
            k.t(" (");
            k.n("persen", pct(p.abs()));
            k.t(")");
        }
        let terbedakan = match perubahan_ikm(l, c, b.tahun_dari, b.nilai_dari) {
            Some(p) => {
                k.t(&format!(", dengan selang 95% {} s.d. {}", n2(p.selang.bawah), n2(p.selang.atas)));
                if p.selang.metode == Metode::Konservatif {
                    k.t(" (konservatif)");
                }
                if !p.terbedakan {
                    k.t(": belum dapat dibedakan dari variasi sampel");
                }
                p.terbedakan
            }
            None => true,
        };
        if let Some(baik) = gerak.membaik(c.polaritas).filter(|_| terbedakan) {
            k.t(if baik { ", sebuah perbaikan" } else { ", sebuah penurunan kinerja" });
        }
    }
    k.t(".");
}

/// The change of an IKM indicator's realisasi from `tahun_dari` with its
/// 95 % interval, when both years' standard errors are known.
fn perubahan_ikm(l: &Laporan, c: &BarisCapaian, tahun_dari: i32, dari: Decimal) -> Option<Perubahan> {
    if c.jenis != JenisIndikator::Ikm {
        return None;
    }
    let (kini, lalu) = (l.galat(&l.unit.kode, l.tahun)?, l.galat(&l.unit.kode, tahun_dari)?);
    let (a, b) = (Ratio::from_decimal(c.realisasi), Ratio::from_decimal(dari));
    perubahan((a, &kini.selang_ikm(a).ok()?), (b, &lalu.selang_ikm(b).ok()?)).ok()
}

/// What remains to the Renstra's final-year target.
fn sisa_renstra(k: &mut Kalimat, l: &Laporan, c: &BarisCapaian) {
    let Some(r) = l.renstra.iter().find(|r| r.indikator_id == c.indikator_id) else { return };
    let Some(akhir) = r.tahun.iter().find(|t| t.tahun == r.tahun_akhir) else { return };
    if r.tahun_akhir <= l.tahun {
        return;
    }
    let kata = Ketercapaian::of(akhir.target, c.realisasi, c.polaritas);
    match (kata, kekurangan(akhir.target, c.realisasi, c.polaritas)) {
        (Ketercapaian::TidakTercapai, Ok(kurang)) => {
            k.t(&format!(" Terhadap target akhir Renstra tahun {} (", r.tahun_akhir));
            k.n("akhir", nilai(akhir.target, &c.satuan));
            k.t("), masih diperlukan ");
            k.n("kurang", format!("{} {}", n2(kurang), satuan_selisih(&c.satuan)));
            k.t(".");
        }
        _ => {
            k.t(&format!(" Realisasi tahun {} telah {} akhir Renstra tahun {} (", l.tahun, kata.kata(), r.tahun_akhir));
            k.n("akhir", nilai(akhir.target, &c.satuan));
            k.t(").");
        }
    }
    k.renstra = Some(kata);
}

/// The SKM paragraph: respondents, the IKM and its mutu, the highest and
/// the lowest unsur.
pub(crate) fn skm(s: &Skm, tahun: i32, galat: Option<Galat>) -> String {
    let ikm = s.ikm_resmi.or(s.ikm);
    let mutu = s.mutu_resmi.clone().or(s.mutu.clone());
    let mut out = format!("Survei Kepuasan Masyarakat tahun {tahun}");
    if let Some(r) = s.responden {
        out.push_str(&format!(" melibatkan {r} responden dan"));
    }
    match ikm {
        Some(v) => out.push_str(&format!(" menghasilkan Indeks Kepuasan Masyarakat {}", n2(v))),
        None => out.push_str(" belum menghasilkan Indeks Kepuasan Masyarakat"),
    }
    if let Some(m) = mutu {
        let kinerja = s.kinerja_resmi.clone().or(s.kinerja.clone()).unwrap_or_default();
        out.push_str(&format!(" dengan mutu pelayanan {m} ({kinerja})"));
    }
    out.push('.');
    out.push_str(&sampel(s.responden, s.populasi, ikm.zip(galat)));
    let nrr: Vec<(&str, Decimal)> = s
        .unsur
        .iter()
        .filter_map(|u| Some((u.nama_dalam_laporan.as_deref().or(u.unsur.as_deref()).unwrap_or(&u.unsur_id), u.nrr?)))
        .collect();
    let max = nrr.iter().max_by_key(|(_, v)| *v);
    let min = nrr.iter().min_by_key(|(_, v)| *v);
    if let (Some(hi), Some(lo)) = (max, min) {
        out.push_str(&format!(
            " Nilai rata-rata (NRR) tertinggi pada unsur {} ({}) dan terendah pada unsur {} ({}).",
            hi.0,
            n2(hi.1),
            lo.0,
            n2(lo.1)
        ));
    }
    out
}

/// How sure the IKM is, and the regulation's sample test, when the
/// respondents are known: the 95 % interval (from the raw answers, or a
/// conservative one said to be one) and the largest population the
/// sample suffices for.
fn sampel(responden: Option<i64>, populasi: Option<i64>, ikm: Option<(Decimal, Galat)>) -> String {
    let Some(r) = responden.and_then(|r| u32::try_from(r).ok()).filter(|r| *r > 0) else { return String::new() };
    let populasi = populasi.and_then(|p| u64::try_from(p).ok());
    let group = |n: u64| format_number(Decimal::from(n), 0).unwrap_or_default();
    let mut out = String::new();
    if let Some((s, g)) = ikm.and_then(|(v, g)| Some((g.selang_ikm(Ratio::from_decimal(v)).ok()?, g))) {
        let how = match g.metode {
            Metode::Konservatif => {
                "konservatif IKM tersebut adalah {} – {} (batas Bhatia–Davis dari IKM dan jumlah responden)"
            }
            _ => "IKM tersebut, dihitung dari jawaban responden, adalah {} – {}",
        };
        let how = how.replacen("{}", &n2(s.bawah), 1).replacen("{}", &n2(s.atas), 1);
        out.push_str(&format!(" Dengan {r} responden, selang 95% {how}."));
    }
    let k = kinerja_core::sampel::kecukupan(r, populasi);
    let sumber = kinerja_core::sampel::SUMBER;
    out.push_str(&match (k.populasi, k.minimum, k.cukup) {
        (Some(n), Some(m), Some(true)) => {
            format!(" Menurut {sumber}, {r} responden mencukupi populasi {} pengguna layanan (minimum {m}).", group(n))
        }
        (Some(n), Some(m), _) => format!(
            " Menurut {sumber}, {r} responden kurang dari sampel minimum {m} untuk populasi {} pengguna layanan.",
            group(n)
        ),
        _ => match k.populasi_maksimum {
            Some(n) => format!(
                " Menurut {sumber}, {r} responden mencukupi populasi paling banyak {} pengguna layanan.",
                group(n)
            ),
            None => format!(" Menurut {sumber}, {r} responden mencukupi populasi berapa pun."),
        },
    });
    out
}

/// The AKIP paragraph.
pub(crate) fn akip(a: &Akip, tahun: i32) -> String {
    let mut out = format!("Hasil evaluasi akuntabilitas kinerja tahun {tahun}");
    match a.realisasi {
        Some(r) => out.push_str(&format!(" memberikan nilai {}", n2(r))),
        None => out.push_str(" belum memberikan nilai"),
    }
    if let Some(p) = &a.predikat {
        let label = a.predikat_label.clone().map(|l| format!(" ({l})")).unwrap_or_default();
        out.push_str(&format!(" dengan predikat {p}{label}"));
    }
    if let (Some(t), Some(r)) = (a.target, a.realisasi) {
        out.push_str(&format!(", {} target {}", Posisi::of(r, t).kata(), n2(t)));
    }
    out.push('.');
    if let Some(k) = a.komponen.iter().filter_map(|k| Some((k, k.persen?))).min_by_key(|(_, p)| *p) {
        let nama = k.0.komponen.clone().unwrap_or(k.0.komponen_id.clone());
        out.push_str(&format!(" Komponen dengan persentase pemenuhan terendah adalah {nama} ({}).", pct(k.1)));
    }
    out
}

/// The budget paragraph: penyerapan, sisa.
pub(crate) fn anggaran(t: &TotalProgram, tahun: i32) -> String {
    let mut out =
        format!("Realisasi anggaran program tahun {tahun} sebesar {} dari pagu {}", rp(t.realisasi), rp(t.anggaran));
    if let Some(p) = t.penyerapan {
        out.push_str(&format!(" atau penyerapan {}", pct(p)));
    }
    if let Some(s) = t.sisa {
        out.push_str(&format!(", dengan sisa anggaran {}", rp(s)));
    }
    out.push('.');
    out
}

/// The efficiency paragraph: capaian against penyerapan per sasaran.
pub(crate) fn efisiensi(rows: &[BarisEfisiensi]) -> Option<String> {
    let parts: Vec<String> = rows
        .iter()
        .filter_map(|r| {
            let (c, p, e) = (r.capaian?, r.penyerapan?, r.efisiensi?);
            let nama = r.sasaran.clone().or(r.indikator.clone()).unwrap_or_default();
            let kata = efisien(e);
            Some(format!("{nama}: capaian {} dengan penyerapan {}, efisiensi {} ({kata})", pct(c), pct(p), pct(e)))
        })
        .collect();
    (!parts.is_empty()).then(|| format!("Efisiensi penggunaan sumber daya per sasaran — {}.", parts.join("; ")))
}

/// `Sei Balai berada di peringkat 2 dari 12 kecamatan untuk IKM.`
pub(crate) fn peringkat(l: &Laporan, indikator_id: &str, nama: &str) -> Option<String> {
    let rows: Vec<_> = l.pembanding.iter().filter(|p| p.indikator_id == indikator_id).collect();
    let own = rows.iter().find(|p| p.kode_unit == l.unit.kode)?.per_tahun.get(&l.tahun)?;
    let ada = rows.iter().filter(|p| p.per_tahun.get(&l.tahun).is_some_and(|t| t.ada_data)).count();
    let mut out = format!(
        "Untuk indikator {nama}, Kecamatan {} berada di peringkat {} dari {ada} kecamatan yang memiliki data tahun {}.",
        l.unit.nama, own.peringkat?, l.tahun
    );
    let rentang = crate::lkjip::kepastian_pembanding(l, indikator_id)
        .into_iter()
        .find(|(k, _)| *k == l.unit.kode)
        .and_then(|(_, (_, r))| r);
    match rentang {
        Some((a, b)) if a == b => out.push_str(" Selang 95% IKM seluruh kecamatan memastikan peringkat tersebut."),
        Some((a, b)) => out.push_str(&format!(
            " Mengingat selang 95% IKM setiap kecamatan, peringkat tersebut dapat berada antara {a} dan {b}."
        )),
        None => {}
    }
    Some(out)
}

/// The conclusions drawn from the figures.
pub(crate) fn kesimpulan(l: &Laporan) -> Vec<String> {
    let (lampau, capai, gagal) = hitung_ketercapaian(l);
    let mut out = vec![format!(
        "Pada tahun {}, {} dari {} indikator kinerja Kantor Camat {} mencapai atau melampaui target, dan {gagal} \
         indikator belum mencapai target.",
        l.tahun,
        lampau + capai,
        l.capaian.len(),
        l.unit.nama
    )];
    out.extend(l.capaian.iter().filter(|c| c.target.is_some()).map(capaian_singkat));
    if let Some(t) = &l.total_program {
        out.push(anggaran(t, l.tahun));
    }
    out
}

/// Bab I's overview: desa, area, dusun, KK and population.
pub(crate) fn gambaran_umum(l: &Laporan, b: &Bahan) -> Option<String> {
    if b.desa.is_empty() {
        return None;
    }
    let luas: Decimal = b.desa.iter().map(|d| d.luas_ha).sum();
    let (dusun, kk): (i64, i64) = (b.desa.iter().map(|d| d.dusun).sum(), b.desa.iter().map(|d| d.kk).sum());
    let (lk, pr): (i64, i64) = (b.desa.iter().map(|d| d.penduduk_l).sum(), b.desa.iter().map(|d| d.penduduk_p).sum());
    let mut kecamatan: Vec<&str> = l.pembanding.iter().map(|p| p.kode_unit.as_str()).collect();
    kecamatan.sort_unstable();
    kecamatan.dedup();
    let kab = l.unit.nama_kabupaten.clone().unwrap_or_default();
    let salah_satu = match kecamatan.len() {
        0 => String::new(),
        n => format!("Kecamatan {} adalah salah satu dari {n} kecamatan di Kabupaten {kab}. ", l.unit.nama),
    };
    Some(format!(
        "{salah_satu}Kecamatan {} terdiri atas {} desa dengan luas wilayah {} Ha, {} dusun dan {} kepala keluarga (KK). \
         Jumlah penduduk tahun {} sebanyak {} jiwa, terdiri atas {} jiwa laki-laki dan {} jiwa perempuan.",
        l.unit.nama,
        b.desa.len(),
        angka(luas, 2),
        angka(dusun.into(), 0),
        angka(kk.into(), 0),
        l.tahun,
        angka((lk + pr).into(), 0),
        angka(lk.into(), 0),
        angka(pr.into(), 0)
    ))
}
