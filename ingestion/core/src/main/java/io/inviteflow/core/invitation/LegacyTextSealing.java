package io.inviteflow.core.invitation;

import io.inviteflow.core.security.PersonalText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.UUID;

/**
 * Seals the guests' texts written before they were sealed (notes, answers, wall posts and comments in the plain
 * columns), a short chunk per transaction, once the core is up: rows taken with {@code SKIP LOCKED}, so several
 * instances share the work (a guest answering meanwhile waits for that chunk at most); invitation rows are locked
 * before the keys are made, the order answers, posts and erasures take them in. A chunk that fails is tried again;
 * the run goes on at the next start if it cannot finish. Finds nothing once done (partial indexes keep that cheap). Upgrade the core's instances together:
 * one of the release before writes plain texts (the next start seals them) but shows a sealed wall post without its
 * author's name.
 */
@Component
class LegacyTextSealing {

    private static final Logger log = LoggerFactory.getLogger(LegacyTextSealing.class);
    private static final int CHUNK = 100;
    private static final int ATTEMPTS = 5;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final PersonalText text;

    LegacyTextSealing(JdbcClient jdbc, TransactionTemplate transactions, PersonalText text) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.text = text;
    }

    @EventListener(ApplicationReadyEvent.class)
    void sealInTheBackground() {
        Thread worker = new Thread(() -> {
            try {
                long sealed = sealAll();
                if (sealed > 0) {
                    log.info("sealed {} guest texts written before texts were sealed", sealed);
                }
            } catch (RuntimeException e) {
                log.warn("guest texts left plain until the next start: {}", e.toString());
            }
        }, "legacy-text-sealing");
        worker.setDaemon(true);
        worker.start();
    }

    /** @return how many notes and answers it sealed */
    long sealAll() {
        long total = 0;
        int done;
        do {
            done = chunkWithRetries();
            total += done;
        } while (done > 0);
        return total;
    }

    private int chunkWithRetries() {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> sealNotes() + sealAnswers() + sealWall("wall_post")
                        + sealWall("wall_comment"));
            } catch (org.springframework.dao.TransientDataAccessException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                try {
                    Thread.sleep(200L * attempt); // a deadlock or serialization failure: the other side goes first
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private record Note(UUID invitationId, String note) {
    }

    private record Answer(UUID invitationId, UUID questionId, int guest, String value) {
    }

    private record WallText(UUID id, UUID invitationId, String author, String body) {
    }

    private int sealNotes() {
        List<Note> notes = jdbc.sql("SELECT id, note FROM invitation WHERE note IS NOT NULL "
                        + "LIMIT :chunk FOR UPDATE SKIP LOCKED")
                .param("chunk", CHUNK).query((rs, n) -> new Note(rs.getObject(1, UUID.class), rs.getString(2))).list();
        for (Note n : notes) {
            jdbc.sql("UPDATE invitation SET note_sealed = :sealed, note = NULL WHERE id = :id")
                    .param("id", n.invitationId())
                    .param("sealed", text.seal(PersonalText.personKey(n.invitationId()), PersonalText.NOTE, n.note()))
                    .update();
        }
        return notes.size();
    }

    private int sealAnswers() {
        // their invitations locked too (skipped when a guest is answering): the order answers take them in
        List<Answer> answers = jdbc.sql("""
                        SELECT a.invitation_id, a.question_id, a.guest_index, a.value
                        FROM question_answer a JOIN invitation i ON i.id = a.invitation_id
                        WHERE a.value IS NOT NULL LIMIT :chunk FOR UPDATE SKIP LOCKED""")
                .param("chunk", CHUNK)
                .query((rs, n) -> new Answer(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
                        rs.getString(4)))
                .list();
        for (Answer a : answers) {
            jdbc.sql("""
                            UPDATE question_answer SET value_sealed = :sealed, value = NULL
                            WHERE invitation_id = :invitation AND question_id = :question AND guest_index = :guest""")
                    .param("invitation", a.invitationId()).param("question", a.questionId()).param("guest", a.guest())
                    .param("sealed", text.seal(PersonalText.personKey(a.invitationId()),
                            PersonalText.answer(a.questionId(), a.guest()), a.value())).update();
        }
        return answers.size();
    }

    /** Guests' posts or comments ({@code table}) on the wall; an erased guest's are left as the erasure left them. */
    private int sealWall(String table) {
        List<WallText> texts = jdbc.sql("""
                        SELECT w.id, w.invitation_id, w.author_name, w.body
                        FROM %s w JOIN invitation i ON i.id = w.invitation_id
                        WHERE w.body IS NOT NULL AND w.invitation_id IS NOT NULL AND i.erased_at IS NULL
                        LIMIT :chunk FOR UPDATE SKIP LOCKED""".formatted(table))
                .param("chunk", CHUNK)
                .query((rs, n) -> new WallText(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4)))
                .list();
        for (WallText t : texts) {
            String person = PersonalText.personKey(t.invitationId());
            jdbc.sql("UPDATE " + table + " SET author_sealed = :author, body_sealed = :body, author_name = NULL, "
                            + "body = NULL WHERE id = :id")
                    .param("id", t.id()).param("author", text.seal(person, PersonalText.wallAuthor(t.id()), t.author()))
                    .param("body", text.seal(person, PersonalText.wallBody(t.id()), t.body())).update();
        }
        return texts.size();
    }
}
