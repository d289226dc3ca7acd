// SPDX-License-Identifier: MIT
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "core/util/result.h"

class QIODevice;

namespace chokepoint::core {

/// Checks that a new file may be written at `path`: its folder exists, and `path` is absent or
/// a regular file. Anything else is refused with a message naming it: a symbolic link (never
/// followed, even when it leads to a regular file), a folder, a device node, a FIFO, a socket.
/// Writing there would write through the link, block, or replace a device with a file.
Result<void> checkOutputFile(const std::string& path);

/// A file written in full or not at all. open() creates a new file in the folder of `path`
/// (unnamed where the file system allows, O_TMPFILE, so that a killed process leaves nothing;
/// else under a hidden temporary name); commit() flushes, syncs and closes it, checking each
/// step, re-checks `path` (checkOutputFile) and only then puts the file there, replacing a
/// regular file (whose permissions it keeps). Until commit() succeeds `path` is untouched; on
/// any failure, or when the object is destroyed without commit(), the new file is removed.
///
/// Every file Chokepoint writes goes through this class, not QSaveFile: Qt 6.4's
/// QSaveFile::commit() reports success when its final flush fails (on a full disk it renames an
/// empty or truncated file over the target), writes through symbolic links, and replaces
/// device nodes. Not thread-safe; POSIX (Linux) only. Errors read "PATH: cannot write: why".
class AtomicFile {
public:
    explicit AtomicFile(std::string path);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    Result<void> open();
    /// The new file as a buffered QIODevice, for writers that take one (QPdfWriter,
    /// QImage::save, QSvgGenerator). Valid from open() to commit() or discard().
    QIODevice& device();
    /// Writes all of `bytes` through device(); false when that fails (commit() then fails too,
    /// saying why).
    bool write(std::string_view bytes);
    /// A name under which other libraries can open the new file to write it themselves
    /// (libxlsxwriter takes a file name): /proc/self/fd/N for an unnamed file, else the
    /// temporary name. Do not mix with device() writes.
    std::string writerPath() const;
    /// The file descriptor of the new file (tests inject write failures through it).
    int handle() const;
    /// Flushes, syncs and closes the file and moves it to `path`.
    Result<void> commit();
    /// Removes the new file; `path` stays as it was.
    void discard();
    const std::string& path() const { return m_path; }

private:
    Result<void> failed(const std::string& why);

    struct Private;
    std::string m_path;
    std::unique_ptr<Private> d;
};

/// Writes `bytes` to `path` through AtomicFile.
Result<void> writeFileAtomically(const std::string& path, std::string_view bytes);

/// A folder of files written in full or not at all: the files go into a new hidden folder
/// beside `path` (`.NAME.tmp-XXXXXX`), and commit() swaps it in with one rename (Linux
/// renameat2 RENAME_EXCHANGE over an existing folder), then removes the old files. A killed
/// process leaves `path` as it was or complete, never a mix; its hidden folder is removed by
/// the next open() for the same path (a lock tells it from one still in use).
///
/// An existing `path` must be a folder (not a symbolic link) holding only regular files
/// whose names `replaceable` accepts (e.g. the CSV files of an earlier export): anything else
/// is refused, since the swap would remove it.
class AtomicFolder {
public:
    AtomicFolder(std::string path, std::function<bool(std::string_view name)> replaceable);
    ~AtomicFolder();
    AtomicFolder(const AtomicFolder&) = delete;
    AtomicFolder& operator=(const AtomicFolder&) = delete;

    /// Checks `path`, creates its parent folders, removes stale temporary folders and creates
    /// the new one.
    Result<void> open();
    /// Where to write the file `name` of the new folder (with AtomicFile).
    std::string filePath(std::string_view name) const;
    Result<void> commit();
    /// Removes the new folder; `path` stays as it was.
    void discard();

private:
    std::string m_path; ///< absolute, normalised, without a trailing '/'
    std::function<bool(std::string_view)> m_replaceable;
    std::string m_temp;
    int m_lock = -1;
};

} // namespace chokepoint::core
