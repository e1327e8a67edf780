import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Readable text for `XMLParser` errors: on Linux the parser reports only libxml2's error code,
/// which means nothing to a user reading "feed X is broken".
enum XMLErrorMessage {
    static func text(forCode code: Int) -> String {
        guard let known = XMLParser.ErrorCode(rawValue: code) else { return "XML error \(code)" }
        switch known {
        case .emptyDocumentError, .documentStartError: return "document does not start with XML markup"
        case .prematureDocumentEndError: return "document ends prematurely (truncated?)"
        case .tagNameMismatchError: return "closing tag does not match the open element"
        case .unfinishedTagError, .gtRequiredError: return "unfinished tag"
        case .ltRequiredError, .ltSlashRequiredError: return "start or end tag expected"
        case .notWellBalancedError: return "elements are not properly nested or closed"
        case .extraContentError: return "extra content after the document's root element"
        case .undeclaredEntityError: return "undefined entity reference"
        case .entityRefLoopError, .entityBoundaryError: return "entity references loop or are malformed"
        case .invalidCharacterError, .invalidCharacterInEntityError: return "invalid character"
        case .invalidCharacterRefError, .invalidDecimalCharacterRefError, .invalidHexCharacterRefError:
            return "invalid character reference"
        case .entityRefAtEOFError, .entityNotFinishedError, .entityNotStartedError: return "malformed entity reference"
        case .attributeNotStartedError, .attributeNotFinishedError, .attributeHasNoValueError:
            return "malformed attribute"
        case .attributeRedefinedError: return "attribute given twice"
        case .lessThanSymbolInAttributeError: return "'<' inside an attribute value"
        case .stringNotStartedError, .stringNotClosedError: return "unterminated quoted string"
        case .nameRequiredError: return "element or attribute name expected"
        case .equalExpectedError: return "'=' expected after an attribute name"
        case .commentNotFinishedError: return "unterminated comment"
        case .cdataNotFinishedError: return "unterminated CDATA section"
        case .misplacedCDATAEndStringError: return "']]>' outside a CDATA section"
        case .processingInstructionNotFinishedError, .xmlDeclNotFinishedError: return "malformed XML declaration"
        case .doctypeDeclNotFinishedError: return "malformed DOCTYPE"
        case .spaceRequiredError: return "whitespace expected"
        case .namespaceDeclarationError: return "invalid namespace declaration"
        case .unknownEncodingError, .encodingNotSupportedError, .invalidEncodingError, .invalidEncodingNameError:
            return "unsupported character encoding"
        default: return "XML error \(code)"
        }
    }
}
