// dyad — export formats for stored events: GDELT 2.0 event table rows,
// PLOVER JSON records, CSV. Column mappings: docs/store.md.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "dyad/store.h"

namespace dyad {

/// The 61 GDELT 2.0 event-table column names, in order.
const std::vector<std::string>& gdelt_columns();
/// One tab-separated GDELT 2.0 row (61 fields; unmapped fields empty).
std::vector<std::string> gdelt_row(const StoredEvent& e);

/// A PLOVER record shaped like the PLOVER GSR files: id, date, source/target
/// lists of {actorText, code, ...}, event, mode, context, text, textInfo.markup
/// (the sentence with "(SRC: ...)", "(EVT: ...)", "(TAR: ...)" inserted by span).
nlohmann::json plover_record(const StoredEvent& e);

/// The sentence with the source, trigger and target spans wrapped in markers.
std::string plover_markup(const Event& e);

const std::vector<std::string>& csv_columns();
std::vector<std::string> csv_row(const StoredEvent& e);
/// RFC 4180 quoting of one line.
std::string csv_line(const std::vector<std::string>& fields);
/// Tabs and newlines inside a field become spaces (GDELT / TSV).
std::string tsv_line(const std::vector<std::string>& fields);

}  // namespace dyad
