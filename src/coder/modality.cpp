// Modality. Design: walk from the trigger up its "clause chain" (xcomp
// controllers and verb conjuncts without their own auxiliaries), collecting
// auxiliaries, adverbs and subordinators; then look at the verb that governs
// the clause (ccomp/advcl of say/deny/accuse...). Each finding sets a flag;
// the final value is the highest-priority flag, so nothing is silently lost
// (a future negation is "negated", and the explanation names both).
#include "coder/modality.h"

#include <algorithm>
#include <array>

#include "coder/match.h"
#include "coder/reported_speech.h"
#include "coder/verb_classes.h"
#include "coder/verb_slots.h"

namespace dyad::detail {
namespace {

template <std::size_t N>
bool in(const std::array<std::string_view, N>& set, std::string_view w) {
  return std::find(set.begin(), set.end(), w) != set.end();
}

const std::array<std::string_view, 5> kNeg = {"not", "never", "n't", "no", "neither"};
const std::array<std::string_view, 4> kFutureAux = {"will", "shall", "'ll", "wo"};
// "must"/"should": an act demanded or advised is not an act done.
const std::array<std::string_view, 8> kHypoAux = {"would", "could", "might", "may", "'d", "must", "should", "ought"};
const std::array<std::string_view, 5> kAllegedAdv = {"allegedly", "reportedly", "purportedly", "supposedly", "apparently"};
const std::array<std::string_view, 5> kCondMark = {"if", "unless", "provided", "whether", "lest"};
const std::array<std::string_view, 4> kAllegeVerbs = {"accuse", "allege", "suspect", "charge"};
const std::array<std::string_view, 4> kFailVerbs = {"fail", "refuse", "decline", "neglect"};
// "allegations that it was massing troops": a that-clause of these nouns is
// what someone claims; denied when the noun is the object of kDenyClaim.
const std::array<std::string_view, 10> kClaimNouns = {"allegation", "claim",  "accusation", "charge", "report",
                                                      "suggestion", "rumour", "rumor",      "assertion", "speculation"};
const std::array<std::string_view, 6> kDenyClaim = {"deny", "reject", "dismiss", "refute", "rebuff", "disprove"};
// "demands to release prisoners", "a proposal to hold talks": the infinitive
// on these nouns is asked or proposed, not done.
const std::array<std::string_view, 14> kProposalNouns = {"demand",   "call",  "request", "appeal",  "plea",
                                                         "ultimatum", "proposal", "plan", "offer",  "bid",
                                                         "attempt",  "effort", "invitation", "push"};
// "cancelled a planned visit", "cut diplomatic ties", "halted aid": an act
// called off or ended does not (any longer) happen.
// ("lifted sanctions", "revoked the ban": in force no longer)
const std::array<std::string_view, 20> kCallOff = {"cancel", "scrap",  "postpone", "abandon", "shelve",
                                                   "drop",   "cut",    "sever",    "end",     "terminate",
                                                   "halt",   "stop",   "suspend",  "freeze",  "break",
                                                   "lift",   "remove", "rescind",  "repeal",  "revoke"};
// "the right to enrich", "the capacity to strike": able to, not doing.
const std::array<std::string_view, 5> kCapacityNouns = {"right", "capacity", "ability", "authority", "power"};

// "foiled an attack", "prevented clashes": the act stopped before it happened
// (not "repelled": the attack repelled was made).
const std::array<std::string_view, 5> kPrevented = {"prevent", "thwart", "foil", "avert", "forestall"};
// Controllers whose xcomp is an act not yet done ("ready to send troops",
// "threatened to cut off electricity"): future, and an announced intent.
// ("voted to annex": the vote is done, the annexation not yet)
const std::array<std::string_view, 15> kFutureVerbs = {"plan",     "intend", "prepare",  "expect",  "ready",
                                                       "willing",  "prepared", "determined", "vow", "pledge",
                                                       "promise",  "offer",  "threaten", "resolve", "vote"};
// Modals that announce rather than speculate ("could" speculates).
const std::array<std::string_view, 4> kIntentModal = {"would", "'d", "may", "might"};

struct Flags {
  bool negated = false, denied = false, conditional = false, hypothetical = false, future = false, alleged = false,
       reported = false, intent = false;
  std::string why;
  void note(bool& flag, const std::string& reason) {
    if (!flag) why += (why.empty() ? "" : "; ") + reason;
    flag = true;
  }
};

void scan_clause_word(const SentenceView& v, int x, Flags& f) {
  for (int c : v.children(x)) {
    std::string_view b = v.base_rel(c);
    const std::string& l = v.lemma(c);
    const std::string& w = v.low(c);
    if ((b == "advmod" || b == "neg" || b == "det" || b == "aux") && (in(kNeg, w) || in(kNeg, l) || v.has_feat(c, "Polarity=Neg")) &&
        b != "det") {
      f.note(f.negated, "'" + v.word(c).form + "' on " + v.word(x).form);
    }
    if (b == "aux" && (in(kFutureAux, l) || in(kFutureAux, w))) f.note(f.future, "auxiliary '" + v.word(c).form + "'");
    if (b == "aux" && (in(kHypoAux, l) || in(kHypoAux, w))) f.note(f.hypothetical, "modal '" + v.word(c).form + "'");
    if (b == "aux" && (in(kFutureAux, l) || in(kFutureAux, w) || in(kIntentModal, l) || in(kIntentModal, w))) {
      f.intent = true;
    }
    if (b == "advmod" && in(kAllegedAdv, w)) f.note(f.alleged, "adverb '" + v.word(c).form + "'");
    if (b == "mark" && in(kCondMark, w)) f.note(f.conditional, "'" + v.word(c).form + "' clause");
  }
}

}  // namespace

ModalityResult modality_of(const SentenceView& v, int trigger, bool negation_coded) {
  Flags f;
  ModalityResult r;
  int x = trigger;
  // A nominal trigger that is the verb's object shares the verb's clause:
  // "is ready to provide aid", "did not lift the curfew".
  const std::string& tr = v.rel(trigger);
  // ... so does one the verb agrees or commits to ("urged X to agree [to a new truce]")
  const bool to_phrase = tr == "obl" && v.case_of(trigger) == "to" && v.head(trigger) >= 0 && v.upos(v.head(trigger)) == "VERB";
  if ((v.upos(trigger) == "NOUN" || v.upos(trigger) == "PROPN") && (tr == "obj" || tr == "nsubj:pass" || to_phrase) &&
      v.head(trigger) >= 0) {
    scan_clause_word(v, trigger, f);
    x = v.head(trigger);
    if (in(kCallOff, v.lemma(x)) || (v.lemma(x) == "call" && v.first_kid(x, "compound:prt") >= 0))
      f.note(f.negated, "'" + v.word(trigger).form + "' called off by '" + v.word(x).form + "'");
    if (in(kPrevented, v.lemma(x)))
      f.note(f.negated, "'" + v.word(trigger).form + "' prevented by '" + v.word(x).form + "'");
  }
  // "demanded the withdrawal of X", "called for a ceasefire": asked for, not done
  if (const int asker = requesting_verb(v, trigger); asker >= 0)
    f.note(f.hypothetical, "'" + v.word(trigger).form + "' asked for by '" + v.word(asker).form + "'");
  // "accused Kosovo [of ethnic cleansing]" (nmod of the accused, or obl of the verb)
  if ((v.upos(trigger) == "NOUN" || v.upos(trigger) == "PROPN") && v.case_of(trigger) == "of" && v.head(trigger) >= 0) {
    const int h = v.head(trigger);
    const int verb = tr == "obl" ? h : (tr == "nmod" && (v.rel(h) == "obj" || v.rel(h) == "nsubj:pass")) ? v.head(h) : -1;
    if (verb >= 0 && in(kAllegeVerbs, v.lemma(verb))) {
      f.note(f.alleged, "'" + v.word(verb).form + " ... of " + v.word(trigger).form + "'");
      if (SlotWord s = logical_subject(v, verb); s.word >= 0) {
        r.speaker = s.word;
        r.speaker_path = s.path;
      }
    }
  }
  for (int hop = 0; hop < 8 && x >= 0; ++hop) {
    scan_clause_word(v, x, f);
    const std::string& rel = v.rel(x);
    int h = v.head(x);
    if (h < 0) break;
    const std::string& hl = v.lemma(h);
    if (rel == "xcomp") {
      if (in(kFailVerbs, hl)) f.note(f.negated, "'" + v.word(h).form + " to'");
      if (is_request_verb(hl)) f.note(f.hypothetical, "asked for by '" + v.word(h).form + "'");
      // "denied supplying drones": a gerund complement of deny is what is denied
      if (hl == "deny" && v.word(x).xpos == "VBG") f.note(f.denied, "gerund of '" + v.word(h).form + "'");
      if (in(kFutureVerbs, hl)) f.note(f.future, "'" + v.word(h).form + " to'");
      if (hl == "go" && v.word(h).xpos == "VBG") f.note(f.future, "'going to'");
      if (in(kFutureVerbs, hl) || (hl == "go" && v.word(h).xpos == "VBG")) f.intent = true;
      x = h;
      continue;
    }
    if (rel == "conj" && v.upos(h) == "VERB") {
      bool own_aux = !v.kids(x, "aux").empty();
      if (!own_aux) {
        x = h;
        continue;
      }
      break;
    }
    if (rel == "ccomp" || rel == "advcl" || rel == "parataxis" || rel == "acl") {
      bool via_of = v.case_of(x) == "of" || [&] {
        for (int c : v.children(x)) {
          if (v.base_rel(c) == "mark" && v.lemma(c) == "of") return true;
        }
        return false;
      }();
      if (hl == "deny" && rel == "ccomp") f.note(f.denied, "clause of '" + v.word(h).form + "'");
      // "asked that Russia withdraw", "demanded that the army should return":
      // a mandative clause of a request is asked for, not done
      if (rel == "ccomp" && (is_request_verb(hl) || is_mandative_verb(hl)) && mandative_clause(v, x))
        f.note(f.hypothetical, "asked for by '" + v.word(h).form + " that'");
      // "called on states [to recognise]advcl": the parser's advcl for the asked-for infinitive
      if (rel == "advcl" && is_request_verb(hl) && v.first_kid(x, "nsubj") < 0) {
        const int to = v.first_kid(x, "mark");
        if (to >= 0 && v.low(to) == "to") f.note(f.hypothetical, "asked for by '" + v.word(h).form + "'");
      }
      const int that = v.first_kid(x, "mark");
      // "barred women [from attending]": kept from it; "warned X [against selling]": advised not to
      if (rel == "advcl" && that >= 0 && v.low(that) == "from" && is_keep_from_verb(hl))
        f.note(f.negated, "'" + v.word(h).form + " ... from'");
      if (rel == "advcl" && that >= 0 && v.low(that) == "against" && is_warn_against_verb(hl))
        f.note(f.hypothetical, "'" + v.word(h).form + " ... against'");
      // "blamed Russia [for shelling the city]": the blamer's allegation
      if (rel == "advcl" && that >= 0 && v.low(that) == "for" && (hl == "blame" || in(kAllegeVerbs, hl))) {
        f.note(f.alleged, "'" + v.word(h).form + " ... for'");
        if (SlotWord s = logical_subject(v, h); s.word >= 0 && r.speaker < 0) {
          r.speaker = s.word;
          r.speaker_path = s.path;
        }
      }
      // "had no plans to send troops", "no intention of attacking": none intended
      if (rel == "acl" && v.upos(h) == "NOUN" && that >= 0 && (v.low(that) == "to" || v.low(that) == "of")) {
        const int det = v.first_kid(h, "det");
        if (det >= 0 && v.low(det) == "no") f.note(f.negated, "'no " + v.word(h).form + "'");
        // "has the right to enrich uranium": a capacity, not an act
        if (in(kCapacityNouns, hl)) f.note(f.hypothetical, "'" + v.word(h).form + " to'");
      }
      if (rel == "acl" && v.upos(h) == "NOUN" && in(kProposalNouns, hl) && that >= 0 && v.low(that) == "to")
        f.note(f.hypothetical, "'" + v.word(h).form + " to'");
      if ((rel == "acl" || rel == "ccomp") && v.upos(h) == "NOUN" && in(kClaimNouns, hl) && that >= 0 &&
          v.low(that) == "that") {
        const int g = v.head(h);
        if (g >= 0 && v.rel(h) == "obj" && in(kDenyClaim, v.lemma(g)))
          f.note(f.denied, "'" + v.word(g).form + " " + v.word(h).form + " that'");
        else
          f.note(f.alleged, "'" + v.word(h).form + " that'");
      }
      if (in(kAllegeVerbs, hl) && (rel == "ccomp" || via_of)) f.note(f.alleged, "'" + v.word(h).form + " (of)'");
      // "accused Oslo of interfering": the parser often hangs the "of" clause
      // on the accused (acl) instead of the verb; the accuser still alleges it.
      const int accuser_verb = v.head(h);
      if (rel == "acl" && via_of && accuser_verb >= 0 && (v.rel(h) == "obj" || v.rel(h) == "nsubj:pass") &&
          in(kAllegeVerbs, v.lemma(accuser_verb))) {
        f.note(f.alleged, "'" + v.word(accuser_verb).form + " " + v.word(h).form + " of'");
        SlotWord s = logical_subject(v, accuser_verb);
        if (s.word >= 0) {
          r.speaker = s.word;
          r.speaker_path = s.path;
        }
      }
      if (is_speech_verb(hl) && (rel == "ccomp" || rel == "parataxis")) {
        SlotWord s = logical_subject(v, h);
        if (s.word >= 0) {
          r.speaker = s.word;
          r.speaker_path = s.path;
          if (hl != "deny" && !in(kAllegeVerbs, hl)) f.note(f.reported, "reported by the subject of '" + v.word(h).form + "'");
        }
      }
      if (is_speech_verb(hl)) {  // "did not say that..." colours the report too, but "will say" announces nothing
        bool intent = f.intent;
        scan_clause_word(v, h, f);
        f.intent = intent;
      }
      break;
    }
    break;
  }
  // "Arnor signed the protocol, officials said": a trailing speech verb,
  // however the parser hung it on the clause, reports everything outside it.
  for (int c = 0; c < v.size() && r.speaker < 0; ++c) {
    if (attributed_clause_head(v, c) < 0) continue;
    std::vector<int> region = reported_region(v, c);
    if (!std::binary_search(region.begin(), region.end(), trigger)) continue;
    SlotWord s = logical_subject(v, c);
    r.speaker = s.word;
    r.speaker_path = v.word(c).form + " (trailing, " + v.rel(c) + ") -nsubj-> " + v.word(s.word).form;
    f.note(f.reported, "reported by the subject of '" + v.word(c).form + "' (trailing)");
  }
  // "according to X"
  for (int c : v.children(trigger)) {
    const std::string c_case = v.case_of(c);  // the lemmatizer may give "accord" for "According"
    if ((c_case == "according to" || c_case == "accord to") && r.speaker < 0) {
      r.speaker = c;
      r.speaker_path = v.lemma(trigger) + " -obl:according_to-> " + v.word(c).form;
      f.note(f.reported, "'according to'");
    }
  }
  if (negation_coded && f.negated) {
    f.negated = false;
    f.why += " (the pattern's own negation: a refusal)";
  }
  if (f.negated) r.modality = Modality::kNegated;
  else if (f.denied) r.modality = Modality::kDenied;
  else if (f.conditional) r.modality = Modality::kConditional;
  else if (f.hypothetical) r.modality = Modality::kHypothetical;
  else if (f.future) r.modality = Modality::kFuture;
  else if (f.alleged) r.modality = Modality::kAlleged;
  else if (f.reported) r.modality = Modality::kReported;
  r.intent = f.intent && !f.negated && !f.denied;
  r.why = f.why.empty() ? "no modal cue: asserted" : f.why;
  return r;
}

}  // namespace dyad::detail
