/// The SQL helpers every store uses (`BoundIDList`, `PackedRecords`, `SQLEngine`, plain column readers), visible
/// throughout the App target.
@_exported import SQLSupport
