// Boundary features for the sentence model.
//
// Design: features are hashed on the fly (FNV-1a over a feature id and the
// parts), so extraction allocates nothing. They describe the token before the
// gap, the one or two after it and the one before that: lower-cased word,
// a compact shape ("Xx", "d.d", "!"), the rule-based decision and a few
// conjunctions. Training and inference share this one function, so the
// model always sees the features it was trained on.
#include "text/sentence_features.h"

#include "text/chars.h"

namespace dyad::detail {
namespace {

constexpr std::uint64_t kFnvOffset = 1469598103934665603ULL;
constexpr std::uint64_t kFnvPrime = 1099511628211ULL;

class FeatureHash {
 public:
  explicit FeatureHash(std::uint8_t id) { byte(id); }
  FeatureHash& add(std::string_view s) {
    for (char c : s) byte(static_cast<std::uint8_t>(c));
    byte(0x1F);
    return *this;
  }
  FeatureHash& add_lower(std::string_view s) {
    for (char c : s) byte(static_cast<std::uint8_t>(c >= 'A' && c <= 'Z' ? c + 32 : c));
    byte(0x1F);
    return *this;
  }
  std::uint64_t value() const { return h_; }

 private:
  void byte(std::uint8_t b) { h_ = (h_ ^ b) * kFnvPrime; }
  std::uint64_t h_ = kFnvOffset;
};

// "Xxxx" -> "Xx", "1,000" -> "d,d", "..." -> "." (first 6 characters, runs collapsed).
std::string_view shape(std::string_view w, char (&buf)[24]) {
  std::size_t n = 0;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < w.size() && chars < 6; ++chars) {
    std::size_t len;
    char32_t c = cp_at(w, i, &len);
    char s = is_upper_cp(c)   ? 'X'
             : is_lower_cp(c) ? 'x'
             : is_digit_cp(c) ? 'd'
             : c < 0x80       ? static_cast<char>(c)
             : is_word_cp(c)  ? 'w'
                              : 'u';
    if (n == 0 || buf[n - 1] != s) buf[n++] = s;
    i += len ? len : 1;
  }
  return std::string_view(buf, n);
}

}  // namespace

void boundary_features(std::string_view text, const std::vector<RawToken>& tokens, std::size_t k,
                       std::vector<std::uint64_t>& out) {
  out.clear();
  auto word = [&](std::size_t i) {
    return text.substr(tokens[i].start, tokens[i].end - tokens[i].start);
  };
  static constexpr std::string_view kStart = "<S>", kEnd = "<E>";
  std::string_view t = word(k);
  std::string_view n = word(k + 1);
  std::string_view n2 = k + 2 < tokens.size() ? word(k + 2) : kEnd;
  std::string_view p = k > 0 ? word(k - 1) : kStart;
  char b1[24], b2[24], b3[24], b4[24];
  std::string_view ts = shape(t, b1), ns = shape(n, b2), n2s = shape(n2, b3), ps = shape(p, b4);
  std::string_view rule = tokens[k].sentence_end ? "1" : "0";
  std::string_view space = tokens[k].space_after ? "1" : "0";
  out.push_back(FeatureHash(0).value());  // bias
  out.push_back(FeatureHash(1).add(rule).value());
  out.push_back(FeatureHash(2).add_lower(t).value());
  out.push_back(FeatureHash(3).add_lower(n).value());
  out.push_back(FeatureHash(4).add(ts).value());
  out.push_back(FeatureHash(5).add(ns).value());
  out.push_back(FeatureHash(6).add(n2s).value());
  out.push_back(FeatureHash(7).add(ps).value());
  out.push_back(FeatureHash(8).add_lower(p).value());
  out.push_back(FeatureHash(9).add(ts).add(ns).value());
  out.push_back(FeatureHash(10).add_lower(t).add(ns).value());
  out.push_back(FeatureHash(11).add(rule).add(ns).value());
  out.push_back(FeatureHash(12).add(space).value());
  out.push_back(FeatureHash(13).add(rule).add_lower(t).value());
  out.push_back(FeatureHash(14).add_lower(p).add_lower(t).value());
}

}  // namespace dyad::detail
