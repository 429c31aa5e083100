package io.inviteflow.core.security;

import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * Guests' names, stored sealed ({@code invitation.guest_name_sealed}) under their invitation's own secret like the
 * texts they write ({@link PersonalText}). A query reads its rows with the names still sealed ({@link Named}); they
 * are opened afterwards, all with one query for their secrets, never inside a row mapper. An erased guest's row
 * keeps its plain "Erased guest", and a row of an earlier release its plain name until it is sealed.
 */
@Component
public class GuestNames {

    private final PersonalText text;

    GuestNames(PersonalText text) {
        this.text = text;
    }

    /** A row read with its guest's name still sealed: {@code build} makes it once the name is open. */
    public record Named<T>(UUID invitationId, byte[] box, String plain, Function<String, T> build) {

        /** The name in this row's {@code guest_name_sealed} and {@code guest_name} columns. */
        public static <T> Named<T> of(ResultSet rs, UUID invitationId, Function<String, T> build)
                throws SQLException {
            return new Named<>(invitationId, rs.getBytes("guest_name_sealed"), rs.getString("guest_name"), build);
        }
    }

    /** The rows made with their names open; an empty name for one that does not open (its secret destroyed). */
    public <T> List<T> open(List<Named<T>> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        PersonalText.Opener opener = text.openerFor(rows.stream().map(r -> PersonalText.personKey(r.invitationId()))
                .distinct().toList());
        return rows.stream().map(r -> r.build().apply(Objects.requireNonNullElse(opener.openOr(
                PersonalText.personKey(r.invitationId()), PersonalText.NAME, r.box(), r.plain()), ""))).toList();
    }

    /** One guest's name open. */
    public <T> T open(Named<T> row) {
        return open(List.of(row)).get(0);
    }
}
