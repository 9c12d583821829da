import ClaimsStore
import Foundation

/// `claims-bench train-stance DIR` and `claims-bench eval-stance DIR`: the pair decision of
/// `compare` and `check`, trained on the ANS train split and measured on its dev split.
enum StanceCommands {
    static func readSplit(_ directory: String, _ name: String) throws -> [LabelledPair] {
        let path = directory + "/" + name
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw BenchError("cannot read \(path)") }
        return LabelledPair.readANS(text)
    }

    /// Mines the tables and fits the model on train, tunes the offsets on dev, writes the three
    /// data files into `dataDirectory` and prints the dev figures.
    static func train(ans directory: String, dataDirectory: String, missesFile: String? = nil) throws {
        let trainer = StanceTrainer()
        let train = try readSplit(directory, "stance_train.csv"), dev = try readSplit(directory, "stance_dev.csv")
        let start = Date()
        let trainAnalyses = trainer.analyse(train), devAnalyses = trainer.analyse(dev)
        FileHandle.standardError.write(Data(String(format: "analysed in %.1f s\n", Date().timeIntervalSince(start)).utf8))
        let tables = trainer.pruned(trainer.mineTables(train, trainAnalyses))
        let comparer = ClaimComparer()
        let trainFeatures = zip(train, trainAnalyses).map { PairFeatures($1.0, $1.1, tables: tables, comparer: comparer, heldOut: $0.label) }
        let devFeatures = devAnalyses.map { PairFeatures($0.0, $0.1, tables: tables, comparer: comparer) }
        var model = trainer.fit(trainFeatures, labels: train.map(\.label))
        trainer.tuneOffsets(&model, devFeatures, labels: dev.map(\.label))
        let header = ["The pair decision of `claims compare` and `claims check`: multinomial logistic regression over the named",
                      "features of PairFeatures, trained on the ANS train split (\(train.count) pairs) by",
                      "`swift run claims-bench train-stance ../shared/datasets/ans` (deterministic: full-batch gradient descent",
                      "from zero, \(trainer.iterations) iterations, rate \(trainer.learningRate), L2 \(trainer.l2)); offsets tuned on the dev split",
                      "for the macro-F1 over agree and disagree."]
        try model.tsv(header: header).write(toFile: dataDirectory + "/stance_model.tsv", atomically: true, encoding: .utf8)
        try tables.idfFile().write(toFile: dataDirectory + "/stance_idf.tsv", atomically: true, encoding: .utf8)
        try tables.differencesFile().write(toFile: dataDirectory + "/stance_differences.tsv", atomically: true, encoding: .utf8)
        print(String(format: "trained on %d pairs in %.1f s; wrote %@/stance_model.tsv, stance_idf.tsv, stance_differences.tsv",
                     train.count, Date().timeIntervalSince(start), dataDirectory))
        print("train (its own differences held out):")
        print(StanceEvaluation(predicted: trainFeatures.map(model.decide), gold: train.map(\.label)).report)
        print("dev:")
        print(StanceEvaluation(predicted: devFeatures.map(model.decide), gold: dev.map(\.label)).report)
        if let missesFile {
            // The dev pairs decided wrong, with their non-zero features: for reading, not for the repository.
            var lines: [String] = []
            for ((pair, features), (a, b)) in zip(zip(dev, devFeatures), devAnalyses) where model.decide(features) != pair.label {
                let named = PairFeatures.names.indices.filter { features.values[$0] != 0 }
                    .map { PairFeatures.names[$0] + "=" + String(format: "%.2f", features.values[$0]) }
                lines.append("\(pair.label.rawValue) → \(model.decide(features).rawValue)\n  \(pair.first)\n  \(pair.second)\n  A-only: \(a.keys.subtracting(b.keys).sorted()) B-only: \(b.keys.subtracting(a.keys).sorted())\n  " + named.joined(separator: " "))
            }
            try lines.joined(separator: "\n").write(toFile: missesFile, atomically: true, encoding: .utf8)
        }
        print("(run `bash scripts/embed-resources.sh` and rebuild for the binary to carry the new model)")
    }

    /// The dev figures of the model the binary carries.
    static func evaluate(ans directory: String) throws {
        let dev = try readSplit(directory, "stance_dev.csv")
        let decision = PairDecision()
        let predicted = dev.map { decision.decide($0.first, $0.second).label }
        print("ANS dev, \(dev.count) pairs, model Data/stance_model.tsv:")
        print(StanceEvaluation(predicted: predicted, gold: dev.map(\.label)).report)
        // `compare` as a whole: the model with the rules' verdict (contradict = disagree, unrelated = other).
        let comparer = StatementComparer(decision: decision)
        let byCompare: [StanceLabel] = dev.map { pair in
            switch comparer.compare(pair.first, pair.second).relation {
            case .agree: .agree
            case .contradict: .disagree
            case .related, .unrelated: .other
            }
        }
        print("ANS dev, `claims compare` (model and rules; contradict = disagree, unrelated = other):")
        print(StanceEvaluation(predicted: byCompare, gold: dev.map(\.label)).report)
        // The rule comparer alone, as `compare` was before the model.
        let reader = StatementReader(), rules = ClaimComparer()
        let byRules: [StanceLabel] = dev.map { pair in
            switch rules.compare(reader.read(pair.first), reader.read(pair.second)).relation {
            case .agree: .agree
            case .contradict: .disagree
            case .related, .unrelated: .other
            }
        }
        print("ANS dev, the rule comparer alone (`compare` before the model):")
        print(StanceEvaluation(predicted: byRules, gold: dev.map(\.label)).report)
    }
}

extension StanceCommands {
    /// Accuracy per kind on a file of labelled statement pairs (`{"pairs": [{kind, a, b, expected}]}`,
    /// expected agree / contradict / unrelated): the rule comparer alone, and `compare` as it is.
    static func evaluateCompare(pairsFile path: String) throws {
        guard let data = FileManager.default.contents(atPath: path),
              let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let pairs = object["pairs"] as? [[String: Any]] else { throw BenchError("cannot read pairs from \(path)") }
        let comparer = StatementComparer(), reader = StatementReader(), rules = ClaimComparer()
        var perKind: [String: (rules: Int, compare: Int, total: Int)] = [:]
        for pair in pairs {
            guard let kind = pair["kind"] as? String, let a = pair["a"] as? String, let b = pair["b"] as? String,
                  let expected = pair["expected"] as? String else { continue }
            func name(_ relation: Comparison.Relation) -> String { relation == .related ? "unrelated" : relation.rawValue }
            let byRules = name(rules.compare(reader.read(a), reader.read(b)).relation)
            let result = comparer.compare(a, b)
            let byCompare = name(result.relation)
            perKind[kind, default: (0, 0, 0)].total += 1
            if byRules == expected { perKind[kind, default: (0, 0, 0)].rules += 1 }
            if byCompare == expected { perKind[kind, default: (0, 0, 0)].compare += 1 }
            if ProcessInfo.processInfo.environment["CLAIMS_EVAL_VERBOSE"] != nil, byCompare != expected {
                print("MISS \(pair["id"] ?? "") \(kind): expected \(expected), got \(byCompare) — \(result.explanation)")
            }
        }
        var total = (rules: 0, compare: 0, total: 0)
        print("kind                 rules           compare")
        for (kind, f) in perKind.sorted(by: { $0.key < $1.key }) {
            print(kind.padding(toLength: 20, withPad: " ", startingAt: 0)
                  + String(format: " %3d/%-3d %.2f    %3d/%-3d %.2f", f.rules, f.total, Double(f.rules) / Double(f.total), f.compare, f.total, Double(f.compare) / Double(f.total)))
            total = (total.rules + f.rules, total.compare + f.compare, total.total + f.total)
        }
        print("overall".padding(toLength: 20, withPad: " ", startingAt: 0)
              + String(format: " %3d/%-3d %.2f    %3d/%-3d %.2f", total.rules, total.total, Double(total.rules) / Double(total.total),
                       total.compare, total.total, Double(total.compare) / Double(total.total)))
    }
}
