import Foundation
import VStreamSource

/// JSON-RPC 2.0 as LSP uses it: messages are Foundation JSON objects (`JSONSerialization`), read once at the edge
/// into ``Incoming`` and written with sorted keys, so that output is byte-identical from run to run.
public enum JSONRPC {
  /// The error codes of JSON-RPC and of LSP 3.17.
  public enum ErrorCode: Int, Sendable {
    case parseError = -32700
    case invalidRequest = -32600
    case methodNotFound = -32601
    case invalidParams = -32602
    case internalError = -32603
    case serverNotInitialized = -32002
    case requestCancelled = -32800
    case contentModified = -32801
  }

  /// A request's id: a number or a string, echoed back as it came.
  public enum RequestID: Hashable, Sendable {
    case number(Int)
    case string(String)

    init?(_ json: Any?) {
      if let string = json as? String {
        self = .string(string)
      } else if let number = json as? NSNumber, let exact = Int(exactly: number.doubleValue) {
        self = .number(exact)
      } else {
        return nil
      }
    }

    var json: Any {
      switch self {
      case .number(let number): return number
      case .string(let string): return string
      }
    }
  }

  /// One message from the client, as far as its shape could be read.
  public enum Incoming {
    case request(id: RequestID, method: String, params: Any?)
    case notification(method: String, params: Any?)
    /// A response to a request of ours (the server sends none that need an answer): ignored.
    case response
    /// Not a message: answered with `code`, with the request's id when one could be read.
    case invalid(id: RequestID?, code: ErrorCode, message: String)

    /// Reads a body. Never throws: what is not JSON-RPC becomes `.invalid`.
    public init(body: [UInt8]) {
      guard let json = try? JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed]) else {
        self = .invalid(id: nil, code: .parseError, message: "the message is not valid JSON")
        return
      }
      guard let object = json as? [String: Any] else {
        self = .invalid(id: nil, code: .invalidRequest, message: "a message must be a JSON object")
        return
      }
      let id = RequestID(object["id"])
      guard let method = object["method"] as? String else {
        if object["result"] != nil || object["error"] != nil {
          self = .response
        } else {
          self = .invalid(id: id, code: .invalidRequest, message: "the message has no method")
        }
        return
      }
      let params = object["params"]
      if object["id"] == nil || object["id"] is NSNull {
        self = .notification(method: method, params: params)
      } else if let id {
        self = .request(id: id, method: method, params: params)
      } else {
        self = .invalid(id: nil, code: .invalidRequest, message: "a request id must be a number or a string")
      }
    }
  }

  /// A failure to answer a request with, as JSON-RPC's error object.
  public struct Failure: Error {
    public var code: ErrorCode
    public var message: String

    public init(_ code: ErrorCode, _ message: String) {
      self.code = code
      self.message = message
    }
  }

  static func response(id: RequestID?, result: Any?) -> [String: Any] {
    ["jsonrpc": "2.0", "id": id?.json ?? NSNull(), "result": result ?? NSNull()]
  }

  static func response(id: RequestID?, failure: Failure) -> [String: Any] {
    [
      "jsonrpc": "2.0", "id": id?.json ?? NSNull(),
      "error": ["code": failure.code.rawValue, "message": failure.message] as [String: Any],
    ]
  }

  static func notification(_ method: String, _ params: Any) -> [String: Any] {
    ["jsonrpc": "2.0", "method": method, "params": params]
  }

  /// A message as framed bytes, keys sorted. Messages are built as Foundation JSON objects and written with the
  /// project's JSON writer (`JSONValue`): Foundation's writer with sorted keys cost most of a completion's time.
  public static func encode(_ message: [String: Any]) -> [UInt8] {
    MessageFramer.frame(Array(value(message).rendered(pretty: false).utf8))
  }

  /// A Foundation JSON object as a `JSONValue`, object keys sorted so that output does not depend on hashing.
  static func value(_ json: Any?) -> JSONValue {
    guard let json else { return .null }
    // Native types first, and by exact type: a cast such as `is NSNull` or `as? Bool` on a Swift dictionary bridges
    // it to Foundation first, which cost most of the time of writing a message.
    if type(of: json) == Bool.self { return .bool(json as! Bool) }
    switch json {
    case let value as [String: Any]:
      return .object(value.keys.sorted().map { ($0, Self.value(value[$0]!)) })
    case let value as [Any]: return .array(value.map { Self.value($0) })
    case let value as String: return .string(value)
    case let value as Int: return .int(Int64(value))
    case let value as Double: return .double(value)
    case is NSNull: return .null
    case let value as NSNumber: return .double(value.doubleValue)
    default: return .string("\(json)")
    }
  }
}
