package org.factdesk.publishing;

import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import jakarta.inject.Singleton;
import org.jdom2.Element;
import org.jdom2.Namespace;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/** Atom 1.0 and RSS 2.0, written by ROME from one model; RSS carries its paging links as atom:link. */
abstract class XmlFeed extends FeedWriter {

    private static final Namespace ATOM = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");
    /** Characters XML 1.0 cannot carry, which text from the wild sometimes contains. */
    private static final String XML_ILLEGAL = "[^\\x09\\x0A\\x0D\\x20-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]";

    /** ROME's name of the format. */
    private final String type;

    XmlFeed(String format, String mediaType, String file, String type) {
        super(format, mediaType, file);
        this.type = type;
    }

    @Singleton
    static class Atom extends XmlFeed {
        Atom() {
            super("atom", "application/atom+xml", "atom.xml", "atom_1.0");
        }
    }

    @Singleton
    static class Rss extends XmlFeed {
        Rss() {
            super("rss", "application/rss+xml", "rss.xml", "rss_2.0");
        }
    }

    @Override
    String write(FeedService.FeedPage page, FeedQuery query) {
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(type);
        feed.setTitle(clean(feedTitle()));
        feed.setDescription("Published fact-checks, newest first");
        feed.setLink(config.publisher().baseUrl() + "/");
        feed.setUri(url(query, 0));
        feed.setLanguage(language(query));
        page.items().stream().findFirst().ifPresent(first -> feed.setPublishedDate(Date.from(first.updated())));
        List<SyndLink> links = new ArrayList<>();
        List<Element> rssLinks = new ArrayList<>();
        addLink(links, rssLinks, "self", self(query));
        addLink(links, rssLinks, "first", url(query, 0));
        if (query.page > 0) { // pages reached by cursor have no previous: the cursor only runs forward
            addLink(links, rssLinks, "previous", url(query, query.page - 1));
        }
        if (page.hasNext()) {
            addLink(links, rssLinks, "next", next(query, page));
        }
        if (type.startsWith("atom")) {
            feed.setLinks(links);
        } else {
            feed.setForeignMarkup(rssLinks);
        }
        List<SyndEntry> entries = new ArrayList<>();
        for (PublishedFactCheck fc : page.items()) {
            entries.add(entry(fc));
        }
        feed.setEntries(entries);
        try {
            return new SyndFeedOutput().outputString(feed);
        } catch (FeedException e) {
            throw new IllegalStateException("Could not write the " + type + " feed", e);
        }
    }

    private SyndEntry entry(PublishedFactCheck fc) {
        SyndEntry entry = new SyndEntryImpl();
        entry.setUri(claimReview.pageUrl(fc));
        entry.setLink(claimReview.pageUrl(fc));
        entry.setTitle(clean(title(fc)));
        entry.setAuthor(clean(config.publisher().name()));
        entry.setPublishedDate(Date.from(fc.firstPublished()));
        entry.setUpdatedDate(Date.from(fc.updated()));
        SyndContentImpl description = new SyndContentImpl();
        description.setType("text/plain");
        description.setValue(clean(text(fc)));
        entry.setDescription(description);
        List<SyndCategory> categories = new ArrayList<>();
        for (String topic : fc.topics()) {
            SyndCategoryImpl category = new SyndCategoryImpl();
            category.setName(clean(topic));
            categories.add(category);
        }
        entry.setCategories(categories);
        if (fc.language() != null) {
            // dc:language: each entry in the language of its published claim
            entry.getModules().stream().filter(DCModule.class::isInstance).map(DCModule.class::cast).findFirst()
                    .ifPresent(dc -> dc.setLanguage(clean(fc.language())));
        }
        return entry;
    }

    private static void addLink(List<SyndLink> atomLinks, List<Element> rssLinks, String rel, String href) {
        SyndLinkImpl link = new SyndLinkImpl();
        link.setRel(rel);
        link.setHref(href);
        atomLinks.add(link);
        rssLinks.add(new Element("link", ATOM).setAttribute("rel", rel).setAttribute("href", href));
    }

    private static String clean(String text) {
        return text == null ? null : text.replaceAll(XML_ILLEGAL, "");
    }
}
