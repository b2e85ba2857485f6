#include "harness/suite/step.h"

#include <array>

namespace qgold::harness {

namespace {
constexpr std::array<std::string_view, 5> kStepNames = {
    "fake_quantization", "record_minmax", "quantization", "wo_quantization", "inference"};
} // namespace

std::string_view step_name(Step step) { return kStepNames[static_cast<size_t>(step)]; }

std::optional<Step> step_from_name(std::string_view name) {
  for (size_t i = 0; i < kStepNames.size(); ++i)
    if (kStepNames[i] == name)
      return static_cast<Step>(i);
  return std::nullopt;
}

} // namespace qgold::harness
