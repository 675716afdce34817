//! Embedded data tables (companies, metrics, currencies, FX rates), parsed
//! once from the TSV files beside this module.
