import Foundation

/// Appends values to a byte buffer in a fixed little-endian layout, for the engine cache.
struct BinaryWriter {
    private(set) var data = Data()

    mutating func int(_ value: Int) { withUnsafeBytes(of: Int64(value).littleEndian) { data.append(contentsOf: $0) } }
    mutating func uint64(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) } }
    mutating func double(_ value: Double) { uint64(value.bitPattern) }
    mutating func bool(_ value: Bool) { int(value ? 1 : 0) }

    mutating func string(_ value: String) {
        let bytes = Array(value.utf8)
        int(bytes.count)
        data.append(contentsOf: bytes)
    }

    mutating func strings(_ values: [String]) {
        int(values.count)
        for v in values { string(v) }
    }

    mutating func floats(_ values: [Float]) {
        int(values.count)
        values.withUnsafeBufferPointer { data.append(UnsafeBufferPointer(start: UnsafeRawPointer($0.baseAddress)?.assumingMemoryBound(to: UInt8.self), count: $0.count * 4)) }
    }

    mutating func int32s(_ values: [Int32]) {
        int(values.count)
        values.withUnsafeBufferPointer { data.append(UnsafeBufferPointer(start: UnsafeRawPointer($0.baseAddress)?.assumingMemoryBound(to: UInt8.self), count: $0.count * 4)) }
    }

    mutating func uint64s(_ values: [UInt64]) {
        int(values.count)
        values.withUnsafeBufferPointer { data.append(UnsafeBufferPointer(start: UnsafeRawPointer($0.baseAddress)?.assumingMemoryBound(to: UInt8.self), count: $0.count * 8)) }
    }
}

/// Reads what `BinaryWriter` wrote. Every read is bounds-checked: a truncated or corrupt
/// cache throws instead of crashing, and the engine is rebuilt from the source files.
struct BinaryReader {
    struct Corrupt: Error {}

    private let bytes: [UInt8]
    private var offset = 0

    init(_ data: Data) { bytes = [UInt8](data) }

    var isAtEnd: Bool { offset == bytes.count }

    private mutating func take(_ count: Int) throws -> ArraySlice<UInt8> {
        guard count >= 0, count <= bytes.count - offset else { throw Corrupt() }
        defer { offset += count }
        return bytes[offset..<(offset + count)]
    }

    mutating func uint64() throws -> UInt64 {
        let slice = try take(8)
        var value: UInt64 = 0
        for (i, b) in slice.enumerated() { value |= UInt64(b) << (8 * UInt64(i)) }
        return value
    }

    mutating func int() throws -> Int {
        let value = Int64(bitPattern: try uint64())
        guard value >= Int64(Int32.min) * 4, value <= Int64(Int32.max) * 4 else { throw Corrupt() }
        return Int(value)
    }

    mutating func count() throws -> Int {
        let n = try int()
        guard n >= 0, n <= bytes.count else { throw Corrupt() }
        return n
    }

    mutating func double() throws -> Double { Double(bitPattern: try uint64()) }
    mutating func bool() throws -> Bool { try int() != 0 }

    mutating func string() throws -> String {
        let slice = try take(try count())
        return String(decoding: slice, as: UTF8.self)
    }

    mutating func strings() throws -> [String] {
        let n = try count()
        var result: [String] = []
        result.reserveCapacity(n)
        for _ in 0..<n { result.append(try string()) }
        return result
    }

    mutating func floats() throws -> [Float] {
        let n = try count()
        let slice = try take(n * 4)
        return slice.withUnsafeBytes { raw in (0..<n).map { Float(bitPattern: raw.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self).littleEndian) } }
    }

    mutating func int32s() throws -> [Int32] {
        let n = try count()
        let slice = try take(n * 4)
        return slice.withUnsafeBytes { raw in (0..<n).map { Int32(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 4, as: Int32.self)) } }
    }

    mutating func uint64s() throws -> [UInt64] {
        let n = try count()
        let slice = try take(n * 8)
        return slice.withUnsafeBytes { raw in (0..<n).map { UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self)) } }
    }
}
