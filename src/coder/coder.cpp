// The coder: for each sentence, resolve actors (with article-level history),
// find triggers through the lemma index, fill slots, expand coordination into
// one event per (source, target) pair, then attach modality, date, place and
// confidence. No state survives a call to code(), so the Coder is const and
// thread-safe; all mutable state lives in the per-call ActorResolver.
#include "dyad/coder.h"

#include <algorithm>
#include <cctype>
#include <array>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <sstream>
#include <tuple>

#include "coder/actors.h"
#include "coder/dates.h"
#include "coder/dictionary.h"
#include "coder/implicit_agent.h"
#include "coder/intent.h"
#include "coder/tag_corrector.h"
#include "coder/verb_lemmas.h"
#include "coder/match.h"
#include "coder/modality.h"
#include "coder/parse_repair.h"
#include "coder/petrarch_dict.h"
#include "coder/places.h"
#include "coder/target_means.h"
#include "coder/reported_speech.h"
#include "coder/sentence_events.h"
#include "coder/verb_slots.h"
#include "geo/place_adapter.h"
#include "dyad/error.h"

namespace dyad {

std::string default_dict_dir() {
  if (const char* env = std::getenv("DYAD_DICT_DIR"); env && *env) return env;
  return std::string(DYAD_SOURCE_DIR) + "/data";
}

Coder Coder::load(const CoderOptions& options) {
  Coder c;
  c.options_ = options;
  c.dict_ = std::make_shared<const detail::Dictionary>(
      detail::load_coder_dictionary(options.dict_dir.empty() ? default_dict_dir() : options.dict_dir,
                                    options.petrarch_dicts, options.petrarch_only));
  if (options.gazetteer == "none") return c;
  if (!options.gazetteer.empty()) {
    c.gazetteer_ = Gazetteer::load(options.gazetteer);
  } else if (std::filesystem::exists(Gazetteer::default_path())) {
    c.gazetteer_ = Gazetteer::load();
  }
  return c;
}

std::shared_ptr<const TagCorrector> Coder::tag_corrector() const {
  return std::make_shared<const detail::CoderTagCorrector>(dict_);
}

std::string Coder::summary() const {
  const detail::Dictionary& d = *dict_;
  std::ostringstream out;
  out << d.files << " files: " << d.countries.size() << " countries, " << d.orgs.size() << " orgs, "
      << d.sectors.size() << " agent sectors, " << d.people.size() << " people, " << d.discards.size()
      << " discards, " << d.outlets.size() << " outlets, " << d.classes.size() << " classes, " << d.codes.size()
      << " codes, " << d.patterns.size() << " patterns, " << d.phrases.entries.size() << " phrases";
  return out.str();
}

const OutletInfo* Coder::find_outlet(const std::string& name, const std::string& url) const {
  std::string n = detail::lower(name);
  if (!n.empty()) {
    for (const OutletInfo& o : dict_->outlets) {
      if (detail::lower(o.name) == n) return &o;
    }
  }
  if (!url.empty()) {
    std::string host = detail::lower(url);
    if (auto p = host.find("://"); p != std::string::npos) host = host.substr(p + 3);
    host = host.substr(0, host.find('/'));
    for (const OutletInfo& o : dict_->outlets) {
      for (const std::string& dom : o.domains) {
        if (host == dom || (host.size() > dom.size() && host.ends_with("." + dom))) return &o;
      }
    }
  }
  return nullptr;
}

namespace {

using detail::ResolvedActor;

struct Article {
  std::optional<detail::CivilDate> date;
  // The engine's own coding conventions: announced acts as intents
  // (intent.h), "said that X must" as a demand. Off with PETRARCH-only
  // dictionaries: they spell these out in their own patterns and their
  // records expect PETRARCH's codes.
  bool engine_rules = true;
  std::string outlet;
  std::optional<bool> partisan;
  std::string outlet_country;
};

class DocumentCoder {
 public:
  DocumentCoder(const detail::Dictionary& d, const Document& doc, const Article& a, bool explain,
                const std::optional<Gazetteer>& gazetteer)
      : d_(d), doc_(doc), a_(a), explain_(explain), places_(d),
        actors_(d, detail::ArticleContext{a.outlet_country, a.date ? detail::to_yyyymmdd(*a.date) : 0}) {
    // The gazetteer answers first (coordinates, subdivision); the actor KB is its fallback.
    if (gazetteer) geo_.emplace(*gazetteer, &places_);
    // The engine's own rule "X said that Y must ..." (reported_speech.h demand_by_clause) codes as 100.
    demand_.code = -1;
    for (std::size_t k = 0; k < d_.codes.size(); ++k) {
      if (d_.codes[k].cameo == "100") demand_.code = static_cast<int>(k);
    }
    demand_.file = "engine";
    demand_.text = "(engine) SPEECH-VERB that SUBJECT must ...: a demand on SUBJECT";
  }

  std::vector<Event> run() {
    std::vector<Event> out;
    for (std::size_t s = 0; s < doc_.sentences.size(); ++s) code_sentence(static_cast<int>(s), out);
    return out;
  }

 private:
  // The sentence the rules read: `original`, or its repaired copy in `copy`.
  // A sentence whose clause the parser missed is coded from a repaired copy
  // (parse_repair.h); offsets and text are the same words'. Verb lemmas are
  // repaired first (the argument repairs read them) and again after a
  // nominal root's verb was retagged.
  const Sentence& repaired_sentence(const Sentence& original, Sentence& copy) {
    repair_note_.clear();
    const Sentence* current = &original;
    auto adopt = [&](Sentence&& s) {
      copy = std::move(s);
      current = &copy;
    };
    if (detail::needs_verb_lemma_repair(d_, *current)) {
      Sentence s = *current;
      detail::verb_lemmas_repaired(d_, s);
      adopt(std::move(s));
    }
    if (detail::needs_argument_repair(*current)) {
      Sentence s = *current;
      if (detail::repair_arguments(s, &repair_note_)) adopt(std::move(s));
    }
    if (detail::has_nominal_root(*current)) {
      Sentence s = *current;
      std::string why;
      if (detail::repair_nominal_root(s, &why)) {
        detail::verb_lemmas_repaired(d_, s);
        adopt(std::move(s));
        repair_note_ += (repair_note_.empty() ? "" : "; ") + why;
      }
    }
    return *current;
  }

  void code_sentence(int index, std::vector<Event>& out) {
    Sentence repaired;
    const Sentence& sent = repaired_sentence(doc_.sentences[index], repaired);
    detail::SentenceView v(sent);
    frame_ = detail::frame_place(places(), v, last_list_, &frame_path_);
    last_list_ = detail::listed_places(places(), v);  // "the latter" of the next sentence
    actors_.add_sentence(v, index);
    bool skip_all = false;
    std::vector<std::string> discards = detail::discard_labels(d_, v, &skip_all);
    if (skip_all) return;
    std::vector<std::string> low;
    for (int i = 0; i < v.size(); ++i) low.push_back(v.low(i));
    std::vector<detail::DateCue> cues = detail::find_date_cues(low, a_.date);
    carried_cue_.reset();
    if (!doc_.sentences[index].new_paragraph && index > 0) carried_cue_ = std::move(previous_cue_);
    previous_cue_.reset();
    std::set<std::tuple<int, std::string, std::string>> seen;
    std::size_t first_event = out.size();
    std::vector<std::vector<int>> reported;  // per event of this sentence: its trigger's reported clause
    std::vector<int> triggers;
    for (int t = 0; t < v.size(); ++t) {
      const detail::Pattern* p = detail::match_trigger(d_, v, t, discards);
      if (a_.engine_rules && demand_.code >= 0 && (!p || d_.codes[p->code].cameo.starts_with("01")) && detail::demand_by_clause(v, t)) {
        p = &demand_;
      }
      if (!p) continue;
      if (d_.codes[p->code].cameo == "---") continue;  // a PETRARCH null-coded pattern: matches, codes nothing
      bool statement = d_.codes[p->code].cameo.starts_with("01");
      if (statement && detail::figure_of_speech(v, t)) continue;
      detail::Slots slots = detail::fill_slots(v, t, *p, !statement);
      std::vector<std::pair<ResolvedActor, std::string>> sources, targets;
      for (const auto& sw : slots.sources) {
        for (auto& a : list_members(v, sw.word)) sources.emplace_back(a, sw.path);
      }
      // A statement's reported clause is what was said, not whom it concerns.
      std::vector<int> region = p == &demand_ ? std::vector<int>{} : detail::reported_region(v, t);
      std::erase_if(slots.targets, [&](const detail::SlotWord& w) {
        return std::binary_search(region.begin(), region.end(), w.word);
      });
      if (sources.empty() && !p->noun && v.passive(t)) detail::implicit_agent(actors_, v, t, sources);
      bool alternatives = p->target_slot == "any" || slots.first_target_only;
      for (const auto& tw : slots.targets) {
        // PETRARCH "any" slots and default verb targets are alternatives: the first actor wins,
        // and one that repeats the source ("Iraq said it would ...") is passed over.
        if (alternatives && !targets.empty()) break;
        for (auto& a : list_members(v, tw.word)) {
          // ... as is the source's own means ("offered its troops to X" -> X)
          // (with several sources, one source's target may be another: "Indian and
          // Chinese troops clashed, killing 20 Indian soldiers"; the pairing drops
          // self-pairs; but "their" still refers back to the sources themselves)
          const bool self = same_as_a_source(a, sources) && (sources.size() == 1 || a.actor.via == "pronoun");
          if (alternatives && (self || own_means(v, a, sources))) continue;
          targets.emplace_back(a, tw.path);
        }
      }
      std::erase_if(targets, [&](const auto& g) { return own_means(v, g.first, sources); });
      if (int accused = detail::accused_by_trailing_verb(v, t); targets.empty() && accused >= 0) {
        for (auto& a : list_members(v, accused)) targets.emplace_back(a, v.lemma(t) + " <-trailing- clause -nsubj-> " + v.word(accused).form);
      }
      if (targets.empty() && !sources.empty() && !statement && a_.engine_rules) rescue_target(v, t, *p, sources, targets);
      // Meetings and diplomatic acts happen at a venue; the venue is not whom they concern.
      const std::string& cameo = d_.codes[p->code].cameo;
      // (not mediation: "Saudi Arabia and the United States brokered a ceasefire" together)
      // Aid and concessions go one way unless swapped ("Azerbaijan and Armenia
      // exchanged prisoners"; not "Egypt and Qatar secured the release of hostages")
      const bool swapped = v.lemma(t) == "exchange" || v.lemma(t) == "swap" || v.lemma(t) == "trade";
      const bool mutual = ((cameo >= "03" && cameo < "07") || cameo.starts_with("19") ||
                           ((cameo.starts_with("07") || cameo.starts_with("08")) && swapped)) &&
                          !cameo.starts_with("045");
      if (sources.size() >= 2 && mutual && (targets.empty() || detail::all_countryless(targets))) {
        // "France and Germany met": the first conjunct towards the others, in
        // acts two sides do together (cooperation, fighting), not in joint
        // statements, demands or protests ("the US and Israel fomented protests");
        // so too when cooperating over people of no country ("India and China
        // agreed to disengage troops", "Azerbaijan and Armenia exchanged prisoners")
        targets.assign(sources.begin() + 1, sources.end());
        sources.resize(1);
      }
      bool venue = cameo.starts_with("03") || cameo.starts_with("04") || cameo.starts_with("05");
      bool placeable = !sources.empty() && !statement && !venue && region.empty() && p->target_slot != "none";
      if (placeable && !targets.empty() && detail::only_armed_means(targets, cameo)) {
        // "dispatched warships to X", "the withdrawal of forces from X": forces without
        // a country are the source's means; the place they act on is the target.
        std::vector<std::pair<ResolvedActor, std::string>> placed;
        place_target(v, t, *p, placed);
        if (!placed.empty()) targets = std::move(placed);
      }
      if (targets.empty() && placeable) {
        place_target(v, t, *p, targets);  // not the source's own country ("Haitians protested in Port-au-Prince")
        std::erase_if(targets, [&](const auto& g) { return same_as_a_source(g.first, sources); });
      }
      if (sources.empty() && targets.empty()) continue;
      std::vector<std::optional<std::pair<ResolvedActor, std::string>>> src(sources.begin(), sources.end());
      std::vector<std::optional<std::pair<ResolvedActor, std::string>>> tgt(targets.begin(), targets.end());
      if (src.empty()) src.push_back(std::nullopt);
      if (tgt.empty()) tgt.push_back(std::nullopt);
      for (const auto& s : src) {
        for (const auto& g : tgt) {
          Event e = make_event(v, index, t, *p, cues, s, g);
          if (!e.source && e.target && a_.engine_rules && !p->noun && v.passive(t) &&
              !detail::has_agent_phrase(v, t)) {
            imply_agent(index, out, e);
          }
          if (e.source && e.target && e.source->code == e.target->code) continue;
          auto key = std::make_tuple(t, e.source ? e.source->code : "", e.target ? e.target->code : "");
          if (!seen.insert(key).second) continue;
          out.push_back(std::move(e));
          reported.push_back(region);
          triggers.push_back(t);
        }
      }
    }
    detail::drop_statements_of_reported_events(out, first_event, reported, triggers);
    detail::drop_restated(v, out, first_event, triggers);
    detail::sharpen_by_complement(v, out, first_event, triggers);
    detail::drop_subsumed(out, first_event);
  }

  // An agentless passive's agent, named by an earlier act on the same target
  // (implicit_agent.h): the source keeps the span where it was named.
  void imply_agent(int index, const std::vector<Event>& out, Event& e) const {
    const Event* by = detail::earlier_agent_of(out, doc_, index, *e.target, e.quad_class);
    if (!by) return;
    e.source = *by->source;
    e.source->via = "implied";
    e.source->word = -1;  // not a word of this sentence
    e.confidence = std::clamp(e.confidence - 0.1, 0.05, 1.0);
    if (e.explanation) {
      e.explanation->source_path = "passive, no agent: the agent of the earlier act on " + by->target->code +
                                   " (sentence " + std::to_string(by->sentence) + ", " + by->trigger_text + " " +
                                   by->cameo + ") => " + by->source->code + " via implied";
    }
  }

  // A verb trigger in the past: "ordered", "were ordered", "had ordered".
  static bool past_tense(const detail::SentenceView& v, int t) {
    if (v.upos(t) != "VERB") return false;
    if (v.word(t).xpos == "VBD") return true;
    if (v.word(t).xpos != "VBN") return false;
    for (int c : v.children(t)) {
      if (v.base_rel(c) == "aux" && v.word(c).xpos == "VBD") return true;
    }
    return false;
  }

  // The actors of a slot word: its conj chain plus the list members a parser
  // split off as sibling subjects/objects (reported_speech.h).
  std::vector<ResolvedActor> list_members(const detail::SentenceView& v, int w) {
    std::vector<ResolvedActor> out = actors_.with_conjuncts(w);
    if (w < 0) return out;
    for (int s : detail::split_list_siblings(v, w)) {
      for (auto& a : actors_.with_conjuncts(s)) out.push_back(std::move(a));
    }
    return out;
  }

  // An act announced but not done is coded as the intent (intent.h): the
  // event keeps its modality and says which act was announced.
  std::string recode_as_intent(Event& e) const {
    std::string to = detail::intent_code(e.cameo);
    if (to.empty()) return "";
    for (const detail::EventCode& c : d_.codes) {
      if (c.cameo != to) continue;
      std::string note = "; announced " + e.cameo + " " + e.label + " -> intent " + c.cameo + " " + c.label;
      detail::assign_code(e, c);
      return note;
    }
    return "";
  }

  // The slots found no target: phrases they do not reach (target_means.h).
  void rescue_target(const detail::SentenceView& v, int t, const detail::Pattern& p,
                     const std::vector<std::pair<ResolvedActor, std::string>>& sources,
                     std::vector<std::pair<ResolvedActor, std::string>>& out) {
    int obj = p.noun ? -1 : detail::logical_object(v, t).word;
    bool threat = d_.codes[p.code].cameo.starts_with("13");
    for (const auto& [w, path] : detail::rescue_target_words(v, t, obj, threat)) {
      for (auto& a : list_members(v, w)) {
        if (!same_as_a_source(a, sources)) out.emplace_back(a, path);
      }
      if (!out.empty()) return;
    }
  }

  // "Israel strengthened its forces in Lebanon": an object owned by a pronoun
  // (its/their) that resolves to the source's own country is the means of the
  // act, not whom it is aimed at; the place (or nothing) stands for the target.
  // A phrase the act is addressed to is not a means ("paid tribute to [the
  // work of] our security service").
  static bool own_means(const detail::SentenceView& v, const ResolvedActor& g,
                        const std::vector<std::pair<ResolvedActor, std::string>>& sources) {
    int w = g.actor.word;
    if (w < 0 || w >= v.size() || g.actor.country.empty()) return false;
    if (v.base_rel(w) != "obj" && v.rel(w) != "nsubj:pass") return false;
    bool pronoun_owner = false;
    for (int c : v.kids(w, "nmod:poss")) pronoun_owner = pronoun_owner || v.upos(c) == "PRON";
    return pronoun_owner && std::any_of(sources.begin(), sources.end(), [&](const auto& s) {
             return s.first.actor.country == g.actor.country;
           });
  }

  static bool same_as_a_source(const ResolvedActor& a,
                               const std::vector<std::pair<ResolvedActor, std::string>>& sources) {
    return std::any_of(sources.begin(), sources.end(),
                       [&](const auto& s) { return s.first.actor.code == a.actor.code; });
  }

  const detail::PlaceLookup& places() const {
    return geo_ ? static_cast<const detail::PlaceLookup&>(*geo_) : places_;
  }

  // No target actor in the text: the place acted upon stands for it, as the
  // PLOVER gold standard codes it ("shelled Juba" -> SDN, "reimposed blockades
  // in the West Bank" -> PSE): an object that is a place name, else the in/at
  // place of the trigger, of the verb governing a noun trigger, or of the object.
  void place_target(const detail::SentenceView& v, int t, const detail::Pattern& p,
                    std::vector<std::pair<ResolvedActor, std::string>>& out) const {
    int obj = p.noun ? detail::prep_dependent(v, t, "of").word : detail::logical_object(v, t).word;
    std::string path;
    std::optional<Place> place;
    if (obj >= 0 && (place = detail::place_of_phrase(places(), v, obj))) path = v.lemma(t) + " -obj-> " + v.word(obj).form;
    for (int c : v.children_if(obj >= 0, obj)) {  // "shelled the regional capital Juba"
      std::string_view r = v.base_rel(c);
      bool name_part = r == "compound" && std::isupper(static_cast<unsigned char>(v.word(obj).form[0]));  // "the Vienna Convention"
      if (!place && !name_part && (r == "appos" || r == "flat" || r == "compound") && (place = places().lookup(v, c))) {
        path = v.lemma(t) + " -obj-> " + v.word(obj).form + " -" + v.rel(c) + "-> " + v.word(c).form;
      }
    }
    if (!place) place = detail::find_location(places(), v, t, obj, &path);
    // "exploded a series of bombs in Kabul": a measure's of-phrase is what was acted with or on
    int of = obj >= 0 && detail::is_measure(v.lemma(obj)) ? detail::prep_dependent(v, obj, "of").word : -1;
    if (!place && of >= 0) place = detail::find_location(places(), v, t, of, &path);
    if (!place) place = detail::destination_place(places(), v, t, obj, d_.codes[p.code].cameo.starts_with("08"), &path);
    if (!place) place = detail::border_place(places(), d_, actors_.mentions(), v, t, obj, &path);
    // "threatened to resume activities in Israel": the controlled act's place
    for (int c : v.children(t)) {
      if (place || p.noun || v.rel(c) != "xcomp" || v.upos(c) != "VERB") continue;
      int o = detail::logical_object(v, c).word;
      if (o >= 0 && (place = detail::place_of_phrase(places(), v, o))) path = v.lemma(c) + " -obj-> " + v.word(o).form;
      if (!place) place = detail::find_location(places(), v, c, o, &path);
      if (place) path = v.lemma(t) + " -xcomp-> " + path;
    }
    if (!place || place->country.empty()) return;
    ResolvedActor a;
    a.actor.text = place->text;
    a.actor.span = place->span;
    a.actor.code = a.actor.country = place->country;
    a.actor.via = "place";
    a.actor.word = obj;
    a.penalty = 0.15;
    out.emplace_back(std::move(a), path + " (place as target)");
  }

  Event make_event(const detail::SentenceView& v, int index, int t, const detail::Pattern& p,
                   const std::vector<detail::DateCue>& cues,
                   const std::optional<std::pair<ResolvedActor, std::string>>& src,
                   const std::optional<std::pair<ResolvedActor, std::string>>& tgt) {
    const Sentence& sent = doc_.sentences[index];
    const detail::EventCode& code = d_.codes[p.code];
    Event e;
    e.doc = doc_.id;
    e.sentence = index;
    e.sentence_span = sent.span;
    e.sentence_text = sent.text;
    detail::assign_code(e, code);
    e.trigger = v.word(t).span;
    e.trigger_text = v.word(t).form;
    e.rule = p.file.substr(p.file.rfind("/data/") == std::string::npos ? 0 : p.file.rfind("/data/") + 1) + ":" +
             std::to_string(p.line);
    e.outlet = a_.outlet;
    e.outlet_partisan = a_.partisan;

    // date
    std::string date_why;
    int event_day = 0;
    if (const detail::DateCue* cue = detail::nearest_cue(cues, t)) {
      e.date = detail::format_date(cue->date);
      e.date_precision = cue->precision;
      e.date_cue_span = v.span(cue->first, cue->last);
      for (int k = cue->first; k <= cue->last; ++k) e.date_cue += (k > cue->first ? " " : "") + v.word(k).form;
      date_why = "'" + e.date_cue + "': " + cue->rule;
      event_day = detail::to_yyyymmdd(cue->date);
      if (!previous_cue_) previous_cue_ = CarriedCue{*cue, *e.date_cue_span, e.date_cue};
    } else if (carried_cue_ && past_tense(v, t) && (code.quad_class == 2 || code.quad_class == 4)) {
      const CarriedCue& c = *carried_cue_;
      e.date = detail::format_date(c.cue.date);
      e.date_precision = c.cue.precision;
      e.date_cue_span = c.span;
      e.date_cue = c.text;
      date_why = "'" + c.text + "' of the previous sentence (" + c.cue.rule +
                 "): a past-tense material act of the same paragraph without date words of its own";
      event_day = detail::to_yyyymmdd(c.cue.date);
    } else if (a_.date) {
      e.date = detail::format_date(*a_.date);
      e.date_precision = "day";
      e.date_is_publication = true;
      date_why = "no date words in the sentence: publication date";
      event_day = detail::to_yyyymmdd(*a_.date);
    } else {
      date_why = "no date words and no article date";
    }

    double confidence = 0.9;
    auto fix = [&](const std::pair<ResolvedActor, std::string>& r) {
      ResolvedActor a = r.first;
      actors_.apply_date(a, event_day);
      confidence -= a.penalty;
      return a.actor;
    };
    if (src) e.source = fix(*src);
    else confidence -= 0.15;
    if (tgt) e.target = fix(*tgt);
    else confidence -= 0.05;

    detail::ModalityResult m = detail::modality_of(v, t, detail::requires_negation(p));
    e.modality = m.modality;
    std::string intent_note;
    if (m.intent && a_.engine_rules) intent_note = recode_as_intent(e);
    if (m.speaker >= 0) {
      std::vector<ResolvedActor> sp = actors_.at(m.speaker);
      if (!sp.empty()) {
        actors_.apply_date(sp.front(), event_day);
        e.attributed_to = sp.front().actor;
      }
    }
    std::string loc_path;
    int target_word = tgt ? tgt->first.actor.word : -1;
    e.location = detail::find_location(places(), v, t, target_word, &loc_path);
    for (int c : e.location ? std::vector<int>{} : detail::when_clauses(v, t)) {  // "killed when a missile hit a building in Odesa"
      if ((e.location = detail::find_location(places(), v, c, -1, &loc_path))) break;
    }
    if (!e.location && a_.engine_rules) {
      if (int c = detail::arrest_partner(v, t, e); c >= 0) e.location = detail::find_location(places(), v, c, -1, &loc_path);
    }
    if (!e.location) e.location = detail::location_of_cause(places(), v, t, &loc_path);
    if (!e.location && frame_) {
      e.location = frame_;
      loc_path = frame_path_;
    }
    if (a_.engine_rules) confidence -= detail::state_agent(v, t, e);
    if (a_.engine_rules) detail::consequence_victims(v, t, actors_, e);
    if (a_.engine_rules) confidence -= detail::domestic_countries(e);
    if (a_.engine_rules && detail::domestic_state_source(e)) confidence -= 0.1;
    e.confidence = std::clamp(confidence, 0.05, 1.0);
    if (explain_) {
      Explanation x;
      x.pattern = p.text + "  (" + e.rule + ", code " + code.cameo + " " + code.label + ")" + intent_note;
      x.source_path = src ? src->second + " => " + src->first.actor.code + " via " + src->first.actor.via
                          : e.source ? "state act located in " + e.source->code + " (" + loc_path + ")"
                                    : "no source in the text";
      if (!repair_note_.empty()) x.source_path += " [" + repair_note_ + "]";
      x.target_path = tgt ? tgt->second + " => " + tgt->first.actor.code + " via " + tgt->first.actor.via
                          : "no target in the text";
      x.modality = m.why;
      x.date = date_why;
      x.location = e.location ? loc_path : "no in/at place phrase";
      e.explanation = std::move(x);
    }
    return e;
  }

  const detail::Dictionary& d_;
  const Document& doc_;
  const Article& a_;
  bool explain_;
  detail::KbPlaceLookup places_;
  std::optional<detail::GazetteerPlaceLookup> geo_;
  detail::ActorResolver actors_;
  std::vector<Place> last_list_;  // the previous sentence's listed places ("the latter")
  std::optional<Place> frame_;    // the current sentence's "In X," frame
  std::string frame_path_;
  std::string repair_note_;  // the parse repair of the current sentence, for --explain
  // A sentence's date cue carries on to the past-tense material acts (quad
  // classes 2 and 4) of the next sentence of its paragraph that has no date
  // words ("yesterday the ambassador was summoned ... They were ordered to
  // leave"): one sentence on, no further, never into a new paragraph, and not
  // to statements and other verbal acts, which often come later ("Police
  // arrested three protesters on Sunday. The prime minister called for calm").
  struct CarriedCue {
    detail::DateCue cue;
    Span span;
    std::string text;
  };
  std::optional<CarriedCue> previous_cue_;  // the first cue the current sentence's events used
  std::optional<CarriedCue> carried_cue_;   // the previous sentence's, for this one
  detail::Pattern demand_;   // the built-in "said that X must" rule, code -1 when 100 is not loaded
};

}  // namespace

std::vector<Event> Coder::code(const Document& doc, const ArticleInfo& info) const {
  Article a;
  if (info.date && !info.date->empty()) {
    a.date = detail::parse_iso_date(*info.date);
    if (!a.date) throw Error("article date '" + *info.date + "' is not a valid YYYY-MM-DD date");
  }
  const OutletInfo* outlet = find_outlet(info.outlet, info.url);
  a.outlet = !info.outlet.empty() ? info.outlet : outlet ? outlet->name : "";
  if (outlet) {
    a.partisan = outlet->partisan;
    a.outlet_country = outlet->country;
  }
  if (info.outlet_country && !info.outlet_country->empty()) a.outlet_country = *info.outlet_country;
  a.engine_rules = !options_.petrarch_only;
  DocumentCoder dc(*dict_, doc, a, options_.explain, gazetteer_);
  std::vector<Event> events = dc.run();
  if (!info.id.empty()) {
    for (Event& e : events) e.doc = info.id;
  }
  return events;
}

}  // namespace dyad
