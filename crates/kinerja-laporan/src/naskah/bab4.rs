//! Bab IV Penutup: conclusions drawn from the figures, the kecamatan's own
//! saran, and the camat's signature.

use super::{Penulis, kalimat};
use crate::doc::Block;
use crate::model::Laporan;

pub(super) fn tulis(w: &mut Penulis<'_>, l: &Laporan) {
    w.bab("4", "BAB IV PENUTUP");
    w.heading("A. Kesimpulan");
    for p in kalimat::kesimpulan(l) {
        w.para(p);
    }
    if w.teks("kesimpulan_tambahan").is_some() {
        w.narasi("kesimpulan_tambahan", "kesimpulan tambahan");
    }
    w.heading("B. Saran dan Langkah ke Depan");
    w.narasi("saran", "saran dan langkah ke depan");
    let ttd = w.ttd_camat(&l.unit.nama, "tanggal_lkjip");
    w.push(Block::Signatures(vec![ttd]));
}
