package org.factdesk.tip;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import org.factdesk.common.HttpUrl;
import org.factdesk.common.Limits;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.nibor.autolink.LinkExtractor;
import org.nibor.autolink.LinkType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A mail to the desk's tip address, read as a tip: the subject and the plain text (an HTML-only mail's
 * text as jsoup reads it), cut to {@link TipInput#TEXT_MAX}; the http(s) links in it; the sender's
 * address as the contact, with consent, since whoever writes to the desk expects an answer by mail.
 * Attachments are not kept (media are out of scope). Only the parts read are fetched from the server.
 */
final class MailTip {

    /** A message that is no tip: moved aside, never read again. The reason names no sender. */
    static final class Unusable extends Exception {
        Unusable(String reason) {
            super(reason);
        }
    }

    /** How much of a text part is read (a tip is at most 5,000 characters; HTML takes more). */
    static final int PART_MAX_BYTES = 1_048_576;
    /** How deep multiparts are followed, and how many parts are looked at: a crafted mail stays cheap. */
    static final int DEPTH_MAX = 8;
    static final int PARTS_MAX = 64;

    private static final LinkExtractor LINKS = LinkExtractor.builder().linkTypes(EnumSet.of(LinkType.URL)).build();
    private static final HttpUrl.Validator HTTP_URL = new HttpUrl.Validator();

    private MailTip() {
    }

    /** The tip a mail carries, and the id that makes it one tip however often the mail is read. */
    record Read(TipInput input, String messageId) {
    }

    static Read read(Message message, String fallbackId) throws MessagingException, IOException, Unusable {
        String[] autoSubmitted = message.getHeader("Auto-Submitted");
        if (autoSubmitted != null && !autoSubmitted[0].trim().equalsIgnoreCase("no")) {
            // out-of-office replies and bounces, often to the desk's own answers: answering them would loop
            throw new Unusable("an automatic message (Auto-Submitted)");
        }
        Body body = new Body();
        body.collect(message, 0);
        String subject = clean(message.getSubject());
        String text = clean(body.text());
        String whole = subject.isEmpty() ? text : text.isEmpty() ? subject : subject + "\n\n" + text;
        if (whole.isEmpty()) {
            throw new Unusable("no text");
        }
        String tipText = cut(whole, TipInput.TEXT_MAX);
        Set<String> links = new LinkedHashSet<>();
        LINKS.extractLinks(tipText).forEach(span -> links.add(tipText.substring(span.getBeginIndex(), span.getEndIndex())));
        links.addAll(body.hrefs);
        List<String> kept = links.stream().filter(link -> link.length() <= HttpUrl.MAX_LENGTH && HTTP_URL.isValid(link, null))
                .limit(TipInput.LINKS_MAX).toList();
        String contact = sender(message);
        String[] ids = message.getHeader("Message-ID");
        String messageId = ids != null && !ids[0].isBlank() ? ids[0].trim() : fallbackId;
        return new Read(new TipInput(TipChannel.EMAIL, tipText, kept, language(message), contact, contact != null), messageId);
    }

    /** The From address if it is one (else the tip is kept without a way to answer). */
    private static String sender(Message message) throws MessagingException {
        Address[] from;
        try {
            from = message.getFrom();
        } catch (AddressException e) {
            return null;
        }
        if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress address) || address.getAddress() == null) {
            return null;
        }
        String mail = address.getAddress().trim();
        try {
            new InternetAddress(mail, true).validate();
        } catch (AddressException e) {
            return null;
        }
        return mail.length() <= TipInput.CONTACT_MAX && mail.indexOf('@') > 0 ? mail : null;
    }

    /** The mail's Content-Language, if it is one tag the desk takes. */
    private static String language(Message message) throws MessagingException {
        String[] languages = message.getHeader("Content-Language");
        if (languages == null) {
            return null;
        }
        String tag = languages[0].trim();
        return tag.length() <= Limits.LANGUAGE_TAG_MAX && tag.matches(Limits.LANGUAGE_TAG) ? tag : null;
    }

    /** The first plain-text part that is no attachment, else the first HTML part's text; the HTML's links. */
    private static final class Body {
        String plain;
        String html;
        final List<String> hrefs = new ArrayList<>();
        int parts;

        void collect(Part part, int depth) throws MessagingException, IOException {
            if (++parts > PARTS_MAX || depth > DEPTH_MAX || Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                return;
            }
            if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount() && parts <= PARTS_MAX; i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    collect(child, depth + 1);
                }
                return;
            }
            if (plain == null && part.isMimeType("text/plain")) {
                plain = partText(part);
            } else if (html == null && part.isMimeType("text/html")) {
                Document document = Jsoup.parse(partText(part));
                document.select("script, style, template, noscript").remove();
                html = document.body().text();
                document.select("a[href]").forEach(a -> hrefs.add(a.attr("href").trim()));
            }
        }

        String text() {
            return plain != null ? plain : html != null ? html : "";
        }
    }

    /**
     * The part's text, of its first {@link #PART_MAX_BYTES} bytes only (the rest is never fetched): a
     * long mail still becomes a tip, of its beginning. Bytes its charset cannot read become U+FFFD; an
     * unknown charset is read as UTF-8.
     */
    private static String partText(Part part) throws MessagingException, IOException {
        Charset charset = StandardCharsets.UTF_8;
        try {
            String name = new ContentType(part.getContentType()).getParameter("charset");
            if (name != null) {
                charset = Charset.forName(MimeUtility.javaCharset(name));
            }
        } catch (ParseException | IllegalArgumentException e) {
            // not a charset Java knows: UTF-8, the likeliest
        }
        try (InputStream in = part.getInputStream()) {
            byte[] bytes = in.readNBytes(PART_MAX_BYTES);
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(bytes)).toString();
        }
    }

    /**
     * Without NUL and other control characters (PostgreSQL cannot store NUL; the rest is noise), line
     * breaks kept, runs of blank lines squeezed.
     */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        String unixLines = text.replace("\r\n", "\n").replace('\r', '\n');
        String printable = unixLines.replaceAll("[\\p{Cntrl}&&[^\n\t]]", "");
        return printable.replaceAll("[ \t]+\n", "\n").replaceAll("\n{3,}", "\n\n").strip();
    }

    /** At most {@code max} characters, never half a surrogate pair. */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end).strip();
    }
}
