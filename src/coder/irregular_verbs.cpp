// English irregular verb forms the lemmatizer, trained on web text, gets
// wrong or leaves alone ("froze" -> "froze", "overthrew" -> "overthraw",
// "withheld" -> "withhell", "fled" -> "fl"): the past and participle forms of
// irregular verbs, written for this project. Only forms whose lemma differs
// from the form are listed ("hit", "cut", "put" need nothing).
#include <algorithm>
#include <array>
#include <string_view>
#include <utility>

#include "coder/verb_lemmas.h"

namespace dyad::detail {
namespace {

// Sorted by form (tests/coder_mandative_tags_test.cpp checks the order).
constexpr std::array<std::pair<std::string_view, std::string_view>, 154> kIrregular = {{
    {"arisen", "arise"}, {"arose", "arise"}, {"ate", "eat"}, {"awoke", "awake"}, {"beaten", "beat"},
    {"became", "become"}, {"began", "begin"}, {"begun", "begin"}, {"bent", "bend"}, {"bitten", "bite"},
    {"bled", "bleed"}, {"blew", "blow"}, {"blown", "blow"}, {"bore", "bear"}, {"borne", "bear"},
    {"bought", "buy"}, {"bound", "bind"}, {"broke", "break"}, {"broken", "break"}, {"brought", "bring"},
    {"built", "build"}, {"burnt", "burn"}, {"came", "come"}, {"caught", "catch"}, {"chose", "choose"},
    {"chosen", "choose"}, {"clung", "cling"}, {"dealt", "deal"}, {"dove", "dive"}, {"drawn", "draw"},
    {"drew", "draw"}, {"driven", "drive"}, {"drove", "drive"}, {"dug", "dig"}, {"eaten", "eat"},
    {"fallen", "fall"}, {"fed", "feed"}, {"felt", "feel"}, {"fled", "flee"}, {"flew", "fly"},
    {"flown", "fly"}, {"forbade", "forbid"}, {"forbidden", "forbid"}, {"foresaw", "foresee"},
    {"foreseen", "foresee"}, {"forgave", "forgive"}, {"forgiven", "forgive"}, {"fought", "fight"},
    {"froze", "freeze"}, {"frozen", "freeze"}, {"gave", "give"}, {"given", "give"}, {"gone", "go"},
    {"got", "get"}, {"gotten", "get"}, {"grew", "grow"}, {"grown", "grow"}, {"heard", "hear"},
    {"held", "hold"}, {"hid", "hide"}, {"hidden", "hide"}, {"hung", "hang"}, {"kept", "keep"},
    {"knew", "know"}, {"known", "know"}, {"laid", "lay"}, {"led", "lead"}, {"lent", "lend"},
    {"lost", "lose"}, {"made", "make"}, {"meant", "mean"}, {"met", "meet"}, {"misled", "mislead"},
    {"overcame", "overcome"}, {"overheard", "overhear"}, {"overran", "overrun"}, {"oversaw", "oversee"},
    {"overseen", "oversee"}, {"overtaken", "overtake"}, {"overthrew", "overthrow"},
    {"overthrown", "overthrow"}, {"overtook", "overtake"}, {"paid", "pay"}, {"ran", "run"}, {"rang", "ring"},
    {"rebuilt", "rebuild"}, {"repaid", "repay"}, {"retaken", "retake"}, {"retook", "retake"},
    {"ridden", "ride"}, {"risen", "rise"}, {"rode", "ride"}, {"rung", "ring"}, {"said", "say"},
    {"sang", "sing"}, {"sank", "sink"}, {"sent", "send"}, {"shaken", "shake"}, {"shook", "shake"},
    {"shot", "shoot"}, {"shrank", "shrink"}, {"slain", "slay"}, {"slew", "slay"}, {"slid", "slide"},
    {"sold", "sell"}, {"sought", "seek"}, {"spat", "spit"}, {"sped", "speed"}, {"spent", "spend"},
    {"spoke", "speak"}, {"spoken", "speak"}, {"spun", "spin"}, {"stole", "steal"}, {"stolen", "steal"},
    {"stood", "stand"}, {"stricken", "strike"}, {"striven", "strive"}, {"strove", "strive"},
    {"struck", "strike"}, {"stuck", "stick"}, {"stung", "sting"}, {"sunk", "sink"}, {"swept", "sweep"},
    {"swore", "swear"}, {"sworn", "swear"}, {"swung", "swing"}, {"taken", "take"}, {"taught", "teach"},
    {"thought", "think"}, {"threw", "throw"}, {"thrown", "throw"}, {"told", "tell"}, {"took", "take"},
    {"tore", "tear"}, {"torn", "tear"}, {"undergone", "undergo"}, {"undertaken", "undertake"},
    {"undertook", "undertake"}, {"underwent", "undergo"}, {"upheld", "uphold"}, {"went", "go"},
    {"withdrawn", "withdraw"}, {"withdrew", "withdraw"}, {"withheld", "withhold"},
    {"withstood", "withstand"}, {"woke", "wake"}, {"woken", "wake"}, {"won", "win"}, {"wore", "wear"},
    {"worn", "wear"}, {"wove", "weave"}, {"woven", "weave"}, {"written", "write"}, {"wrote", "write"}}};

}  // namespace

std::string_view irregular_verb_lemma(std::string_view form) {
  auto it = std::lower_bound(kIrregular.begin(), kIrregular.end(), form,
                             [](const auto& entry, std::string_view f) { return entry.first < f; });
  return it != kIrregular.end() && it->first == form ? it->second : std::string_view();
}

bool irregular_verbs_sorted() {
  return std::is_sorted(kIrregular.begin(), kIrregular.end(),
                        [](const auto& a, const auto& b) { return a.first < b.first; });
}

}  // namespace dyad::detail
