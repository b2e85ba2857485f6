#pragma once

// The four steps of ONE's post-training flow, named as their golden folders,
// and qgold's inference step: the codes the quantized model computes.

#include <optional>
#include <string_view>

namespace qgold::harness {

enum class Step { FakeQuantization, RecordMinMax, Quantization, WoQuantization, Inference };
inline constexpr Step kSteps[] = {Step::FakeQuantization, Step::RecordMinMax, Step::Quantization,
                                  Step::WoQuantization, Step::Inference};

std::string_view step_name(Step step); // "fake_quantization", ...
std::optional<Step> step_from_name(std::string_view name);

} // namespace qgold::harness
