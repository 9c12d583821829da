#!/usr/bin/env python3
"""Writes the test web pages (page-NN.html) and gold.json from articles.json.

Every text is our own: the 24 short articles of articles.json, and the boilerplate below. Each
article is laid out in one of five page shapes that Arabic news sites use (see README.md here).
Run from this folder: python3 make-pages.py

With `--wikinews FILE --out DIR` it lays out the real articles of a Wikinews corpus file (JSON
Lines with title_plain, text_plain, published; ../shared/corpora/arwikinews-qcri/articles.jsonl)
in the same shapes, into DIR: WebPageQualityTests measures the extraction on them too. Nothing of
that corpus is written into the repository.
"""
import html, json, os, re, sys

def wikinews(path):
    articles = []
    for index, line in enumerate(open(path, encoding="utf-8")):
        record = json.loads(line)
        paragraphs = [p.strip() for p in record["text_plain"].split("\n") if p.strip()]
        if len(paragraphs) < 3:
            # One long paragraph: two sentences a paragraph, as news sites lay out short items.
            sentences = [s.strip() for s in re.split(r"(?<=[.؟!])\s+", " ".join(paragraphs)) if s.strip()]
            paragraphs = [" ".join(sentences[k:k + 2]) for k in range(0, len(sentences), 2)]
        articles.append({"title": record["title_plain"], "outlet": "ويكي الأخبار", "author": "فريق التحرير",
                         "published": (record.get("published") or "2014-01-01")[:10], "slug": f"wikinews-{index}",
                         "paragraphs": paragraphs})
    return articles

ARGS = dict(zip(sys.argv[1::2], sys.argv[2::2]))
ARTICLES = wikinews(ARGS["--wikinews"]) if "--wikinews" in ARGS else json.load(open("articles.json", encoding="utf-8"))
OUT = ARGS.get("--out", ".")
MENU = ["الرئيسية", "أخبار محلية", "عربي ودولي", "اقتصاد", "رياضة", "ثقافة وفنون", "منوعات", "فيديو"]
TICKER = ["عاجل: انطلاق أعمال القمة الاقتصادية في العاصمة بمشاركة عشرين دولة",
          "هيئة الأرصاد تتوقع أجواء باردة وأمطارا متفرقة نهاية الأسبوع",
          "ارتفاع مؤشر البورصة المحلية في ختام تعاملات اليوم"]
PRAYER = [("الفجر", "05:12"), ("الظهر", "11:48"), ("العصر", "14:37"), ("المغرب", "16:58"), ("العشاء", "18:21")]
CURRENCY = [("الدولار الأمريكي", "1.00"), ("اليورو", "1.05"), ("الجنيه الإسترليني", "1.27"), ("الريال السعودي", "0.27")]
COMMENTS = [("أبو علي", "نتمنى أن تتابع الجهات المعنية هذا الموضوع بجدية، فقد سمعنا وعودا كثيرة في السنوات الماضية ولم يتغير شيء على أرض الواقع."),
            ("سلمى", "شكرا للكاتب على هذا التقرير المفصل، وأتمنى أن تنشروا المزيد عن أوضاع القرى البعيدة التي لا يلتفت إليها أحد."),
            ("مواطن", "المشكلة ليست في الخبر بل في غياب المحاسبة، وكل عام نقرأ الكلام نفسه دون نتيجة تذكر.")]
FOOTER = "جميع الحقوق محفوظة © 2024. يمنع نسخ المواد دون إذن مسبق من إدارة الموقع."
NEWSLETTER = "اشترك في النشرة البريدية لتصلك أهم الأخبار كل صباح."

def e(text): return html.escape(text, quote=True)

def domain(index): return f"site{index:02d}.example"

def others(index, count=3):
    return [ARTICLES[(index + k) % len(ARTICLES)] for k in range(1, count + 1)]

def para(article, k):
    """The article's paragraph k, or its last one when it has fewer (for teasers)."""
    return article["paragraphs"][min(k, len(article["paragraphs"]) - 1)]

def menu_ul(cls="menu"):
    return f'<ul class="{cls}">' + "".join(f'<li class="menu-item"><a href="/c/{i}">{e(m)}</a></li>' for i, m in enumerate(MENU)) + "</ul>"

def related(index, heading="مواضيع ذات صلة"):
    items = "".join(f'<div class="related-item"><h4><a href="/news/{o["slug"]}">{e(o["title"])}</a></h4><p>{e(para(o, 0))}</p></div>' for o in others(index))
    return f'<section class="related-posts"><h3>{heading}</h3>{items}</section>'

def comments_block(cls="comments-area"):
    items = "".join(f'<li class="comment"><div class="comment-author">{e(n)}</div><div class="comment-content"><p>{e(t)}</p></div><a class="reply" href="#">رد</a></li>' for n, t in COMMENTS)
    return f'<div id="comments" class="{cls}"><h3 class="comments-title">التعليقات (3)</h3><ol class="comment-list">{items}</ol><h3>أضف تعليقا</h3></div>'

def prayer_widget():
    rows = "".join(f"<tr><td>{n}</td><td>{t}</td></tr>" for n, t in PRAYER)
    return f'<div class="widget prayer-times"><h3 class="widget-title">مواقيت الصلاة</h3><table>{rows}</table></div>'

def currency_widget():
    rows = "".join(f"<tr><td>{n}</td><td>{v}</td></tr>" for n, v in CURRENCY)
    return f'<div class="widget currency"><h3 class="widget-title">أسعار العملات</h3><table>{rows}</table></div>'

def most_read(index, cls="widget most-read"):
    items = "".join(f'<li><a href="/news/{o["slug"]}">{e(o["title"])}</a></li>' for o in others(index, 5))
    return f'<div class="{cls}"><h3>الأكثر قراءة</h3><ol>{items}</ol></div>'

def body_paragraphs(a, index, read_also=True):
    paras = [f"<p>{e(p)}</p>" for p in a["paragraphs"]]
    if read_also:
        o = others(index, 1)[0]
        paras.insert(2, f'<p><strong>اقرأ أيضا:</strong> <a href="/news/{o["slug"]}">{e(o["title"])}</a></p>')
    return "".join(paras)

def wordpress(a, index, url):
    """WordPress news theme: Open Graph, article:published_time, canonical link, ticker, menus,
    entry-content with an inline read-also link, share bar, tags, related posts, comments, sidebar."""
    time = a["published"] + "T09:15:00+03:00"
    return f"""<!DOCTYPE html>
<html dir="rtl" lang="ar"><head><meta charset="UTF-8">
<title>{e(a["title"])} | {e(a["outlet"])}</title>
<meta property="og:title" content="{e(a["title"])}"><meta property="og:site_name" content="{e(a["outlet"])}">
<meta property="og:type" content="article"><meta property="article:published_time" content="{time}">
<link rel="canonical" href="{url}"><meta name="author" content="{e(a["author"])}">
<script>window.dataLayer = window.dataLayer || []; function gtag(){{dataLayer.push(arguments);}}</script>
<style>.menu li {{ display: inline; }}</style></head>
<body class="post-template-default single single-post has-sidebar">
<div id="page" class="site">
<header id="masthead" class="site-header"><div class="site-branding"><a href="/">{e(a["outlet"])}</a></div>
<nav class="main-navigation">{menu_ul()}</nav></header>
<div class="breaking-news-ticker"><span>عاجل</span><ul>{"".join(f"<li><a href='/t/{i}'>{e(t)}</a></li>" for i, t in enumerate(TICKER))}</ul></div>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
<nav class="breadcrumbs"><a href="/">الرئيسية</a> » <a href="/c/1">أخبار محلية</a> » {e(a["title"])}</nav>
<article class="post type-post status-publish">
<header class="entry-header"><h1 class="entry-title">{e(a["title"])}</h1>
<div class="entry-meta"><span class="byline">بقلم <a rel="author" href="/author/1">{e(a["author"])}</a></span> <time class="entry-date" datetime="{time}">{a["published"]}</time></div></header>
<div class="share-buttons"><span>شارك:</span> <a href="#">فيسبوك</a> <a href="#">تويتر</a> <a href="#">واتساب</a></div>
<div class="entry-content">{body_paragraphs(a, index)}</div>
<footer class="entry-footer"><div class="post-tags">الوسوم: <a href="/tag/1">محليات</a> <a href="/tag/2">خدمات</a></div></footer>
</article>
{related(index)}
{comments_block()}
</main></div>
<aside id="secondary" class="widget-area sidebar">{prayer_widget()}{currency_widget()}{most_read(index)}
<div class="widget newsletter"><p>{NEWSLETTER}</p><form><input type="email"><button>اشترك</button></form></div></aside>
</div>
<footer id="colophon" class="site-footer"><p>{FOOTER}</p><ul><li><a href="/about">من نحن</a></li><li><a href="/contact">اتصل بنا</a></li><li><a href="/privacy">سياسة الخصوصية</a></li></ul></footer>
</div></body></html>
"""

def drupal(a, index, url):
    """Drupal 9 site: <title> with the site name, JSON-LD NewsArticle (headline, datePublished,
    publisher, author), og:url, body in field--name-body, views blocks of related and most-read."""
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": a["title"], "datePublished": a["published"] + "T14:30:00+02:00",
          "author": {"@type": "Person", "name": a["author"]}, "publisher": {"@type": "Organization", "name": a["outlet"]}, "mainEntityOfPage": url}
    teasers = "".join(f'<div class="views-row"><div class="views-field-title"><a href="/node/{k}">{e(o["title"])}</a></div><div class="views-field-body">{e(para(o, 1))}</div></div>'
                      for k, o in enumerate(others(index)))
    return f"""<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>{e(a["title"])} | {e(a["outlet"])}</title>
<meta property="og:url" content="{url}">
<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script>
</head><body class="path-node page-node-type-article">
<div class="dialog-off-canvas-main-canvas"><div id="page-wrapper"><div id="page">
<div class="region region-header"><div id="block-sitebranding"><a href="/" rel="home">{e(a["outlet"])}</a></div></div>
<div class="region region-primary-menu"><nav role="navigation" id="block-mainnavigation">{menu_ul("menu nav")}</nav></div>
<div id="main-wrapper" class="layout-main-wrapper"><div id="main" class="layout-main"><div class="region region-content">
<div id="block-pagetitle"><h1 class="page-title"><span>{e(a["title"])}</span></h1></div>
<div class="node node--type-article node--view-mode-full">
<div class="node__meta"><span class="field--name-uid">{e(a["author"])}</span> <span class="field--name-created">{a["published"]}</span></div>
<div class="node__content"><div class="clearfix text-formatted field field--name-body field--type-text-with-summary field--label-hidden field__item">{body_paragraphs(a, index, read_also=False)}</div>
<div class="field field--name-field-tags field__items"><div class="field__item"><a href="/taxonomy/term/3">أخبار</a></div></div></div>
</div>
<div class="block-views block-views-blockrelated"><h2>أخبار ذات صلة</h2><div class="view-content">{teasers}</div></div>
</div></div>
<aside class="layout-sidebar-second" role="complementary">{most_read(index, "block-views most-read")}{currency_widget()}</aside></div>
<footer class="site-footer"><div class="region region-footer"><p>{FOOTER}</p></div></footer>
</div></div></div></body></html>
"""

def custom_plain(a, index, url):
    """A custom CMS of the 2000s: no meaningful class names, tables for layout, a marquee ticker,
    the article as one cell with <br> between paragraphs, <h1>, <time datetime>, canonical link;
    a side column of teasers with long excerpts and no links, and reader comments below."""
    text = "<br><br>\n".join(e(p) for p in a["paragraphs"])
    side = "".join(f'<div class="k3"><b>{e(o["title"])}</b><div>{e(para(o, 0))}</div></div>' for o in others(index))
    comments = "".join(f'<div class="k9"><b>{e(n)}</b><div>{e(t)}</div></div>' for n, t in COMMENTS[:2])
    return f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{e(a["title"])} - {e(a["outlet"])}</title>
<link rel="canonical" href="{url}"></head>
<body><table width="100%"><tr><td class="k1"><a href="/"><img src="/logo.gif" alt="{e(a["outlet"])}"></a></td></tr>
<tr><td class="k2">{" | ".join(f'<a href="/s{i}">{e(m)}</a>' for i, m in enumerate(MENU))}</td></tr>
<tr><td><marquee>{" ... ".join(e(t) for t in TICKER)}</marquee></td></tr></table>
<table width="100%"><tr><td width="70%" valign="top" class="k5">
<h1>{e(a["title"])}</h1><time datetime="{a["published"]}">{a["published"]}</time> — {e(a["author"])}<br>
<div class="k6">{text}</div>
<div class="k7"><a href="/print">طباعة</a> | <a href="/send">إرسال</a></div>
<div class="k8"><b>التعليقات</b>{comments}</div>
</td><td width="30%" valign="top" class="k4"><b>أخبار أخرى</b>{side}
<b>أسعار العملات</b><table>{"".join(f"<tr><td>{n}</td><td>{v}</td></tr>" for n, v in CURRENCY)}</table></td></tr></table>
<div class="k10">{FOOTER}</div></body></html>
"""

def custom_1256(a, index, url):
    """An older Arabic portal in Windows-1256 (declared with http-equiv), Open Graph title and
    site name, og:url, the date only in a «نشر في» line above the text, a most-read box, a
    newsletter promotion and a prayer-times box."""
    day = a["published"].split("-")
    dateline = f"نشر في {day[2]}-{day[1]}-{day[0]} | 10:40"
    paras = "".join(f"<p>{e(p)}</p>" for p in a["paragraphs"])
    return f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html dir="rtl"><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256">
<title>{e(a["outlet"])} :: {e(a["title"])}</title>
<meta property="og:title" content="{e(a["title"])}"><meta property="og:site_name" content="{e(a["outlet"])}"><meta property="og:url" content="{url}">
</head><body><div id="top"><div id="logo">{e(a["outlet"])}</div><div id="mainmenu">{menu_ul("mnu")}</div></div>
<div id="wrap"><div id="col-right">
<div class="newsbox"><h2 class="ntitle">{e(a["title"])}</h2><div class="ndate">{dateline}</div>
<div class="ntext">{paras}</div>
<div class="nshare">شارك الخبر: <a href="#">فيسبوك</a> - <a href="#">تويتر</a></div></div>
<div class="box">{most_read(index, "boxmost")}</div></div>
<div id="col-left">{prayer_widget()}<div class="box"><p>{NEWSLETTER}</p></div></div></div>
<div id="bottom">{FOOTER}</div></body></html>
"""

def portal(a, index, url):
    """A modern portal: JSON-LD @graph (Yoast style) with the publisher, og:title with the site's
    name appended, <article> holding a share bar, the text, a related list at its end and a
    newsletter box; a currency widget beside it."""
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "name": a["outlet"], "url": "https://" + domain(index) + "/"},
        {"@type": "NewsArticle", "headline": a["title"], "datePublished": a["published"] + "T07:05:00Z",
         "dateModified": a["published"] + "T09:00:00Z", "author": [{"@type": "Person", "name": a["author"]}],
         "publisher": {"@type": "NewsMediaOrganization", "name": a["outlet"]}}]}
    rel = "".join(f'<li><a href="/news/{o["slug"]}">{e(o["title"])}</a></li>' for o in others(index))
    return f"""<!doctype html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>{e(a["title"])} - {e(a["outlet"])}</title>
<meta property="og:title" content="{e(a["title"])} - {e(a["outlet"])}"><link rel="canonical" href="{url}">
<script type="application/ld+json">{json.dumps(graph, ensure_ascii=False)}</script>
<script src="/app.js"></script></head>
<body><div class="topbar"><span>{a["published"]}</span> <a href="/login">تسجيل الدخول</a></div>
<header><nav>{menu_ul("nav-links")}</nav></header>
<div class="ticker"><b>شريط الأخبار</b> {" • ".join(e(t) for t in TICKER)}</div>
<div class="container"><div class="row"><div class="col-8">
<article class="story"><h1 class="story-title">{e(a["title"])}</h1>
<div class="story-author">{e(a["author"])} · <time datetime="{a["published"]}T07:05:00Z">منذ ساعتين</time></div>
<div class="social-share"><a href="#">شارك على فيسبوك</a> <a href="#">غرّد</a></div>
<figure><img src="/img/1.jpg"><figcaption>صورة أرشيفية من المكان</figcaption></figure>
<div class="story-body">{body_paragraphs(a, index)}</div>
<div class="story-related"><h3>اقرأ أيضا</h3><ul>{rel}</ul></div>
<div class="newsletter-box"><p>{NEWSLETTER}</p></div>
</article></div>
<div class="col-4">{currency_widget()}{most_read(index, "trending")}</div></div></div>
<footer><p>{FOOTER}</p></footer></body></html>
"""

def split_body(a, index, url):
    """A news site whose text is split in two boxes by an advert, each paragraph in a <div>, the
    lead paragraph above the boxes, an author | date line, Facebook comments and a "more news"
    list; the outlet only in <title> ("headline — site"), the date in microdata."""
    p = a["paragraphs"]
    def paras(items): return "".join(f'<div class="para">{e(x)}</div>' for x in items)
    day = a["published"].split("-")
    months = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]
    more = "".join(f'<li><a href="/n/{o["slug"]}">{e(o["title"])}</a></li>' for o in others(index, 4))
    return f"""<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{e(a["title"])} — {e(a["outlet"])}</title>
<meta name="twitter:title" content="{e(a["title"])}"><meta property="og:url" content="{url}"></head>
<body><div id="wrap"><div class="top-links">{" ".join(f'<a href="/s{i}">{e(m)}</a>' for i, m in enumerate(MENU))}</div>
<div class="article-page" itemscope itemtype="https://schema.org/NewsArticle">
<meta itemprop="datePublished" content="{a["published"]}T11:20:00+03:00">
<h1 class="headline">{e(a["title"])}</h1>
<div class="dateline"><span>{e(a["author"])}</span> | <span>{int(day[2])} {months[int(day[1]) - 1]} {day[0]}</span></div>
<p class="summary">{e(p[0])}</p>
<div class="article-text">{paras(p[1:3])}<div class="ad-slot"><span>إعلان</span></div></div>
<div class="article-text">{paras(p[3:])}</div>
<div class="fb-comments" data-href="{url}"><p>{e(COMMENTS[0][1])}</p></div>
<div class="more-news"><h3>المزيد من الأخبار</h3><ul>{more}</ul></div>
</div></div><div class="copyright">{FOOTER}</div></body></html>
"""

def blogger(a, index, url):
    """A Blogger (Blogspot) post: the text as lines separated by <br> and <div>, the post footer
    with author, date (microdata on <abbr>), share buttons and labels, a comments block of <dl>, a
    sidebar of popular posts with snippets; og:title, og:site_name, canonical link, and <title>
    "blog: headline"."""
    p = [e(x) for x in a["paragraphs"]]
    # Lines between <br>, the middle ones in <div>s, as Blogger's editor leaves them.
    middle = len(p) // 2
    body = "<br /><br />".join(p[:middle]) + "".join(f"<div>{x}</div>" for x in p[middle:-1]) + "<br />" + p[-1]
    popular = "".join(f'<li><div class="item-title"><a href="/p/{o["slug"]}">{e(o["title"])}</a></div><div class="item-snippet">{e(para(o, 0))}</div></li>' for o in others(index))
    comments = "".join(f'<dt class="comment-author">{e(n)} قال...</dt><dd class="comment-body"><p>{e(t)}</p></dd>' for n, t in COMMENTS)
    return f"""<!DOCTYPE html>
<html dir="rtl"><head><meta content="text/html; charset=UTF-8" http-equiv="Content-Type">
<title>{e(a["outlet"])}: {e(a["title"])}</title><link href="{url}" rel="canonical">
<meta content="{e(a["title"])}" property="og:title"><meta content="{e(a["outlet"])}" property="og:site_name"></head>
<body><div class="content-outer"><div class="header-outer"><h1 class="title">{e(a["outlet"])}</h1></div>
<div class="main-outer"><div class="main section" id="main"><div class="post hentry">
<h3 class="post-title entry-title">{e(a["title"])}</h3>
<div class="post-body entry-content" id="post-body-{index}">{body}</div>
<div class="post-footer"><span class="post-author vcard">نشر بواسطة <span class="fn">{e(a["author"])}</span></span>
<abbr class="published" itemprop="datePublished" title="{a["published"]}T08:00:00+01:00">{a["published"]}</abbr>
<div class="post-share-buttons"><a href="#">مشاركة عبر البريد الإلكتروني</a> <a href="#">كتابة مدونة حول هذه المشاركة</a></div>
<span class="post-labels">التسميات: <a href="/l/1">أخبار</a></span></div></div>
<div class="comments" id="comments"><h4>3 تعليقات:</h4><dl id="comments-block">{comments}</dl></div>
<div class="blog-pager"><a href="/newer">رسالة أحدث</a> <a href="/older">رسالة أقدم</a> <a href="/">الصفحة الرئيسية</a></div></div>
<div class="sidebar section" id="sidebar"><div class="widget PopularPosts"><h2>المشاركات الشائعة</h2><ul>{popular}</ul></div></div></div></div></body></html>
"""

SHAPES = [("wordpress", wordpress), ("drupal", drupal), ("custom-table", custom_plain), ("windows-1256", custom_1256), ("portal", portal),
          ("split-body", split_body), ("blogger", blogger)]

gold = []
for index, a in enumerate(ARTICLES):
    shape, make = SHAPES[index % len(SHAPES)]
    url = f"https://{domain(index)}/news/{index + 1000}-{a['slug']}"
    page = make(a, index, url)
    name = f"page-{index + 1:02d}.html"
    encoding = "cp1256" if shape == "windows-1256" else "utf-8"
    open(os.path.join(OUT, name), "wb").write(page.encode(encoding, errors="xmlcharrefreplace"))
    gold.append({"file": name, "shape": shape, "title": a["title"], "outlet": a["outlet"], "published": a["published"],
                 "url": url, "author": a["author"], "paragraphs": a["paragraphs"]})
json.dump(gold, open(os.path.join(OUT, "gold.json"), "w", encoding="utf-8"), ensure_ascii=False, indent=1)
print(f"wrote {len(gold)} pages and gold.json")
