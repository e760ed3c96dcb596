// Main-text extraction from a news HTML page (gumbo).
#pragma once

#include <string>

namespace dyad::detail {

struct HtmlArticle {
  std::string text;    ///< Paragraphs of the main content, separated by blank lines.
  std::string title;   ///< og:title, else <title>, else the first <h1>.
  std::string date;    ///< YYYY-MM-DD from publication meta tags or <time datetime>; empty if none.
  std::string url;     ///< <link rel=canonical> or og:url.
  std::string outlet;  ///< og:site_name.
};

/// Throws dyad::Error("... no body text ...") when the page has no main text.
HtmlArticle extract_html(const std::string& html);

}  // namespace dyad::detail
