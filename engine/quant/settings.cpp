#include "quant/settings.h"

#include "ir/error.h"

#include <algorithm>
#include <fmt/format.h>
#include <set>

namespace qgold::quant {
namespace {

bool all_names_exist(const ir::Model &model, const std::vector<std::string> &names) {
  return std::all_of(names.begin(), names.end(),
                     [&](const std::string &name) { return model.find_tensor(name) >= 0; });
}

// "<file>: " for messages about a qconf entry.
std::string where(const QConf &qconf) { return (qconf.origin.empty() ? "qconf" : qconf.origin) + ": "; }

const std::vector<std::string> &matching_name_set(const ir::Model &model, const QConf &qconf,
                                                  const LayerOverride &entry) {
  if (entry.name_sets.size() == 1) {
    for (const auto &name : entry.name_sets.front())
      if (model.find_tensor(name) < 0)
        throw InputError(fmt::format("{}layer '{}' is not a tensor of the model", where(qconf), name));
    return entry.name_sets.front();
  }
  const std::vector<std::string> *match = nullptr;
  for (const auto &names : entry.name_sets) {
    if (!all_names_exist(model, names))
      continue;
    if (match)
      throw InputError(where(qconf) + "more than one 'alternate' name set matches the model");
    match = &names;
  }
  if (!match)
    throw InputError(where(qconf) + "no 'alternate' name set matches the model");
  return *match;
}

} // namespace

LayerSettings::LayerSettings(const ir::Model &model, Settings defaults, const QConf *qconf)
    : defaults_(defaults) {
  if (!qconf)
    return;
  if (!qconf->origin.empty())
    origin_ = qconf->origin;
  std::set<std::string> seen;
  for (const auto &entry : qconf->layers) {
    for (const auto &name : matching_name_set(model, *qconf, entry)) {
      if (!seen.insert(name).second)
        throw InputError(fmt::format("{}layer '{}' is named more than once", where(*qconf), name));
      const int32_t tensor = model.find_tensor(name);
      if (model.tensors[tensor].is_constant())
        throw InputError(fmt::format("{}'{}' is a constant, not a layer", where(*qconf), name));
      const Settings settings{entry.dtype, entry.granularity};
      std::vector<int32_t> targets = {tensor};
      if (const int32_t producer = model.producer(tensor); producer >= 0)
        targets = model.operators[producer].outputs;
      for (int32_t target : targets) {
        auto [it, inserted] = overrides_.emplace(target, settings);
        if (!inserted && !(it->second == settings))
          throw InputError(fmt::format("{}outputs of the op producing '{}' get conflicting settings",
                                       where(*qconf), name));
      }
    }
  }
}

bool weights_per_channel(ir::OpCode code, const Settings &settings) {
  if (settings.dtype == ir::DType::Int8 && code == ir::OpCode::FullyConnected)
    return false;
  return settings.granularity == Granularity::Channel;
}

Settings LayerSettings::for_tensor(int32_t tensor_index) const {
  auto it = overrides_.find(tensor_index);
  return it == overrides_.end() ? defaults_ : it->second;
}

Settings LayerSettings::for_op(const ir::Operator &op) const {
  return op.outputs.empty() ? defaults_ : for_tensor(op.outputs.front());
}

} // namespace qgold::quant
