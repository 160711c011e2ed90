package org.factdesk.tip;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of the public tip pages, in English; other languages in
 * {@code src/main/resources/messages/tipmsg_<language>.properties} (Quarkus checks at build time that
 * each names only keys that exist here). A language is offered once its file is there and it is
 * listed in {@link TipLanguages#OFFERED}.
 */
@MessageBundle(value = "tipmsg", locale = "en")
public interface TipMessages {

    @Message("Send us a claim to check")
    String formTitle();

    @Message("Seen or heard something you doubt? Tell us what it says and where you saw it. You need no account.")
    String formIntro();

    @Message("Language of these pages")
    String pageLanguages();

    @Message("What do you want us to check?")
    String textLabel();

    @Message("The claim in your own words, or copied as it is (at most {max} characters).")
    String textHint(int max);

    @Message("Links (optional)")
    String linksLabel();

    @Message("Where you saw it: one web address per line, at most {max}.")
    String linksHint(int max);

    @Message("Language of the claim (optional)")
    String languageLabel();

    @Message("Not sure")
    String languageUnknown();

    @Message("Your e-mail address (optional)")
    String contactLabel();

    @Message("Only if you want us to tell you the answer. We never publish it, and we delete it after the answer.")
    String contactHint();

    @Message("Yes, e-mail me the answer, and keep my address until then.")
    String consentLabel();

    @Message("Leave this field empty: it is for robots only.")
    String honeypotLabel();

    @Message("Send")
    String submit();

    @Message("Your tip was not sent. Please correct the following:")
    String errorSummary();

    @Message("Write what you want us to check, in at most {max} characters.")
    String errorText(int max);

    @Message("Give at most {max} links, each a full web address starting with http:// or https://.")
    String errorLinks(int max);

    @Message("Choose a language from the list.")
    String errorLanguage();

    @Message("Give a valid e-mail address, or leave it empty.")
    String errorContact();

    @Message("Tick the box so that we may keep your address, or leave the address empty.")
    String errorConsent();

    @Message("This tip looks automated and was not sent. Leave the field for robots empty.")
    String errorHoneypot();

    @Message("Too many tips came from your connection. Please try again in {minutes} minutes.")
    String errorTooMany(long minutes);

    @Message("We are receiving too many tips right now. Please try again in {minutes} minutes.")
    String errorTooManyEveryone(long minutes);

    @Message("Thank you: we received your tip")
    String receiptTitle();

    @Message("Keep this link to see where your tip stands. It is the only way to follow it: we cannot show it to you again.")
    String receiptKeep();

    @Message("Where my tip stands")
    String receiptLink();

    @Message("Your tip")
    String statusTitle();

    @Message("Received: it is waiting for our team.")
    String stageReceived();

    @Message("Being checked.")
    String stageBeingChecked();

    @Message("Answered.")
    String stageAnswered();

    @Message("Not taken up: we will not check this one.")
    String stageNotTakenUp();

    @Message("Since {date}.")
    String stageSince(String date);

    @Message("Read our fact-check")
    String answerLink();

    @Message("Tip not found")
    String notFoundTitle();

    @Message("There is no tip at this address. Check that you copied the whole link.")
    String notFoundText();

    @Message("Send another tip")
    String sendAnother();
}
