#include "coder/sentence_events.h"

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>

#include "coder/dictionary.h"

namespace dyad::detail {
namespace {

std::string code_of(const std::optional<Actor>& a) { return a ? a->code : std::string(); }

// Erases out[first + k] (and the k-th entry of each side vector) where drop[k].
template <typename... Side>
void erase_marked(const std::vector<char>& drop, std::vector<Event>& out, std::size_t first, Side&... side) {
  std::size_t w = 0;
  for (std::size_t k = 0; k < drop.size(); ++k) {
    if (drop[k]) continue;
    if (w != k) {
      out[first + w] = std::move(out[first + k]);
      ((side[w] = std::move(side[k])), ...);
    }
    ++w;
  }
  out.resize(first + w);
  (side.resize(w), ...);
}

// Actor code `low` says no more than `high`: the same, none, or only its
// country ("GEO" of "GEOOPP").
bool says_no_more(const std::optional<Actor>& high, const std::optional<Actor>& low) {
  const std::string h = code_of(high), l = code_of(low);
  return l.empty() || l == h || (high && low && l == low->country && h.starts_with(l));
}

// Event `low` restates `high`: the same act on the same day and modality,
// with no actor `high` does not name ("fired [tear gas]" with the gas's own
// event aimed only at the place's country). When `low` is the act `high`'s
// verb announces (its complement: "threatened to [cut off] aid", coded as the
// threat 1311 by both), its modality is that verb's framing ("future" from
// "threatened to"), not a second act: it need not match.
bool restates(const Event& high, const Event& low, bool complement) {
  return high.cameo == low.cameo && high.date == low.date && (complement || high.modality == low.modality) &&
         says_no_more(high.source, low.source) && says_no_more(high.target, low.target);
}

// A step from a word to its head inside one predication: the act's object,
// oblique or modifier ("sit [at the table]", "paid [compensation]", "a rally
// [to protest]"); not a conjoined or separate clause ("attacked Togo on
// Monday and [attacked] it again on Tuesday" is two acts).
bool inner_step(const SentenceView& v, int w) {
  const std::string_view r = v.base_rel(w);
  return r == "obj" || r == "iobj" || r == "obl" || r == "nmod" || r == "acl" || r == "xcomp" || r == "compound";
}

// Whether word `low` hangs under word `high` by one or two such steps.
bool hangs_under(const SentenceView& v, int low, int high) {
  if (!inner_step(v, low)) return false;
  const int h = v.head(low);
  return h == high || (h >= 0 && inner_step(v, h) && v.head(h) == high);
}

}  // namespace

void drop_statements_of_reported_events(std::vector<Event>& out, std::size_t first,
                                        std::vector<std::vector<int>>& reported, std::vector<int>& triggers) {
  std::vector<char> drop(triggers.size(), 0);
  for (std::size_t i = 0; i < triggers.size(); ++i) {
    const std::vector<int>& r = reported[i];
    drop[i] = !out[first + i].target && std::any_of(triggers.begin(), triggers.end(),
                                                    [&](int t) { return std::binary_search(r.begin(), r.end(), t); });
  }
  erase_marked(drop, out, first, reported, triggers);
}

void drop_restated(const SentenceView& v, std::vector<Event>& out, std::size_t first, std::vector<int>& triggers) {
  std::vector<char> drop(triggers.size(), 0);
  for (std::size_t i = 0; i < triggers.size(); ++i) {
    for (std::size_t j = 0; j < triggers.size() && !drop[i]; ++j) {
      if (i == j || drop[j] || triggers[i] == triggers[j]) continue;
      const bool complement = v.base_rel(triggers[i]) == "xcomp" && v.head(triggers[i]) == triggers[j];
      drop[i] = hangs_under(v, triggers[i], triggers[j]) && restates(out[first + j], out[first + i], complement);
    }
  }
  erase_marked(drop, out, first, triggers);
}

void sharpen_by_complement(const SentenceView& v, std::vector<Event>& out, std::size_t first, std::vector<int>& triggers) {
  std::vector<char> drop(triggers.size(), 0);
  for (std::size_t i = 0; i < triggers.size(); ++i) {
    if (v.base_rel(triggers[i]) != "xcomp") continue;
    for (std::size_t j = 0; j < triggers.size() && !drop[i]; ++j) {
      if (drop[j] || triggers[j] != v.head(triggers[i])) continue;
      Event& high = out[first + j];
      const Event& low = out[first + i];
      const bool general = high.cameo.size() == 3 && high.cameo.ends_with('0');
      if (!general || low.cameo == high.cameo || !low.cameo.starts_with(std::string_view(high.cameo).substr(0, 2)) ||
          high.date != low.date || !says_no_more(high.source, low.source) || !says_no_more(high.target, low.target))
        continue;
      if (high.explanation)
        high.explanation->pattern += "; its complement's act (" + low.rule + ") makes it " + low.cameo + " " + low.label;
      assign_code(high, low);
      drop[i] = 1;
    }
  }
  erase_marked(drop, out, first, triggers);
}

void drop_subsumed(std::vector<Event>& out, std::size_t first) {
  auto count = [](const Event& e) { return (e.source ? 1 : 0) + (e.target ? 1 : 0); };
  std::vector<char> drop(out.size() - first, 0);
  for (std::size_t i = first; i < out.size(); ++i) {
    for (std::size_t j = first; j < out.size() && !drop[i - first]; ++j) {
      if (i == j || drop[j - first] || out[i].cameo != out[j].cameo || count(out[i]) >= count(out[j])) continue;
      bool src_ok = !out[i].source || code_of(out[i].source) == code_of(out[j].source);
      bool tgt_ok = !out[i].target || code_of(out[i].target) == code_of(out[j].target);
      if (src_ok && tgt_ok) drop[i - first] = 1;
    }
  }
  erase_marked(drop, out, first);
}

}  // namespace dyad::detail
