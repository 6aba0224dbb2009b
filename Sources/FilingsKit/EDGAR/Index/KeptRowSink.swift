import Foundation

/// Where `IndexStream` hands each row it keeps: the store's bulk writer, or a batch that
/// carries the rows from the thread reading the index to the one writing the store.
protocol KeptRowSink {
    /// Takes one kept row; the buffers need only live for the call.
    ///
    /// - Parameters:
    ///   - date: ISO `YYYY-MM-DD`.
    ///   - accession: `NNNNNNNNNN-NN-NNNNNN`.
    func insert(
        cik: Int64, name: UnsafeBufferPointer<UInt8>, form: UnsafeBufferPointer<UInt8>,
        date: UnsafeBufferPointer<UInt8>, accession: UnsafeBufferPointer<UInt8>
    ) throws
}

extension Store.BulkFilingWriter: KeptRowSink {}
