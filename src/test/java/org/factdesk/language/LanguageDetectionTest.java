package org.factdesk.language;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class LanguageDetectionTest {

    @Inject
    LanguageDetection languages;

    @Test
    void tellsTheDesksLanguagesApartFromOneSentence() {
        assertEquals(Optional.of("en"), languages.detect("Road spending in the city doubled since 2020, the council said."));
        assertEquals(Optional.of("es"), languages.detect("El gasto en carreteras de la ciudad se duplicó desde 2020, según el ayuntamiento."));
        assertEquals(Optional.of("fr"), languages.detect("Les dépenses routières de la ville ont doublé depuis 2020, selon la mairie."));
        assertEquals(Optional.of("de"), languages.detect("Die Ausgaben für Straßen haben sich seit 2020 verdoppelt, sagte die Stadt."));
    }

    @Test
    void aMadeUpNameDoesNotHideTheLanguageOfAFullSentence() {
        Random random = new Random(3);
        for (int i = 0; i < 50; i++) {
            String name = random.ints(8, 'a', 'z' + 1).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
            String text = "Según el informe de la auditoría municipal, el puente-" + name
                    + " costó treinta millones de euros más de lo que se había previsto.";
            assertEquals(Optional.of("es"), languages.detect(text), text);
        }
    }

    @Test
    void givesNoAnswerRatherThanAGuess() {
        assertEquals(Optional.empty(), languages.detect("OK"));
        assertEquals(Optional.empty(), languages.detect("   "));
        assertEquals(Optional.empty(), languages.detect(null));
    }

    @Test
    void readsOnlyTheBeginningOfALongText() {
        String spanish = "El ayuntamiento aprobó el presupuesto después de un largo debate sobre carreteras y escuelas. ";
        String english = "The council approved the budget after a long debate about roads and schools. ";
        assertEquals(Optional.of("es"), languages.detect(spanish.repeat(40) + english.repeat(5_000)));
    }

    @Test
    void theModelsReadEnglishInAnyRegion() {
        assertTrue(LanguageDetection.modelsRead("en") && LanguageDetection.modelsRead("en-GB") && LanguageDetection.modelsRead(null));
        assertFalse(LanguageDetection.modelsRead("es") || LanguageDetection.modelsRead("eng-x"));
    }
}
