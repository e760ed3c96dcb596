#include "nlp/lemmatizer.h"

#include <algorithm>
#include <map>

#include "nlp/perceptron.h"

namespace dyad::detail {
namespace {

constexpr std::size_t kMaxSuffix = 7;
enum : std::uint64_t { kExact = 11, kFolded = 12, kSuffix = 13 };

std::uint64_t key(std::uint64_t kind, int label, std::string_view s) {
  return feature_hash(kind * 1000 + static_cast<std::uint64_t>(label), string_hash(s));
}

std::string to_lower(const std::string& s) {
  std::string out = s;
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return out;
}

std::size_t common_prefix(const std::string& a, const std::string& b) {
  std::size_t n = 0;
  while (n < a.size() && n < b.size() && a[n] == b[n]) ++n;
  return n;
}

// Rule as a string key for counting: "<strip> <l|k> <append>".
std::string derive_rule(const std::string& form, const std::string& lower,
                        const std::string& lemma) {
  std::size_t keep = common_prefix(form, lemma);
  std::size_t low = common_prefix(lower, lemma);
  // Ties (lowercase words) count as lowering: EWT lowercases the lemma of every
  // capitalized common word (RFP -> rfp) and keeps case only where it must.
  bool use_lower = low >= keep;
  std::size_t lcp = use_lower ? low : keep;
  if (form.size() - lcp > 255) return {};
  return std::to_string(form.size() - lcp) + (use_lower ? " l " : " k ") + lemma.substr(lcp);
}

template <typename Map>
std::string most_frequent(const Map& counts) {
  std::string best;
  int n = -1;
  for (const auto& [s, c] : counts)
    if (c > n) n = c, best = s;  // std::map order breaks ties deterministically
  return best;
}

}  // namespace

void Lemmatizer::train(const std::vector<Sentence>& sentences,
                       const std::vector<std::vector<int>>& labels) {
  std::unordered_map<std::uint64_t, std::map<std::string, int>> exact, folded;
  std::map<std::pair<std::string, int>, std::map<std::string, int>> types;
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    for (std::size_t i = 0; i < sentences[s].words.size(); ++i) {
      const Word& w = sentences[s].words[i];
      int label = labels[s][i];
      if (label < 0 || w.lemma.empty()) continue;
      ++exact[key(kExact, label, w.form)][w.lemma];
      ++folded[key(kFolded, label, to_lower(w.form))][w.lemma];
      ++types[{w.form, label}][w.lemma];
    }
  }
  std::vector<std::pair<std::uint64_t, std::string>> items;
  for (auto& [k, c] : exact) items.emplace_back(k, most_frequent(c));
  exact_.build(items);
  items.clear();
  for (auto& [k, c] : folded) items.emplace_back(k, most_frequent(c));
  folded_.build(items);

  // Suffix rules over word types: key (label, suffix of the lowercased form).
  std::unordered_map<std::uint64_t, std::map<std::string, int>> rule_counts;
  for (const auto& [type, lemmas] : types) {
    const auto& [form, label] = type;
    std::string lower = to_lower(form);
    std::string rule = derive_rule(form, lower, most_frequent(lemmas));
    if (rule.empty()) continue;
    for (std::size_t k = 0; k <= std::min(kMaxSuffix, lower.size()); ++k)
      ++rule_counts[key(kSuffix, label, std::string_view(lower).substr(lower.size() - k))][rule];
  }
  std::map<std::string, std::uint32_t> rule_ids;
  std::vector<std::pair<std::uint64_t, std::uint32_t>> suffix_items;
  for (const auto& [k, counts] : rule_counts) {
    std::string best = most_frequent(counts);
    // A rule seen on a single type is an anecdote, not a rule.
    if (counts.at(best) < 2) continue;
    auto [it, inserted] = rule_ids.emplace(best, static_cast<std::uint32_t>(rules_.size()));
    if (inserted) {
      Rule r;
      std::size_t sp1 = best.find(' ');
      r.strip = static_cast<std::uint8_t>(std::stoi(best.substr(0, sp1)));
      r.lower = best[sp1 + 1] == 'l';
      r.append = best.substr(sp1 + 3);
      rules_.push_back(r);
    }
    suffix_items.emplace_back(k, it->second);
  }
  suffix_rule_.build(std::move(suffix_items));
}

void Lemmatizer::apply(const Rule& r, const std::string& form, const std::string& lower,
                       std::string& out) {
  const std::string& base = r.lower ? lower : form;
  out.assign(base, 0, base.size() - r.strip);
  out += r.append;
}

void Lemmatizer::lemmatize(const std::string& form, const std::string& lower, int label,
                           std::string& out) const {
  std::string_view hit;
  if (exact_.find(key(kExact, label, form), hit) || folded_.find(key(kFolded, label, lower), hit)) {
    out.assign(hit);
    return;
  }
  for (std::size_t k = std::min(kMaxSuffix, lower.size()) + 1; k-- > 0;) {
    const std::uint32_t* id =
        suffix_rule_.find(key(kSuffix, label, std::string_view(lower).substr(lower.size() - k)));
    if (!id) continue;
    const Rule& r = rules_[*id];
    if (r.strip >= form.size() && !form.empty()) continue;  // would eat the whole word
    apply(r, form, lower, out);
    return;
  }
  out = form;
}

void Lemmatizer::write(BinaryWriter& w) const {
  exact_.write(w);
  folded_.write(w);
  w.u64(rules_.size());
  for (const Rule& r : rules_) {
    w.u8(r.strip);
    w.u8(r.lower ? 1 : 0);
    w.str(r.append);
  }
  suffix_rule_.write(w);
}

Lemmatizer Lemmatizer::read(BinaryReader& r) {
  Lemmatizer l;
  l.exact_.read(r);
  l.folded_.read(r);
  std::uint64_t nr = r.u64();
  if (nr > (1u << 24)) r.fail("too many lemma rules");
  for (std::uint64_t i = 0; i < nr; ++i) {
    Rule rule;
    rule.strip = r.u8();
    rule.lower = r.u8() != 0;
    rule.append = r.str();
    l.rules_.push_back(std::move(rule));
  }
  l.suffix_rule_.read(r);
  for (std::uint32_t id : l.suffix_rule_.values())
    if (id >= l.rules_.size()) r.fail("lemma rule id out of range");
  return l;
}

}  // namespace dyad::detail
