//! Data model (filled with the data files).
