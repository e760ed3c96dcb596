// The likely agent of an agentless passive (implicit_agent.h).
#include "coder/implicit_agent.h"

#include <algorithm>

#include "coder/match.h"
#include "coder/verb_slots.h"

namespace dyad::detail {

void implicit_agent(const ActorResolver& actors, const SentenceView& v, int t,
                    std::vector<std::pair<ResolvedActor, std::string>>& out) {
  for (int c : v.children(t)) {
    std::string prep = v.case_of(c);
    if (v.base_rel(c) != "obl" || (prep != "to" && prep != "at")) continue;
    for (ResolvedActor a : actors.at(c)) {
      bool institution = (a.actor.via == "agent" || a.actor.via == "org" || a.actor.via == "coref") && !a.human;
      if (!institution || a.actor.country.empty()) continue;
      a.actor.via = "implicit";
      a.penalty += 0.25;
      out.emplace_back(a, v.lemma(t) + " (passive, no agent) -obl:" + prep + "-> " + v.word(c).form);
    }
    if (!out.empty()) return;
  }
  // "Three people were killed when a Russian missile hit a building": the
  // actor of the clause that says how it happened did it
  for (int c : when_clauses(v, t)) {
    const int subject = v.first_kid(c, "nsubj");
    for (ResolvedActor a : subject >= 0 ? actors.at(subject) : std::vector<ResolvedActor>{}) {
      if (a.actor.code.empty()) continue;
      a.penalty += 0.2;
      out.emplace_back(a, v.lemma(t) + " (passive, no agent) -advcl-> " + v.word(c).form + " -nsubj-> " +
                              v.word(subject).form);
    }
    if (!out.empty()) return;
  }
  // "Two soldiers were killed in a Kurdish militant attack": the attack's author
  for (int c : v.children(t)) {
    if (v.base_rel(c) != "obl" || (v.case_of(c) != "in" && v.case_of(c) != "during")) continue;
    if (!is_attack_noun(v.lemma(c))) continue;
    SlotWord who = noun_source(v, c);
    if (who.word < 0 || actors.at(who.word).empty()) {
      // "a [militant] attack", "a rebel raid": a modifier naming who attacks
      for (int m : v.children(c)) {
        if (m < c && (v.rel(m) == "compound" || v.rel(m) == "amod") && !actors.at(m).empty())
          who = {m, step(v, c, v.rel(m), m, true)};
      }
    }
    for (ResolvedActor a : who.word >= 0 ? actors.at(who.word) : std::vector<ResolvedActor>{}) {
      if (a.actor.code.empty()) continue;
      a.penalty += 0.2;
      out.emplace_back(a, v.lemma(t) + " (passive, no agent) -obl:" + v.case_of(c) + "-> " + v.word(c).form + " " + who.path);
    }
    if (!out.empty()) return;
  }
  // "They were ordered to leave Azerbaijan's territory": whoever may order
  // people out of a country is that country
  for (int x : v.kids(t, "xcomp")) {
    const std::string& l = v.lemma(x);
    if (l != "leave" && l != "depart" && l != "quit") continue;
    const int place = v.first_kid(x, "obj");
    if (place < 0) continue;
    std::vector<ResolvedActor> owner = actors.at(place);
    for (int c : v.children_if(owner.empty(), place)) {
      if (v.rel(c) == "nmod:poss") owner = actors.at(c);  // "Azerbaijan's territory"
    }
    for (ResolvedActor a : owner) {
      if (a.actor.country.empty() || a.actor.code != a.actor.country) continue;  // a state, not its people
      a.actor.via = "implicit";
      a.penalty += 0.25;
      out.emplace_back(a, v.lemma(t) + " (passive, no agent) -xcomp-> " + l + " -obj-> " + v.word(place).form);
    }
  }
}

bool has_agent_phrase(const SentenceView& v, int t) {
  for (int c : v.children(t)) {
    if (v.rel(c) == "obl:agent" || (v.base_rel(c) == "obl" && v.case_of(c) == "by")) return true;
  }
  return false;
}

const Event* earlier_agent_of(const std::vector<Event>& events, const Document& doc, int sentence,
                              const Actor& target, int quad_class) {
  if (target.country.empty()) return nullptr;
  int paragraph_start = sentence;  // the first sentence of this paragraph
  while (paragraph_start > 0 && !doc.sentences[static_cast<std::size_t>(paragraph_start)].new_paragraph) {
    --paragraph_start;
  }
  const int first = std::max(paragraph_start, sentence - kImpliedLookBack);
  for (auto e = events.rbegin(); e != events.rend() && e->sentence >= first; ++e) {
    if (!e->target || e->target->country != target.country) continue;  // out holds earlier sentences only
    if (e->source && e->source->via == "implied") continue;  // cite the act that names the agent
    // The latest act on that country decides, whoever did it.
    const bool state = e->source && !e->source->country.empty() && e->source->country != target.country &&
                       (e->source->code == e->source->country || e->source->sector == "GOV");
    const bool same_side = (e->quad_class >= 3) == (quad_class >= 3);
    return state && same_side ? &*e : nullptr;
  }
  return nullptr;
}

}  // namespace dyad::detail
