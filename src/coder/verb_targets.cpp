// Default targets of a verb pattern that names no target slot (see
// default_verb_targets in match.h), and the owners of a phrase.
#include <algorithm>
#include <functional>
#include <string>
#include <string_view>

#include "coder/match.h"
#include "coder/verb_slots.h"

namespace dyad::detail {
namespace {

// Acts whose "of" phrase is the one acted upon ("the detention of two
// journalists", "the killing of civilians"), not the actor ("the visit of
// the president", "the decision of the court").
bool patient_of_noun(const SentenceView& v, int noun) {
  static constexpr std::string_view kPatientOf[] = {
      "arrest",     "detention",  "killing",   "murder",     "execution",    "abduction", "kidnapping",
      "imprisonment", "jailing",  "torture",   "expulsion",  "deportation",  "assassination", "persecution",
      "shooting",   "beating",    "harassment", "mistreatment", "sentencing", "extradition", "capture",
      "massacre",   "release"};
  return std::find(std::begin(kPatientOf), std::end(kPatientOf), v.lemma(noun)) != std::end(kPatientOf);
}

// "the professionalism of X", "the role of X": the quality's owner, after
// the phrase itself.
template <class Add>
void add_quality_owner(const SentenceView& v, const SlotWord& g, Add& add) {
  if (g.word < 0 || !is_quality_of(v.lemma(g.word))) return;
  SlotWord of = prep_dependent(v, g.word, "of");
  if (of.word >= 0) add({of.word, g.path + " " + of.path});
}

bool transfers_to_recipient(std::string_view lemma) {
  static constexpr std::string_view kTransfer[] = {"supply", "send", "provide", "give",    "deliver", "sell",
                                                   "transfer", "donate", "ship", "lend", "grant", "hand"};
  return std::find(std::begin(kTransfer), std::end(kTransfer), lemma) != std::end(kTransfer);
}

}  // namespace

// The owner of a phrase: its possessive or compound modifier ("Peru's
// proposal", "a U.S. request", "the Azerbaijani republic" parsed as compound).
// A capitalised name's compound is part of the name, not its owner ("the
// Vienna Convention" is no act of Vienna; "a U.S. request" is the USA's).
void add_owners(const SentenceView& v, int w, const std::function<void(SlotWord)>& add) {
  for (int c : v.children(w)) {
    const std::string& f = v.word(w).form;  // capitalised: a name (the tagger's PROPN is not reliable here)
    bool name_part = v.rel(c) == "compound" && !f.empty() && f[0] >= 'A' && f[0] <= 'Z' && w > 0;
    if (v.rel(c) == "nmod:poss" || (v.rel(c) == "compound" && !name_part)) add({c, step(v, w, v.rel(c), c, true)});
  }
}

// A verb pattern without target= : the object, then a recipient phrase of the
// object ("halted aid to Sudan", "a curfew on X"), then the object's owner or
// author ("rejected Peru's proposal", "a U.S. request", "calls by X", "an offer
// from X", "the withdrawal of X"), then a phrase of the verb ("apologized to
// Peru", "met with X"), then, for verbs that act on a clause ("demanded that X
// end ..."), the clause's subject. The coder keeps the first that names an
// actor other than the source.
void default_verb_targets(const SentenceView& v, int t, int source, bool clause_target, Slots& out, int depth) {
  out.first_target_only = true;
  auto add = [&](SlotWord g) {
    if (g.word >= 0 && g.word != source) out.targets.push_back(std::move(g));
  };
  SlotWord o = logical_object(v, t);
  // "agreed to supply [fighter jets] to Ukraine": what a transfer verb moves
  // is not whom it is for; its to-phrase comes first.
  if (transfers_to_recipient(v.lemma(t))) {
    add(prep_dependent(v, t, "to"));
    if (o.word >= 0) add(prep_dependent(v, o.word, "to"));
  }
  add(o);
  // "warned [Finland]iobj that joining NATO would be a mistake": the one addressed
  if (int io = exact_kid(v, t, "iobj"); io >= 0) add({io, step(v, t, "iobj", io, true)});
  if (o.word >= 0) {
    // "provide [70 million dollars of aid] for X": a measure's of-phrase carries the recipient too
    std::vector<int> phrases = {o.word};
    if (SlotWord of = prep_dependent(v, o.word, "of"); of.word >= 0 && is_measure(v.lemma(o.word))) {
      phrases.push_back(of.word);
    }
    // "pledged [$500 million in aid] to X" (the in-phrase of a sum of money)
    if (SlotWord in = prep_dependent(v, o.word, "in"); in.word >= 0 && v.upos(o.word) == "SYM") {
      phrases.push_back(in.word);
    }
    for (int w : phrases) {
      for (const char* prep : {"to", "for", "with", "against", "on", "among", "between", "over"}) {
        SlotWord g = prep_dependent(v, w, prep);
        std::string_view pv = prep;
        if (pv == "over" && g.word >= 0 && is_time_noun(v.lemma(g.word))) continue;
        add(g);
        add_quality_owner(v, g, add);  // "paid tribute to [the professionalism of X]"
        // "among [Serbia's] republics", "a protest over [the Philippine navy's] maneuvers"
        if (g.word >= 0 && (pv == "among" || pv == "between" || pv == "over")) add_owners(v, g.word, add);
      }
    }
    add_owners(v, o.word, add);
    // "protested the detention of two journalists": the journalists are the
    // detainees, not whom the protest is against (that is the detainer).
    bool of_is_patient = reacts_to_others_act(v, t) && patient_of_noun(v, o.word);
    for (const char* prep : {"by", "from", "of"}) {
      if (!of_is_patient || std::string_view(prep) != "of") add(prep_dependent(v, o.word, prep));
    }
    // "prevented [the demonstration staged by students]": a participle's by-agent authors the object
    for (int c : v.kids(o.word, "acl")) {
      int a = v.word(c).xpos == "VBN" ? by_agent(v, c) : -1;
      if (a >= 0) add({a, step(v, t, "obj", o.word, true) + " " + step(v, o.word, "acl", c, true) + " " + step(v, c, "by", a, true)});
    }
    // ... also when the parser hung that participle on the verb ("intercepted
    // a missile [fired by the Houthis]" with "fired" an xcomp)
    for (int c : v.kids(t, "xcomp")) {
      int a = c > o.word && v.word(c).xpos == "VBN" ? by_agent(v, c) : -1;
      if (a >= 0) add({a, step(v, t, "xcomp", c, true) + " " + step(v, c, "by", a, true) + " (the object's author)"});
    }
    // "rejected an offer [from X]" with the phrase attached to the verb: a
    // from-phrase right after the object is as often the object's author.
    int end = v.subtree(o.word).back();
    for (int c : v.children(t)) {
      if (v.base_rel(c) == "obl" && v.case_of(c) == "from" && v.subtree(c).front() == end + 1) {
        add({c, step(v, t, "obl:from", c, true) + " (right after the object)"});
      }
    }
  }
  for (const char* prep : {"to", "with", "against", "toward", "towards", "at", "on"}) {
    SlotWord g = prep_dependent(v, t, prep);
    add(g);
    if (g.word < 0) continue;
    add_quality_owner(v, g, add);
    add_owners(v, g.word, add);  // "agreed to [US] mediation"
    for (const char* by : {"from", "by"}) {  // "responded to a demand [from X]"
      SlotWord a = prep_dependent(v, g.word, by);
      if (a.word >= 0) add({a.word, g.path + " " + a.path});
    }
  }
  // "spoke [by phone] with X", "held talks [via video link] with X": the parser
  // hangs the partner on the means phrase
  for (int c : v.children(t)) {
    if (v.base_rel(c) != "obl" || v.case_of(c).empty()) continue;
    SlotWord g = prep_dependent(v, c, "with");
    if (g.word >= 0) add({g.word, step(v, t, v.rel(c), c, true) + " " + g.path});
  }
  // "pushed for [the US to support ...]": the subject of a for-clause is whom it is asked of
  for (int c : v.children(t)) {
    int m = v.base_rel(c) == "advcl" ? v.first_kid(c, "mark") : -1;
    if (m < 0 || v.low(m) != "for") continue;
    int s = exact_kid(v, c, "nsubj");
    if (s >= 0) add({s, step(v, t, "advcl", c, true) + " " + step(v, c, "nsubj", s, true)});
  }
  // "refused to meet X", "threatened to cut off electricity to X": the
  // controlled clause's target is the controller's too.
  for (int c : v.children(t)) {
    // an infinitive without its own subject parsed as advcl is the same complement ("agreed [to provide]")
    bool infinitive = v.rel(c) == "xcomp" || (v.rel(c) == "advcl" && v.first_kid(c, "nsubj") < 0 &&
                                               v.first_kid(c, "mark") >= 0 && v.low(v.first_kid(c, "mark")) == "to");
    if (depth > 0 || o.word >= 0 || !infinitive || v.upos(c) != "VERB") continue;
    std::size_t first = out.targets.size();
    default_verb_targets(v, c, source, false, out, depth + 1);
    for (std::size_t k = first; k < out.targets.size(); ++k) {
      out.targets[k].path = step(v, t, "xcomp", c, true) + " " + out.targets[k].path;
    }
  }
  // "summoned the ambassador [to protest] the detention": a reaction that is
  // the purpose of a verb acting on someone is addressed to that someone.
  if (depth == 0 && v.rel(t) == "advcl" && reacts_to_others_act(v, t) && v.first_kid(t, "nsubj") < 0) {
    int mark = v.first_kid(t, "mark");
    int h = v.head(t);
    SlotWord ho = h >= 0 && mark >= 0 && v.low(mark) == "to" ? logical_object(v, h) : SlotWord{};
    if (ho.word >= 0) add({ho.word, step(v, h, "advcl", t, false) + " " + ho.path});
  }
  // "protested after [Chinese ships] entered its waters", "condemned the raid
  // when [troops] fired": a reaction is addressed to whoever did the act it
  // answers, after any object or phrase that names someone; also the
  // parser's "protested [after ships]obl [entered]conj"
  if (depth == 0 && reacts_to_others_act(v, t)) {
    for (int c : v.children(t)) {
      if (v.base_rel(c) != "advcl") continue;
      int m = v.first_kid(c, "mark");
      if (m < 0) m = v.first_kid(c, "advmod");  // "when" read as an adverb
      if (m < 0 || m > c || (v.low(m) != "after" && v.low(m) != "when" && v.low(m) != "because")) continue;
      const int s = exact_kid(v, c, "nsubj");
      if (s >= 0) add({s, step(v, t, "advcl", c, true) + " " + step(v, c, "nsubj", s, true)});
    }
    add(prep_dependent(v, t, "after"));
  }
  // After the object and its phrases: "issued a reminder to X [that Y must ...]" -> Y
  if (!clause_target) return;
  for (int c : v.children(t)) {
    if (v.rel(c) != "ccomp") continue;
    int s = exact_kid(v, c, "nsubj");
    if (s < 0) s = exact_kid(v, c, "nsubj:pass");
    if (s >= 0) add({s, step(v, t, "ccomp", c, true) + " " + step(v, c, v.rel(s), s, true)});
  }
}

}  // namespace dyad::detail
