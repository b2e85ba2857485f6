#include "harness/suite/case_label.h"

#include <cctype>

namespace qgold::harness {

CaseLabel case_label(const std::string &case_id) {
  CaseLabel label;
  size_t last = case_id.rfind('/');
  size_t middle =
      last == std::string::npos || last == 0 ? std::string::npos : case_id.rfind('/', last - 1);
  if (middle == std::string::npos) {
    label.recipe = case_id;
  } else {
    label.recipe = case_id.substr(0, middle);
    label.granularity = case_id.substr(middle + 1, last - middle - 1);
    label.dtype = case_id.substr(last + 1);
  }
  std::string op = label.recipe;
  const std::string config = "_config";
  if (op.size() > config.size() && op.ends_with(config))
    op.resize(op.size() - config.size());
  size_t digits = op.size();
  while (digits > 0 && std::isdigit(static_cast<unsigned char>(op[digits - 1])))
    --digits;
  if (digits > 1 && digits < op.size() && op[digits - 1] == '_')
    op.resize(digits - 1);
  label.op = op;
  return label;
}

} // namespace qgold::harness
