import CLibXML2

/// An element or text of an HTML page or an XML feed, copied out of libxml2's tree so the rest of
/// ingest works on plain Swift values (libxml2's document is freed right after parsing).
public final class MarkupNode {
    /// Lower-case element name (without namespace prefix), or `#text` for text.
    public let name: String
    /// The namespace prefix as written (`content` of `content:encoded`, `dc`), or nil.
    public let prefix: String?
    public fileprivate(set) var attributes: [(String, String)] = []
    public fileprivate(set) var children: [MarkupNode] = []
    /// The text of a `#text` node (CDATA included); empty for elements.
    public let text: String

    init(name: String, prefix: String? = nil, text: String = "") {
        self.name = name
        self.prefix = prefix
        self.text = text
    }

    public var isText: Bool { name == "#text" }

    public func attribute(_ key: String) -> String? {
        attributes.first(where: { $0.0 == key })?.1
    }

    /// All text below this node, in document order, without any white-space handling.
    public var textContent: String {
        if isText { return text }
        var out = ""
        appendText(to: &out)
        return out
    }

    private func appendText(to out: inout String) {
        for child in children {
            if child.isText { out += child.text } else { child.appendText(to: &out) }
        }
    }

    /// Elements below this node (depth first, document order) for which `predicate` holds.
    public func descendants(where predicate: (MarkupNode) -> Bool) -> [MarkupNode] {
        var found: [MarkupNode] = []
        func walk(_ node: MarkupNode) {
            for child in node.children where !child.isText {
                if predicate(child) { found.append(child) }
                walk(child)
            }
        }
        walk(self)
        return found
    }

    public func first(_ name: String) -> MarkupNode? {
        descendants(where: { $0.name == name }).first
    }

    /// Direct child elements named `name` (and with the prefix, when given).
    public func children(_ name: String, prefix: String? = nil) -> [MarkupNode] {
        children.filter { $0.name == name && (prefix == nil || $0.prefix == prefix) }
    }

    public func child(_ name: String, prefix: String? = nil) -> MarkupNode? {
        children.first { $0.name == name && (prefix == nil || $0.prefix == prefix) }
    }
}

/// Parses HTML and XML with libxml2 into `MarkupNode` trees.
public enum MarkupParser {
    public struct ParseError: Error, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }

    /// Parses an HTML page given as UTF-8 text. libxml2's HTML parser recovers from any markup,
    /// as browsers do; only an empty result is an error.
    public static func parseHTML(_ text: String) throws -> MarkupNode {
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue)
        var utf8 = Array(text.utf8)
        if utf8.isEmpty { throw ParseError(message: "empty page") }
        let document = utf8.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlReadMemory($0, Int32(buffer.count), nil, "UTF-8", options)
            }
        }
        guard let document else { throw ParseError(message: "not an HTML page") }
        defer { xmlFreeDoc(document) }
        let root = MarkupNode(name: "#document")
        copyChildren(of: UnsafeMutableRawPointer(document).assumingMemoryBound(to: xmlNode.self), into: root, html: true)
        return root
    }

    /// Parses an XML document (a feed). Malformed XML is an error naming the line; external
    /// entities and the network are never used.
    public static func parseXML(_ bytes: [UInt8]) throws -> MarkupNode {
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_NOCDATA.rawValue | XML_PARSE_COMPACT.rawValue)
        xmlResetLastError()
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                xmlReadMemory($0, Int32(buffer.count), nil, nil, options)
            }
        }
        guard let document else {
            if let error = xmlGetLastError(), let message = error.pointee.message {
                let text = String(cString: message).trimmingCharacters(in: " \n")
                throw ParseError(message: "malformed XML at line \(error.pointee.line): \(text)")
            }
            throw ParseError(message: "malformed XML")
        }
        defer { xmlFreeDoc(document) }
        let root = MarkupNode(name: "#document")
        copyChildren(of: UnsafeMutableRawPointer(document).assumingMemoryBound(to: xmlNode.self), into: root, html: false)
        return root
    }

    private static func copyChildren(of parent: UnsafeMutablePointer<xmlNode>, into node: MarkupNode, html: Bool) {
        var current = parent.pointee.children
        while let child = current {
            switch child.pointee.type {
            case XML_ELEMENT_NODE:
                let rawName = child.pointee.name.map { String(cString: $0) } ?? ""
                let prefix = child.pointee.ns?.pointee.prefix.map { String(cString: $0) }
                let element = MarkupNode(name: html ? rawName.lowercased() : rawName, prefix: prefix)
                var attribute = child.pointee.properties
                while let current = attribute {
                    let key = current.pointee.name.map { String(cString: $0) } ?? ""
                    var value = ""
                    var part = current.pointee.children
                    while let text = part {
                        if let content = text.pointee.content { value += String(cString: content) }
                        part = text.pointee.next
                    }
                    element.attributes.append((html ? key.lowercased() : key, value))
                    attribute = current.pointee.next
                }
                copyChildren(of: child, into: element, html: html)
                node.children.append(element)
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = child.pointee.content {
                    node.children.append(MarkupNode(name: "#text", text: String(cString: content)))
                }
            default:
                break
            }
            current = child.pointee.next
        }
    }
}
