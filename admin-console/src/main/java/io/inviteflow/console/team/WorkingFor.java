package io.inviteflow.console.team;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.QueryParameters;
import io.inviteflow.console.core.CoreClient;
import io.inviteflow.console.core.CoreTeams;
import io.inviteflow.console.security.CurrentOrganizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Whose campaigns and contacts a page shows: the signed-in organizer's own, or — for a member of other organizers'
 * marketing teams — one of theirs, named in the page's {@code for} query parameter. The choice is a select at the
 * top of the page, shown only to members of some marketing team; choosing reloads the page for that organizer.
 */
public final class WorkingFor {

    private static final String PARAMETER = "for";
    private static final CoreTeams.Membership YOURSELF = new CoreTeams.Membership(null, "Yourself", null, null, null);

    private final Optional<CoreTeams.Membership> chosen;
    private final Select<CoreTeams.Membership> select = new Select<>();

    private WorkingFor(List<CoreTeams.Membership> teams, Optional<CoreTeams.Membership> chosen, String route) {
        this.chosen = chosen;
        List<CoreTeams.Membership> choices = new ArrayList<>();
        choices.add(YOURSELF);
        choices.addAll(teams);
        select.setLabel("Working for");
        select.setId("working-for");
        select.setItems(choices);
        select.setItemLabelGenerator(CoreTeams.Membership::ownerName);
        select.setValue(chosen.orElse(YOURSELF));
        select.setVisible(!teams.isEmpty());
        select.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                UI.getCurrent().navigate(route, e.getValue().ownerId() == null ? QueryParameters.empty()
                        : QueryParameters.simple(Map.of(PARAMETER, e.getValue().ownerId().toString())));
            }
        });
    }

    /**
     * The choice the page was opened with: an organizer whose marketing team the signed-in person is on, or
     * themselves (no parameter, or one naming no such team).
     */
    public static WorkingFor of(QueryParameters query, CoreTeams teams, CurrentOrganizer organizer, String route) {
        List<CoreTeams.Membership> marketing = teams.memberships(organizer.accessToken()).stream()
                .filter(CoreTeams.Membership::marketing).toList();
        Optional<String> named = query.getSingleParameter(PARAMETER);
        Optional<CoreTeams.Membership> chosen = marketing.stream()
                .filter(m -> named.isPresent() && m.ownerId().toString().equals(named.get())).findFirst();
        return new WorkingFor(marketing, chosen, route);
    }

    /** The client for this page's calls: the base one, or one working for the chosen organizer. */
    public CoreClient client(CoreClient core) {
        return chosen.map(m -> core.workingFor(m.ownerId())).orElse(core);
    }

    /** The organizer whose things the page shows, when not the signed-in one's own. */
    public Optional<UUID> organizer() {
        return chosen.map(CoreTeams.Membership::ownerId);
    }

    /** The select (hidden unless the signed-in person is on some marketing team). */
    public Select<CoreTeams.Membership> select() {
        return select;
    }
}
