#include "storage/sql_split.hpp"

#include <algorithm>
#include <cctype>

namespace samspil::storage {

namespace {

bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

std::string upper(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::toupper(c); });
  return out;
}

struct Splitter {
  std::string_view s;
  std::size_t i = 0;
  int line = 1;
  std::vector<SqlStatement> out;
  std::string current;
  int start_line = 0;          // 0 = no significant character yet
  std::vector<std::string> words;  // first words of the statement, to spot triggers
  int block_depth = 0;         // BEGIN/CASE … END nesting inside a trigger

  void take(std::size_t n) {
    for (std::size_t k = 0; k < n && i < s.size(); ++k, ++i) {
      if (s[i] == '\n') ++line;
      current.push_back(s[i]);
    }
  }
  // Comments are dropped so an error message quotes the statement, not its preface.
  void skip(std::size_t n) {
    for (std::size_t k = 0; k < n && i < s.size(); ++k, ++i) {
      if (s[i] == '\n') ++line;
    }
    if (!current.empty() && current.back() != ' ') current.push_back(' ');
  }
  void mark_start() {
    if (start_line == 0) start_line = line;
  }
  bool in_trigger() const {
    // CREATE [TEMP|TEMPORARY] TRIGGER
    if (words.size() < 2 || words[0] != "CREATE") return false;
    if (words[1] == "TRIGGER") return true;
    return words.size() >= 3 && (words[1] == "TEMP" || words[1] == "TEMPORARY") && words[2] == "TRIGGER";
  }
  void finish() {
    std::string text = current;
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.pop_back();
    std::size_t first = text.find_first_not_of(" \t\r\n");
    if (start_line != 0 && first != std::string::npos) out.push_back({text.substr(first), start_line});
    current.clear();
    start_line = 0;
    words.clear();
    block_depth = 0;
  }
  void quoted(char quote) {
    mark_start();
    take(1);
    while (i < s.size()) {
      if (s[i] == quote) {
        if (i + 1 < s.size() && s[i + 1] == quote) {  // doubled quote escapes itself
          take(2);
          continue;
        }
        take(1);
        return;
      }
      take(1);
    }
  }
  bool dollar_quote() {
    // $tag$ … $tag$ where tag is empty or an identifier; $1 is a parameter, not a quote.
    if (i + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[i + 1]))) return false;
    std::size_t j = i + 1;
    while (j < s.size() && is_word_char(s[j])) ++j;
    if (j >= s.size() || s[j] != '$') return false;
    const std::string tag(s.substr(i, j - i + 1));
    const std::size_t end = s.find(tag, j + 1);
    mark_start();
    take((end == std::string_view::npos ? s.size() : end + tag.size()) - i);
    return true;
  }
  void word() {
    mark_start();
    std::size_t j = i;
    while (j < s.size() && is_word_char(s[j])) ++j;
    const std::string w = upper(s.substr(i, j - i));
    if (words.size() < 3) words.push_back(w);
    if (in_trigger()) {
      if (w == "BEGIN" || w == "CASE") ++block_depth;
      if (w == "END" && block_depth > 0) --block_depth;
    }
    take(j - i);
  }

  std::vector<SqlStatement> run() {
    while (i < s.size()) {
      const char c = s[i];
      const char next = i + 1 < s.size() ? s[i + 1] : '\0';
      if (c == '-' && next == '-') {
        while (i < s.size() && s[i] != '\n') skip(1);
      } else if (c == '/' && next == '*') {
        int depth = 0;  // PostgreSQL nests block comments
        do {
          if (s[i] == '/' && i + 1 < s.size() && s[i + 1] == '*') {
            ++depth;
            skip(2);
          } else if (s[i] == '*' && i + 1 < s.size() && s[i + 1] == '/') {
            --depth;
            skip(2);
          } else {
            skip(1);
          }
        } while (i < s.size() && depth > 0);
      } else if (c == '\'' || c == '"' || c == '`') {
        quoted(c);
      } else if (c == '$' && dollar_quote()) {
        // taken
      } else if (c == ';' && block_depth == 0) {
        ++i;
        finish();
      } else if (is_word_char(c)) {
        word();
      } else {
        if (!std::isspace(static_cast<unsigned char>(c))) mark_start();
        take(1);
      }
    }
    finish();
    return std::move(out);
  }
};

}  // namespace

std::vector<SqlStatement> split_sql(std::string_view script) {
  Splitter splitter;
  splitter.s = script;
  return splitter.run();
}

}  // namespace samspil::storage
