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
constexpr std::string_view kEmphatic[] = {"declare", "reiterate", "stress", "warn",     "repeat", "emphasize",
                                          "emphasise", "write",   "argue",  "maintain", "note",   "assert"};
constexpr std::string_view kAccount[] = {"inform",  "explain", "reveal",      "indicate", "suggest", "admit",
                                         "acknowledge", "believe", "think",   "accuse",   "allege",  "deny",
                                         "threaten", "promise"};
constexpr std::string_view kObjectControl[] = {
    "order",    "urge",    "ask",      "tell",     "force",   "compel",    "invite",    "allow",  "permit",
    "persuade", "encourage", "instruct", "direct", "press",   "pressure",  "request",   "require", "warn",
    "advise",   "authorize", "authorise", "forbid", "oblige", "call",      "push",      "implore", "beg"};
constexpr std::string_view kRequest[] = {"urge",   "ask",      "call",   "demand",  "request", "press",  "appeal",
                                         "tell",   "order",    "encourage", "invite", "pressure", "push", "implore",
                                         "beg",    "advise",   "instruct", "direct", "warn"};

}  // namespace

bool is_report_verb(std::string_view lemma) { return in(kReport, lemma); }

bool is_statement_verb(std::string_view lemma) { return in(kReport, lemma) || in(kEmphatic, lemma); }

bool is_speech_verb(std::string_view lemma) { return is_statement_verb(lemma) || in(kAccount, lemma); }

bool is_object_control_verb(std::string_view lemma) { return in(kObjectControl, lemma); }

bool is_request_verb(std::string_view lemma) { return in(kRequest, lemma); }

}  // namespace dyad::detail
