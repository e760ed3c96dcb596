// Place lookup v1: a location is an obl/nmod introduced by in/at/inside/near
// whose phrase is a country name, capital or city of the actor dictionary.
#include "coder/places.h"

#include "coder/actors.h"

namespace dyad::detail {

std::optional<Place> KbPlaceLookup::lookup(const SentenceView& v, int head) const {
  for (const Mention& m : find_mentions(d_, v)) {
    if (head < m.first || head > m.last) continue;
    const char* kind = nullptr;
    switch (m.entry->kind) {
      case PhraseKind::kCountryName: kind = "country"; break;
      case PhraseKind::kCapital: kind = "capital"; break;
      case PhraseKind::kCity: kind = "city"; break;
      default: return std::nullopt;
    }
    Place p;
    p.span = v.span(m.first, m.last);
    for (int k = m.first; k <= m.last; ++k) p.text += (k > m.first && v.word(k - 1).space_after ? " " : "") + v.word(k).form;
    p.country = d_.countries[m.entry->ref].code;
    p.kind = kind;
    return p;
  }
  return std::nullopt;
}

std::optional<Place> find_location(const PlaceLookup& places, const SentenceView& v, int trigger, int target_word,
                                   std::string* path) {
  auto scan = [&](int head) -> std::optional<Place> {
    if (head < 0) return std::nullopt;
    for (int c : v.children(head)) {
      std::string_view b = v.base_rel(c);
      if (b != "obl" && b != "nmod") continue;
      std::string prep = v.case_of(c);
      if (prep != "in" && prep != "at" && prep != "inside" && prep != "near") continue;
      if (auto p = places.lookup(v, c)) {
        if (path) *path = v.lemma(head) + " -" + v.rel(c) + ":" + prep + "-> " + v.word(c).form;
        return p;
      }
    }
    return std::nullopt;
  };
  if (auto p = scan(trigger)) return p;
  if (v.upos(trigger) == "NOUN" && v.head(trigger) >= 0) {
    if (auto p = scan(v.head(trigger))) return p;
  }
  return scan(target_word);
}

}  // namespace dyad::detail
