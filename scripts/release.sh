#!/usr/bin/env bash
# Builds the self-contained Linux release of vstream into dist/:
#   vstream-VERSION-linux-x86_64.tar.gz (+ .sha256)  the binary, README.md, LICENSE, CHANGELOG.md, third-party notices
#   vstream-VERSION-py3-none-manylinux_2_N_x86_64.whl the same binary as a Python wheel (`pip install vstream`)
#   vstream_VERSION_amd64.deb                          the same binary as a Debian package (/usr/bin/vstream)
#   SHA256SUMS                                         all three
#
# The binary links the Swift standard library, Foundation, libyaml, libstdc++ and libgcc statically; it needs only
# the C library (libc.so.6, libm.so.6 and the loader, all from glibc; the script fails if anything else is needed).
# glibc's own libm.a cannot be linked into a dynamically linked program (its code reads the static loader's CPU
# tables, `_dl_x86_cpu_features`), so libm stays dynamic; it is part of glibc and is everywhere libc is.
#
# The same commit gives the same bytes (same toolchain, libyaml, swift-argument-parser and FlyingFox; the build may run from any
# folder): file times in the archives are SOURCE_DATE_EPOCH (default: the time of the commit that last changed
# VERSION), owners are root, names are sorted, gzip stores no name or time, source paths are mapped to `.`, and the
# binary's Swift module hashes (which differ on every compile) are zeroed and its build id recomputed from the file. `scripts/release.sh --check-reproducible` builds a second time
# in a fresh scratch folder and compares every file.
#
# `scripts/release.sh --pin` also writes the checksums into packaging/SHA256SUMS (which action.yml verifies downloads
# against) and examples/ci/vstream.yml, to be committed before tagging (RELEASING.md).
#
# Usage: scripts/release.sh [--check-reproducible] [--pin]   (needs Swift 6, libyaml-dev, binutils, python3, dpkg-deb)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

check_reproducible=false
pin=false
for argument in "$@"; do
  case "$argument" in
    --check-reproducible) check_reproducible=true ;;
    --pin) pin=true ;;
    *) echo "usage: scripts/release.sh [--check-reproducible] [--pin]" >&2; exit 2 ;;
  esac
done

python3 scripts/version.py check
version=$(python3 scripts/version.py print)
arch=$(uname -m)
[ "$arch" = x86_64 ] || { echo "release.sh: only x86_64 Linux is built here (this is $arch)" >&2; exit 1; }
# File times: the commit that last changed VERSION (the release commit), not HEAD's, so that committing the pinned
# checksums after the build (RELEASING.md) does not change the bytes they pin.
if [ -z "${SOURCE_DATE_EPOCH:-}" ]; then
  SOURCE_DATE_EPOCH=$(git log -1 --format=%ct -- VERSION 2>/dev/null || true)
  [ -n "$SOURCE_DATE_EPOCH" ] || SOURCE_DATE_EPOCH=$(git log -1 --format=%ct 2>/dev/null || echo 315532800)
fi
export SOURCE_DATE_EPOCH
scratch="${VSTREAM_RELEASE_SCRATCH:-.build-release}"
dist="${VSTREAM_RELEASE_DIST:-dist}"
name="vstream-$version-linux-$arch"

# libyaml and libstdc++ are found as static archives first: a folder that holds only the .a files, put ahead of
# the system folders through a pkg-config file for yaml-0.1 (SwiftPM puts the .pc file's -L before its own).
inputs="$root/$scratch/release-inputs"
rm -rf "$inputs" && mkdir -p "$inputs/lib" "$inputs/pkgconfig"
multiarch=$(gcc -print-multiarch 2>/dev/null || echo x86_64-linux-gnu)
libyaml_a="/usr/lib/$multiarch/libyaml.a"
[ -f "$libyaml_a" ] || { echo "release.sh: $libyaml_a is missing (apt-get install libyaml-dev)" >&2; exit 1; }
ln -s "$libyaml_a" "$inputs/lib/libyaml.a"
libstdcxx_a=$(gcc -print-file-name=libstdc++.a 2>/dev/null || true)
if [ -f "$libstdcxx_a" ]; then ln -s "$libstdcxx_a" "$inputs/lib/libstdc++.a"; fi
# libcurl: FlyingFox (the server of `vstream preview`) has a proxy handler that names URLSession, so the static
# link takes FoundationNetworking, which needs libcurl. vstream never makes an HTTP request, so instead of libcurl
# and its dozen libraries, each curl function it names is a stub that aborts: a call would be a bug, not a request.
toolchain=$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")
curl_symbols=$(nm -u "$toolchain/lib/swift_static/linux/lib_CFURLSessionInterface.a" | grep -o 'curl_[a-z_]*' | sort -u)
{
  echo '#include <stdlib.h>'
  for symbol in $curl_symbols; do echo "void $symbol(void) { abort(); }"; done
} > "$inputs/curl-stubs.c"
gcc -O2 -fPIC -c "$inputs/curl-stubs.c" -o "$inputs/curl-stubs.o"
ar rcs "$inputs/lib/libcurl.a" "$inputs/curl-stubs.o"

cat > "$inputs/pkgconfig/yaml-0.1.pc" <<EOF
Name: LibYAML
Description: libyaml, linked statically into the release binary
Version: $(pkg-config --modversion yaml-0.1 2>/dev/null || echo 0.2.5)
Cflags: -I/usr/include
Libs: -L$inputs/lib -lyaml
EOF

build_flags=(
  -c release --product vstream --scratch-path "$scratch"
  --static-swift-stdlib
  -Xlinker -L"$inputs/lib"
  -Xswiftc -Xclang-linker -Xswiftc -static-libgcc
  # No absolute path of this checkout in the output, so that a build in another folder gives the same bytes.
  -Xswiftc -file-prefix-map -Xswiftc "$root=."
  -Xcc -ffile-prefix-map="$root=."
)
echo "== swift build ${build_flags[*]}"
PKG_CONFIG_PATH="$inputs/pkgconfig" swift build "${build_flags[@]}"
built="$scratch/release/vstream"

# What the binary needs from the system: the C library and nothing else.
needed=$(objdump -p "$built" | awk '/NEEDED/ { print $2 }' | sort | tr '\n' ' ')
for library in $needed; do
  case "$library" in
    libc.so.6 | libm.so.6 | ld-linux-x86-64.so.2) ;;
    *) echo "release.sh: the binary still needs $library (needed: $needed)" >&2; exit 1 ;;
  esac
done
# The newest glibc symbol version it uses decides the oldest glibc it runs on, and so the wheel's platform tag.
glibc=$(objdump -T "$built" | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -1)
platform="manylinux_${glibc/./_}_$arch"
reported=$("$built" --version)
[ "$reported" = "vstream $version" ] || { echo "release.sh: the binary says '$reported', VERSION says $version" >&2; exit 1; }

rm -rf "$dist" && mkdir -p "$dist"
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
umask 022

# The tarball.
install -d -m 0755 "$stage/$name"
strip --strip-all -o "$stage/$name/vstream" "$built"
# swiftc stamps each object with a module hash that differs between two compiles of the same source, and the build
# id hashes the whole output: zero the first and recompute the second from the file (see packaging/normalize_elf.py).
python3 packaging/normalize_elf.py "$stage/$name/vstream"
chmod 0755 "$stage/$name/vstream"
install -m 0644 README.md LICENSE CHANGELOG.md packaging/THIRD-PARTY-NOTICES.md "$stage/$name/"
find "$stage/$name" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
tar --sort=name --mtime="@$SOURCE_DATE_EPOCH" --owner=0 --group=0 --numeric-owner --format=gnu \
  -C "$stage" -cf - "$name" | gzip -9 -n > "$dist/$name.tar.gz"

# The wheel: the same stripped binary.
python3 packaging/build_wheel.py "$stage/$name/vstream" "$version" "$platform" "$dist" > /dev/null

# The Debian package.
deb="$stage/deb"
install -d -m 0755 "$deb/DEBIAN" "$deb/usr/bin" "$deb/usr/share/doc/vstream"
install -m 0755 "$stage/$name/vstream" "$deb/usr/bin/vstream"
cat LICENSE packaging/THIRD-PARTY-NOTICES.md > "$deb/usr/share/doc/vstream/copyright"
chmod 0644 "$deb/usr/share/doc/vstream/copyright"
gzip -9 -n -c CHANGELOG.md > "$deb/usr/share/doc/vstream/changelog.gz"
chmod 0644 "$deb/usr/share/doc/vstream/changelog.gz"
cat > "$deb/DEBIAN/control" <<EOF
Package: vstream
Version: $version
Architecture: amd64
Maintainer: vstream maintainers <maintainers@vstream.invalid>
Depends: libc6 (>= $glibc)
Installed-Size: $(du -sk "$deb/usr" | cut -f1)
Section: devel
Priority: optional
Homepage: https://github.com/vstream/vstream
Description: compiler and linter for ITIL 4 value streams
 vstream checks .vstream files (ITIL 4 value streams kept as text) against the
 language and the ITIL 4 rules, and compiles them to DOT, Markdown and JSON.
EOF
chmod 0644 "$deb/DEBIAN/control"
find "$deb" -exec touch -h -d "@$SOURCE_DATE_EPOCH" {} +
dpkg-deb --root-owner-group -Zxz --build "$deb" "$dist/vstream_${version}_amd64.deb" > /dev/null

(
  cd "$dist"
  sha256sum "$name.tar.gz" > "$name.tar.gz.sha256"
  sha256sum -- *.tar.gz *.whl *.deb > SHA256SUMS
)

size=$(stat -c %s "$stage/$name/vstream")
echo "== $dist/ (vstream $version, stripped binary $((size / 1024 / 1024)) MiB, needs $needed; glibc >= $glibc, wheel tag $platform)"
(cd "$dist" && ls -l | tail -n +2 && cat SHA256SUMS)
{
  echo "vstream $version, commit $(git rev-parse HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD 2>/dev/null || echo ' (with uncommitted changes)')"
  echo "SOURCE_DATE_EPOCH=$SOURCE_DATE_EPOCH"
  swift --version 2>&1 | head -1
  echo "libyaml $(pkg-config --modversion yaml-0.1 2>/dev/null) ($(dpkg-query -W -f '${Version}' libyaml-dev 2>/dev/null))"
  echo "swift-argument-parser $(git -C "$scratch/checkouts/swift-argument-parser" rev-parse HEAD 2>/dev/null || echo unknown)"
  echo "FlyingFox $(git -C "$scratch/checkouts/FlyingFox" rev-parse HEAD 2>/dev/null || echo unknown)"
  echo "glibc on the build machine $(getconf GNU_LIBC_VERSION | sed 's/^glibc //'), needed >= $glibc"
} > "$dist/BUILDINFO"

# The pinned checksums that action.yml verifies downloads against (RELEASING.md: update them before tagging).
if $pin; then
  cp "$dist/SHA256SUMS" packaging/SHA256SUMS
  sed -i -E "s/^(  VSTREAM_SHA256: )[0-9a-f]{64}$/\1$(cut -d' ' -f1 "$dist/$name.tar.gz.sha256")/" examples/ci/vstream.yml
  echo "== pinned in packaging/SHA256SUMS and examples/ci/vstream.yml"
fi
if grep -qF "$name.tar.gz" packaging/SHA256SUMS 2>/dev/null; then
  if grep -qxF "$(cat "$dist/$name.tar.gz.sha256")" packaging/SHA256SUMS; then
    echo "== packaging/SHA256SUMS pins this tarball"
  else
    echo "== packaging/SHA256SUMS pins another build of $name.tar.gz: copy dist/SHA256SUMS there before tagging"
  fi
fi

if $check_reproducible; then
  echo "== building again in a fresh scratch folder to compare"
  VSTREAM_RELEASE_SCRATCH="$scratch-again" VSTREAM_RELEASE_DIST="$dist-again" "$0"
  if diff <(cd "$dist" && sha256sum -- *) <(cd "$dist-again" && sha256sum -- *) | grep -v BUILDINFO | grep -q '^[<>]'; then
    diff <(cd "$dist" && sha256sum -- *) <(cd "$dist-again" && sha256sum -- *) || true
    echo "release.sh: the second build differs" >&2
    exit 1
  fi
  echo "== reproducible: the second build has the same bytes"
  rm -rf "$dist-again"
fi
