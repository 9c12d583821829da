import Foundation

/// An article cleaned and extracted, ready for the writer.
struct PreparedArticle: Sendable {
    let clean: CleanArticle
    let derived: ArticleStore.DerivedText
    let extraction: ArticleExtraction
}

/// What the preparing thread hands to the writer, in input order.
enum PreparedItem: Sendable {
    case article(PreparedArticle)
    case failure(InputProblem)
    case note(InputProblem)
    /// An article whose text is already stored (found with the reader's own connection).
    case duplicate
    /// One input (file or standard input) fully read.
    case inputDone
    /// No more items; with the error that stopped reading, if any.
    case end(String?)
}

/// A bounded queue between the preparing thread and the writer, so memory stays flat however
/// large the input: the reader waits while `capacity` items are pending.
final class PreparedQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [PreparedItem] = []
    private var start = 0
    private let capacity: Int
    private var cancelled = false

    init(capacity: Int) { self.capacity = capacity }

    /// Adds an item, waiting while the queue is full. Returns false once the writer has stopped.
    @discardableResult
    func put(_ item: PreparedItem) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while items.count - start >= capacity && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        items.append(item)
        condition.broadcast()
        return true
    }

    /// Takes what is pending, at most `limit` items, waiting for at least one.
    func take(limit: Int) -> ArraySlice<PreparedItem> {
        condition.lock()
        defer { condition.unlock() }
        while items.count == start { condition.wait() }
        let end = min(items.count, start + limit)
        let batch = items[start..<end]
        start = end
        if start > 1024 { items.removeFirst(start); start = 0 }
        condition.broadcast()
        return batch
    }

    /// The writer stopped (an error): the reader stops adding.
    func cancel() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
    }
}

/// Reads, cleans and extracts on its own thread while the caller writes: on two cores the CPU
/// work of one article overlaps the database work of the previous ones.
struct PreparationPipeline: Sendable {
    let items: [InputItem]
    let reader: InputReader
    let cleaner: ArticleCleaner
    let extractor: ArticleExtractor
    /// A database file to look duplicates up in before extracting (nil for in-memory databases).
    let duplicateLookupPath: String?

    func start(into queue: PreparedQueue) -> Thread {
        let thread = Thread { run(queue) }
        thread.stackSize = 8 << 20
        thread.start()
        return thread
    }

    private func run(_ queue: PreparedQueue) {
        // The reader's own read-only connection: WAL lets it read while the writer writes.
        let lookup = duplicateLookupPath.flatMap { try? Database(path: $0, mode: .readOnly, busyTimeout: .seconds(10)) }
        var stopped = false
        do {
            for item in items where !stopped {
                try reader.read(item) { event in
                    guard !stopped else { return }
                    switch event {
                    case .problem(let problem): stopped = !queue.put(.failure(problem))
                    case .note(let note): stopped = !queue.put(.note(note))
                    case .article(let draft):
                        do {
                            let clean = try cleaner.clean(draft)
                            let hash = ArticleStore.contentHash(of: clean.body)
                            if let lookup, (try? lookup.queryOne("SELECT 1 FROM articles WHERE content_hash = ?", [hash], { _ in true })) ?? nil == true {
                                stopped = !queue.put(.duplicate)
                                return
                            }
                            let extraction = extractor.extract(title: clean.title, body: clean.body, published: clean.published,
                                                               outlet: clean.outlet, titleIsHeadline: clean.titleIsHeadline,
                                               author: clean.author, kind: clean.kind)
                            // (Everything that needs no database is done here, off the writer's thread.)
                            let derived = ArticleStore.DerivedText(clean, contentHash: hash, stemmer: extractor.stemmer)
                            stopped = !queue.put(.article(PreparedArticle(clean: clean, derived: derived, extraction: extraction)))
                        } catch let error as IngestError {
                            stopped = !queue.put(.failure(InputProblem(location: draft.source, reason: error.description)))
                        } catch {
                            stopped = !queue.put(.failure(InputProblem(location: draft.source, reason: "\(error)")))
                        }
                    }
                }
                if !stopped { stopped = !queue.put(.inputDone) }
            }
            queue.put(.end(nil))
        } catch {
            queue.put(.end("\(error)"))
        }
    }
}
