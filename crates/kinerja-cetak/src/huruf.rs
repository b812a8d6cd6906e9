//! The fonts every printed document embeds: Liberation Serif (SIL OFL 1.1,
//! `fonts/COPYRIGHT`), metric-compatible with Times New Roman.

/// The family name documents and charts ask for.
pub(crate) const FAMILY: &str = "Liberation Serif";

/// Regular, bold, italic and bold italic.
pub(crate) static FACES: [&[u8]; 4] = [
    include_bytes!("../fonts/LiberationSerif-Regular.ttf"),
    include_bytes!("../fonts/LiberationSerif-Bold.ttf"),
    include_bytes!("../fonts/LiberationSerif-Italic.ttf"),
    include_bytes!("../fonts/LiberationSerif-BoldItalic.ttf"),
];
