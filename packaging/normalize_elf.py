#!/usr/bin/env python3
"""Makes a linked Swift binary's bytes a function of its inputs: `normalize_elf.py BINARY` (in place).

swiftc writes a 16-byte module hash into every object it compiles (the `.swift_modhash` section, an allocated
section that ends up in the executable); it differs from one compile to the next even for the same source in the
same folder, and the compiler only uses it to skip code generation in incremental builds: nothing reads it at run
time. The linker's build id is a hash of the whole output, so it differs too. This zeroes the module hashes and
sets the build id to the SHA-1 of the file with its build id zeroed, in place, so that the layout does not change.
"""
import hashlib
import struct
import sys


def sections(data):
    assert data[:4] == b"\x7fELF" and data[4] == 2 and data[5] == 1, "not a 64-bit little-endian ELF file"
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum, shstrndx = struct.unpack_from("<HHH", data, 0x3A)
    headers = [struct.unpack_from("<IIQQQQ", data, shoff + i * shentsize) for i in range(shnum)]
    names_offset = headers[shstrndx][4]
    for name, kind, _flags, _address, offset, size in headers:
        end = data.index(b"\0", names_offset + name)
        yield data[names_offset + name:end].decode(), kind, offset, size


def main(path):
    data = bytearray(open(path, "rb").read())
    found = {name: (offset, size) for name, kind, offset, size in sections(data) if kind != 8}  # 8: SHT_NOBITS
    if ".swift_modhash" in found:
        offset, size = found[".swift_modhash"]
        data[offset:offset + size] = bytes(size)
    if ".note.gnu.build-id" in found:
        offset, size = found[".note.gnu.build-id"]
        namesz, descsz, kind = struct.unpack_from("<III", data, offset)
        assert kind == 3 and data[offset + 12:offset + 12 + namesz] == b"GNU\0", "not a GNU build-id note"
        desc = offset + 12 + ((namesz + 3) & ~3)
        data[desc:desc + descsz] = bytes(descsz)
        data[desc:desc + descsz] = hashlib.sha1(data).digest()[:descsz].ljust(descsz, b"\0")
    with open(path, "r+b") as f:
        f.write(data)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
