//! Currency words and symbols to ISO 4217 codes.
