package io.inviteflow.core.security;

import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * Guests' names, addresses and numbers, stored sealed ({@code invitation.guest_name_sealed}, {@code guest_email_sealed},
 * {@code guest_phone_sealed}) under their invitation's own secret like the texts they write ({@link PersonalText}).
 * A query reads its rows with them still sealed ({@link Named}); they are opened afterwards, all with one query for
 * their secrets, never inside a row mapper. Queries find and compare guests by the blind indexes beside them
 * ({@link BlindIndex}). An erased guest's row keeps its plain "Erased guest" and no address, and a row of an earlier
 * release its plain values until they are sealed.
 */
@Component
public class GuestNames {

    private final PersonalText text;

    GuestNames(PersonalText text) {
        this.text = text;
    }

    /** A guest as opened: name (empty when it no longer opens), address and number (null for none). */
    public record Guest(String name, String email, String phone) {
    }

    /** One sealed value of a row, or the plain one of an earlier release. */
    private record Box(byte[] sealed, String plain) {

        private static final Box NONE = new Box(null, null);

        static Box of(ResultSet rs, String column) throws SQLException {
            return new Box(rs.getBytes(column + "_sealed"), rs.getString(column));
        }
    }

    /** The columns {@link Named#withAddress} reads, of the invitation {@code alias} (e.g. {@code i.}; or empty). */
    public static String addressColumns(String alias) {
        return "%1$sguest_name, %1$sguest_name_sealed, %1$sguest_email, %1$sguest_email_sealed, %1$sguest_phone, "
                .formatted(alias) + alias + "guest_phone_sealed";
    }

    /**
     * A row read with its guest still sealed: {@code build} makes it once the guest is open. Its boxes stay inside:
     * only {@link #open} reads them.
     */
    public static final class Named<T> {

        private final UUID invitationId;
        private final Box name;
        private final Box email;
        private final Box phone;
        private final Function<Guest, T> build;

        private Named(UUID invitationId, Box name, Box email, Box phone, Function<Guest, T> build) {
            this.invitationId = invitationId;
            this.name = name;
            this.email = email;
            this.phone = phone;
            this.build = build;
        }

        /** The name in this row's {@code guest_name_sealed} and {@code guest_name} columns. */
        public static <T> Named<T> of(ResultSet rs, UUID invitationId, Function<String, T> build)
                throws SQLException {
            return new Named<>(invitationId, Box.of(rs, "guest_name"), Box.NONE, Box.NONE,
                    guest -> build.apply(guest.name()));
        }

        /** The name, address and number in this row's {@link #addressColumns}. */
        public static <T> Named<T> withAddress(ResultSet rs, UUID invitationId, Function<Guest, T> build)
                throws SQLException {
            return new Named<>(invitationId, Box.of(rs, "guest_name"), Box.of(rs, "guest_email"),
                    Box.of(rs, "guest_phone"), build);
        }
    }

    /** The rows made with their guests open; an empty name for one that does not open (its secret destroyed). */
    public <T> List<T> open(List<Named<T>> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        PersonalText.Opener opener = text.openerFor(rows.stream().map(r -> PersonalText.personKey(r.invitationId))
                .distinct().toList());
        return rows.stream().map(r -> {
            String person = PersonalText.personKey(r.invitationId);
            return r.build.apply(new Guest(
                    Objects.requireNonNullElse(opener.openOr(person, PersonalText.NAME, r.name.sealed(),
                            r.name.plain()), ""),
                    opener.openOr(person, PersonalText.EMAIL, r.email.sealed(), r.email.plain()),
                    opener.openOr(person, PersonalText.PHONE, r.phone.sealed(), r.phone.plain())));
        }).toList();
    }

    /** One guest open. */
    public <T> T open(Named<T> row) {
        return open(List.of(row)).get(0);
    }
}
