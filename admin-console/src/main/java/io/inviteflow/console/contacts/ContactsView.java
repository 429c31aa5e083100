package io.inviteflow.console.contacts;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import io.inviteflow.console.core.CoreClient;
import io.inviteflow.console.core.CoreTeams;
import io.inviteflow.console.team.WorkingFor;
import io.inviteflow.console.core.CoreContacts;
import io.inviteflow.console.layout.MainLayout;
import io.inviteflow.console.security.CurrentOrganizer;
import jakarta.annotation.security.PermitAll;

import java.util.stream.Collectors;

/**
 * The organizer's address book: import a vCard, CSV (Google, Outlook, LinkedIn) or Facebook/Instagram export, see
 * what was imported, merged and rejected (with the line), search, and keep contacts in lists. A member of other
 * organizers' marketing teams chooses whose address book to work on ({@link WorkingFor}).
 */
@Route(value = "contacts", layout = MainLayout.class)
@PageTitle("Contacts · Inviteflow")
@PermitAll
public class ContactsView extends VerticalLayout implements BeforeEnterObserver {

    private static final int PAGE = 500;

    private final CoreClient ownCore;
    private final CoreTeams teams;
    /** the organizer's own client, or one working for the organizer chosen (WorkingFor) */
    private CoreClient core;
    private final String token;
    private final Div workingFor = new Div();
    private final CurrentOrganizer organizer;
    private final Grid<CoreContacts.Contact> grid = new Grid<>();
    private final Grid<CoreContacts.Issue> rejected = new Grid<>();
    private final Paragraph report = new Paragraph();
    private final Paragraph count = new Paragraph();
    private final TextField search = new TextField();
    private final ComboBox<CoreContacts.ContactList> list = new ComboBox<>("List");
    private final TextField importInto = new TextField("Import into list (optional)");

    public ContactsView(CoreClient core, CoreTeams teams, CurrentOrganizer organizer) {
        this.ownCore = core;
        this.core = core;
        this.teams = teams;
        this.organizer = organizer;
        this.token = organizer.accessToken();
        setSizeFull();

        Upload upload = new Upload(UploadHandler.inMemory((file, bytes) -> {
            UI ui = UI.getCurrent();
            importFile(ui, file.fileName(), bytes);
        }));
        upload.setMaxFileSize(25 * 1024 * 1024);
        upload.setDropLabel(new com.vaadin.flow.component.html.Span(
                "vCard (.vcf), CSV from Google, Outlook or LinkedIn, or Facebook/Instagram JSON"));
        upload.addFileRejectedListener(e -> Notification.show(e.getErrorMessage()));

        search.setPlaceholder("Search names, emails, phones");
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> refresh());
        list.setItemLabelGenerator(l -> l.name() + " (" + l.size() + ")");
        list.setClearButtonVisible(true);
        list.addValueChangeListener(e -> refresh());
        TextField newList = new TextField();
        newList.setPlaceholder("New list name");
        Button create = new Button("Create list", click -> createList(newList));

        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(CoreContacts.Contact::displayName).setHeader("Name").setFlexGrow(2);
        grid.addColumn(c -> join(c.emails())).setHeader("Emails").setFlexGrow(2);
        grid.addColumn(c -> join(c.phones())).setHeader("Phones").setFlexGrow(1);
        grid.addColumn(c -> c.lists().stream().map(CoreContacts.ListRef::name).collect(Collectors.joining(", ")))
                .setHeader("Lists").setFlexGrow(1);
        rejected.addColumn(CoreContacts.Issue::line).setHeader("Line").setFlexGrow(0).setWidth("6em");
        rejected.addColumn(CoreContacts.Issue::reason).setHeader("Not imported because").setFlexGrow(1);
        rejected.setAllRowsVisible(true);
        rejected.setVisible(false);

        HorizontalLayout filters = new HorizontalLayout(search, list, newList, create);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H2("Contacts"), workingFor, new HorizontalLayout(importInto, upload), report, rejected, filters, count,
                grid);
        setFlexGrow(1, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        workingFor.removeAll();
        try {
            WorkingFor choice = WorkingFor.of(event.getLocation().getQueryParameters(), teams, organizer, "contacts");
            core = choice.client(ownCore);
            workingFor.add(choice.select());
        } catch (CoreClient.Unauthorized e) {
            organizer.logout();
            return;
        } catch (CoreClient.CoreException e) {
            core = ownCore;
            workingFor.add(new Paragraph("Your teams could not be read now: these are your own contacts."));
        }
        // nothing of the address book shown before (another organizer's, when the choice changed) stays
        list.clear();
        search.clear();
        report.setText("");
        rejected.setItems(java.util.List.of());
        rejected.setVisible(false);
        refreshLists();
        refresh();
    }

    private void importFile(UI ui, String filename, byte[] bytes) {
        String listName = importInto.getValue();
        try {
            CoreContacts.ImportReport result = core.importContacts(token, filename, bytes, listName);
            ui.access(() -> {
                report.setText("%s: %d new, %d merged into contacts you had, %d not imported%s.".formatted(
                        filename, result.imported(), result.merged(), result.rejected().size(),
                        result.warnings().isEmpty() ? "" : ", " + result.warnings().size() + " imported with a caveat"));
                rejected.setItems(result.rejected());
                rejected.setVisible(!result.rejected().isEmpty());
                refreshLists();
                refresh();
            });
        } catch (CoreClient.Refused e) {
            ui.access(() -> report.setText(filename + " was not imported: " + e.getMessage()));
        } catch (CoreClient.Unauthorized e) {
            ui.access(organizer::logout);
        } catch (CoreClient.CoreException e) {
            ui.access(() -> report.setText("The Inviteflow core could not be reached; nothing was imported."));
        }
    }

    private void createList(TextField name) {
        try {
            core.createContactList(token, name.getValue());
            name.clear();
            refreshLists();
        } catch (CoreClient.Refused e) {
            Notification.show(e.getMessage());
        }
    }

    private void refreshLists() {
        try {
            list.setItems(core.contactLists(token));
        } catch (CoreClient.CoreException e) {
            count.setText("The Inviteflow core could not be reached.");
        }
    }

    private void refresh() {
        try {
            CoreContacts.Page page = core.contacts(token, search.getValue(),
                    list.getValue() == null ? null : list.getValue().id(), 0, PAGE);
            grid.setItems(page.contacts());
            count.setText(page.total() == 0 ? "No contacts yet: import a file above."
                    : page.total() + " contacts" + (page.total() > PAGE ? " (the first " + PAGE + " shown; search to narrow)" : ""));
        } catch (CoreClient.Unauthorized e) {
            organizer.logout();
        } catch (CoreClient.CoreException e) {
            count.setText("The Inviteflow core could not be reached.");
        }
    }

    private static String join(java.util.List<CoreContacts.Point> points) {
        return points.stream().map(p -> p.usable() ? p.value() : p.value() + " (?)").collect(Collectors.joining(", "));
    }
}
