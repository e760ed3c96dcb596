// The one reader for dyad's dictionary record syntax (docs/dictionaries.md):
//   @kind KEY / field: a; b; c / # comments. Every malformed line throws
// dyad::Error "file:line: reason" so the author can fix the data file.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

namespace dyad::detail {

struct RecordField {
  std::string name;
  std::vector<std::string> values;  // split on ';', trimmed, never empty
  std::size_t line = 0;
};

struct Record {
  std::string kind;  // without '@'
  std::string key;
  std::string file;
  std::size_t line = 0;
  std::vector<RecordField> fields;

  /// All values of a field, in file order.
  std::vector<std::string> all(const std::string& name) const;
  /// The single value of a field, or empty; throws if it has several.
  std::string one(const std::string& name) const;
  std::string where() const { return file + ":" + std::to_string(line); }
};

/// kind -> allowed field names.
using RecordSchema = std::map<std::string, std::set<std::string>>;

/// Reads one file. Throws dyad::Error "file:line: reason" for a field before
/// any record, an unknown kind or field, an empty key or value.
std::vector<Record> read_records(const std::string& path, const RecordSchema& schema);

/// Parses record text already in memory (`name` is used in messages).
std::vector<Record> parse_records(const std::string& text, const std::string& name,
                                  const RecordSchema& schema);

/// Throws dyad::Error "file:line: message".
[[noreturn]] void fail_at(const std::string& file, std::size_t line, const std::string& message);

}  // namespace dyad::detail
