// The phrase a place name spans: the head of an in/at phrase with its
// compound / flat / capitalised-amod dependents ("New Caledonia", "Donetsk
// region", "North Kivu province"), words contiguous around the head. A place
// must look like a name: its head is PROPN or capitalised, or is a type word
// ("region") whose dependents are; this keeps "in talks" or "at home" from
// matching the villages named Talks or Home that GeoNames lists.
#include "geo/place_adapter.h"

#include <cmath>

#include <algorithm>
#include <cctype>
#include <vector>

namespace dyad::detail {
namespace {

bool capitalised(const std::string& form) {
  if (form.empty()) return false;
  auto c = static_cast<unsigned char>(form[0]);
  return std::isupper(c) || c >= 0x80;  // non-ASCII initials: "Ōsaka", "Île"
}

bool is_type_noun(const std::string& lemma) {
  static const char* kWords[] = {"region", "oblast", "province", "governorate", "state", "district",
                                 "county", "prefecture", "territory", "department", "krai"};
  return std::any_of(std::begin(kWords), std::end(kWords), [&](const char* w) { return lemma == w; });
}

bool name_part(const SentenceView& v, int w) {
  std::string_view rel = v.base_rel(w);
  if (rel == "compound" || rel == "flat") return capitalised(v.word(w).form) || v.word(w).form == "-";
  // The tokenizer splits "Nagorno-Karabakh" into Nagorno - Karabakh; the hyphen hangs off the head.
  if (rel == "punct") return v.word(w).form == "-" || v.word(w).form == "\u2013";
  // "New Caledonia" (New: PROPN) joins; "eastern Ukraine", "Eastern Ukraine" (ADJ) do not.
  if (rel == "amod") return v.upos(w) == "PROPN" || (capitalised(v.word(w).form) && v.upos(w) != "ADJ");
  return false;
}

// Words of the name phrase headed by `head`, contiguous, in order.
std::vector<int> name_words(const SentenceView& v, int head) {
  std::vector<int> words = {head};
  std::vector<int> todo = {head};
  while (!todo.empty()) {
    int w = todo.back();
    todo.pop_back();
    for (int c : v.children(w)) {
      if (name_part(v, c)) {
        words.push_back(c);
        todo.push_back(c);
      }
    }
  }
  std::sort(words.begin(), words.end());
  // Keep the contiguous run that contains the head.
  auto at = std::find(words.begin(), words.end(), head);
  auto first = at, last = at;
  while (first != words.begin() && *(first - 1) == *first - 1) --first;
  while (last + 1 != words.end() && *(last + 1) == *last + 1) ++last;
  return std::vector<int>(first, last + 1);
}

// Heads of names of sites, institutions and geographic features:
// "Cumhuriyet University" is no place called University (GeoNames has one,
// in Florida), "Al-Shifa Hospital" none called Hospital, "the Gulf of Oman"
// no Gulf Province. Such a name matches whole ("Persian Gulf") or not at all,
// and never as the bare word; so does a compass word ("Far North").
bool site_head(std::string form) {
  static const char* kWords[] = {"university", "college",  "school",   "academy", "institute", "hospital",
                                 "airport",    "stadium",  "square",   "street",  "avenue",    "road",
                                 "bridge",     "market",   "mosque",   "church",  "cathedral", "temple",
                                 "palace",     "hotel",    "prison",   "base",    "camp",      "center",
                                 "centre",     "company",  "party",    "union",   "council",   "court",
                                 "ministry",   "park",     "station",  "port",    "plant",     "mall",
                                 // geographic features: "the Gulf of Oman" is no Gulf Province (PNG)
                                 "gulf",       "sea",      "bay",      "strait",  "ocean",     "lake",
                                 "river",      "channel",  "coast",    "desert",  "valley",    "peninsula",
                                 // compass words: "the Middle East" is no East Region (Cameroon)
                                 "east",       "west",     "north",    "south",   "northeast", "northwest",
                                 "southeast",  "southwest"};
  for (char& c : form) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return std::any_of(std::begin(kWords), std::end(kWords), [&](const char* w) { return form == w; });
}

std::string text_of(const SentenceView& v, int first, int last) {
  std::string out;
  for (int k = first; k <= last; ++k) {
    if (k > first && v.word(k - 1).space_after) out += ' ';
    out += v.word(k).form;
  }
  return out;
}

std::string place_kind(const PlaceMatch& m) {
  if (m.kind == PlaceKind::kCity) return m.feature == "PPLC" ? "capital" : "city";
  return std::string(to_string(m.kind));
}

}  // namespace

std::optional<PlaceMatch> GazetteerPlaceLookup::match(const SentenceView& v, int head, std::string_view hint,
                                                      Place* place) const {
  if (head < 0 || head >= v.size()) return std::nullopt;
  std::vector<int> words = name_words(v, head);
  bool named = v.upos(head) == "PROPN" || capitalised(v.word(head).form);
  if (!named && !(is_type_noun(v.lemma(head)) && words.size() > 1)) return std::nullopt;
  // Longest phrase first, then shorter ones ending at the head, then the head alone.
  for (std::size_t skip = 0; skip < words.size(); ++skip) {
    if ((skip > 0 || words.size() == 1) && site_head(v.word(head).form)) break;
    int first = words[skip], last = words.back();
    if (!capitalised(v.word(first).form)) continue;
    std::string text = text_of(v, first, last);
    std::vector<PlaceMatch> found = gazetteer_.lookup(text, hint);
    if (found.empty()) continue;
    if (place) {
      place->text = text;
      place->span = v.span(first, last);
      place->country = found.front().country;
      place->kind = place_kind(found.front());
      place->name = found.front().name;
      place->admin1 = found.front().admin1;
      place->admin1_name = found.front().admin1_name;
      if (!std::isnan(found.front().lat)) place->lat = found.front().lat;
      if (!std::isnan(found.front().lon)) place->lon = found.front().lon;
    }
    return found.front();
  }
  return std::nullopt;
}

std::optional<Place> GazetteerPlaceLookup::lookup(const SentenceView& v, int head, std::string_view hint) const {
  Place p;
  if (match(v, head, hint, &p)) return p;
  return fallback_ ? fallback_->lookup(v, head) : std::nullopt;
}

std::optional<Place> GazetteerPlaceLookup::lookup(const SentenceView& v, int head) const {
  return lookup(v, head, {});
}

}  // namespace dyad::detail
