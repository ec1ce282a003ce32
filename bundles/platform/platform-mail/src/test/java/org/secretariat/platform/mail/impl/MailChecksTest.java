package org.secretariat.platform.mail.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.secretariat.platform.api.mail.Mail;

class MailChecksTest {

    private static Mail mail(String key, String to, String toName, String subject) {
        return new Mail(key, "meetings", "registration-ack", "fr", to, toName, subject, "Bonjour", null);
    }

    @Test
    void plainAddressesAreAccepted() {
        for (String address : List.of("focal.point@mfa.gov.example", "a+b@un.org", "o'brien@example.ie", "x@sub.domain.example.org")) {
            assertEquals(address, MailChecks.address(address));
        }
        assertEquals("delegate@example.org", MailChecks.address("  delegate@example.org "));
    }

    @Test
    void anythingButOnePlainAddressIsRefused() {
        for (String address : List.of("", "  ", "delegate", "delegate@", "@example.org", "delegate@localhost", "two@example.org, three@example.org",
                "Name <delegate@example.org>", "delegate@example.org (comment)", "group: a@example.org;", "a b@example.org",
                "delegate@example..org", "delegate@.example.org", "delegate@example.org.", "delegate@exa mple.org",
                "delegate@example.org\r\nBcc: other@example.org", "x".repeat(250) + "@example.org")) {
            assertThrows(IllegalArgumentException.class, () -> MailChecks.address(address), address);
        }
        assertThrows(IllegalArgumentException.class, () -> MailChecks.address(null));
    }

    @Test
    void keysAreLettersDigitsAndFewSigns() {
        assertEquals("meetings:registration-ack:412", MailChecks.key("meetings:registration-ack:412"));
        assertEquals("contacts:mailing_7.person-12", MailChecks.key("contacts:mailing_7.person-12"));
        for (String key : List.of("", "with space", "slash/key", "é", "k".repeat(201), "line\nbreak")) {
            assertThrows(IllegalArgumentException.class, () -> MailChecks.key(key), key);
        }
        assertThrows(IllegalArgumentException.class, () -> MailChecks.key(null));
    }

    @Test
    void headersCannotBeInjectedThroughTheSubjectOrTheName() {
        assertThrows(IllegalArgumentException.class, () -> MailChecks.checked(mail("k:1", "a@example.org", null, "Hello\r\nBcc: x@example.org")));
        assertThrows(IllegalArgumentException.class, () -> MailChecks.checked(mail("k:1", "a@example.org", "Name\nBcc: x@example.org", "Hello")));
        assertThrows(IllegalArgumentException.class, () -> MailChecks.checked(mail("k:1", "a@example.org", null, " ")));
        assertThrows(IllegalArgumentException.class, () -> MailChecks.checked(mail("k:1", "a@example.org", null, "s".repeat(501))));
    }

    @Test
    void moduleTemplateAndLanguageAreNames() {
        assertThrows(IllegalArgumentException.class,
                () -> MailChecks.checked(new Mail("k:1", "Meetings!", "ack", "fr", "a@example.org", null, "S", "T", null)));
        assertThrows(IllegalArgumentException.class,
                () -> MailChecks.checked(new Mail("k:1", "meetings", "../ack", "fr", "a@example.org", null, "S", "T", null)));
        assertThrows(IllegalArgumentException.class,
                () -> MailChecks.checked(new Mail("k:1", "meetings", "ack", "French", "a@example.org", null, "S", "T", null)));
    }

    @Test
    void theCheckedMessageIsTrimmedAndBlankPartsDropped() {
        Mail checked = MailChecks.checked(new Mail("k:1", "meetings", "ack", "fr", " a@example.org ", " ", " Objet ", "T", " "));
        assertEquals("a@example.org", checked.to());
        assertNull(checked.toName());
        assertEquals("Objet", checked.subject());
        assertNull(checked.html());
    }
}
