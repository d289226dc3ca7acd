// SPDX-License-Identifier: MIT
// Hashing containers for loading large workspaces: open addressing, one cache miss per lookup.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace chokepoint::core::util {

inline constexpr int32_t kNoIndex = -1;

// A cheap hash for short ids, 8 bytes at a time.
inline uint64_t hashId(std::string_view s) {
    uint64_t h = 0x9e3779b97f4a7c15ULL ^ s.size();
    size_t i = 0;
    for (; i + 8 <= s.size(); i += 8) {
        uint64_t w;
        std::memcpy(&w, s.data() + i, 8);
        h = (h ^ w) * 0xff51afd7ed558ccdULL;
        h ^= h >> 32;
    }
    uint64_t w = 0;
    if (i < s.size())
        std::memcpy(&w, s.data() + i, s.size() - i);
    h = (h ^ w) * 0xc4ceb9fe1a85ec53ULL;
    return h ^ (h >> 29);
}

// Open-addressing lookup over an IdIndex's (unique) ids. Loading a large workspace resolves
// millions of ids; this is several times faster than IdIndex::find's std::unordered_map: one
// cache miss per lookup, as ids of up to 8 bytes are compared inside the slot.
class IdLookup {
public:
    explicit IdLookup(const std::vector<std::string>& ids)
        : m_ids(ids) {
        size_t cap = 16;
        while (cap < 2 * ids.size())
            cap <<= 1;
        m_mask = cap - 1;
        m_slots.assign(cap, Slot{});
        for (size_t i = 0; i < ids.size(); ++i) {
            const uint64_t h = hashId(ids[i]);
            size_t p = size_t(h) & m_mask;
            while (m_slots[p].index != kNoIndex)
                p = (p + 1) & m_mask;
            m_slots[p] = {inlineBytes(ids[i]), tagOf(h, ids[i]), int32_t(i)};
        }
    }
    int32_t find(std::string_view s) const { return find(s, hashId(s)); }
    /// find() with the id's hashId() computed beforehand (see prefetch()).
    int32_t find(std::string_view s, uint64_t h) const {
        const uint32_t tag = tagOf(h, s);
        const uint64_t bytes = inlineBytes(s);
        for (size_t p = size_t(h) & m_mask;; p = (p + 1) & m_mask) {
            const Slot& slot = m_slots[p];
            if (slot.index == kNoIndex)
                return kNoIndex;
            if (slot.tag == tag && slot.bytes == bytes &&
                (s.size() <= 8 || m_ids[size_t(slot.index)] == s))
                return slot.index;
        }
    }

    /// Starts loading the slot of a hash, so that a batch of lookups overlaps its cache misses.
    void prefetch(uint64_t h) const {
#if defined(__GNUC__)
        __builtin_prefetch(&m_slots[size_t(h) & m_mask]);
#else
        (void)h;
#endif
    }

private:
    // High hash bits and the length (ids are at most 64 bytes).
    static uint32_t tagOf(uint64_t h, std::string_view s) {
        return (uint32_t(h >> 40) << 8) | uint32_t(std::min<size_t>(255, s.size()));
    }
    // The first 8 bytes, zero-padded: with equal lengths up to 8, equal bytes mean equal ids.
    static uint64_t inlineBytes(std::string_view s) {
        uint64_t w = 0;
        if (!s.empty())
            std::memcpy(&w, s.data(), std::min<size_t>(8, s.size()));
        return w;
    }
    struct Slot {
        uint64_t bytes = 0;
        uint32_t tag = 0;
        int32_t index = kNoIndex;
    };
    const std::vector<std::string>& m_ids;
    size_t m_mask = 0;
    std::vector<Slot> m_slots;
};

// Open-addressing map from 64-bit keys to indices (grows at half load).
class KeyMap {
public:
    explicit KeyMap(size_t expected) { rehash(expected); }
    /// The index stored for `key`, inserting `value` if there is none; second: inserted.
    std::pair<int32_t, bool> emplace(uint64_t key, int32_t value) {
        if (2 * (m_size + 1) > m_keys.size())
            rehash(m_keys.size());
        size_t p = slot(key);
        for (; m_values[p] != kNoIndex; p = (p + 1) & m_mask)
            if (m_keys[p] == key)
                return {m_values[p], false};
        m_keys[p] = key;
        m_values[p] = value;
        ++m_size;
        return {value, true};
    }
    int32_t find(uint64_t key) const {
        for (size_t p = slot(key); m_values[p] != kNoIndex; p = (p + 1) & m_mask)
            if (m_keys[p] == key)
                return m_values[p];
        return kNoIndex;
    }

private:
    size_t slot(uint64_t k) const {
        k ^= k >> 33;
        k *= 0xff51afd7ed558ccdULL;
        k ^= k >> 33;
        return size_t(k) & m_mask;
    }
    void rehash(size_t expected) {
        size_t cap = 16;
        while (cap < 2 * expected + 2)
            cap <<= 1;
        std::vector<uint64_t> keys(cap);
        std::vector<int32_t> values(cap, kNoIndex);
        keys.swap(m_keys);
        values.swap(m_values);
        m_mask = cap - 1;
        m_size = 0;
        for (size_t i = 0; i < keys.size(); ++i)
            if (values[i] != kNoIndex)
                emplace(keys[i], values[i]);
    }
    std::vector<uint64_t> m_keys;
    std::vector<int32_t> m_values;
    size_t m_mask = 0;
    size_t m_size = 0;
};

// Resolves ids of consecutive rows, which often repeat (rows come grouped by buyer).
class CachedLookup {
public:
    explicit CachedLookup(const IdLookup& lookup)
        : m_lookup(lookup) {}
    int32_t find(const std::string& id) {
        if (m_last && *m_last == id)
            return m_index;
        m_last = &id;
        return m_index = m_lookup.find(id);
    }

private:
    const IdLookup& m_lookup;
    const std::string* m_last = nullptr;
    int32_t m_index = kNoIndex;
};

} // namespace chokepoint::core::util
