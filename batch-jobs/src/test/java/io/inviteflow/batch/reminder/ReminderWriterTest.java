package io.inviteflow.batch.reminder;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.batch.item.Chunk;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;

import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * What the delivery ledger records for a group of mails sent over one connection, whatever the mail server or the
 * ledger does midway: each mail ends sent (not to be sent again) or failed (to be sent again) by what is known of it.
 */
class ReminderWriterTest {

    private final ReminderDeliveries ledger = mock(ReminderDeliveries.class);
    private final JavaMailSender mail = mock(JavaMailSender.class);
    private final Reminder first = reminder("first");
    private final Reminder second = reminder("second");
    private final Reminder third = reminder("third");
    private final ReminderWriter writer;

    ReminderWriterTest() throws Exception {
        when(mail.createMimeMessage()).thenAnswer(call -> new MimeMessage(Session.getInstance(new Properties())));
        when(ledger.claim(any(), anyLong())).thenReturn(ReminderDeliveries.Claim.CLAIMED);
        // one group: the three mails go over one connection
        writer = new ReminderWriter(ledger, mail, mock(ReminderActivities.class),
                new InternetAddress("from@example.org"), 7, new MailSends(1));
    }

    @Test
    void aMailTheServerRefusedIsFailedAndTheOthersAreSent() {
        doAnswer(call -> {
            Object secondMail = call.getArguments()[1]; // Mockito spreads the varargs
            throw new MailSendException(Map.of(secondMail, new MessagingException("550 mailbox unavailable")));
        }).when(mail).send(any(MimeMessage[].class));

        assertThatThrownBy(() -> writer.write(new Chunk<>(first, second, third)))
                .isInstanceOf(MailSendException.class);
        verify(ledger).markSent(first);
        verify(ledger).markSent(third);
        verify(ledger).markFailed(eq(second), anyString());
        verify(ledger, never()).markSent(second);
    }

    @Test
    void aConnectionThatFailsToCloseAfterEveryMailWasAcceptedLeavesThemSent() throws Exception {
        doAnswer(call -> {
            throw new MailSendException("Failed to close server connection after message sending",
                    new MessagingException("421 closing"));
        }).when(mail).send(any(MimeMessage[].class));

        writer.write(new Chunk<>(first, second, third));
        verify(ledger).markSent(first);
        verify(ledger).markSent(second);
        verify(ledger).markSent(third);
        verify(ledger, never()).markFailed(any(), anyString());
    }

    @Test
    void whenTheLedgerFailsBeforeAnythingWentOutTheClaimsGoBackToFailed() {
        when(ledger.claim(eq(second), anyLong())).thenThrow(new IllegalStateException("database gone"));

        assertThatThrownBy(() -> writer.write(new Chunk<>(first, second, third)))
                .isInstanceOf(IllegalStateException.class);
        verify(mail, never()).send(any(MimeMessage[].class));
        verify(ledger).markFailed(eq(first), anyString()); // claimed, never sent: a later run sends it
        verify(ledger, never()).markSent(any());
    }

    @Test
    void whenMarkingFailsAfterTheConversationWhatWasHandedOverStaysInDoubt() {
        doAnswer(call -> null).when(mail).send(any(MimeMessage[].class));
        doAnswer(call -> {
            throw new IllegalStateException("database gone");
        }).when(ledger).markSent(second);

        assertThatThrownBy(() -> writer.write(new Chunk<>(first, second, third)))
                .isInstanceOf(IllegalStateException.class);
        verify(ledger).markSent(first);
        // second and third were accepted by the server: never failed, so never sent again
        verify(ledger, never()).markFailed(any(), anyString());
    }

    private static Reminder reminder(String who) {
        return new Reminder("campaign/" + UUID.randomUUID() + "/email", UUID.randomUUID(), UUID.randomUUID(),
                who + "@example.org", who, "Hello " + who, "Text", "<p>Html</p>");
    }
}
