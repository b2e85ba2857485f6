#pragma once

// Operator options <-> FlatBuffers option tables, field by field from the
// operator registry's field ids: field id k lives at vtable offset 4 + 2k, a
// Padding/Activation/Bool/Fixed field is one byte, Int and Float four, an
// IntList an offset to a vector of int32.

#include "ir/ops.h"

#include <flatbuffers/flatbuffers.h>

#include <string>

namespace qgold::format {

// Verifies the table's fields against `verifier`'s buffer and fills an
// options struct of `code`'s kind. Throws InputError naming `place` for a
// corrupt table or a value qgold does not model (a padding that is neither
// SAME nor VALID, an unknown fused activation, a Fixed field that is set).
ir::Options read_options_table(const flatbuffers::Table *table, flatbuffers::Verifier &verifier,
                               ir::OpCode code, const std::string &place);

// Writes every stored field, even at its default (so SAME padding, 0, is
// explicit), in the order flatc's generated Create functions use: larger
// fields first, then higher ids first. Fixed fields are left out.
flatbuffers::Offset<void> write_options_table(flatbuffers::FlatBufferBuilder &builder,
                                              const ir::Options &options);

} // namespace qgold::format
