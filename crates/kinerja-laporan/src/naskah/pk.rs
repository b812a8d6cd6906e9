//! The Perjanjian Kinerja (PermenPANRB 53/2014's form): the parties, the
//! agreement, the sasaran–indikator–target table, the programs with their
//! pagu, and the signatures of the camat (pihak pertama) and the bupati
//! (pihak kedua). Printed on its own (`kinerja pk`) and as the LKjIP's
//! Lampiran.

use kinerja_core::Decimal;

use super::{Naskah, Penulis};
use crate::doc::{Block, Cell, Section, Signature};
use crate::lkjip;
use crate::model::{Bahan, Laporan};
use crate::{Document, SINTETIS};

/// The PK of the kecamatan-year as a document of its own; `revisi` names
/// the target revision it prints (`pk`, `pk_perubahan`, a scenario).
pub fn perjanjian_kinerja(l: &Laporan, b: &Bahan, revisi: &str) -> Naskah {
    let mut w = Penulis::new(&b.narasi);
    w.push(Block::Chapter(format!("PERJANJIAN KINERJA TAHUN {}", l.tahun)));
    pihak(&mut w, l);
    let ttd = tanda_tangan(&mut w, l);
    w.push(Block::Signatures(ttd.clone()));
    w.push(Block::PageBreak);
    w.bab("L", &format!("LAMPIRAN PERJANJIAN KINERJA TAHUN {}", l.tahun));
    tabel(&mut w, l);
    w.push(Block::Signatures(ttd));
    let kab = l.unit.nama_kabupaten.clone().unwrap_or_default();
    let doc = Document {
        title: format!("Perjanjian Kinerja Kecamatan {} Tahun {}", l.unit.nama, l.tahun),
        sub: vec![format!("Kabupaten {kab} · kode {} · revisi target: {revisi}", l.unit.kode)],
        mark: l.sintetis.then(|| SINTETIS.to_string()),
        date: Some(super::tanggal(l)),
        ..Document::default()
    };
    w.finish(doc, &l.unit.kode, l.tahun)
}

/// The PK form inside the LKjIP (Lampiran).
pub(super) fn lampiran(w: &mut Penulis<'_>, l: &Laporan) {
    w.heading(format!("Perjanjian Kinerja Tahun {}", l.tahun));
    pihak(w, l);
    tabel(w, l);
    let ttd = tanda_tangan(w, l);
    w.push(Block::Signatures(ttd));
}

fn pihak(w: &mut Penulis<'_>, l: &Laporan) {
    let kab = l.unit.nama_kabupaten.clone().unwrap_or_default();
    let camat = w.isian("camat_nama", "nama camat");
    let bupati = w.isian("bupati_nama", "nama bupati");
    w.para(
        "Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta berorientasi \
         pada hasil, kami yang bertanda tangan di bawah ini:",
    );
    w.push(Block::List(vec![
        format!("Nama: {camat}; Jabatan: Camat {}; selanjutnya disebut pihak pertama.", l.unit.nama),
        format!("Nama: {bupati}; Jabatan: Bupati {kab}; selaku atasan pihak pertama, selanjutnya disebut pihak kedua."),
    ]));
    w.para(
        "Pihak pertama berjanji akan mewujudkan target kinerja yang seharusnya sesuai lampiran perjanjian ini, \
         dalam rangka mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam dokumen \
         perencanaan. Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab \
         pihak pertama. Pihak kedua akan melakukan supervisi yang diperlukan serta evaluasi terhadap capaian \
         kinerja dari perjanjian ini dan mengambil tindakan yang diperlukan dalam rangka pemberian penghargaan \
         dan sanksi.",
    );
}

fn tanda_tangan(w: &mut Penulis<'_>, l: &Laporan) -> Vec<Signature> {
    let kab = l.unit.nama_kabupaten.clone().unwrap_or_default();
    let camat = w.ttd_camat(&l.unit.nama, "tanggal_pk");
    let bupati = Signature {
        place_date: Some(String::new()),
        role: format!("BUPATI {}", kab.to_uppercase()),
        name: w.isian("bupati_nama", "nama bupati"),
        pangkat: None,
        nip: None,
    };
    vec![bupati, camat]
}

/// The sasaran–indikator–target table and the programs with their pagu.
fn tabel(w: &mut Penulis<'_>, l: &Laporan) {
    w.table(lkjip::pk(l), &format!("Sasaran, Indikator Kinerja dan Target Tahun {}", l.tahun));
    if l.program.is_empty() {
        return;
    }
    let mut rows: Vec<Vec<Cell>> = l
        .program
        .iter()
        .enumerate()
        .map(|(i, p)| {
            vec![
                Cell::Text(format!("{}.", i + 1)),
                Cell::Text(p.uraian.clone().unwrap_or(p.kode.clone())),
                Cell::Rupiah(p.anggaran),
            ]
        })
        .collect();
    let total: Decimal = l.program.iter().map(|p| p.anggaran).sum();
    rows.push(vec![Cell::Text(String::new()), Cell::Text("Jumlah".into()), Cell::Rupiah(total)]);
    let s = Section {
        title: String::new(),
        short: "PK Program".into(),
        columns: vec!["No.".into(), "Program".into(), "Anggaran (Rp)".into()],
        rows,
        notes: vec![],
    };
    let id = w.table(s.clone(), &format!("Program dan Anggaran Tahun {}", l.tahun));
    w.catat.jumlah_kolom(&id, &s, &[2]);
}
