/// The front matter, typed and checked. Each field is the key of the same name; nil when not written.
public struct Metadata: Sendable, Hashable {
  /// The lifecycle status; the same type as the top-level `Status`.
  public typealias Status = VStreamModel.Status

  public var title: String?
  public var owner: String?
  public var version: String?
  public var status: Status?
  public var consumer: String?
  public var description: String?
  public var tags: [String]
  /// `vstream:`; 1 when not written, the only version so far.
  public var languageVersion: Int
  /// `target-lead-time:`, with the measure `vstream.yml` holds against it.
  public var target: LeadTimeTarget?
  /// `framework:` as written; nil when the file names none (the repository's default, ITIL 4 unless `vstream.yml`
  /// says otherwise, is in force: `ValueStream.framework`).
  public var framework: Framework?

  public init(
    title: String? = nil, owner: String? = nil, version: String? = nil, status: Status? = nil, consumer: String? = nil,
    description: String? = nil, tags: [String] = [], languageVersion: Int = 1,
    target: LeadTimeTarget? = nil, framework: Framework? = nil
  ) {
    self.target = target
    self.framework = framework
    self.title = title
    self.owner = owner
    self.version = version
    self.status = status
    self.consumer = consumer
    self.description = description
    self.tags = tags
    self.languageVersion = languageVersion
  }
}
