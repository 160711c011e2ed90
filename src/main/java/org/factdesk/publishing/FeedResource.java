package org.factdesk.publishing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rometools.rome.feed.module.DCModule;
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
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.jdom2.Element;
import org.jdom2.Namespace;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Supplier;
import org.factdesk.common.FactdeskConfig;

/**
 * Public feeds of published verdicts: ClaimReview DataFeed, Atom 1.0, RSS 2.0 and JSON Feed 1.1.
 * Newest change first, paginated with paging links, filterable; corrections update their entry,
 * retractions show as such. Conditional requests get 304.
 */
@Path("/feeds")
@PermitAll
public class FeedResource {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Namespace ATOM = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");
    /** Characters XML 1.0 cannot carry, which text from the wild sometimes contains. */
    private static final java.util.regex.Pattern LANGUAGE_TAG = java.util.regex.Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*");
    private static final String XML_ILLEGAL = "[^\\x09\\x0A\\x0D\\x20-\\uD7FF\\uE000-\\uFFFD\\x{10000}-\\x{10FFFF}]";

    @Inject
    FeedService feeds;

    @Inject
    FeedCache rendered;

    @Inject
    ClaimReviewJsonLd claimReview;

    @Inject
    FactdeskConfig config;

    @GET
    @Path("claimreview.json")
    public Response claimReviewFeed(@Valid @BeanParam FeedQuery query, @Context Request request) {
        return conditional("claimreview", "application/ld+json", query, request, () -> {
            FeedService.FeedPage page = feeds.page(query);
            ObjectNode feed = JSON.createObjectNode();
            feed.put("@context", "https://schema.org");
            feed.put("@type", "DataFeed");
            feed.put("name", config.publisher().name() + " fact-checks");
            feed.put("url", self("claimreview.json", query));
            page.items().stream().findFirst().ifPresent(first -> feed.put("dateModified", first.updated().toString()));
            ArrayNode elements = feed.putArray("dataFeedElement");
            page.items().forEach(fc -> {
                ObjectNode element = claimReview.of(fc);
                element.remove("@context");
                elements.add(element);
            });
            if (page.hasNext()) {
                feed.put("nextUrl", next("claimreview.json", query, page));
            }
            return write(feed);
        });
    }

    @GET
    @Path("feed.json")
    public Response jsonFeed(@Valid @BeanParam FeedQuery query, @Context Request request) {
        return conditional("jsonfeed", "application/feed+json", query, request, () -> {
            FeedService.FeedPage page = feeds.page(query);
            ObjectNode feed = JSON.createObjectNode();
            feed.put("version", "https://jsonfeed.org/version/1.1");
            feed.put("title", config.publisher().name() + " fact-checks");
            feed.put("home_page_url", config.publisher().baseUrl() + "/");
            feed.put("feed_url", self("feed.json", query));
            if (page.hasNext()) {
                feed.put("next_url", next("feed.json", query, page));
            }
            feed.put("language", language(query));
            ArrayNode items = feed.putArray("items");
            for (PublishedFactCheck fc : page.items()) {
                ObjectNode item = items.addObject();
                item.put("id", claimReview.pageUrl(fc));
                item.put("url", claimReview.pageUrl(fc));
                item.put("title", title(fc));
                item.put("content_text", text(fc));
                item.put("summary", fc.retraction() != null ? "Retracted" : fc.rating().label() + ": " + fc.claimText());
                item.put("date_published", fc.firstPublished().toString());
                item.put("date_modified", fc.updated().toString());
                item.put("language", fc.language());
                ArrayNode tags = item.putArray("tags");
                fc.topics().forEach(tags::add);
                item.putObject("_factdesk").put("rating", fc.rating().label()).put("retracted", fc.retraction() != null)
                        .put("corrections", fc.corrections().size());
            }
            return write(feed);
        });
    }

    @GET
    @Path("atom.xml")
    public Response atom(@Valid @BeanParam FeedQuery query, @Context Request request) {
        return conditional("atom", "application/atom+xml", query, request, () -> xml("atom_1.0", "atom.xml", query));
    }

    @GET
    @Path("rss.xml")
    public Response rss(@Valid @BeanParam FeedQuery query, @Context Request request) {
        return conditional("rss", "application/rss+xml", query, request, () -> xml("rss_2.0", "rss.xml", query));
    }

    private String xml(String type, String file, FeedQuery query) {
        FeedService.FeedPage page = feeds.page(query);
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(type);
        feed.setTitle(clean(config.publisher().name() + " fact-checks"));
        feed.setDescription("Published fact-checks, newest first");
        feed.setLink(config.publisher().baseUrl() + "/");
        feed.setUri(url(file, query, 0));
        feed.setLanguage(language(query));
        page.items().stream().findFirst().ifPresent(first -> feed.setPublishedDate(Date.from(first.updated())));
        List<SyndLink> links = new ArrayList<>();
        List<Element> rssLinks = new ArrayList<>();
        addLink(links, rssLinks, "self", self(file, query));
        addLink(links, rssLinks, "first", url(file, query, 0));
        if (query.page > 0) { // pages reached by cursor have no previous: the cursor only runs forward
            addLink(links, rssLinks, "previous", url(file, query, query.page - 1));
        }
        if (page.hasNext()) {
            addLink(links, rssLinks, "next", next(file, query, page));
        }
        if (type.startsWith("atom")) {
            feed.setLinks(links);
        } else {
            feed.setForeignMarkup(rssLinks);
        }
        List<SyndEntry> entries = new ArrayList<>();
        for (PublishedFactCheck fc : page.items()) {
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
            List<com.rometools.rome.feed.synd.SyndCategory> categories = new ArrayList<>();
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
            entries.add(entry);
        }
        feed.setEntries(entries);
        try {
            return new SyndFeedOutput().outputString(feed);
        } catch (FeedException e) {
            throw new IllegalStateException("Could not write the " + type + " feed", e);
        }
    }

    private static void addLink(List<SyndLink> atomLinks, List<Element> rssLinks, String rel, String href) {
        SyndLinkImpl link = new SyndLinkImpl();
        link.setRel(rel);
        link.setHref(href);
        atomLinks.add(link);
        rssLinks.add(new Element("link", ATOM).setAttribute("rel", rel).setAttribute("href", href));
    }

    private Response conditional(String format, String mediaType, FeedQuery query, Request request, Supplier<String> body) {
        FeedService.Version version = feeds.version(format, query);
        EntityTag etag = new EntityTag(version.etag());
        Date lastModified = Date.from(version.lastModified().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        CacheControl cache = new CacheControl();
        cache.setMaxAge(60);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(lastModified, etag);
        if (notModified != null) {
            return notModified.cacheControl(cache).tag(etag).lastModified(lastModified).build();
        }
        return Response.ok(rendered.get(format + " " + version.etag(), body), mediaType + "; charset=utf-8").tag(etag).lastModified(lastModified)
                .cacheControl(cache).build();
    }

    private static String title(PublishedFactCheck fc) {
        return fc.retraction() != null ? "Retracted: " + fc.headline() : fc.headline();
    }

    /** The entry's text: the claim and the verdict, the retraction notice, and any corrections. */
    private static String text(PublishedFactCheck fc) {
        StringBuilder text = new StringBuilder("Claim: ").append(fc.claimText());
        if (fc.claimant() != null) {
            text.append(" (").append(fc.claimant()).append(')');
        }
        if (fc.retraction() != null) {
            text.append("\nThis fact-check has been retracted: ").append(fc.retraction().reason());
        } else {
            text.append("\nRating: ").append(fc.rating().label()).append("\n").append(fc.summary());
        }
        for (PublishedFactCheck.Correction correction : fc.corrections()) {
            text.append("\nCorrection (").append(correction.publishedAt()).append("): ").append(correction.note());
        }
        return text.toString();
    }

    /** A feed filtered by language is in that language; any other in the desk's (factdesk.publisher.language). */
    private String language(FeedQuery query) {
        return query.language != null && LANGUAGE_TAG.matcher(query.language).matches() ? query.language : config.publisher().language();
    }

    private String url(String file, FeedQuery query, int page) {
        return config.publisher().baseUrl() + "/feeds/" + file + query.queryAt(page);
    }

    private String self(String file, FeedQuery query) {
        return config.publisher().baseUrl() + "/feeds/" + file + query.self();
    }

    /** Next links page by key: as cheap at the archive's end as at its start, and stable while entries are added. */
    private String next(String file, FeedQuery query, FeedService.FeedPage page) {
        return config.publisher().baseUrl() + "/feeds/" + file + query.queryAfter(page.next());
    }

    private static String clean(String text) {
        return text == null ? null : text.replaceAll(XML_ILLEGAL, "");
    }

    private static String write(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
