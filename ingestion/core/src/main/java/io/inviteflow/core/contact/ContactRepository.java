package io.inviteflow.core.contact;

import io.inviteflow.core.contact.imports.ContactCard;
import io.inviteflow.core.security.BlindIndex;
import io.inviteflow.core.security.PersonalText;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.text.CollationKey;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The address books, sealed: each contact's card and point values under the contact's own secret
 * ({@link PersonalText#contactKey}), each point known by its value's blind index. Pages are ordered and searched once
 * opened, not in SQL.
 */
@Repository
class ContactRepository {

    private static final int BATCH = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final javax.sql.DataSource dataSource;
    private final PersonalText text;
    private final BlindIndex index;
    private final AddressBookCache books;

    ContactRepository(JdbcClient jdbc, JdbcTemplate batch, javax.sql.DataSource dataSource, PersonalText text,
                      BlindIndex index, AddressBookCache books) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.dataSource = dataSource;
        this.text = text;
        this.index = index;
        this.books = books;
    }

    /** Serialises imports of one organizer until the transaction ends: two uploads at once must not both add a person. */
    void lockAddressBook(UUID organizerId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('contacts:' || CAST(:id AS text), 0))")
                .param("id", organizerId).query().singleValue();
        AddressBookNumbers.lockBook(jdbc, organizerId);
    }

    record PointOwner(UUID contactId, int position) {
    }

    /** What identifies a point in its address book: the blind index of its kind and value, in hex. */
    String keyOf(ContactPoint point) {
        return HexFormat.of().formatHex(index.ofContactPoint(point.kind().name(), point.value()));
    }

    /** Every point of the organizer's address book by {@link #keyOf}. */
    Map<String, PointOwner> pointOwners(UUID organizerId) {
        Map<String, PointOwner> owners = new HashMap<>();
        jdbc.sql("SELECT value_index, contact_id, position FROM contact_point WHERE organizer_id = :org")
                .param("org", organizerId)
                .query(rs -> {
                    owners.put(HexFormat.of().formatHex(rs.getBytes(1)),
                            new PointOwner(rs.getObject(2, UUID.class), rs.getInt(3)));
                });
        return owners;
    }

    record NewContact(UUID id, ContactCard card) {
    }

    /**
     * Seals for an import: the new contacts' secrets made in one batch without lookups, the known ones' read in one
     * query.
     */
    PersonalText.Sealer sealerFor(Collection<UUID> created, Collection<UUID> known) {
        PersonalText.Sealer fresh = text.sealerForNew(created.stream().map(PersonalText::contactKey).toList());
        Set<String> createdKeys = new java.util.HashSet<>(created.stream().map(PersonalText::contactKey).toList());
        PersonalText.Sealer existing = known.isEmpty() ? null
                : text.sealerFor(known.stream().map(PersonalText::contactKey).distinct().toList());
        return (person, purpose, value) -> (createdKeys.contains(person) ? fresh : existing).seal(person, purpose,
                value);
    }

    void insertContacts(UUID organizerId, List<NewContact> contacts, PersonalText.Sealer sealer) {
        PgCopy.rows(dataSource, "COPY contact (id, organizer_id, card_sealed) FROM STDIN", contacts,
                c -> new Object[]{c.id(), organizerId, sealer.seal(PersonalText.contactKey(c.id()), PersonalText.CARD,
                        SealedCard.of(c.card()).json())});
    }

    /**
     * What a later file knows that the address book did not ({@link SealedCard#filledFrom}), applied in file order;
     * a card of an earlier release is sealed on the way.
     */
    void fillMissing(List<NewContact> updates, PersonalText.Sealer sealer) {
        if (updates.isEmpty()) {
            return;
        }
        Map<UUID, SealedCard> cards = cards(updates.stream().map(NewContact::id).distinct().toList());
        updates.forEach(u -> cards.computeIfPresent(u.id(), (id, card) -> card.filledFrom(SealedCard.of(u.card()))));
        batch.batchUpdate("""
                UPDATE contact SET card_sealed = ?, display_name = NULL, first_name = NULL, last_name = NULL,
                    organization = NULL, updated_at = now()
                WHERE id = ?""", List.copyOf(cards.entrySet()), BATCH, (ps, card) -> {
            ps.setBytes(1, sealer.seal(PersonalText.contactKey(card.getKey()), PersonalText.CARD,
                    card.getValue().json()));
            ps.setObject(2, card.getKey());
        });
    }

    record NewPoint(UUID contactId, ContactPoint point, int position) {
    }

    void insertPoints(UUID organizerId, List<NewPoint> points, PersonalText.Sealer sealer) {
        PgCopy.rows(dataSource, "COPY contact_point (contact_id, organizer_id, kind, value_sealed, value_index, "
                        + "usable, label, position) FROM STDIN", points,
                p -> new Object[]{p.contactId(), organizerId, p.point().kind().name(),
                        sealer.seal(PersonalText.contactKey(p.contactId()),
                                PersonalText.point(p.point().kind().name()), p.point().value()),
                        index.ofContactPoint(p.point().kind().name(), p.point().value()),
                        p.point().usable() ? "t" : "f", p.point().label(), p.position()});
    }

    void addMembers(UUID listId, Collection<UUID> contactIds) {
        batch.batchUpdate("INSERT INTO contact_list_member (list_id, contact_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                new ArrayList<>(contactIds), BATCH, (ps, id) -> {
                    ps.setObject(1, listId);
                    ps.setObject(2, id);
                });
    }

    /** @param total how many contacts matched */
    record Page(long total, List<Contact> contacts) {
    }

    /**
     * A page of the address book, by name as people sort them, with every point and list of each contact; {@code q}
     * searches names and the points' values. The cards are sealed, so the book is opened, ordered and searched here,
     * once per change of the book ({@link AddressBookCache}); only the page's contacts are read for the answer.
     */
    Page page(UUID organizerId, String query, UUID listId, int offset, int limit) {
        AddressBookCache.Book book = books.of(organizerId, version -> readBook(organizerId, version));
        String part = query == null || query.isBlank() ? null : query.strip().toLowerCase(Locale.ROOT);
        Map<UUID, String> searchable = part == null ? Map.of() : book.search().get();
        List<UUID> matching = book.ordered().stream()
                .filter(id -> listId == null || book.lists().getOrDefault(id, Set.of()).contains(listId))
                .filter(id -> part == null || searchable.getOrDefault(id, "").contains(part))
                .toList();
        List<UUID> pageIds = matching.subList(Math.min(offset, matching.size()),
                Math.min(offset + limit, matching.size()));
        PersonalText.Opener opener = text.openerFor(pageIds.stream().map(PersonalText::contactKey).toList());
        Map<UUID, SealedCard> cards = opened(read(jdbc.sql(CARDS + "WHERE c.id = ANY(:ids)")
                .param("ids", pageIds.toArray(UUID[]::new))), opener);
        // one deleted since the book was read is left out of its page
        return new Page(matching.size(), contacts(pageIds.stream().filter(cards::containsKey).toList(), cards, opener));
    }

    /** The organizer's whole book opened and ordered, with their lists' members; the search text when first asked. */
    private AddressBookCache.Book readBook(UUID organizerId, long version) {
        Map<UUID, Sealed> sealed = read(jdbc.sql(CARDS + "WHERE c.organizer_id = :org").param("org", organizerId));
        PersonalText.Opener opener = text.openerFor(sealed.keySet().stream().map(PersonalText::contactKey).toList());
        Map<UUID, SealedCard> cards = opened(sealed, opener);
        Map<UUID, Set<UUID>> lists = new HashMap<>();
        jdbc.sql("""
                        SELECT m.contact_id, m.list_id FROM contact_list_member m
                        JOIN contact_list l ON l.id = m.list_id WHERE l.organizer_id = :org""")
                .param("org", organizerId)
                .query(rs -> {
                    lists.computeIfAbsent(rs.getObject(1, UUID.class), id -> new java.util.HashSet<>())
                            .add(rs.getObject(2, UUID.class));
                });
        List<UUID> ordered = byName(new ArrayList<>(cards.keySet()), cards);
        Map<UUID, String> names = new HashMap<>(); // what the search needs of the cards, not the cards
        cards.forEach((id, card) -> names.put(id, card.displayName() == null ? "" : card.displayName()));
        return new AddressBookCache.Book(version, ordered, lists, new AddressBookCache.SearchText(() -> {
            Map<UUID, List<ContactPoint>> points = points(ordered, text.openerFor(ordered.stream()
                    .map(PersonalText::contactKey).toList()));
            Map<UUID, String> searchable = new HashMap<>();
            for (UUID id : ordered) {
                StringBuilder words = new StringBuilder(names.get(id));
                points.getOrDefault(id, List.of()).stream().filter(p -> p.value() != null)
                        .forEach(p -> words.append('\n').append(p.value()));
                searchable.put(id, words.toString().toLowerCase(Locale.ROOT));
            }
            return searchable;
        }));
    }

    /** A card as read: sealed, or the plain columns of an earlier release. */
    private record Sealed(byte[] box, SealedCard plain) {
    }

    private static final String CARDS = "SELECT id, display_name, first_name, last_name, organization, card_sealed, "
            + "card_sealed IS NULL AND " + SealedCard.NAME_FROM_POINT + " FROM contact c ";

    private static Map<UUID, Sealed> read(JdbcClient.StatementSpec cards) {
        Map<UUID, Sealed> read = new LinkedHashMap<>();
        cards.query(rs -> {
            read.put(rs.getObject(1, UUID.class), new Sealed(rs.getBytes(6), SealedCard.plain(rs.getString(2),
                    rs.getString(3), rs.getString(4), rs.getString(5), rs.getBoolean(7))));
        });
        return read;
    }

    /** The cards opened, in the order read; one that no longer opens (its secret destroyed) is left out. */
    private static Map<UUID, SealedCard> opened(Map<UUID, Sealed> read, PersonalText.Opener opener) {
        Map<UUID, SealedCard> cards = new LinkedHashMap<>();
        read.forEach((id, card) -> {
            SealedCard opened = card.box() == null ? card.plain()
                    : SealedCard.fromJson(opener.open(PersonalText.contactKey(id), PersonalText.CARD, card.box()));
            if (opened != null) {
                cards.put(id, opened);
            }
        });
        return cards;
    }

    /** By display name as people sort them ("ada" beside "Ada", "Émile" beside "Emile"), then by id. */
    private static List<UUID> byName(List<UUID> ids, Map<UUID, SealedCard> cards) {
        Collator collator = Collator.getInstance(Locale.ROOT);
        collator.setStrength(Collator.SECONDARY);
        Map<UUID, CollationKey> keys = new HashMap<>();
        ids.forEach(id -> keys.put(id, collator.getCollationKey(String.valueOf(cards.get(id).displayName()))));
        return ids.stream().sorted(Comparator.comparing((UUID id) -> keys.get(id)).thenComparing(UUID::toString))
                .toList();
    }

    /** The contacts' points opened, in their order. */
    private Map<UUID, List<ContactPoint>> points(List<UUID> ids, PersonalText.Opener opener) {
        Map<UUID, List<ContactPoint>> points = new HashMap<>();
        if (ids.isEmpty()) {
            return points;
        }
        jdbc.sql("""
                        SELECT contact_id, kind, value, usable, label, value_sealed FROM contact_point
                        WHERE contact_id = ANY(:ids) ORDER BY contact_id, position""")
                .param("ids", ids.toArray(UUID[]::new))
                .query(rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    String kind = rs.getString(2);
                    String value = opener.openOr(PersonalText.contactKey(id), PersonalText.point(kind),
                            rs.getBytes(6), rs.getString(3));
                    points.computeIfAbsent(id, k -> new ArrayList<>()).add(new ContactPoint(PointKind.valueOf(kind),
                            value, rs.getBoolean(4), rs.getString(5)));
                });
        return points;
    }

    private List<Contact> contacts(List<UUID> ids, Map<UUID, SealedCard> cards, PersonalText.Opener opener) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Contact.Builder> byId = new LinkedHashMap<>();
        ids.forEach(id -> {
            SealedCard card = cards.get(id);
            byId.put(id, new Contact.Builder(id, card.displayName(), card.firstName(), card.lastName(),
                    card.organization()));
        });
        points(ids, opener).forEach((id, points) -> points.forEach(byId.get(id)::add));
        jdbc.sql("""
                        SELECT m.contact_id, l.id, l.name FROM contact_list_member m JOIN contact_list l ON l.id = m.list_id
                        WHERE m.contact_id = ANY(:ids) ORDER BY lower(l.name)""")
                .param("ids", ids.toArray(UUID[]::new))
                .query(rs -> {
                    byId.get(rs.getObject(1, UUID.class)).list(new Contact.ListRef(rs.getObject(2, UUID.class),
                            rs.getString(3)));
                });
        return byId.values().stream().map(Contact.Builder::build).toList();
    }

    /** These contacts with every point and list, in name order (their secrets read in one query). */
    List<Contact> withIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        PersonalText.Opener opener = text.openerFor(ids.stream().map(PersonalText::contactKey).toList());
        Map<UUID, SealedCard> cards = opened(read(jdbc.sql(CARDS + "WHERE c.id = ANY(:ids)")
                .param("ids", ids.toArray(UUID[]::new))), opener);
        return contacts(byName(new ArrayList<>(cards.keySet()), cards), cards, opener);
    }

    /** The contacts' cards opened (or read plain, from an earlier release); one that no longer opens is left out. */
    private Map<UUID, SealedCard> cards(List<UUID> ids) {
        return opened(read(jdbc.sql(CARDS + "WHERE c.id = ANY(:ids)").param("ids", ids.toArray(UUID[]::new))),
                text.openerFor(ids.stream().map(PersonalText::contactKey).toList()));
    }

    /** The ids among {@code ids} that are the organizer's contacts. */
    List<UUID> owned(UUID organizerId, Collection<UUID> ids) {
        return jdbc.sql("SELECT id FROM contact WHERE organizer_id = :org AND id = ANY(:ids)")
                .param("org", organizerId)
                .param("ids", ids.toArray(UUID[]::new))
                .query(UUID.class).list();
    }
}
