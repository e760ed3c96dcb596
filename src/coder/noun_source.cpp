// The source of a nominal trigger (noun_source in match.h): whose act a noun
// such as "expulsion", "protests" or "aid" names, read off the parse.
#include <algorithm>
#include <string>
#include <string_view>

#include "coder/match.h"
#include "coder/verb_classes.h"
#include "coder/verb_slots.h"

namespace dyad::detail {

SlotWord noun_source(const SentenceView& v, int t) {
  for (int c : v.children(t)) {
    if (v.rel(c) == "nmod:poss") return {c, step(v, t, "nmod:poss", c, true)};
  }
  SlotWord by = prep_dependent(v, t, "by");
  if (by.word >= 0) return by;
  // "two Israeli air raids", "U.S. strikes": a capitalised modifier (a country's
  // adjective or name) is the agent, before the governing verb's subject, which
  // is often only the one who speaks of the act ("Lebanon complained over ...").
  // Not inside a name ("the Vienna Convention").
  if (SlotWord m = capitalised_modifier(v, t); m.word >= 0) return m;
  // "the release of hostages [held by Hamas]": whoever holds them releases them
  static constexpr std::string_view kFreeing[] = {"release", "freeing", "return", "handover", "exchange", "swap"};
  if (v.upos(t) == "NOUN" && std::find(std::begin(kFreeing), std::end(kFreeing), v.lemma(t)) != std::end(kFreeing)) {
    const int of = prep_dependent(v, t, "of").word;
    for (int held : v.children_if(of >= 0, of)) {
      if (v.rel(held) != "acl" || v.word(held).xpos != "VBN") continue;
      if (const int a = by_agent(v, held); a >= 0)
        return {a, v.lemma(t) + " of ... " + step(v, held, v.rel(a), a, true) + " (the holder)"};
    }
  }
  int h = v.head(t);
  std::string_view r = v.base_rel(t);
  std::string via;
  // "accused Kosovo [of ethnic cleansing]": the accused is the one alleged to act
  static constexpr std::string_view kAccuse[] = {"accuse", "charge", "blame", "suspect", "convict"};
  auto accusing = [&](int verb) {
    return verb >= 0 && std::find(std::begin(kAccuse), std::end(kAccuse), v.lemma(verb)) != std::end(kAccuse);
  };
  if (h >= 0 && v.case_of(t) == "of") {
    if (r == "nmod" && (v.rel(h) == "obj" || v.rel(h) == "nsubj:pass") && accusing(v.head(h)))
      return {h, step(v, v.head(h), v.rel(h), h, true) + " (accused of '" + v.word(t).form + "')"};
    if (r == "obl" && accusing(h)) {
      if (SlotWord o = logical_object(v, h); o.word >= 0) return {o.word, o.path + " (accused of '" + v.word(t).form + "')"};
    }
  }
  // "pledged [$500 million in military aid]", "sent [50 tons of aid]": the
  // amount is the verb's object and the act its content
  if (h >= 0 && r == "nmod" && (v.case_of(t) == "in" || v.case_of(t) == "of") && v.rel(h) == "obj" &&
      (is_measure(v.lemma(h)) || v.upos(h) == "SYM") && v.head(h) >= 0) {
    via = step(v, h, v.rel(t), t, false) + " ";
    t = h;
    h = v.head(h);
    r = "obj";
  }
  // "passed the bill [despite mass protests]", "protested [over the detention]",
  // "suspended Fiji [after the coup]": someone else's act; but an act of two
  // sides after which one acts was partly its own ("seized weapons after a shootout")
  // ("came under fire": the fire is at the subject, not its own)
  static constexpr std::string_view kOthersAct[] = {"despite", "amid", "amidst", "against", "over",
                                                    "after",   "following", "under"};
  static constexpr std::string_view kTwoSided[] = {"shootout", "clash", "fighting", "battle", "gunfight", "firefight",
                                                   "skirmish", "confrontation", "talk", "meeting", "negotiation",
                                                   "consultation", "summit", "exchange"};
  const std::string& c = v.case_of(t);
  const bool after = c == "after" || c == "following";
  const bool others = r == "obl" && std::find(std::begin(kOthersAct), std::end(kOthersAct), c) != std::end(kOthersAct) &&
                      !(after && std::find(std::begin(kTwoSided), std::end(kTwoSided), v.lemma(t)) != std::end(kTwoSided));
  // "accused X of fomenting the protests", "sparked clashes": others act, moved by the subject
  // ("brokered a ceasefire", "mediated a deal": the parties' truce or deal, not the broker's;
  // "secured/won the release of hostages": the captors release them)
  static constexpr std::string_view kMovesOthers[] = {"foment", "incite",  "instigate", "provoke", "spark",
                                                      "trigger", "fuel",   "stoke",     "ignite",  "inflame",
                                                      "broker", "mediate", "secure",    "win",     "obtain"};
  const bool moved = h >= 0 && std::find(std::begin(kMovesOthers), std::end(kMovesOthers), v.lemma(h)) != std::end(kMovesOthers);
  // "said the attack was terrorism", "called [the attack] [a terrorist act]": an act
  // spoken of or described, not done ("announced the expulsion" is still the announcer's)
  static constexpr std::string_view kDescribes[] = {"say",  "describe", "label",  "term",   "brand",
                                                    "characterize", "characterise", "dub", "deem", "consider",
                                                    "regard", "view", "discuss", "debate"};
  // "foiled an attack": the act stopped or fought off is someone else's
  const bool stopped = h >= 0 && is_foil_verb(v.lemma(h));
  // "two policemen died in an ambush", "survived an attack", "received death
  // threats", "came under attack": the subject suffered it; the act is from
  // whoever a from-phrase names
  const bool suffered = h >= 0 && (r == "obj" || r == "obl") && is_suffering_verb(v.lemma(h));
  if (suffered || (h >= 0 && r == "obl" && c == "under")) {
    SlotWord from = prep_dependent(v, t, "from");
    if (from.word < 0) from = prep_dependent(v, h, "from");
    if (from.word >= 0) return {from.word, via + from.path};
  }
  // "demanded the withdrawal of X", "called for a ceasefire": asked of others
  const bool asked = requesting_verb(v, t) >= 0;
  const bool described =
      h >= 0 && (std::find(std::begin(kDescribes), std::end(kDescribes), v.lemma(h)) != std::end(kDescribes) ||
                 (v.lemma(h) == "call" && (exact_kid(v, h, "xcomp") >= 0 || v.kids(h, "obj").size() > 1)));
  if (h >= 0 && (r == "obj" || r == "obl" || v.rel(t) == "nsubj:pass") && !others && !moved && !stopped && !suffered && !asked && !described &&
      !reacts_to_others_act(v, h)) {
    SlotWord s = logical_subject(v, h);
    if (s.word >= 0) s.path = via + step(v, h, v.rel(t), t, false) + " " + s.path;
    return s;
  }
  return {};
}

}  // namespace dyad::detail
