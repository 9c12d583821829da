/// Finds the article's own text in a web page, the way readability and jusText do: the page is cut
/// into text blocks (paragraphs, headings, list items, cells); each block is judged by its length,
/// link density and punctuation; the element gathering most good text (a block counts fully for its
/// parent and half for its grandparent) is the article, with its siblings that are as rich. Within
/// it, blocks are dropped that sit in a boilerplate container (nav, footer, aside, and class or id
/// names such as `share`, `related`, `comments`, `ticker`, `widget`), are mostly links, or open with
/// an Arabic boilerplate phrase (`اقرأ أيضا`, `مواضيع ذات صلة`, `التعليقات`, `مواقيت الصلاة` …) — a
/// phrase is one signal among these, never the method.
public struct MainTextExtractor {
    struct Block {
        var text: String
        var linkCharacters: Int
        /// From the nearest element outward.
        var ancestors: [MarkupNode]
        /// The nearest ancestor whose tag, class or id says what it holds: true boilerplate, false content.
        var boilerplateContainer: Bool?
        var isHeading: Bool
        /// Characters (Unicode scalars) of the text.
        let length: Int
        /// A widget's heading or label (`isBoilerplatePhrase`), judged once.
        let isPhrase: Bool

        init(text: String, linkCharacters: Int, ancestors: [MarkupNode], boilerplateContainer: Bool?, isHeading: Bool) {
            self.text = text
            self.length = text.unicodeScalars.count
            self.linkCharacters = min(linkCharacters, length)
            self.ancestors = ancestors
            self.boilerplateContainer = boilerplateContainer
            self.isHeading = isHeading
            // (Links lists are dropped whatever they say: only other blocks are read for phrases.)
            self.isPhrase = Double(self.linkCharacters) <= 0.5 * Double(length) && MainTextExtractor.isBoilerplatePhrase(text, length: length)
        }

        var linkDensity: Double { length == 0 ? 0 : Double(linkCharacters) / Double(length) }
    }

    public init() {}

    /// The paragraphs of the article's text, in order (empty when the page has none).
    public func paragraphs(of page: MarkupNode) -> [String] {
        let blocks = Self.blocks(of: page)
        guard let main = Self.mainContainers(blocks) else { return [] }
        func isMain(_ node: MarkupNode) -> Bool { main.contains { $0 === node } }
        // A lead paragraph standing beside the article's box (`<p class="lead">` before the body).
        // (Boxes joined as siblings share their parent.)
        let beside = Self.parent(of: main[0], in: blocks)
        func isLead(_ block: Block) -> Bool {
            guard let beside, block.ancestors.count > 1, block.ancestors[1] === beside, !isMain(block.ancestors[0]) else { return false }
            return block.length >= 80 && block.linkDensity < 0.25 && block.boilerplateContainer != true && !block.isPhrase
        }
        var kept: [String] = []
        var droppedBoxes: [MarkupNode] = []
        for block in blocks where block.ancestors.contains(where: isMain) || isLead(block) {
            if droppedBoxes.contains(where: { box in block.ancestors.contains { $0 === box } }) { continue }
            if block.isPhrase {
                // A widget's heading inside the article: the rest of its own box goes too (the
                // heading's box, or the box the heading opens when its text stands in it directly).
                let opensItsBox = block.ancestors.first.map { Self.containerTags.contains($0.name) && Self.hasBlockChild($0) } ?? false
                let level = opensItsBox ? 0 : 1
                if block.ancestors.count > level + 1, !isMain(block.ancestors[level]),
                   block.ancestors.dropFirst(level + 1).contains(where: isMain) {
                    droppedBoxes.append(block.ancestors[level])
                }
                continue
            }
            if block.boilerplateContainer == true || block.linkDensity > 0.5 { continue }
            kept.append(block.text)
        }
        return kept
    }

    /// Text blocks in document order.
    static func blocks(of page: MarkupNode) -> [Block] {
        var lengths: [ObjectIdentifier: Int] = [:]
        let pageLength = textLengths(page, into: &lengths)
        var blocks: [Block] = []
        var text = ""
        var textStarted = false     // the block has more than white space
        var linkCharacters = 0
        var current: (ancestors: [MarkupNode], boilerplate: Bool?, heading: Bool) = ([], nil, false)

        func flush() {
            let collapsed = PageMetadata.clean(text)
            if collapsed.contains(where: { $0.isLetter || $0.isNumber }) {
                // The block is its nearest block-level element (inline ones — a, span, strong — are dropped).
                let start = current.ancestors.firstIndex { blockTags.contains($0.name) } ?? 0
                blocks.append(Block(text: collapsed, linkCharacters: linkCharacters,
                                    ancestors: Array(current.ancestors[start...]),
                                    boilerplateContainer: current.boilerplate, isHeading: current.heading))
            }
            text = ""
            textStarted = false
            linkCharacters = 0
        }

        func walk(_ node: MarkupNode, ancestors: [MarkupNode], boilerplate: Bool?, heading: Bool, inLink: Bool) {
            for child in node.children {
                if child.isText {
                    if !textStarted {
                        current = (ancestors, boilerplate, heading)
                        textStarted = child.text.unicodeScalars.contains { !$0.properties.isWhitespace }
                    }
                    text += child.text
                    if inLink { linkCharacters += PageMetadata.clean(child.text).unicodeScalars.count + 1 }
                    continue
                }
                if skippedTags.contains(child.name) || child.attribute("hidden") != nil
                    || (child.attribute("style") ?? "").replacingSpaces().contains("display:none") { continue }
                if child.name == "br" { flush(); continue }
                let isBlock = blockTags.contains(child.name)
                if isBlock { flush() }
                // Boilerplate sticks (a "post-item" inside a sidebar is still the sidebar); a box
                // holding most of the page is a wrapper, whatever its class ("has-sidebar").
                // (Only boxes speak: a <span class="date"> opening a paragraph does not make it debris.)
                var signal = boilerplate
                if boilerplate != true, isBlock, let own = containerSignal(child) {
                    signal = own && (lengths[ObjectIdentifier(child)] ?? 0) * 2 > pageLength ? boilerplate : own
                }
                walk(child, ancestors: [child] + ancestors, boilerplate: signal,
                     heading: heading || headingTags.contains(child.name), inLink: inLink || child.name == "a")
                if isBlock { flush() }
            }
        }
        walk(page, ancestors: [page], boilerplate: nil, heading: false, inLink: false)
        flush()
        return blocks
    }

    /// The length of the visible text below each element (white space not counted), by element.
    @discardableResult
    static func textLengths(_ node: MarkupNode, into lengths: inout [ObjectIdentifier: Int]) -> Int {
        var total = 0
        for child in node.children {
            if child.isText { total += child.text.utf8.count { $0 > 0x20 && $0 & 0xC0 != 0x80 } }
            else if !skippedTags.contains(child.name) { total += textLengths(child, into: &lengths) }
        }
        lengths[ObjectIdentifier(node)] = total
        return total
    }

    /// The element(s) holding the article: the best-scored one and its siblings of the same tag
    /// and class scoring at least a fifth of it. Nil when no block looks like article text.
    static func mainContainers(_ blocks: [Block]) -> [MarkupNode]? {
        var scores: [ObjectIdentifier: (node: MarkupNode, score: Double)] = [:]
        var parents: [ObjectIdentifier: MarkupNode] = [:]
        for block in blocks {
            for (node, parent) in zip(block.ancestors, block.ancestors.dropFirst()) { parents[ObjectIdentifier(node)] = parent }
        }
        for block in blocks where block.boilerplateContainer != true && block.linkDensity < 0.3 && block.length >= 25 && !block.isPhrase {
            let commas = block.text.filter { $0 == "،" || $0 == "," }.count
            let score = 1 + Double(commas) + min(Double(block.length) / 100, 3)
            // A paragraph's score goes to the box holding it (and half to the box around that);
            // text standing directly in a box, to that box.
            // (A box holding only text — `<div class="para">` — is a paragraph too.)
            let isParagraph = block.ancestors.first.map { !containerTags.contains($0.name) || !hasBlockChild($0) } ?? false
            for (level, node) in block.ancestors.dropFirst(isParagraph ? 1 : 0).prefix(2).enumerated() {
                scores[ObjectIdentifier(node), default: (node, 0)].score += level == 0 ? score : score / 2
            }
        }
        // The box that holds the page's headline (`<h1>`) is the article's more likely than a
        // column of teasers beside it: its score counts half as much again.
        if let headline = blocks.first(where: { $0.ancestors.first?.name == "h1" }) {
            for node in headline.ancestors.dropFirst() {
                scores[ObjectIdentifier(node)]?.score *= 1.5
            }
        }
        guard let best = scores.values.max(by: { $0.score < $1.score }) else { return nil }
        // Siblings as rich as the article (a body split by an inline box) belong to it.
        var main = [best.node]
        // (A side column of teasers beside the article, another cell of the same row, is not.)
        for entry in scores.values where entry.node !== best.node && entry.node.name == best.node.name
            && entry.node.attribute("class") == best.node.attribute("class") && entry.score >= best.score / 5 {
            if let parentOfBest = parents[ObjectIdentifier(best.node)], let parentOfEntry = parents[ObjectIdentifier(entry.node)],
               parentOfBest === parentOfEntry {
                main.append(entry.node)
            }
        }
        return main
    }

    static func hasBlockChild(_ node: MarkupNode) -> Bool {
        node.children.contains { !$0.isText && blockTags.contains($0.name) }
    }

    /// The element holding `node`, as the blocks' ancestor lists tell.
    static func parent(of node: MarkupNode, in blocks: [Block]) -> MarkupNode? {
        for block in blocks {
            if let index = block.ancestors.firstIndex(where: { $0 === node }), index + 1 < block.ancestors.count {
                return block.ancestors[index + 1]
            }
        }
        return nil
    }

    /// What an element's tag, class and id say about it: true for boilerplate, false for article
    /// content, nil when they say nothing.
    static func containerSignal(_ node: MarkupNode) -> Bool? {
        if boilerplateTags.contains(node.name) { return true }
        let names = ((node.attribute("class") ?? "") + " " + (node.attribute("id") ?? "") + " " + (node.attribute("role") ?? "")).lowercased()
        let tokens = names.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        if tokens.contains(where: { boilerplateNames.contains(String($0)) }) { return true }
        if node.name == "article" || node.name == "main" || node.attribute("itemprop") == "articleBody" { return false }
        if tokens.contains(where: { contentNames.contains(String($0)) }) { return false }
        return nil
    }

    /// A block that is a boilerplate heading or line: the cleaner's debris lines and the headings
    /// of the widgets of Arabic news sites.
    static func isBoilerplatePhrase(_ text: String, length: Int? = nil) -> Bool {
        let length = length ?? text.unicodeScalars.count
        guard length <= 120 else { return false }
        let normalized = ArabicNormalizer.normalize(text)
        if ArticleCleaner.isBoilerplate(text, normalized: normalized) { return true }
        let bare = normalized.lowercasedFast().trimmingCharacters(in: " :»«>.-\"")
        // WordPress feeds close each item with "The post … appeared first on …".
        if bare.containsBytes("appeared first on") || bare.containsBytes("ظهرت اولا علي") || bare.containsBytes("ظهر اولا علي") { return true }
        // A widget's heading or label: the phrase, then a colon or at most three words (so that
        // an article's sentence opening with «شارك» or «عاجل» is not taken for one).
        guard length <= 80, let phrase = boilerplatePhrases.first(where: { bare.utf8.starts(with: $0.utf8) }) else { return false }
        let rest = bare.utf8.dropFirst(phrase.utf8.count)
        let space = UInt8(ascii: " "), colon = UInt8(ascii: ":")
        guard rest.isEmpty || rest.first == space || rest.first == colon else { return false }     // «شاركت» is not «شارك»
        return rest.first == colon || rest.first == space && rest.dropFirst().first == colon
            || rest.split(separator: space).count <= 3
    }

    static let boilerplatePhrases = [
        "اقرا ايضا", "اقرا المزيد", "اقرا كذلك", "مواضيع ذات صله", "اخبار ذات صله", "مقالات ذات صله", "ذات صله", "التعليقات",
        "اضف تعليق", "اترك تعليقا", "اترك تعليق", "شارك", "مشاركه", "اسعار العملات", "مواقيت الصلاه", "الاكثر قراءه",
        "الاكثر مشاهده", "حاله الطقس", "الطقس", "جميع الحقوق محفوظه", "حقوق النشر", "تابعنا", "تابعونا", "اشترك في",
        "النشره البريديه", "الوسوم", "كلمات مفتاحيه", "كلمات دلاليه", "عاجل", "اخر الاخبار", "الرئيسيه", "سياسه الخصوصيه",
        "من نحن", "اتصل بنا", "سعر صرف", "الدولار الامريكي", "الاخبار العاجله", "شريط الاخبار", "المزيد من الاخبار",
        "المشاركات الشائعه", "التسميات", "نشر بواسطه", "رساله احدث", "رساله اقدم", "اعلان", "تعليقات",
    ]

    static let skippedTags: Set<String> = ["script", "style", "noscript", "template", "svg", "iframe", "form", "button", "select",
                                           "textarea", "head", "input", "option", "figure", "figcaption", "img", "video", "audio",
                                           "picture", "canvas", "object", "embed", "title", "meta", "link"]
    static let blockTags: Set<String> = ["p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "td", "th", "tr", "table",
                                         "blockquote", "section", "article", "header", "footer", "nav", "aside", "main", "pre",
                                         "dd", "dt", "dl", "address", "body", "html", "hr", "center", "menu", "details", "summary"]
    /// Elements that only group blocks (a paragraph's score goes to the box holding it).
    static let containerTags: Set<String> = ["div", "section", "article", "main", "body", "td", "blockquote"]
    static let headingTags: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]
    static let boilerplateTags: Set<String> = ["nav", "footer", "aside", "menu", "header"]
    static let boilerplateNames: Set<String> = [
        "menu", "nav", "navbar", "navigation", "footer", "sidebar", "widget", "widgets", "comment", "comments", "share", "sharing",
        "social", "related", "ticker", "breaking", "breadcrumb", "breadcrumbs", "tags", "tag", "advert", "ads", "ad", "banner",
        "newsletter", "subscribe", "cookie", "popular", "trending", "mostread", "login", "search", "pagination", "pager",
        "prayer", "currency", "weather", "copyright", "meta", "byline", "author", "header", "masthead", "topbar", "promo",
        "sponsored", "recommended", "more", "readmore", "toolbar", "print", "rating", "caption", "complementary", "contentinfo",
        "navigation", "dialog", "date", "timestamp",
    ]
    static let contentNames: Set<String> = ["article", "content", "entry", "post", "story", "body", "text", "main", "details",
                                            "field", "item", "news", "single", "articlebody"]
}

extension String {
    /// The string without spaces (to read inline styles such as `display: none`).
    func replacingSpaces() -> String { String(filter { $0 != " " }).lowercased() }
}
