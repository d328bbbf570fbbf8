// swift-tools-version:6.0
// The package shows the compiler's pipeline: source -> YAML/tokens -> syntax -> checked model -> emitters -> CLI.
import Foundation
import PackageDescription

let package = Package(
  name: "vstream",
  products: [
    .executable(name: "vstream", targets: ["VStreamCLI"]),
    .library(name: "VStream", targets: ["VStream"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
  ],
  targets: [
    // libyaml, the system library (Debian: libyaml-dev). Named CLibYAML, not CYaml, to stay clear of Yams.
    .systemLibrary(
      name: "CLibYAML",
      pkgConfig: "yaml-0.1",
      providers: [.apt(["libyaml-dev"])]
    ),
    // A processor hint Swift does not expose (prefetching), as an inline C function.
    .target(name: "CMemoryHints"),
    .target(name: "VStreamSource", dependencies: ["CMemoryHints"]),
    .target(name: "VStreamYAML", dependencies: ["CLibYAML", "VStreamSource"]),
    .target(name: "VStreamSyntax", dependencies: ["VStreamSource", "VStreamYAML"]),
    // The one door to what only pays on a large file: mapping it, parsing it in pieces on separate cores, the join.
    .target(name: "VStreamLargeFile", dependencies: ["VStreamSource", "VStreamSyntax"]),
    .target(name: "VStreamModel", dependencies: ["VStreamSource"]),
    .target(name: "VStreamCheck", dependencies: ["VStreamSource", "VStreamYAML", "VStreamSyntax", "VStreamModel"]),
    .target(name: "VStreamEmit", dependencies: ["VStreamSource", "VStreamModel"]),
    .target(name: "VStreamFormat", dependencies: ["VStreamSource", "VStreamSyntax", "VStreamModel"]),
    .target(
      name: "VStream",
      dependencies: [
        "VStreamSource", "VStreamYAML", "VStreamSyntax", "VStreamLargeFile", "VStreamModel", "VStreamCheck",
        "VStreamEmit", "VStreamFormat",
      ]
    ),
    .executableTarget(
      name: "VStreamCLI",
      dependencies: [
        "VStream", "VStreamEmit", "VStreamModel", "VStreamLargeFile",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(name: "VStreamSourceTests", dependencies: ["VStreamSource"]),
    .testTarget(name: "VStreamYAMLTests", dependencies: ["VStreamYAML"]),
    .testTarget(name: "VStreamSyntaxTests", dependencies: ["VStreamSyntax"]),
    .testTarget(name: "VStreamLargeFileTests", dependencies: ["VStreamLargeFile", "VStreamSyntax"]),
    .testTarget(name: "VStreamModelTests", dependencies: ["VStreamModel"]),
    .testTarget(name: "VStreamCheckTests", dependencies: ["VStreamCheck", "VStream", "VStreamEmit"]),
    .testTarget(name: "VStreamEmitTests", dependencies: ["VStreamEmit", "VStream"], exclude: ["Goldens"]),
    .testTarget(
      name: "VStreamFormatTests", dependencies: ["VStreamFormat", "VStream", "VStreamCheck", "VStreamEmit"],
      exclude: ["Fixtures"]),
    .testTarget(name: "ConformanceTests", dependencies: ["VStream"]),
    .testTarget(name: "CLITests", dependencies: ["VStream"]),
  ],
  swiftLanguageModes: [.v5]
)

// The libFuzzer targets exist only when VSTREAM_FUZZ is set, so that `swift build` and `swift test` never meet them
// (they need `-sanitize=fuzzer`, which brings its own `main`). scripts/fuzz.sh builds and runs them.
if ProcessInfo.processInfo.environment["VSTREAM_FUZZ"] != nil {
  package.targets += [
    .target(name: "FuzzSupport", dependencies: ["VStream"]),
    .executableTarget(name: "FuzzFrontMatter", dependencies: ["FuzzSupport", "VStream"]),
    .executableTarget(name: "FuzzParser", dependencies: ["FuzzSupport", "VStream", "VStreamLargeFile"]),
    .executableTarget(name: "FuzzPipeline", dependencies: ["FuzzSupport", "VStream", "VStreamEmit"]),
  ]
  package.products += ["FuzzFrontMatter", "FuzzParser", "FuzzPipeline"].map { .executable(name: $0, targets: [$0]) }
}
