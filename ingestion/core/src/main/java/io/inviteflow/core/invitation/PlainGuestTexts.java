package io.inviteflow.core.invitation;

import io.inviteflow.core.security.LegacySealing;
import io.inviteflow.core.security.PersonalText;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/**
 * The guests' names, addresses, numbers and texts written before they were sealed (notes, answers, wall posts and
 * comments in the plain columns), and the organizers' personal messages to them. (Migration V40 indexed the addresses
 * and numbers already: nothing looks them up while they wait here.)
 * Invitation rows are locked before the keys are made, in the order answers, posts and erasures take them. A wall
 * post of the release before shows its author's name only once sealed here.
 */
@Component
class PlainGuestTexts implements LegacySealing.PlainRows {

    private final JdbcClient jdbc;
    private final PersonalText text;

    PlainGuestTexts(JdbcClient jdbc, PersonalText text) {
        this.jdbc = jdbc;
        this.text = text;
    }

    @Override
    public int sealChunk(int limit) {
        return sealNames(limit) + sealColumn("guest_email", "guest_email_sealed", PersonalText.EMAIL, "", limit)
                + sealColumn("guest_phone", "guest_phone_sealed", PersonalText.PHONE, "", limit) + sealNotes(limit)
                + sealMessages(limit) + sealAnswers(limit) + sealWall("wall_post", limit)
                + sealWall("wall_comment", limit);
    }

    private record InvitationText(UUID invitationId, String text) {
    }

    private record Answer(UUID invitationId, UUID questionId, int guest, String value) {
    }

    private record WallText(UUID id, UUID invitationId, String author, String body) {
    }

    private int sealNotes(int limit) {
        return sealColumn("note", "note_sealed", PersonalText.NOTE, "", limit);
    }

    /** Guests' names; an erased guest's plain "Erased guest" stays as it is. */
    private int sealNames(int limit) {
        return sealColumn("guest_name", "guest_name_sealed", PersonalText.NAME, "AND erased_at IS NULL", limit);
    }

    /** The organizers' personal messages (an erased invitation has none). */
    private int sealMessages(int limit) {
        return sealColumn("message", "message_sealed", PersonalText.MESSAGE, "", limit);
    }

    /** An invitation's plain {@code column}, sealed into {@code sealedColumn}; the chunk's secrets made in one go. */
    private int sealColumn(String column, String sealedColumn, String purpose, String andWhere, int limit) {
        List<InvitationText> plain = jdbc.sql("SELECT id, %1$s FROM invitation WHERE %1$s IS NOT NULL %2$s "
                        .formatted(column, andWhere) + "LIMIT :chunk FOR UPDATE SKIP LOCKED")
                .param("chunk", limit)
                .query((rs, n) -> new InvitationText(rs.getObject(1, UUID.class), rs.getString(2))).list();
        PersonalText.Sealer sealer = sealerOf(plain.stream().map(InvitationText::invitationId).toList());
        for (InvitationText t : plain) {
            jdbc.sql("UPDATE invitation SET %s = :sealed, %s = NULL WHERE id = :id".formatted(sealedColumn, column))
                    .param("id", t.invitationId())
                    .param("sealed", sealer.seal(PersonalText.personKey(t.invitationId()), purpose, t.text()))
                    .update();
        }
        return plain.size();
    }

    private int sealAnswers(int limit) {
        // their invitations locked too (skipped when a guest is answering): the order answers take them in
        List<Answer> answers = jdbc.sql("""
                        SELECT a.invitation_id, a.question_id, a.guest_index, a.value
                        FROM question_answer a JOIN invitation i ON i.id = a.invitation_id
                        WHERE a.value IS NOT NULL LIMIT :chunk FOR UPDATE SKIP LOCKED""")
                .param("chunk", limit)
                .query((rs, n) -> new Answer(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
                        rs.getString(4)))
                .list();
        PersonalText.Sealer sealer = sealerOf(answers.stream().map(Answer::invitationId).toList());
        for (Answer a : answers) {
            jdbc.sql("""
                            UPDATE question_answer SET value_sealed = :sealed, value = NULL
                            WHERE invitation_id = :invitation AND question_id = :question AND guest_index = :guest""")
                    .param("invitation", a.invitationId()).param("question", a.questionId()).param("guest", a.guest())
                    .param("sealed", sealer.seal(PersonalText.personKey(a.invitationId()),
                            PersonalText.answer(a.questionId(), a.guest()), a.value())).update();
        }
        return answers.size();
    }

    /** Guests' posts or comments ({@code table}) on the wall; an erased guest's are left as the erasure left them. */
    private int sealWall(String table, int limit) {
        List<WallText> texts = jdbc.sql("""
                        SELECT w.id, w.invitation_id, w.author_name, w.body
                        FROM %s w JOIN invitation i ON i.id = w.invitation_id
                        WHERE w.body IS NOT NULL AND w.invitation_id IS NOT NULL AND i.erased_at IS NULL
                        LIMIT :chunk FOR UPDATE SKIP LOCKED""".formatted(table))
                .param("chunk", limit)
                .query((rs, n) -> new WallText(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getString(4)))
                .list();
        PersonalText.Sealer sealer = sealerOf(texts.stream().map(WallText::invitationId).toList());
        for (WallText t : texts) {
            String person = PersonalText.personKey(t.invitationId());
            jdbc.sql("UPDATE " + table + " SET author_sealed = :author, body_sealed = :body, author_name = NULL, "
                            + "body = NULL WHERE id = :id")
                    .param("id", t.id()).param("author", sealer.seal(person, PersonalText.wallAuthor(t.id()), t.author()))
                    .param("body", sealer.seal(person, PersonalText.wallBody(t.id()), t.body())).update();
        }
        return texts.size();
    }

    /** A sealer for the chunk's invitations, their secrets read or made in one go. */
    private PersonalText.Sealer sealerOf(List<UUID> invitations) {
        return text.sealerFor(invitations.stream().map(PersonalText::personKey).distinct().toList());
    }
}
