// Targets beyond the pattern's slots: the source's own means are none, and a
// few phrases name a target the slots do not reach.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "coder/actors.h"

namespace dyad::detail {

/// True when every target is armed forces or weapons named without any
/// country ("warships", "some invasion forces"): in "X dispatched warships to
/// Y" or "the withdrawal of forces from Y" they are X's means, and the place
/// they act on (Y) is the target. Forces with a country ("Bolivian troops")
/// or any other actor among the targets keep them all. Police without a
/// country count as means too when the act moves or lends force (`cameo`
/// under 15 or 07: "Kenya will deploy 1,000 police officers to Haiti");
/// arrested or attacked police stay the target.
bool only_armed_means(const std::vector<std::pair<ResolvedActor, std::string>>& targets, const std::string& cameo);

/// True when no target has a country of its own ("troops", "prisoners").
bool all_countryless(const std::vector<std::pair<ResolvedActor, std::string>>& targets);

/// Words that may name the target of trigger `t` when its slots found none,
/// each with its parse path, most direct first: the subject of the condition
/// of a threat ("threatened to strike unless Israel rescinds ..."), and the
/// among/between phrase of the object or noun trigger, or that phrase's owner
/// ("halt mediation among Serbia's feuding republics" -> SRB).
std::vector<std::pair<int, std::string>> rescue_target_words(const SentenceView& v, int t, int object, bool threat);

/// "Judge X opened investigations against 28 Chilean officials": a judge,
/// court or police force named without a country that acts on a state actor
/// (GOV, JUD, COP, LEG, MIL) with a country is that country's own; so is any
/// such state actor acting on a country's rebels, insurgents, separatists or
/// opposition ("the president conceded to UNITA's demands" -> AGOGOV). Sets
/// the source's country and returns true when it applies.
bool domestic_state_source(Event& e);

/// An agentless passive state act (CAMEO 171-175) or unattributed violence
/// located in a country takes that country as source (coder.cpp applies it
/// to every event it makes), as does an accusation (112) conjoined to such an
/// arrest ("were arrested and accused of spying"). Returns the confidence cost.
double state_agent(const SentenceView& v, int t, Event& e);

/// An arrest and the accusation joined to it happen in one place, whichever
/// conjunct names it ("arrested in Iran and accused of spying", "detained and
/// accused of espionage in Iran"): for the accusation (112) conjoined to an
/// agentless passive arrest, the arrest's verb; for such an arrest, its
/// conjoined "accused"; else -1. coder.cpp looks there for a place the event's
/// own clause lacks, so state_agent() can name the state.
int arrest_partner(const SentenceView& v, int t, const Event& e);

/// "Russian forces launched an attack on Kyiv, killing 12 people": victims
/// named without a country in a participial clause of consequence (advcl,
/// VBG) belong to whom the main clause acted on: its object, or the object's
/// or verb's on/against/in phrase, when that names another country than the
/// source's. Sets the target's country (before domestic_countries would give
/// it the source's).
void consequence_victims(const SentenceView& v, int t, const ActorResolver& actors, Event& e);

/// Sector-only actors as domestic: a source gets the country of the event's
/// place, a target that place's country, else the source's. Returns the
/// confidence cost.
double domestic_countries(Event& e);

}  // namespace dyad::detail
