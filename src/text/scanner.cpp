// EWT-style tokenization of one paragraph.
//
// Design: a single left-to-right pass over each whitespace-delimited chunk.
// At each position the scanner tries, in order, the patterns that must stay
// whole (URLs, e-mail addresses, emoticons), then a *word* (letters/digits
// with the internal connectors EWT keeps: 1,000.50, 10:30, U.S., AT&T,
// post-war, 713-853-3989, 11/28/2000, O'Connor), and otherwise one
// punctuation token (runs such as "...", "!!!", "--" stay together). Words
// ending in a clitic are then cut into a multiword token following EWT 2.x
// ("don't" = do + n't, "I'm" = I + 'm, "parents'" = parents + ', "cannot" =
// can + not, "gonna" = gon + na). The conventions were read off EWT train;
// see lexicon.cpp for the closed lists. No allocation happens per token
// beyond the output vector.
#include "text/scanner.h"

#include <cstring>
#include <string>

#include "text/chars.h"
#include "text/lexicon.h"

namespace dyad::detail {
namespace {

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t k = 0; k < prefix.size(); ++k) {
    if (ascii_lower(s[k]) != prefix[k]) return false;
  }
  return true;
}

bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!is_ascii_digit(c)) return false;
  }
  return true;
}

// Trailing characters that end a sentence or clause rather than a URL/e-mail.
bool is_trailing_punct(char c) { return std::strchr(".,;:!?\"')]}>", c) != nullptr && c != 0; }

std::size_t url_length(std::string_view rest) {
  if (!(starts_with_ci(rest, "http://") || starts_with_ci(rest, "https://") ||
        starts_with_ci(rest, "ftp://") || starts_with_ci(rest, "www."))) {
    return 0;
  }
  std::size_t n = rest.size();
  bool has_open_paren = rest.find('(') != std::string_view::npos;
  while (n > 4 && is_trailing_punct(rest[n - 1])) {
    if (rest[n - 1] == ')' && has_open_paren) break;
    if (rest[n - 1] == '/') break;
    --n;
  }
  return n;
}

bool is_email_local(char c) {
  return is_ascii_alpha(c) || is_ascii_digit(c) || std::strchr("._%+-'", c) != nullptr;
}

std::size_t email_length(std::string_view rest) {
  std::size_t at = 0;
  while (at < rest.size() && is_email_local(rest[at])) ++at;
  if (at == 0 || at >= rest.size() || rest[at] != '@' || !is_email_local(rest[0]) ||
      rest[0] == '.') {
    return 0;
  }
  std::size_t n = at + 1;
  while (n < rest.size() && (is_ascii_alpha(rest[n]) || is_ascii_digit(rest[n]) || rest[n] == '-' ||
                             rest[n] == '.' || rest[n] == '_')) {
    ++n;
  }
  while (n > at + 1 && rest[n - 1] == '.') --n;  // Sentence period, not the domain.
  std::size_t last_dot = rest.substr(0, n).rfind('.');
  // E-mail system names ("Warner@ENRON", "Johnson/HOU@ECT") have no dot.
  if (last_dot == std::string_view::npos || last_dot <= at + 1) return n - at > 3 ? n : 0;
  return n;
}

class ChunkScanner {
 public:
  ChunkScanner(std::string_view text, std::size_t begin, std::size_t end,
               std::vector<RawToken>& out)
      : t_(text), begin_(begin), end_(end), out_(out) {}

  void run() {
    std::size_t i = begin_;
    while (i < end_) i = step(i);
  }

 private:
  std::size_t step(std::size_t i) {
    std::string_view rest = t_.substr(i, end_ - i);
    std::size_t n = url_length(rest);
    if (n == 0) n = email_length(rest);
    if (n == 0 && emoticon_allowed(i)) {
      n = emoticon_length(rest);
      if (n > 0 && i + n < end_ && is_word_cp(cp_at(t_, i + n))) n = 0;  // "Attendees:Pam"
    }
    if (n > 0) {
      emit(i, i + n);
      return i + n;
    }
    std::size_t len;
    char32_t cp = cp_at(t_, i, &len);
    if (is_word_cp(cp)) return scan_word(i, i);
    if (is_apostrophe_cp(cp) && is_ascii_digit(char_after(i + len))) {
      return scan_word(i, i + len);  // '90s, '09
    }
    return scan_punct(i, cp, len);
  }

  char char_after(std::size_t j) const { return j < end_ ? t_[j] : '\0'; }

  // An emoticon stands alone: followed by the chunk end or punctuation (so
  // "Attendees:Pam" is no ":P"); letter-initial ones only open a chunk.
  // "10:30" never gets here: the colon is inside a word.
  bool emoticon_allowed(std::size_t i) const {
    char c = t_[i];
    if (!std::strchr(":;=^<XDoOT-", c)) return false;
    if (c == 'X' || c == 'D' || c == 'o' || c == 'O' || c == 'T') return i == begin_;
    return true;
  }

  std::size_t scan_punct(std::size_t i, char32_t cp, std::size_t len) {
    std::size_t j = i + len;
    auto same_run = [&](auto pred) {
      while (j < end_) {
        std::size_t l;
        char32_t c = cp_at(t_, j, &l);
        if (!pred(c)) break;
        j += l;
      }
    };
    if (cp == '!' || cp == '?' || cp == '.') {
      // "...", "!!!", "?!", ".?" are one token each.
      same_run([](char32_t c) { return c == '!' || c == '?' || c == '.'; });
    } else if (cp < 0x80 ? std::strchr("-*=_~#+<>^|'`$", static_cast<char>(cp)) != nullptr
                         : (cp == 0x2014 || cp == 0x2013 || cp == 0x2026)) {
      same_run([cp](char32_t c) { return c == cp; });
    }
    emit(i, j);
    return j;
  }

  // Scans a word starting at `i` (letters from `from`); returns its end.
  std::size_t scan_word(std::size_t i, std::size_t from) {
    std::size_t j = from;
    std::size_t seg = from;  // Start of the current hyphen-separated segment.
    RawToken tok;
    tok.start = i;
    for (;;) {
      j = skip_word_chars(j);
      if (j >= end_) break;
      std::size_t len;
      char32_t c = cp_at(t_, j, &len);
      std::size_t after = j + len;
      bool next_word = after < end_ && is_word_cp(cp_at(t_, after));
      bool prev_digit = is_ascii_digit(t_[j - 1]);
      bool next_digit = is_ascii_digit(char_after(after));
      if (c == '.' && next_word) {
        j = after;
        continue;
      }
      if (c == '.') {
        abbreviation_period(i, j, tok);
        if (tok.detachable_period || tok.title) j = after;
        break;
      }
      if ((c == ',' || c == ':') && prev_digit && next_digit) {
        j = after;
        continue;
      }
      if (c == '-' && next_word && hyphen_joins(seg, j, after)) {
        j = after;
        seg = after;
        continue;
      }
      if (c == '/' && j - i == 1 && is_ascii_alpha(t_[i]) &&
          (after >= end_ || !is_word_cp(cp_at(t_, after)) ||
           (after + 1 >= end_ || !is_word_cp(cp_at(t_, after + 1))))) {
        j = after;  // "w/", "b/c", "f/2": one-letter abbreviations with a slash.
        std::size_t len2;
        if (j < end_ && is_word_cp(cp_at(t_, j, &len2))) j += len2;
        break;
      }
      if (c == '/' && prev_digit && next_digit && slash_joins(i, j, after)) {
        j = after;
        continue;
      }
      if (c == '&' && next_word && is_upper_cp(cp_at(t_, char_start(t_, j - 1))) &&
          is_upper_cp(cp_at(t_, after))) {
        j = after;
        continue;
      }
      if (c == '_' && next_word) {
        j = after;
        continue;
      }
      if (is_apostrophe_cp(c)) {
        if (next_word) {
          j = after;
          continue;
        }
        // Plural possessive "parents'": the apostrophe is a clitic word.
        char last = t_[j - 1];
        if ((last == 's' || last == 'S') && j - i >= 3 && c != '`') j = after;
      }
      break;
    }
    tok.end = j;
    if (split_number_unit(tok)) return j;
    split_clitics(tok);
    out_.push_back(tok);
    return j;
  }

  // EWT writes "650k", "35mm", "5pm" as two tokens (number, unit) but keeps
  // ordinals ("23rd"), decades ("1990s") and codes ("3143C") whole.
  bool split_number_unit(const RawToken& tok) {
    std::string_view w = t_.substr(tok.start, tok.end - tok.start);
    // The number may carry separators: "1.5bn", "2:30pm", "1,200km".
    std::size_t d = 0;
    while (d < w.size() && (is_ascii_digit(w[d]) ||
                            (d > 0 && d + 1 < w.size() && std::strchr(".,:", w[d]) != nullptr &&
                             is_ascii_digit(w[d + 1])))) {
      ++d;
    }
    if (d == 0 || d == w.size() || w.size() - d > 5) return false;
    std::string unit;
    for (std::size_t k = d; k < w.size(); ++k) {
      if (!is_ascii_alpha(w[k])) return false;
      unit.push_back(ascii_lower(w[k]));
    }
    if (!is_unit(unit)) return false;
    if (unit.size() == 1 && w[d] >= 'A' && w[d] <= 'Z' && w[d] != 'K') return false;
    emit(tok.start, tok.start + d);
    out_.back().space_after = false;
    emit(tok.start + d, tok.end);
    return true;
  }

  std::size_t skip_word_chars(std::size_t j) const {
    while (j < end_) {
      unsigned char b = static_cast<unsigned char>(t_[j]);
      if (b < 0x80) {
        if (!(is_ascii_alpha(static_cast<char>(b)) || is_ascii_digit(static_cast<char>(b)))) break;
        ++j;
        continue;
      }
      std::size_t len;
      char32_t c = cp_at(t_, j, &len);
      if (!is_word_cp(c)) break;
      j += len;
    }
    return j;
  }

  // Decides whether the period at `dot` belongs to the word [i, dot).
  void abbreviation_period(std::size_t i, std::size_t dot, RawToken& tok) const {
    std::string_view w = t_.substr(i, dot - i);
    if (w.size() == 1 && is_ascii_alpha(w[0])) {
      if (w[0] >= 'A' && w[0] <= 'Z') tok.title = true;  // Initial: "J. R. Smith".
      return;
    }
    if (is_dotted_acronym(w)) {
      tok.detachable_period = true;
      return;
    }
    if (w.size() > 8) return;
    std::string lower;
    for (char c : w) {
      if (!is_ascii_alpha(c)) return;
      lower.push_back(ascii_lower(c));
    }
    switch (abbreviation_kind(lower)) {
      case AbbrevKind::kTitle:
        tok.title = true;
        break;
      case AbbrevKind::kGeneral:
        tok.detachable_period = true;
        break;
      case AbbrevKind::kNumeric: {
        std::size_t k = dot + 1;
        while (k < t_.size() && (t_[k] == ' ' || t_[k] == '\t')) ++k;
        if (k < t_.size() && (is_ascii_digit(t_[k]) || t_[k] == '#')) tok.title = true;
        break;
      }
      case AbbrevKind::kNone:
        break;
    }
  }

  // "U.S", "p.m", "e.g", "a.k.a", "Ph.D": letters in groups of one or two.
  static bool is_dotted_acronym(std::string_view w) {
    std::size_t run = 0;
    bool dot = false;
    for (char c : w) {
      if (is_ascii_alpha(c)) {
        if (++run > 2) return false;
      } else if (c == '.' && run > 0) {
        run = 0;
        dot = true;
      } else {
        return false;
      }
    }
    return dot && run > 0;
  }

  bool hyphen_joins(std::size_t seg, std::size_t hyphen, std::size_t right) const {
    std::string_view left = t_.substr(seg, hyphen - seg);
    std::size_t r_end = right;
    while (r_end < end_ && (is_ascii_alpha(t_[r_end]) || is_ascii_digit(t_[r_end]))) ++r_end;
    std::string_view rw = t_.substr(right, r_end - right);
    if (all_digits(left) && all_digits(rw)) {
      // Phone numbers, ZIP+4 and dates stay whole; ranges ("5-10", "1969-1970") split.
      bool more = r_end + 1 < end_ && t_[r_end] == '-' && is_ascii_digit(t_[r_end + 1]);
      bool continued = seg > begin_ && t_[seg - 1] == '-';
      return more || continued || (rw.size() == 4 && left.size() != 4) || left.size() == 5;
    }
    auto lower_is = [](std::string_view s, bool (*pred)(std::string_view)) {
      if (s.empty() || s.size() > 8) return false;
      char buf[8];
      for (std::size_t k = 0; k < s.size(); ++k) buf[k] = ascii_lower(s[k]);
      return pred(std::string_view(buf, s.size()));
    };
    return lower_is(left, is_hyphen_prefix) || lower_is(rw, is_hyphen_suffix);
  }

  // Dates (11/28/2000, 9/11) stay whole; single-digit fractions (1/2) split.
  bool slash_joins(std::size_t i, std::size_t slash, std::size_t right) const {
    std::size_t r_end = right;
    while (r_end < end_ && is_ascii_digit(t_[r_end])) ++r_end;
    std::size_t l_start = slash;
    while (l_start > i && is_ascii_digit(t_[l_start - 1])) --l_start;
    bool date_like = r_end < end_ && t_[r_end] == '/';
    return date_like || (l_start > i && t_[l_start - 1] == '/') || slash - l_start > 1 ||
           r_end - right > 1;
  }

  // Cuts a clitic off the end of the word: n't, 's, 'm, 're, 've, 'll, 'd,
  // a bare plural-possessive apostrophe, or an apostrophe-free contraction.
  void split_clitics(RawToken& tok) const {
    std::size_t end = tok.end - (tok.detachable_period || tok.title ? 1 : 0);
    std::string_view w = t_.substr(tok.start, end - tok.start);
    if (w.size() < 2 || w.size() > 64) return;
    if (tok.detachable_period || tok.title) return;
    std::string lower(w);
    for (char& c : lower) c = ascii_lower(c);
    std::uint8_t lens[3];
    int n = apostrophe_free_contraction(lower, lens);
    if (n > 1) {
      tok.nwords = static_cast<std::uint8_t>(n);
      tok.cut[0] = lens[0];
      if (n == 3) tok.cut[1] = static_cast<std::uint16_t>(lens[0] + lens[1]);
      return;
    }
    // Find the last apostrophe.
    std::size_t ap = std::string_view::npos, ap_len = 0;
    for (std::size_t k = 0; k < w.size();) {
      std::size_t len;
      char32_t c = cp_at(w, k, &len);
      if (is_apostrophe_cp(c)) {
        ap = k;
        ap_len = len;
      }
      k += len ? len : 1;
    }
    if (ap == std::string_view::npos || ap == 0) return;
    std::string_view tail = std::string_view(lower).substr(ap + ap_len);
    std::string_view stem = w.substr(0, ap);
    std::size_t cut = 0;
    if (tail == "t" && (stem.back() == 'n' || stem.back() == 'N') && stem.size() >= 2) {
      cut = ap - 1;  // "don't" -> "do" + "n't"
    } else if (tail == "s" || tail == "m" || tail == "d" || tail == "re" || tail == "ve" ||
               tail == "ll" || tail.empty()) {
      if (all_digits(stem) || (tail.empty() && w.size() - ap != ap_len)) return;  // 1990's
      cut = ap;
    }
    if (cut == 0) return;
    tok.nwords = 2;
    tok.cut[0] = static_cast<std::uint16_t>(cut);
  }

  void emit(std::size_t s, std::size_t e) {
    RawToken tok;
    tok.start = s;
    tok.end = e;
    out_.push_back(tok);
  }

  std::string_view t_;
  std::size_t begin_, end_;
  std::vector<RawToken>& out_;
};

}  // namespace

void scan_tokens(std::string_view text, std::size_t begin, std::size_t end,
                 std::vector<RawToken>& out) {
  std::size_t i = begin;
  while (i < end) {
    std::size_t len;
    char32_t cp = cp_at(text, i, &len);
    if (is_space_cp(cp)) {
      if (!out.empty() && out.back().end <= i) {
        out.back().space_after = true;
        if (cp == '\n') out.back().newline_after = true;
      }
      i += len;
      continue;
    }
    std::size_t chunk_end = i;
    while (chunk_end < end) {
      std::size_t l;
      char32_t c = cp_at(text, chunk_end, &l);
      if (is_space_cp(c)) break;
      chunk_end += l;
    }
    std::size_t first = out.size();
    ChunkScanner(text, i, chunk_end, out).run();
    for (std::size_t k = first; k + 1 < out.size(); ++k) out[k].space_after = false;
    if (out.size() > first) out.back().space_after = chunk_end < text.size();
    i = chunk_end;
  }
}

}  // namespace dyad::detail
