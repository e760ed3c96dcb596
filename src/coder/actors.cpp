// Actor resolution. Design: dictionary phrases are found first (longest match
// over forms or lemmas, so "security services" matches the term "security
// service"); then each nominal head is resolved by one of these rules, in
// order:
//   pronoun      we/our -> the outlet's country; he/she -> last human actor;
//                it -> last non-human singular; they -> last plural; who/which -> the relcl's noun
//   person       a person name -> the role valid on the event date (apply_date)
//   org          an org name -> its code
//   country      a country name -> the bare country code; a capital -> country+GOV
//   demonym      "the French", "Armenians" -> the country
//   agent        an agent term -> country (possessive, adjective, compound, "of X") + sector;
//                without a country, the country of the last actor with that sector ("the ministry")
//   country noun "our country", "the French side" (+GOV), "the two countries" (the last two)
//   adjective    a country adjective on an unknown noun ("French citizens") -> the country
//   of           "employees of the French mission" -> the actor of the "of" phrase
// Every resolved head is appended to the article history in text order.
#include "coder/actors.h"
#include "coder/verb_slots.h"

#include <algorithm>
#include <array>

namespace dyad::detail {
namespace {

int kind_rank(PhraseKind k) {
  switch (k) {
    case PhraseKind::kOrg: return 0;
    case PhraseKind::kPerson: return 1;
    case PhraseKind::kCountryName: return 2;
    case PhraseKind::kCapital: return 3;
    case PhraseKind::kDemonym: return 4;
    case PhraseKind::kAdjective: return 5;
    case PhraseKind::kAgent: return 6;
    case PhraseKind::kCity: return 7;
  }
  return 8;
}

bool word_matches(const SentenceView& v, int i, const std::string& w) {
  return v.low(i) == w || v.lemma(i) == w;
}

bool has_capital(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// Whether the dictionary's case demands can hold for a phrase starting at i
// ("Bush" is a president, "the bush" is not; the pronoun "us" is never the
// United States; "the Commonwealth" suspended Fiji, a commonwealth is any
// federation):
// a person's name starts with a capital, and so does a one-word name the
// dictionary capitalises ("US", "Turkey") unless the whole sentence is
// lower-case (then case tells nothing). "US" read as a pronoun ("LET US")
// is not the country.
bool case_ok(const SentenceView& v, int i, const PhraseEntry& e) {
  const std::string& f = v.word(i).form;
  if (e.kind == PhraseKind::kPerson && !f.empty() && f[0] >= 'a' && f[0] <= 'z') return false;
  if (!e.needs_capital) return true;
  if (v.upos(i) == "PRON") return false;
  if (has_capital(f)) return true;
  for (int k = 0; k < v.size(); ++k) {
    if (has_capital(v.word(k).form)) return false;
  }
  return true;
}

const std::array<const char*, 30> kInstitutions = {
    "ministry", "government", "service", "agency", "army", "police", "office", "council", "parliament",
    "court", "embassy", "mission", "committee", "department", "directorate", "administration", "cabinet",
    "force", "forces", "military", "navy", "party", "assembly", "senate", "congress", "intelligence",
    "presidency", "kremlin", "authority", "authorities"};

// Heads that denote people or parts of the actor in their "of" phrase
// ("employees of the French mission", "one of the key figures of ...").
const std::array<const char*, 27> kPartOf = {
    "employee", "member", "staff", "official", "officer", "head", "leader", "chief", "representative",
    "delegation", "agent", "worker", "national", "one", "some", "many", "several", "part", "group", "unit",
    "branch", "wing", "spokesman", "spokesperson", "figure", "personnel", "spokeswoman"};


// The preposition naming whom a part or a speaker belongs to: "members of
// X", and for those who speak for someone also "a spokesman for the PKK".
bool owner_case(const std::string& lemma, const std::string& prep) {
  if (prep == "of") return true;
  return prep == "for" && (lemma == "spokesman" || lemma == "spokeswoman" || lemma == "spokesperson" ||
                           lemma == "representative");
}

}  // namespace

std::vector<Mention> find_mentions(const Dictionary& d, const SentenceView& v) {
  std::vector<Mention> out;
  int n = v.size();
  for (int i = 0; i < n;) {
    const PhraseEntry* best = nullptr;
    for (const std::string* key : {&v.low(i), &v.lemma(i)}) {
      auto it = d.phrases.by_first.find(*key);
      if (it == d.phrases.by_first.end()) continue;
      for (int id : it->second) {
        const PhraseEntry& e = d.phrases.entries[id];
        int len = static_cast<int>(e.words.size());
        if (best && len < static_cast<int>(best->words.size())) break;
        if (i + len > n || !case_ok(v, i, e)) continue;
        bool ok = true;
        for (int k = 0; k < len && ok; ++k) ok = word_matches(v, i + k, e.words[k]);
        if (!ok) continue;
        if (!best || len > static_cast<int>(best->words.size()) || kind_rank(e.kind) < kind_rank(best->kind)) best = &e;
      }
      if (key == &v.low(i) && v.low(i) == v.lemma(i)) break;
    }
    if (!best) {
      ++i;
      continue;
    }
    Mention m{i, i + static_cast<int>(best->words.size()) - 1, 0, best};
    m.head = m.last;
    for (int k = m.first; k <= m.last; ++k) {
      int h = v.head(k);
      if (h < m.first || h > m.last) {
        m.head = k;
        break;
      }
    }
    out.push_back(m);
    i = m.last + 1;
  }
  return out;
}

// "recognized the new government [in Niger]", "protesters in Kabul": an actor
// noun followed by "in" and a country or capital is that country's, however
// the parser attached the phrase (to the verb, as often as not).
bool ActorResolver::in_country(int last, ResolvedActor& r) const {
  // Not what one state keeps in another ("its embassy in Stockholm",
  // "troops in Syria"), nor what a possessive already owns.
  static constexpr std::string_view kAbroad[] = {"embassy", "consulate", "mission", "delegation", "diplomat",
                                                 "ambassador", "envoy", "troops", "forces", "soldier",
                                                 "peacekeeper", "contingent", "base"};
  if (std::find(std::begin(kAbroad), std::end(kAbroad), v_->lemma(last)) != std::end(kAbroad) ||
      v_->first_kid(last, "nmod:poss") >= 0)
    return false;
  if (last + 2 >= v_->size() || v_->low(last + 1) != "in") return false;
  const Mention* m = mention_at(last + 2);
  if (!m || m->first != last + 2 ||
      (m->entry->kind != PhraseKind::kCountryName && m->entry->kind != PhraseKind::kCapital))
    return false;
  r.actor.country = d_.countries[m->entry->ref].code;
  r.actor.code = r.actor.country + r.actor.sector;
  r.actor.via = "in";
  return true;
}

const Mention* ActorResolver::mention_at(int i) const {
  if (i < 0 || i >= static_cast<int>(mention_of_.size()) || mention_of_[i] < 0) return nullptr;
  return &mentions_[mention_of_[i]];
}

void ActorResolver::add_sentence(const SentenceView& v, int sentence_index) {
  v_ = &v;
  sentence_ = sentence_index;
  mentions_ = find_mentions(d_, v);
  mention_of_.assign(v.size(), -1);
  for (std::size_t m = 0; m < mentions_.size(); ++m) {
    for (int k = mentions_[m].first; k <= mentions_[m].last; ++k) mention_of_[k] = static_cast<int>(m);
  }
  table_.assign(v.size(), {});
  done_.assign(v.size(), 0);
  static const std::array<std::string_view, 9> kModifier = {"compound", "flat", "amod", "det", "case",
                                                            "fixed", "goeswith", "nummod", "mark"};
  for (int i = 0; i < v.size(); ++i) {
    const std::string& u = v.upos(i);
    if (u != "NOUN" && u != "PROPN" && u != "PRON" && u != "ADJ" && u != "X" && u != "NUM") continue;
    std::string_view b = v.base_rel(i);
    if (std::find(kModifier.begin(), kModifier.end(), b) != kModifier.end()) continue;
    if (u == "ADJ" && (b == "amod" || b == "xcomp" || b == "advmod")) continue;
    const Mention* m = mention_at(i);
    if (m && m->head != i) continue;
    // "the professionalism of [our security service]": a quality's owner is
    // what the phrase is about, as good as clause-level for pronouns.
    const bool transparent = b == "nmod" && v.head(i) >= 0 && is_quality_of(v.lemma(v.head(i)));
    // A secondary predicate ("refuse to consider them [diplomats]", "named
    // him [envoy]") says what its object is: when the object is an actor of
    // the predicate's number, the object is the referent a later pronoun
    // means, not the predicate (which stays as the stand-in for an object
    // that resolved to nothing, or to something the predicate contradicts).
    std::vector<ResolvedActor> found = resolve(i, 0);
    const int object = b == "xcomp" && v.head(i) >= 0 ? v.first_kid(v.head(i), "obj") : -1;
    if (object >= 0 && object < i && !found.empty()) {
      const std::vector<ResolvedActor> o = resolve(object, 0);
      if (!o.empty() && o.front().plural == found.front().plural) continue;
    }
    for (ResolvedActor& a : found) {
      a.embedded = b == "nmod" && !transparent;
      history_.push_back(std::move(a));
    }
  }
  // Names used as compound modifiers ("a U.S. request") resolve too, for
  // slot rules that look at a phrase's owner; they stay out of the history
  // so pronouns keep to clause-level actors.
  for (int i = 0; i < v.size(); ++i) {
    const Mention* m = mention_at(i);
    if (v.rel(i) == "compound" && m && m->head == i && !done_[i]) resolve(i, 0);
  }
}

std::vector<ResolvedActor> ActorResolver::resolve(int h, int depth) {
  if (done_[h]) return table_[h];
  std::vector<ResolvedActor> out;
  if (v_->upos(h) == "PRON") {
    out = resolve_pronoun(h);
  } else if (const Mention* m = mention_at(h)) {
    out = resolve_mention(h, *m);
  } else {
    out = resolve_common(h, depth);
  }
  if (out.empty() && v_->upos(h) == "PROPN") out = resolve_titled_name(h);
  // "Salaheddine Sidhoum, Algeria's leading human rights activist,": a name
  // the KB lacks is what its apposition says it is.
  for (int c : out.empty() && v_->upos(h) == "PROPN" ? v_->kids(h, "appos") : std::vector<int>{}) {
    if (c > h && out.empty()) out = resolve(c, depth + 1);
  }
  // A country's name is one state whatever its grammar: "the United States
  // ... its sanctions", "the Philippines ... its coast guard".
  const Mention* name = v_->upos(h) == "PRON" ? nullptr : mention_at(h);
  bool state_name = name && (name->entry->kind == PhraseKind::kCountryName || name->entry->kind == PhraseKind::kCapital);
  bool plural = v_->has_feat(h, "Number=Plur") && !state_name;
  for (ResolvedActor& a : out) {
    a.plural = a.plural || plural;
    a.sentence = sentence_;
    if (a.head_lemma.empty()) a.head_lemma = v_->lemma(h);
    if (a.actor.word < 0) a.actor.word = h;
  }
  if (depth == 0) {
    table_[h] = out;
    done_[h] = 1;
  }
  return out;
}

ResolvedActor ActorResolver::make(int first, int last, int head, const std::string& country,
                                  const std::string& sector, const std::string& via) const {
  ResolvedActor r;
  r.actor.span = v_->span(first, last);
  const std::string& text = v_->sentence().text;
  std::size_t base = v_->sentence().span.start;
  if (r.actor.span.start >= base && r.actor.span.end <= base + text.size()) {
    r.actor.text = text.substr(r.actor.span.start - base, r.actor.span.end - r.actor.span.start);
  } else {
    for (int k = first; k <= last; ++k) r.actor.text += (k > first ? " " : "") + v_->word(k).form;
  }
  r.actor.country = country;
  r.actor.sector = sector;
  r.actor.code = country + sector;
  r.actor.via = via;
  r.actor.word = head;
  return r;
}

void ActorResolver::split_code(const std::string& code, std::string& country, std::string& sector) const {
  if (code.size() >= 3 && d_.country_by_code.count(code.substr(0, 3))) {
    country = code.substr(0, 3);
    sector = code.substr(3);
  } else {
    country.clear();
    sector = code;
  }
}

void ActorResolver::apply_date(ResolvedActor& a, int date) const {
  if (a.person < 0) return;
  const Person& p = d_.people[a.person];
  const Role* best = nullptr;
  for (const Role& r : p.roles) {
    bool valid = date > 0 && r.from <= date && date <= r.to;
    if (valid && (!best || r.from > best->from)) best = &r;
  }
  if (!best) {  // none valid on the date: the most recent role
    for (const Role& r : p.roles) {
      if (!best || r.from > best->from) best = &r;
    }
  }
  a.actor.code = best->code;
  split_code(best->code, a.actor.country, a.actor.sector);
}

bool ActorResolver::is_institution(int h) const {
  // The lower-case form too: a name's head keeps its capital in the lemma
  // ("our State Security Service" is an institution, an "it").
  for (const std::string* l : {&v_->lemma(h), &v_->low(h)}) {
    if (std::find(kInstitutions.begin(), kInstitutions.end(), *l) != kInstitutions.end()) return true;
  }
  return false;
}

std::vector<ResolvedActor> ActorResolver::resolve_mention(int h, const Mention& m) {
  const PhraseEntry& e = *m.entry;
  switch (e.kind) {
    case PhraseKind::kPerson: {
      ResolvedActor r = make(m.first, m.last, h, "", "", "person");
      r.person = person_on_date(m);
      r.human = true;
      r.actor.person = d_.people[r.person].name;
      apply_date(r, ctx_.date);
      return {r};
    }
    case PhraseKind::kOrg: {
      const Org& o = d_.orgs[e.ref];
      ResolvedActor r = make(m.first, m.last, h, "", "", "org");
      r.actor.code = o.code;
      split_code(o.code, r.actor.country, r.actor.sector);
      if (!o.country.empty()) r.actor.country = o.country;
      if (!o.sector.empty()) r.actor.sector = o.sector;
      return {r};
    }
    case PhraseKind::kCountryName:
      return {make(m.first, m.last, h, d_.countries[e.ref].code, "", "name")};
    case PhraseKind::kCapital:
      return {make(m.first, m.last, h, d_.countries[e.ref].code, "GOV", "capital")};
    case PhraseKind::kCity:
      return {};
    case PhraseKind::kDemonym:
    case PhraseKind::kAdjective: {
      // "the French" / "Armenians": the people of the country (as in CAMEO, the bare code).
      ResolvedActor r = make(m.first, m.last, h, d_.countries[e.ref].code, "", "demonym");
      r.plural = true;
      r.human = true;
      // An ethnic group is coded by where it lives: "Albanians of southern
      // Serbia", "ethnic Albanians in Serbia" -> SRB (not "the French in Niger").
      if (std::string home = residence(h, ethnic_group(h)); !home.empty() && home != r.actor.country) {
        r.actor.country = r.actor.code = home;
        r.actor.via = "demonym+residence";
      }
      return {r};
    }
    case PhraseKind::kAgent: {
      std::string how, org;
      std::string country = np_country(h, &how, &org);
      int first = m.first, last = m.last;
      for (int c : v_->children(h)) {
        std::string_view b = v_->base_rel(c);
        bool left_mod = b == "amod" || b == "compound" || v_->rel(c) == "nmod:poss" ||
                        (b == "det" && v_->low(c) == "our");
        if (c < first && left_mod) first = v_->subtree(c).front();
        if (how == "of" && b == "nmod" && v_->case_of(c) == "of") {
          last = std::max(last, v_->subtree(c, {"acl", "appos", "conj", "cc", "punct"}).back());
        }
      }
      if (std::find(kPartOf.begin(), kPartOf.end(), v_->lemma(h)) != kPartOf.end()) {
        // "employees of the French diplomatic mission": the institution's code
        for (int c : v_->children(h)) {
          if (v_->base_rel(c) != "nmod" || !owner_case(v_->lemma(h), v_->case_of(c))) continue;
          std::vector<ResolvedActor> of = resolve(c, 1);
          if (!of.empty() && !of.front().actor.sector.empty()) {
            ResolvedActor r = of.front();
            Actor keep = r.actor;
            r.actor = make(first, std::max(last, v_->subtree(c, {"acl", "appos", "conj", "cc", "punct"}).back()), h,
                           keep.country, keep.sector, "of").actor;
            r.actor.code = keep.code;
            r.human = true;
            r.penalty += 0.05;
            return {r};
          }
        }
      }
      const std::string& sector = d_.sectors[e.ref];
      ResolvedActor r = make(first, last, h, country, sector, "agent");
      if (country.empty() && !org.empty()) r.actor.code = org + (org.ends_with(sector) ? "" : sector);
      if (!country.empty() && org.starts_with(country) && org.size() > country.size()) {
        r.actor.code = org;
        split_code(org, r.actor.country, r.actor.sector);
      }
      r.human = !is_institution(h);
      bool definite = false;
      for (int c : v_->children(h)) {
        const std::string& dl = v_->low(c);
        if (v_->base_rel(c) == "det" && (dl == "the" || dl == "this" || dl == "that" || dl == "these" || dl == "those")) definite = true;
      }
      if (country.empty() && org.empty() && in_country(last, r)) return {r};
      if (country.empty() && org.empty() && definite) {
        // "the two leaders", "the two foreign ministers": the last two countries of the article
        std::vector<ResolvedActor> pair = recent_pair(r, h, sector);
        if (!pair.empty()) return pair;
      }
      if (country.empty() && org.empty() && definite) {
        if (const ResolvedActor* a = organ_antecedent(h, sector, r.human)) {
          r.actor.country = a->actor.country;
          r.actor.code = r.actor.country + sector;
          r.actor.antecedent = a->actor.span;
          r.actor.via = "coref";
          r.penalty += 0.1;
        }
      }
      if (country.empty() && r.actor.country.empty() && org.empty()) {
        r.penalty += 0.2;
      }
      std::vector<ResolvedActor> out = {r};
      bool plural = v_->has_feat(h, "Number=Plur") || v_->word(h).xpos == "NNS";
      if (how == "of" && plural && r.actor.code == r.actor.country + sector) {
        add_of_conjuncts(h, first, sector, r, out);
      }
      if (how == "modifier" && plural && r.actor.code == r.actor.country + sector) {
        add_modifier_conjuncts(h, sector, r, out);
      }
      return out;
    }
  }
  return {};
}

std::string ActorResolver::np_country(int h, std::string* how, std::string* org_code) {
  std::string found;
  auto take = [&](const std::vector<ResolvedActor>& r, const char* why) {
    if (found.empty() && !r.empty() && !r.front().actor.country.empty()) {
      found = r.front().actor.country;
      if (how) *how = why;
    }
  };
  // "his Sudanese counterpart": a counterpart is the other side of its
  // possessor, so only its own modifiers name its country
  const bool other_side = v_->lemma(h) == "counterpart";
  const bool ethnic = ethnic_group(h);
  for (int c : v_->children(h)) {
    if (v_->rel(c) != "nmod:poss" || other_side) continue;
    std::vector<ResolvedActor> r = resolve(c, 1);
    take(r, !r.empty() && r.front().actor.via == "outlet" ? "outlet" : "possessive");
  }
  std::vector<int> mods = v_->children(h);  // with a compound's own modifiers: "U.S. [border patrol] agents"
  for (int c : v_->kids(h, "compound")) {
    for (int g : v_->children_if(c < h, c)) mods.push_back(g);
  }
  for (int c : mods) {
    std::string_view b = v_->base_rel(c);
    if (b != "amod" && b != "compound" && b != "flat" && b != "det") continue;
    const Mention* m = mention_at(c);
    if (m && m == mention_at(h)) continue;
    if (v_->upos(c) == "PRON" || v_->low(c) == "our") {
      std::vector<ResolvedActor> r = resolve_pronoun(c);
      take(r, !r.empty() && r.front().actor.via == "outlet" ? "outlet" : "possessive");
    } else if (m && ethnic && (m->entry->kind == PhraseKind::kAdjective || m->entry->kind == PhraseKind::kDemonym)) {
      continue;  // "ethnic Albanian guerrillas": Albanians by descent, coded where they live (below)
    } else if (m && m->entry->kind != PhraseKind::kCity && m->entry->kind != PhraseKind::kAgent) {
      std::vector<ResolvedActor> r = m->entry->kind == PhraseKind::kPerson ? resolve_mention(c, *m)
                                                                             : std::vector<ResolvedActor>{};
      if (m->entry->kind != PhraseKind::kPerson && m->entry->kind != PhraseKind::kOrg) {
        found = found.empty() ? d_.countries[m->entry->ref].code : found;
        if (how && how->empty()) *how = "modifier";
      } else if (m->entry->kind == PhraseKind::kOrg) {
        // "European Community foreign ministers": a domestic org lends its
        // country, an international one its code (org_code).
        std::vector<ResolvedActor> o = resolve_mention(c, *m);
        take(o, "modifier");
        // ... and a domestic non-state org its own code: "Hamas officials" are
        // Hamas (PSEREBHMS), not the Palestinian government.
        const bool sectored = !o.empty() && o.front().actor.code.size() > o.front().actor.country.size();
        if (org_code && org_code->empty() && !o.empty() && (o.front().actor.country.empty() || sectored)) {
          *org_code = o.front().actor.code;
        }
      } else {
        take(r, "modifier");
      }
    }
  }
  std::vector<int> of_owners = v_->children(h);  // with a name's: "King [Hassan] of Morocco"
  for (int c : v_->kids(h, "flat")) of_owners.insert(of_owners.end(), v_->children(c).begin(), v_->children(c).end());
  for (int c : of_owners) {
    if (v_->base_rel(c) != "nmod" || v_->case_of(c) != "of") continue;
    take(resolve(c, 1), "of");
    if (found.empty()) found = adjective_country(c);  // "inhabitants of the Syrian Golan Heights"
    if (!found.empty() && how && how->empty()) *how = "of";
  }
  if (found.empty() && ethnic) {
    found = residence(h, true);
    if (!found.empty() && how) *how = "residence";
  }
  // "demonstrators in Baghdad", "activists from the Fatah party": where the
  // people are or come from, when nothing closer names a country.
  for (int c : v_->children(h)) {
    std::string prep = v_->case_of(c);
    if (!found.empty() || v_->base_rel(c) != "nmod" || (prep != "in" && prep != "from")) continue;
    take(resolve(c, 1), prep == "in" ? "in" : "from");
    const Mention* m = mention_at(c);
    if (found.empty() && m && m->entry->kind == PhraseKind::kCity) {
      found = d_.countries[m->entry->ref].code;
      if (how) *how = prep;
    }
  }
  return found;
}

std::vector<ResolvedActor> ActorResolver::resolve_common(int h, int depth) {
  const std::string& l = v_->lemma(h);
  if (v_->upos(h) != "NOUN" && v_->upos(h) != "PROPN" && v_->upos(h) != "NUM") return {};
  std::string how;
  if (l == "country" || l == "nation" || l == "side" || l == "state" || l == "capital") {
    std::string country = np_country(h, &how);
    int first = v_->subtree(h, {"acl", "acl:relcl", "appos", "conj", "cc", "punct", "nmod"}).front();
    if (!country.empty()) {
      ResolvedActor r = make(first, h, h, country, l == "side" ? "GOV" : "",
                              how == "outlet" ? "outlet" : l == "side" ? "agent" : "name");
      return {r};
    }
    if (v_->has_feat(h, "Number=Plur")) {  // "the two countries": the last two distinct countries of the article
      std::vector<ResolvedActor> out;
      for (const ResolvedActor& a : last_two_countries()) {
        ResolvedActor r = make(first, h, h, a.actor.country, "", "coref");
        r.actor.antecedent = a.actor.span;
        r.penalty = 0.15;
        out.push_back(r);
      }
      return out;
    }
    return {};
  }
  std::string country = np_country(h, &how);
  // a sector from a compound ("spy network" -> SPY)
  for (int c : v_->children(h)) {
    const Mention* m = mention_at(c);
    if (v_->base_rel(c) == "compound" && m && m->entry->kind == PhraseKind::kAgent) {
      int first = std::min(m->first, v_->subtree(h, {"acl", "acl:relcl", "appos", "conj", "cc", "punct", "nmod"}).front());
      ResolvedActor r = make(first, h, h, country, d_.sectors[m->entry->ref], "agent");
      r.penalty = 0.1;
      return {r};
    }
  }
  // The adjective may sit on a compound before the head, as np_country reads
  // it: "two Israeli air raids" is Israel's as much as "Israeli raids".
  auto is_adjective = [&](int c) {
    const Mention* m = mention_at(c);
    return m && (m->entry->kind == PhraseKind::kAdjective || m->entry->kind == PhraseKind::kDemonym);
  };
  bool adjective_mod = std::any_of(v_->children(h).begin(), v_->children(h).end(), is_adjective);
  for (int c : v_->kids(h, "compound")) {
    if (c >= h || adjective_mod) continue;
    const std::vector<int> amods = v_->kids(c, "amod");
    adjective_mod = std::any_of(amods.begin(), amods.end(), is_adjective);
  }
  if (!country.empty() && how == "modifier" && adjective_mod && v_->upos(h) == "NOUN") {
    int first = v_->subtree(h, {"acl", "acl:relcl", "appos", "conj", "cc", "punct", "nmod"}).front();
    ResolvedActor r = make(first, h, h, country, "", "adjective");
    r.human = v_->has_feat(h, "Number=Plur");
    r.penalty = 0.1;
    return {r};
  }
  // "U.N. helicopters evacuated ...": an organization's equipment or staff acts for it
  for (int c : v_->children_if(v_->upos(h) == "NOUN" && depth < 3, h)) {
    const Mention* m = mention_at(c);
    if (c > h || v_->base_rel(c) != "compound" || !m || m->head != c || m->entry->kind != PhraseKind::kOrg) continue;
    std::vector<ResolvedActor> r = resolve(c, depth + 1);
    for (ResolvedActor& a : r) {
      Actor keep = a.actor;
      a.actor = make(std::min(m->first, v_->subtree(h, {"acl", "acl:relcl", "appos", "conj", "cc", "punct", "nmod"}).front()),
                     h, h, keep.country, keep.sector, "org+compound").actor;
      a.actor.code = keep.code;
      a.penalty += 0.1;
    }
    if (!r.empty()) return r;
  }
  bool part_of = std::find(kPartOf.begin(), kPartOf.end(), l) != kPartOf.end() || v_->upos(h) == "NUM";
  if (depth < 3 && part_of) {
    for (int c : v_->children(h)) {
      // "members of X", or X as a name before the noun ("the UNITA militarist wing")
      bool name_mod = v_->base_rel(c) == "compound" && v_->upos(c) == "PROPN" && c < h;
      if (!name_mod && (v_->base_rel(c) != "nmod" || !owner_case(l, v_->case_of(c)))) continue;
      std::vector<ResolvedActor> r = resolve(c, depth + 1);
      if (r.empty()) continue;
      for (ResolvedActor& a : r) {
        a.actor.via = "of";
        a.penalty += 0.05;
        a.human = true;
        int first = v_->subtree(h, {"acl", "acl:relcl", "appos", "conj", "cc", "punct"}).front();
        int last = std::max(h, v_->subtree(c, {"acl", "acl:relcl", "appos", "conj", "cc", "punct"}).back());
        Actor keep = a.actor;
        a.actor = make(first, last, h, keep.country, keep.sector, "of").actor;
        a.actor.code = keep.code;
        a.actor.person = keep.person;
      }
      return r;
    }
    return resolve_owned_part(h);
  }
  return {};
}

}  // namespace dyad::detail
