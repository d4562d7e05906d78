/// Which encoding a CSV file turned out to be in, so an import can tell the user what it assumed.
public enum TextEncodingUsed: String, Sendable {
    case utf8, utf8WithBOM, gb18030
}
