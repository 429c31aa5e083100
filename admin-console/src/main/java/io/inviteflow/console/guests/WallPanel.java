package io.inviteflow.console.guests;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import io.inviteflow.console.core.CoreClient;
import io.inviteflow.console.core.CoreWall;
import org.springframework.http.HttpMethod;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.UUID;

/**
 * The guest side of one event for its organizer: what guests may do (invite friends, wall, chat), and the wall to
 * moderate — hide or delete a post or comment, ban its author from the wall and the chat. Guests' text is shown as
 * text (Vaadin escapes it).
 */
class WallPanel extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM,
            FormatStyle.SHORT).withLocale(Locale.UK).withZone(ZoneId.systemDefault());

    private final CoreClient core;
    private final String token;
    private final UUID eventId;
    private final VerticalLayout posts = new VerticalLayout();
    private final Paragraph status = new Paragraph();

    WallPanel(CoreClient core, String token, UUID eventId) {
        this.core = core;
        this.token = token;
        this.eventId = eventId;
        setPadding(false);
        posts.setPadding(false);
        add(options(), status, posts);
        refresh();
    }

    private HorizontalLayout options() {
        CoreWall.GuestOptions current = core.guestOptions(token, eventId);
        IntegerField friends = new IntegerField("Friends each guest may invite");
        friends.setMin(0);
        friends.setMax(50);
        friends.setStepButtonsVisible(true);
        friends.setValue(current.friendInvites());
        Checkbox wall = new Checkbox("Wall", current.wall());
        Checkbox chat = new Checkbox("Guest chat (end-to-end encrypted)", current.chat());
        Button save = new Button("Save", click -> {
            try {
                core.saveGuestOptions(token, eventId, new CoreWall.GuestOptions(
                        friends.getValue() == null ? 0 : friends.getValue(), wall.getValue(), chat.getValue()));
                status.setText("Saved: guests see it on their next visit.");
            } catch (CoreClient.Refused e) {
                status.setText("Not saved: " + e.getMessage());
            }
        });
        HorizontalLayout row = new HorizontalLayout(friends, wall, chat, save);
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        return row;
    }

    private void refresh() {
        posts.removeAll();
        var wall = core.wall(token, eventId);
        if (wall.isEmpty()) {
            posts.add(new Paragraph("No posts on the wall yet."));
        }
        for (CoreWall.Post post : wall) {
            posts.add(post(post));
        }
    }

    private Div post(CoreWall.Post post) {
        Div card = new Div();
        card.getStyle().set("border-top", "1px solid var(--lumo-contrast-10pct)").set("padding", "0.5rem 0");
        Span who = new Span(post.authorName() + " · " + WHEN.format(post.createdAt())
                + (post.hidden() ? " · hidden" : ""));
        who.getStyle().set("font-weight", "600");
        card.add(who, new Paragraph(post.body()));
        if (post.photoUrl() != null) {
            Image photo = new Image(post.photoUrl(), "Photo by " + post.authorName());
            photo.setHeight("6rem");
            card.add(photo);
        }
        HorizontalLayout actions = new HorizontalLayout(
                action(post.hidden() ? "Show" : "Hide", HttpMethod.POST,
                        "posts/" + post.id() + (post.hidden() ? "/show" : "/hide")),
                action("Delete", HttpMethod.DELETE, "posts/" + post.id()));
        if (post.invitationId() != null) {
            actions.add(action("Ban " + post.authorName(), HttpMethod.PUT, "bans/" + post.invitationId()));
        }
        card.add(actions);
        for (CoreWall.Comment comment : post.comments()) {
            HorizontalLayout line = new HorizontalLayout(new Span(comment.authorName() + ": " + comment.body()
                    + (comment.hidden() ? " (hidden)" : "")),
                    action("Hide", HttpMethod.POST, "comments/" + comment.id() + "/hide"),
                    action("Delete", HttpMethod.DELETE, "comments/" + comment.id()));
            line.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            line.getStyle().set("margin-left", "1.5rem");
            card.add(line);
        }
        return card;
    }

    private Button action(String label, HttpMethod method, String path) {
        Button button = new Button(label, click -> {
            try {
                core.moderate(token, eventId, method, path);
                status.setText(label + ": done.");
            } catch (CoreClient.NotFound e) {
                status.setText("Already gone.");
            }
            refresh();
        });
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        if (!"Show".equals(label) && !"Hide".equals(label)) {
            button.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        return button;
    }
}
