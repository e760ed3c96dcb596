#include "nlp/tagger_features.h"

#include <algorithm>
#include <array>
#include <stdexcept>

#include "nlp/perceptron.h"

namespace dyad::detail {
namespace {

// Template ids. Never renumber: they are baked into model hashes.
enum Tmpl : std::uint64_t {
  kBias = 1, kForm, kLower, kSuffix1, kSuffix2, kSuffix3, kSuffix4, kPrefix1, kPrefix2,
  kPrefix3, kPrefix4, kShape, kShortShape, kFlags, kFirstCap, kPosition,
  kPrev1, kPrev2, kNext1, kNext2, kPrevSuffix3, kNextSuffix3, kAmb, kAmbPrev, kAmbNext,
  kAmbNext2, kBigramPrev, kBigramNext, kAmbNextWord,
  kTag1, kTag2, kTag12, kTag1Word, kTag1Suffix, kTag1Amb,
  kRTag1, kRTag2, kRTag12, kLRTag, kRTag1Word, kRTag1Amb,
  kCapRatio, kPrevShape, kNextShape, kSuffixCap, kPrevNext, kTag1Next,
  kRTag1Suffix, kLRTagWord, kRTag1Next, kGuess, kGuessWord, kGuessRTag,
};

constexpr std::uint64_t kUnknownAmb = 0x5a5a5a5a5a5a5a5aULL;
constexpr std::uint64_t kBoundary = 0x1234567;  // value for positions outside the sentence

// A word's features, collected in a local array and appended to `out` once:
// with each one pushed onto `out` (uint64 stores the token fields could
// alias), the compiler reloaded every token field after every feature.
class WordFeatures {
 public:
  explicit WordFeatures(std::vector<std::uint64_t>& out) : out_(out) {}
  [[gnu::always_inline]] void add(Tmpl tm, std::uint64_t v) {
    if (n_ == ids_.size()) overflow();
    ids_[n_++] = feature_hash(tm, v);
  }
  void flush() { out_.insert(out_.end(), ids_.begin(), ids_.begin() + static_cast<std::ptrdiff_t>(n_)); }

 private:
  [[noreturn, gnu::noinline, gnu::cold]] static void overflow() {
    throw std::logic_error("tagger: a word has more than 64 feature templates; raise WordFeatures' capacity");
  }
  std::vector<std::uint64_t>& out_;
  std::array<std::uint64_t, 64> ids_;
  std::size_t n_ = 0;
};

bool is_cont(unsigned char c) { return (c & 0xc0) == 0x80; }

char shape_char(unsigned char c) {
  if (c >= 'A' && c <= 'Z') return 'X';
  if (c >= 'a' && c <= 'z') return 'x';
  if (c >= '0' && c <= '9') return 'd';
  if (c >= 0x80) return 'u';
  return static_cast<char>(c);
}

void fill_affixes(TokenInfo& t) {
  const std::string& w = t.lower;
  // Suffixes/prefixes of 1-4 code points; shorter words repeat their whole form.
  std::size_t end = w.size(), cut = w.size();
  for (int k = 0; k < 4; ++k) {
    if (cut > 0) {
      --cut;
      while (cut > 0 && is_cont(static_cast<unsigned char>(w[cut]))) --cut;
    }
    t.suffix[k] = string_hash(std::string_view(w).substr(cut, end - cut));
  }
  std::size_t pos = 0;
  for (int k = 0; k < 4; ++k) {
    if (pos < w.size()) {
      ++pos;
      while (pos < w.size() && is_cont(static_cast<unsigned char>(w[pos]))) ++pos;
    }
    t.prefix[k] = string_hash(std::string_view(w).substr(0, pos));
  }
}

void fill_shape(TokenInfo& t, std::string_view form) {
  char full[64];
  char collapsed[64];
  std::size_t nf = 0, nc = 0;
  bool upper = false, lower = false, digit = false, hyphen = false, period = false, other = false;
  for (std::size_t i = 0; i < form.size(); ++i) {
    auto c = static_cast<unsigned char>(form[i]);
    if (is_cont(c)) continue;
    char s = shape_char(c);
    upper |= s == 'X';
    lower |= s == 'x';
    digit |= s == 'd';
    hyphen |= c == '-';
    period |= c == '.';
    other |= s != 'X' && s != 'x' && s != 'd';
    if (nf < 6) full[nf++] = s;
    if (nc < sizeof collapsed && (nc == 0 || collapsed[nc - 1] != s)) collapsed[nc++] = s;
  }
  t.h_short_shape = string_hash(std::string_view(collapsed, nc));
  t.h_shape = string_hash(std::string_view(full, nf)) ^ (form.size() > 6 ? 1 : 0);
  bool init_cap = !form.empty() && form[0] >= 'A' && form[0] <= 'Z';
  t.flags = (init_cap ? 1 : 0) | (upper && !lower ? 2 : 0) | (digit ? 4 : 0) | (hyphen ? 8 : 0) |
            (period ? 16 : 0) | (other ? 32 : 0) | (lower ? 64 : 0) |
            (std::min<std::size_t>(form.size(), 12) << 8);
}

}  // namespace

void TagDict::build(const std::unordered_map<std::string, std::vector<std::uint32_t>>& counts,
                    const std::unordered_map<std::string, std::pair<std::uint32_t, std::uint32_t>>& caps,
                    std::uint32_t min_count) {
  std::vector<std::pair<std::uint64_t, TagDictEntry>> items;
  for (const auto& [word, per_label] : counts) {
    std::uint32_t total = 0;
    for (std::uint32_t c : per_label) total += c;
    if (total < min_count) continue;
    TagDictEntry e;
    e.count = total;
    std::uint64_t h = 0x51ed27;
    for (std::size_t l = 0; l < per_label.size(); ++l) {
      if (per_label[l] == 0) continue;
      e.allowed[l >> 6] |= std::uint64_t{1} << (l & 63);
      // Rare readings (<5%) would make every frequent word's class unique.
      if (per_label[l] * 20 >= total) h = mix64(h ^ (l + 1));
    }
    e.amb_hash = h;
    if (auto it = caps.find(word); it != caps.end() && it->second.first > 0) {
      double r = double(it->second.second) / it->second.first;
      e.cap_bucket = r < 0.1 ? 1 : r < 0.5 ? 2 : r < 0.9 ? 3 : 4;
    }
    items.emplace_back(string_hash(word), e);
  }
  table_.build(std::move(items));
}

void TagDict::write(BinaryWriter& w) const { table_.write(w); }

TagDict TagDict::read(BinaryReader& r) {
  TagDict d;
  d.table_.read(r);
  return d;
}

void prepare_tokens(const Sentence& s, const TagDict& dict, std::vector<TokenInfo>& tokens) {
  tokens.resize(s.words.size());
  for (std::size_t i = 0; i < s.words.size(); ++i) {
    TokenInfo& t = tokens[i];
    const std::string& form = s.words[i].form;
    t.lower.assign(form);
    for (char& c : t.lower)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    t.h_form = string_hash(form);
    t.h_lower = string_hash(t.lower);
    fill_affixes(t);
    fill_shape(t, form);
    t.dict = dict.find(t.h_lower);
    t.h_amb = t.dict ? t.dict->amb_hash : kUnknownAmb ^ t.h_short_shape;
  }
}

void static_features(const std::vector<TokenInfo>& tokens, std::size_t i,
                     std::vector<std::uint64_t>& out) {
  const TokenInfo& t = tokens[i];
  const std::size_t n = tokens.size();
  auto at = [&](std::ptrdiff_t j) -> const TokenInfo* {
    return j >= 0 && j < static_cast<std::ptrdiff_t>(n) ? &tokens[j] : nullptr;
  };
  const auto ii = static_cast<std::ptrdiff_t>(i);
  const TokenInfo* p1 = at(ii - 1);
  const TokenInfo* p2 = at(ii - 2);
  const TokenInfo* n1 = at(ii + 1);
  const TokenInfo* n2 = at(ii + 2);
  WordFeatures features(out);
  auto add = [&](Tmpl tm, std::uint64_t v) { features.add(tm, v); };
  add(kBias, 0);
  add(kForm, t.h_form);
  add(kLower, t.h_lower);
  for (int k = 0; k < 4; ++k) {
    add(static_cast<Tmpl>(kSuffix1 + k), t.suffix[k]);
    add(static_cast<Tmpl>(kPrefix1 + k), t.prefix[k]);
  }
  add(kShape, t.h_shape);
  add(kShortShape, t.h_short_shape);
  add(kFlags, t.flags);
  add(kFirstCap, (t.flags & 1) * 2 + (i == 0));
  add(kPosition, (i == 0) + 2 * (i + 1 == n));
  add(kPrev1, p1 ? p1->h_lower : kBoundary);
  add(kPrev2, p2 ? p2->h_lower : kBoundary);
  add(kNext1, n1 ? n1->h_lower : kBoundary);
  add(kNext2, n2 ? n2->h_lower : kBoundary);
  add(kPrevSuffix3, p1 ? p1->suffix[2] : kBoundary);
  add(kNextSuffix3, n1 ? n1->suffix[2] : kBoundary);
  add(kAmb, t.h_amb);
  add(kAmbPrev, p1 ? p1->h_amb : kBoundary);
  add(kAmbNext, n1 ? n1->h_amb : kBoundary);
  add(kAmbNext2, mix64(n1 ? n1->h_amb : kBoundary) ^ (n2 ? n2->h_amb : kBoundary));
  add(kBigramPrev, mix64(p1 ? p1->h_lower : kBoundary) ^ t.h_lower);
  add(kBigramNext, mix64(t.h_lower) ^ (n1 ? n1->h_lower : kBoundary));
  add(kAmbNextWord, mix64(t.h_lower) ^ (n1 ? n1->h_amb : kBoundary));
  add(kCapRatio, (t.dict ? t.dict->cap_bucket : 7) * 4 + (t.flags & 1) * 2 + (i == 0));
  add(kPrevShape, p1 ? p1->h_short_shape : kBoundary);
  add(kNextShape, n1 ? n1->h_short_shape : kBoundary);
  add(kSuffixCap, t.suffix[2] ^ (t.flags & 3) ^ (i == 0 ? 4 : 0));
  add(kPrevNext, mix64(p1 ? p1->h_lower : kBoundary) ^ (n1 ? n1->h_lower : kBoundary));
  features.flush();
}

void tag_features(const std::vector<TokenInfo>& tokens, std::size_t i, const int* left,
                  const int* right, std::vector<std::uint64_t>& out) {
  const TokenInfo& t = tokens[i];
  const std::size_t n = tokens.size();
  // Tags are shifted by one so that 0 marks "outside the sentence".
  const std::uint64_t t1 = i >= 1 ? left[i - 1] + 1 : 0;
  const std::uint64_t t2 = i >= 2 ? left[i - 2] + 1 : 0;
  WordFeatures features(out);
  auto add = [&](Tmpl tm, std::uint64_t v) { features.add(tm, v); };
  add(kTag1, t1);
  add(kTag2, t2);
  add(kTag12, t1 * 1000 + t2);
  add(kTag1Word, mix64(t1) ^ t.h_lower);
  add(kTag1Suffix, mix64(t1) ^ t.suffix[2]);
  add(kTag1Amb, mix64(t1) ^ t.h_amb);
  add(kTag1Next, mix64(t1) ^ (i + 1 < n ? tokens[i + 1].h_lower : kBoundary));
  if (right) {  // pass 2: the tags to the right as well
    const std::uint64_t r1 = i + 1 < n ? right[i + 1] + 1 : 0;
    const std::uint64_t r2 = i + 2 < n ? right[i + 2] + 1 : 0;
    add(kRTag1, r1);
    add(kRTag2, r2);
    add(kRTag12, r1 * 1000 + r2);
    add(kLRTag, t1 * 1000 + r1);
    add(kRTag1Word, mix64(r1) ^ t.h_lower);
    add(kRTag1Amb, mix64(r1) ^ t.h_amb);
    add(kRTag1Suffix, mix64(r1) ^ t.suffix[2]);
    add(kLRTagWord, mix64(t1 * 1000 + r1) ^ t.h_lower);
    add(kRTag1Next, mix64(r1) ^ (i + 1 < n ? tokens[i + 1].h_lower : kBoundary));
    // Pass 1's own guess for this word (stacking): pass 2, trained on
    // jackknifed guesses, learns where pass 1 is trustworthy.
    const std::uint64_t g = right[i] + 1;
    add(kGuess, g);
    add(kGuessWord, mix64(g) ^ t.h_lower);
    add(kGuessRTag, g * 1000 + r1);
  }
  features.flush();
}

}  // namespace dyad::detail
