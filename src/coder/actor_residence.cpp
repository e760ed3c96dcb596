// Where a group lives, for coding it by residence: the GSR codes an ethnic
// group by the country it lives in ("ethnic Albanians in Serbia" -> SRB,
// "ethnic Albanian guerrillas operating in Macedonia" -> MKD), not by the
// country its adjective names; "the French in Niger" stay French.
#include "coder/actors.h"

namespace dyad::detail {

bool ActorResolver::ethnic_group(int h) const {
  for (int c : v_->children(h))
    if (v_->base_rel(c) == "amod" && v_->lemma(c) == "ethnic") return true;
  return false;
}

// The country named where the people of phrase h live: its of-phrase
// ("Albanians of southern Serbia"), with `in_too` its in-phrase, also one
// level down ("in a village in Serbia"), or the in-phrase of a participle on
// it ("guerrillas operating in Macedonia"); "" if none.
std::string ActorResolver::residence(int h, bool in_too) {
  std::vector<int> phrases;
  for (int c : v_->children(h)) {
    const std::string prep = v_->case_of(c);
    if (v_->base_rel(c) == "nmod" && (prep == "of" || (prep == "in" && in_too))) phrases.push_back(c);
    if (in_too && v_->rel(c) == "acl")
      for (int g : v_->children(c))
        if (v_->base_rel(g) == "obl" && v_->case_of(g) == "in") phrases.push_back(g);
  }
  for (std::size_t i = 0; i < phrases.size(); ++i) {
    const int c = phrases[i];
    std::vector<ResolvedActor> place = resolve(c, 1);
    if (!place.empty() && place.front().actor.via == "name") return place.front().actor.country;
    if (place.empty() && in_too && i < 4)
      for (int g : v_->children(c))
        if (v_->base_rel(g) == "nmod" && v_->case_of(g) == "in") phrases.push_back(g);
  }
  return "";
}

}  // namespace dyad::detail
