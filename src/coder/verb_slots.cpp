// Parse tests behind the slot rules of match.cpp (see verb_slots.h). Each
// list is closed and small; the rules and their examples are in docs/coder.md.
#include "coder/verb_slots.h"

#include <algorithm>
#include <array>
#include <string>

#include "coder/verb_classes.h"

namespace dyad::detail {
namespace {

// Measures, amounts and series name how much, not what: "700 kg of medicine",
// "$50,000 worth of goods", "a series of bombs" are acts on medicine, goods, bombs.
const std::array<std::string_view, 33> kMeasure = {
    "kg",     "kilogram", "kilo",      "tonne",     "ton",         "pound",   "litre",    "liter",  "gallon",
    "barrel", "worth",    "dollar",    "euro",      "million",     "billion", "thousand", "amount", "quantity",
    "lot",    "load",     "truckload", "planeload", "consignment", "batch",   "series",   "string", "wave",
    "spate",  "barrage",  "volley",    "handful",   "dozen",       "couple"};

// Predicates that take a personal subject, so an "it" the parser labelled expl
// is still their subject ("it is prepared to impose martial law"); in "it is
// important to act" the "it" is a true expletive and stays out.
const std::array<std::string_view, 11> kPersonalPredicate = {
    "prepared", "ready", "willing", "unwilling", "determined", "able", "unable", "reluctant", "eager", "poised", "set"};

// Crowd counts: their "of" phrase names who acts. "one of", "members of" are
// the actor resolver's part-of nouns (actors.cpp) and stay out of here.
const std::array<std::string_view, 12> kCrowd = {"thousand", "thousands", "hundred", "hundreds", "dozen", "dozens",
                                                 "score", "scores", "million", "millions", "tens", "group"};

const std::array<std::string_view, 29> kTime = {
    "monday",  "tuesday",  "wednesday", "thursday", "friday",  "saturday", "sunday",  "january",
    "february", "march",   "april",     "may",      "june",    "july",     "august",  "september",
    "october", "november", "december",  "day",      "week",    "month",    "year",    "morning",
    "evening", "night",    "weekend",   "afternoon", "occasion"};

bool is_capitalised(const SentenceView& v, int w) {
  const std::string& f = v.word(w).form;
  return !f.empty() && f[0] >= 'A' && f[0] <= 'Z';
}

bool modifier_rel(const SentenceView& v, int c) { return v.rel(c) == "amod" || v.rel(c) == "compound"; }

}  // namespace

bool is_attack_noun(std::string_view lemma) {
  static constexpr std::string_view kAttack[] = {"attack", "raid",    "strike",  "ambush",    "bombing", "shelling",
                                                 "assault", "airstrike", "offensive", "bombardment", "blast", "explosion"};
  return std::find(std::begin(kAttack), std::end(kAttack), lemma) != std::end(kAttack);
}

bool is_measure(std::string_view lemma) {
  return std::find(kMeasure.begin(), kMeasure.end(), lemma) != kMeasure.end();
}

// Means and measures someone uses or takes: "opened fire to disperse",
// "used tear gas to break up", "took steps to curb"; and what someone blocks
// or closes to make a point: "blocked roads to protest", "closed its embassy
// to protest". Never people.
const std::array<std::string_view, 31> kMeansNoun = {
    "fire",   "force",   "gas",     "cannon",   "bullet",  "measure", "step",    "action",
    "operation", "raid", "tactic",  "weapon",   "missile", "drone",   "law",     "legislation",
    "decree", "order",   "sanction", "tariff",  "ban",     "curfew",  "road",    "street",
    "highway", "bridge", "border",  "airspace", "port",    "embassy", "traffic"};

bool is_means_noun(std::string_view lemma) {
  return std::find(kMeansNoun.begin(), kMeansNoun.end(), lemma) != kMeansNoun.end();
}

// Intentions and capacities one has, makes or announces: "had no plans to
// send", "made the decision to withdraw", "announced plans to build".
const std::array<std::string_view, 12> kIntentNoun = {"plan",      "intention", "decision", "right",
                                                      "capacity",  "ability",   "readiness", "willingness",
                                                      "authority", "power",     "commitment", "determination"};
const std::array<std::string_view, 9> kHoldsIntent = {"have", "make", "take", "announce", "unveil",
                                                      "adopt", "outline", "lack", "reach"};

bool own_intent(const SentenceView& v, int noun) {
  const int h = v.head(noun);
  return h >= 0 && v.rel(noun) == "obj" &&
         std::find(kIntentNoun.begin(), kIntentNoun.end(), v.lemma(noun)) != kIntentNoun.end() &&
         std::find(kHoldsIntent.begin(), kHoldsIntent.end(), v.lemma(h)) != kHoldsIntent.end();
}

bool issued_document(const SentenceView& v, int noun) {
  const int h = v.head(noun);
  if (h < 0 || v.rel(noun) != "obj" || !is_document_noun(v.lemma(noun)) || !is_issuing_verb(v.lemma(h))) return false;
  for (int c : v.children(noun)) {  // "a UN resolution", "Russia's draft", "a French proposal": its own author
    const std::string_view r = v.rel(c);
    if (r == "nmod:poss" || ((r == "compound" || r == "amod") && is_capitalised(v, c))) return false;
  }
  return true;
}

int requesting_verb(const SentenceView& v, int n) {
  const int h = v.head(n);
  if (h < 0 || v.upos(h) != "VERB" || (v.upos(n) != "NOUN" && v.upos(n) != "PROPN")) return -1;
  const std::string& l = v.lemma(h);
  if (v.rel(n) == "obj" && (is_request_verb(l) || l == "seek")) return h;
  if (v.base_rel(n) == "obl" && v.case_of(n) == "for" && is_ask_for_verb(l)) return h;
  return -1;
}

// Qualities and deeds that stand for whoever has or did them: "tribute to the
// professionalism of X", "praised the role of X" are about X.
// Not "service": "Azerbaijan's State Security Service" is an institution.
const std::array<std::string_view, 15> kQualityOf = {
    "professionalism", "courage", "bravery", "heroism", "memory",  "role",     "contribution", "effort",
    "work",            "dedication", "sacrifice", "achievement", "success", "wisdom", "commitment"};

bool is_quality_of(std::string_view lemma) {
  return std::find(kQualityOf.begin(), kQualityOf.end(), lemma) != kQualityOf.end();
}

// People who act for whoever they belong to: "Washington's lobbyists tried
// to ..." is Washington trying. Not "enemies", "critics", "victims": those
// are not their owner.
const std::array<std::string_view, 11> kActsForOwner = {"lobbyist",  "emissary", "negotiator", "representative",
                                                        "delegate",  "proxy",    "operative",  "messenger",
                                                        "mediator",  "lawyer",   "attorney"};

bool acts_for_owner(std::string_view lemma) {
  return std::find(kActsForOwner.begin(), kActsForOwner.end(), lemma) != kActsForOwner.end();
}

bool is_time_noun(std::string_view lemma) { return std::find(kTime.begin(), kTime.end(), lemma) != kTime.end(); }

int personal_expl(const SentenceView& v, int x) {
  if (std::find(kPersonalPredicate.begin(), kPersonalPredicate.end(), v.low(x)) == kPersonalPredicate.end()) return -1;
  int e = exact_kid(v, x, "expl");
  return e >= 0 && v.first_kid(x, "xcomp") >= 0 && v.low(e) == "it" ? e : -1;
}

// "arrested and accused" (bare participle) stays passive; "will resign",
// "resigns", "and expelled its envoy" (an object) are active.
bool own_active_voice(const SentenceView& v, int x) {
  const std::string& t = v.word(x).xpos;
  return exact_kid(v, x, "aux") >= 0 || exact_kid(v, x, "obj") >= 0 || t == "VB" || t == "VBP" || t == "VBZ" ||
         t == "VBG";
}

// The actor table resolves a noun together with its own modifiers ("Israeli
// raids" -> ISR), so the slot is the noun itself. A modifier one level down
// ("Israeli [air] raids") is not resolved there, so it is not looked for.
SlotWord capitalised_modifier(const SentenceView& v, int w) {
  if (is_capitalised(v, w)) return {};
  for (int c : v.children(w)) {
    if (modifier_rel(v, c) && c < w && c > 0 && is_capitalised(v, c)) {
      return {w, v.word(w).form + " (" + v.rel(c) + " " + v.word(c).form + ")"};
    }
  }
  return {};
}

SlotWord through_quantity(const SentenceView& v, SlotWord w) {
  if (w.word < 0 || std::find(kCrowd.begin(), kCrowd.end(), v.lemma(w.word)) == kCrowd.end()) return w;
  for (int depth = 0; depth < 2; ++depth) {  // "hundreds of thousands of people"
    int of = -1;
    for (int c : v.children(w.word)) {
      if (v.base_rel(c) == "nmod" && v.case_of(c) == "of") of = c;
    }
    if (of < 0) break;
    w = {of, w.path + " -of-> " + v.word(of).form};
    if (std::find(kCrowd.begin(), kCrowd.end(), v.lemma(of)) == kCrowd.end()) break;
  }
  return w;
}

std::vector<int> when_clauses(const SentenceView& v, int t) {
  std::vector<int> out;
  for (int c : v.kids(t, "advcl")) {
    if (v.upos(c) != "VERB") continue;
    for (int m : v.children(c)) {  // UD has "when" as advmod, "as" as mark
      std::string_view r = v.base_rel(m);
      if (m < c && (r == "mark" || r == "advmod") && (v.low(m) == "when" || v.low(m) == "as")) {
        out.push_back(c);
        break;
      }
    }
  }
  return out;
}

// The marker "to" of a to-infinitive ("to sit"), or -1.
int infinitive_to(const SentenceView& v, int verb) {
  const int m = exact_kid(v, verb, "mark");
  return m >= 0 && v.low(m) == "to" ? m : -1;
}

// The subject a word governing `x` (its head `h`, x's relation `r`) gives an
// infinitive, participle or gerund clause x that has none of its own, or -1:
// "time for Yerevan [to sit]", "Russia's decision [to expel]", "demonstrators
// [protesting]", "called on X [to end]", "urged X [to agree]", "warned X
// [against selling]". `path` is the climb so far.
SlotWord clause_controller(const SentenceView& v, int x, int h, const std::string& r, const std::string& path) {
  // "It is time for Yerevan to sit down": "for X to VERB" names the
  // infinitive's subject, which parsers hang on the governor as its
  // for-phrase; without this the climb reaches the expletive "It".
  // The for-phrase must end right before "to": in "converging for a rally
  // in Lagos to protest ..." the rally is a purpose, not the protester.
  if (const int to = infinitive_to(v, x); to >= 0 && (r == "acl" || r == "advcl" || r == "xcomp" || r == "csubj")) {
    if (SlotWord f = prep_dependent(v, h, "for"); f.word >= 0 && f.word == to - 1)
      return {f.word, path + f.path + " (subject of " + v.lemma(x) + ")"};
  }
  // "Russia's decision [to expel ...]", "their efforts [to pressure X]": an
  // infinitive on a noun with a possessive owner has the owner as subject.
  if (r == "acl" && infinitive_to(v, x) >= 0 && (v.upos(h) == "NOUN" || v.upos(h) == "PROPN")) {
    if (int o = exact_kid(v, h, "nmod:poss"); o >= 0) {
      return {o, path + step(v, h, "acl", x, false) + " " + step(v, h, "nmod:poss", o, true)};
    }
  }
  // "demonstrators [protesting election results]": a present participle on a
  // noun (a reduced relative clause) has that noun as its subject
  if (r == "acl" && v.word(x).xpos == "VBG" && (v.upos(h) == "NOUN" || v.upos(h) == "PROPN") &&
      exact_kid(v, h, "cop") < 0) {
    return {h, path + step(v, h, "acl", x, false) + " (reduced relative)"};
  }
  // "called on [member states] to recognise ...", "appealed to [X] to end ...":
  // the one called on does what is asked
  if ((r == "xcomp" || r == "advcl") && infinitive_to(v, x) >= 0 && exact_kid(v, x, "nsubj") < 0 &&
      (v.lemma(h) == "call" || v.lemma(h) == "appeal")) {
    for (const char* prep : v.lemma(h) == "call" ? std::vector<const char*>{"on", "upon"} : std::vector<const char*>{"to"}) {
      if (SlotWord g = prep_dependent(v, h, prep); g.word >= 0 && g.word < x)
        return {g.word, path + step(v, h, r, x, false) + " " + g.path};
    }
  }
  // "urged Israel and Hamas [to agree]advcl": the parser's advcl for an
  // object-control infinitive; its subject is the object, as for an xcomp
  if (r == "advcl" && infinitive_to(v, x) >= 0 && exact_kid(v, x, "nsubj") < 0) {
    const int o = exact_kid(v, h, "obj");
    if (o >= 0 && is_object_control_verb(v.lemma(h)))
      return {o, path + step(v, h, "advcl", x, false) + " " + step(v, h, "obj", o, true)};
  }
  // "warned Washington [against selling]", "barred women [from attending]",
  // "blamed Russia [for shelling]", "praised Poland [for taking in]": a gerund
  // clause against/from/for an act has the verb's object as subject; in the
  // passive ("Poland was praised [for taking in]") the verb's subject
  if (r == "advcl" && exact_kid(v, x, "nsubj") < 0) {
    const int m = v.first_kid(x, "mark");
    const std::string mark = m >= 0 ? v.low(m) : "";
    const bool gerund_for = mark == "for" && v.word(x).xpos == "VBG";
    if (const int o = exact_kid(v, h, "obj");
        o >= 0 && o < x && (mark == "against" || mark == "from" || gerund_for))
      return {o, path + step(v, h, "advcl", x, false) + " " + step(v, h, "obj", o, true)};
    if (const int sp = exact_kid(v, h, "nsubj:pass"); gerund_for && sp >= 0 && sp < x && exact_kid(v, h, "obj") < 0)
      return {sp, path + step(v, h, "advcl", x, false) + " " + step(v, h, "nsubj:pass", sp, true)};
  }
  return {-1, path};
}

}  // namespace dyad::detail
