//! JSON Lines: one [`Claim`] per line, the format other tools read
//! (documented in `docs/schema.md`).

use std::io::{self, Write};

use crate::model::Claim;

/// Write `claims` as JSON Lines, reusing `buf` between calls.
pub fn write_claims<W: Write + ?Sized>(
    out: &mut W,
    claims: &[Claim],
    buf: &mut Vec<u8>,
) -> io::Result<()> {
    for c in claims {
        buf.clear();
        serde_json::to_writer(&mut *buf, c).map_err(io::Error::other)?;
        buf.push(b'\n');
        out.write_all(buf)?;
    }
    Ok(())
}
