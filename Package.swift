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
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    // The preview's HTTP server: pure Swift on the system's sockets (epoll), no SwiftNIO. See ARCHITECTURE.md.
    .package(url: "https://github.com/swhitty/FlyingFox", exact: "0.27.1"),
  ],
  targets: [
    // libyaml, the system library (Debian: libyaml-dev). Named CLibYAML, not CYaml, to stay clear of Yams.
    .systemLibrary(
      name: "CLibYAML",
      pkgConfig: "yaml-0.1",
      providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
    ),
    .target(name: "VStreamSource"),
    // The diagnostic renderers (human, gcc, GitHub, SARIF, JSON): diagnostics in, text out.
    .target(name: "VStreamReport", dependencies: ["VStreamSource"]),
    .target(name: "VStreamYAML", dependencies: ["CLibYAML", "VStreamSource"]),
    .target(name: "VStreamSyntax", dependencies: ["VStreamSource", "VStreamYAML"]),
    // The one door to what only pays on a large file: mapping it, parsing it in pieces on separate cores, the join.
    .target(name: "VStreamLargeFile", dependencies: ["VStreamSource", "VStreamSyntax"]),
    .target(name: "VStreamModel", dependencies: ["VStreamSource"]),
    .target(name: "VStreamCheck", dependencies: ["VStreamSource", "VStreamYAML", "VStreamSyntax", "VStreamModel"]),
    .target(name: "VStreamEmit", dependencies: ["VStreamSource", "VStreamModel", "VStreamReport"]),
    .target(name: "VStreamFormat", dependencies: ["VStreamSource", "VStreamSyntax", "VStreamModel"]),
    // `vstream diff`: two sides' checked streams compared by meaning, and the comparison printed. Model in, text out.
    .target(name: "VStreamDiff", dependencies: ["VStreamSource", "VStreamModel"]),
    // The facade: parse, check and format without I/O. It does not emit; the emitters take its checked model.
    .target(
      name: "VStream",
      dependencies: [
        "VStreamSource", "VStreamYAML", "VStreamSyntax", "VStreamLargeFile", "VStreamModel", "VStreamCheck",
        "VStreamFormat", "VStreamDiff",
      ]
    ),
    // The language server: the facade and the catalogue behind the protocol; JSON through Foundation.
    .target(name: "VStreamLSP", dependencies: ["VStream", "VStreamSource", "VStreamModel", "VStreamSyntax"]),
    // `vstream preview`: the site in memory, served over HTTP (FlyingFox), rebuilt when its files change. The one
    // library that does I/O (sockets, inotify); what it serves is made by the CLI and handed in.
    .target(
      name: "VStreamPreview",
      dependencies: [
        .product(name: "FlyingFox", package: "FlyingFox"), .product(name: "FlyingSocks", package: "FlyingFox"),
      ]),
    // The command reaches the stages through the facade; beside it, it uses the foundation (reading files), the
    // report renderers, the emitters and the catalogue of practices and activities.
    .executableTarget(
      name: "VStreamCLI",
      dependencies: [
        "VStream", "VStreamSource", "VStreamReport", "VStreamModel", "VStreamEmit", "VStreamLargeFile", "VStreamDiff",
        "VStreamLSP", "VStreamPreview", .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // What several test targets share: a seeded generator, the checkout's streams, running Graphviz and Python.
    // A library, not a test target: it has no tests of its own.
    .target(name: "TestSupport", dependencies: ["VStreamSource", "VStreamModel"], path: "Tests/TestSupport"),
    .testTarget(name: "VStreamSourceTests", dependencies: ["VStreamSource"]),
    .testTarget(name: "VStreamReportTests", dependencies: ["VStreamReport", "VStreamSource"]),
    .testTarget(name: "VStreamYAMLTests", dependencies: ["VStreamYAML", "VStreamSource"]),
    .testTarget(name: "VStreamSyntaxTests", dependencies: ["VStreamSyntax", "VStreamSource", "TestSupport"]),
    .testTarget(
      name: "VStreamLargeFileTests",
      dependencies: ["VStreamLargeFile", "VStreamSyntax", "VStreamSource", "TestSupport"]),
    .testTarget(name: "VStreamModelTests", dependencies: ["VStreamModel", "VStreamSource"]),
    .testTarget(
      name: "VStreamCheckTests",
      dependencies: [
        "VStreamCheck", "VStream", "VStreamSource", "VStreamSyntax", "VStreamModel", "VStreamEmit", "TestSupport",
      ]),
    .testTarget(
      name: "VStreamEmitTests",
      dependencies: ["VStreamEmit", "VStream", "VStreamSource", "VStreamModel", "VStreamReport", "TestSupport"],
      exclude: ["Goldens"]),
    .testTarget(
      name: "VStreamFormatTests",
      dependencies: [
        "VStreamFormat", "VStream", "VStreamSource", "VStreamSyntax", "VStreamModel", "VStreamCheck", "VStreamEmit",
        "TestSupport",
      ],
      exclude: ["Fixtures"]),
    .testTarget(
      name: "VStreamDiffTests",
      dependencies: ["VStreamDiff", "VStream", "VStreamModel", "VStreamSource", "TestSupport"]),
    .testTarget(name: "ConformanceTests", dependencies: ["VStream", "VStreamSource", "VStreamReport", "TestSupport"]),
    .testTarget(
      name: "VStreamLSPTests", dependencies: ["VStreamLSP", "VStream", "VStreamSource", "VStreamModel", "TestSupport"]),
    .testTarget(name: "VStreamPreviewTests", dependencies: ["VStreamPreview"]),
    .testTarget(name: "CLITests", dependencies: ["VStream", "TestSupport"]),
  ],
  swiftLanguageModes: [.v5]
)

// The libFuzzer targets exist only when VSTREAM_FUZZ is set, so that `swift build` and `swift test` never meet them
// (they need `-sanitize=fuzzer`, which brings its own `main`). scripts/fuzz.sh builds and runs them.
if ProcessInfo.processInfo.environment["VSTREAM_FUZZ"] != nil {
  package.targets += [
    // The harnesses drive the stages directly (the YAML reader, the parser), so they name them.
    .target(
      name: "FuzzSupport", dependencies: ["VStream", "VStreamSource", "VStreamYAML", "VStreamSyntax", "VStreamReport"]),
    .executableTarget(
      name: "FuzzFrontMatter",
      dependencies: ["FuzzSupport", "VStream", "VStreamSource", "VStreamYAML", "VStreamCheck"]),
    .executableTarget(
      name: "FuzzParser",
      dependencies: ["FuzzSupport", "VStream", "VStreamSource", "VStreamSyntax", "VStreamLargeFile"]),
    .executableTarget(
      name: "FuzzPipeline",
      dependencies: ["FuzzSupport", "VStream", "VStreamSource", "VStreamSyntax", "VStreamEmit", "VStreamReport"]),
  ]
  package.products += ["FuzzFrontMatter", "FuzzParser", "FuzzPipeline"].map { .executable(name: $0, targets: [$0]) }
}
