// Record reader. Design: a single pass over lines; a record owns the field
// lines that follow its "@kind KEY" line. The schema is checked while reading
// so an error always points at the offending line, not at the record start.
#include "coder/records.h"

#include <fstream>
#include <sstream>

#include "dyad/error.h"

namespace dyad::detail {
namespace {

std::string trim(const std::string& s) {
  std::size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return {};
  std::size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

// " #" (or a tab before '#') starts a trailing comment; a '#' inside a word
// ("C#") or inside double quotes does not.
std::string strip_comment(const std::string& line) {
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '"') quoted = !quoted;
    if (!quoted && line[i] == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
      return line.substr(0, i);
    }
  }
  return line;
}

std::vector<std::string> split_list(const std::string& value) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= value.size()) {
    std::size_t semi = value.find(';', start);
    if (semi == std::string::npos) semi = value.size();
    std::string item = trim(value.substr(start, semi - start));
    if (!item.empty()) out.push_back(item);
    start = semi + 1;
  }
  return out;
}

}  // namespace

void fail_at(const std::string& file, std::size_t line, const std::string& message) {
  throw Error(file + ":" + std::to_string(line) + ": " + message);
}

std::vector<std::string> Record::all(const std::string& name) const {
  std::vector<std::string> out;
  for (const RecordField& f : fields) {
    if (f.name == name) out.insert(out.end(), f.values.begin(), f.values.end());
  }
  return out;
}

std::string Record::one(const std::string& name) const {
  std::vector<std::string> values = all(name);
  if (values.empty()) return {};
  if (values.size() > 1) {
    for (const RecordField& f : fields) {
      if (f.name == name) fail_at(file, f.line, "field '" + name + "' takes one value, got " +
                                                    std::to_string(values.size()));
    }
  }
  return values.front();
}

std::vector<Record> parse_records(const std::string& text, const std::string& name,
                                  const RecordSchema& schema) {
  std::vector<Record> records;
  std::istringstream in(text);
  std::string raw;
  std::size_t line_no = 0;
  while (std::getline(in, raw)) {
    ++line_no;
    if (line_no == 1 && raw.rfind("\xEF\xBB\xBF", 0) == 0) raw.erase(0, 3);  // UTF-8 BOM
    std::string line = trim(strip_comment(raw));
    if (line.empty()) continue;
    if (line[0] == '@') {
      std::size_t sp = line.find_first_of(" \t");
      std::string kind = line.substr(1, sp == std::string::npos ? std::string::npos : sp - 1);
      std::string key = sp == std::string::npos ? "" : trim(line.substr(sp));
      auto it = schema.find(kind);
      if (it == schema.end()) {
        std::string kinds;
        for (const auto& [k, unused] : schema) kinds += (kinds.empty() ? "@" : ", @") + k;
        fail_at(name, line_no, "unknown record kind '@" + kind + "' (expected one of " + kinds + ")");
      }
      if (key.empty()) fail_at(name, line_no, "record '@" + kind + "' needs a key after the kind");
      records.push_back(Record{kind, key, name, line_no, {}});
      continue;
    }
    std::size_t colon = line.find(':');
    if (colon == std::string::npos || colon == 0 || line.find_first_of(" \t") < colon) {
      fail_at(name, line_no, "expected 'field: value' or '@kind KEY', got '" + line + "'");
    }
    std::string field = line.substr(0, colon);
    if (records.empty()) fail_at(name, line_no, "field '" + field + "' before any '@kind KEY' line");
    Record& rec = records.back();
    const std::set<std::string>& allowed = schema.at(rec.kind);
    if (!allowed.count(field)) {
      std::string names;
      for (const std::string& f : allowed) names += (names.empty() ? "" : ", ") + f;
      fail_at(name, line_no, "unknown field '" + field + "' in @" + rec.kind + " (allowed: " + names + ")");
    }
    std::vector<std::string> values = split_list(line.substr(colon + 1));
    if (values.empty()) fail_at(name, line_no, "empty value for field '" + field + "'");
    rec.fields.push_back(RecordField{field, std::move(values), line_no});
  }
  return records;
}

std::vector<Record> read_records(const std::string& path, const RecordSchema& schema) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error("cannot open dictionary file " + path);
  std::ostringstream buf;
  buf << in.rdbuf();
  return parse_records(buf.str(), path, schema);
}

}  // namespace dyad::detail
