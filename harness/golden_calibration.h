#pragma once

#include "quant/quant.h"

namespace qgold::harness {

// Record-minmax settings for golden data. The reference kernels sum in one
// fixed order on every x86-64 machine, whereas oneDNN picks its kernels (and
// so its summation order) by CPU, which would make regenerated goldens
// differ by machine in the last bits.
inline quant::RecordMinMaxOptions golden_calibration_options() {
  quant::RecordMinMaxOptions options;
  options.backend = quant::RecordMinMaxOptions::Backend::Reference;
  return options;
}

} // namespace qgold::harness
