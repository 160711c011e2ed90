package org.factdesk.tip;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words of an answer mail, in English here and in the desk's other languages beside it
 * ({@code messages/tipanswer_es.properties}). No untrusted text goes through these templates: the
 * requester's words and the headline are put on lines of their own by {@link TipAnswerSender}.
 */
@MessageBundle(value = "tipanswer", locale = "en")
public interface TipAnswerText {

    @Message("Hello,")
    String greeting();

    @Message("You asked us about this:")
    String youAsked();

    @Message("The answer to your question")
    String subjectPublished();

    @Message("We have published a fact-check about it:")
    String bodyPublished();

    @Message("The answer to your question was corrected")
    String subjectCorrected();

    @Message("The fact-check was corrected since we wrote to you. Read the corrected version:")
    String bodyCorrected();

    @Message("The answer to your question was retracted")
    String subjectRetracted();

    @Message("The fact-check was retracted. Its page says why:")
    String bodyRetracted();

    @Message("We have checked this already")
    String subjectAuto();

    @Message("We have already published a fact-check about a very similar claim:")
    String bodyAuto();

    @Message("You get this message because you asked to be told the answer. We delete your address {days} days after the final answer.")
    String footer(int days);
}
