// Full-text queries for PostgreSQL: the FTS5 syntax users write for SQLite
// ('expel* AND diplomat*', '"border clash"', 'blockade OR restraint') turned
// into a tsquery, so `--text` means the same on both backends.
//
// Supported: barewords (letters, digits, '_', any non-ASCII), a trailing '*'
// for a prefix, "phrases" ("" inside is a quote), AND, OR, NOT (binary: a NOT
// b), parentheses, and implicit AND between neighbours. Anything else (column
// filters, NEAR, ^, stray punctuation) is a syntax error, as in FTS5. Lexemes
// are emitted quoted; the result is still passed as a bound parameter.
#include <cctype>

#include "dyad/error.h"
#include "store/pg_store.h"

namespace dyad::detail {
namespace {

bool word_char(unsigned char c) { return std::isalnum(c) || c == '_' || c >= 0x80; }

[[noreturn]] void bad(const std::string& q, std::size_t at, const std::string& why) {
  throw Error("full-text query '" + q + "': " + why + " at byte " + std::to_string(at) +
              " (syntax: words, word*, \"a phrase\", AND, OR, NOT, parentheses)");
}

std::string lexeme(const std::string& w) { return "'" + w + "'"; }  // word chars only: no quote to escape

// "border clash" -> ('border' <-> 'clash'); the words as FTS5's tokenizer splits them.
std::string phrase(const std::string& text) {
  std::string out, word;
  auto flush = [&] {
    if (word.empty()) return;
    out += (out.empty() ? "" : " <-> ") + lexeme(word);
    word.clear();
  };
  for (unsigned char c : text) {
    if (word_char(c)) {
      word += static_cast<char>(c);
    } else {
      flush();
    }
  }
  flush();
  return out.empty() ? "" : "(" + out + ")";
}

}  // namespace

std::string fts_to_tsquery(const std::string& q) {
  std::string out;
  bool want_operand = true;  // after an operator or '(' (or at the start)
  int depth = 0;
  std::size_t i = 0;
  auto operand = [&](const std::string& t, std::size_t at) {
    if (t.empty()) bad(q, at, "empty phrase");
    if (!want_operand) out += " & ";  // implicit AND
    out += t;
    want_operand = false;
  };
  while (i < q.size()) {
    unsigned char c = static_cast<unsigned char>(q[i]);
    if (std::isspace(c)) {
      ++i;
    } else if (c == '(') {
      if (!want_operand) out += " & ";
      out += '(';
      ++depth;
      want_operand = true;
      ++i;
    } else if (c == ')') {
      if (want_operand || depth == 0) bad(q, i, "unexpected ')'");
      out += ')';
      --depth;
      ++i;
    } else if (c == '"') {
      std::string text;
      std::size_t start = i++;
      for (;; ++i) {
        if (i >= q.size()) bad(q, start, "unterminated phrase");
        if (q[i] == '"') {
          if (i + 1 < q.size() && q[i + 1] == '"') { text += '"'; ++i; continue; }
          ++i;
          break;
        }
        text += q[i];
      }
      operand(phrase(text), start);
    } else if (word_char(c)) {
      std::size_t start = i;
      while (i < q.size() && word_char(static_cast<unsigned char>(q[i]))) ++i;
      std::string w = q.substr(start, i - start);
      if (w == "AND" || w == "OR" || w == "NOT") {
        if (want_operand) bad(q, start, "operator " + w + " without a left operand");
        out += w == "AND" ? " & " : w == "OR" ? " | " : " & !";
        want_operand = true;
        continue;
      }
      bool prefix = i < q.size() && q[i] == '*';
      if (prefix) ++i;
      operand(lexeme(w) + (prefix ? ":*" : ""), start);
    } else {
      bad(q, i, std::string("unexpected character '") + static_cast<char>(c) + "'");
    }
  }
  if (want_operand) bad(q, q.size(), out.empty() ? "empty query" : "missing operand");
  if (depth != 0) bad(q, q.size(), "unbalanced '('");
  return out;
}

}  // namespace dyad::detail
