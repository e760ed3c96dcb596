// Actor rules for people the KB knows only in part (see actors.cpp for the
// main resolution order). Design note: news text names most actors through a
// title and a country rather than through a name the KB holds, so these rules
// read the pieces around a name:
//   titled name   "Pakistan President Zia-Ul-Haq", "Lebanon's new President
//                 Elias Hrawi", "President Hrawi of Lebanon": the title's
//                 sector in the country named inside the phrase
//   shared name   "Bush" is two presidents: the one in office on the article
//                 date (else the most recent) answers
//   owned part    "Cairo's security chief", "the movement's leader": a person
//                 noun owned by a country takes that country
#include <algorithm>

#include "coder/actors.h"

namespace dyad::detail {
namespace {

bool country_kind(PhraseKind k) {
  return k == PhraseKind::kCountryName || k == PhraseKind::kAdjective || k == PhraseKind::kDemonym ||
         k == PhraseKind::kCapital;
}

// The latest start among the person's roles valid on `date`, or -1.
int valid_since(const Person& p, int date) {
  int best = -1;
  for (const Role& r : p.roles) {
    if (date > 0 && r.from <= date && date <= r.to) best = std::max(best, r.from);
  }
  return best;
}

int latest_start(const Person& p) {
  int best = -1;
  for (const Role& r : p.roles) best = std::max(best, r.from);
  return best;
}

}  // namespace

// Several people may share an alias ("Bush", "President Bush"): the one
// holding a role on the article date wins, else the one whose last role
// began most recently; the KB order breaks ties.
int ActorResolver::person_on_date(const Mention& m) const {
  int chosen = m.entry->ref;
  auto it = d_.phrases.by_first.find(m.entry->words.front());
  if (it == d_.phrases.by_first.end()) return chosen;
  auto rank = [&](int ref) {
    const Person& p = d_.people[ref];
    int valid = valid_since(p, ctx_.date);
    return std::make_pair(valid >= 0 ? 1 : 0, valid >= 0 ? valid : latest_start(p));
  };
  for (int id : it->second) {
    const PhraseEntry& e = d_.phrases.entries[id];
    if (e.kind != PhraseKind::kPerson || e.words != m.entry->words || e.ref == chosen) continue;
    if (rank(e.ref) > rank(chosen)) chosen = e.ref;
  }
  return chosen;
}

// The country of a titled name: a country word before the name inside its
// own phrase, else its possessive ("Lebanon's President X"), else an "of"
// phrase after it ("King X of Morocco").
std::string ActorResolver::title_country(int h, const std::vector<int>& phrase) {
  for (int w : phrase) {
    const Mention* m = mention_at(w);
    if (w < h && m && m->head == w && country_kind(m->entry->kind) && m->entry->kind != PhraseKind::kCapital) {
      return d_.countries[m->entry->ref].code;
    }
  }
  std::vector<int> owners;
  for (int w : phrase) {  // the possessive may hang on the name or on its title
    for (int c : v_->kids(w, "nmod:poss")) owners.push_back(c);
    if (v_->base_rel(w) == "nmod" && v_->case_of(w) == "of" && w > h) owners.push_back(w);
  }
  for (int c : owners) {
    const Mention* m = mention_at(c);
    if (m && m->head == c && country_kind(m->entry->kind)) return d_.countries[m->entry->ref].code;
  }
  return "";
}

// A name the KB does not know, under a title and a country inside its own
// phrase ("Pakistan President Mohammad Zia-Ul-Haq", however the parser
// attached the pieces): the title's sector in that country.
std::vector<ResolvedActor> ActorResolver::resolve_titled_name(int h) {
  static const std::vector<std::string_view> kStop = {"case", "acl",   "conj",     "cc",  "punct",
                                                      "det",  "advcl", "nmod:poss", "appos"};
  std::vector<int> phrase = v_->subtree(h, kStop);
  std::string sector;
  bool human = false;
  for (int w : phrase) {
    const Mention* m = mention_at(w);
    if (w >= h || !m || m->head != w || m->entry->kind != PhraseKind::kAgent) continue;
    sector = d_.sectors[m->entry->ref];
    human = !is_institution(w);
    break;
  }
  if (sector.empty() || !human) return {};
  std::string country = title_country(h, phrase);
  int last = h;
  for (int w : phrase) last = w > h && v_->base_rel(w) == "flat" ? std::max(last, w) : last;
  ResolvedActor r = make(phrase.front(), last, h, country, sector, "title");
  r.human = true;
  r.penalty += country.empty() ? 0.2 : 0.05;
  return {r};
}

// "Cairo's security chief", "Sudan's top envoy": a person noun (leader,
// chief, official, ...) with no "of" phrase, owned by a country or capital,
// is that country's. Empty when nothing owns it.
std::vector<ResolvedActor> ActorResolver::resolve_owned_part(int h) {
  for (int c : v_->kids(h, "nmod:poss")) {
    const Mention* m = mention_at(c);
    if (!m || m->head != c || !country_kind(m->entry->kind)) continue;
    int first = v_->subtree(h, {"acl", "acl:relcl", "appos", "conj", "cc", "punct", "nmod"}).front();
    ResolvedActor r = make(first, h, h, d_.countries[m->entry->ref].code, "", "possessive");
    r.human = true;
    r.penalty = 0.1;
    return {r};
  }
  return {};
}

// The country of a country adjective on a place name that is no actor
// itself ("the Syrian Golan Heights"), or "".
std::string ActorResolver::adjective_country(int h) const {
  for (int c : v_->kids(h, "amod")) {
    const Mention* m = mention_at(c);
    bool adjective = m && (m->entry->kind == PhraseKind::kAdjective || m->entry->kind == PhraseKind::kDemonym);
    if (adjective && m->head == c) return d_.countries[m->entry->ref].code;
  }
  return "";
}

}  // namespace dyad::detail
