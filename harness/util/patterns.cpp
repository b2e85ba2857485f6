#include "harness/util/patterns.h"

#include "ir/error.h"

#include <fmt/format.h>
#include <fnmatch.h>

namespace qgold::harness {

std::vector<size_t> select_by_patterns(const std::vector<std::vector<std::string>> &names,
                                       const std::vector<std::string> &patterns,
                                       const std::string &where) {
  std::vector<size_t> selected;
  std::vector<bool> used(patterns.size(), false);
  for (size_t item = 0; item < names.size(); ++item) {
    bool match = patterns.empty();
    for (size_t i = 0; i < patterns.size(); ++i)
      for (const std::string &name : names[item])
        if (fnmatch(patterns[i].c_str(), name.c_str(), 0) == 0)
          match = used[i] = true;
    if (match)
      selected.push_back(item);
  }
  for (size_t i = 0; i < patterns.size(); ++i)
    if (!used[i])
      throw InputError(fmt::format("pattern '{}' matches no case of {}", patterns[i], where));
  return selected;
}

} // namespace qgold::harness
