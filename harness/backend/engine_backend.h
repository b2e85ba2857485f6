#pragma once

// qgold's own engine as the step backend: the post-training flow of
// engine/quant, in process.

#include "harness/suite/step_backend.h"

namespace qgold::harness {

// Record-minmax runs the reference kernels for golden data: they sum in one
// fixed order on every x86-64 machine, whereas oneDNN (the CLI's default)
// picks its kernels, and so its summation order, by CPU, which would make
// goldens differ by machine in the last bits.
class EngineBackend : public StepBackend {
public:
  ir::Model run_step(Step step, const ir::Model &input, const CaseSettings &c) override;
};

} // namespace qgold::harness
