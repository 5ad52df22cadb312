//! XML and HTML text and attribute escaping, both quick-xml's escape: the SVG images and the KML downloads use
//! [`escape`], the embed page and the app's head tags [`escape_html`].

/// Whether XML 1.0 allows a character: not the controls other than tab, CR, LF, nor U+FFFE, U+FFFF.
fn allowed_in_xml(c: &char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || !(*c < ' ' || *c == '\u{FFFE}' || *c == '\u{FFFF}')
}

/// Escape `&`, `<`, `>`, `"` and `'` (as `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`), and drop characters
/// XML 1.0 forbids.
pub fn escape(s: &str) -> String {
    let kept: String = s.chars().filter(allowed_in_xml).collect();
    quick_xml::escape::escape(kept).into_owned()
}

/// The same escape for HTML text and double-quoted attributes, with `'` written `&#39;` as the embed page has
/// always written it (HTML 4 has no `&apos;`); other characters are kept as they are.
pub fn escape_html(s: &str) -> String {
    // An `&apos;` in the output can only stand for a `'`: an `&` of the input became `&amp;`.
    quick_xml::escape::escape(s).replace("&apos;", "&#39;")
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_markup() {
        assert_eq!(super::escape("a<b & \"c\"\u{1}"), "a&lt;b &amp; &quot;c&quot;");
        assert_eq!(
            super::escape("a<b & \"c\" 'd'>\u{1}\u{FFFF}\n"),
            "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;\n"
        );
    }

    #[test]
    fn escapes_html_with_numeric_apostrophes() {
        assert_eq!(
            super::escape_html("Japan's <b>&apos;</b> \"x\""),
            "Japan&#39;s &lt;b&gt;&amp;apos;&lt;/b&gt; &quot;x&quot;"
        );
    }
}
