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
    static func train(ans directory: String, dataDirectory: String) throws {
        let trainer = StanceTrainer()
        let train = try readSplit(directory, "stance_train.csv"), dev = try readSplit(directory, "stance_dev.csv")
        let start = Date()
        let trainAnalyses = trainer.analyse(train), devAnalyses = trainer.analyse(dev)
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
        print("(run `bash scripts/embed-resources.sh` and rebuild for the binary to carry the new model)")
    }

    /// The dev figures of the model the binary carries.
    static func evaluate(ans directory: String) throws {
        let dev = try readSplit(directory, "stance_dev.csv")
        let decision = PairDecision()
        let predicted = dev.map { decision.decide($0.first, $0.second).label }
        print("ANS dev, \(dev.count) pairs, model Data/stance_model.tsv:")
        print(StanceEvaluation(predicted: predicted, gold: dev.map(\.label)).report)
    }
}
