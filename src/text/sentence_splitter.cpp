// Rule-based sentence boundary detection.
//
// Design: candidates are sentence-final punctuation tokens (". ! ? ..."),
// abbreviation periods, emoticons, commas after a closing salutation and line
// ends. The rules and their exceptions were chosen from counts on EWT train:
// a terminal mark ends the sentence after any closing quotes/brackets attached
// to it, also before a lower-case word (web text; 95% of such cases in EWT)
// but not after an ellipsis ("Well... maybe", 92% continue). An abbreviation
// ("etc.", "U.S.") ends a sentence only when a typical sentence opener
// follows; titles and initials ("Mr.", "J.") never do. "Thanks, Anne" splits
// after the comma. A line break ends a sentence when the line is short (lists,
// signatures, headers) rather than hard-wrapped prose.
#include "text/sentence_splitter.h"

#include <cstdint>
#include <string>

#include "text/chars.h"
#include "text/lexicon.h"
#include "text/sentence_features.h"
#include "text/sentence_model.h"

namespace dyad::detail {
namespace {

std::string_view token_text(std::string_view text, const RawToken& t) {
  return text.substr(t.start, t.end - t.start);
}

enum class Terminal { kNone, kStop, kEllipsis };

// ". ! ? ?! .?" end sentences; a run of dots or "…" (an ellipsis) is weaker.
Terminal terminal_kind(std::string_view s) {
  if (s.empty()) return Terminal::kNone;
  bool only_dots = true;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len;
    char32_t c = cp_at(s, i, &len);
    if (!(c == '.' || c == '!' || c == '?' || c == 0x2026)) return Terminal::kNone;
    if (c == '!' || c == '?') only_dots = false;
    i += len;
  }
  return only_dots && s != "." ? Terminal::kEllipsis : Terminal::kStop;
}

// Punctuation that opens the next sentence rather than continuing this one.
bool is_opener(std::string_view s, bool space_before) {
  if (s == "(" || s == "[" || s == "$" || s == "#" || s == "--" || s == "-" ||
      s == "\xE2\x80\x9C" || s == "\xE2\x80\x98") {
    return true;
  }
  return space_before && (s == "\"" || s == "'" || s == "''" || s == "``");
}

bool is_closer(std::string_view s) {
  return s == "\"" || s == "'" || s == ")" || s == "]" || s == "}" || s == "\xE2\x80\x9D" ||
         s == "\xE2\x80\x99" || s == "''";
}

// Lower-cases an ASCII word into `buf`; false if it is not plain ASCII letters.
bool lower_word(std::string_view s, std::string& buf) {
  buf.clear();
  if (s.empty() || s.size() > 12) return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
    buf.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
  }
  return true;
}

// "Div", "Gov", "Brig": how unlisted abbreviations look.
bool is_short_titlecase(std::string_view w) {
  if (w.size() < 2 || w.size() > 4 || !(w[0] >= 'A' && w[0] <= 'Z')) return false;
  for (std::size_t i = 1; i < w.size(); ++i) {
    if (!(w[i] >= 'a' && w[i] <= 'z')) return false;
  }
  return true;
}

bool is_closing_salutation(std::string_view lower) {
  return lower == "thanks" || lower == "regards" || lower == "best" || lower == "sincerely" ||
         lower == "cheers" || lower == "respectfully" || lower == "cordially" || lower == "thx" ||
         lower == "love" || lower == "yours";
}

// Length in bytes of the line that contains `pos`.
std::size_t line_length(std::string_view text, std::size_t pos) {
  std::size_t b = text.rfind('\n', pos);
  b = b == std::string_view::npos ? 0 : b + 1;
  std::size_t e = text.find('\n', pos);
  if (e == std::string_view::npos) e = text.size();
  return e - b;
}

// Line-break boundaries come from layout that EWT's raw text lacks, so the
// model never learned them; they are kept whatever it says.
bool line_boundary(std::string_view text, const RawToken& tok) {
  return tok.newline_after && line_length(text, tok.start) < 60;
}

void apply_model(std::string_view text, std::vector<RawToken>& tokens, const SentenceModel& model) {
  std::vector<std::uint64_t> features;
  std::vector<char> decision(tokens.size(), 0);
  for (std::size_t k = 0; k + 1 < tokens.size(); ++k) {
    boundary_features(text, tokens, k, features);
    decision[k] = model.score(features) > 0 || line_boundary(text, tokens[k]);
  }
  // Decide all gaps from the rule output first, then overwrite.
  for (std::size_t k = 0; k + 1 < tokens.size(); ++k) tokens[k].sentence_end = decision[k];
}

void split_by_rules(std::string_view text, std::vector<RawToken>& tokens) {
  const std::size_t n = tokens.size();
  std::string lower;
  for (std::size_t k = 0; k + 1 < n; ++k) {
    RawToken& tok = tokens[k];
    std::string_view s = token_text(text, tok);
    if (line_boundary(text, tok)) {
      tok.sentence_end = true;
      continue;
    }
    if (tok.title) continue;
    std::string_view next = token_text(text, tokens[k + 1]);
    char32_t next_cp = cp_at(next, 0);
    if (tok.detachable_period) {
      if (is_upper_cp(next_cp) && lower_word(next, lower) && is_sentence_starter(lower)) {
        tok.sentence_end = true;
      }
      continue;
    }
    if (s == "," && k > 0 && is_upper_cp(next_cp) &&
        lower_word(token_text(text, tokens[k - 1]), lower) && is_closing_salutation(lower)) {
      tok.sentence_end = true;  // "Thanks, Anne" / "Best regards, Dale" closing a message.
      continue;
    }
    Terminal kind = terminal_kind(s);
    if (kind == Terminal::kNone) {
      if (emoticon_length(s) == s.size() && is_upper_cp(next_cp)) tok.sentence_end = true;
      continue;
    }
    std::size_t m = k;
    while (m + 1 < n && !tokens[m].space_after && is_closer(token_text(text, tokens[m + 1]))) ++m;
    if (m + 1 >= n) break;
    std::string_view after = token_text(text, tokens[m + 1]);
    char32_t c = cp_at(after, 0);
    bool ends = false;
    if (is_lower_cp(c)) {
      // Web text often starts sentences in lower case, but "Div. arrived"
      // is an unlisted abbreviation (never a boundary in EWT train).
      ends = kind == Terminal::kStop && !(s == "." && k > 0 && !tokens[k - 1].space_after &&
                                          is_short_titlecase(token_text(text, tokens[k - 1])));
    } else if (is_word_cp(c)) {
      ends = true;
    } else {
      ends = is_opener(after, tokens[m].space_after) || emoticon_length(after) == after.size();
    }
    if (!ends) continue;
    tokens[m].sentence_end = true;
    k = m;
  }
}

}  // namespace

void split_sentences(std::string_view text, std::vector<RawToken>& tokens,
                     const SentenceModel* model) {
  if (tokens.empty()) return;
  split_by_rules(text, tokens);
  if (model) apply_model(text, tokens, *model);
  tokens.back().sentence_end = true;
}

}  // namespace dyad::detail
