use std::collections::BTreeMap;

use kinerja_core::band::{IKM_2017, PREDIKAT_CAPAIAN};

use super::*;
use crate::doc::Cell;

#[test]
fn narasi_text_becomes_paragraphs_and_lists() {
    let b = blocks_of("Satu\nbaris.\r\n\r\n- a\n- b\n\n\nAkhir.");
    assert_eq!(
        b,
        vec![
            Block::Paragraph("Satu baris.".into()),
            Block::List(vec!["a".into(), "b".into()]),
            Block::Paragraph("Akhir.".into())
        ]
    );
}

#[test]
fn tables_and_charts_are_numbered_per_chapter_and_missing_text_is_listed() {
    let narasi = BTreeMap::from([("saran".to_string(), "Tingkatkan.".to_string())]);
    let mut w = Penulis::new(&narasi);
    w.bab("1", "BAB I");
    assert_eq!(w.nomor_tabel(), "Tabel 1.1");
    assert_eq!(w.nomor_tabel(), "Tabel 1.2");
    w.bab("3", "BAB III");
    assert_eq!(w.figure("x", String::new(), String::new()), "Grafik 3.1");
    assert_eq!(w.nomor_tabel(), "Tabel 3.1");
    let s = crate::doc::Section {
        title: String::new(),
        short: "x".into(),
        columns: vec!["a".into()],
        rows: vec![],
        notes: vec![],
    };
    assert_eq!(w.table(s, "Uji"), "t3_2");
    w.narasi("saran", "saran");
    w.narasi("analisis", "analisis keberhasilan");
    w.narasi("analisis", "analisis keberhasilan");
    let n = w.finish(Document::default(), "12.19.07", 2024);
    assert!(n.document.blocks.contains(&Block::Paragraph("Tingkatkan.".into())));
    assert!(n.document.blocks.contains(&Block::Placeholder("analisis keberhasilan".into())));
    assert_eq!(n.kosong, vec![("analisis".to_string(), "analisis keberhasilan".to_string())]);
}

#[test]
fn scales_print_every_band_with_its_range() {
    let s = bab3::skala(&IKM_2017, "Nilai IKM");
    let text: Vec<Vec<String>> = s.rows.iter().map(|r| r.iter().map(Cell::text).collect()).collect();
    assert_eq!(text[0], ["88,31 – 100,00", "A", "Sangat Baik"]);
    assert_eq!(text[1], ["76,61 – 88,30", "B", "Baik"]);
    assert_eq!(text[2], ["65,00 – 76,60", "C", "Kurang Baik"]);
    assert_eq!(text[3], ["25,00 – 64,99", "D", "Tidak Baik"]);
    let p = bab3::skala(&PREDIKAT_CAPAIAN, "Capaian");
    assert_eq!(p.rows.len(), PREDIKAT_CAPAIAN.bands.len());
}
