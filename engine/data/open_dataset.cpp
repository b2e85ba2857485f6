#include "data/readers.h"
#include "data/spec_util.h"

#include "ir/error.h"

#include <algorithm>
#include <cctype>

namespace qgold::data {
namespace {

namespace fs = std::filesystem;

std::string lower_extension(const fs::path &path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

const char *const kAccepted =
    "accepted datasets: an HDF5 file (*.h5, *.hdf5) in ONE's /value/<record>/<input> layout, "
    "a folder of *.txt records, a single *.txt record, a folder of *.npy files, or a single "
    "*.npy file";

// `shard`, when given, only limits what the crash barrier of an HDF5 file reads;
// the reader returned covers the whole dataset.
std::unique_ptr<DatasetReader> open_reader(const fs::path &path, const std::vector<InputSpec> &specs,
                                           const Shard *shard) {
  const std::string name = path.string();
  std::error_code error;
  const fs::file_status status = fs::status(path, error);
  if (error || !fs::exists(status))
    throw InputError(name + ": no such file or folder");
  check_specs(specs, path);

  if (fs::is_directory(status)) {
    std::vector<fs::path> text_files, npy_files;
    for (const fs::directory_entry &entry : fs::directory_iterator(path, error)) {
      if (!entry.is_regular_file())
        continue;
      const std::string ext = lower_extension(entry.path());
      if (ext == ".txt")
        text_files.push_back(entry.path());
      else if (ext == ".npy")
        npy_files.push_back(entry.path());
    }
    if (error)
      throw InputError(name + ": cannot list the folder: " + error.message());
    if (!text_files.empty() && !npy_files.empty())
      throw InputError(name + ": holds both .txt and .npy files; keep one kind per dataset");
    if (!npy_files.empty())
      return open_npy_dataset(std::move(npy_files), specs);
    if (text_files.empty())
      throw InputError(name + ": holds no .txt or .npy files; " + kAccepted);
    std::sort(text_files.begin(), text_files.end(), [](const fs::path &a, const fs::path &b) {
      return a.filename().string() < b.filename().string();
    });
    return open_text_dataset(std::move(text_files), specs);
  }

  const std::string ext = lower_extension(path);
  if (ext == ".h5" || ext == ".hdf5")
    return open_h5_dataset(path, specs, shard);
  if (ext == ".txt")
    return open_text_dataset({path}, specs);
  if (ext == ".npy") {
    if (specs.size() != 1)
      throw InputError(name +
                       ": a single .npy file can feed only a single-input model; this "
                       "model has " +
                       std::to_string(specs.size()) +
                       " inputs (use a folder of <record>_<input>.npy files)");
    return open_npy_dataset({path}, specs);
  }
  throw InputError(name + ": unrecognized dataset; " + kAccepted);
}

} // namespace

std::unique_ptr<DatasetReader> open_dataset(const fs::path &path,
                                            const std::vector<InputSpec> &specs) {
  return open_reader(path, specs, nullptr);
}

std::unique_ptr<ShardReader> open_dataset_shard(const fs::path &path,
                                                const std::vector<InputSpec> &specs, Shard shard) {
  shard_block(0, shard); // a bad shard fails before the dataset is read
  return std::make_unique<ShardReader>(open_reader(path, specs, &shard), shard);
}

} // namespace qgold::data
