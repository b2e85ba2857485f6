#pragma once

// The concrete dataset readers behind open_dataset() (internal to qgold_data).
// Each expects specs that passed check_specs().

#include "data/dataset.h"

#include <filesystem>
#include <memory>
#include <vector>

namespace qgold::data {

// ONE record-minmax HDF5: /value/<record>/<input>, typed or raw (rawData attribute).
// With `shard`, the crash barrier reads only that shard's records.
std::unique_ptr<DatasetReader> open_h5_dataset(const std::filesystem::path &file,
                                               const std::vector<InputSpec> &specs,
                                               const Shard *shard = nullptr);
// The same reader without the crash barrier (h5_crash_barrier.h), for a file
// whose reads a barrier child has already survived: the h5_dataset fuzz target
// repeats the reads of files the child rejected, so that libFuzzer sees them.
std::unique_ptr<DatasetReader> open_h5_dataset_in_process(const std::filesystem::path &file,
                                                          const std::vector<InputSpec> &specs);

// Text records: each file is one record, line j holds input j as comma-separated numbers.
std::unique_ptr<DatasetReader> open_text_dataset(std::vector<std::filesystem::path> files,
                                                 const std::vector<InputSpec> &specs);

// NumPy .npy files (conventions in npy_reader.cpp and README.md). `files` is a
// folder's .npy files, or one file given directly.
std::unique_ptr<DatasetReader> open_npy_dataset(std::vector<std::filesystem::path> files,
                                                const std::vector<InputSpec> &specs);

} // namespace qgold::data
