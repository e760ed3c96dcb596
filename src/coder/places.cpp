// Place lookup v1: a location is an obl/nmod introduced by in/at/inside/near
// whose phrase is a country name, capital or city of the actor dictionary.
#include "coder/places.h"

#include <algorithm>
#include <iterator>

#include "coder/actors.h"
#include "coder/match.h"

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

namespace {

// Common nouns that name a place through a name on them: "Montenegro
// province", "the city of Greenville", "the enclave of Gorazde", "a
// residential sector of Beirut".
bool place_type_noun(const std::string& lemma) {
  static const char* kWords[] = {"region",   "province", "state",   "district",     "county",        "territory",
                                 "city",     "town",     "village", "enclave",      "area",          "republic",
                                 "island",   "municipality", "sector", "suburb",    "neighborhood",  "neighbourhood",
                                 "outskirts"};
  return std::any_of(std::begin(kWords), std::end(kWords), [&](const char* w) { return lemma == w; });
}

// "outside (of) Basra" places an act as near the city as "near Basra" does.
bool in_or_at(const std::string& prep) {
  return prep == "in" || prep == "at" || prep == "inside" || prep == "near" || prep == "outside" ||
         prep == "outside of";
}

}  // namespace

std::optional<Place> place_of_phrase(const PlaceLookup& places, const SentenceView& v, int head) {
  if (head < 0) return std::nullopt;
  if (auto p = places.lookup(v, head)) return p;
  if (!place_type_noun(v.lemma(head))) return std::nullopt;
  for (int c : v.children(head)) {
    const std::string& f = v.word(c).form;
    bool name_before = c < head && v.base_rel(c) == "compound" && !f.empty() && f[0] >= 'A' && f[0] <= 'Z';
    bool of_name = c > head && v.base_rel(c) == "nmod" && v.case_of(c) == "of";
    if (!name_before && !of_name) continue;
    if (auto p = places.lookup(v, c)) return p;
  }
  return std::nullopt;
}

std::optional<Place> location_of_cause(const PlaceLookup& places, const SentenceView& v, int trigger,
                                       std::string* path) {
  const int h = v.head(trigger);
  if (h < 0 || v.rel(trigger) != "advcl" || v.word(trigger).xpos != "VBG") return std::nullopt;
  if (auto p = find_location(places, v, h, -1, path)) return p;
  const int o = logical_object(v, h).word;
  auto p = o >= 0 ? place_of_phrase(places, v, o) : std::nullopt;
  if (p && path) *path = v.word(h).form + " -obj-> " + v.word(o).form + " (where '" + v.word(trigger).form + "' happened)";
  return p;
}

std::optional<Place> find_location(const PlaceLookup& places, const SentenceView& v, int trigger, int target_word,
                                   std::string* path) {
  // An in/at phrase of `head`; with `nested`, also one hung on the head's
  // other obliques ("remained [on alert] in the West Bank").
  auto scan = [&](int head, bool nested) -> std::optional<Place> {
    if (head < 0) return std::nullopt;
    for (int c : v.children(head)) {
      std::string_view b = v.base_rel(c);
      if ((b != "obl" && b != "nmod") || !in_or_at(v.case_of(c))) continue;
      if (auto p = place_of_phrase(places, v, c)) {
        if (path) *path = v.lemma(head) + " -" + v.rel(c) + ":" + v.case_of(c) + "-> " + v.word(c).form;
        return p;
      }
      for (int g : v.children(c)) {  // "at a market [in Mogadishu]": the place that locates the site
        if (v.base_rel(g) != "nmod" || !in_or_at(v.case_of(g))) continue;
        if (auto p = place_of_phrase(places, v, g)) {
          if (path) *path = v.lemma(head) + " -" + v.rel(c) + ":" + v.case_of(c) + "-> " + v.word(c).form + " -nmod:" + v.case_of(g) + "-> " + v.word(g).form;
          return p;
        }
      }
    }
    for (int c : v.children_if(nested, head)) {
      if (v.base_rel(c) != "obl" || in_or_at(v.case_of(c)) || v.case_of(c).empty()) continue;
      for (int g : v.children(c)) {
        if (v.base_rel(g) != "nmod" || !in_or_at(v.case_of(g))) continue;
        if (auto p = place_of_phrase(places, v, g)) {
          if (path) *path = v.lemma(head) + " -" + v.rel(c) + "-> " + v.word(c).form + " -nmod:" + v.case_of(g) + "-> " + v.word(g).form;
          return p;
        }
      }
    }
    return std::nullopt;
  };
  if (auto p = scan(trigger, false)) return p;
  if (v.upos(trigger) == "NOUN" && v.head(trigger) >= 0) {
    if (auto p = scan(v.head(trigger), false)) return p;
  }
  if (auto p = scan(target_word, false)) return p;
  if (v.upos(trigger) != "VERB") return std::nullopt;
  if (auto p = scan(trigger, true)) return p;
  // "carried out [airstrikes [on hideouts [inside Iran]]]": the place of what
  // the act was aimed at, under an object that names no actor
  const int o = logical_object(v, trigger).word;
  if (o != target_word)
    if (auto p = scan(o, false)) return p;
  for (int c : v.children_if(o >= 0, o)) {
    const std::string& prep = v.case_of(c);
    if (v.base_rel(c) == "nmod" && (prep == "on" || prep == "against") && c > o)
      if (auto p = scan(c, false)) return p;
  }
  return std::nullopt;
}

std::optional<Place> destination_place(const PlaceLookup& places, const SentenceView& v, int trigger, int object,
                                       bool from, std::string* path) {
  int governor = v.upos(trigger) == "NOUN" ? v.head(trigger) : -1;  // "speeded up the withdrawal ... from X"
  for (int head : {trigger, object, governor}) {
    for (int c : v.children_if(head >= 0, head)) {
      std::string_view b = v.base_rel(c);
      std::string prep = v.case_of(c);
      if ((b != "obl" && b != "nmod") || (prep != "to" && prep != "into" && !(from && prep == "from"))) continue;
      std::optional<Place> p = place_of_phrase(places, v, c);
      int where = c;
      for (int g : p ? std::vector<int>{} : v.children(c)) {  // "to the Esfahan plant in central Iran"
        if (v.base_rel(g) == "nmod" && in_or_at(v.case_of(g)) && (p = place_of_phrase(places, v, g))) where = g;
        if (p) break;
      }
      if (!p) continue;
      if (path) *path = v.lemma(head) + " -" + v.rel(c) + ":" + v.case_of(c) + "-> " + v.word(where).form;
      return p;
    }
  }
  return std::nullopt;
}

std::vector<Place> listed_places(const PlaceLookup& places, const SentenceView& v) {
  std::vector<Place> last;
  for (int i = 0; i < v.size(); ++i) {
    if (v.base_rel(i) == "conj" || v.kids(i, "conj").empty()) continue;  // the first conjunct heads the list
    auto first = places.lookup(v, i);
    if (!first) continue;
    std::vector<Place> list{*first};
    for (int c : v.kids(i, "conj")) {
      if (auto p = places.lookup(v, c)) list.push_back(*p);
    }
    if (list.size() >= 2) last = std::move(list);
  }
  return last;
}

std::optional<Place> frame_place(const PlaceLookup& places, const SentenceView& v,
                                 const std::vector<Place>& previous_list, std::string* path) {
  if (v.size() < 3 || (v.lemma(0) != "in" && v.lemma(0) != "at") || v.upos(0) != "ADP") return std::nullopt;
  int comma = 1;
  while (comma < v.size() && v.low(comma) != ",") ++comma;
  if (comma >= v.size() || comma > 8) return std::nullopt;
  int head = -1;  // the phrase's head: the word of [1, comma) attached outside it
  for (int i = 1; i < comma; ++i) {
    if (v.head(i) < 0 || v.head(i) >= comma) head = head < 0 ? i : -2;
  }
  if (head < 0) return std::nullopt;
  const std::string& l = v.lemma(head);
  if ((l == "latter" || l == "former") && !previous_list.empty()) {
    Place p = l == "latter" ? previous_list.back() : previous_list.front();
    if (path) *path = "sentence frame '" + v.word(0).form + " ... " + v.word(head).form + "' = " + p.text;
    p.text.clear();
    for (int k = 1; k < comma; ++k) p.text += (k > 1 && v.word(k - 1).space_after ? " " : "") + v.word(k).form;
    p.span = v.span(1, comma - 1);
    return p;
  }
  auto p = places.lookup(v, head);
  if (p && path) *path = "sentence frame '" + v.word(0).form + " ... " + v.word(head).form + ",'";
  return p;
}

std::optional<Place> border_place(const PlaceLookup& places, const Dictionary& d, const std::vector<Mention>& mentions,
                                  const SentenceView& v, int trigger, int object, std::string* path) {
  auto is_border = [&](int w) {
    const std::string& l = v.lemma(w);
    return l == "border" || l == "frontier" || l == "boundary";
  };
  std::vector<int> heads = {trigger};
  if (object >= 0) heads.push_back(object);
  for (int h : heads) {
    for (int b : v.children(h)) {
      std::string_view r = v.base_rel(b);
      if ((r != "obl" && r != "nmod") || !is_border(b)) continue;
      // "to the border with Guyana": the country across it (the with-phrase
      // is often hung on the verb instead: then it follows the border)
      std::vector<int> across = v.children(b);
      for (int c : v.children(h)) {
        if (c > b) across.push_back(c);
      }
      for (int c : across) {
        std::string_view cr = v.base_rel(c);
        if ((cr != "nmod" && cr != "obl") || v.case_of(c) != "with") continue;
        if (auto p = place_of_phrase(places, v, c); p && !p->country.empty()) {
          if (path) *path = v.lemma(h) + " -" + v.rel(b) + "-> " + v.word(b).form + " -nmod:with-> " + v.word(c).form;
          return p;
        }
      }
      // "near the Ukrainian border", "the Ukraine border": the country named on it
      for (const Mention& m : mentions) {
        const PhraseKind k = m.entry->kind;
        bool country = k == PhraseKind::kCountryName || k == PhraseKind::kAdjective || k == PhraseKind::kDemonym;
        if (!country || m.last + 1 != b) continue;
        Place p;
        p.span = v.span(m.first, b);
        for (int w = m.first; w <= b; ++w) p.text += (w > m.first && v.word(w - 1).space_after ? " " : "") + v.word(w).form;
        p.country = d.countries[m.entry->ref].code;
        p.kind = "border";
        if (path) *path = v.lemma(h) + " -" + v.rel(b) + "-> " + p.text;
        return p;
      }
    }
  }
  return std::nullopt;
}

}  // namespace dyad::detail
