//! Reading and lightly editing wasm binaries: a module is a header and a list of sections, each an
//! id, a LEB128 length and its bytes. Enough for the size profile and for dropping exports.
use crate::Result;

pub struct Reader<'a> {
    bytes: &'a [u8],
    pub at: usize,
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes, at: 0 }
    }

    pub fn done(&self) -> bool {
        self.at >= self.bytes.len()
    }

    pub fn byte(&mut self) -> Result<u8> {
        let b = *self.bytes.get(self.at).ok_or("the wasm ends early")?;
        self.at += 1;
        Ok(b)
    }

    pub fn leb(&mut self) -> Result<u64> {
        let (mut value, mut shift) = (0u64, 0);
        loop {
            let b = self.byte()?;
            value |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(value);
            }
            shift += 7;
        }
    }

    pub fn take(&mut self, n: usize) -> Result<&'a [u8]> {
        let slice = self.bytes.get(self.at..self.at + n).ok_or("the wasm ends early")?;
        self.at += n;
        Ok(slice)
    }

    pub fn name(&mut self) -> Result<String> {
        let n = self.leb()? as usize;
        Ok(String::from_utf8_lossy(self.take(n)?).into_owned())
    }

    pub fn limits(&mut self) -> Result {
        let flags = self.byte()?;
        self.leb()?;
        if flags & 1 != 0 {
            self.leb()?;
        }
        Ok(())
    }
}

/// The module's sections, in order: (id, contents).
pub fn sections(wasm: &[u8]) -> Result<Vec<(u8, &[u8])>> {
    if wasm.get(..8) != Some(b"\0asm\x01\0\0\0") {
        return Err("not a wasm module".into());
    }
    let mut r = Reader::new(&wasm[8..]);
    let mut out = Vec::new();
    while !r.done() {
        let id = r.byte()?;
        let size = r.leb()? as usize;
        out.push((id, r.take(size)?));
    }
    Ok(out)
}

fn push_leb(out: &mut Vec<u8>, mut n: u64) {
    loop {
        let byte = (n & 0x7f) as u8;
        n >>= 7;
        if n == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// The module without the exports whose names `drop` picks; returns it and how many were dropped.
/// What only they reached is then dead code for wasm-opt to remove.
pub fn drop_exports(wasm: &[u8], drop: impl Fn(&str) -> bool) -> Result<(Vec<u8>, usize)> {
    let mut out = wasm[..8].to_vec();
    let mut dropped = 0;
    for (id, section) in sections(wasm)? {
        let mut contents = section.to_vec();
        if id == 7 {
            let mut r = Reader::new(section);
            let mut kept = Vec::new();
            let count = r.leb()?;
            let mut entries = 0;
            for _ in 0..count {
                let start = r.at;
                let name = r.name()?;
                r.byte()?;
                r.leb()?;
                if drop(&name) {
                    dropped += 1;
                } else {
                    kept.extend_from_slice(&section[start..r.at]);
                    entries += 1;
                }
            }
            contents.clear();
            push_leb(&mut contents, entries);
            contents.extend(kept);
        }
        out.push(id);
        push_leb(&mut out, contents.len() as u64);
        out.extend(contents);
    }
    Ok((out, dropped))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_only_the_exports_it_is_told_to() {
        // Header; a type; two functions; exports "keep" and "gone" (functions 0 and 1); their code.
        let mut m = b"\0asm\x01\0\0\0".to_vec();
        m.extend([1, 4, 1, 0x60, 0, 0]);
        m.extend([3, 3, 2, 0, 0]);
        m.extend([7, 15, 2, 4, b'k', b'e', b'e', b'p', 0, 0, 4, b'g', b'o', b'n', b'e', 0, 1]);
        m.extend([10, 7, 2, 2, 0, 0x0b, 2, 0, 0x0b]);
        let (out, dropped) = drop_exports(&m, |name| name == "gone").unwrap();
        assert_eq!(dropped, 1);
        let exports = sections(&out).unwrap().into_iter().find(|(id, _)| *id == 7).unwrap().1.to_vec();
        assert_eq!(exports, [1, 4, b'k', b'e', b'e', b'p', 0, 0]);
        assert_eq!(sections(&out).unwrap().len(), sections(&m).unwrap().len());
    }
}
