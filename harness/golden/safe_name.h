#pragma once

// Tensor name -> golden file name. ONE names a golden after the tensor with
// every '/' replaced by '_'; on top of that, qgold escapes whatever could make
// the name leave its folder or confuse a shell, so any tensor name is safe.

#include "ir/model.h"

#include <map>
#include <string>
#include <string_view>

namespace qgold::harness {

// Longest file stem (bytes, without ".json"); longer stems are truncated and
// end in '~' plus a hash of the full tensor name.
inline constexpr size_t kMaxGoldenStem = 200;

// The file stem for a tensor: '/' -> '_'; then '%', '\\', control bytes and
// DEL become %XX; a leading '-' and the stems "." and ".." are escaped the
// same way. An empty name is an InputError.
std::string golden_file_stem(std::string_view tensor_name);
// golden_file_stem + ".json"
std::string golden_file_name(std::string_view tensor_name);

// Golden file stem -> tensor index for every named tensor of `model`. Two
// tensors with the same stem are an InputError naming both.
std::map<std::string, int32_t> golden_stems(const ir::Model &model);

} // namespace qgold::harness
