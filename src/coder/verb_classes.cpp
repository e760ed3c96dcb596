#include "coder/verb_classes.h"

#include <algorithm>
#include <iterator>

namespace dyad::detail {
namespace {

template <std::size_t N>
bool in(const std::string_view (&set)[N], std::string_view w) {
  return std::find(std::begin(set), std::end(set), w) != std::end(set);
}

constexpr std::string_view kReport[] = {"say",     "report", "tell",    "state", "announce",
                                        "add",     "claim",  "confirm", "insist"};
constexpr std::string_view kEmphatic[] = {"declare", "reiterate", "stress",  "repeat", "emphasize",
                                          "emphasise", "write",  "argue",   "maintain", "note", "assert",
                                          "explain", "remark",   "comment"};
constexpr std::string_view kAccount[] = {"inform",  "reveal",      "indicate", "suggest", "admit",
                                         "acknowledge", "believe", "think",   "accuse",   "allege",  "deny",
                                         "threaten", "promise"};
constexpr std::string_view kObjectControl[] = {
    "order",    "urge",    "ask",      "tell",     "force",   "compel",    "invite",    "allow",  "permit",
    "persuade", "encourage", "instruct", "direct", "press",   "pressure",  "request",   "require", "warn",
    "advise",   "authorize", "authorise", "forbid", "oblige", "call",      "push",      "implore", "beg"};
constexpr std::string_view kRequest[] = {"urge",   "ask",      "call",   "demand",  "request", "press",  "appeal",
                                         "tell",   "order",    "encourage", "invite", "pressure", "push", "implore",
                                         "beg",    "advise",   "instruct", "direct", "warn"};

constexpr std::string_view kAskFor[] = {"call", "appeal", "ask", "press", "push", "plead", "lobby"};
constexpr std::string_view kMandative[] = {"insist", "propose", "recommend", "suggest", "require"};
constexpr std::string_view kKeepFrom[] = {"prevent",  "bar",   "ban",      "stop",     "block", "forbid",
                                          "prohibit", "deter", "dissuade", "restrain", "keep"};
constexpr std::string_view kWarnAgainst[] = {"warn", "caution", "advise", "urge"};
constexpr std::string_view kSuffering[] = {"die",    "perish",  "survive", "escape", "suffer",
                                           "sustain", "endure", "receive", "face"};
constexpr std::string_view kFoil[] = {"prevent", "thwart", "foil", "avert", "forestall", "repel", "repulse", "preempt"};

// Texts that speak for whoever issued them ("a resolution condemning X"),
// and the verbs that issue one in the subject's name (not "veto", "reject",
// "block": those act on someone else's text).
constexpr std::string_view kDocument[] = {"resolution", "statement", "declaration", "communique", "communiqué",
                                          "letter",     "report",    "bill",        "law",        "motion",
                                          "decree",     "draft",     "proposal",    "amendment",  "ruling",
                                          "verdict",    "petition",  "memorandum",  "text"};
constexpr std::string_view kIssue[] = {"pass",  "adopt",     "approve", "issue",   "publish",   "release",
                                       "sign",  "draft",     "introduce", "submit", "present",  "circulate",
                                       "unveil", "table",    "send",    "deliver", "endorse",   "put"};

}  // namespace

bool is_document_noun(std::string_view lemma) { return in(kDocument, lemma); }

bool is_issuing_verb(std::string_view lemma) { return in(kIssue, lemma); }

bool is_report_verb(std::string_view lemma) { return in(kReport, lemma); }

bool is_statement_verb(std::string_view lemma) { return in(kReport, lemma) || in(kEmphatic, lemma); }

bool is_speech_verb(std::string_view lemma) { return is_statement_verb(lemma) || in(kAccount, lemma); }

bool is_object_control_verb(std::string_view lemma) { return in(kObjectControl, lemma); }

bool is_request_verb(std::string_view lemma) { return in(kRequest, lemma); }

bool is_ask_for_verb(std::string_view lemma) { return in(kAskFor, lemma); }

bool is_mandative_verb(std::string_view lemma) { return in(kMandative, lemma); }

bool is_keep_from_verb(std::string_view lemma) { return in(kKeepFrom, lemma); }

bool is_warn_against_verb(std::string_view lemma) { return in(kWarnAgainst, lemma); }

bool is_foil_verb(std::string_view lemma) { return in(kFoil, lemma); }

bool is_suffering_verb(std::string_view lemma) { return in(kSuffering, lemma); }

}  // namespace dyad::detail
