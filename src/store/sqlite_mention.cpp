// Event <-> `mentions` row: every field of the coder's Event has a column, so
// a stored mention restores to the same event_to_json() as the coder wrote.
#include <nlohmann/json.hpp>

#include "store/sqlite_store.h"

namespace dyad::detail {
namespace {

constexpr int kActorCols = 11;

Modality modality_from(const std::string& s) {
  for (Modality m : {Modality::kAsserted, Modality::kReported, Modality::kAlleged, Modality::kDenied,
                     Modality::kNegated, Modality::kConditional, Modality::kFuture, Modality::kHypothetical}) {
    if (to_string(m) == s) return m;
  }
  return Modality::kAsserted;
}

void bind_actor(SqliteRowBatch& st, int i, const std::optional<Actor>& a) {
  if (!a) {
    for (int k = 0; k < kActorCols; ++k) st.bind_null(i + k);
    return;
  }
  st.bind_ref(i, a->code).bind_ref(i + 1, a->country).bind_ref(i + 2, a->sector).bind_ref(i + 3, a->text);
  st.bind(i + 4, static_cast<std::int64_t>(a->span.start)).bind(i + 5, static_cast<std::int64_t>(a->span.end));
  st.bind_ref(i + 6, a->via).bind_ref(i + 7, a->person);
  if (a->antecedent) {
    st.bind(i + 8, static_cast<std::int64_t>(a->antecedent->start));
    st.bind(i + 9, static_cast<std::int64_t>(a->antecedent->end));
  } else {
    st.bind_null(i + 8).bind_null(i + 9);
  }
  st.bind(i + 10, a->word);
}

std::optional<Actor> read_actor(const SqliteStmt& st, int c) {
  if (st.is_null(c)) return std::nullopt;
  Actor a;
  a.code = st.text(c);
  a.country = st.text(c + 1);
  a.sector = st.text(c + 2);
  a.text = st.text(c + 3);
  a.span = {static_cast<std::size_t>(st.int64(c + 4)), static_cast<std::size_t>(st.int64(c + 5))};
  a.via = st.text(c + 6);
  a.person = st.text(c + 7);
  if (!st.is_null(c + 8)) {
    a.antecedent = Span{static_cast<std::size_t>(st.int64(c + 8)), static_cast<std::size_t>(st.int64(c + 9))};
  }
  a.word = static_cast<int>(st.int64(c + 10));
  return a;
}

std::int64_t z(std::size_t v) { return static_cast<std::int64_t>(v); }
std::size_t uz(std::int64_t v) { return static_cast<std::size_t>(v); }

}  // namespace

const char* const kMentionColumns =
    "event_id, article_id, outlet, sentence, sentence_start, sentence_end, "
    "src_code, src_country, src_sector, src_text, src_start, src_end, src_via, src_person, src_ante_start, "
    "src_ante_end, src_word, "
    "tgt_code, tgt_country, tgt_sector, tgt_text, tgt_start, tgt_end, tgt_via, tgt_person, tgt_ante_start, "
    "tgt_ante_end, tgt_word, "
    "cameo, label, plover, mode, context, goldstein, quad_class, trigger_text, trigger_start, trigger_end, "
    "date, date_precision, date_is_publication, date_cue, date_cue_start, date_cue_end, "
    "place_text, place_start, place_end, place_country, place_kind, modality, "
    "att_code, att_country, att_sector, att_text, att_start, att_end, att_via, att_person, att_ante_start, "
    "att_ante_end, att_word, rule, confidence, outlet_partisan, explanation, "
    "place_name, place_admin1, place_admin1_name, place_lat, place_lon";

std::string mention_columns(const std::string& alias) {
  std::string cols = alias + "." + kMentionColumns;
  for (std::size_t p = 0; (p = cols.find(", ", p)) != std::string::npos; p += 2 + alias.size() + 1) {
    cols.replace(p, 2, ", " + alias + ".");
  }
  return cols;
}

// Parameters first..first+2 (event_id, article_id, outlet) are bound by the caller.
// Strings are bound by reference (no copy): `e` outlives the statement's run().
void bind_mention(SqliteRowBatch& st, int i, const Event& e) {
  st.bind(i + 3, e.sentence).bind(i + 4, z(e.sentence_span.start)).bind(i + 5, z(e.sentence_span.end));
  bind_actor(st, i + 6, e.source);
  bind_actor(st, i + 17, e.target);
  int c = i + 28;
  st.bind_ref(c, e.cameo).bind_ref(c + 1, e.label).bind_ref(c + 2, e.plover).bind_ref(c + 3, e.mode);
  st.bind_ref(c + 4, e.context);
  st.bind(c + 5, e.goldstein).bind(c + 6, e.quad_class);
  st.bind_ref(c + 7, e.trigger_text).bind(c + 8, z(e.trigger.start)).bind(c + 9, z(e.trigger.end));
  st.bind_ref(c + 10, e.date).bind_ref(c + 11, e.date_precision).bind(c + 12, e.date_is_publication ? 1 : 0);
  st.bind_ref(c + 13, e.date_cue);
  if (e.date_cue_span) {
    st.bind(c + 14, z(e.date_cue_span->start)).bind(c + 15, z(e.date_cue_span->end));
  } else {
    st.bind_null(c + 14).bind_null(c + 15);
  }
  if (e.location) {
    st.bind_ref(c + 16, e.location->text).bind(c + 17, z(e.location->span.start));
    st.bind(c + 18, z(e.location->span.end)).bind_ref(c + 19, e.location->country).bind_ref(c + 20, e.location->kind);
  } else {
    for (int k = 16; k <= 20; ++k) st.bind_null(c + k);
  }
  st.bind(c + 21, to_string(e.modality));
  bind_actor(st, c + 22, e.attributed_to);
  c += 33;
  st.bind_ref(c, e.rule).bind(c + 1, e.confidence);
  if (e.outlet_partisan) st.bind(c + 2, *e.outlet_partisan ? 1 : 0); else st.bind_null(c + 2);
  if (e.explanation) {
    const Explanation& x = *e.explanation;
    nlohmann::json j = {{"pattern", x.pattern}, {"source", x.source_path}, {"target", x.target_path},
                        {"modality", x.modality}, {"date", x.date}, {"location", x.location}};
    st.bind(c + 3, j.dump());  // a temporary: copied
  } else {
    st.bind_null(c + 3);
  }
  if (e.location) {  // schema v3
    const Place& p = *e.location;
    st.bind_ref(c + 4, p.name).bind_ref(c + 5, p.admin1).bind_ref(c + 6, p.admin1_name);
    st.bind(c + 7, p.lat).bind(c + 8, p.lon);
  } else {
    for (int k = 4; k <= 8; ++k) st.bind_null(c + k);
  }
}

Event read_mention(const SqliteStmt& st, int i) {
  Event e;
  e.outlet = st.text(i + 2);
  e.sentence = static_cast<int>(st.int64(i + 3));
  e.sentence_span = {uz(st.int64(i + 4)), uz(st.int64(i + 5))};
  e.source = read_actor(st, i + 6);
  e.target = read_actor(st, i + 17);
  int c = i + 28;
  e.cameo = st.text(c);
  e.label = st.text(c + 1);
  e.plover = st.text(c + 2);
  e.mode = st.text(c + 3);
  e.context = st.text(c + 4);
  e.goldstein = st.real(c + 5);
  e.quad_class = static_cast<int>(st.int64(c + 6));
  e.trigger_text = st.text(c + 7);
  e.trigger = {uz(st.int64(c + 8)), uz(st.int64(c + 9))};
  e.date = st.text(c + 10);
  e.date_precision = st.text(c + 11);
  e.date_is_publication = st.int64(c + 12) != 0;
  e.date_cue = st.text(c + 13);
  if (!st.is_null(c + 14)) e.date_cue_span = Span{uz(st.int64(c + 14)), uz(st.int64(c + 15))};
  if (!st.is_null(c + 16)) {
    Place place;
    place.text = st.text(c + 16);
    place.span = {uz(st.int64(c + 17)), uz(st.int64(c + 18))};
    place.country = st.text(c + 19);
    place.kind = st.text(c + 20);
    e.location = std::move(place);
  }
  int x = c + 33 + 4;  // the v3 place columns, after explanation
  if (e.location) {
    e.location->name = st.text(x);
    e.location->admin1 = st.text(x + 1);
    e.location->admin1_name = st.text(x + 2);
    if (!st.is_null(x + 3)) e.location->lat = st.real(x + 3);
    if (!st.is_null(x + 4)) e.location->lon = st.real(x + 4);
  }
  e.modality = modality_from(st.text(c + 21));
  e.attributed_to = read_actor(st, c + 22);
  c += 33;
  e.rule = st.text(c);
  e.confidence = st.real(c + 1);
  if (!st.is_null(c + 2)) e.outlet_partisan = st.int64(c + 2) != 0;
  if (!st.is_null(c + 3)) {
    auto j = nlohmann::json::parse(st.text(c + 3));
    e.explanation = Explanation{j.value("pattern", ""), j.value("source", ""), j.value("target", ""),
                                j.value("modality", ""), j.value("date", ""), j.value("location", "")};
  }
  return e;
}

}  // namespace dyad::detail
