use super::*;

const SKEMA: Skema = Skema::PermenPanRb14_2017;

/// Answers from rows of nine scores per respondent (0: skipped).
fn jawaban(rows: &[[u8; 9]]) -> Jawaban {
    let answers = rows.iter().enumerate().flat_map(|(i, r)| {
        r.iter()
            .zip(SKEMA.unsur())
            .filter(|(s, _)| **s > 0)
            .map(move |(s, u)| (i64::try_from(i).unwrap(), u.id, Skor::try_from(*s).unwrap()))
    });
    Jawaban::from_answers(SKEMA, answers).unwrap()
}

fn bounds(s: &Selang) -> (String, String) {
    (s.bawah.to_string(), s.atas.to_string())
}

/// A population whose respondents answer the unsur alike: a level per
/// respondent (2 or 3) plus −1, 0 or +1 per answer, about one answer in
/// thirty skipped.
fn populasi(acak: &mut SplitMix64, size: usize) -> Vec<[u8; 9]> {
    (0..size)
        .map(|_| {
            let level = 2 + acak.below(2);
            std::array::from_fn(|_| {
                let skipped = acak.below(30) == 0;
                let s = u8::try_from((level + acak.below(3)).clamp(2, 5) - 1).unwrap();
                if skipped { 0 } else { s }
            })
        })
        .collect()
}

fn sample(acak: &mut SplitMix64, pop: &[[u8; 9]], n: usize) -> Jawaban {
    let rows: Vec<[u8; 9]> = (0..n).map(|_| pop[acak.below(pop.len())]).collect();
    jawaban(&rows)
}

#[test]
fn without_skips_the_interval_is_the_mean_of_the_respondents_ikm() {
    // Respondent IKMs 100, 75, 75, 50: s² = 1250/3, se = √(1250/12) = 10,20620…
    let j = jawaban(&[[4; 9], [3; 9], [3; 9], [2; 9]]);
    let s = j.selang(Bobot::Tepat, None).unwrap();
    assert_eq!(s.galat_baku.to_string(), "10.2063");
    assert_eq!(bounds(&s), ("55.00".into(), "95.00".into()));
    assert_eq!(s.metode, Metode::Analitik);
    // A census of a population of four has no sampling error.
    let census = j.selang(Bobot::Tepat, Some(4)).unwrap();
    assert_eq!(bounds(&census), ("75.00".into(), "75.00".into()));
}

#[test]
fn skipped_answers_are_left_out_as_the_ikm_leaves_them_out() {
    let rows = [[4, 4, 4, 4, 4, 4, 4, 4, 0], [3, 3, 3, 3, 3, 3, 3, 3, 3], [2, 2, 2, 2, 2, 2, 2, 2, 2]];
    let j = jawaban(&rows);
    assert_eq!(j.responden(), 3);
    assert_eq!(j.ikm(Bobot::Tepat).unwrap().nilai, j.tally().ikm(Bobot::Tepat).unwrap().nilai);
    // u9's NRR is 2,5 (two answers), the others' 3: IKM = 25·(8·3 + 2,5)/9.
    assert_eq!(j.ikm(Bobot::Tepat).unwrap().rounded().unwrap().to_string(), "73.61");
    let s = j.selang(Bobot::Tepat, None).unwrap();
    assert!(s.bawah < Decimal::new(7361, 2) && Decimal::new(7361, 2) < s.atas);
}

#[test]
fn a_second_answer_or_a_single_respondent_is_refused() {
    let u = SKEMA.unsur()[0].id;
    let twice = [(1, u, Skor::try_from(3).unwrap()), (1, u, Skor::try_from(4).unwrap())];
    assert!(Jawaban::from_answers(SKEMA, twice).is_err());
    let one = jawaban(&[[3; 9]]);
    assert!(one.selang(Bobot::Tepat, None).is_err());
    assert!(one.bootstrap(Bobot::Tepat, 100, 1).is_err());
    assert!(jawaban(&[[3; 9], [0, 3, 3, 3, 3, 3, 3, 3, 3]]).bootstrap(Bobot::Tepat, 1, 1).is_err());
}

/// Coverage on 1,000 simulated surveys of 97 respondents from a population
/// of 5,000 (correlated unsur, skips): the analytic interval covers the
/// population's IKM in 93–97 % of them, as a 95 % interval should.
#[test]
fn the_analytic_interval_covers_95_percent_of_simulated_surveys() {
    let mut acak = SplitMix64(2024);
    let pop = populasi(&mut acak, 5000);
    let truth = jawaban(&pop).ikm(Bobot::Tepat).unwrap().rounded().unwrap();
    let runs = 1000;
    let covered =
        (0..runs).filter(|_| sample(&mut acak, &pop, 97).selang(Bobot::Tepat, None).unwrap().memuat(truth)).count();
    assert!((930..=970).contains(&covered), "covered {covered} of {runs}");
}

/// The bootstrap and the analytic interval agree within the bootstrap's
/// Monte-Carlo error, and the conservative bound is never narrower.
#[test]
fn the_bootstrap_agrees_with_the_analytic_interval() {
    let mut acak = SplitMix64(7);
    let pop = populasi(&mut acak, 5000);
    for n in [60, 97, 200] {
        let j = sample(&mut acak, &pop, n);
        let a = j.selang(Bobot::Tepat, None).unwrap();
        let b = j.bootstrap(Bobot::Tepat, 2000, 42).unwrap();
        let k = super::super::ikm_konservatif(j.ikm(Bobot::Tepat).unwrap().nilai, j.responden(), None).unwrap();
        let tol = Decimal::new(35, 2);
        assert!((a.bawah - b.bawah).abs() <= tol && (a.atas - b.atas).abs() <= tol, "n={n}: {a:?} vs {b:?}");
        let ratio = b.galat_baku / a.galat_baku;
        assert!(ratio > Decimal::new(9, 1) && ratio < Decimal::new(11, 1), "n={n}: se {ratio}");
        assert!(k.bawah <= a.bawah && a.atas <= k.atas, "n={n}: {k:?} narrower than {a:?}");
        assert_eq!(b.metode, Metode::Bootstrap { ulangan: 2000 });
    }
}

#[test]
fn the_bootstrap_is_the_same_for_the_same_seed() {
    let mut acak = SplitMix64(11);
    let pop = populasi(&mut acak, 500);
    let j = sample(&mut acak, &pop, 50);
    let once = j.bootstrap(Bobot::Tepat, 500, 3).unwrap();
    assert_eq!(once, j.bootstrap(Bobot::Tepat, 500, 3).unwrap());
    let other = j.bootstrap(Bobot::Tepat, 500, 4).unwrap();
    assert!((once.bawah - other.bawah).abs() < Decimal::ONE);
}

#[test]
fn percentiles_interpolate_between_ranks() {
    let v: Vec<i128> = (0..=10).map(|x| x * SKALA_TETAP).collect();
    // 2,5 % of 0..10 is 0,25; 97,5 % is 9,75.
    assert_eq!(persentil(&v, 25).unwrap(), Ratio::constant(1, 4));
    assert_eq!(persentil(&v, 975).unwrap(), Ratio::constant(39, 4));
    // sd of 0..10 = √11 = 3,3166…
    assert_eq!(simpangan_baku(&v).unwrap().to_string(), "3.3167");
}
