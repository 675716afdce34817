//! Small character helpers the extractors share, all safe on any byte
//! offset (a slice that would split a character gives `None`).

/// The character just before byte `i`.
pub(crate) fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i).and_then(|s| s.chars().next_back())
}

/// The character starting at byte `i`.
pub(crate) fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// The character two before byte `i`.
pub(crate) fn char_before2(text: &str, i: usize) -> Option<char> {
    text.get(..i).and_then(|s| s.chars().rev().nth(1))
}

/// Start of a window of about `max` bytes ending at `end`, moved forward to
/// a character boundary.
pub(crate) fn window_start(text: &str, end: usize, max: usize) -> usize {
    let mut s = end.saturating_sub(max);
    while s < end && !text.is_char_boundary(s) {
        s += 1;
    }
    s
}

/// A Han ideograph (the one definition: [`crate::segment::lang::is_han`]).
pub(crate) fn is_han(c: char) -> bool {
    crate::segment::lang::is_han(c)
}

/// An ASCII or full-width digit.
pub(crate) fn is_digit(c: char) -> bool {
    super::numeral::digit_value(c).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn helpers_never_split_characters() {
        let t = "营收2,477亿";
        assert_eq!(char_before(t, 6), Some('收'));
        assert_eq!(char_before(t, 5), None, "inside 收");
        assert_eq!(char_at(t, 6), Some('2'));
        assert_eq!(char_before2(t, 6), Some('营'));
        assert_eq!(
            window_start(t, 6, 4),
            3,
            "byte 2 is inside 营: moved on to 收"
        );
        assert!(is_han('亿') && !is_han('2'));
        assert!(is_digit('２') && is_digit('7') && !is_digit('七'));
    }
}
