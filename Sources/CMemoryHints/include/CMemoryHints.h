#ifndef VSTREAM_MEMORY_HINTS_H
#define VSTREAM_MEMORY_HINTS_H

/// Asks the processor to start fetching the cache line at `address` for reading, without waiting for it. Swift has
/// no such hint of its own; a table probed at random (an id per declaration and per flow name) uses it to have the
/// next keys' slots on their way while the current key is looked up.
static inline void vstream_prefetch(const void *address) { __builtin_prefetch(address, 0, 3); }

#endif
