import Foundation

import ClaimsStore

/// Draws for the corpus generator, on the library's SplitMix64 (fixed by its seed everywhere).
extension SplitMix64 {
    /// Uniform in 0..<n (multiply-shift; the bias is far below anything measurable here).
    mutating func below(_ n: Int) -> Int {
        precondition(n > 0)
        return Int((UInt64(truncatingIfNeeded: next() >> 32) &* UInt64(n)) >> 32)
    }

    /// Uniform in `range`.
    mutating func int(in range: ClosedRange<Int>) -> Int { range.lowerBound + below(range.count) }

    mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// A standard normal deviate (Box–Muller).
    mutating func gaussian() -> Double {
        let u1 = max(unit(), 1e-12), u2 = unit()
        return (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
    }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// A generator for item `index` of a stream seeded by `seed`: items can be generated in any
    /// order (or again, for a duplicate) and still come out the same.
    static func forItem(_ index: Int, seed: UInt64) -> SplitMix64 {
        var mixer = SplitMix64(seed: seed ^ (UInt64(truncatingIfNeeded: index) &* 0xD6E8_FEB8_6659_FD93))
        return SplitMix64(seed: mixer.next())
    }
}

/// Samples ranks 0..<n with probability ∝ 1 / (rank + offset)^exponent (Zipf–Mandelbrot), the
/// shape of word frequencies in real text.
struct ZipfSampler {
    private let cumulative: [Double]

    init(count: Int, exponent: Double, offset: Double = 1.0) {
        var total = 0.0
        var cumulative = [Double]()
        cumulative.reserveCapacity(count)
        for rank in 0..<count {
            total += 1.0 / pow(Double(rank) + offset, exponent)
            cumulative.append(total)
        }
        self.cumulative = cumulative
    }

    var count: Int { cumulative.count }

    func sample(_ rng: inout SplitMix64) -> Int {
        let target = rng.unit() * cumulative[cumulative.count - 1]
        var low = 0, high = cumulative.count - 1
        while low < high {
            let mid = (low + high) >> 1
            if cumulative[mid] < target { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
