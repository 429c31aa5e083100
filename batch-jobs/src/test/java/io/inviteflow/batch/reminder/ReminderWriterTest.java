package io.inviteflow.batch.reminder;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.batch.item.Chunk;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
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
        when(ledger.claimAll(anyList(), anyLong())).thenAnswer(call -> java.util.Collections.nCopies(
                ((List<?>) call.getArgument(0)).size(), ReminderDeliveries.Claim.CLAIMED));
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
        verify(ledger).markAllSent(List.of(first, third));
        verify(ledger).markFailed(eq(second), anyString());
    }

    @Test
    void aConnectionThatFailsToCloseAfterEveryMailWasAcceptedLeavesThemSent() throws Exception {
        doAnswer(call -> {
            throw new MailSendException("Failed to close server connection after message sending",
                    new MessagingException("421 closing"));
        }).when(mail).send(any(MimeMessage[].class));

        writer.write(new Chunk<>(first, second, third));
        verify(ledger).markAllSent(List.of(first, second, third));
        verify(ledger, never()).markFailed(any(), anyString());
    }

    @Test
    void whenTheLedgerCannotClaimNothingGoesOut() {
        when(ledger.claimAll(anyList(), anyLong())).thenThrow(new IllegalStateException("database gone"));

        assertThatThrownBy(() -> writer.write(new Chunk<>(first, second, third)))
                .isInstanceOf(IllegalStateException.class);
        verify(mail, never()).send(any(MimeMessage[].class));
        verify(ledger, never()).markAllSent(any()); // the claims were one transaction: none of them stands
    }

    @Test
    void aMailAlreadySentOrInDoubtIsNotSentAgain() {
        when(ledger.claimAll(anyList(), anyLong())).thenReturn(List.of(ReminderDeliveries.Claim.CLAIMED,
                ReminderDeliveries.Claim.DONE, ReminderDeliveries.Claim.IN_DOUBT));
        java.util.List<Integer> sent = new java.util.ArrayList<>();
        doAnswer(call -> {
            sent.add(call.getArguments().length);
            return null;
        }).when(mail).send(any(MimeMessage[].class));

        writer.write(new Chunk<>(first, second, third));
        assertThat(sent).containsExactly(1);
        verify(ledger).markAllSent(List.of(first));
    }

    @Test
    void whenMarkingFailsAfterTheConversationWhatWasHandedOverStaysInDoubt() {
        doAnswer(call -> null).when(mail).send(any(MimeMessage[].class));
        doAnswer(call -> {
            throw new IllegalStateException("database gone");
        }).when(ledger).markAllSent(any());

        assertThatThrownBy(() -> writer.write(new Chunk<>(first, second, third)))
                .isInstanceOf(IllegalStateException.class);
        // the server accepted them all: they stay claimed (in doubt), never failed, so never sent again
        verify(ledger, never()).markFailed(any(), anyString());
    }

    private static Reminder reminder(String who) {
        return new Reminder("campaign/" + UUID.randomUUID() + "/email", UUID.randomUUID(), UUID.randomUUID(),
                who + "@example.org", who, "Hello " + who, "Text", "<p>Html</p>");
    }
}
