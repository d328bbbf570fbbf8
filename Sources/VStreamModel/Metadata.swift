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

  public init(
    title: String? = nil, owner: String? = nil, version: String? = nil, status: Status? = nil, consumer: String? = nil,
    description: String? = nil, tags: [String] = [], languageVersion: Int = 1,
    target: LeadTimeTarget? = nil
  ) {
    self.target = target
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
