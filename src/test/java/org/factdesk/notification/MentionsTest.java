package org.factdesk.notification;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MentionsTest {

    @Test
    void findsUserNamesNotAddressesOrPunctuation() {
        assertEquals(List.of("alice", "bob.smith", "erin_e", "carl-o"),
                List.copyOf(Mentions.in("@Alice, ask @bob.smith. And (@erin_e) or @carl-o- please @alice")));
        assertEquals(List.of(), List.copyOf(Mentions.in("mail bob@example.org or a@@b, or @ alone, or @.")));
        assertEquals(List.of("zoë"), List.copyOf(Mentions.in("\n@Zoë!")));
    }

    @Test
    void atMostTwentyPeoplePerComment() {
        String many = IntStream.range(0, 50).mapToObj(i -> "@user" + i).collect(Collectors.joining(" "));
        assertEquals(Mentions.MAX, Mentions.in(many).size());
        assertEquals("user0", Mentions.in(many).iterator().next());
    }
}
