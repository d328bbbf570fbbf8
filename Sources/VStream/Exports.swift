// The types the facade's functions take (parser, format and YAML options, a configuration), re-exported one by one
// so that a client (the `vstream` command, an editor plug-in) names them with `import VStream` alone instead of
// reaching past the facade into the stages. Only these types come along, not the rest of their modules.
@_exported import struct VStreamCheck.Configuration
@_exported import struct VStreamFormat.FormatOptions
@_exported import struct VStreamSyntax.ParserOptions
@_exported import struct VStreamYAML.YAMLLimits
