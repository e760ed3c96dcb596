// See target_means.h. Design note: the PLOVER gold standard, like CAMEO
// coders generally, codes "the US withdrew forces from Panama" as USA -> PAN:
// an unowned military noun is the instrument. Only the sector-only MIL
// reading is replaced, and only when coder.cpp finds a place for the act, so
// "rebels attacked soldiers" (no place) keeps its domestic MIL target.
// The rescue words are tried only after the pattern's own slots came back
// empty: a threat is aimed at whoever must meet its condition, and a
// mediation "among" parties is aimed at them. A judge or police force acts
// within its own state, so one that prosecutes a country's officials is that
// country's (police arresting foreign civilians are not inferred this way);
// so is a state actor facing a country's rebels or opposition.
#include "coder/target_means.h"

#include "coder/match.h"

#include <algorithm>
#include <array>
#include <string_view>

namespace dyad::detail {

bool all_countryless(const std::vector<std::pair<ResolvedActor, std::string>>& targets) {
  return std::all_of(targets.begin(), targets.end(), [](const auto& g) { return g.first.actor.country.empty(); });
}

bool only_armed_means(const std::vector<std::pair<ResolvedActor, std::string>>& targets, const std::string& cameo) {
  const bool police_too = cameo.starts_with("15") || cameo.starts_with("07");
  return !targets.empty() && std::all_of(targets.begin(), targets.end(), [&](const auto& t) {
           const Actor& a = t.first.actor;
           const bool armed = a.sector == "MIL" || (police_too && a.sector == "COP");
           return a.country.empty() && armed && a.code == a.sector && a.via == "agent";
         });
}

bool domestic_state_source(Event& e) {
  static const std::array<std::string_view, 5> kState = {"GOV", "JUD", "COP", "LEG", "MIL"};
  static const std::array<std::string_view, 4> kChallengers = {"REB", "OPP", "INS", "SEP"};
  auto in = [](const auto& set, const std::string& code) {
    return std::find(set.begin(), set.end(), std::string_view(code).substr(0, 3)) != set.end();
  };
  if (!e.source || !e.target || !e.source->country.empty()) return false;
  if (e.source->via != "agent" && e.source->via != "title") return false;  // "police", "Judge X"
  if (e.target->country.empty() || e.target->country.starts_with("IGO") || e.target->country.starts_with("NGO")) return false;
  // Courts and police act on their own state's officials; any state actor on
  // its own country's rebels or opposition ("the president conceded to
  // UNITA's demands"): a government faces its own challengers.
  bool court_on_state = (e.source->code == "JUD" || e.source->code == "COP") && in(kState, e.target->sector);
  bool state_on_challenger = in(kState, e.source->code) && in(kChallengers, e.target->sector);
  if (!court_on_state && !state_on_challenger) return false;
  e.source->country = e.target->country;
  e.source->code = e.source->country + e.source->sector;
  e.source->via += "+domestic";
  return true;
}

std::vector<std::pair<int, std::string>> rescue_target_words(const SentenceView& v, int t, int object, bool threat) {
  std::vector<std::pair<int, std::string>> out;
  std::vector<int> clauses = {t};
  for (int c : v.kids(t, "xcomp")) clauses.push_back(c);
  for (int k : threat ? clauses : std::vector<int>{}) {
    for (int c : v.kids(k, "advcl")) {
      bool condition = false;
      for (int m : v.kids(c, "mark")) condition = condition || v.low(m) == "unless" || v.low(m) == "if";
      int subj = v.first_kid(c, "nsubj");
      if (condition && subj >= 0) out.emplace_back(subj, v.lemma(k) + " -advcl:" + v.lemma(c) + "-> condition -nsubj-> " + v.word(subj).form);
    }
  }
  for (int head : {object, t}) {
    for (int c : v.children_if(head >= 0, head)) {
      if (v.base_rel(c) != "nmod" || (v.case_of(c) != "among" && v.case_of(c) != "between")) continue;
      std::string path = v.lemma(head) + " -nmod:" + v.case_of(c) + "-> " + v.word(c).form;
      out.emplace_back(c, path);
      for (int o : v.kids(c, "nmod:poss")) out.emplace_back(o, path + " -nmod:poss-> " + v.word(o).form);
    }
  }
  return out;
}

namespace {

constexpr std::array<std::string_view, 7> kArrest = {"arrest", "detain", "jail", "imprison", "charge", "hold", "apprehend"};

bool passive_arrest(const SentenceView& v, int w) {
  return w >= 0 && v.passive(w) && std::find(kArrest.begin(), kArrest.end(), v.lemma(w)) != kArrest.end();
}

// "were arrested and accused of spying": an accusation in the second conjunct
// of an agentless passive arrest (detention, charge) is the arresting state's,
// as the arrest is; an accusation alone ("X was accused of spying") may be
// anyone's and takes no source from its place.
bool accusation_joined_to_arrest(const SentenceView& v, int t, const Event& e) {
  return e.cameo.starts_with("112") && v.base_rel(t) == "conj" && passive_arrest(v, v.head(t));
}

}  // namespace

int arrest_partner(const SentenceView& v, int t, const Event& e) {
  if (accusation_joined_to_arrest(v, t, e)) return v.head(t);
  if (!e.cameo.starts_with("17") || !passive_arrest(v, t)) return -1;
  for (int c : v.kids(t, "conj"))
    if (v.lemma(c) == "accuse") return c;
  return -1;
}

// Arrests, expulsions, seizures and repression (CAMEO 171-175) are acts of
// the state where they happen: an agentless passive located in a country
// takes that country as its source ("four French citizens have been
// arrested in Burkina Faso" -> BFA).
// Likewise violence whose perpetrator the sentence does not name ("a journalist
// was killed by a car bomb in Beirut") is coded, as the PLOVER gold
// standard codes it, to the country where it happened: attackers unnamed
// are taken as local until the text says otherwise.
double state_agent(const SentenceView& v, int t, Event& e) {
  static const std::array<std::string_view, 5> kStateActs = {"171", "172", "173", "174", "175"};
  static const std::array<std::string_view, 3> kViolence = {"18", "19", "20"};
  if (e.source || !e.location || e.location->country.empty()) return 0.0;
  const bool joined_accusation = accusation_joined_to_arrest(v, t, e);
  if (!v.passive(t) && !joined_accusation) return 0.0;
  auto among = [&](const auto& codes) {
    return std::any_of(codes.begin(), codes.end(), [&](std::string_view c) { return e.cameo.starts_with(c); });
  };
  if (!among(kStateActs) && !among(kViolence) && !joined_accusation) return 0.0;
  Actor a;
  a.text = e.location->text;
  a.span = e.location->span;
  a.code = a.country = e.location->country;
  a.via = among(kStateActs) || joined_accusation ? "place+state" : "place+unnamed";
  if (e.target && e.target->code == a.code) return 0.0;
  e.source = std::move(a);
  return 0.25;
}

void consequence_victims(const SentenceView& v, int t, const ActorResolver& actors, Event& e) {
  if (v.rel(t) != "advcl" || v.word(t).xpos != "VBG" || !e.target || !e.target->country.empty() ||
      e.target->sector.empty() || e.target->via != "agent" || e.target->code != e.target->sector)
    return;
  const int h = v.head(t);
  if (h < 0 || v.upos(h) != "VERB") return;
  std::vector<int> acted_on;
  const int o = logical_object(v, h).word;
  for (int w : o >= 0 ? std::vector<int>{o, h} : std::vector<int>{h}) {
    if (w == o) acted_on.push_back(o);
    for (const char* prep : {"on", "against", "in"}) {
      if (int g = prep_dependent(v, w, prep).word; g >= 0) acted_on.push_back(g);
    }
  }
  for (int w : acted_on) {
    for (const ResolvedActor& a : actors.at(w)) {
      const std::string& c = a.actor.country;
      if (c.empty() || (e.source && e.source->country == c)) continue;
      e.target->country = c;
      e.target->code = c + e.target->sector;
      e.target->via += "+consequence";
      return;
    }
  }
}

// A sector-only actor ("rebels", "demonstrators", "students") is taken as
// domestic, as coders of the PLOVER gold standard do: a source gets the
// country of the event's place ("protesters blocked roads in Algiers" ->
// DZAOPP), a target that place's country too, else the source's ("the
// Sudanese government accused rebels" -> SDNREB). Meetings and agreements
// happen at a venue, for either side ("the two leaders held talks in Geneva"
// is no Swiss government's act). Returns the confidence cost.
double domestic_countries(Event& e) {
  auto sector_only = [](const std::optional<Actor>& a) {  // NGOs are international, as IGOs ("the international community")
    return a && a->via == "agent" && a->country.empty() && !a->sector.empty() && a->code == a->sector &&
           !a->code.starts_with("NGO") && !a->code.starts_with("IGO");
  };
  const bool venue = e.cameo.starts_with("03") || e.cameo.starts_with("04") || e.cameo.starts_with("05");
  double cost = 0.0;
  if (sector_only(e.source) && e.location && !e.location->country.empty() && !venue) {
    e.source->country = e.location->country;
    e.source->code = e.source->country + e.source->sector;
    e.source->via += "+place";
    cost += 0.1;
  }
  // A target is first of the country where the act took place ("Israeli
  // troops killed three civilians in Jenin" -> PSECVL), else the source's;
  // not at a venue ("signed a peace deal with Tigrayan forces in Pretoria"
  // is no deal with South Africa's forces).
  const bool placed = e.location && !e.location->country.empty() && !venue;
  const std::string home = placed ? e.location->country : e.source ? e.source->country : "";
  if (sector_only(e.target) && !home.empty() && (!e.source || e.source->code != home + e.target->sector)) {
    e.target->country = home;
    e.target->code = e.target->country + e.target->sector;
    e.target->via += placed ? "+place" : "+domestic";
    cost += 0.1;
  }
  return cost;
}

}  // namespace dyad::detail
